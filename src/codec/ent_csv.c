/* ent_csv.c - the RFC 4180 record splitter (csv_int.h) and the reader of
 * our simple CSV for an agency's own lists (docs/formats.md, "CSV").
 *
 * The simple CSV has a header row naming its columns: "id" (required),
 * "schema" (default Person), documented snake_case columns, the metadata
 * columns, or any FtM property name.  The header is checked once, so an
 * unknown column rejects the file at line 1 before any row is read, rather
 * than making every row bad.  A cell may hold several values separated by
 * ';' (free-text properties such as notes excepted).  Country cells accept
 * codes or names. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec_int.h"
#include "csv_int.h"
#include "ent_country.h"
#include "ent_err.h"
#include "ent_util.h"

/* ---- the record splitter --------------------------------------------- */

void
ent__csv_init(struct ent_csv *c, FILE *fp, size_t max)
{
	memset(c, 0, sizeof(*c));
	c->fp = fp;
	c->max = max;
	/* Room for max bytes of data plus one NUL per field. */
	ent_buf_init(&c->buf, max + ENT_CSV_FIELDS_MAX + 1);
}

void
ent__csv_fini(struct ent_csv *c)
{
	if (c == NULL)
		return;
	ent_buf_fini(&c->buf);
	free(c->off);
	c->off = NULL;
	c->nf = c->cap = 0;
}

/* Skip a UTF-8 byte order mark at the very start; bytes read that are not
 * one are kept in pend and read again. */
static void
skip_bom(struct ent_csv *c)
{
	static const unsigned char bom[3] = {0xef, 0xbb, 0xbf};
	int ch;

	c->started = 1;
	while (c->npend < 3 && (ch = getc(c->fp)) != EOF) {
		c->pend[c->npend++] = (unsigned char)ch;
		if (c->pend[c->npend - 1] != bom[c->npend - 1])
			return;
	}
	if (c->npend == 3) {
		c->npend = 0;
		c->offset += 3;
	}
}

static int
csv_getc(struct ent_csv *c)
{
	int ch;

	if (c->npend > 0) {
		ch = c->pend[0];
		memmove(c->pend, c->pend + 1, (size_t)--c->npend);
	} else if ((ch = getc(c->fp)) == EOF)
		return EOF;
	c->offset++;
	return ch;
}

/* Start field number nf at the end of buf.  False if there are too many. */
static int
new_field(struct ent_csv *c, bool *big)
{
	size_t *n;

	if (c->nf == ENT_CSV_FIELDS_MAX) {
		*big = true;
		return ENT_OK;
	}
	if (c->nf == c->cap) {
		if ((n = realloc(c->off,
		         (c->cap ? c->cap * 2 : 16) * sizeof(*n))) == NULL)
			return ENT_ENOMEM;
		c->off = n;
		c->cap = c->cap ? c->cap * 2 : 16;
	}
	c->off[c->nf++] = ent_buf_len(&c->buf);
	return ENT_OK;
}

/* Keep a byte of the current field unless the record is already over the
 * limit, in which case we only read on to its end. */
static int
put(struct ent_csv *c, int ch, bool *big)
{
	int rc;

	if (*big)
		return ENT_OK;
	if (ent_buf_len(&c->buf) >= c->max + c->nf) {
		*big = true;
		return ENT_OK;
	}
	rc = ent_buf_addc(&c->buf, (char)ch);
	if (rc == ENT_ETOOBIG) {
		*big = true;
		rc = ENT_OK;
	}
	return rc;
}

/* End the current field: its NUL, and a new field unless at the end. */
static int
end_field(struct ent_csv *c, bool more, bool *big)
{
	int rc;

	if (!*big && (rc = ent_buf_addc(&c->buf, '\0')) != ENT_OK) {
		if (rc != ENT_ETOOBIG)
			return rc;
		*big = true;
	}
	return more ? new_field(c, big) : ENT_OK;
}

enum csv_st { ST_START, ST_PLAIN, ST_QUOTED, ST_AFTER_QUOTE };

