/* ent_ofac.c - the OFAC SDN list in its legacy CSV form (docs/formats.md,
 * "OFAC CSV").
 *
 * sdn.csv holds one row per listed party and has no header.  Its aliases
 * (alt.csv), addresses (add.csv) and the overflow of long remarks
 * (sdn_comments.csv) are separate files keyed by ent_num; when they sit in
 * the same folder as sdn.csv they are loaded whole at open (a few MB) into
 * a hash table and joined as sdn.csv streams by.  A malformed side file
 * rejects the import: silently losing an alias of a sanctioned party is the
 * one thing a screening list must not do.
 *
 * The files are Windows-1252 with CRLF and may end with a 0x1A byte; "-0-"
 * marks an empty value.  A field that is already valid UTF-8 is kept as
 * is, so newer files published in UTF-8 read correctly too. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codec_int.h"
#include "csv_int.h"
#include "ent_country.h"
#include "ent_err.h"
#include "ent_util.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Columns of sdn.csv. */
enum {
	SDN_NUM,
	SDN_NAME,
	SDN_TYPE,
	SDN_PROGRAM,
	SDN_TITLE,
	SDN_CALL_SIGN,
	SDN_VESS_TYPE,
	SDN_TONNAGE,
	SDN_GRT,
	SDN_VESS_FLAG,
	SDN_VESS_OWNER,
	SDN_REMARKS,
	SDN_NCOLS
};

/* The most years a "DOB 1950 to 1990" range expands to. */
#define YEARS_MAX 20

/* ---- encoding ------------------------------------------------------- */

/* Windows-1252 0x80..0x9f; the five unassigned bytes become U+FFFD. */
static const uint16_t cp1252_80[32] = {0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e,
    0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
    0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
    0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178};

/* s (n bytes) as a trimmed, malloc'd UTF-8 string; NULL in *out for the
 * null marker "-0-" or an empty value. */
static int
to_utf8(const char *s, size_t n, char **out)
{
	struct ent_buf b;
	unsigned char ch;
	unsigned cp;
	char u[3];
	size_t i;
	int rc = ENT_OK;

	*out = NULL;
	ent_buf_init(&b, 3 * n + 1);
	if (ent_utf8_valid(s, n))
		rc = ent_buf_add(&b, s, n);
	else {
		for (i = 0; i < n && rc == ENT_OK; i++) {
			ch = (unsigned char)s[i];
			if (ch == 0)
				continue;
			if (ch < 0x80) {
				rc = ent_buf_addc(&b, (char)ch);
				continue;
			}
			cp = ch < 0xa0 ? cp1252_80[ch - 0x80] : ch;
			if (cp < 0x800) {
				u[0] = (char)(0xc0 | (cp >> 6));
				u[1] = (char)(0x80 | (cp & 0x3f));
				rc = ent_buf_add(&b, u, 2);
			} else {
				u[0] = (char)(0xe0 | (cp >> 12));
				u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
				u[2] = (char)(0x80 | (cp & 0x3f));
				rc = ent_buf_add(&b, u, 3);
			}
		}
	}
	if (rc == ENT_OK && (*out = ent_buf_steal(&b, NULL)) == NULL)
		rc = ENT_ENOMEM;
	ent_buf_fini(&b);
	if (rc != ENT_OK)
		return rc;
	ent_trim(*out);
	if (**out == '\0' || strcmp(*out, "-0-") == 0) {
		free(*out);
		*out = NULL;
	}
	return ENT_OK;
}

/* Convert fields [first, end) of the current record into f[0...]; a
 * value is NULL if empty.  On failure the caller still frees f. */
static int
fields_utf8(struct ent_csv *c, size_t first, size_t end, char **f)
{
	size_t i;
	int rc;

	for (i = first; i < end; i++)
		if ((rc = to_utf8(ent__csv_field(c, i),
		         ent__csv_field_len(c, i), &f[i - first])) != ENT_OK)
			return rc;
	return ENT_OK;
}

