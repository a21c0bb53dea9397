/* test_codec.c - FtM JSON, the reader front end (detection, stdin-free
 * paths, limits) and passenger lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ent_codec.h"
#include "ent_err.h"

static char tmpl[] = "/tmp/ent-codec-XXXXXX";

/* Write content to a fresh temporary file; the caller unlinks it. */
static char *
temp_file(const char *content, size_t n)
{
	char *path = strdup(tmpl);
	int fd = mkstemp(path);
	FILE *fp;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	assert_int_equal(fwrite(content, 1, n, fp), n);
	fclose(fp);
	return path;
}

static void
decode_encode_is_canonical(void **state)
{
	const char *in =
	    "{\"schema\":\"Person\",\"id\":\"p1\",\"properties\":"
	    "{\"nationality\":[\"RU\"],\"name\":[\"Усама бен "
	    "Ладен\",\"Usama bin Ladin\"],\"birthDate\":[\"1957\"]},"
	    "\"caption\":\"ignored\",\"datasets\":[\"x\"]}";
	const char *want =
	    "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":"
	    "{\"birthDate\":[\"1957\"],\"name\":[\"Усама бен "
	    "Ладен\",\"Usama bin Ladin\"],\"nationality\":"
	    "[\"ru\"]}}";
	struct ent_record *r = NULL, *r2 = NULL;
	struct ent_buf b, b2;

	(void)state;
	assert_int_equal(ent_ftm_decode(in, strlen(in), &r, NULL), ENT_OK);
	ent_buf_init(&b, 1 << 20);
	assert_int_equal(ent_ftm_encode(r, 0, &b), ENT_OK);
	assert_string_equal(ent_buf_str(&b), want);
	/* decoding our own output gives the same bytes again */
	assert_int_equal(
	    ent_ftm_decode(ent_buf_str(&b), ent_buf_len(&b), &r2, NULL),
	    ENT_OK);
	ent_buf_init(&b2, 1 << 20);
	ent_ftm_encode(r2, 0, &b2);
	assert_string_equal(ent_buf_str(&b), ent_buf_str(&b2));
	ent_buf_fini(&b);
	ent_buf_fini(&b2);
	ent_record_free(r);
	ent_record_free(r2);
}

static void
meta_round_trips(void **state)
{
	const char *in = "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":"
	                 "{\"name\":[\"A\"]},\"meta\":{\"agency\":\"PK-FIA\","
	                 "\"version\":3,\"created\":\"2020-01-01T00:00:00Z\","
	                 "\"updated\":\"2021-01-01T00:00:00Z\",\"handling\":"
	                 "\"H2\"}}";
	struct ent_record *r = NULL;
	struct ent_buf b;

	(void)state;
	assert_int_equal(ent_ftm_decode(in, strlen(in), &r, NULL), ENT_OK);
	assert_int_equal(r->meta.version, 3);
	assert_string_equal(r->meta.handling, "H2");
	ent_buf_init(&b, 1 << 20);
	ent_ftm_encode(r, 1, &b);
	assert_string_equal(ent_buf_str(&b), in);
	ent_buf_fini(&b);
	ent_record_free(r);
}

struct bad_case {
	const char *json;
	const char *msg; /* a part of the message users must see */
};

static void
bad_records_say_what_is_wrong(void **state)
{
	static const struct bad_case cases[] = {
	    {"{\"id\":\"x\"", "bad JSON"},
	    {"[1,2]", "expected a JSON object"},
	    {"{\"schema\":\"Person\"}", "id: missing"},
	    {"{\"id\":\"x\",\"schema\":\"Alien\"}", "unknown schema 'Alien'"},
	    {"{\"id\":\"x\",\"schema\":\"Person\",\"color\":1}",
	        "unknown key 'color'"},
	    {"{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":"
	     "\"A\"}}",
	        "expected an array of strings"},
	    {"{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":"
	     "[1]}}",
	        "expected a string"},
	    {"{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":"
	     "[\"A\"],\"birthDate\":[\"1975-13\"]}}",
	        "birthDate"},
	    {"{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":"
	     "[\"A\"],\"hat\":[\"x\"]}}",
	        "no property 'hat'"},
	    {"{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{}}",
	        "needs a 'name'"},
	    {"{\"id\":\"x\",\"id\":\"y\",\"schema\":\"Person\"}", "duplicate"},
	    {"{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":"
	     "[\"A\"]},\"meta\":{\"version\":\"one\"}}",
	        "meta.version"},
	};
	struct ent_record *r = NULL;
	struct ent_diag d;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		d.msg[0] = '\0';
		assert_int_equal(ent_ftm_decode(cases[i].json,
		                     strlen(cases[i].json), &r, &d),
		    ENT_EINVAL);
		if (strstr(d.msg, cases[i].msg) == NULL)
			fail_msg("case %zu: '%s' lacks '%s'", i, d.msg,
			    cases[i].msg);
		assert_null(r);
	}
}

