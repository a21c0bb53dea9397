/* ent_mrz.c - parse and check ICAO 9303 machine-readable zones.
 *
 * This module turns two or three OCR lines into fields and check results.
 * It does not decide what a failed check means (forgery or misread: the
 * screening engine and the officer decide), it does not correct OCR errors
 * inside the zone (a corrected zone would hide the failure), and it does
 * not search anything: ent_docnum and ent_docidx key and find numbers.
 *
 * The five layouts differ only in where each field sits, so they are rows of
 * one table (layouts[]) and one routine reads any of them.  Positions below
 * are 0-based, unlike Doc 9303's 1-based tables. */
#include "ent_mrz.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ent_country.h"
#include "ent_err.h"

/* A field: line, offset, length; len == 0 means the layout has none. */
struct span {
	uint8_t line, off, len;
};

struct layout {
	enum ent_mrz_format format;
	const char *name;
	size_t nlines, width;
	char first; /* required first letter, or 0 for "not V" */
	struct span issuer, name_field, number, number_cd, nationality, birth,
	    birth_cd, sex, expiry, expiry_cd, opt, opt_cd, opt2, composite_cd;
	struct span composite[4]; /* spans the composite digit covers */
	bool long_number;         /* Doc 9303 overflow rule into opt */
};

/* Doc 9303 parts 4-7.  The composite digit covers the number, birth and
 * expiry with their digits and the optional data, but not nationality or
 * sex; on TD1 it covers all of line 1 after the issuer.  Lines 2 of TD2,
 * TD3 and the visas share their first 28 positions. */
#define LINE2_COMMON                                                           \
	.number = {1, 0, 9}, .number_cd = {1, 9, 1},                           \
	.nationality = {1, 10, 3}, .birth = {1, 13, 6},                        \
	.birth_cd = {1, 19, 1}, .sex = {1, 20, 1}, .expiry = {1, 21, 6},       \
	.expiry_cd = {1, 27, 1}

static const struct layout layouts[] = {
    {
        .format = ENT_MRZ_TD1,
        .name = "TD1",
        .nlines = 3,
        .width = 30,
        .issuer = {0, 2, 3},
        .number = {0, 5, 9},
        .number_cd = {0, 14, 1},
        .opt = {0, 15, 15},
        .birth = {1, 0, 6},
        .birth_cd = {1, 6, 1},
        .sex = {1, 7, 1},
        .expiry = {1, 8, 6},
        .expiry_cd = {1, 14, 1},
        .nationality = {1, 15, 3},
        .opt2 = {1, 18, 11},
        .composite_cd = {1, 29, 1},
        .composite = {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}},
        .name_field = {2, 0, 30},
        .long_number = true,
    },
    {
        .format = ENT_MRZ_TD2,
        .name = "TD2",
        .nlines = 2,
        .width = 36,
        .issuer = {0, 2, 3},
        .name_field = {0, 5, 31},
        LINE2_COMMON,
        .opt = {1, 28, 7},
        .composite_cd = {1, 35, 1},
        .composite = {{1, 0, 10}, {1, 13, 7}, {1, 21, 14}},
        .long_number = true,
    },
    {
        .format = ENT_MRZ_TD3,
        .name = "TD3",
        .nlines = 2,
        .width = 44,
        .issuer = {0, 2, 3},
        .name_field = {0, 5, 39},
        LINE2_COMMON,
        .opt = {1, 28, 14},
        .opt_cd = {1, 42, 1},
        .composite_cd = {1, 43, 1},
        .composite = {{1, 0, 10}, {1, 13, 7}, {1, 21, 22}},
    },
    {
        .format = ENT_MRZ_MRVA,
        .name = "MRV-A",
        .nlines = 2,
        .width = 44,
        .first = 'V',
        .issuer = {0, 2, 3},
        .name_field = {0, 5, 39},
        LINE2_COMMON,
        .opt = {1, 28, 16},
    },
    {
        .format = ENT_MRZ_MRVB,
        .name = "MRV-B",
        .nlines = 2,
        .width = 36,
        .first = 'V',
        .issuer = {0, 2, 3},
        .name_field = {0, 5, 31},
        LINE2_COMMON,
        .opt = {1, 28, 8},
    },
};

