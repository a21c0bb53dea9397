/* bench_quality.c - how well does screening find the right records, and
 * how rarely does it raise the wrong ones?
 *
 * Usage: bench_quality [names|xlit|un|unlisted|big|all] [DATA_DIR]
 * (big = un and unlisted on one index)
 *
 * DATA_DIR defaults to $ENTENTE_SHARED_DATA or ../shared/data.  Every part
 * goes through the public API (ent_index_put_many / ent_index_screen /
 * ent_name_score with default options unless said): the same code path
 * users run, with no per-dataset switch.  bench/quality.sh generates the
 * synthetic files and runs everything; bench/README.md explains the parts.
 *
 *   names     name_bench_cases.csv: every name2 is put in one index; each
 *             name1 is screened with its schema; the case's score is the
 *             name2 record's score (0 if not returned).  Accuracy,
 *             precision, recall, F1 at the default threshold and a sweep,
 *             next to yente logic-v2's frozen scores.
 *   xlit      Wikidata transliteration pairs: Hebrew and Korean full names
 *             screened against 20,000 English names of the same file
 *             (recall, rank 1, false matches); Russian/Arabic/Chinese
 *             tokens compared pairwise, true pair vs a shuffled pair.
 *   un        UN consolidated list: each name not in Latin script
 *             (NAME_ORIGINAL_SCRIPT) screened against the list's Latin
 *             names hidden among the synthetic list (BENCH_LIST, default
 *             bench/out/quality_list_1m.jsonl; BENCH_DISTRACTORS=N reads
 *             only its first N lines).
 *   unlisted  the generated persons of BENCH_QUERIES (default
 *             bench/out/quality_query_10k.jsonl, gen_watchlist --pool
 *             query): the share that raises any result against the same
 *             synthetic list, by name only and with birth date,
 *             nationality and gender.
 *
 * The last lines are one summary table; the threshold sweeps show the
 * missed-persons / false-alarm trade-off the default threshold was chosen
 * on (docs/screening.md). */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ent_codec.h"
#include "ent_err.h"
#include "ent_match.h"
#include "ent_record.h"
#include "ent_text.h"

#define THR ENT_SCREEN_THRESHOLD_DEFAULT

/* ---- the summary table ------------------------------------------------ */

struct srow {
	char part[40];
	size_t n;
	char figures[96];
	char target[40];
};

static struct srow summary[24];
static size_t nsummary;

static void summ(const char *part, size_t n, const char *target,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
summ(const char *part, size_t n, const char *target, const char *fmt, ...)
{
	struct srow *r;
	va_list ap;

	if (nsummary >= sizeof(summary) / sizeof(summary[0]))
		return;
	r = &summary[nsummary++];
	snprintf(r->part, sizeof(r->part), "%s", part);
	r->n = n;
	snprintf(r->target, sizeof(r->target), "%s", target);
	va_start(ap, fmt);
	vsnprintf(r->figures, sizeof(r->figures), fmt, ap);
	va_end(ap);
}

static void
summary_print(void)
{
	size_t i;

	printf("\n== summary at the default threshold %.2f\n", THR);
	printf("| %-30s | %7s | %-54s | %-26s |\n", "part", "n", "measured",
	    "target");
	printf("|%.32s|%.9s|%.56s|%.28s|\n",
	    "--------------------------------------------------",
	    "--------------------------------------------------",
	    "----------------------------------------------------------",
	    "--------------------------------------------------");
	for (i = 0; i < nsummary; i++)
		printf("| %-30s | %7zu | %-54s | %-26s |\n", summary[i].part,
		    summary[i].n, summary[i].figures, summary[i].target);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (b = malloc((size_t)n + 1)) != NULL) {
		if (fread(b, 1, (size_t)n, f) != (size_t)n) {
			free(b);
			b = NULL;
		} else {
			b[n] = '\0';
			if (len != NULL)
				*len = (size_t)n;
		}
	}
	fclose(f);
	return b;
}

/* Minimal RFC 4180 reader: fields of one record into f[], in place. */
static size_t
csv_row(char **p, char **f, size_t max)
{
	char *s = *p, *w;
	size_t n = 0;

	if (*s == '\0')
		return 0;
	for (;;) {
		w = s;
		if (n < max)
			f[n] = w;
		if (*s == '"') {
			s++;
			for (;;) {
				if (*s == '\0')
					break;
				if (*s == '"' && s[1] == '"') {
					*w++ = '"';
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					*w++ = *s++;
				}
			}
			while (*s != ',' && *s != '\n' && *s != '\0')
				s++;
		} else {
			while (
			    *s != ',' && *s != '\n' && *s != '\0' && *s != '\r')
				*w++ = *s++;
		}
		n++;
		if (*s == '\r')
			s++;
		if (*s == ',') {
			*w = '\0';
			s++;
			continue;
		}
		if (*s == '\n')
			s++;
		*w = '\0';
		break;
	}
	*p = s;
	return n;
}

