/* test_match.c - the screening index through its public API: put,
 * replace, remove, screen, explanations, dates, documents, bad input,
 * concurrency and batch screening. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ent_err.h"
#include "ent_match.h"
#include "ent_text.h"
#include "match_int.h" /* name_compare_memo: same scores with the memo */

static struct ent_record *
rec(const char *id, const char *schema, ...)
{
	struct ent_record *r = NULL;
	va_list ap;
	const char *k, *v;

	assert_int_equal(ent_record_new(id, schema, &r, NULL), ENT_OK);
	va_start(ap, schema);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		assert_int_equal(ent_record_add(r, k, v, NULL), ENT_OK);
	}
	va_end(ap);
	return r;
}

static void
put(struct ent_index *ix, struct ent_record *r)
{
	assert_int_equal(ent_index_put(ix, r), ENT_OK);
	ent_record_free(r);
}

/* A small watchlist shared by the tests. */
static int
setup(void **st)
{
	struct ent_index *ix;
	struct ent_record *r;

	assert_int_equal(ent_index_new(&ix), ENT_OK);
	r = rec("p-ubl", "Person", "name",
	    "Usama bin Muhammad bin Awad bin Ladin", "alias", "Osama bin Laden",
	    "alias", "أسامة بن لادن", "birthDate", "1957-03-10", "nationality",
	    "sa", "gender", "male", NULL);
	assert_int_equal(ent_meta_set(&r->meta.agency, "UN-SC"), ENT_OK);
	put(ix, r);
	put(ix,
	    rec("p-guzman", "Person", "name", "Joaquin Archivaldo GUZMAN LOERA",
	        "birthDate", "1957-04-04", "nationality", "mx",
	        "passportNumber", "A-1234 567", NULL));
	put(ix, rec("p-xi", "Person", "name", "Xi Jinping", "birthDate", "1953",
	            NULL));
	put(ix, rec("p-iqbal", "Person", "name", "Ahsan Iqbal", NULL));
	put(ix, rec("p-smith", "Person", "name", "John Smith", "gender", "male",
	            NULL));
	put(ix, rec("c-acme", "Company", "name", "Acme LLC", NULL));
	put(ix, rec("c-db", "Company", "name", "Deutsche Bank AG", NULL));
	put(ix, rec("v-1", "Vessel", "name", "Hellenic Spirit", NULL));
	put(ix, rec("doc-1", "Passport", "number", "X9876543", "country", "fr",
	            "holder", "p-xi", NULL));
	/* not screened: an edge */
	put(ix, rec("f-1", "Family", "person", "p-xi", "relative", "p-smith",
	            NULL));
	*st = ix;
	return 0;
}

static int
teardown(void **st)
{
	ent_index_free(*st);
	return 0;
}

static struct ent_hits *
screen(
    struct ent_index *ix, const char *schema, const char *name, const char *dob)
{
	const char *names[1] = {name};
	struct ent_query q = {
	    .schema = schema, .names = names, .nnames = 1, .birth_date = dob};
	struct ent_hits *h = NULL;

	assert_int_equal(ent_index_screen(ix, &q, NULL, &h), ENT_OK);
	assert_non_null(h);
	return h;
}

/* The best hit of a Person query by name is the record want. */
static void
assert_best(struct ent_index *ix, const char *name, const char *want)
{
	struct ent_hits *h = screen(ix, "Person", name, NULL);

	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, want);
	ent_hits_free(h);
}

/* A made-up word, a different one for each i below 10^n: n syllables. */
static void
made_up_word(size_t i, size_t n, char *out, size_t cap)
{
	static const char *const syl[] = {
	    "ka", "ro", "mi", "ten", "bu", "sol", "da", "vik", "lo", "pe"};
	size_t k, l = 0;

	out[0] = '\0';
	for (k = 0; k < n; k++, i /= 10)
		l += (size_t)snprintf(out + l, cap - l, "%s", syl[i % 10]);
}

/* Put a Person, id "<idp>-<i>", named before, made_up_word(i, n), after:
 * one of many namesakes that differ in one made-up word. */
static void
put_made_up(struct ent_index *ix, const char *idp, size_t i, size_t n,
    const char *before, const char *after)
{
	char id[32], w[16], name[64];

	made_up_word(i, n, w, sizeof(w));
	snprintf(id, sizeof(id), "%s-%05zu", idp, i);
	snprintf(name, sizeof(name), "%s%s%s", before, w, after);
	put(ix, rec(id, "Person", "name", name, NULL));
}

static const struct ent_feature *
feature(const struct ent_hit *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->nfeatures; i++)
		if (strcmp(h->features[i].name, name) == 0)
			return &h->features[i];
	return NULL;
}

static void
size_counts_screenable_records(void **st)
{
	/* the Family edge is not indexed */
	assert_int_equal(ent_index_size(*st), 9);
}