static void
fields_free(char **f, size_t nf)
{
	size_t i;

	for (i = 0; i < nf; i++) {
		free(f[i]);
		f[i] = NULL;
	}
}

/* A record to skip: empty, or the 0x1A end-of-file mark. */
static bool
filler(struct ent_csv *c)
{
	const char *f0 = ent__csv_field(c, 0);

	return ent__csv_nfields(c) == 1 &&
	       (f0[0] == '\0' || (f0[0] == 0x1a && f0[1] == '\0'));
}

/* ---- side files ----------------------------------------------------- */

#define SIDE_COLS 6

struct side_row {
	int64_t ent;
	char *f[SIDE_COLS]; /* the columns after ent_num, UTF-8 or NULL */
	size_t next;        /* the next row for the same ent_num, or NONE */
};

#define NONE SIZE_MAX

struct side {
	const char *file; /* "alt.csv", for messages */
	size_t ncols;     /* columns including ent_num */
	struct side_row *rows;
	size_t n, cap;
	size_t *head, *tail; /* hash buckets: first and last row */
	size_t nbuckets;
};

static size_t
bucket(const struct side *s, int64_t ent)
{
	return (size_t)((uint64_t)ent * 0x9e3779b97f4a7c15ull >> 32) &
	       (s->nbuckets - 1);
}

static void
side_free(struct side *s)
{
	size_t i, j;

	for (i = 0; i < s->n; i++)
		for (j = 0; j < SIDE_COLS; j++)
			free(s->rows[i].f[j]);
	free(s->rows);
	free(s->head);
	free(s->tail);
	s->rows = NULL;
	s->head = s->tail = NULL;
	s->n = s->cap = s->nbuckets = 0;
}

/* Chain the rows by ent_num, keeping file order within one ent_num. */
static int
side_index(struct side *s)
{
	size_t i, b;

	s->nbuckets = 16;
	while (s->nbuckets < 2 * s->n)
		s->nbuckets *= 2;
	if ((s->head = malloc(s->nbuckets * sizeof(*s->head))) == NULL ||
	    (s->tail = malloc(s->nbuckets * sizeof(*s->tail))) == NULL)
		return ENT_ENOMEM;
	for (i = 0; i < s->nbuckets; i++)
		s->head[i] = s->tail[i] = NONE;
	for (i = 0; i < s->n; i++) {
		b = bucket(s, s->rows[i].ent);
		s->rows[i].next = NONE;
		if (s->tail[b] == NONE)
			s->head[b] = i;
		else
			s->rows[s->tail[b]].next = i;
		s->tail[b] = i;
	}
	return ENT_OK;
}

/* The first row for ent at or after row from (NONE to start). */
static const struct side_row *
side_find(const struct side *s, int64_t ent, size_t *it)
{
	size_t i;

	if (s->nbuckets == 0)
		return NULL;
	i = *it == NONE ? s->head[bucket(s, ent)] : s->rows[*it].next;
	for (; i != NONE; i = s->rows[i].next) {
		if (s->rows[i].ent == ent) {
			*it = i;
			return &s->rows[i];
		}
	}
	return NULL;
}