/* Document kinds by the first letter of the code (Doc 9303 parts 4-7: P
 * passports, V visas, I/A/C the letters states use for ID cards). */
static const struct {
	char letter;
	const char *kind;
} doc_kinds[] = {
    {'P', "passport"},
    {'V', "visa"},
    {'I', "identity card"},
    {'A', "identity card"},
    {'C', "identity card"},
};

/* ICAO codes that are not ISO alpha-3 (Doc 9303 part 3).  Listed here
 * rather than in ent_country because they only ever occur in an MRZ. */
struct state_code {
	const char *code, *a2, *note;
};

static const struct state_code state_codes[] = {
    {"D", "de", NULL},
    {"EUE", "eu", "European Union"},
    {"GBD", "gb", "British overseas territories citizen"},
    {"GBN", "gb", "British national (overseas)"},
    {"GBO", "gb", "British overseas citizen"},
    {"GBP", "gb", "British protected person"},
    {"GBS", "gb", "British subject"},
    {"RKS", "xk", NULL},
    {"UNA", NULL, "United Nations specialised agency"},
    {"UNK", "xk", "resident of Kosovo, document issued by UNMIK"},
    {"UNO", NULL, "United Nations organisation"},
    {"XBA", NULL, "African Development Bank"},
    {"XCC", NULL, "Caribbean Community"},
    {"XCE", NULL, "Council of Europe"},
    {"XCO", NULL, "Common Market for Eastern and Southern Africa"},
    {"XDC", NULL, "Southern African Development Community"},
    {"XEC", NULL, "Economic Community of West African States"},
    {"XES", NULL, "Organisation of Eastern Caribbean States"},
    {"XIM", NULL, "African Export-Import Bank"},
    {"XMP", NULL, "Parliamentary Assembly of the Mediterranean"},
    {"XOM", NULL, "Sovereign Military Order of Malta"},
    {"XPO", NULL, "INTERPOL"},
    {"XXA", NULL, "stateless person"},
    {"XXB", NULL, "refugee (1951 Convention)"},
    {"XXC", NULL, "refugee (other)"},
    {"XXX", NULL, "unspecified nationality"},
};

struct seg {
	const char *p;
	size_t n;
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' ||
	       c == '\f';
}

static char
upper(char c)
{
	return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

static bool
is_mrz_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}

static int
char_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	if (c == '<')
		return 0;
	return -1;
}

char
ent_mrz_check_digit(const char *s, size_t n)
{
	static const int weight[3] = {7, 3, 1};
	unsigned sum = 0;
	size_t i;
	int v;

	for (i = 0; i < n; i++) {
		if ((v = char_value(s[i])) < 0)
			return 0;
		sum += (unsigned)(v * weight[i % 3]);
	}
	return (char)('0' + sum % 10);
}