int
ent__csv_next(struct ent_csv *c, long *start, struct ent_diag *d)
{
	enum csv_st st = ST_START;
	bool big = false, bad = false;
	long qline = 0;
	size_t len;
	int ch, rc;

	if (!c->started)
		skip_bom(c);
	ent_buf_reset(&c->buf);
	c->nf = 0;
	if ((ch = csv_getc(c)) == EOF)
		return ferror(c->fp) ? ENT_EIO : ENT_ENOTFOUND;
	*start = ++c->line;
	if ((rc = new_field(c, &big)) != ENT_OK)
		return rc;
	for (;; ch = csv_getc(c)) {
		if (ch == EOF) {
			if (ferror(c->fp)) {
				ent_diag_set(d, "read error");
				return ENT_EIO;
			}
			if (st == ST_QUOTED) {
				ent_diag_set(d,
				    "line %ld: a quoted field opened here is "
				    "not closed at the end of the file",
				    qline);
				return ENT_EFORMAT;
			}
			break; /* a last record without a newline */
		}
		if (st == ST_START) {
			if (ch == '"') {
				st = ST_QUOTED;
				qline = c->line;
				continue;
			}
			st = ST_PLAIN;
		}
		if (st == ST_PLAIN) {
			if (ch == '\n')
				break;
			if (ch == ',') {
				rc = end_field(c, true, &big);
				st = ST_START;
			} else
				rc = put(c, ch, &big);
		} else if (st == ST_QUOTED) {
			if (ch == '"') {
				st = ST_AFTER_QUOTE;
				continue;
			}
			if (ch == '\n')
				c->line++;
			rc = put(c, ch, &big);
		} else { /* ST_AFTER_QUOTE */
			if (ch == '\n')
				break;
			if (ch == '"') { /* "" inside quotes: one quote */
				st = ST_QUOTED;
				rc = put(c, ch, &big);
			} else if (ch == ',') {
				rc = end_field(c, true, &big);
				st = ST_START;
			} else if (ch == '\r' || ch == ' ' || ch == '\t')
				continue;
			else {
				if (!bad)
					ent_diag_set(d,
					    "field %zu: text after the closing "
					    "quote",
					    c->nf);
				bad = true;
				st = ST_PLAIN;
				rc = put(c, ch, &big);
			}
		}
		if (rc != ENT_OK)
			return rc;
	}
	/* The CR of a CRLF ends an unquoted last field: drop it. */
	if (st == ST_PLAIN && !big && (len = ent_buf_len(&c->buf)) > 0 &&
	    len > c->off[c->nf - 1] && ent_buf_str(&c->buf)[len - 1] == '\r')
		ent_buf_truncate(&c->buf, len - 1);
	if ((rc = end_field(c, false, &big)) != ENT_OK)
		return rc;
	if (big) {
		ent_diag_set(d,
		    "record longer than %zu bytes or with more than %d fields",
		    c->max, ENT_CSV_FIELDS_MAX);
		return ENT_ETOOBIG;
	}
	return bad ? ENT_EINVAL : ENT_OK;
}

size_t
ent__csv_nfields(const struct ent_csv *c)
{
	return c->nf;
}

char *
ent__csv_field(struct ent_csv *c, size_t i)
{
	/* ent_buf hands out const text; the bytes are ours (csv_int.h). */
	return i < c->nf ? (char *)(uintptr_t)ent_buf_str(&c->buf) + c->off[i]
	                 : NULL;
}

size_t
ent__csv_field_len(const struct ent_csv *c, size_t i)
{
	size_t end;

	if (i >= c->nf)
		return 0;
	end = i + 1 < c->nf ? c->off[i + 1] : ent_buf_len(&c->buf);
	return end - c->off[i] - 1;
}

/* ---- the simple CSV reader ------------------------------------------ */

enum col_kind { COL_ID, COL_SCHEMA, COL_PROP, COL_META };

struct col {
	enum col_kind kind;
	const char *prop; /* COL_PROP: the FtM property name */
	size_t meta;      /* COL_META: offset of the field in struct ent_meta */
	bool meta_date;   /* COL_META: an ISO 8601 date */
	char *header;     /* as written, for messages */
};

/* The documented snake_case columns and the property each fills. */
static const struct {
	const char *col, *prop;
} snake_cols[] = {
    {"name", "name"},
    {"alias", "alias"},
    {"weak_alias", "weakAlias"},
    {"previous_name", "previousName"},
    {"first_name", "firstName"},
    {"middle_name", "middleName"},
    {"father_name", "fatherName"},
    {"last_name", "lastName"},
    {"birth_date", "birthDate"},
    {"birth_place", "birthPlace"},
    {"birth_country", "birthCountry"},
    {"nationality", "nationality"},
    {"citizenship", "citizenship"},
    {"gender", "gender"},
    {"passport_number", "passportNumber"},
    {"id_number", "idNumber"},
    {"country", "country"},
    {"address", "address"},
    {"position", "position"},
    {"program", "program"},
    {"notes", "notes"},
    {"topics", "topics"},
};