static void
a_spelling_variant_finds_the_record_with_an_explanation(void **st)
{
	struct ent_hits *h = screen(*st, "Person", "Osama Bin Laden", NULL);

	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, "p-ubl");
	assert_true(h->hits[0].match);
	assert_true(h->hits[0].score >= ENT_SCREEN_THRESHOLD_DEFAULT);
	assert_string_equal(h->hits[0].agency, "UN-SC");
	assert_string_equal(h->hits[0].schema, "Person");
	assert_non_null(h->hits[0].caption);
	assert_true(h->hits[0].nfeatures >= 1);
	assert_non_null(strstr(h->hits[0].features[0].name, "name_"));
	assert_non_null(h->hits[0].features[0].detail);
	ent_hits_free(h);

	h = screen(*st, NULL, "Usama bin Ladin", NULL);
	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, "p-ubl");
	ent_hits_free(h);
}

static void
an_unlisted_person_raises_nothing(void **st)
{
	struct ent_hits *h =
	    screen(*st, "Person", "Maria Fernanda Oliveira", NULL);

	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	h = screen(*st, "Person", "John Smithers", NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
}

static void
birth_dates_qualify_the_score(void **st)
{
	struct ent_hits *h;
	double base, exact, year, swapped, conflict;

	h = screen(*st, "Person", "Osama bin Laden", NULL);
	base = h->hits[0].score;
	ent_hits_free(h);
	h = screen(*st, "Person", "Osama bin Laden", "1957-03-10");
	exact = h->hits[0].score;
	assert_non_null(feature(&h->hits[0], "dob_exact"));
	ent_hits_free(h);
	h = screen(*st, "Person", "Osama bin Laden", "1957");
	year = h->hits[0].score;
	assert_non_null(feature(&h->hits[0], "dob_year"));
	ent_hits_free(h);
	h = screen(*st, "Person", "Osama bin Laden", "1957-10-03");
	swapped = h->hits[0].score;
	assert_non_null(feature(&h->hits[0], "dob_day_month_swapped"));
	ent_hits_free(h);
	h = screen(*st, "Person", "Osama bin Laden", "1971-01-01");
	conflict = h->n > 0 ? h->hits[0].score : 0;
	if (h->n > 0)
		assert_non_null(feature(&h->hits[0], "dob_conflict"));
	ent_hits_free(h);
	assert_true(exact >= base);
	assert_true(year >= base);
	assert_true(swapped >= conflict);
	assert_true(conflict < base);
	assert_true(swapped > conflict);
	(void)year;
}

/* A namesake born on another date cannot reach the threshold, so it is
 * not compared by name at all (score_record's early cut); asked for every
 * score, the same record comes back with the conflict explained. */
static void
a_record_another_birth_date_rules_out_is_cut_unless_all_are_wanted(void **st)
{
	const char *names[1] = {"Osama bin Laden"};
	struct ent_query q = {.schema = "Person",
	    .names = names,
	    .nnames = 1,
	    .birth_date = "1971-01-01"};
	struct ent_screen_opts o = {.all = true};
	struct ent_hits *h;
	size_t i;

	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_OK);
	for (i = 0; i < h->n; i++)
		assert_true(h->hits[i].score >= ENT_SCREEN_THRESHOLD_DEFAULT);
	ent_hits_free(h);
	assert_int_equal(ent_index_screen(*st, &q, &o, &h), ENT_OK);
	assert_true(h->n > 0);
	assert_non_null(feature(&h->hits[0], "dob_conflict"));
	assert_true(h->hits[0].score > 0);
	assert_true(h->hits[0].score < ENT_SCREEN_THRESHOLD_DEFAULT);
	assert_false(h->hits[0].match);
	ent_hits_free(h);
	q.birth_date = "1957-03-10";
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_OK);
	assert_true(h->n > 0);
	assert_non_null(feature(&h->hits[0], "dob_exact"));
	ent_hits_free(h);
}

/* The birth-date cut (a record whose birth date, nationality or gender
 * keeps it under the threshold even with equal names is not scored) must
 * give exactly what scoring every record gives above the threshold: for
 * namesakes with none, one or several birth dates (full, year and
 * month, year only) and nationalities, and queries with full, partial,
 * swapped and mistyped dates. */