/* Copy a field without its trailing fillers (and, for codes, inner ones). */
static void
copy_trim(char *dst, size_t cap, const char *src, size_t n)
{
	while (n > 0 && src[n - 1] == '<')
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static const char *
at(const struct ent_mrz *m, struct span s)
{
	return m->lines[s.line] + s.off;
}

const char *
ent_mrz_state_a2(const char *code, const char **note)
{
	char c[4];
	size_t i, n;

	if (note != NULL)
		*note = NULL;
	if (code == NULL)
		return NULL;
	n = strlen(code);
	while (n > 0 && code[n - 1] == '<')
		n--;
	if (n == 0 || n > 3)
		return NULL;
	memcpy(c, code, n);
	c[n] = '\0';
	for (i = 0; i < sizeof(state_codes) / sizeof(state_codes[0]); i++) {
		if (strcmp(state_codes[i].code, c) == 0) {
			if (note != NULL)
				*note = state_codes[i].note;
			return state_codes[i].a2;
		}
	}
	if (n != 3)
		return NULL;
	for (i = 0; i < n; i++)
		if (c[i] < 'A' || c[i] > 'Z')
			return NULL;
	return ent_country_from_name(c);
}

/* Fill an issuer or nationality triple; returns true if it is known. */
static bool
resolve_state(const char *code, char a2[3], const char **note)
{
	const char *r = ent_mrz_state_a2(code, note);

	a2[0] = '\0';
	if (r != NULL && strlen(r) == 2) {
		a2[0] = r[0];
		a2[1] = r[1];
		a2[2] = '\0';
	}
	return a2[0] != '\0' || *note != NULL;
}

static int
two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int mo)
{
	static const int days[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return mo == 2 && leap(y) ? 29 : days[mo - 1];
}

static int32_t
today_utc(void)
{
	struct tm tm;
	time_t t = time(NULL);

	if (gmtime_r(&t, &tm) == NULL)
		return 20000101;
	return (int32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	                 tm.tm_mday);
}

/* Two digits, or -2 for "<<" (unknown, Doc 9303 part 3), or -1. */
static int
two_digits_or_unknown(const char *s)
{
	return memcmp(s, "<<", 2) == 0 ? -2 : two_digits(s);
}

/* YYMMDD -> ISO.  Unknown month or day may be "<<" and give "YYYY" or
 * "YYYY-MM"; an all-filler date gives "".  birth selects the century rule.
 * Returns false if the field is not a date. */
static bool
parse_date(const char *s, bool birth, int32_t today, char out[11])
{
	int yy, mo, dd, y, ty = today / 10000;

	out[0] = '\0';
	if (memcmp(s, "<<<<<<", 6) == 0)
		return true; /* wholly unknown: allowed, nothing to say */
	yy = two_digits(s);
	mo = two_digits_or_unknown(s + 2);
	dd = two_digits_or_unknown(s + 4);
	if (yy < 0 || mo == -1 || dd == -1 || mo == 0 || mo > 12 || dd == 0 ||
	    (mo == -2 && dd != -2))
		return false;
	if (birth) {
		/* The latest century that does not put the birth in the
		 * future; an unknown month or day compares as the earliest. */
		y = 2000 + yy;
		if ((int32_t)(y * 10000 + (mo > 0 ? mo : 0) * 100 +
		              (dd > 0 ? dd : 0)) > today)
			y -= 100;
	} else {
		y = 2000 + yy > ty + 50 ? 1900 + yy : 2000 + yy;
	}
	if (mo > 0 && dd > month_days(y, mo))
		return false;
	/* Written by hand: every part is known to be in range. */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '\0';
	if (mo > 0) {
		out[4] = '-';
		out[5] = s[2];
		out[6] = s[3];
		out[7] = '\0';
	}
	if (dd > 0) {
		out[7] = '-';
		out[8] = s[4];
		out[9] = s[5];
		out[10] = '\0';
	}
	return true;
}

/* Append one part of a name, fillers turned into single spaces. */
static void
put_part(const char *f, size_t n, char *dst, size_t cap)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (f[i] == '<') {
			if (k > 0 && dst[k - 1] != ' ' && k + 1 < cap)
				dst[k++] = ' ';
		} else if (k + 1 < cap) {
			dst[k++] = f[i];
		}
	}
	while (k > 0 && dst[k - 1] == ' ')
		k--;
	dst[k] = '\0';
}

/* Split a name field at the first "<<" into primary and secondary
 * identifiers (Doc 9303 part 3: surname first).  Without "<<" the whole
 * name is the primary identifier, as for single names. */
static void
split_name(const char *f, size_t n, char *primary, char *secondary, size_t cap)
{
	size_t i;

	while (n > 0 && f[n - 1] == '<')
		n--;
	for (i = 0; i + 1 < n; i++)
		if (f[i] == '<' && f[i + 1] == '<')
			break;
	if (i + 1 >= n) {
		put_part(f, n, primary, cap);
		secondary[0] = '\0';
		return;
	}
	put_part(f, i, primary, cap);
	put_part(f + i, n - i, secondary, cap);
}

static void
add_check(struct ent_mrz *m, const char *field, char expected, char found,
    bool filler_ok)
{
	struct ent_mrz_check *c = &m->checks[m->nchecks++];

	c->field = field;
	c->expected = expected;
	c->found = found;
	c->ok = expected == found || (filler_ok && found == '<');
}

static bool
all_fillers(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != '<')
			return false;
	return true;
}

/* The document number, with the TD1/TD2 overflow rule: a number longer
 * than 9 characters keeps its first 9 in the number field, puts '<' in the
 * check position, and continues at the start of the optional data, followed
 * by the check digit of the whole number and a filler. */