static struct ent_record *
mkrec(const char *id, const char *schema, const char *name)
{
	struct ent_record *r = NULL;

	if (ent_record_new(id, schema, &r, NULL) != ENT_OK)
		return NULL;
	if (ent_record_add(r, "name", name, NULL) != ENT_OK) {
		ent_record_free(r);
		return NULL;
	}
	return r;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- names ---------------------------------------------------------- */

struct ncase {
	char *schema, *n1, *n2, *group;
	bool truth;
	double score;
	double yente; /* -1 if no frozen score */
};

struct conf {
	double acc, p, r, f1;
	size_t n;
};

static struct conf
report(
    const char *label, const struct ncase *c, size_t n, double thr, bool yente)
{
	struct conf k;
	size_t tp = 0, fp = 0, tn = 0, fn = 0, i;
	double p, r;

	for (i = 0; i < n; i++) {
		double s = yente ? c[i].yente : c[i].score;
		bool pred;

		if (yente && s < 0)
			continue;
		pred = s >= thr;
		if (pred && c[i].truth)
			tp++;
		else if (pred)
			fp++;
		else if (c[i].truth)
			fn++;
		else
			tn++;
	}
	p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	printf("%-28s thr %.2f  n %4zu  acc %.3f  P %.3f  R %.3f  F1 %.3f  "
	       "(tp %zu fp %zu tn %zu fn %zu)\n",
	    label, thr, tp + fp + tn + fn,
	    (double)(tp + tn) / (double)(tp + fp + tn + fn), p, r,
	    p + r > 0 ? 2 * p * r / (p + r) : 0, tp, fp, tn, fn);
	k.n = tp + fp + tn + fn;
	k.acc = k.n ? (double)(tp + tn) / (double)k.n : 0;
	k.p = p;
	k.r = r;
	k.f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
	return k;
}

static int
bench_names(const char *dir)
{
	char path[4096], *buf, *ybuf, *p, *f[16];
	struct ncase *c = NULL;
	size_t n = 0, cap = 0, i, j, nf;
	struct ent_index *ix = NULL;
	double thr;
	struct conf k;
	bool verbose = getenv("BENCH_VERBOSE") != NULL;

	snprintf(path, sizeof(path),
	    "%s/name_variants/opensanctions_nomenklatura/name_bench_cases.csv",
	    dir);
	if ((buf = slurp(path, NULL)) == NULL) {
		fprintf(stderr, "names: cannot read %s\n", path);
		return 1;
	}
	p = buf;
	csv_row(&p, f, 16); /* header */
	while ((nf = csv_row(&p, f, 16)) > 0) {
		if (nf < 5)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			c = realloc(c, cap * sizeof(*c));
		}
		c[n].group = f[0];
		c[n].schema = f[1];
		c[n].n1 = f[2];
		c[n].n2 = f[3];
		c[n].truth = strcmp(f[4], "true") == 0;
		c[n].score = 0;
		c[n].yente = -1;
		n++;
	}
	/* yente frozen scores, matched on (name1, name2, schema) */
	snprintf(path, sizeof(path),
	    "%s/name_variants/opensanctions_nomenklatura/"
	    "name_bench_logicv2_frozen_scores.csv",
	    dir);
	if ((ybuf = slurp(path, NULL)) != NULL) {
		p = ybuf;
		csv_row(&p, f, 16);
		while ((nf = csv_row(&p, f, 16)) > 0) {
			if (nf < 10)
				continue;
			for (i = 0; i < n; i++)
				if (c[i].yente < 0 &&
				    strcmp(c[i].schema, f[2]) == 0 &&
				    strcmp(c[i].n1, f[3]) == 0 &&
				    strcmp(c[i].n2, f[4]) == 0) {
					c[i].yente = strtod(f[9], NULL);
					break;
				}
		}
	}
	ent_index_new(&ix);
	for (i = 0; i < n; i++) {
		char id[32];
		struct ent_record *r;

		snprintf(id, sizeof(id), "c%zu", i);
		if ((r = mkrec(id, c[i].schema, c[i].n2)) == NULL) {
			fprintf(stderr, "names: bad record %s\n", c[i].n2);
			continue;
		}
		ent_index_put(ix, r);
		ent_record_free(r);
	}
	for (i = 0; i < n; i++) {
		const char *names[1] = {c[i].n1};
		struct ent_query q = {
		    .schema = c[i].schema, .names = names, .nnames = 1};
		struct ent_screen_opts o = {.limit = 500, .all = true};
		struct ent_hits *h = NULL;
		char id[32];

		snprintf(id, sizeof(id), "c%zu", i);
		if (ent_index_screen(ix, &q, &o, &h) != ENT_OK)
			continue;
		for (j = 0; j < h->n; j++)
			if (strcmp(h->hits[j].id, id) == 0) {
				c[i].score = h->hits[j].score;
				break;
			}
		ent_hits_free(h);
	}
	printf("== name_bench_cases.csv: %zu cases (index of every name2; "
	       "name1 screened)\n",
	    n);
	k = report("entente (default)", c, n, THR, false);
	summ("names: nomenklatura cases", k.n, "accuracy >= 0.90",
	    "acc %.3f  P %.3f  R %.3f  F1 %.3f", k.acc, k.p, k.r, k.f1);
	for (thr = 0.50; thr < 0.951; thr += 0.05)
		report("entente sweep", c, n, thr, false);
	k = report("yente logic-v2 frozen", c, n, 0.70, true);
	summ("names: yente logic-v2 (ref.)", k.n, "reference",
	    "acc %.3f  P %.3f  R %.3f  F1 %.3f", k.acc, k.p, k.r, k.f1);
	{
		/* same subset as yente's frozen file */
		struct ncase *sub = malloc(n * sizeof(*sub));
		size_t ns = 0;

		if (sub != NULL) {
			for (i = 0; i < n; i++)
				if (c[i].yente >= 0)
					sub[ns++] = c[i];
			report("entente on yente subset", sub, ns, THR, false);
		}
		free(sub);
	}
	if (verbose)
		for (i = 0; i < n; i++) {
			bool pred = c[i].score >= THR;

			if (pred != c[i].truth)
				printf("%s %.3f y=%.3f %s | %s | %s | %s\n",
				    pred ? "FP" : "FN", c[i].score, c[i].yente,
				    c[i].group, c[i].schema, c[i].n1, c[i].n2);
		}
	ent_index_free(ix);
	free(c);
	free(buf);
	free(ybuf);
	return 0;
}