static void
the_cut_keeps_what_full_scoring_keeps(void **st)
{
	static const char *const dobs[][2] = {{NULL, NULL},
	    {"1970-05-12", NULL}, {"1970", NULL}, {"1970-12-05", NULL},
	    {"1971-05-12", NULL}, {"1969", NULL}, {"1980-01-01", NULL},
	    {"1970-05-12", "1980-01-01"}, {"1980-01-01", "1990-02-02"},
	    {"1970-05", NULL}};
	static const char *const nats[][2] = {
	    {NULL, NULL}, {"ru", NULL}, {"ua", NULL}, {"ru", "ua"}};
	static const char *const genders[] = {NULL, "male", "female", "other"};
	static const char *const qdobs[] = {NULL, "1970-05-12", "1970",
	    "1970-05", "1970-12-05", "1971-05-12", "1979-05-12", "1980-01-01",
	    "1969"};
	static const char *const qnats[] = {NULL, "ru", "UA", "de"};
	static const char *const qgenders[] = {NULL, "male", "female"};
	const size_t nd = sizeof(dobs) / sizeof(dobs[0]),
	             nn = sizeof(nats) / sizeof(nats[0]), ng = 4;
	const char *names[1] = {"Ivan Petrov"};
	struct ent_screen_opts all = {.all = true, .limit = 500},
	                       cut = {.limit = 500};
	struct ent_index *ix;
	size_t i, a, b, c, k, n = 0;

	(void)st;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (a = 0; a < nd; a++)
		for (b = 0; b < nn; b++)
			for (c = 0; c < ng; c++) {
				struct ent_record *r;
				char id[32];

				snprintf(id, sizeof(id), "p-%zu", n++);
				r = rec(
				    id, "Person", "name", "Ivan Petrov", NULL);
				for (k = 0; k < 2; k++) {
					if (dobs[a][k] != NULL)
						assert_int_equal(
						    ent_record_add(r,
						        "birthDate", dobs[a][k],
						        NULL),
						    ENT_OK);
					if (nats[b][k] != NULL)
						assert_int_equal(
						    ent_record_add(r,
						        "nationality",
						        nats[b][k], NULL),
						    ENT_OK);
				}
				if (genders[c] != NULL)
					assert_int_equal(
					    ent_record_add(
					        r, "gender", genders[c], NULL),
					    ENT_OK);
				put(ix, r);
			}
	for (a = 0; a < sizeof(qdobs) / sizeof(qdobs[0]); a++)
		for (b = 0; b < 4; b++)
			for (c = 0; c < 3; c++) {
				struct ent_query q = {.schema = "Person",
				    .names = names,
				    .nnames = 1,
				    .birth_date = qdobs[a],
				    .nationality = qnats[b],
				    .gender = qgenders[c]};
				struct ent_hits *hc, *ha;
				size_t above = 0;

				assert_int_equal(
				    ent_index_screen(ix, &q, &cut, &hc),
				    ENT_OK);
				assert_int_equal(
				    ent_index_screen(ix, &q, &all, &ha),
				    ENT_OK);
				for (i = 0; i < ha->n; i++) {
					if (ha->hits[i].score <
					    ENT_SCREEN_THRESHOLD_DEFAULT)
						continue;
					for (k = 0; k < hc->n; k++)
						if (strcmp(hc->hits[k].id,
						        ha->hits[i].id) == 0)
							break;
					assert_true(k < hc->n);
					assert_true(hc->hits[k].score ==
					            ha->hits[i].score);
					above++;
				}
				assert_int_equal(hc->n, above);
				/* the grid has namesakes on both sides */
				if (a == 1 && b == 1 && c == 1)
					assert_true(above > 0 && above < ha->n);
				ent_hits_free(hc);
				ent_hits_free(ha);
			}
	ent_index_free(ix);
}

static void
gender_and_nationality_conflicts_lower_the_score(void **st)
{
	const char *names[1] = {"Osama bin Laden"};
	struct ent_query q = {.schema = "Person", .names = names, .nnames = 1};
	struct ent_screen_opts o = {.all = true};
	struct ent_hits *h;
	double base;

	assert_int_equal(ent_index_screen(*st, &q, &o, &h), ENT_OK);
	base = h->hits[0].score;
	ent_hits_free(h);
	q.gender = "female";
	q.nationality = "ru";
	assert_int_equal(ent_index_screen(*st, &q, &o, &h), ENT_OK);
	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, "p-ubl");
	assert_true(h->hits[0].score < base - 0.2);
	assert_non_null(feature(&h->hits[0], "gender_conflict"));
	assert_non_null(feature(&h->hits[0], "nationality_conflict"));
	ent_hits_free(h);
}

static void
documents_match_exactly_or_ocr_tolerantly(void **st)
{
	struct ent_doc_query d = {.number = "A1234567", .country = NULL};
	struct ent_query q = {.docs = &d, .ndocs = 1};
	struct ent_hits *h;

	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_OK);
	assert_int_equal(h->n, 1);
	assert_string_equal(h->hits[0].id, "p-guzman");
	assert_non_null(feature(&h->hits[0], "document_match"));
	ent_hits_free(h);
	/* OCR read O for 0 and S for 5 */
	d.number = "X98765A3";
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_OK);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	d.number = "x 9876 S43";
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_OK);
	assert_int_equal(h->n, 1);
	assert_string_equal(h->hits[0].id, "doc-1");
	assert_non_null(feature(&h->hits[0], "document_ocr_match"));
	assert_non_null(feature(&h->hits[0], "document_holder"));
	ent_hits_free(h);
	/* the same number issued by another country is not this document */
	d.number = "X9876543";
	d.country = "DE";
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_OK);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
}