static int
side_add_row(struct side *s, struct ent_csv *c, long line, struct ent_diag *d)
{
	struct side_row *row, *nr;
	char *num = NULL;
	int64_t ent;
	int rc;

	if (ent__csv_nfields(c) != s->ncols) {
		ent_diag_set(d,
		    "%s: line %ld: %zu fields where %zu are expected", s->file,
		    line, ent__csv_nfields(c), s->ncols);
		return ENT_EFORMAT;
	}
	if ((rc = to_utf8(ent__csv_field(c, 0), ent__csv_field_len(c, 0),
	         &num)) != ENT_OK)
		return rc;
	rc = num != NULL ? ent_parse_i64(num, 1, INT64_MAX, &ent) : ENT_EINVAL;
	free(num);
	if (rc != ENT_OK) {
		ent_diag_set(
		    d, "%s: line %ld: ent_num is not a number", s->file, line);
		return ENT_EFORMAT;
	}
	if (s->n == s->cap) {
		if ((nr = realloc(s->rows,
		         (s->cap ? s->cap * 2 : 256) * sizeof(*nr))) == NULL)
			return ENT_ENOMEM;
		s->rows = nr;
		s->cap = s->cap ? s->cap * 2 : 256;
	}
	row = &s->rows[s->n];
	memset(row, 0, sizeof(*row));
	row->ent = ent;
	s->n++;
	return fields_utf8(c, 1, s->ncols, row->f);
}

/* Load dir/s->file if it exists. */
static int
side_load(struct side *s, const char *dir, struct ent_diag *d)
{
	struct ent_csv c;
	struct ent_buf path;
	FILE *fp = NULL;
	long line = 0;
	int rc;

	ent_buf_init(&path, 8192);
	if ((rc = ent_buf_printf(&path, "%s/%s", dir, s->file)) != ENT_OK)
		goto out;
	if ((fp = fopen(ent_buf_str(&path), "rb")) == NULL) {
		if (errno == ENOENT)
			goto out; /* absent: sdn.csv alone is a valid list */
		/* There but unreadable: going on would lose its rows. */
		ent_diag_set(d, "%s: cannot open: %s", ent_buf_str(&path),
		    strerror(errno));
		rc = ENT_EIO;
		goto out;
	}
	ent__csv_init(&c, fp, ENT_LINE_MAX);
	for (;;) {
		rc = ent__csv_next(&c, &line, d);
		if (rc == ENT_EINVAL || rc == ENT_ETOOBIG) {
			ent_diag_prefix(d, "%s: line %ld", s->file, line);
			rc = ENT_EFORMAT;
		} else if (rc == ENT_EFORMAT)
			ent_diag_prefix(d, "%s", s->file);
		else if (rc == ENT_EIO)
			ent_diag_set(d, "%s: read error", ent_buf_str(&path));
		if (rc != ENT_OK || (!filler(&c) && (rc = side_add_row(s, &c,
		                                         line, d)) != ENT_OK))
			break;
	}
	ent__csv_fini(&c);
	if (rc == ENT_ENOTFOUND)
		rc = side_index(s);
out:
	if (fp != NULL)
		fclose(fp);
	ent_buf_fini(&path);
	return rc;
}

/* ---- the reader ----------------------------------------------------- */

enum { SIDE_ALT, SIDE_ADD, SIDE_COMMENTS, SIDE_N };

struct ofac_state {
	struct ent_csv csv;
	struct side side[SIDE_N];
	char *f[SDN_NCOLS];
	long rows; /* sdn.csv rows seen, good or bad */
};

static int
ofac_open(struct ent_reader *rd, struct ent_diag *d)
{
	static const struct {
		const char *file;
		size_t ncols;
	} sides[SIDE_N] = {
	    [SIDE_ALT] = {"alt.csv", 5},
	    [SIDE_ADD] = {"add.csv", 6},
	    [SIDE_COMMENTS] = {"sdn_comments.csv", 2},
	};
	struct ofac_state *st;
	char *dir = NULL, *slash;
	size_t i;
	int rc = ENT_OK;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return ENT_ENOMEM;
	rd->state = st; /* freed by close() whatever happens here */
	ent__csv_init(&st->csv, rd->fp, ENT_LINE_MAX);
	for (i = 0; i < SIDE_N; i++) {
		st->side[i].file = sides[i].file;
		st->side[i].ncols = sides[i].ncols;
	}
	if (rd->path == NULL)
		return ENT_OK; /* standard input: sdn.csv alone */
	if ((dir = ent_strdup(rd->path)) == NULL)
		return ENT_ENOMEM;
	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		if ((dir = ent_strdup(".")) == NULL)
			return ENT_ENOMEM;
	} else
		*(slash == dir ? slash + 1 : slash) = '\0';
	for (i = 0; i < SIDE_N && rc == ENT_OK; i++)
		rc = side_load(&st->side[i], dir, d);
	free(dir);
	return rc;
}