/* ---- threshold sweeps -------------------------------------------------- */

static size_t
count_ge(const double *v, size_t n, double t)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += v[i] >= t - 1e-9;
	return k;
}

/* pos: the true record's score per query (0 if absent); neg: the best
 * wrong score per query (or per shuffled pair). */
static void
sweep(const char *label, const double *pos, size_t npos, const double *neg,
    size_t nneg)
{
	double t;

	printf("  %s sweep:", label);
	for (t = 0.55; t < 0.951; t += 0.05)
		printf("  %.2f: R %.3f FM %.3f", t,
		    npos ? (double)count_ge(pos, npos, t) / (double)npos : 0,
		    nneg ? (double)count_ge(neg, nneg, t) / (double)nneg : 0);
	printf("\n");
}

/* ---- Wikidata transliteration pairs ------------------------------------ */

#define XLIT_N 20000

/* Tab-separated fields of one line, in place. */
static size_t
tsv_fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line, *t;

	while (n < max) {
		f[n++] = p;
		if ((t = strchr(p, '\t')) == NULL)
			break;
		*t = '\0';
		p = t + 1;
	}
	return n;
}

static bool
same_text(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a | 0x20) != (*b | 0x20))
			return false;
	return *a == *b;
}

/* Full names: the first XLIT_N English names are the watchlist; each of
 * their native-script names is screened.  A hit on another row with the
 * same English name counts as right. */
