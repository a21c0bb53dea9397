/* test_base.c - the capped buffer, diagnostics and small helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ent_buf.h"
#include "ent_diag.h"
#include "ent_err.h"
#include "ent_util.h"

static void
buf_grows_and_stays_terminated(void **state)
{
	struct ent_buf b;
	int i;

	(void)state;
	ent_buf_init(&b, 1 << 20);
	assert_string_equal(ent_buf_str(&b), "");
	for (i = 0; i < 1000; i++)
		assert_int_equal(ent_buf_adds(&b, "abc"), ENT_OK);
	assert_int_equal(ent_buf_len(&b), 3000);
	assert_int_equal(strlen(ent_buf_str(&b)), 3000);
	assert_int_equal(ent_buf_printf(&b, "%d-%s", 42, "x"), ENT_OK);
	assert_string_equal(ent_buf_str(&b) + 3000, "42-x");
	ent_buf_fini(&b);
}

static void
add_past_max_fails_and_leaves_buffer_intact(void **state)
{
	struct ent_buf b;

	(void)state;
	ent_buf_init(&b, 8);
	assert_int_equal(ent_buf_adds(&b, "12345"), ENT_OK);
	assert_int_equal(ent_buf_adds(&b, "6789"), ENT_ETOOBIG);
	assert_string_equal(ent_buf_str(&b), "12345");
	assert_int_equal(ent_buf_printf(&b, "%s", "abcd"), ENT_ETOOBIG);
	assert_int_equal(ent_buf_len(&b), 5);
	assert_int_equal(ent_buf_adds(&b, "678"), ENT_OK);
	assert_int_equal(ent_buf_addc(&b, 'x'), ENT_ETOOBIG);
	ent_buf_fini(&b);
}

static void
steal_hands_over_and_empties(void **state)
{
	struct ent_buf b;
	size_t n;
	char *s;

	(void)state;
	ent_buf_init(&b, 100);
	ent_buf_adds(&b, "hello");
	s = ent_buf_steal(&b, &n);
	assert_string_equal(s, "hello");
	assert_int_equal(n, 5);
	assert_int_equal(ent_buf_len(&b), 0);
	free(s);
	s = ent_buf_steal(&b, &n); /* empty buffer still gives a string */
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

static void
diag_prefix_keeps_location_first(void **state)
{
	struct ent_diag d;
	char big[2000];

	(void)state;
	ent_diag_set(&d, "bad date '%s'", "1975-13");
	ent_diag_prefix(&d, "%s:%d", "list.json", 7);
	assert_string_equal(d.msg, "list.json:7: bad date '1975-13'");
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ent_diag_set(&d, "%s", big);
	ent_diag_prefix(&d, "file:1");
	assert_true(strncmp(d.msg, "file:1: xxx", 11) == 0);
	assert_true(strlen(d.msg) < ENT_DIAG_MAX);
	ent_diag_set(NULL, "ignored"); /* NULL-safe */
}

static void
utf8_validation_rejects_bad_sequences(void **state)
{
	(void)state;
	assert_true(ent_utf8_valid("Müller", strlen("Müller")));
	assert_true(
	    ent_utf8_valid("أسامة 习近平 Усама", strlen("أسامة 习近平 Усама")));
	assert_false(ent_utf8_valid("\xc3", 1));             /* truncated */
	assert_false(ent_utf8_valid("\xc0\xaf", 2));         /* overlong */
	assert_false(ent_utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	assert_false(ent_utf8_valid("\xf4\x90\x80\x80", 4)); /* > U+10FFFF */
	assert_false(ent_utf8_valid("a\0b", 3));             /* NUL */
	assert_false(ent_utf8_valid("\xff", 1));
}

static void
parse_i64_checks_range_and_garbage(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(ent_parse_i64("42", 0, 100, &v), ENT_OK);
	assert_int_equal(v, 42);
	assert_int_equal(ent_parse_i64("101", 0, 100, &v), ENT_EINVAL);
	assert_int_equal(ent_parse_i64("4x", 0, 100, &v), ENT_EINVAL);
	assert_int_equal(ent_parse_i64("", 0, 100, &v), ENT_EINVAL);
	assert_int_equal(
	    ent_parse_i64("99999999999999999999", 0, INT64_MAX, &v),
	    ENT_EINVAL);
}

static void
errors_have_names(void **state)
{
	(void)state;
	assert_string_equal(ent_errcode(ENT_EINVAL), "invalid");
	assert_string_equal(ent_errcode(ENT_ENOTFOUND), "not_found");
	assert_non_null(ent_strerror(-999));
	assert_string_equal(ent_errcode(-999), "internal");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(buf_grows_and_stays_terminated),
	    cmocka_unit_test(add_past_max_fails_and_leaves_buffer_intact),
	    cmocka_unit_test(steal_hands_over_and_empties),
	    cmocka_unit_test(diag_prefix_keeps_location_first),
	    cmocka_unit_test(utf8_validation_rejects_bad_sequences),
	    cmocka_unit_test(parse_i64_checks_range_and_garbage),
	    cmocka_unit_test(errors_have_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
