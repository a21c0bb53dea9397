/* test_http_router.c - the route table, JSON limits, UTF-8 checks and the
 * metrics text of the HTTP module, without a network. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "ent_err.h"
#include "http_int.h"

static void
routes_match_literals_and_params(void **state)
{
	struct route_match m;
	char allow[64];

	(void)state;
	assert_int_equal(
	    ent__route_find("GET", "/healthz", &m, allow, sizeof(allow)), 0);
	assert_int_equal(m.id, ROUTE_healthz);
	assert_int_equal(ent__route_find("POST", "/v1/screen/batch", &m, allow,
	                     sizeof(allow)),
	    0);
	assert_int_equal(m.id, ROUTE_screen_batch);
	assert_int_equal(ent__route_find("GET", "/v1/entities/Q-1.a:b", &m,
	                     allow, sizeof(allow)),
	    0);
	assert_int_equal(m.id, ROUTE_entity_get);
	assert_int_equal(m.nparams, 1);
	assert_string_equal(m.params[0], "Q-1.a:b");
	assert_int_equal(ent__route_find("DELETE", "/v1/entities/x", &m, allow,
	                     sizeof(allow)),
	    0);
	assert_int_equal(m.id, ROUTE_entity_delete);
	assert_int_equal(ent__route_find("POST", "/match/sanctions", &m, allow,
	                     sizeof(allow)),
	    0);
	assert_int_equal(m.id, ROUTE_match);
	assert_string_equal(m.params[0], "sanctions");
}

static void
unknown_paths_are_404_and_wrong_methods_405_with_allow(void **state)
{
	struct route_match m;
	char allow[64];

	(void)state;
	assert_int_equal(
	    ent__route_find("GET", "/nope", &m, allow, sizeof(allow)), 404);
	assert_int_equal(
	    ent__route_find("GET", "/v1/entities/", &m, allow, sizeof(allow)),
	    404);
	assert_int_equal(ent__route_find("GET", "/v1/entities/a/b", &m, allow,
	                     sizeof(allow)),
	    404);
	assert_int_equal(
	    ent__route_find("GET", "/healthz/", &m, allow, sizeof(allow)), 404);
	assert_int_equal(
	    ent__route_find("GET", "", &m, allow, sizeof(allow)), 404);
	assert_int_equal(
	    ent__route_find("GET", "/v1/screen", &m, allow, sizeof(allow)),
	    405);
	assert_string_equal(allow, "POST");
	assert_int_equal(
	    ent__route_find("PUT", "/v1/entities/x", &m, allow, sizeof(allow)),
	    405);
	assert_string_equal(allow, "GET, DELETE");
}

static void
overlong_params_do_not_match(void **state)
{
	struct route_match m;
	char allow[64], path[ROUTE_PARAM_MAX + 32];

	(void)state;
	memcpy(path, "/v1/entities/", 13);
	memset(path + 13, 'a', ROUTE_PARAM_MAX);
	path[13 + ROUTE_PARAM_MAX] = '\0';
	assert_int_equal(
	    ent__route_find("GET", path, &m, allow, sizeof(allow)), 404);
}

static void
every_route_has_a_handler_and_only_healthz_is_public(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < ROUTE__COUNT; i++) {
		assert_non_null(ent__routes[i].handler);
		if (i == ROUTE_healthz)
			assert_int_equal(ent__routes[i].action, ENT_ACT__COUNT);
		else
			assert_int_not_equal(
			    ent__routes[i].action, ENT_ACT__COUNT);
	}
}

static void
json_limits_reject_depth_strings_and_bad_utf8(void **state)
{
	struct ent_limits l;
	struct ent_diag d;
	json_t *v;
	char big[64];

	(void)state;
	ent_limits_default(&l);
	l.json_depth = 3;
	l.string_max = 8;
	v = ent__json_parse(&l, "{\"a\":[1,{\"b\":2}]}", 17, &d);
	assert_non_null(v);
	json_decref(v);
	assert_null(ent__json_parse(&l, "{\"a\":[[{\"b\":2}]]}", 17, &d));
	assert_non_null(strstr(d.msg, "nesting"));
	assert_null(ent__json_parse(&l, "{\"a\":\"123456789\"}", 17, &d));
	assert_non_null(strstr(d.msg, "limit of 8"));
	assert_non_null(strstr(d.msg, "a: "));
	assert_null(ent__json_parse(&l, "{\"a\":\n 1,}", 10, &d));
	assert_non_null(strstr(d.msg, "line 2"));
	assert_non_null(strstr(d.msg, "column"));
	assert_null(ent__json_parse(&l, "{\"a\":1,\"a\":2}", 13, &d));
	memcpy(big, "{\"a\":\"\xc3\x28\"}", 10);
	assert_null(ent__json_parse(&l, big, 10, &d));
	assert_non_null(strstr(d.msg, "byte 6"));
	assert_null(ent__json_parse(&l, "", 0, &d));
}

static void
utf8_checker_finds_the_first_bad_byte(void **state)
{
	(void)state;
	assert_int_equal(ent__utf8_bad_at("abc", 3), -1);
	assert_int_equal(ent__utf8_bad_at("\xd0\x9c\xd0\xbe", 4), -1);
	assert_int_equal(ent__utf8_bad_at("ab\xff", 3), 2);
	assert_int_equal(ent__utf8_bad_at("a\xc0\xaf", 3), 1);    /* overlong */
	assert_int_equal(ent__utf8_bad_at("\xed\xa0\x80", 3), 0); /* surrog. */
	assert_int_equal(ent__utf8_bad_at("ab\xe2\x82", 4), 2);   /* cut */
	assert_int_equal(ent__utf8_bad_at("a\0b", 3), 1);
}

