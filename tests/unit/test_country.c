/* test_country.c - the country table: codes, names, the variants the UN,
 * OFAC and EU lists write, and (when the shared data is there) every ISO
 * code and every country the UN list names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent_country.h"

/* Defined in ent_country.c for this test only. */
int ent__country_check_tables(void);

static void
tables_are_sorted_and_normalised(void **state)
{
	(void)state;
	assert_int_equal(ent__country_check_tables(), 0);
}

static void
valid_accepts_iso_and_ftm_codes_in_any_case(void **state)
{
	static const char *const good[] = {
	    "ru", "RU", "Pk", "de", "us", "xk", "eu", "zz", "ps", "kp", "su"};
	static const char *const bad[] = {
	    "", "r", "rus", "xx", "qq", "uk", "r1", "--", "aa"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(ent_country_valid(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(ent_country_valid(bad[i]));
	assert_false(ent_country_valid(NULL));
}

static void
name_gives_the_short_english_name(void **state)
{
	(void)state;
	assert_string_equal(ent_country_name("ru"), "Russia");
	assert_string_equal(ent_country_name("DE"), "Germany");
	assert_string_equal(ent_country_name("xk"), "Kosovo");
	assert_string_equal(ent_country_name("gb"), "United Kingdom");
	assert_null(ent_country_name("xx"));
	assert_null(ent_country_name(NULL));
}

static void
list_spellings_map_to_codes(void **state)
{
	static const struct {
		const char *in, *code;
	} cases[] = {
	    {"Iran (Islamic Republic of)", "ir"},
	    {"Syrian Arab Republic", "sy"},
	    {"Syria", "sy"},
	    {"Russian Federation", "ru"},
	    {"Democratic People's Republic of Korea", "kp"},
	    {"Democratic People’s Republic of Korea", "kp"},
	    {"Korea, North", "kp"},
	    {"Korea, South", "kr"},
	    {"Viet Nam", "vn"},
	    {"Vietnam", "vn"},
	    {"Türkiye", "tr"},
	    {"TURKIYE", "tr"},
	    {"Turkey", "tr"},
	    {"United Kingdom of Great Britain and Northern Ireland", "gb"},
	    {"Democratic Republic of the Congo", "cd"},
	    {"Congo, Democratic Republic of the", "cd"},
	    {"Congo, Republic of the", "cg"},
	    {"Congo", "cg"},
	    {"Côte d'Ivoire", "ci"},
	    {"Cote d'Ivoire", "ci"},
	    {"Cote d Ivoire", "ci"},
	    {"State of Palestine", "ps"},
	    {"Bolivia (Plurinational State of)", "bo"},
	    {"Venezuela (Bolivarian Republic of)", "ve"},
	    {"Lao People's Democratic Republic", "la"},
	    {"Burma", "mm"},
	    {"Myanmar", "mm"},
	    {"Netherlands (Kingdom of the)", "nl"},
	    {"Bahamas, The", "bs"},
	    {"The Gambia", "gm"},
	    {"Man, Isle of", "im"},
	    {"St. Kitts & Nevis", "kn"},
	    {"Saint Kitts and Nevis", "kn"},
	    {"China, Hong Kong Special Administrative Region", "hk"},
	    {"United States of America", "us"},
	    {"former Soviet Union", "su"},
	    {"Åland Islands", "ax"},
	    {"São Tomé and Príncipe", "st"},
	    {"Curaçao", "cw"},
	    {"North Macedonia, The Republic of", "mk"},
	    {"Guinea-Bissau", "gw"},
	    {"  pakistan ", "pk"},
	    {"Pakistani", "pk"},
	    {"Kosovo", "xk"},
	    {"RU", "ru"},
	    {"deu", "de"},
	    {"GBR", "gb"},
	};
	size_t i;
	const char *got;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = ent_country_from_name(cases[i].in);
		if (got == NULL || strcmp(got, cases[i].code) != 0)
			fail_msg("'%s' gave %s, want %s", cases[i].in,
			    got != NULL ? got : "NULL", cases[i].code);
	}
}

static void
unknown_or_foreign_names_give_null(void **state)
{
	static const char *const bad[] = {"", "   ", "the", "Atlantis",
	    "Россия", "Korea", "Iran Iraq", "Region: Crimea", "\xc3\x28", "xx",
	    "abc"};
	size_t i;
	char longname[600];

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (ent_country_from_name(bad[i]) != NULL)
			fail_msg("'%s' should be unknown", bad[i]);
	assert_null(ent_country_from_name(NULL));
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_null(ent_country_from_name(longname));
	/* Many "St" words grow the key: bounded, not an overflow. */
	memset(longname, 0, sizeof(longname));
	for (i = 0; i + 3 < sizeof(longname) - 1; i += 3)
		memcpy(longname + i, "st ", 3);
	assert_null(ent_country_from_name(longname));
}

/* ---- real data ----------------------------------------------------- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		if (fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else {
			buf[n] = '\0';
			*len = (size_t)n;
		}
	}
	fclose(fp);
	return buf;
}

static const char *
data_dir(void)
{
	const char *d = getenv("ENTENTE_SHARED_DATA");

	return d != NULL && *d != '\0' ? d : NULL;
}

/* Split one CSV line (no newlines inside quotes in this file) into at most
 * max fields, in place. */
static size_t
csv_fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *w = line, *p = line;

	while (n < max) {
		f[n++] = w;
		if (*p == '"') {
			for (p++; *p != '\0'; p++) {
				if (*p == '"' && p[1] == '"')
					*w++ = *p++;
				else if (*p == '"') {
					p++;
					break;
				} else
					*w++ = *p;
			}
		}
		while (*p != '\0' && *p != ',')
			*w++ = *p++;
		if (*p == '\0') {
			*w = '\0';
			break;
		}
		*w++ = '\0';
		p++;
		w = p;
	}
	return n;
}

static void
every_iso_code_in_country_codes_csv_is_valid(void **state)
{
	char path[4096], *buf, *line, *save = NULL, *f[80];
	size_t len, nf, i, col = (size_t)-1, rows = 0;

	(void)state;
	if (data_dir() == NULL) {
		print_message("skip: ENTENTE_SHARED_DATA is not set\n");
		skip();
	}
	snprintf(
	    path, sizeof(path), "%s/iso3166/country-codes.csv", data_dir());
	if ((buf = slurp(path, &len)) == NULL) {
		print_message("skip: %s is absent\n", path);
		skip();
	}
	line = strtok_r(buf, "\r\n", &save);
	assert_non_null(line);
	nf = csv_fields(line, f, 80);
	for (i = 0; i < nf; i++)
		if (strcmp(f[i], "ISO3166-1-Alpha-2") == 0)
			col = i;
	assert_true(col != (size_t)-1);
	while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
		nf = csv_fields(line, f, 80);
		if (nf <= col || f[col][0] == '\0')
			continue;
		rows++;
		if (!ent_country_valid(f[col]))
			fail_msg("ISO code %s is not accepted", f[col]);
		if (ent_country_name(f[col]) == NULL)
			fail_msg("ISO code %s has no name", f[col]);
	}
	assert_true(rows >= 249);
	free(buf);
}