static const struct {
	const char *col;
	size_t off;
	bool date;
} meta_cols[] = {
    {"legal_basis", offsetof(struct ent_meta, legal_basis), false},
    {"handling", offsetof(struct ent_meta, handling), false},
    {"review_by", offsetof(struct ent_meta, review_by), true},
    {"expires", offsetof(struct ent_meta, expires), true},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define NO_COL SIZE_MAX

struct csv_state {
	struct ent_csv csv;
	struct col *cols;
	size_t ncols;
	size_t id_col, schema_col;
};

/* True if some concrete schema has a property of that name. */
static bool
any_schema_has(const char *prop)
{
	const struct ent_schema *s;
	size_t i;

	for (i = 0; i < ent_schema_count(); i++) {
		s = ent_schema_at(i);
		if (!s->abstract && ent_schema_prop(s, prop) != NULL)
			return true;
	}
	return false;
}

/* What header name h means; ENT_EFORMAT for an unknown column. */
static int
classify(const char *h, struct col *c)
{
	size_t i;

	if (strcmp(h, "id") == 0) {
		c->kind = COL_ID;
		return ENT_OK;
	}
	if (strcmp(h, "schema") == 0) {
		c->kind = COL_SCHEMA;
		return ENT_OK;
	}
	for (i = 0; i < N(snake_cols); i++) {
		if (strcmp(h, snake_cols[i].col) == 0) {
			c->kind = COL_PROP;
			c->prop = snake_cols[i].prop;
			return ENT_OK;
		}
	}
	for (i = 0; i < N(meta_cols); i++) {
		if (strcmp(h, meta_cols[i].col) == 0) {
			c->kind = COL_META;
			c->meta = meta_cols[i].off;
			c->meta_date = meta_cols[i].date;
			return ENT_OK;
		}
	}
	if (*h != '\0' && any_schema_has(h)) {
		c->kind = COL_PROP;
		c->prop = c->header; /* an FtM property name */
		return ENT_OK;
	}
	return ENT_EFORMAT;
}

static int
read_header(struct csv_state *st, struct ent_diag *d)
{
	struct ent_csv *c = &st->csv;
	long start = 0;
	size_t i, j;
	int rc;

	rc = ent__csv_next(c, &start, d);
	if (rc == ENT_ENOTFOUND) {
		ent_diag_set(d, "the file is empty: a header row naming the "
		                "columns is required");
		return ENT_EFORMAT;
	}
	if (rc != ENT_OK) {
		if (rc == ENT_EINVAL || rc == ENT_ETOOBIG) {
			ent_diag_prefix(d, "line 1: header");
			rc = ENT_EFORMAT;
		}
		return rc;
	}
	st->ncols = ent__csv_nfields(c);
	if ((st->cols = calloc(st->ncols, sizeof(*st->cols))) == NULL)
		return ENT_ENOMEM;
	for (i = 0; i < st->ncols; i++) {
		if (!ent_utf8_valid(
		        ent__csv_field(c, i), ent__csv_field_len(c, i))) {
			ent_diag_set(
			    d, "line 1: column %zu: not valid UTF-8", i + 1);
			return ENT_EFORMAT;
		}
		if ((st->cols[i].header = ent_strdup(ent__csv_field(c, i))) ==
		    NULL)
			return ENT_ENOMEM;
		ent_trim(st->cols[i].header);
		if (classify(st->cols[i].header, &st->cols[i]) != ENT_OK) {
			ent_diag_set(d,
			    "line 1: unknown column '%.64s' (see "
			    "docs/formats.md for the columns)",
			    st->cols[i].header);
			return ENT_EFORMAT;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(st->cols[j].header, st->cols[i].header) ==
			    0) {
				ent_diag_set(d,
				    "line 1: column '%.64s' appears twice",
				    st->cols[i].header);
				return ENT_EFORMAT;
			}
		}
		if (st->cols[i].kind == COL_ID)
			st->id_col = i;
		else if (st->cols[i].kind == COL_SCHEMA)
			st->schema_col = i;
	}
	if (st->id_col == NO_COL) {
		ent_diag_set(d, "line 1: the header has no 'id' column");
		return ENT_EFORMAT;
	}
	return ENT_OK;
}

static int
csv_open(struct ent_reader *rd, struct ent_diag *d)
{
	struct csv_state *st;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return ENT_ENOMEM;
	ent__csv_init(&st->csv, rd->fp, ENT_LINE_MAX);
	st->id_col = st->schema_col = NO_COL;
	rd->state = st;
	/* rd->state is freed by close() whatever happens here. */
	return read_header(st, d);
}

/* Add one value to a property, reading country names as codes. */
static int
add_value(
    struct ent_record *r, const struct col *col, char *v, struct ent_diag *d)
{
	const struct ent_prop *p = ent_schema_prop(r->schema, col->prop);
	const char *code;

	ent_trim(v);
	if (*v == '\0')
		return ENT_OK;
	if (p != NULL && p->type == ENT_PT_COUNTRY) {
		if ((code = ent_country_from_name(v)) == NULL) {
			ent_diag_set(d,
			    "%s: '%.64s' is not a country code or name",
			    col->header, v);
			return ENT_EINVAL;
		}
		return ent_record_add(r, col->prop, code, d);
	}
	return ent_record_add(r, col->prop, v, d);
}