/* Add a value, ignoring one the model rejects: used for what we parse out
 * of free text, which stays whole in notes anyway. */
static int
add_soft(struct ent_record *r, const char *prop, const char *v)
{
	int rc;

	if (v == NULL || ent_schema_prop(r->schema, prop) == NULL)
		return ENT_OK;
	rc = ent_record_add(r, prop, v, NULL);
	return rc == ENT_ENOMEM ? rc : ENT_OK;
}

/* "label: value" into notes, for a value with no property to hold it. */
static int
add_note(struct ent_record *r, const char *label, const char *v)
{
	struct ent_buf b;
	int rc;

	if (v == NULL)
		return ENT_OK;
	ent_buf_init(&b, ENT_VALUE_MAX);
	rc = ent_buf_printf(&b, "%s: %s", label, v);
	if (rc == ENT_OK)
		rc = add_soft(r, "notes", ent_buf_str(&b));
	ent_buf_fini(&b);
	return rc;
}

static const struct {
	const char *mon;
	const char *num;
} months[] = {{"jan", "01"}, {"feb", "02"}, {"mar", "03"}, {"apr", "04"},
    {"may", "05"}, {"jun", "06"}, {"jul", "07"}, {"aug", "08"}, {"sep", "09"},
    {"oct", "10"}, {"nov", "11"}, {"dec", "12"}};

/* One OFAC date ("25 Dec 1957", "Dec 1957", "1957") as ISO 8601 into
 * iso[11]; its year in *year.  False if it is none of those. */
static bool
parse_date(const char *s, char *iso, int *year)
{
	char w[3][16];
	const char *mon = NULL;
	int n = 0, day = 0;
	int64_t y, dd;
	size_t k, len;

	while (n < 3 && *s != '\0') {
		s += strspn(s, " ");
		if ((len = strcspn(s, " ")) == 0)
			break;
		if (len >= sizeof(w[0]))
			return false;
		memcpy(w[n], s, len);
		w[n++][len] = '\0';
		s += len;
	}
	if (n == 0 || *(s + strspn(s, " ")) != '\0' ||
	    ent_parse_i64(w[n - 1], 1000, 2999, &y) != ENT_OK)
		return false;
	if (n >= 2) {
		for (k = 0; k < N(months); k++)
			if (strncasecmp(w[n - 2], months[k].mon, 3) == 0)
				mon = months[k].num;
		if (mon == NULL)
			return false;
	}
	if (n == 3) {
		if (strlen(w[0]) > 2 ||
		    ent_parse_i64(w[0], 1, 31, &dd) != ENT_OK)
			return false;
		day = (int)dd;
	}
	*year = (int)y;
	if (n == 1)
		snprintf(iso, 11, "%04d", (int)y);
	else if (n == 2)
		snprintf(iso, 11, "%04d-%s", (int)y, mon);
	else
		snprintf(iso, 11, "%04d-%s-%02d", (int)y, mon, day);
	return true;
}

/* ---- remarks -------------------------------------------------------- */

typedef int (*remark_fn)(struct ent_record *r, const char *prop, char *v);

/* "DOB 25 Dec 1957", "DOB circa 1957", "DOB Dec 1957", "DOB 1951 to 1953",
 * "DOB 01 Jan 1961 to 31 Dec 1962" (a range gives each year). */