/* Every <VALUE> under <NATIONALITY> and every element whose name contains
 * COUNTRY (COUNTRY, COUNTRY_OF_BIRTH, COUNTRY_OF_ISSUE, ISSUING_COUNTRY)
 * in the UN list.  A plain text scan: the file is regular. */
static void
every_un_nationality_and_country_maps_to_a_code(void **state)
{
	char path[4096], *buf, *p, *end, *q, val[512], tag[64];
	size_t len, n, checked = 0, missing = 0;
	bool in_nat = false;

	(void)state;
	if (data_dir() == NULL) {
		print_message("skip: ENTENTE_SHARED_DATA is not set\n");
		skip();
	}
	snprintf(path, sizeof(path),
	    "%s/sanctions/un_consolidated/UN_consolidated_2026-02-27.xml",
	    data_dir());
	if ((buf = slurp(path, &len)) == NULL) {
		print_message("skip: %s is absent\n", path);
		skip();
	}
	for (p = buf; (p = strchr(p, '<')) != NULL; p++) {
		if (strncmp(p, "<NATIONALITY>", 13) == 0)
			in_nat = true;
		else if (strncmp(p, "</NATIONALITY>", 14) == 0)
			in_nat = false;
		if (p[1] == '/' || (end = strchr(p, '>')) == NULL ||
		    end[-1] == '/')
			continue;
		n = (size_t)(end - p - 1);
		if (n >= sizeof(tag))
			continue;
		memcpy(tag, p + 1, n);
		tag[n] = '\0';
		if (!(in_nat && strcmp(tag, "VALUE") == 0) &&
		    strstr(tag, "COUNTRY") == NULL)
			continue;
		if ((q = strchr(end, '<')) == NULL ||
		    (n = (size_t)(q - end - 1)) >= sizeof(val))
			continue;
		memcpy(val, end + 1, n);
		val[n] = '\0';
		/* Empty and the UN's "na" (not available) carry no country. */
		if (n == 0 || strcmp(val, "na") == 0)
			continue;
		checked++;
		if (ent_country_from_name(val) == NULL) {
			print_message("unmapped <%s>: '%s'\n", tag, val);
			missing++;
		}
	}
	free(buf);
	assert_true(checked > 1500);
	assert_int_equal(missing, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tables_are_sorted_and_normalised),
	    cmocka_unit_test(valid_accepts_iso_and_ftm_codes_in_any_case),
	    cmocka_unit_test(name_gives_the_short_english_name),
	    cmocka_unit_test(list_spellings_map_to_codes),
	    cmocka_unit_test(unknown_or_foreign_names_give_null),
	    cmocka_unit_test(every_iso_code_in_country_codes_csv_is_valid),
	    cmocka_unit_test(every_un_nationality_and_country_maps_to_a_code),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