static void
read_number(struct ent_mrz *m, const struct layout *l)
{
	const char *num = at(m, l->number), *opt = at(m, l->opt);
	char cd = *at(m, l->number_cd), full[24];
	size_t i, nopt = l->opt.len, ext = 0;

	if (l->long_number && cd == '<' && opt[0] != '<') {
		while (ext < nopt && opt[ext] != '<')
			ext++;
		/* opt[0..ext) is the rest of the number plus its check digit.
		 */
		memcpy(full, num, 9);
		memcpy(full + 9, opt, ext - 1);
		full[9 + ext - 1] = '\0';
		memcpy(m->number, full, 9 + ext);
		add_check(m, "document number",
		    ent_mrz_check_digit(full, 9 + ext - 1), opt[ext - 1],
		    false);
		m->flags |= ENT_MRZ_LONG_NUMBER;
		/* What follows the filler is the real optional data. */
		i = ext < nopt ? ext + 1 : nopt;
		copy_trim(m->optional, sizeof(m->optional), opt + i, nopt - i);
		return;
	}
	copy_trim(m->number, sizeof(m->number), num, l->number.len);
	add_check(m, "document number", ent_mrz_check_digit(num, l->number.len),
	    cd, false);
	copy_trim(m->optional, sizeof(m->optional), opt, nopt);
}

static void
read_fields(struct ent_mrz *m, const struct layout *l, int32_t today)
{
	const char *s, *note;
	char sex, comp[64];
	size_t i, n;

	m->format = l->format;
	m->format_name = l->name;
	copy_trim(m->doc_code, sizeof(m->doc_code), m->lines[0], 2);
	m->doc_kind = "travel document";
	for (i = 0; i < sizeof(doc_kinds) / sizeof(doc_kinds[0]); i++)
		if (doc_kinds[i].letter == m->doc_code[0])
			m->doc_kind = doc_kinds[i].kind;
	copy_trim(m->issuer, sizeof(m->issuer), at(m, l->issuer), 3);
	if (!resolve_state(m->issuer, m->issuer_a2, &note))
		m->flags |= ENT_MRZ_UNKNOWN_ISSUER;
	m->issuer_note = note;
	copy_trim(
	    m->nationality, sizeof(m->nationality), at(m, l->nationality), 3);
	if (!resolve_state(m->nationality, m->nationality_a2, &note))
		m->flags |= ENT_MRZ_UNKNOWN_NATIONALITY;
	m->nationality_note = note;

	s = at(m, l->name_field);
	split_name(
	    s, l->name_field.len, m->primary, m->secondary, sizeof(m->primary));
	if (s[l->name_field.len - 1] != '<')
		m->flags |= ENT_MRZ_NAME_TRUNCATED;

	read_number(m, l);
	if (l->opt2.len > 0)
		copy_trim(m->optional2, sizeof(m->optional2), at(m, l->opt2),
		    l->opt2.len);

	s = at(m, l->birth);
	if (!parse_date(s, true, today, m->birth_date))
		m->flags |= ENT_MRZ_BAD_BIRTH_DATE;
	add_check(m, "birth date", ent_mrz_check_digit(s, 6),
	    *at(m, l->birth_cd), false);
	s = at(m, l->expiry);
	if (!parse_date(s, false, today, m->expiry_date))
		m->flags |= ENT_MRZ_BAD_EXPIRY_DATE;
	add_check(m, "expiry date", ent_mrz_check_digit(s, 6),
	    *at(m, l->expiry_cd), false);

	sex = *at(m, l->sex);
	if (sex == 'F' || sex == 'M' || sex == 'X')
		m->sex = sex;
	else if (sex == '<')
		m->sex = 'X';
	else
		m->flags |= ENT_MRZ_BAD_SEX;

	if (l->opt_cd.len > 0) {
		s = at(m, l->opt);
		/* An unused personal number may carry '<' or '0' (part 4). */
		add_check(m, "optional data",
		    ent_mrz_check_digit(s, l->opt.len), *at(m, l->opt_cd),
		    all_fillers(s, l->opt.len));
	}
	if (l->composite_cd.len > 0) {
		n = 0;
		for (i = 0; i < 4 && l->composite[i].len > 0; i++) {
			memcpy(comp + n, at(m, l->composite[i]),
			    l->composite[i].len);
			n += l->composite[i].len;
		}
		add_check(m, "composite", ent_mrz_check_digit(comp, n),
		    *at(m, l->composite_cd), false);
	}
}