static int
rk_dob(struct ent_record *r, const char *prop, char *v)
{
	char iso[11], iso2[11];
	int y1, y2, y, rc;
	char *to;

	if (strncasecmp(v, "circa ", 6) == 0)
		v += 6;
	if ((to = strstr(v, " to ")) == NULL)
		return parse_date(v, iso, &y1) ? add_soft(r, prop, iso)
		                               : ENT_OK;
	*to = '\0';
	if (!parse_date(v, iso, &y1) || !parse_date(to + 4, iso2, &y2) ||
	    y2 < y1 || y2 - y1 >= YEARS_MAX)
		return ENT_OK;
	for (y = y1; y <= y2; y++) {
		snprintf(iso, sizeof(iso), "%04d", y);
		if ((rc = add_soft(r, prop, iso)) != ENT_OK)
			return rc;
	}
	return ENT_OK;
}

/* "POB Nahia, Giza, Egypt": the place, and its last part as the country. */
static int
rk_pob(struct ent_record *r, const char *prop, char *v)
{
	const char *code, *last = strrchr(v, ',');
	int rc;

	if ((rc = add_soft(r, prop, v)) != ENT_OK)
		return rc;
	last = last != NULL ? last + 1 : v;
	if ((code = ent_country_from_name(last)) != NULL)
		return add_soft(r, "birthCountry", code);
	return ENT_OK;
}

static int
rk_country(struct ent_record *r, const char *prop, char *v)
{
	const char *code = ent_country_from_name(v);

	return code != NULL ? add_soft(r, prop, code) : ENT_OK;
}

static int
rk_value(struct ent_record *r, const char *prop, char *v)
{
	return add_soft(r, prop, v);
}

/* "Passport K47248790 (Iran) expires 20 Oct 2023": the number. */
static int
rk_doc(struct ent_record *r, const char *prop, char *v)
{
	static const char *const ends[] = {
	    " (", " issued", " expires", " Issue Date", " Expire"};
	char *e;
	size_t i;

	for (i = 0; i < N(ends); i++)
		if ((e = strstr(v, ends[i])) != NULL)
			*e = '\0';
	return add_soft(r, prop, v);
}

/* "a.k.a. 'BNC'": a weak alias, without its quotes. */
static int
rk_quoted(struct ent_record *r, const char *prop, char *v)
{
	size_t n = strlen(v);

	if (n >= 2 && v[0] == '\'' && v[n - 1] == '\'') {
		v[n - 1] = '\0';
		v++;
	}
	return add_soft(r, prop, v);
}

/* What we read out of remarks; each rule applies to the schemata that
 * have its property.  "alt. " in front of a part is dropped first. */
static const struct {
	const char *prefix;
	remark_fn fn;
	const char *prop;
} remark_rules[] = {
    {"DOB ", rk_dob, "birthDate"},
    {"POB ", rk_pob, "birthPlace"},
    {"nationality ", rk_country, "nationality"},
    {"citizen ", rk_country, "citizenship"},
    {"Gender ", rk_value, "gender"},
    {"Passport ", rk_doc, "passportNumber"},
    {"National ID No. ", rk_doc, "idNumber"},
    {"a.k.a. ", rk_quoted, "weakAlias"},
    {"Vessel Registration Identification IMO ", rk_value, "imoNumber"},
    {"MMSI ", rk_value, "mmsi"},
    {"Aircraft Model ", rk_value, "model"},
    {"Aircraft Manufacturer's Serial Number (MSN) ", rk_value, "serialNumber"},
    {"Aircraft Tail Number ", rk_value, "registrationNumber"},
};

static int
parse_remarks(struct ent_record *r, const char *remarks)
{
	char *copy, *part, *semi;
	size_t i, n, len;
	int rc = ENT_OK;

	if ((copy = ent_strdup(remarks)) == NULL)
		return ENT_ENOMEM;
	for (part = copy; part != NULL && rc == ENT_OK; part = semi) {
		if ((semi = strchr(part, ';')) != NULL)
			*semi++ = '\0';
		ent_trim(part);
		n = strlen(part);
		if (n > 0 && part[n - 1] == '.')
			part[--n] = '\0';
		if (strncmp(part, "alt. ", 5) == 0)
			part += 5;
		for (i = 0; i < N(remark_rules); i++) {
			len = strlen(remark_rules[i].prefix);
			if (strncmp(part, remark_rules[i].prefix, len) != 0)
				continue;
			if (ent_schema_prop(r->schema, remark_rules[i].prop))
				rc = remark_rules[i].fn(r, remark_rules[i].prop,
				    ent_trim(part + len));
			break;
		}
	}
	free(copy);
	return rc;
}