static void
schema_filter_is_is_a(void **st)
{
	struct ent_hits *h = screen(*st, "Organization", "Acme Limited", NULL);

	assert_int_equal(h->n, 1);
	assert_string_equal(h->hits[0].id, "c-acme");
	ent_hits_free(h);
	h = screen(*st, "Person", "Acme Limited", NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	h = screen(*st, "Vessel", "MV Hellenic Spirit", NULL);
	assert_int_equal(h->n, 1);
	ent_hits_free(h);
}

static void
replace_and_remove_take_effect(void **st)
{
	struct ent_index *ix = *st;
	struct ent_hits *h;

	put(ix, rec("p-iqbal", "Person", "name", "Ahmed Rashid", NULL));
	assert_int_equal(ent_index_size(ix), 9);
	h = screen(ix, "Person", "IQBAL<<AHSAN", NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	h = screen(ix, "Person", "Ahmed Rashid", NULL);
	assert_int_equal(h->n, 1);
	ent_hits_free(h);
	assert_int_equal(ent_index_remove(ix, "p-iqbal"), ENT_OK);
	assert_int_equal(ent_index_remove(ix, "p-iqbal"), ENT_ENOTFOUND);
	assert_int_equal(ent_index_size(ix), 8);
	h = screen(ix, "Person", "Ahmed Rashid", NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	put(ix, rec("p-iqbal", "Person", "name", "Ahsan Iqbal", NULL));
	h = screen(ix, "Person", "IQBAL<<AHSAN", NULL);
	assert_int_equal(h->n, 1);
	ent_hits_free(h);
}

static void
options_limit_threshold_and_all(void **st)
{
	const char *names[1] = {"Osama Bin Ladin"};
	struct ent_query q = {.names = names, .nnames = 1};
	struct ent_screen_opts o = {.threshold = 0.999};
	struct ent_hits *h;

	assert_int_equal(ent_index_screen(*st, &q, &o, &h), ENT_OK);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	o.all = true;
	o.limit = 1;
	assert_int_equal(ent_index_screen(*st, &q, &o, &h), ENT_OK);
	assert_int_equal(h->n, 1);
	assert_false(h->hits[0].match);
	ent_hits_free(h);
	o.threshold = 1.5;
	h = (struct ent_hits *)0x1;
	assert_int_equal(ent_index_screen(*st, &q, &o, &h), ENT_EINVAL);
	assert_ptr_equal(h, (struct ent_hits *)0x1);
	o.threshold = 0;
	o.limit = ENT_SCREEN_LIMIT_MAX + 1;
	assert_int_equal(ent_index_screen(*st, &q, &o, &h), ENT_ETOOBIG);
}

static void
bad_queries_are_rejected(void **st)
{
	const char *bad[1] = {"Osama \xff"};
	const char *ok[1] = {"Osama"};
	const char *null_name[1] = {NULL};
	struct ent_query q = {.names = bad, .nnames = 1};
	struct ent_hits *h = NULL;

	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_EINVAL);
	q.names = null_name;
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_EINVAL);
	q.names = ok;
	q.birth_date = "1957-13-40";
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_EINVAL);
	q.birth_date = NULL;
	q.schema = "Spaceship";
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_EINVAL);
	q.schema = NULL;
	q.nnames = 0;
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_EINVAL);
	q.nnames = ENT_QUERY_NAMES_MAX + 1;
	assert_int_equal(ent_index_screen(*st, &q, NULL, &h), ENT_ETOOBIG);
	assert_null(h);
	assert_int_equal(ent_index_screen(NULL, &q, NULL, &h), ENT_EINVAL);
	assert_int_equal(ent_index_put(*st, NULL), ENT_EINVAL);
	assert_int_equal(ent_index_remove(*st, NULL), ENT_EINVAL);
	ent_index_free(NULL);
	ent_hits_free(NULL);
}