static void
unknown_fields_are_named(void **state)
{
	static const char *const ok[] = {"name", "limit", NULL};
	struct ent_diag d;
	json_t *v = json_pack("{s:s, s:i}", "name", "x", "colour", 3);

	(void)state;
	assert_int_equal(ent__json_only(v, ok, "query", &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "'colour'"));
	assert_non_null(strstr(d.msg, "query"));
	json_object_del(v, "colour");
	assert_int_equal(ent__json_only(v, ok, NULL, &d), ENT_OK);
	json_decref(v);
}

static void
error_statuses_come_from_one_table(void **state)
{
	(void)state;
	assert_int_equal(ent__http_status(ENT_EINVAL), 400);
	assert_int_equal(ent__http_status(ENT_EAUTH), 401);
	assert_int_equal(ent__http_status(ENT_EPERM), 403);
	assert_int_equal(ent__http_status(ENT_ENOTFOUND), 404);
	assert_int_equal(ent__http_status(ENT_ETOOBIG), 413);
	assert_int_equal(ent__http_status(ENT_EBUSY), 503);
	assert_int_equal(ent__http_status(-99), 500);
}

static void
metrics_render_counts_and_histograms(void **state)
{
	static struct ent_metrics m; /* zeroed */
	struct ent_buf b;
	const char *s;

	(void)state;
	ent__metrics_observe(&m, ROUTE_screen, 200, 0.003);
	ent__metrics_observe(&m, ROUTE_screen, 200, 0.0001);
	ent__metrics_observe(&m, ROUTE_screen, 418, 2.0);
	ent__metrics_observe(&m, -1, 404, 0.0001);
	ent__metrics_screen(&m, 2, 5, 1);
	ent_buf_init(&b, 1 << 20);
	assert_int_equal(ent__metrics_render(&m, 42, 3, &b), ENT_OK);
	s = ent_buf_str(&b);
	assert_non_null(strstr(s, "entente_http_requests_total{route=\"screen"
	                          "\",status=\"200\"} 2\n"));
	assert_non_null(strstr(s, "route=\"screen\",status=\"other\"} 1\n"));
	assert_non_null(strstr(s, "route=\"none\",status=\"404\"} 1\n"));
	assert_non_null(strstr(s, "duration_seconds_bucket{route=\"screen\","
	                          "le=\"0.0005\"} 1\n"));
	assert_non_null(strstr(s, "duration_seconds_bucket{route=\"screen\","
	                          "le=\"0.005\"} 2\n"));
	assert_non_null(strstr(s, "duration_seconds_bucket{route=\"screen\","
	                          "le=\"+Inf\"} 3\n"));
	assert_non_null(strstr(s, "entente_screenings_total 2\n"));
	assert_non_null(strstr(s, "entente_screening_results_total 5\n"));
	assert_non_null(strstr(s, "entente_index_records 42\n"));
	ent_buf_fini(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(routes_match_literals_and_params),
	    cmocka_unit_test(
	        unknown_paths_are_404_and_wrong_methods_405_with_allow),
	    cmocka_unit_test(overlong_params_do_not_match),
	    cmocka_unit_test(
	        every_route_has_a_handler_and_only_healthz_is_public),
	    cmocka_unit_test(json_limits_reject_depth_strings_and_bad_utf8),
	    cmocka_unit_test(utf8_checker_finds_the_first_bad_byte),
	    cmocka_unit_test(unknown_fields_are_named),
	    cmocka_unit_test(error_statuses_come_from_one_table),
	    cmocka_unit_test(metrics_render_counts_and_histograms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
