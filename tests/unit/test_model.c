/* test_model.c - schemata, records and value validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ent_err.h"
#include "ent_record.h"
#include "ent_schema.h"

static struct ent_record *
person(const char *id)
{
	struct ent_record *r = NULL;

	assert_int_equal(ent_record_new(id, "Person", &r, NULL), ENT_OK);
	return r;
}

static void
schemata_inherit_properties(void **state)
{
	const struct ent_schema *p = ent_schema_get("Person");

	(void)state;
	assert_non_null(p);
	assert_true(ent_schema_is_a(p, "LegalEntity"));
	assert_true(ent_schema_is_a(p, "Thing"));
	assert_false(ent_schema_is_a(p, "Organization"));
	assert_non_null(ent_schema_prop(p, "name"));           /* Thing */
	assert_non_null(ent_schema_prop(p, "idNumber"));       /* LegalEntity */
	assert_non_null(ent_schema_prop(p, "passportNumber")); /* Person */
	assert_null(ent_schema_prop(p, "registrationNumberX"));
	assert_int_equal(ent_schema_prop(p, "birthDate")->type, ENT_PT_DATE);
	assert_null(ent_schema_get("person")); /* case matters */
	assert_true(ent_schema_get("Family")->edge);
	/* every schema the issue names exists */
	assert_non_null(ent_schema_get("Organization"));
	assert_non_null(ent_schema_get("Passport"));
	assert_non_null(ent_schema_get("Identification"));
	assert_non_null(ent_schema_get("Vehicle"));
	assert_non_null(ent_schema_get("Address"));
	assert_non_null(ent_schema_get("Associate"));
	assert_non_null(ent_schema_get("Membership"));
	assert_non_null(ent_schema_get("UnknownLink"));
	assert_non_null(ent_schema_get("Notice"));
	assert_non_null(ent_schema_get("Case"));
}

static void
new_record_rejects_bad_ids_and_schemata(void **state)
{
	struct ent_record *r = NULL;
	struct ent_diag d;
	char longid[300];

	(void)state;
	assert_int_equal(ent_record_new("a b", "Person", &r, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "id"));
	assert_int_equal(ent_record_new("", "Person", &r, &d), ENT_EINVAL);
	memset(longid, 'a', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	assert_int_equal(ent_record_new(longid, "Person", &r, &d), ENT_EINVAL);
	assert_int_equal(ent_record_new("x", "Persn", &r, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "unknown schema 'Persn'"));
	assert_int_equal(ent_record_new("x", "Thing", &r, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "abstract"));
	assert_null(r);
}

static void
dates_accept_partial_iso_and_reject_the_rest(void **state)
{
	static const char *good[] = {"1975", "1975-04", "1975-04-21",
	    "2000-02-29", "1975-04-21T10:20:30Z", "1975-04-21T10:20",
	    "1975-04-21T10:20:30+02:00"};
	static const char *bad[] = {"75", "1975-13", "1975-00", "1975-04-31",
	    "1900-02-29", "1975/04/21", "21.04.1975", "1975-4-1", "abcd",
	    "1975-04-21T25:00", "1975-04-21 10:00"};
	struct ent_diag d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_int_equal(ent_date_check(good[i], &d), ENT_OK);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(ent_date_check(bad[i], &d), ENT_EINVAL);
		assert_non_null(strstr(d.msg, "ISO 8601"));
	}
}