static void
empty_huge_and_many_word_names_are_handled(void **st)
{
	struct ent_hits *h;
	char *big = malloc(10001);
	size_t i;

	(void)st;
	/* empty or punctuation-only: no words, no hits, no error */
	h = screen(*st, NULL, "", NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	h = screen(*st, NULL, " -,. ", NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	/* 10 kB single word */
	memset(big, 'q', 10000);
	big[10000] = '\0';
	h = screen(*st, NULL, big, NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	/* 1,000 words, one of them a listed name */
	for (i = 0; i < 10000; i++)
		big[i] = (i % 10 == 9) ? ' ' : (char)('a' + (i / 10) % 26);
	memcpy(big, "xi jinping", 10);
	h = screen(*st, NULL, big, NULL);
	ent_hits_free(h);
	free(big);
	/* records with 10 kB names can be put and screened */
	{
		struct ent_index *ix;
		struct ent_record *r;
		char *nm = malloc(10001);

		memset(nm, 'z', 10000);
		nm[10000] = '\0';
		assert_int_equal(ent_index_new(&ix), ENT_OK);
		r = rec("big", "Person", "name", nm, NULL);
		assert_int_equal(ent_index_put(ix, r), ENT_OK);
		ent_record_free(r);
		h = screen(ix, NULL, nm, NULL);
		assert_int_equal(h->n, 1);
		ent_hits_free(h);
		ent_index_free(ix);
		free(nm);
	}
}

static void
batch_screening_returns_one_result_per_query(void **st)
{
	const char *n1[1] = {"Osama bin Laden"};
	const char *n2[1] = {"Nobody Atall"};
	const char *n3[1] = {"\xff"};
	struct ent_query qs[3] = {{.names = n1, .nnames = 1},
	    {.names = n2, .nnames = 1}, {.names = n3, .nnames = 1}};
	struct ent_hits *out[3];
	int rcs[3];
	size_t i;

	assert_int_equal(
	    ent_index_screen_many(*st, qs, 3, NULL, 2, out, rcs), ENT_EINVAL);
	assert_int_equal(rcs[0], ENT_OK);
	assert_int_equal(rcs[1], ENT_OK);
	assert_int_equal(rcs[2], ENT_EINVAL);
	assert_true(out[0]->n >= 1);
	assert_int_equal(out[1]->n, 0);
	assert_null(out[2]);
	for (i = 0; i < 3; i++)
		ent_hits_free(out[i]);
	assert_int_equal(
	    ent_index_screen_many(*st, qs, 2, NULL, 4, out, NULL), ENT_OK);
	for (i = 0; i < 2; i++)
		ent_hits_free(out[i]);
}

struct rw {
	struct ent_index *ix;
	int fails;
};

static void *
reader(void *arg)
{
	struct rw *w = arg;
	const char *names[1] = {"Osama bin Laden"};
	struct ent_query q = {.names = names, .nnames = 1};
	int i;

	for (i = 0; i < 200; i++) {
		struct ent_hits *h = NULL;

		if (ent_index_screen(w->ix, &q, NULL, &h) != ENT_OK ||
		    h->n < 1 || strcmp(h->hits[0].id, "p-ubl") != 0)
			w->fails++;
		ent_hits_free(h);
	}
	return NULL;
}

static void
screens_run_while_one_thread_writes(void **st)
{
	struct rw w[3] = {{*st, 0}, {*st, 0}, {*st, 0}};
	pthread_t th[3];
	int i;

	for (i = 0; i < 3; i++)
		assert_int_equal(
		    pthread_create(&th[i], NULL, reader, &w[i]), 0);
	for (i = 0; i < 390; i++) {
		char id[32], name[64];
		struct ent_record *r;

		snprintf(id, sizeof(id), "w-%d", i % 50);
		snprintf(name, sizeof(name), "Writer Person%c%c", 'a' + i % 26,
		    'a' + i / 26);
		r = rec(id, "Person", "name", name, NULL);
		assert_int_equal(ent_index_put(*st, r), ENT_OK);
		ent_record_free(r);
	}
	for (i = 0; i < 3; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(w[i].fails, 0);
	}
	assert_int_equal(ent_index_size(*st), 9 + 50);
}

/* More clients than cores (a server's thread per connection): queries
 * beyond one per core queue for a scratch and each gets its answer. */
static void
many_more_queries_than_cores_all_get_answers(void **st)
{
	struct rw w[16];
	pthread_t th[16];
	int i;

	for (i = 0; i < 16; i++) {
		w[i].ix = *st;
		w[i].fails = 0;
		assert_int_equal(
		    pthread_create(&th[i], NULL, reader, &w[i]), 0);
	}
	for (i = 0; i < 16; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(w[i].fails, 0);
	}
}

static void
put_many_builds_the_same_index(void **st)
{
	struct ent_index *ix;
	struct ent_record *r[200];
	struct ent_hits *h;
	size_t i, n = 0;
	char id[32], name[64];

	(void)st;
	for (i = 0; i < 200; i++) {
		snprintf(id, sizeof(id), "m-%zu", i);
		snprintf(name, sizeof(name), "Person Number%c%c Zed",
		    (char)('a' + i % 26), (char)('a' + i / 26));
		r[i] = rec(id, "Person", "name", name, NULL);
	}
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	assert_int_equal(ent_index_put_many(ix,
	                     (const struct ent_record *const *)r, 200, 2, &n),
	    ENT_OK);
	assert_int_equal(n, 200);
	assert_int_equal(ent_index_size(ix), 200);
	h = screen(ix, "Person", "Person Numberqc Zed", NULL);
	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, "m-68");
	ent_hits_free(h);
	for (i = 0; i < 200; i++)
		ent_record_free(r[i]);
	ent_index_free(ix);
}

/* ---- speed: changes that must keep results (appended) --------------- */

/* The per-query similarity memo must not change a single score: compare
 * every pair of a set of names, in several scripts, with and without it,
 * one memo shared by all the candidates of a query as in screening. */
static void
memo_keeps_name_scores(void **st)
{
	static const char *const names[] = {"Usama bin Ladin",
	    "Osama Bin Laden", "أسامة بن لادن", "Muhammad Ali Khan",
	    "Mohamed Ali Kahn", "Mohammed al-Khan", "Xi Jinping",
	    "Hsi Chin-p'ing", "习近平", "Hans Müller", "Hans Mueller",
	    "Müller-Lüdenscheidt", "Ricardo Teixeira", "Ricirdo Teixera",
	    "Juan López Rodríguez", "Juan Lopez", "Ivan Petrov", "Иван Петров",
	    "Petrov Ivan Sergeyevich", "Alisher Usmanov", "AlisherUsmanov",
	    "Siemens AG", "SiemensAG", "J. R. R. Tolkien", "Abdul Aziz al-Saud",
	    "Abdelaziz Al Saud", "Kim Jong Un", "김정은", "Benjamin Netanyahu",
	    "בנימין נתניהו"};
	const size_t n = sizeof(names) / sizeof(names[0]);
	struct nname *nm = calloc(n, sizeof(*nm));
	struct simmemo *memo = calloc(1, sizeof(*memo));
	size_t i, j, k;

	(void)st;
	assert_non_null(nm);
	assert_non_null(memo);
	for (i = 0; i < n; i++) {
		assert_int_equal(
		    name_analyze(names[i], MK_PERSON, &nm[i]), ENT_OK);
		for (k = 0; k < nm[i].n; k++)
			nm[i].t[k].w = tok_flag_weight(nm[i].t[k].flags);
	}
	for (i = 0; i < n; i++) {
		simmemo_reset(memo);
		for (j = 0; j < n; j++) {
			double a = name_compare(&nm[i], &nm[j], NULL, NULL);
			double b =
			    name_compare_memo(&nm[i], &nm[j], NULL, NULL, memo);
			double c =
			    name_compare_memo(&nm[i], &nm[j], NULL, NULL, memo);

			if (a != b || a != c)
				fail_msg("'%s' vs '%s': %.9f, memo %.9f %.9f",
				    names[i], names[j], a, b, c);
		}
	}
	for (i = 0; i < n; i++)
		name_fini(&nm[i]);
	free(nm);
	free(memo);
}

/* A misspelt word the index does not know must not leave the record to
 * chance: 200 namesakes share the family name and come first in slot
 * order, so only the typo keys (the index's words one edit away from
 * "ricirdo") put Ricardo among the candidates scored in full. */
static void
a_typo_in_an_unknown_word_still_finds_the_record(void **st)
{
	struct ent_index *ix;
	struct ent_record *r;
	struct ent_hits *h;
	char id[32], name[64];
	size_t i;

	(void)st;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 200; i++) {
		snprintf(id, sizeof(id), "t-%zu", i);
		snprintf(name, sizeof(name), "Gi%c%co Teixeira",
		    (char)('a' + i % 26), (char)('a' + i / 26));
		r = rec(id, "Person", "name", name, NULL);
		assert_int_equal(ent_index_put(ix, r), ENT_OK);
		ent_record_free(r);
	}
	r = rec("target", "Person", "name", "Ricardo Teixeira", NULL);
	assert_int_equal(ent_index_put(ix, r), ENT_OK);
	ent_record_free(r);
	h = screen(ix, "Person", "Ricirdo Teixeira", NULL);
	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, "target");
	ent_hits_free(h);
	/* a word one edit from nothing indexed finds nobody new */
	h = screen(ix, "Person", "Zyxwvu Qqqqqq", NULL);
	assert_int_equal(h->n, 0);
	ent_hits_free(h);
	ent_index_free(ix);
}