/* ---- building a record ---------------------------------------------- */

/* SDN_Type -> schema; "-0-" (an empty type) is an organisation. */
static const struct {
	const char *type, *schema;
} sdn_types[] = {
    {"individual", "Person"},
    {"vessel", "Vessel"},
    {"aircraft", "Airplane"},
};

/* Vessel columns: the property where the schema has one, else a note. */
static const struct {
	int col;
	const char *prop, *label;
	bool country;
} vessel_cols[] = {
    {SDN_CALL_SIGN, "callSign", "Call sign", false},
    {SDN_VESS_TYPE, "type", "Vessel type", false},
    {SDN_TONNAGE, "tonnage", "Tonnage", false},
    {SDN_GRT, "grossRegisteredTonnage", "Gross registered tonnage", false},
    {SDN_VESS_FLAG, "flag", "Flag", true},
    {SDN_VESS_OWNER, NULL, "Owner", false},
};

static const char *
schema_of(const char *type)
{
	size_t i;

	if (type == NULL)
		return "Organization";
	for (i = 0; i < N(sdn_types); i++)
		if (strcasecmp(type, sdn_types[i].type) == 0)
			return sdn_types[i].schema;
	return NULL;
}

/* "SDGT] [IRGC" -> "SDGT", "IRGC". */
static int
add_programs(struct ent_record *r, const char *programs)
{
	char *copy, *p, *next;
	int rc = ENT_OK;

	if (programs == NULL)
		return ENT_OK;
	if ((copy = ent_strdup(programs)) == NULL)
		return ENT_ENOMEM;
	for (p = copy; p != NULL && rc == ENT_OK; p = next) {
		if ((next = strstr(p, "] [")) != NULL) {
			*next = '\0';
			next += 3;
		}
		p += strspn(p, "[ ");
		p[strcspn(p, "]")] = '\0';
		rc = add_soft(r, "program", p);
	}
	free(copy);
	return rc;
}

/* Person names are written "LAST, First": split them. */
static int
add_person_names(struct ent_record *r, const char *name)
{
	const char *comma = strchr(name, ',');
	char *last;
	int rc;

	if (comma == NULL)
		return ENT_OK;
	if ((last = ent_strndup(name, (size_t)(comma - name))) == NULL)
		return ENT_ENOMEM;
	rc = add_soft(r, "lastName", last);
	free(last);
	if (rc == ENT_OK)
		rc = add_soft(r, "firstName", comma + 1);
	return rc;
}

/* Every alias of ent_num; an alias the model rejects rejects the record,
 * so none is ever dropped unseen. */
static int
add_aliases(struct ofac_state *st, struct ent_record *r, int64_t ent,
    struct ent_diag *d)
{
	const struct side_row *row;
	size_t it = NONE;
	const char *prop;
	int rc;

	while ((row = side_find(&st->side[SIDE_ALT], ent, &it)) != NULL) {
		/* f: alt_num, alt_type, alt_name, alt_remarks */
		if (row->f[2] == NULL)
			continue;
		prop = row->f[1] != NULL && strcasecmp(row->f[1], "fka") == 0
		           ? "previousName"
		           : "alias";
		if ((rc = ent_record_add(r, prop, row->f[2], d)) != ENT_OK) {
			ent_diag_prefix(d, "alt.csv alt_num %s",
			    row->f[0] != NULL ? row->f[0] : "?");
			return rc;
		}
		if (row->f[3] != NULL &&
		    (rc = add_note(r, row->f[2], row->f[3])) != ENT_OK)
			return rc;
	}
	return ENT_OK;
}