static int
xlit_full(const char *dir, const char *file, const char *label)
{
	char path[4096], *buf, *p, *nl, *f[4];
	char **eng = NULL, **nat = NULL;
	const char **qn = NULL;
	struct ent_query *qs = NULL;
	struct ent_hits **out = NULL;
	double *pos = NULL, *neg = NULL;
	struct ent_index *ix = NULL;
	struct ent_screen_opts o = {.limit = 10, .all = true};
	size_t n = 0, i, j, rank1 = 0, found = 0, fm = 0;
	double t0;
	char row[64];
	const char *lim = getenv("BENCH_XLIT_N"); /* smaller, for debugging */
	size_t max = lim != NULL ? strtoul(lim, NULL, 10) : XLIT_N;

	if (max == 0 || max > XLIT_N)
		max = XLIT_N;
	snprintf(path, sizeof(path),
	    "%s/name_variants/wikidata_xlit_coling2018/%s", dir, file);
	if ((buf = slurp(path, NULL)) == NULL) {
		fprintf(stderr, "xlit: cannot read %s\n", path);
		return 1;
	}
	eng = calloc(XLIT_N, sizeof(*eng));
	nat = calloc(XLIT_N, sizeof(*nat));
	ent_index_new(&ix);
	for (p = buf; *p && n < max; p = nl + 1) {
		struct ent_record *r;
		char id[32];

		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p) - 1;
		else
			*nl = '\0';
		if (tsv_fields(p, f, 4) < 2 || !*f[0] || !*f[1])
			continue;
		snprintf(id, sizeof(id), "x%zu", n);
		if ((r = mkrec(id, "Person", f[0])) == NULL)
			continue;
		if (ent_index_put(ix, r) == ENT_OK) {
			eng[n] = f[0];
			nat[n] = f[1];
			n++;
		}
		ent_record_free(r);
	}
	qn = calloc(n, sizeof(*qn));
	qs = calloc(n, sizeof(*qs));
	out = calloc(n, sizeof(*out));
	pos = calloc(n, sizeof(*pos));
	neg = calloc(n, sizeof(*neg));
	for (i = 0; i < n; i++) {
		qn[i] = nat[i];
		qs[i] = (struct ent_query){
		    .schema = "Person", .names = &qn[i], .nnames = 1};
	}
	t0 = now();
	ent_index_screen_many(ix, qs, n, &o, 2, out, NULL);
	for (i = 0; i < n; i++) {
		struct ent_hits *h = out[i];

		for (j = 0; h != NULL && j < h->n; j++) {
			size_t k = strtoul(h->hits[j].id + 1, NULL, 10);
			bool right = k < n && same_text(eng[k], eng[i]);

			if (right && h->hits[j].score > pos[i])
				pos[i] = h->hits[j].score;
			if (!right && h->hits[j].score > neg[i])
				neg[i] = h->hits[j].score;
			if (j == 0 && right && h->hits[j].score >= THR)
				rank1++;
		}
		found += pos[i] >= THR;
		fm += neg[i] >= THR;
		if (getenv("BENCH_VERBOSE") != NULL && neg[i] >= THR &&
		    h->hits[0].score >= THR)
			printf("  false %.3f %s | %s | top %s\n", neg[i],
			    nat[i], eng[i], h->hits[0].caption);
		if (getenv("BENCH_VERBOSE") != NULL && pos[i] < THR)
			printf("  miss %.3f %s | %s | top %s %.3f\n", pos[i],
			    nat[i], eng[i],
			    h && h->n ? h->hits[0].caption : "-",
			    h && h->n ? h->hits[0].score : 0);
		ent_hits_free(h);
	}
	printf("== %s: %zu native names screened against their %zu English "
	       "names (%.1f s)\n",
	    label, n, n, now() - t0);
	printf("  recall %.3f  rank-1 %.3f  false-match %.3f\n",
	    n ? (double)found / (double)n : 0,
	    n ? (double)rank1 / (double)n : 0, n ? (double)fm / (double)n : 0);
	sweep(label, pos, n, neg, n);
	snprintf(row, sizeof(row), "xlit: %s", label);
	summ(row, n, "measured (no target)",
	    "recall %.3f  rank-1 %.3f  false-match %.3f",
	    n ? (double)found / (double)n : 0,
	    n ? (double)rank1 / (double)n : 0, n ? (double)fm / (double)n : 0);
	ent_index_free(ix);
	free(eng);
	free(nat);
	free(qn);
	free(qs);
	free(out);
	free(pos);
	free(neg);
	free(buf);
	return 0;
}

/* Token pairs "latin<TAB>n a t i v e<TAB>count": the true pair must reach
 * the threshold, the native token against another row's Latin token must
 * not. */