static void
reader_detects_reports_lines_and_skips_bad_ones(void **state)
{
	const char *content =
	    "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":"
	    "[\"A\"]}}\n"
	    "\n"
	    "{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":"
	    "[\"B\"],\"birthDate\":[\"1975-13\"]}}\n"
	    "not json\n"
	    "{\"id\":\"c\",\"schema\":\"Person\",\"properties\":{\"name\":"
	    "[\"\xff\"]}}\r\n"
	    "{\"id\":\"d\",\"schema\":\"Person\",\"properties\":{\"name\":"
	    "[\"D\"]}}";
	char *path = temp_file(content, strlen(content));
	struct ent_reader *rd = NULL;
	struct ent_record *r;
	struct ent_diag d;
	long line;
	int rc, good = 0, bad = 0;
	long badlines[3];

	(void)state;
	assert_int_equal(ent_reader_open(path, ENT_FMT_AUTO, &rd, &d), ENT_OK);
	assert_int_equal(ent_reader_format(rd), ENT_FMT_FTM);
	while (
	    (rc = ent_reader_next(rd, &r, &line, &d)) != ENT_OK || r != NULL) {
		if (rc == ENT_OK) {
			good++;
			ent_record_free(r);
		} else {
			assert_int_equal(rc, ENT_EINVAL);
			badlines[bad++] = line;
		}
	}
	assert_int_equal(good, 2);
	assert_int_equal(bad, 3);
	assert_int_equal(badlines[0], 3);
	assert_int_equal(badlines[1], 4);
	assert_int_equal(badlines[2], 5);
	ent_reader_close(rd);
	unlink(path);
	free(path);
}

static void
reader_refuses_empty_unknown_and_missing_files(void **state)
{
	struct ent_reader *rd = NULL;
	struct ent_diag d;
	char *empty = temp_file("", 0), *junk = temp_file("hello world\n", 12);

	(void)state;
	assert_int_equal(
	    ent_reader_open(empty, ENT_FMT_AUTO, &rd, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "empty"));
	assert_int_equal(
	    ent_reader_open(junk, ENT_FMT_AUTO, &rd, &d), ENT_EFORMAT);
	assert_non_null(strstr(d.msg, "unknown format"));
	assert_int_equal(ent_reader_open("/no/such/file", ENT_FMT_FTM, &rd, &d),
	    ENT_ENOTFOUND);
	assert_non_null(strstr(d.msg, "/no/such/file"));
	assert_int_equal(
	    ent_reader_open("/tmp", ENT_FMT_FTM, &rd, &d), ENT_EINVAL);
	assert_null(rd);
	unlink(empty);
	unlink(junk);
	free(empty);
	free(junk);
}

static void
an_overlong_line_is_skipped_without_holding_it(void **state)
{
	size_t big = ENT_LINE_MAX + 100;
	char *content = malloc(big + 200), *path;
	const char *tail = "\n{\"id\":\"z\",\"schema\":\"Person\","
	                   "\"properties\":{\"name\":[\"Z\"]}}\n";
	struct ent_reader *rd = NULL;
	struct ent_record *r = NULL;
	struct ent_diag d;
	long line;

	(void)state;
	memset(content, ' ', big);
	content[0] = '{';
	memcpy(content + big, tail, strlen(tail));
	path = temp_file(content, big + strlen(tail));
	free(content);
	assert_int_equal(ent_reader_open(path, ENT_FMT_FTM, &rd, &d), ENT_OK);
	assert_int_equal(ent_reader_next(rd, &r, &line, &d), ENT_ETOOBIG);
	assert_int_equal(line, 1);
	assert_non_null(strstr(d.msg, "longer than"));
	assert_int_equal(ent_reader_next(rd, &r, &line, &d), ENT_OK);
	assert_non_null(r);
	assert_string_equal(r->id, "z");
	assert_int_equal(line, 2);
	ent_record_free(r);
	ent_reader_close(rd);
	unlink(path);
	free(path);
}

