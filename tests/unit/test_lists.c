/* test_lists.c - the list readers: UN XML, OFAC CSV and our simple CSV.
 *
 * Small fixtures are written to a temporary folder and read back through
 * ent_reader_open(); the real lists in $ENTENTE_SHARED_DATA are read when
 * they are there, and their counts are checked against a count made here
 * independently of the readers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codec_int.h"
#include "ent_codec.h"
#include "ent_err.h"

/* ---- helpers -------------------------------------------------------- */

#define MAX_BAD 32

/* Everything a reader gave for one file. */
struct run {
	int open_rc;
	struct ent_record **recs;
	size_t n, cap;
	long bad_line[MAX_BAD];
	char bad_msg[MAX_BAD][ENT_DIAG_MAX];
	size_t nbad;
	int end_rc; /* ENT_OK at a clean end, else what stopped it */
	long end_line;
	struct ent_diag d;
};

static char tmpdir[] = "/tmp/test_lists.XXXXXX";

static int
setup_dir(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

/* The names put_file() wrote, to remove them at the end. */
static const char *written[32];
static size_t nwritten;

static int
teardown_dir(void **state)
{
	char path[512];
	size_t i;

	(void)state;
	for (i = 0; i < nwritten; i++) {
		snprintf(path, sizeof(path), "%s/%s", tmpdir, written[i]);
		unlink(path);
	}
	return rmdir(tmpdir);
}

/* Write len bytes (or strlen) to tmpdir/name; returns the path (static). */
static const char *
put_file(const char *name, const char *data, size_t len)
{
	static char path[512];
	FILE *fp;
	size_t i;

	for (i = 0; i < nwritten && strcmp(written[i], name) != 0; i++)
		;
	if (i == nwritten && nwritten < 32)
		written[nwritten++] = name;
	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	if (len == 0)
		len = strlen(data);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	return path;
}

static void
rm_file(const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	unlink(path);
}

static void
run_file(const char *path, enum ent_format fmt, struct run *run)
{
	struct ent_reader *rd = NULL;
	struct ent_record *r;
	long line;
	int rc;

	memset(run, 0, sizeof(*run));
	run->open_rc = ent_reader_open(path, fmt, &rd, &run->d);
	if (run->open_rc != ENT_OK)
		return;
	for (;;) {
		r = NULL;
		line = 0;
		rc = ent_reader_next(rd, &r, &line, &run->d);
		if (rc == ENT_OK && r == NULL)
			break;
		if (rc == ENT_EINVAL || rc == ENT_ETOOBIG) {
			if (run->nbad < MAX_BAD) {
				run->bad_line[run->nbad] = line;
				snprintf(run->bad_msg[run->nbad], ENT_DIAG_MAX,
				    "%s", run->d.msg);
			}
			run->nbad++;
			continue;
		}
		if (rc != ENT_OK) {
			run->end_rc = rc;
			run->end_line = line;
			break;
		}
		if (run->n == run->cap) {
			run->cap = run->cap ? run->cap * 2 : 64;
			run->recs =
			    realloc(run->recs, run->cap * sizeof(*run->recs));
			assert_non_null(run->recs);
		}
		run->recs[run->n++] = r;
	}
	ent_reader_close(rd);
}

static void
run_free(struct run *run)
{
	size_t i;

	for (i = 0; i < run->n; i++)
		ent_record_free(run->recs[i]);
	free(run->recs);
	run->recs = NULL;
	run->n = 0;
}

static const struct ent_record *
find(const struct run *run, const char *id)
{
	size_t i;

	for (i = 0; i < run->n; i++)
		if (strcmp(run->recs[i]->id, id) == 0)
			return run->recs[i];
	fail_msg("no record %s", id);
	abort(); /* not reached: tells the compiler we never return NULL */
}

static bool
has_value(const struct ent_record *r, const char *prop, const char *v)
{
	char *const *vals;
	size_t n, i;

	vals = ent_record_get(r, prop, &n);
	for (i = 0; i < n; i++)
		if (strcmp(vals[i], v) == 0)
			return true;
	return false;
}

static size_t
count(const struct ent_record *r, const char *prop)
{
	size_t n;

	(void)ent_record_get(r, prop, &n);
	return n;
}

#define assert_value(r, prop, v)                                               \
	do {                                                                   \
		if (!has_value((r), (prop), (v)))                              \
			fail_msg("%s has no %s '%s'", (r)->id, (prop), (v));   \
	} while (0)

/* ---- simple CSV ----------------------------------------------------- */

static void
csv_reads_quotes_bom_crlf_and_multiple_values(void **state)
{
	static const char data[] =
	    "\xef\xbb\xbfid,schema,name,alias,birth_date,nationality,"
	    "passport_number,notes,birthPlace,legal_basis,review_by\r\n"
	    "p1,,\"Doe, John\",Johnny;J. D.,1975-04,Russian Federation;DE,"
	    "X123;Y456,\"said \"\"hi\"\"; twice\",\"Line one\r\nline two\","
	    "RPD art. 10,2030-01-01\r\n"
	    "\r\n"
	    "o1,Organization,Acme Ltd,,,,,,,,\r\n"
	    "p2,Person,Müller,,,Türkiye,,,,,";
	const struct ent_record *p1, *o1, *p2;
	struct run run;

	(void)state;
	run_file(put_file("a.csv", data, 0), ENT_FMT_CSV, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_OK);
	assert_int_equal(run.nbad, 0);
	assert_int_equal(run.n, 3);
	p1 = find(&run, "p1");
	assert_non_null(p1);
	assert_string_equal(p1->schema->name, "Person");
	assert_value(p1, "name", "Doe, John");
	assert_value(p1, "alias", "Johnny");
	assert_value(p1, "alias", "J. D.");
	assert_value(p1, "birthDate", "1975-04");
	assert_value(p1, "nationality", "ru");
	assert_value(p1, "nationality", "de");
	assert_value(p1, "passportNumber", "Y456");
	/* notes are free text: the semicolon stays, the quotes unescape */
	assert_value(p1, "notes", "said \"hi\"; twice");
	assert_value(p1, "birthPlace", "Line one\r\nline two");
	assert_non_null(p1->meta.legal_basis);
	assert_string_equal(p1->meta.legal_basis, "RPD art. 10");
	assert_string_equal(p1->meta.review_by, "2030-01-01");
	o1 = find(&run, "o1");
	assert_non_null(o1);
	assert_string_equal(o1->schema->name, "Organization");
	p2 = find(&run, "p2");
	assert_non_null(p2);
	assert_value(p2, "name", "Müller");
	assert_value(p2, "nationality", "tr");
	run_free(&run);
}

static void
csv_unknown_column_rejects_the_file_at_line_1_naming_it(void **state)
{
	struct run run;

	(void)state;
	run_file(put_file("b.csv", "id,name,birth_dat\nx,y,1970\n", 0),
	    ENT_FMT_CSV, &run);
	assert_int_equal(run.open_rc, ENT_EFORMAT);
	assert_non_null(strstr(run.d.msg, "line 1"));
	assert_non_null(strstr(run.d.msg, "birth_dat"));
	run_file(put_file("b.csv", "name,alias\nx,y\n", 0), ENT_FMT_CSV, &run);
	assert_int_equal(run.open_rc, ENT_EFORMAT);
	assert_non_null(strstr(run.d.msg, "'id'"));
	run_file(
	    put_file("b.csv", "id,name,name\nx,y,z\n", 0), ENT_FMT_CSV, &run);
	assert_int_equal(run.open_rc, ENT_EFORMAT);
	assert_non_null(strstr(run.d.msg, "twice"));
}

static void
csv_bad_row_is_reported_with_its_line_and_the_rest_is_read(void **state)
{
	static const char data[] = "id,name,birth_date,nationality\n"
	                           "a,\"Ann\nMarie\",1970,fr\n" /* lines 2-3 */
	                           "b,Bob,1975-13-01,fr\n"      /* line 4 */
	                           "c,Cid,1980\n"               /* line 5 */
	                           "d,Dan,1981,Atlantis\n"      /* line 6 */
	                           ",Eve,1982,fr\n"             /* line 7 */
	                           "f,,,\n"                     /* line 8 */
	                           "g,\xff\xfe,1983,fr\n"       /* line 9 */
	                           "h,Hal,1984,fr\n";           /* line 10 */
	struct run run;

	(void)state;
	run_file(put_file("c.csv", data, 0), ENT_FMT_CSV, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_OK);
	assert_int_equal(run.n, 2);
	assert_non_null(find(&run, "a"));
	assert_non_null(find(&run, "h"));
	assert_int_equal(run.nbad, 6);
	assert_int_equal(run.bad_line[0], 4);
	assert_non_null(strstr(run.bad_msg[0], "birthDate"));
	assert_int_equal(run.bad_line[1], 5);
	assert_non_null(strstr(run.bad_msg[1], "3 fields"));
	assert_int_equal(run.bad_line[2], 6);
	assert_non_null(strstr(run.bad_msg[2], "Atlantis"));
	assert_int_equal(run.bad_line[3], 7);
	assert_int_equal(run.bad_line[4], 8); /* a Person needs a name */
	assert_int_equal(run.bad_line[5], 9);
	assert_non_null(strstr(run.bad_msg[5], "UTF-8"));
	run_free(&run);
}

static void
csv_property_of_another_schema_and_text_after_quote_are_bad_rows(void **state)
{
	static const char data[] = "id,schema,name,birthDate,flag\n"
	                           "o,Organization,Org,1990,\n"
	                           "v,Vessel,Boat,,Panama\n"
	                           "p,Person,\"Pat\"x,,\n"
	                           "q,Nope,Q,,\n";
	const struct ent_record *v;
	struct run run;

	(void)state;
	run_file(put_file("d.csv", data, 0), ENT_FMT_CSV, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.n, 1);
	v = find(&run, "v");
	assert_non_null(v);
	assert_value(v, "flag", "pa");
	assert_int_equal(run.nbad, 3);
	assert_int_equal(run.bad_line[0], 2);
	assert_non_null(strstr(run.bad_msg[0], "birthDate"));
	assert_int_equal(run.bad_line[1], 4);
	assert_non_null(strstr(run.bad_msg[1], "quote"));
	assert_int_equal(run.bad_line[2], 5);
	assert_non_null(strstr(run.bad_msg[2], "Nope"));
	run_free(&run);
}

static void
csv_unterminated_quote_at_end_of_file_is_eformat(void **state)
{
	struct run run;

	(void)state;
	run_file(put_file("e.csv", "id,name\na,Ann\nb,\"Bob\nc,Cid\n", 0),
	    ENT_FMT_CSV, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.n, 1);
	assert_int_equal(run.end_rc, ENT_EFORMAT);
	assert_int_equal(run.end_line, 3);
	assert_non_null(strstr(run.d.msg, "line 3"));
	run_free(&run);
}

/* The reader's own answer to an empty file, below ent_reader_open (which
 * refuses empty files before any format sees them). */
static int
open_ops_on(const struct reader_ops *ops, const char *path, struct ent_diag *d)
{
	struct ent_reader rd;
	int rc;

	memset(&rd, 0, sizeof(rd));
	rd.ops = ops;
	rd.name = (char *)(uintptr_t)path;
	rd.path = rd.name;
	rd.fp = fopen(path, "rb");
	assert_non_null(rd.fp);
	rc = ops->open(&rd, d);
	if (rc == ENT_OK) {
		struct ent_record *r = NULL;
		long line = 0;

		rc = ops->next(&rd, &r, &line, d);
		ent_record_free(r);
	}
	ops->close(&rd);
	fclose(rd.fp);
	return rc;
}

static void
empty_files_are_rejected_by_every_reader(void **state)
{
	struct ent_diag d;
	struct run run;
	const char *p = put_file("empty.csv", "", 0);

	(void)state;
	assert_int_equal(open_ops_on(&ent__csv_ops, p, &d), ENT_EFORMAT);
	assert_non_null(strstr(d.msg, "header"));
	assert_int_equal(open_ops_on(&ent__unxml_ops, p, &d), ENT_EFORMAT);
	assert_int_equal(open_ops_on(&ent__ofac_ops, p, &d), ENT_EFORMAT);
	run_file(p, ENT_FMT_CSV, &run);
	assert_int_not_equal(run.open_rc, ENT_OK);
	rm_file("empty.csv");
}

/* ---- UN XML --------------------------------------------------------- */

static const char un_fixture[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"       /* 1 */
    "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27\">\n" /* 2 */
    "<INDIVIDUALS>\n"                                    /* 3 */
    "<INDIVIDUAL>\n"                                     /* 4 */
    "<DATAID>100</DATAID><FIRST_NAME>ABU</FIRST_NAME>"
    "<SECOND_NAME>BAKR</SECOND_NAME><THIRD_NAME>AL-TEST</THIRD_NAME>"
    "<FOURTH_NAME>na</FOURTH_NAME>\n" /* 5 */
    "<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>"
    "<REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>"
    "<LISTED_ON>2015-07-01-04:00</LISTED_ON><GENDER>Male</GENDER>\n"
    "<NAME_ORIGINAL_SCRIPT> أبو بكر </NAME_ORIGINAL_SCRIPT>"
    "<COMMENTS1>Some comment.</COMMENTS1>\n"
    "<TITLE><VALUE>Mullah</VALUE></TITLE>"
    "<DESIGNATION><VALUE>Commander</VALUE></DESIGNATION>\n"
    "<NATIONALITY><VALUE>Iran (Islamic Republic of)</VALUE>"
    "<VALUE>Atlantis</VALUE><VALUE>na</VALUE></NATIONALITY>\n"
    "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY>"
    "<ALIAS_NAME>Abu Bakr</ALIAS_NAME></INDIVIDUAL_ALIAS>\n"
    "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY>"
    "<ALIAS_NAME>Abubakar Test; Abu Bakar Test ;</ALIAS_NAME>"
    "</INDIVIDUAL_ALIAS>\n"
    "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY>"
    "<ALIAS_NAME>Abu B</ALIAS_NAME></INDIVIDUAL_ALIAS>\n"
    "<INDIVIDUAL_ALIAS><QUALITY>f.k.a.</QUALITY>"
    "<ALIAS_NAME>Old Name</ALIAS_NAME></INDIVIDUAL_ALIAS>\n"
    "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>\n"
    "<INDIVIDUAL_ADDRESS><STREET>1 Main St</STREET><CITY>Kabul</CITY>"
    "<COUNTRY>Afghanistan</COUNTRY></INDIVIDUAL_ADDRESS>\n"
    "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
    "<DATE>1970-05-00</DATE></INDIVIDUAL_DATE_OF_BIRTH>\n"
    "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>"
    "<FROM_YEAR>1971</FROM_YEAR><TO_YEAR>1973</TO_YEAR>"
    "</INDIVIDUAL_DATE_OF_BIRTH>\n"
    "<INDIVIDUAL_PLACE_OF_BIRTH><CITY>Herat</CITY>"
    "<STATE_PROVINCE>Herat Province</STATE_PROVINCE>"
    "<COUNTRY>Afghanistan</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>\n"
    "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>"
    "<NUMBER>P123</NUMBER><ISSUING_COUNTRY>Pakistan</ISSUING_COUNTRY>"
    "<DATE_OF_ISSUE>2001-02-03</DATE_OF_ISSUE></INDIVIDUAL_DOCUMENT>\n"
    "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification "
    "Number</TYPE_OF_DOCUMENT><NUMBER>N456</NUMBER>"
    "<COUNTRY_OF_ISSUE>Viet Nam</COUNTRY_OF_ISSUE>"
    "</INDIVIDUAL_DOCUMENT>\n"
    "</INDIVIDUAL>\n"
    "<INDIVIDUAL>\n" /* no name: a bad item */
    "<DATAID>101</DATAID><UN_LIST_TYPE>DRC</UN_LIST_TYPE>\n"
    "</INDIVIDUAL>\n"
    "</INDIVIDUALS>\n"
    "<ENTITIES>\n"
    "<ENTITY><DATAID>200</DATAID><FIRST_NAME>ACME FRONT</FIRST_NAME>"
    "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY>"
    "<ALIAS_NAME>Acme</ALIAS_NAME></ENTITY_ALIAS>"
    "<ENTITY_ADDRESS><CITY>Sana'a</CITY><COUNTRY>Yemen</COUNTRY>"
    "</ENTITY_ADDRESS></ENTITY>\n"
    "</ENTITIES>\n"
    "</CONSOLIDATED_LIST>\n";

/* The line of the fixture's second INDIVIDUAL, counted here. */
static long
second_individual_line(void)
{
	const char *at = strstr(un_fixture, "<INDIVIDUAL>\n<DATAID>101");
	const char *p;
	long line = 1;

	for (p = un_fixture; p < at; p++)
		if (*p == '\n')
			line++;
	return line;
}

static void
un_xml_maps_individuals_documents_and_entities(void **state)
{
	const struct ent_record *p, *doc1, *doc2, *o;
	struct run run;

	(void)state;
	run_file(put_file("un.xml", un_fixture, 0), ENT_FMT_UN_XML, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_OK);
	assert_int_equal(run.n, 4); /* person, 2 documents, organisation */
	p = find(&run, "unsc-100");
	assert_non_null(p);
	assert_string_equal(p->schema->name, "Person");
	/* FOURTH_NAME "na" is "not available", not a name part */
	assert_value(p, "name", "ABU BAKR AL-TEST");
	assert_value(p, "name", "أبو بكر");
	assert_value(p, "firstName", "ABU");
	assert_value(p, "lastName", "AL-TEST");
	assert_value(p, "alias", "Abu Bakr");
	/* several spellings packed into one alias: one name each */
	assert_value(p, "alias", "Abubakar Test");
	assert_value(p, "alias", "Abu Bakar Test");
	assert_false(has_value(p, "alias", "Abubakar Test; Abu Bakar Test ;"));
	assert_value(p, "weakAlias", "Abu B");
	assert_value(p, "previousName", "Old Name");
	assert_value(p, "gender", "male");
	assert_value(p, "title", "Mullah");
	assert_value(p, "position", "Commander");
	assert_value(p, "nationality", "ir");
	assert_int_equal(count(p, "nationality"), 1);
	assert_value(p, "notes", "Nationality: Atlantis");
	assert_value(p, "notes", "UN reference number: QDi.999");
	assert_value(p, "notes", "Some comment.");
	assert_value(p, "createdAt", "2015-07-01");
	assert_value(p, "program", "Al-Qaida");
	assert_value(p, "birthDate", "1970-05");
	assert_value(p, "birthDate", "1971");
	assert_value(p, "birthDate", "1972");
	assert_value(p, "birthDate", "1973");
	assert_value(p, "birthPlace", "Herat, Herat Province, Afghanistan");
	assert_value(p, "birthCountry", "af");
	assert_value(p, "address", "1 Main St, Kabul, Afghanistan");
	assert_value(p, "country", "af");
	assert_value(p, "passportNumber", "P123");
	assert_value(p, "idNumber", "N456");
	assert_value(p, "topics", "sanction");
	doc1 = find(&run, "unsc-100-doc-1");
	assert_non_null(doc1);
	assert_string_equal(doc1->schema->name, "Passport");
	assert_value(doc1, "holder", "unsc-100");
	assert_value(doc1, "number", "P123");
	assert_value(doc1, "country", "pk");
	assert_value(doc1, "startDate", "2001-02-03");
	doc2 = find(&run, "unsc-100-doc-2");
	assert_non_null(doc2);
	assert_string_equal(doc2->schema->name, "Identification");
	assert_value(doc2, "country", "vn");
	o = find(&run, "unsc-200");
	assert_non_null(o);
	assert_string_equal(o->schema->name, "Organization");
	assert_value(o, "name", "ACME FRONT");
	assert_value(o, "alias", "Acme");
	assert_value(o, "address", "Sana'a, Yemen");
	assert_value(o, "country", "ye");
	/* the nameless INDIVIDUAL is one bad item, at its start tag */
	assert_int_equal(run.nbad, 1);
	assert_int_equal(run.bad_line[0], second_individual_line());
	assert_non_null(strstr(run.bad_msg[0], "name"));
	run_free(&run);
}

static void
un_xml_truncated_document_is_eformat_with_a_line(void **state)
{
	char cut[sizeof(un_fixture)];
	const char *at = strstr(un_fixture, "<INDIVIDUAL>\n<DATAID>101");
	size_t n = (size_t)(at - un_fixture) + 40;
	struct run run;

	(void)state;
	memcpy(cut, un_fixture, n);
	run_file(put_file("cut.xml", cut, n), ENT_FMT_UN_XML, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_EFORMAT);
	assert_true(run.end_line >= second_individual_line());
	assert_non_null(strstr(run.d.msg, "line "));
	run_free(&run);
	/* a mismatched tag is malformed, not a bad item */
	run_file(put_file("bad.xml",
	             "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>"
	             "<DATAID>1</DATAID><FIRST_NAME>A</SECOND_NAME>"
	             "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n",
	             0),
	    ENT_FMT_UN_XML, &run);
	/* libxml2 reads ahead: a small file may fail at open already */
	assert_true(run.open_rc == ENT_EFORMAT || run.end_rc == ENT_EFORMAT);
	assert_non_null(strstr(run.d.msg, "line 1"));
	assert_int_equal(run.n, 0);
	run_free(&run);
}

static void
un_xml_refuses_doctype_and_other_roots(void **state)
{
	struct run run;

	(void)state;
	run_file(put_file("xxe.xml",
	             "<?xml version=\"1.0\"?>\n"
	             "<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM "
	             "\"file:///etc/passwd\">]>\n"
	             "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>"
	             "<DATAID>1</DATAID><FIRST_NAME>&x;</FIRST_NAME>"
	             "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>\n",
	             0),
	    ENT_FMT_UN_XML, &run);
	assert_int_equal(run.open_rc, ENT_EFORMAT);
	assert_non_null(strstr(run.d.msg, "DOCTYPE"));
	run_file(
	    put_file("other.xml", "<?xml version=\"1.0\"?>\n<export/>\n", 0),
	    ENT_FMT_UN_XML, &run);
	assert_int_equal(run.open_rc, ENT_EFORMAT);
	assert_non_null(strstr(run.d.msg, "CONSOLIDATED_LIST"));
}

/* ---- OFAC CSV ------------------------------------------------------- */

static void
ofac_set_joins_aliases_addresses_and_parses_remarks(void **state)
{
	/* 0xDC is Ü in Windows-1252; 0x9A is š. */
	static const char sdn[] =
	    "10,\"M\xdcLLER, Hans\",\"individual\",\"SDGT] [IRGC\",\"General\","
	    "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 25 Dec 1957; alt. DOB circa "
	    "1960; alt. DOB 1962 to 1964; POB Munich, Germany; nationality "
	    "Germany; citizen Korea, North; Gender Male; Passport K47 (Iran) "
	    "expires 2023; National ID No. 99-1 (Germany); a.k.a. 'HM'.\"\r\n"
	    "11,\"SEA STAR\",\"vessel\",\"CUBA\",-0- ,\"ABC1\",\"Tanker\","
	    "\"1,000\",\"900\",\"Panama\",\"Owner Co\",\"Vessel Registration "
	    "Identification IMO 1234567; MMSI 55\"\r\n"
	    "12,\"BANCO \x9a\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "
	    ","
	    "-0- \r\n"
	    "13,\"TOO FEW\",-0- \r\n"
	    "14,\"JET ONE\",\"aircraft\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- "
	    ","
	    "-0- ,\"Aircraft Model B737; Aircraft Tail Number EP-1; DOB Dec "
	    "1990\"\r\n"
	    "\x1a";
	static const char alt[] = "10,1,\"aka\",\"MUELLER, Hans\",-0- \r\n"
	                          "10,2,\"fka\",\"SCHMIDT, Hans\",-0- \r\n"
	                          "12,3,\"nka\",\"BANK S\",-0- \r\n"
	                          "99,4,\"aka\",\"NOBODY\",-0- \r\n\x1a";
	static const char add[] =
	    "10,1,\"Hauptstr. 1\",\"Berlin\",\"Germany\",-0- \r\n"
	    "12,2,-0- ,\"Havana\",\"Cuba\",-0- \r\n"
	    "12,3,-0- ,-0- ,\"Region: Gaza\",-0- \r\n\x1a";
	static const char comments[] = "11,\"; more remarks\"\r\n";
	const struct ent_record *p, *v, *o, *a;
	struct run run;
	const char *path;

	(void)state;
	put_file("alt.csv", alt, 0);
	put_file("add.csv", add, 0);
	put_file("sdn_comments.csv", comments, 0);
	path = put_file("sdn.csv", sdn, 0);
	run_file(path, ENT_FMT_OFAC_CSV, &run);
	rm_file("alt.csv");
	rm_file("add.csv");
	rm_file("sdn_comments.csv");
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_OK);
	assert_int_equal(run.n, 4);
	assert_int_equal(run.nbad, 1);
	assert_int_equal(run.bad_line[0], 4);
	assert_non_null(strstr(run.bad_msg[0], "3 fields"));

	p = find(&run, "ofac-10");
	assert_non_null(p);
	assert_string_equal(p->schema->name, "Person");
	assert_value(p, "name", "MÜLLER, Hans");
	assert_value(p, "lastName", "MÜLLER");
	assert_value(p, "firstName", "Hans");
	assert_value(p, "alias", "MUELLER, Hans");
	assert_value(p, "previousName", "SCHMIDT, Hans");
	assert_value(p, "weakAlias", "HM");
	assert_value(p, "program", "SDGT");
	assert_value(p, "program", "IRGC");
	assert_value(p, "position", "General");
	assert_value(p, "birthDate", "1957-12-25");
	assert_value(p, "birthDate", "1960");
	assert_value(p, "birthDate", "1962");
	assert_value(p, "birthDate", "1963");
	assert_value(p, "birthDate", "1964");
	assert_value(p, "birthPlace", "Munich, Germany");
	assert_value(p, "birthCountry", "de");
	assert_value(p, "nationality", "de");
	assert_value(p, "citizenship", "kp");
	assert_value(p, "gender", "male");
	assert_value(p, "passportNumber", "K47");
	assert_value(p, "idNumber", "99-1");
	assert_value(p, "address", "Hauptstr. 1, Berlin, Germany");
	assert_value(p, "country", "de");
	assert_value(p, "topics", "sanction");
	assert_int_equal(count(p, "notes"), 1);

	v = find(&run, "ofac-11");
	assert_non_null(v);
	assert_string_equal(v->schema->name, "Vessel");
	assert_value(v, "callSign", "ABC1");
	assert_value(v, "type", "Tanker");
	assert_value(v, "tonnage", "1,000");
	assert_value(v, "grossRegisteredTonnage", "900");
	assert_value(v, "flag", "pa");
	assert_value(v, "imoNumber", "1234567");
	assert_value(v, "mmsi", "55");
	assert_value(v, "notes", "Owner: Owner Co");
	/* sdn_comments.csv continues the remarks */
	assert_value(v, "notes",
	    "Vessel Registration Identification IMO "
	    "1234567; MMSI 55; more remarks");

	o = find(&run, "ofac-12");
	assert_non_null(o);
	assert_string_equal(o->schema->name, "Organization");
	assert_value(o, "name", "BANCO š");
	assert_value(o, "alias", "BANK S");
	assert_value(o, "address", "Havana, Cuba");
	assert_value(o, "address", "Region: Gaza");
	assert_value(o, "country", "cu");
	assert_value(o, "country", "ps");

	a = find(&run, "ofac-14");
	assert_non_null(a);
	assert_string_equal(a->schema->name, "Airplane");
	assert_value(a, "model", "B737");
	assert_value(a, "registrationNumber", "EP-1");
	assert_int_equal(count(a, "birthDate"), 0);
	run_free(&run);
}

static void
ofac_sdn_alone_reads_and_bad_side_file_rejects(void **state)
{
	static const char sdn[] = "1,\"ONE\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,"
	                          "-0- ,-0- ,-0- ,-0- \r\n";
	struct run run;
	const char *path;

	(void)state;
	path = put_file("sdn.csv", sdn, 0);
	run_file(path, ENT_FMT_OFAC_CSV, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.n, 1);
	run_free(&run);
	/* an alias file we cannot read whole would lose aliases: refuse */
	put_file("alt.csv", "1,1,\"aka\",\"UNO\",-0- \r\n1,2,\"aka\"\r\n", 0);
	run_file(path, ENT_FMT_OFAC_CSV, &run);
	rm_file("alt.csv");
	assert_int_equal(run.open_rc, ENT_EFORMAT);
	assert_non_null(strstr(run.d.msg, "alt.csv"));
	assert_non_null(strstr(run.d.msg, "line 2"));
	rm_file("sdn.csv");
}

/* ---- real data ------------------------------------------------------ */

static const char *
data_path(const char *rel, char *buf, size_t len)
{
	const char *d = getenv("ENTENTE_SHARED_DATA");

	if (d == NULL || *d == '\0') {
		print_message("skip: ENTENTE_SHARED_DATA is not set\n");
		return NULL;
	}
	snprintf(buf, len, "%s/%s", d, rel);
	if (access(buf, R_OK) != 0) {
		print_message("skip: %s is absent\n", buf);
		return NULL;
	}
	return buf;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static size_t
count_substr(const char *hay, const char *needle)
{
	size_t n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay++;
	}
	return n;
}

static void
un_real_list_yields_every_individual_and_entity(void **state)
{
	char path[4096], *raw, *p, *q, *name, id[64];
	const struct ent_record *r;
	size_t len, i, persons = 0, orgs = 0, scripts = 0;
	struct run run;

	(void)state;
	if (data_path("sanctions/un_consolidated/"
	              "UN_consolidated_2026-02-27.xml",
	        path, sizeof(path)) == NULL)
		skip();
	raw = slurp(path, &len);
	run_file(path, ENT_FMT_UN_XML, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_OK);
	for (i = 0; i < run.nbad && i < MAX_BAD; i++)
		print_message(
		    "rejected line %ld: %s\n", run.bad_line[i], run.bad_msg[i]);
	assert_int_equal(run.nbad, 0);
	for (i = 0; i < run.n; i++) {
		if (strcmp(run.recs[i]->schema->name, "Person") == 0)
			persons++;
		else if (strcmp(run.recs[i]->schema->name, "Organization") == 0)
			orgs++;
	}
	assert_int_equal(persons, count_substr(raw, "<INDIVIDUAL>"));
	assert_int_equal(orgs, count_substr(raw, "<ENTITY>"));
	assert_true(persons > 500);
	/* Every NAME_ORIGINAL_SCRIPT, found by hand in the raw bytes and
	 * paired with the DATAID before it, is a name of that record. */
	for (p = raw; (p = strstr(p, "<NAME_ORIGINAL_SCRIPT>")) != NULL;) {
		p += strlen("<NAME_ORIGINAL_SCRIPT>");
		q = strstr(p, "</NAME_ORIGINAL_SCRIPT>");
		assert_non_null(q);
		name = strndup(p, (size_t)(q - p));
		assert_non_null(name);
		/* the model trims values, as it does every value */
		while (*name == ' ' || *name == '\n')
			memmove(name, name + 1, strlen(name));
		while (*name != '\0' && (name[strlen(name) - 1] == ' ' ||
		                            name[strlen(name) - 1] == '\n'))
			name[strlen(name) - 1] = '\0';
		if (*name != '\0') {
			char *dataid = p;

			while (
			    dataid > raw && strncmp(dataid, "<DATAID>", 8) != 0)
				dataid--;
			snprintf(id, sizeof(id), "unsc-%.*s",
			    (int)strcspn(dataid + 8, "<"), dataid + 8);
			r = find(&run, id);
			if (r == NULL)
				fail_msg("no record %s", id);
			if (!has_value(r, "name", name))
				fail_msg("%s lacks its original-script name "
				         "'%s'",
				    id, name);
			scripts++;
		}
		free(name);
		p = q + 1;
	}
	assert_true(scripts > 300);
	print_message("UN: %zu persons, %zu organisations, %zu records, "
	              "%zu original-script names\n",
	    persons, orgs, run.n, scripts);
	free(raw);
	run_free(&run);
}

/* Split one line of an OFAC file (quoted fields, no newlines inside)
 * into f[], in place; returns the number of fields. */
static size_t
split_line(char *s, char **f, size_t max)
{
	size_t n = 0;
	char *w;

	while (n < max) {
		if (*s == '"') {
			f[n++] = w = ++s;
			while (*s != '\0' && !(*s == '"' && s[1] != '"')) {
				if (*s == '"')
					s++;
				*w++ = *s++;
			}
			if (*s == '"')
				s++;
			s += strcspn(s, ",");
			*w = '\0';
		} else {
			f[n++] = s;
			s += strcspn(s, ",");
		}
		if (*s != ',')
			break;
		*s++ = '\0';
	}
	return n;
}

static void
ofac_real_2021_set_keeps_every_row_and_every_alias(void **state)
{
	char path[4096], altp[4096], *raw, *line, *save = NULL, *f[8];
	struct ent_record **by_num;
	const struct ent_record *r;
	size_t len, i, rows = 0, alts = 0, nf;
	long num, maxnum = 0;
	struct run run;

	(void)state;
	if (data_path("sanctions/ofac_sdn_2021/sdn.csv", path, sizeof(path)) ==
	        NULL ||
	    data_path("sanctions/ofac_sdn_2021/alt.csv", altp, sizeof(altp)) ==
	        NULL)
		skip();
	/* sdn.csv rows: lines that start with an ent_num. */
	raw = slurp(path, &len);
	for (line = strtok_r(raw, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save))
		if (*line >= '0' && *line <= '9')
			rows++;
	free(raw);
	run_file(path, ENT_FMT_OFAC_CSV, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_OK);
	assert_int_equal(run.nbad, 0);
	assert_int_equal(run.n, rows);
	assert_true(rows > 8000);
	for (i = 0; i < run.n; i++) {
		num = strtol(run.recs[i]->id + 5, NULL, 10);
		if (num > maxnum)
			maxnum = num;
	}
	by_num = calloc((size_t)maxnum + 1, sizeof(*by_num));
	assert_non_null(by_num);
	for (i = 0; i < run.n; i++)
		by_num[strtol(run.recs[i]->id + 5, NULL, 10)] = run.recs[i];
	raw = slurp(altp, &len);
	save = NULL;
	for (line = strtok_r(raw, "\r\n", &save); line != NULL;
	     line = strtok_r(NULL, "\r\n", &save)) {
		if (*line < '0' || *line > '9')
			continue;
		nf = split_line(line, f, 8);
		assert_int_equal(nf, 5);
		num = strtol(f[0], NULL, 10);
		r = num <= maxnum ? by_num[num] : NULL;
		if (r == NULL)
			fail_msg(
			    "alt.csv names ent_num %ld, not in sdn.csv", num);
		while (f[3][0] != '\0' && f[3][strlen(f[3]) - 1] == ' ')
			f[3][strlen(f[3]) - 1] = '\0';
		if (!has_value(r, "alias", f[3]) &&
		    !has_value(r, "previousName", f[3]))
			fail_msg("%s lost alias '%s'", r->id, f[3]);
		alts++;
	}
	assert_true(alts > 11000);
	print_message(
	    "OFAC 2021: %zu rows, %zu aliases all present\n", rows, alts);
	free(raw);
	free(by_num);
	run_free(&run);
}

static void
ofac_real_2024_sdn_alone_reads_every_row(void **state)
{
	char path[4096], *raw, *line, *save = NULL;
	size_t len, rows = 0;
	struct run run;

	(void)state;
	if (data_path("sanctions/ofac_sdn_2024-05-03/sdn.csv", path,
	        sizeof(path)) == NULL)
		skip();
	raw = slurp(path, &len);
	for (line = strtok_r(raw, "\n", &save); line != NULL;
	     line = strtok_r(NULL, "\n", &save))
		if (*line >= '0' && *line <= '9')
			rows++;
	free(raw);
	run_file(path, ENT_FMT_OFAC_CSV, &run);
	assert_int_equal(run.open_rc, ENT_OK);
	assert_int_equal(run.end_rc, ENT_OK);
	assert_int_equal(run.nbad, 0);
	assert_int_equal(run.n, rows);
	run_free(&run);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(csv_reads_quotes_bom_crlf_and_multiple_values),
	    cmocka_unit_test(
	        csv_unknown_column_rejects_the_file_at_line_1_naming_it),
	    cmocka_unit_test(
	        csv_bad_row_is_reported_with_its_line_and_the_rest_is_read),
	    cmocka_unit_test(
	        csv_property_of_another_schema_and_text_after_quote_are_bad_rows),
	    cmocka_unit_test(csv_unterminated_quote_at_end_of_file_is_eformat),
	    cmocka_unit_test(empty_files_are_rejected_by_every_reader),
	    cmocka_unit_test(un_xml_maps_individuals_documents_and_entities),
	    cmocka_unit_test(un_xml_truncated_document_is_eformat_with_a_line),
	    cmocka_unit_test(un_xml_refuses_doctype_and_other_roots),
	    cmocka_unit_test(
	        ofac_set_joins_aliases_addresses_and_parses_remarks),
	    cmocka_unit_test(ofac_sdn_alone_reads_and_bad_side_file_rejects),
	    cmocka_unit_test(un_real_list_yields_every_individual_and_entity),
	    cmocka_unit_test(
	        ofac_real_2021_set_keeps_every_row_and_every_alias),
	    cmocka_unit_test(ofac_real_2024_sdn_alone_reads_every_row),
	};

	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