static int
xlit_tokens(const char *dir, const char *file, const char *label)
{
	char path[4096], *buf, *p, *nl, *f[4];
	char **lat = NULL, **nat = NULL;
	double *pos = NULL, *neg = NULL;
	size_t n = 0, cap = 0, i, npos = 0, nneg = 0, hit = 0, fm = 0;
	double t0 = now();
	char row[64];

	snprintf(path, sizeof(path),
	    "%s/name_variants/wikidata_xlit_coling2018/%s", dir, file);
	if ((buf = slurp(path, NULL)) == NULL) {
		fprintf(stderr, "xlit: cannot read %s\n", path);
		return 1;
	}
	for (p = buf; *p; p = nl + 1) {
		char *s, *d;

		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p) - 1;
		else
			*nl = '\0';
		if (tsv_fields(p, f, 4) < 2 || !*f[0] || !*f[1])
			continue;
		for (s = d = f[1]; *s; s++) /* "п у т и н" -> "путин" */
			if (*s != ' ')
				*d++ = *s;
		*d = '\0';
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			lat = realloc(lat, cap * sizeof(*lat));
			nat = realloc(nat, cap * sizeof(*nat));
		}
		lat[n] = f[0];
		nat[n] = f[1];
		n++;
	}
	pos = calloc(n + 1, sizeof(*pos));
	neg = calloc(n + 1, sizeof(*neg));
	for (i = 0; i < n; i++) {
		size_t j = (i * 7919 + n / 2) % n;
		double s;

		if (ent_name_score("Person", nat[i], lat[i], &s) == ENT_OK) {
			pos[npos++] = s;
			hit += s >= THR;
			if (getenv("BENCH_VERBOSE") != NULL && s < THR &&
			    npos % 50 == 0)
				printf(
				    "  miss %.3f %s | %s\n", s, nat[i], lat[i]);
		}
		while (j == i || same_text(lat[j], lat[i]))
			j = (j + 1) % n;
		if (n > 1 &&
		    ent_name_score("Person", nat[i], lat[j], &s) == ENT_OK) {
			neg[nneg++] = s;
			fm += s >= THR;
			if (getenv("BENCH_VERBOSE") != NULL && s >= THR)
				printf("  false %.3f %s | %s\n", s, nat[i],
				    lat[j]);
		}
	}
	printf("== %s: %zu token pairs (%.1f s)\n", label, n, now() - t0);
	printf("  recall %.3f  false-match %.3f\n",
	    npos ? (double)hit / (double)npos : 0,
	    nneg ? (double)fm / (double)nneg : 0);
	sweep(label, pos, npos, neg, nneg);
	snprintf(row, sizeof(row), "xlit: %s", label);
	summ(row, npos, "measured (no target)", "recall %.3f  false-match %.3f",
	    npos ? (double)hit / (double)npos : 0,
	    nneg ? (double)fm / (double)nneg : 0);
	free(lat);
	free(nat);
	free(pos);
	free(neg);
	free(buf);
	return 0;
}

static int
bench_xlit(const char *dir)
{
	int rc = 0;

	rc |= xlit_full(dir, "wd_hebrew_fullnames.tsv", "hebrew full names");
	rc |= xlit_full(dir, "wd_korean_fullnames.tsv", "korean full names");
	rc |= xlit_tokens(dir, "wd_russian_20.tsv", "russian tokens (20%)");
	rc |= xlit_tokens(
	    dir, "wd_arabic.normalized.aligned.tokens.tsv", "arabic tokens");
	rc |= xlit_tokens(
	    dir, "wd_chinese.normalized.aligned.tokens.tsv", "chinese tokens");
	return rc;
}

/* ---- the big index: synthetic list + UN Latin names --------------------- */

struct unq {
	char *id, *schema, *name;
};

struct big {
	struct ent_index *ix;
	struct unq *q;
	size_t nq, nun, nlist;
	double build_s;
};

static bool
is_latin(const char *s)
{
	enum ent_script sc;

	return ent_text_script(s, strlen(s), &sc) == ENT_OK &&
	       (sc == ENT_SCRIPT_LATIN || sc == ENT_SCRIPT_NONE);
}

#define BATCH 50000

static int
put_batch(struct ent_index *ix, struct ent_record **recs, size_t *n)
{
	int rc = ENT_OK;
	size_t i;

	if (*n > 0)
		rc = ent_index_put_many(
		    ix, (const struct ent_record *const *)recs, *n, 2, NULL);
	for (i = 0; i < *n; i++)
		ent_record_free(recs[i]);
	*n = 0;
	return rc;
}

/* The UN list through the importer's reader: Latin names become a
 * record, the others queries. */