/* The same name twice in one record (name and firstName + lastName) is
 * stored once; a weakAlias equal to a name does not weaken it. */
static void
a_repeated_name_scores_as_one(void **st)
{
	struct ent_index *ix;
	struct ent_record *r;
	struct ent_hits *h;

	(void)st;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	r = rec("d-1", "Person", "weakAlias", "Leonardo Castelonegro", "name",
	    "Leonardo Castelonegro", "firstName", "Leonardo", "lastName",
	    "Castelonegro", NULL);
	assert_int_equal(ent_index_put(ix, r), ENT_OK);
	ent_record_free(r);
	h = screen(ix, "Person", "Leonardo Castelonegro", NULL);
	assert_int_equal(h->n, 1);
	assert_true(h->hits[0].score > 0.99);
	ent_hits_free(h);
	ent_index_free(ix);
}

static int
group_teardown(void **st)
{
	(void)st;
	ent_text_cleanup();
	return 0;
}

/* Among hundreds of exact namesakes the birth date must pick the listed
 * person, whatever order the index keeps them in (candidates tied on the
 * name are all scored when the query has a birth date). */
static void
a_birth_date_finds_the_one_among_many_namesakes(void **state)
{
	const char *names[] = {"Rahul Sharma"};
	struct ent_screen_opts o = {0};
	struct ent_query q = {0};
	struct ent_index *ix;
	struct ent_hits *h = NULL;
	char id[32], dob[16];
	int i;

	(void)state;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 390; i++) {
		snprintf(id, sizeof(id), "rs-%03d", i);
		snprintf(dob, sizeof(dob), "19%02d-%02d-%02d", 40 + i % 60,
		    1 + i % 12, 1 + i % 28);
		put(ix, rec(id, "Person", "name", "Rahul Sharma", "birthDate",
		            i == 389 ? "1988-07-19" : dob, NULL));
	}
	q.names = names;
	q.nnames = 1;
	q.birth_date = "1988-07-19";
	assert_int_equal(ent_index_screen(ix, &q, &o, &h), ENT_OK);
	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, "rs-389");
	ent_hits_free(h);
	ent_index_free(ix);
}