static int
add_addresses(struct ofac_state *st, struct ent_record *r, int64_t ent)
{
	const struct side_row *row;
	const char *country, *code;
	struct ent_buf b;
	size_t it = NONE, i;
	int rc = ENT_OK;

	ent_buf_init(&b, ENT_VALUE_MAX);
	while (rc == ENT_OK &&
	       (row = side_find(&st->side[SIDE_ADD], ent, &it)) != NULL) {
		/* f: add_num, address, city/state/postal, country, remarks */
		ent_buf_reset(&b);
		for (i = 1; i <= 3 && rc == ENT_OK; i++)
			if (row->f[i] != NULL)
				rc = ent_buf_printf(&b, "%s%s",
				    ent_buf_len(&b) ? ", " : "", row->f[i]);
		if (rc == ENT_OK)
			rc = add_soft(r, "address", ent_buf_str(&b));
		/* "Region: Gaza": the region may still name a country; one
		 * that does not stays in the address text. */
		if ((country = row->f[3]) != NULL &&
		    strncmp(country, "Region: ", 8) == 0)
			country += 8;
		if (rc == ENT_OK && country != NULL &&
		    (code = ent_country_from_name(country)) != NULL)
			rc = add_soft(r, "country", code);
		if (rc == ENT_OK && row->f[4] != NULL)
			rc = add_note(r, "Address", row->f[4]);
	}
	ent_buf_fini(&b);
	return rc;
}

/* The remarks of ent_num: sdn.csv's, continued by sdn_comments.csv where
 * OFAC cut a long text (the continuation starts mid-word). */
static int
full_remarks(struct ofac_state *st, int64_t ent, struct ent_buf *b)
{
	const struct side_row *row;
	size_t it = NONE;
	int rc = ENT_OK;

	if (st->f[SDN_REMARKS] != NULL)
		rc = ent_buf_adds(b, st->f[SDN_REMARKS]);
	while (rc == ENT_OK &&
	       (row = side_find(&st->side[SIDE_COMMENTS], ent, &it)) != NULL)
		if (row->f[0] != NULL)
			rc = ent_buf_adds(b, row->f[0]);
	return rc;
}