static int
load_un(const char *dir, struct big *b, struct ent_record **recs, size_t *nr)
{
	static const char *const props[] = {"name", "alias", "weakAlias"};
	char path[4096];
	struct ent_reader *rd = NULL;
	struct ent_diag d;
	struct ent_record *r = NULL;
	long line;
	size_t cap = 0;
	int rc;

	snprintf(path, sizeof(path),
	    "%s/sanctions/un_consolidated/UN_consolidated_2026-02-27.xml", dir);
	if ((rc = ent_reader_open(path, ENT_FMT_UN_XML, &rd, &d)) != ENT_OK) {
		fprintf(stderr, "un: %s: %s\n", path, d.msg);
		return 1;
	}
	for (;;) {
		struct ent_record *w = NULL;
		size_t k, i, nv, nlat = 0, q0 = b->nq;
		char *const *v;

		rc = ent_reader_next(rd, &r, &line, &d);
		if (rc == ENT_EINVAL || rc == ENT_ETOOBIG)
			continue;
		if (rc != ENT_OK || r == NULL)
			break;
		if (ent_record_new(r->id, r->schema->name, &w, NULL) != ENT_OK)
			goto next;
		for (k = 0; k < 3; k++) {
			v = ent_record_get(r, props[k], &nv);
			for (i = 0; i < nv; i++) {
				if (is_latin(v[i])) {
					nlat += ent_record_add(w, props[k],
					            v[i], NULL) == ENT_OK;
					continue;
				}
				if (b->nq == cap) {
					cap = cap ? cap * 2 : 512;
					b->q =
					    realloc(b->q, cap * sizeof(*b->q));
				}
				b->q[b->nq].id = strdup(r->id);
				b->q[b->nq].schema = strdup(r->schema->name);
				b->q[b->nq].name = strdup(v[i]);
				b->nq++;
			}
		}
		if (nlat == 0) { /* nothing to find it by: no query */
			for (i = q0; i < b->nq; i++) {
				free(b->q[i].id);
				free(b->q[i].schema);
				free(b->q[i].name);
			}
			b->nq = q0;
			ent_record_free(w);
			goto next;
		}
		recs[(*nr)++] = w;
		b->nun++;
		if (*nr == BATCH && put_batch(b->ix, recs, nr) != ENT_OK)
			fprintf(stderr, "un: put failed\n");
	next:
		ent_record_free(r);
		r = NULL;
	}
	ent_reader_close(rd);
	return 0;
}

static const char *
list_path(void)
{
	const char *s = getenv("BENCH_LIST");

	return s != NULL ? s : "bench/out/quality_list_1m.jsonl";
}

static int
big_build(const char *dir, struct big *b)
{
	struct ent_record **recs = calloc(BATCH, sizeof(*recs));
	const char *lp = list_path(), *lim = getenv("BENCH_DISTRACTORS");
	size_t max = lim != NULL ? strtoul(lim, NULL, 10) : SIZE_MAX, nr = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	FILE *f;
	double t0 = now();

	memset(b, 0, sizeof(*b));
	ent_index_new(&b->ix);
	if (load_un(dir, b, recs, &nr) != 0) {
		free(recs);
		return 1;
	}
	if ((f = fopen(lp, "r")) == NULL) {
		fprintf(stderr,
		    "list: cannot open %s (%s); run bench/quality.sh to "
		    "generate it\n",
		    lp, strerror(errno));
		put_batch(b->ix, recs, &nr);
		free(recs);
		return 1;
	}
	while (b->nlist < max && (len = getline(&line, &lcap, f)) > 0) {
		struct ent_record *r = NULL;

		if (ent_ftm_decode(line, (size_t)len, &r, NULL) != ENT_OK)
			continue;
		recs[nr++] = r;
		b->nlist++;
		if (nr == BATCH && put_batch(b->ix, recs, &nr) != ENT_OK)
			fprintf(stderr, "list: put failed\n");
	}
	put_batch(b->ix, recs, &nr);
	free(line);
	fclose(f);
	free(recs);
	b->build_s = now() - t0;
	printf("== index: %zu UN records (Latin names) + %zu synthetic "
	       "records from %s, built in %.1f s\n",
	    b->nun, b->nlist, lp, b->build_s);
	return 0;
}

static void
big_free(struct big *b)
{
	size_t i;

	for (i = 0; i < b->nq; i++) {
		free(b->q[i].id);
		free(b->q[i].schema);
		free(b->q[i].name);
	}
	free(b->q);
	ent_index_free(b->ix);
}