static void
format_names_parse(void **state)
{
	enum ent_format f;

	(void)state;
	assert_int_equal(ent_format_parse("un-xml", &f), ENT_OK);
	assert_int_equal(f, ENT_FMT_UN_XML);
	assert_string_equal(ent_format_name(ENT_FMT_OFAC_CSV), "ofac-csv");
	assert_int_equal(ent_format_parse("xlsx", &f), ENT_EINVAL);
}

static void
passenger_csv_and_json_lines(void **state)
{
	static char csv[] =
	    "id,name,birth_date,nationality,gender,extra\n"
	    "1,\"GUZMAN LOERA, Joaquin\",1957-04-04,Mexico,male,x\n"
	    "2,,1957,mx,male,x\n"
	    "3,Ivan,1957-13-01,ru,,x\n"
	    "4,Олег,,RU,female,y\n";
	static char jl[] =
	    "{\"id\":7,\"name\":\"A B\",\"nationality\":\"pk\"}\n"
	    "{\"id\":\"8\",\"name\":[\"x\"]}\n"
	    "{\"id\":\"9\",\"name\":\"C\",\"gender\":\"robot\"}\n";
	struct ent_batch_reader *br = NULL;
	struct ent_passenger p;
	struct ent_diag d;
	FILE *fp;
	long line;

	(void)state;
	fp = fmemopen(csv, strlen(csv), "r");
	assert_int_equal(ent_batch_open(fp, "list.csv", &br, &d), ENT_OK);
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_OK);
	assert_string_equal(p.id, "1");
	assert_string_equal(p.name, "GUZMAN LOERA, Joaquin");
	assert_string_equal(p.nationality, "mx");
	assert_int_equal(line, 2);
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "name"));
	assert_int_equal(line, 3);
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "birth_date"));
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_OK);
	assert_string_equal(p.name, "Олег");
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_ENOTFOUND);
	ent_batch_close(br);
	fclose(fp);

	fp = fmemopen(jl, strlen(jl), "r");
	assert_int_equal(ent_batch_open(fp, "list.jsonl", &br, &d), ENT_OK);
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_OK);
	assert_string_equal(p.id, "7");
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_EINVAL);
	assert_int_equal(line, 2);
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "gender"));
	assert_int_equal(ent_batch_next(br, &p, &line, &d), ENT_ENOTFOUND);
	ent_batch_close(br);
	fclose(fp);
}

static void
passenger_csv_needs_id_and_name_columns(void **state)
{
	static char csv[] = "name,birth_date\nA,1970\n";
	struct ent_batch_reader *br = NULL;
	struct ent_diag d;
	FILE *fp = fmemopen(csv, strlen(csv), "r");

	(void)state;
	assert_int_equal(ent_batch_open(fp, "x.csv", &br, &d), ENT_EFORMAT);
	assert_non_null(strstr(d.msg, "'id'"));
	fclose(fp);
}

static void
json_strings_are_escaped(void **state)
{
	struct ent_buf b;

	(void)state;
	ent_buf_init(&b, 100);
	ent_json_str(&b, "a\"b\\c\n\x01й");
	assert_string_equal(ent_buf_str(&b), "\"a\\\"b\\\\c\\n\\u0001й\"");
	ent_buf_fini(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(decode_encode_is_canonical),
	    cmocka_unit_test(meta_round_trips),
	    cmocka_unit_test(bad_records_say_what_is_wrong),
	    cmocka_unit_test(reader_detects_reports_lines_and_skips_bad_ones),
	    cmocka_unit_test(reader_refuses_empty_unknown_and_missing_files),
	    cmocka_unit_test(an_overlong_line_is_skipped_without_holding_it),
	    cmocka_unit_test(format_names_parse),
	    cmocka_unit_test(passenger_csv_and_json_lines),
	    cmocka_unit_test(passenger_csv_needs_id_and_name_columns),
	    cmocka_unit_test(json_strings_are_escaped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