/* The filtering pass keeps only the candidates that can still be among
 * the best: the best must survive however many weaker ones (sharing one
 * of its words) come before and after it, with and without a birth date
 * (which keeps the ties). */
static void
the_best_candidate_survives_thousands_of_weaker_ones(void **state)
{
	static const char *const syl[] = {
	    "ka", "ro", "mi", "ten", "bu", "sol", "da", "vik"};
	const char *names[] = {"Rahul Sharma"};
	struct ent_screen_opts o = {.limit = 5};
	struct ent_query q = {.names = names, .nnames = 1};
	struct ent_index *ix;
	struct ent_hits *h = NULL;
	char id[32], name[64];
	int i, pass;

	(void)state;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 3000; i++) {
		const char *a = syl[i % 8], *b = syl[i / 8 % 8],
		           *c = syl[i / 64 % 8];

		snprintf(id, sizeof(id), "w-%04d", i);
		if (i % 2 == 0)
			snprintf(name, sizeof(name), "Rahul %s%s%s", a, b, c);
		else
			snprintf(name, sizeof(name), "%s%s%s Sharma", a, b, c);
		put(ix, rec(id, "Person", "name", name, "birthDate",
		            "1988-07-19", NULL));
		if (i == 1700)
			put(ix, rec("p-best", "Person", "name", "Rahul Sharma",
			            "birthDate", "1988-07-19", NULL));
	}
	for (pass = 0; pass < 2; pass++) {
		q.birth_date = pass == 0 ? NULL : "1988-07-19";
		assert_int_equal(ent_index_screen(ix, &q, &o, &h), ENT_OK);
		assert_int_equal(h->n, 1);
		assert_string_equal(h->hits[0].id, "p-best");
		ent_hits_free(h);
	}
	ent_index_free(ix);
}

/* A query in Arabic script matches the records written in Arabic
 * letter for letter, and they outweigh, in the index, the Latin record it
 * stands for: among 200 Arabic-script records that share its two words
 * (and have a third), the Latin record must still be scored, and found
 * first (the lettered reserve of ent_index.c). */
static void
a_latin_record_is_found_among_same_script_namesakes(void **state)
{
	static const char *const third[] = {
	    "علي", "حسن", "حسين", "رضا", "جواد", "كريم"};
	struct ent_index *ix;
	char id[32], name[128];
	size_t i;

	(void)state;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 200; i++) {
		snprintf(id, sizeof(id), "ar-%03zu", i);
		snprintf(name, sizeof(name), "محمد احمدی %s", third[i % 6]);
		put(ix, rec(id, "Person", "name", name, NULL));
	}
	put(ix, rec("latin", "Person", "name", "MOHAMMAD AHMADI", NULL));
	assert_best(ix, "محمد احمدی", "latin");
	ent_index_free(ix);
}

/* The same, when those namesakes also have a name in letters, as the
 * persons of a list that gives both: their Arabic-script words match the
 * query's letter for letter, which no Latin spelling can, so the lettered
 * reserve must rank by the keys a Latin spelling shares (skeletons), or
 * 150 of them crowd out the Latin record among 1,000 that share its two
 * commonest words. */
static void
a_latin_record_is_found_among_namesakes_written_both_ways(void **state)
{
	struct ent_index *ix;
	char id[32];
	size_t i;

	(void)state;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 1000; i++) {
		put_made_up(ix, "mh", i, 3, "Mohammad Hasan ", "");
		if (i >= 150)
			continue;
		snprintf(id, sizeof(id), "hr-%03zu", i);
		put(ix, rec(id, "Person", "name", "حسن رحمانی", "name",
		            "Hassan Rahmani", NULL));
	}
	put(ix, rec("latin", "Person", "name", "MOHAMMAD HASAN RAHMANI", NULL));
	assert_best(ix, "محمد حسن رحمانی", "latin");
	ent_index_free(ix);
}

/* A key listing thousands of records is skipped once a rarer one found
 * something.  In an Arabic-script query the rare keys are the exact
 * spellings, which find only Arabic-script records: a Latin record whose
 * words are common (BILAL BIN MARWAN: 5,500 Bilals, 5,500 Marwans) is
 * reached only by the common skeletons, which must still be read. */
static void
a_latin_record_with_common_words_is_reached_from_arabic(void **state)
{
	struct ent_index *ix;
	size_t i;

	(void)state;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 5500; i++) {
		put_made_up(ix, "b", i, 4, "Bilal ", "");
		put_made_up(ix, "m", i, 4, "", " Marwan");
	}
	put(ix, rec("ar", "Person", "name", "مروان حداد", NULL));
	put(ix, rec("latin", "Person", "name", "BILAL BIN MARWAN", NULL));
	assert_best(ix, "بلال بن مروان", "latin");
	ent_index_free(ix);
}