static void
describe_char(char *buf, size_t len, char c)
{
	if (c == ' ')
		snprintf(buf, len, "a space");
	else if (c > ' ' && c < 0x7f)
		snprintf(buf, len, "'%c'", c);
	else
		snprintf(buf, len, "byte 0x%02x", (unsigned)(unsigned char)c);
}

/* Validate the shape, copy the lines and pick the layout. */
static int
parse_segs(const struct seg *seg, size_t n, const struct ent_mrz_opts *o,
    struct ent_mrz *out, struct ent_diag *d)
{
	const struct layout *l = NULL;
	struct ent_mrz m;
	char what[16];
	size_t i, j, width;
	int32_t today;

	if (n != 2 && n != 3) {
		ent_diag_set(d, "an MRZ has 2 or 3 lines, found %zu", n);
		return ENT_EINVAL;
	}
	if (n == 3) {
		width = 30;
		for (i = 0; i < 3; i++) {
			if (seg[i].n != width) {
				ent_diag_set(d,
				    "line %zu has %zu characters; a 3-line MRZ "
				    "(TD1) has 30 on each line",
				    i + 1, seg[i].n);
				return ENT_EINVAL;
			}
		}
	} else {
		width = seg[0].n;
		if (width != 36 && width != 44) {
			ent_diag_set(d,
			    "line 1 has %zu characters; a 2-line MRZ has 36 "
			    "(TD2, MRV-B) or 44 (TD3, MRV-A) on each line",
			    width);
			return ENT_EINVAL;
		}
		if (seg[1].n != width) {
			ent_diag_set(d,
			    "line 2 has %zu characters; expected %zu, like "
			    "line 1 (%s)",
			    seg[1].n, width, width == 44 ? "TD3" : "TD2");
			return ENT_EINVAL;
		}
	}

	memset(&m, 0, sizeof(m));
	m.nlines = n;
	for (i = 0; i < n; i++) {
		for (j = 0; j < width; j++) {
			char c = upper(seg[i].p[j]);

			if (!is_mrz_char(c)) {
				describe_char(what, sizeof(what), seg[i].p[j]);
				ent_diag_set(d,
				    "line %zu, position %zu: %s is not an MRZ "
				    "character (A-Z, 0-9 or <)",
				    i + 1, j + 1, what);
				return ENT_EINVAL;
			}
			m.lines[i][j] = c;
		}
		m.lines[i][width] = '\0';
	}
	if (m.lines[0][0] < 'A' || m.lines[0][0] > 'Z') {
		ent_diag_set(d,
		    "line 1 must start with a document code letter (P, I, A, "
		    "C or V), found '%c'",
		    m.lines[0][0]);
		return ENT_EINVAL;
	}
	if (n == 2 && width == 36 && memcmp(m.lines[0], "IDFRA", 5) == 0) {
		/* France's pre-2021 ID card is 2 x 36 but not TD2. */
		ent_diag_set(d, "French national identity cards issued before "
		                "2021 do not use an ICAO layout and are not "
		                "supported");
		return ENT_EINVAL;
	}
	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
		const struct layout *c = &layouts[i];

		if (c->nlines != n || c->width != width)
			continue;
		if (n == 3 || (c->first == 'V') == (m.lines[0][0] == 'V')) {
			l = c;
			break;
		}
	}
	if (l == NULL)
		return ENT_EINTERNAL; /* the checks above cover every shape */

	today = (o != NULL && o->today > 0) ? o->today : today_utc();
	read_fields(&m, l, today);
	*out = m;
	ent_diag_clear(d);
	return ENT_OK;
}

static struct seg
trim_seg(const char *p, size_t n)
{
	struct seg s;

	while (n > 0 && is_blank(*p)) {
		p++;
		n--;
	}
	while (n > 0 && is_blank(p[n - 1]))
		n--;
	s.p = p;
	s.n = n;
	return s;
}