/* Fill r from cell (NUL-terminated, modifiable) of column col. */
static int
add_cell(
    struct ent_record *r, const struct col *col, char *cell, struct ent_diag *d)
{
	const struct ent_prop *p;
	char *v, *semi, **field;
	int rc;

	if (col->kind == COL_META) {
		ent_trim(cell);
		if (*cell == '\0')
			return ENT_OK;
		if (col->meta_date && ent_date_check(cell, d) != ENT_OK) {
			ent_diag_prefix(d, "%s", col->header);
			return ENT_EINVAL;
		}
		field = (char **)((char *)&r->meta + col->meta);
		return ent_meta_set(field, cell);
	}
	if ((p = ent_schema_prop(r->schema, col->prop)) == NULL) {
		ent_trim(cell);
		if (*cell == '\0')
			return ENT_OK; /* a column for other schemata */
		ent_diag_set(d, "%s: %s has no property '%s'", col->header,
		    r->schema->name, col->prop);
		return ENT_EINVAL;
	}
	/* Free text keeps its semicolons: they are punctuation there. */
	if (p->type == ENT_PT_TEXT)
		return add_value(r, col, cell, d);
	for (v = cell; v != NULL; v = semi) {
		if ((semi = strchr(v, ';')) != NULL)
			*semi++ = '\0';
		if ((rc = add_value(r, col, v, d)) != ENT_OK)
			return rc;
	}
	return ENT_OK;
}

static bool
blank_record(const struct ent_csv *c)
{
	size_t i;

	for (i = 0; i < ent__csv_nfields(c); i++)
		if (ent__csv_field_len(c, i) > 0)
			return false;
	return true;
}

static int
csv_row(struct csv_state *st, struct ent_record **out, struct ent_diag *d)
{
	struct ent_csv *c = &st->csv;
	struct ent_record *r = NULL;
	const char *schema = "Person";
	char *cell, *id;
	size_t i;
	int rc;

	if (ent__csv_nfields(c) != st->ncols) {
		ent_diag_set(d, "%zu fields where the header has %zu",
		    ent__csv_nfields(c), st->ncols);
		return ENT_EINVAL;
	}
	for (i = 0; i < st->ncols; i++) {
		if (!ent_utf8_valid(
		        ent__csv_field(c, i), ent__csv_field_len(c, i))) {
			ent_diag_set(
			    d, "%s: not valid UTF-8", st->cols[i].header);
			return ENT_EINVAL;
		}
	}
	id = ent__csv_field(c, st->id_col);
	ent_trim(id);
	if (st->schema_col != NO_COL) {
		cell = ent__csv_field(c, st->schema_col);
		if (*ent_trim(cell) != '\0')
			schema = cell;
	}
	if (*id == '\0') {
		ent_diag_set(d, "id: the id is empty");
		return ENT_EINVAL;
	}
	if ((rc = ent_record_new(id, schema, &r, d)) != ENT_OK)
		return rc;
	for (i = 0; i < st->ncols; i++) {
		if (st->cols[i].kind != COL_PROP &&
		    st->cols[i].kind != COL_META)
			continue;
		cell = ent__csv_field(c, i);
		if ((rc = add_cell(r, &st->cols[i], cell, d)) != ENT_OK)
			goto out;
	}
	if ((rc = ent_record_check(r, d)) != ENT_OK)
		goto out;
	*out = r;
	r = NULL;
out:
	ent_record_free(r);
	return rc;
}

static int
csv_next(struct ent_reader *rd, struct ent_record **out, long *line,
    struct ent_diag *d)
{
	struct csv_state *st = rd->state;
	int rc;

	*out = NULL;
	for (;;) {
		rc = ent__csv_next(&st->csv, line, d);
		if (rc == ENT_ENOTFOUND)
			return ENT_OK;
		if (rc != ENT_OK)
			return rc;
		if (!blank_record(&st->csv))
			break;
	}
	return csv_row(st, out, d);
}

static long long
csv_offset(const struct ent_reader *rd)
{
	const struct csv_state *st = rd->state;

	return st != NULL ? st->csv.offset : 0;
}

static void
csv_close(struct ent_reader *rd)
{
	struct csv_state *st = rd->state;
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->ncols; i++)
		free(st->cols[i].header);
	free(st->cols);
	ent__csv_fini(&st->csv);
	free(st);
	rd->state = NULL;
}

const struct reader_ops ent__csv_ops = {
    .open = csv_open,
    .next = csv_next,
    .offset = csv_offset,
    .close = csv_close,
};