static int
ofac_build(struct ofac_state *st, struct ent_record **out, struct ent_diag *d)
{
	char **f = st->f, id[32];
	struct ent_record *r = NULL;
	const char *schema, *code, *v;
	struct ent_buf remarks;
	int64_t ent;
	size_t i;
	int rc;

	ent_buf_init(&remarks, ENT_VALUE_MAX);
	if (f[SDN_NUM] == NULL ||
	    ent_parse_i64(f[SDN_NUM], 1, INT64_MAX, &ent) != ENT_OK) {
		ent_diag_set(d, "ent_num '%.32s' is not a number",
		    f[SDN_NUM] != NULL ? f[SDN_NUM] : "");
		rc = ENT_EINVAL;
		goto out;
	}
	if ((schema = schema_of(f[SDN_TYPE])) == NULL) {
		ent_diag_set(d,
		    "SDN_Type '%.32s' is not individual, vessel, aircraft or "
		    "-0-",
		    f[SDN_TYPE]);
		rc = ENT_EINVAL;
		goto out;
	}
	if (f[SDN_NAME] == NULL) {
		ent_diag_set(d, "SDN_Name is empty");
		rc = ENT_EINVAL;
		goto out;
	}
	snprintf(id, sizeof(id), "ofac-%lld", (long long)ent);
	if ((rc = ent_record_new(id, schema, &r, d)) != ENT_OK ||
	    (rc = ent_record_add(r, "name", f[SDN_NAME], d)) != ENT_OK)
		goto out;
	if (strcmp(schema, "Person") == 0 &&
	    (rc = add_person_names(r, f[SDN_NAME])) != ENT_OK)
		goto out;
	if ((rc = add_programs(r, f[SDN_PROGRAM])) != ENT_OK ||
	    (rc = add_soft(r, "position", f[SDN_TITLE])) != ENT_OK)
		goto out;
	for (i = 0; i < N(vessel_cols) && rc == ENT_OK; i++) {
		if ((v = f[vessel_cols[i].col]) == NULL)
			continue;
		if (vessel_cols[i].prop == NULL ||
		    ent_schema_prop(r->schema, vessel_cols[i].prop) == NULL)
			rc = add_note(r, vessel_cols[i].label, v);
		else if (!vessel_cols[i].country)
			rc = add_soft(r, vessel_cols[i].prop, v);
		else if ((code = ent_country_from_name(v)) != NULL)
			rc = add_soft(r, vessel_cols[i].prop, code);
		else
			rc = add_note(r, vessel_cols[i].label, v);
	}
	if (rc != ENT_OK)
		goto out;
	if ((rc = full_remarks(st, ent, &remarks)) != ENT_OK) {
		ent_diag_set(d, "remarks longer than %d bytes", ENT_VALUE_MAX);
		goto out;
	}
	if (ent_buf_len(&remarks) > 0 &&
	    ((rc = ent_record_add(r, "notes", ent_buf_str(&remarks), d)) !=
	            ENT_OK ||
	        (rc = parse_remarks(r, ent_buf_str(&remarks))) != ENT_OK))
		goto out;
	if ((rc = add_aliases(st, r, ent, d)) != ENT_OK ||
	    (rc = add_addresses(st, r, ent)) != ENT_OK ||
	    (rc = ent_record_add(r, "topics", "sanction", d)) != ENT_OK ||
	    (rc = ent_record_check(r, d)) != ENT_OK)
		goto out;
	*out = r;
	r = NULL;
out:
	ent_record_free(r);
	ent_buf_fini(&remarks);
	return rc;
}

static int
ofac_next(struct ent_reader *rd, struct ent_record **out, long *line,
    struct ent_diag *d)
{
	struct ofac_state *st = rd->state;
	int rc;

	*out = NULL;
	for (;;) {
		rc = ent__csv_next(&st->csv, line, d);
		if (rc == ENT_ENOTFOUND && st->rows == 0) {
			/* Not one row: surely not the list the user meant. */
			ent_diag_set(d, "line 1: sdn.csv has no rows");
			*line = 1;
			return ENT_EFORMAT;
		}
		if (rc == ENT_ENOTFOUND)
			return ENT_OK;
		st->rows++;
		if (rc != ENT_OK)
			return rc;
		if (!filler(&st->csv))
			break;
		st->rows--;
	}
	if (ent__csv_nfields(&st->csv) != SDN_NCOLS) {
		ent_diag_set(d, "%zu fields where sdn.csv has %d",
		    ent__csv_nfields(&st->csv), SDN_NCOLS);
		return ENT_EINVAL;
	}
	rc = fields_utf8(&st->csv, 0, SDN_NCOLS, st->f);
	if (rc == ENT_OK)
		rc = ofac_build(st, out, d);
	fields_free(st->f, SDN_NCOLS);
	return rc;
}

static long long
ofac_offset(const struct ent_reader *rd)
{
	const struct ofac_state *st = rd->state;

	return st != NULL ? st->csv.offset : 0;
}

static void
ofac_close(struct ent_reader *rd)
{
	struct ofac_state *st = rd->state;
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < SIDE_N; i++)
		side_free(&st->side[i]);
	fields_free(st->f, SDN_NCOLS);
	ent__csv_fini(&st->csv);
	free(st);
	rd->state = NULL;
}

const struct reader_ops ent__ofac_ops = {
    .open = ofac_open,
    .next = ofac_next,
    .offset = ofac_offset,
    .close = ofac_close,
};