/* A thousand records are found by the same keys and weigh the same; only
 * the best few are scored.  The one whose name has no word past the
 * query's must be among them, whatever the order of the postings: FAZAL
 * RAHIM, not only "Fazal Rahim Kamiro" and the like. */
static void
a_whole_name_comes_first_among_equal_namesakes(void **state)
{
	struct ent_index *ix;
	size_t i;

	(void)state;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 1000; i++) {
		put_made_up(ix, "fr", i, 3, "Fazal Rahim ", "");
		if (i == 500)
			put(ix, rec("whole", "Person", "name", "FAZAL RAHIM",
			            NULL));
	}
	assert_best(ix, "Fazal Rahim", "whole");
	assert_best(ix, "فضل رحيم", "whole");
	ent_index_free(ix);
}

/* Past the postings an Arabic-script query reads of common keys, the
 * common keys left still weigh the records found: of the thousand found
 * by ZAHID, ZAHID MOHAMMAD is also one of 13,000 Mohammads and must
 * come first. */
static void
common_words_weigh_the_records_found_from_arabic(void **state)
{
	struct ent_index *ix;
	size_t i;

	(void)state;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < 13000; i++) {
		put_made_up(ix, "m", i, 4, "Mohammad ", "");
		if (i >= 1000)
			continue;
		put_made_up(ix, "z", i, 4, "", " Zahid");
		if (i == 500)
			put(ix, rec("latin", "Person", "name", "ZAHID MOHAMMAD",
			            NULL));
	}
	assert_best(ix, "محمد زاهد", "latin");
	ent_index_free(ix);
}

/* An abjad word has one folded reading where Latin spellings have
 * several (ض is z in Persian and Urdu names, ت+ص is "tiss"), and a Latin
 * j after a vowel is a glide in one name and a consonant in another: the
 * index must offer the Latin records as candidates, both ways round, and
 * for two words written as one. */
static void
abjad_words_reach_their_latin_spellings(void **state)
{
	static const struct {
		const char *query, *record;
	} cases[] = {
	    {"فيض", "FAIZ"},
	    {"FAIZ", "فيض"},
	    {"انتصار", "INTISSAR"},
	    {"INTISSAR", "انتصار"},
	    /* joined: an abjad "hs" is h + s, not Wade-Giles hs */
	    {"حسن رحمانی", "HASANRAHMANI"},
	    /* a Latin j after a vowel is the consonant of مجاهد, رجا */
	    {"مجاهد", "MUJAHID"},
	    {"رجا", "RAJA"},
	};
	struct ent_index *ix;
	struct ent_hits *h;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(ent_index_new(&ix), ENT_OK);
		put(ix, rec("want", "Person", "name", cases[i].record, NULL));
		put(ix, rec("other", "Person", "name", "Fahad Mansour", NULL));
		h = screen(ix, "Person", cases[i].query, NULL);
		assert_true(h->n >= 1);
		assert_string_equal(h->hits[0].id, "want");
		assert_true(h->hits[0].match);
		ent_hits_free(h);
		ent_index_free(ix);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        size_counts_screenable_records, setup, teardown),
	    cmocka_unit_test(abjad_words_reach_their_latin_spellings),
	    cmocka_unit_test(
	        a_latin_record_is_found_among_same_script_namesakes),
	    cmocka_unit_test_setup_teardown(
	        many_more_queries_than_cores_all_get_answers, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        a_spelling_variant_finds_the_record_with_an_explanation, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        an_unlisted_person_raises_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        birth_dates_qualify_the_score, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        a_record_another_birth_date_rules_out_is_cut_unless_all_are_wanted,
	        setup, teardown),
	    cmocka_unit_test(the_cut_keeps_what_full_scoring_keeps),
	    cmocka_unit_test_setup_teardown(
	        gender_and_nationality_conflicts_lower_the_score, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        documents_match_exactly_or_ocr_tolerantly, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        schema_filter_is_is_a, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        replace_and_remove_take_effect, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        options_limit_threshold_and_all, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        bad_queries_are_rejected, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        empty_huge_and_many_word_names_are_handled, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        batch_screening_returns_one_result_per_query, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        screens_run_while_one_thread_writes, setup, teardown),
	    cmocka_unit_test(put_many_builds_the_same_index),
	    cmocka_unit_test(memo_keeps_name_scores),
	    cmocka_unit_test(a_typo_in_an_unknown_word_still_finds_the_record),
	    cmocka_unit_test(a_repeated_name_scores_as_one),
	    cmocka_unit_test(a_birth_date_finds_the_one_among_many_namesakes),
	    cmocka_unit_test(
	        the_best_candidate_survives_thousands_of_weaker_ones),
	    cmocka_unit_test(
	        a_latin_record_is_found_among_namesakes_written_both_ways),
	    cmocka_unit_test(
	        a_latin_record_with_common_words_is_reached_from_arabic),
	    cmocka_unit_test(a_whole_name_comes_first_among_equal_namesakes),
	    cmocka_unit_test(common_words_weigh_the_records_found_from_arabic),
	};

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