static int
bench_un(struct big *b)
{
	const char **qn = calloc(b->nq + 1, sizeof(*qn));
	struct ent_query *qs = calloc(b->nq + 1, sizeof(*qs));
	struct ent_hits **out = calloc(b->nq + 1, sizeof(*out));
	double *pos = calloc(b->nq + 1, sizeof(*pos));
	double *neg = calloc(b->nq + 1, sizeof(*neg));
	struct ent_screen_opts o = {.limit = 10, .all = true};
	size_t i, j, found = 0, rank1 = 0, fm = 0;
	double t0;
	bool verbose = getenv("BENCH_VERBOSE") != NULL;

	for (i = 0; i < b->nq; i++) {
		qn[i] = b->q[i].name;
		qs[i] = (struct ent_query){
		    .schema = b->q[i].schema, .names = &qn[i], .nnames = 1};
	}
	t0 = now();
	ent_index_screen_many(b->ix, qs, b->nq, &o, 2, out, NULL);
	for (i = 0; i < b->nq; i++) {
		struct ent_hits *h = out[i];

		for (j = 0; h != NULL && j < h->n; j++) {
			bool right = strcmp(h->hits[j].id, b->q[i].id) == 0;

			if (right && h->hits[j].score > pos[i])
				pos[i] = h->hits[j].score;
			if (!right && h->hits[j].score > neg[i])
				neg[i] = h->hits[j].score;
			if (j == 0 && right && h->hits[j].score >= THR)
				rank1++;
		}
		found += pos[i] >= THR;
		fm += neg[i] >= THR;
		if (verbose && (pos[i] < THR || h == NULL || h->n == 0 ||
		                   strcmp(h->hits[0].id, b->q[i].id) != 0))
			printf("  miss %.3f %s %s | top %s %s %.3f\n", pos[i],
			    b->q[i].id, b->q[i].name,
			    h && h->n ? h->hits[0].id : "-",
			    h && h->n ? h->hits[0].caption : "-",
			    h && h->n ? h->hits[0].score : 0);
		ent_hits_free(h);
	}
	printf("== UN original-script names: %zu queries among %zu records "
	       "(%.1f s)\n",
	    b->nq, b->nun + b->nlist, now() - t0);
	printf("  recall %.3f  rank-1 %.3f  a wrong record >= threshold "
	       "%.3f\n",
	    b->nq ? (double)found / (double)b->nq : 0,
	    b->nq ? (double)rank1 / (double)b->nq : 0,
	    b->nq ? (double)fm / (double)b->nq : 0);
	sweep("UN", pos, b->nq, neg, b->nq);
	summ("UN original script", b->nq, "recall >= .95, rank-1 >= .90",
	    "recall %.3f  rank-1 %.3f  (%zuk distractors)",
	    b->nq ? (double)found / (double)b->nq : 0,
	    b->nq ? (double)rank1 / (double)b->nq : 0, b->nlist / 1000);
	free(qn);
	free(qs);
	free(out);
	free(pos);
	free(neg);
	return 0;
}

/* ---- unlisted persons ---------------------------------------------------- */

#define QNAMES 8