/* Split s at runs of blanks into at most max segments; returns the count,
 * or max + 1 if there are more. */
static size_t
split_blanks(struct seg s, struct seg *out, size_t max)
{
	size_t n = 0, i = 0, start;

	while (i < s.n) {
		while (i < s.n && is_blank(s.p[i]))
			i++;
		if (i == s.n)
			break;
		start = i;
		while (i < s.n && !is_blank(s.p[i]))
			i++;
		if (n == max)
			return max + 1;
		out[n].p = s.p + start;
		out[n].n = i - start;
		n++;
	}
	return n;
}

int
ent_mrz_parse(const char *text, const struct ent_mrz_opts *o,
    struct ent_mrz *out, struct ent_diag *d)
{
	struct seg seg[3], one;
	const char *p, *nl;
	size_t n = 0, k, w;

	if (text == NULL) {
		ent_diag_set(d, "no MRZ given");
		return ENT_EINVAL;
	}
	for (p = text;; p = nl + 1) {
		nl = strchr(p, '\n');
		one = trim_seg(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		if (one.n > 0) {
			if (n < 3)
				seg[n] = one;
			n++;
		}
		if (nl == NULL)
			break;
	}
	if (n == 0) {
		ent_diag_set(d, "the MRZ is empty");
		return ENT_EINVAL;
	}
	if (n == 1) {
		/* One line: lines separated by blanks, or run together. */
		one = seg[0];
		k = split_blanks(one, seg, 3);
		if (k == 2 || k == 3)
			return parse_segs(seg, k, o, out, d);
		w = one.n == 90 ? 30 : one.n == 88 ? 44 : one.n == 72 ? 36 : 0;
		if (k == 1 && w > 0) {
			for (n = 0; n * w < one.n; n++) {
				seg[n].p = one.p + n * w;
				seg[n].n = w;
			}
			return parse_segs(seg, n, o, out, d);
		}
		if (k > 3)
			ent_diag_set(d,
			    "an MRZ has 2 or 3 lines; found more than 3 "
			    "blank-separated parts");
		else
			ent_diag_set(d,
			    "an MRZ has 2 or 3 lines; found one line of %zu "
			    "characters",
			    one.n);
		return ENT_EINVAL;
	}
	return parse_segs(seg, n, o, out, d);
}

int
ent_mrz_parse_lines(const char *const *lines, size_t nlines,
    const struct ent_mrz_opts *o, struct ent_mrz *out, struct ent_diag *d)
{
	struct seg seg[3];
	size_t i;

	if (lines == NULL || nlines < 2 || nlines > 3) {
		ent_diag_set(d, "an MRZ has 2 or 3 lines, found %zu",
		    lines == NULL ? (size_t)0 : nlines);
		return ENT_EINVAL;
	}
	for (i = 0; i < nlines; i++) {
		if (lines[i] == NULL) {
			ent_diag_set(d, "line %zu is missing", i + 1);
			return ENT_EINVAL;
		}
		seg[i] = trim_seg(lines[i], strlen(lines[i]));
	}
	return parse_segs(seg, nlines, o, out, d);
}

bool
ent_mrz_ok(const struct ent_mrz *m)
{
	size_t i;

	if (m->flags & ENT_MRZ_PROBLEMS)
		return false;
	for (i = 0; i < m->nchecks; i++)
		if (!m->checks[i].ok)
			return false;
	return true;
}

static const struct layout *
layout_of(enum ent_mrz_format f)
{
	size_t i;

	for (i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++)
		if (layouts[i].format == f)
			return &layouts[i];
	return NULL;
}

/* Problem flags, how ent_mrz_failures() words them, and where the field
 * sits in struct layout so the sentence can quote it. */
static const struct {
	unsigned flag;
	const char *what;
	size_t span;
} problems[] = {
    {ENT_MRZ_BAD_BIRTH_DATE, "birth date", offsetof(struct layout, birth)},
    {ENT_MRZ_BAD_EXPIRY_DATE, "expiry date", offsetof(struct layout, expiry)},
    {ENT_MRZ_BAD_SEX, "sex", offsetof(struct layout, sex)},
};

size_t
ent_mrz_failures(const struct ent_mrz *m, struct ent_diag *d)
{
	const struct layout *l = layout_of(m->format);
	char msg[ENT_DIAG_MAX];
	size_t i, nfail = 0, nbad = 0, k, pos = 0;
	struct span s;
	int w;

	for (i = 0; i < m->nchecks; i++)
		if (!m->checks[i].ok)
			nfail++;
	msg[0] = '\0';
	if (nfail > 0) {
		w = snprintf(msg, sizeof(msg), "check digit%s wrong for ",
		    nfail > 1 ? "s" : "");
		pos = w > 0 ? (size_t)w : 0;
		for (i = 0, k = 0; i < m->nchecks && pos < sizeof(msg); i++) {
			const struct ent_mrz_check *c = &m->checks[i];

			if (c->ok)
				continue;
			k++;
			w = snprintf(msg + pos, sizeof(msg) - pos,
			    "%s%s (expected %c, found %c)",
			    k == 1       ? ""
			    : k == nfail ? " and "
			                 : ", ",
			    c->field, c->expected, c->found);
			pos += w > 0 ? (size_t)w : 0;
		}
	}
	for (i = 0; i < sizeof(problems) / sizeof(problems[0]); i++) {
		if (!(m->flags & problems[i].flag) || l == NULL)
			continue;
		memcpy(&s, (const char *)l + problems[i].span, sizeof(s));
		nbad++;
		if (pos < sizeof(msg)) {
			w = snprintf(msg + pos, sizeof(msg) - pos,
			    "%s%s '%.*s' is not valid", pos > 0 ? "; " : "",
			    problems[i].what, (int)s.len, at(m, s));
			pos += w > 0 ? (size_t)w : 0;
		}
	}
	if (nfail + nbad > 0)
		ent_diag_set(d, "%s", msg);
	else
		ent_diag_clear(d);
	return nfail + nbad;
}

/* Append src[0..n) to buf at *pos, or fail if it does not fit. */
static int
put(char *buf, size_t len, size_t *pos, const char *src, size_t n)
{
	if (*pos + n + 1 > len)
		return ENT_ETOOBIG;
	memcpy(buf + *pos, src, n);
	*pos += n;
	buf[*pos] = '\0';
	return ENT_OK;
}

static int
join_name(const char *primary, const char *secondary, char *buf, size_t len)
{
	char tmp[512];
	size_t pos = 0, np = strlen(primary), ns = strlen(secondary);
	int rc;

	if (np + ns == 0)
		return ENT_EINVAL;
	if (len == 0 || np + ns + 2 > sizeof(tmp))
		return ENT_ETOOBIG;
	tmp[0] = '\0';
	if ((rc = put(tmp, sizeof(tmp), &pos, secondary, ns)) != ENT_OK)
		return rc;
	if (ns > 0 && np > 0 &&
	    (rc = put(tmp, sizeof(tmp), &pos, " ", 1)) != ENT_OK)
		return rc;
	if ((rc = put(tmp, sizeof(tmp), &pos, primary, np)) != ENT_OK)
		return rc;
	if (pos + 1 > len)
		return ENT_ETOOBIG;
	memcpy(buf, tmp, pos + 1);
	return ENT_OK;
}

int
ent_mrz_name_format(const char *mrzname, char *buf, size_t len)
{
	char primary[256], secondary[256];
	struct seg s;

	if (mrzname == NULL)
		return ENT_EINVAL;
	s = trim_seg(mrzname, strlen(mrzname));
	if (s.n >= sizeof(primary))
		return ENT_ETOOBIG;
	split_name(s.p, s.n, primary, secondary, sizeof(primary));
	return join_name(primary, secondary, buf, len);
}

int
ent_mrz_full_name(const struct ent_mrz *m, char *buf, size_t len)
{
	return join_name(m->primary, m->secondary, buf, len);
}

bool
ent_mrz_name_like(const char *s)
{
	bool lt = false;

	if (s == NULL)
		return false;
	for (; *s != '\0'; s++) {
		if (*s == '<')
			lt = true;
		else if (!((*s >= 'A' && *s <= 'Z') ||
		             (*s >= 'a' && *s <= 'z') || *s == ' '))
			return false;
	}
	return lt;
}