static void
add_validates_and_normalises_by_type(void **state)
{
	struct ent_record *r = person("p1");
	struct ent_diag d;
	size_t n;
	char *const *v;

	(void)state;
	assert_int_equal(
	    ent_record_add(r, "name", "  Usama bin Ladin ", &d), ENT_OK);
	assert_string_equal(ent_record_first(r, "name"), "Usama bin Ladin");
	assert_int_equal(ent_record_add(r, "nationality", "SA", &d), ENT_OK);
	assert_string_equal(ent_record_first(r, "nationality"), "sa");
	assert_int_equal(
	    ent_record_add(r, "nationality", "XQ", &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "nationality"));
	assert_non_null(strstr(d.msg, "XQ"));
	assert_int_equal(ent_record_add(r, "gender", "M", &d), ENT_OK);
	assert_string_equal(ent_record_first(r, "gender"), "male");
	assert_int_equal(ent_record_add(r, "gender", "yes", &d), ENT_EINVAL);
	assert_int_equal(
	    ent_record_add(r, "birthDate", "1957-13", &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "birthDate"));
	assert_int_equal(ent_record_add(r, "birthDate", "1957", &d), ENT_OK);
	assert_int_equal(ent_record_add(r, "colour", "red", &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "no property 'colour'"));
	assert_int_equal(ent_record_add(r, "name", "\xff\xfe", &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "UTF-8"));
	assert_int_equal(ent_record_add(r, "email", "nobody", &d), ENT_EINVAL);
	assert_int_equal(
	    ent_record_add(r, "addressEntity", "bad id!", &d), ENT_EINVAL);
	/* duplicates collapse, empty values vanish */
	assert_int_equal(
	    ent_record_add(r, "name", "Usama bin Ladin", &d), ENT_OK);
	assert_int_equal(ent_record_add(r, "alias", "   ", &d), ENT_OK);
	v = ent_record_get(r, "name", &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "Usama bin Ladin");
	assert_null(ent_record_get(r, "alias", &n));
	assert_int_equal(n, 0);
	ent_record_free(r);
}

static void
properties_are_kept_sorted(void **state)
{
	struct ent_record *r = person("p2");
	size_t i;

	(void)state;
	ent_record_add(r, "weakAlias", "w", NULL);
	ent_record_add(r, "alias", "a", NULL);
	ent_record_add(r, "name", "n", NULL);
	ent_record_add(r, "birthDate", "1970", NULL);
	assert_int_equal(r->nprops, 4);
	for (i = 1; i < r->nprops; i++)
		assert_true(strcmp(r->props[i - 1].prop->name,
		                r->props[i].prop->name) < 0);
	ent_record_free(r);
}

static void
check_requires_names_and_edge_ends(void **state)
{
	struct ent_record *r = person("p3"), *e = NULL;
	struct ent_diag d;

	(void)state;
	assert_int_equal(ent_record_check(r, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "name"));
	ent_record_add(r, "name", "X", NULL);
	assert_int_equal(ent_record_check(r, &d), ENT_OK);
	assert_int_equal(ent_record_new("f1", "Family", &e, NULL), ENT_OK);
	ent_record_add(e, "person", "p3", NULL);
	assert_int_equal(ent_record_check(e, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "relative"));
	ent_record_add(e, "relative", "p4", NULL);
	assert_int_equal(ent_record_check(e, &d), ENT_OK);
	ent_record_free(r);
	ent_record_free(e);
}

static int
count_ref(void *ctx, const char *prop, const char *id)
{
	(void)prop;
	(void)id;
	(*(int *)ctx)++;
	return 0;
}

static void
refs_and_captions(void **state)
{
	struct ent_record *p = NULL;
	int n = 0;

	(void)state;
	assert_int_equal(ent_record_new("doc1", "Passport", &p, NULL), ENT_OK);
	assert_string_equal(ent_record_caption(p), "doc1");
	ent_record_add(p, "number", "AB123", NULL);
	ent_record_add(p, "holder", "p1", NULL);
	ent_record_add(p, "country", "pk", NULL);
	assert_string_equal(ent_record_caption(p), "AB123");
	ent_record_each_ref(p, count_ref, &n);
	assert_int_equal(n, 1);
	ent_record_free(p);
}

static void
same_content_ignores_meta(void **state)
{
	struct ent_record *a = person("s"), *b = person("s");

	(void)state;
	ent_record_add(a, "name", "A", NULL);
	ent_record_add(b, "name", "A", NULL);
	ent_meta_set(&b->meta.agency, "PK-FIA");
	assert_true(ent_record_same_content(a, b));
	ent_record_add(b, "alias", "B", NULL);
	assert_false(ent_record_same_content(a, b));
	ent_record_free(a);
	ent_record_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(schemata_inherit_properties),
	    cmocka_unit_test(new_record_rejects_bad_ids_and_schemata),
	    cmocka_unit_test(dates_accept_partial_iso_and_reject_the_rest),
	    cmocka_unit_test(add_validates_and_normalises_by_type),
	    cmocka_unit_test(properties_are_kept_sorted),
	    cmocka_unit_test(check_requires_names_and_edge_ends),
	    cmocka_unit_test(refs_and_captions),
	    cmocka_unit_test(same_content_ignores_meta),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