static int
bench_unlisted(struct big *b)
{
	const char *qp = getenv("BENCH_QUERIES");
	struct ent_record **recs = NULL;
	const char **names = NULL;
	struct ent_query *qs = NULL;
	struct ent_hits **out = NULL;
	double *best[2] = {NULL, NULL};
	struct ent_screen_opts o = {.limit = 3, .all = true};
	size_t n = 0, cap = 0, i, pass, raised[2] = {0, 0};
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	FILE *f;
	double t0;
	static const char *const how[2] = {"name only", "name+dob+nat+gender"};

	if (qp == NULL)
		qp = "bench/out/quality_query_10k.jsonl";
	if ((f = fopen(qp, "r")) == NULL) {
		fprintf(stderr, "unlisted: cannot open %s (%s)\n", qp,
		    strerror(errno));
		return 1;
	}
	while ((len = getline(&line, &lcap, f)) > 0) {
		struct ent_record *r = NULL;

		if (ent_ftm_decode(line, (size_t)len, &r, NULL) != ENT_OK)
			continue;
		if (strcmp(r->schema->name, "Person") != 0) {
			ent_record_free(r);
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			recs = realloc(recs, cap * sizeof(*recs));
		}
		recs[n++] = r;
	}
	free(line);
	fclose(f);
	names = calloc(n * QNAMES + 1, sizeof(*names));
	qs = calloc(n + 1, sizeof(*qs));
	out = calloc(n + 1, sizeof(*out));
	best[0] = calloc(n + 1, sizeof(double));
	best[1] = calloc(n + 1, sizeof(double));
	for (i = 0; i < n; i++) {
		size_t nn = 0, k, nv;
		char *const *v;
		static const char *const props[] = {"name", "alias"};

		for (k = 0; k < 2; k++) {
			v = ent_record_get(recs[i], props[k], &nv);
			while (nv-- > 0 && nn < QNAMES)
				names[i * QNAMES + nn++] = *v++;
		}
		qs[i] = (struct ent_query){.schema = "Person",
		    .names = &names[i * QNAMES],
		    .nnames = nn};
	}
	t0 = now();
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1)
			for (i = 0; i < n; i++) {
				qs[i].birth_date =
				    ent_record_first(recs[i], "birthDate");
				qs[i].nationality =
				    ent_record_first(recs[i], "nationality");
				qs[i].gender =
				    ent_record_first(recs[i], "gender");
			}
		ent_index_screen_many(b->ix, qs, n, &o, 2, out, NULL);
		for (i = 0; i < n; i++) {
			if (out[i] != NULL && out[i]->n > 0)
				best[pass][i] = out[i]->hits[0].score;
			raised[pass] += best[pass][i] >= THR;
			if (getenv("BENCH_VERBOSE") != NULL &&
			    best[pass][i] >= THR) {
				const struct ent_hit *h = &out[i]->hits[0];
				size_t k;

				printf("  raised%zu %.3f %s | %s %s |", pass,
				    best[pass][i], qs[i].names[0], h->id,
				    h->caption);
				for (k = 0; k < h->nfeatures; k++)
					printf(" %s %+.2f (%s);",
					    h->features[k].name,
					    h->features[k].score,
					    h->features[k].detail);
				printf("\n");
			}
			ent_hits_free(out[i]);
			out[i] = NULL;
		}
	}
	printf("== unlisted persons: %zu from %s against %zu records "
	       "(%.1f s)\n",
	    n, qp, b->nun + b->nlist, now() - t0);
	for (pass = 0; pass < 2; pass++) {
		char part[40], fig[96];
		double t;

		printf("  %-20s raised any result: %.4f\n", how[pass],
		    n ? (double)raised[pass] / (double)n : 0);
		printf("  %s sweep:", how[pass]);
		for (t = 0.55; t < 0.951; t += 0.05)
			printf("  %.2f: %.4f", t,
			    n ? (double)count_ge(best[pass], n, t) / (double)n
			      : 0);
		printf("\n");
		snprintf(part, sizeof(part), "unlisted: %s", how[pass]);
		snprintf(fig, sizeof(fig), "raised any result %.4f (%zu)",
		    n ? (double)raised[pass] / (double)n : 0, raised[pass]);
		summ(part, n, "<= 0.01", "%s", fig);
	}
	for (i = 0; i < n; i++)
		ent_record_free(recs[i]);
	free(recs);
	free(names);
	free(qs);
	free(out);
	free(best[0]);
	free(best[1]);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "all";
	const char *dir = argc > 2 ? argv[2] : getenv("ENTENTE_SHARED_DATA");
	bool all = !strcmp(what, "all");
	int rc = 0;

	if (dir == NULL)
		dir = "../shared/data";
	if (!all && strcmp(what, "names") && strcmp(what, "xlit") &&
	    strcmp(what, "un") && strcmp(what, "unlisted") &&
	    strcmp(what, "big")) {
		fprintf(stderr,
		    "usage: bench_quality "
		    "[names|xlit|un|unlisted|big|all] [DATA_DIR]\n");
		return 2;
	}
	if (ent_text_init() != ENT_OK) {
		fprintf(stderr, "ICU initialisation failed\n");
		return 1;
	}
	if (all || !strcmp(what, "names"))
		rc |= bench_names(dir);
	if (all || !strcmp(what, "xlit"))
		rc |= bench_xlit(dir);
	if (all || !strcmp(what, "big")) /* un and unlisted, one index */
		what = "all";
	if (!strcmp(what, "all") || !strcmp(what, "un") ||
	    !strcmp(what, "unlisted")) {
		struct big b;

		if (big_build(dir, &b) != 0) {
			rc = 1;
		} else {
			if (!strcmp(what, "all") || !strcmp(what, "un"))
				rc |= bench_un(&b);
			if (!strcmp(what, "all") || !strcmp(what, "unlisted"))
				rc |= bench_unlisted(&b);
		}
		big_free(&b);
	}
	summary_print();
	ent_text_cleanup();
	return rc;
}
