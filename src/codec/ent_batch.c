/* ent_batch.c - passenger lists for batch screening (CSV or JSON lines),
 * and the JSON string escaping the adapters share.
 *
 * Rows are checked here, once, for both the CLI and the HTTP API: a
 * birth date must be an ISO date, a nationality a country code or name, a
 * gender one of male/female/other.  Values are returned as the user wrote
 * them except the nationality, which is returned as its alpha-2 code. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codec_int.h"
#include "csv_int.h"
#include "ent_country.h"
#include "ent_err.h"
#include "ent_util.h"

#define BATCH_LINE_MAX (1u << 20) /* one passenger never needs more */
#define BATCH_VALUE_MAX 1024

enum col {
	COL_ID,
	COL_NAME,
	COL_SCHEMA,
	COL_BIRTH,
	COL_NAT,
	COL_GENDER,
	COL_DOCNUM,
	COL_DOCCC,
	COL__N
};

static const char *const col_names[COL__N] = {"id", "name", "schema",
    "birth_date", "nationality", "gender", "document_number",
    "document_country"};

struct ent_batch_reader {
	FILE *fp;
	char *name;
	bool json;
	struct ent_csv csv;
	int colidx[COL__N]; /* CSV: field index of each column, -1 absent */
	struct ent_buf line;
	long lineno;
	json_t *row; /* JSON: the current row, owning the strings */
	char natbuf[3];
	char idbuf[64];
};

int
ent_json_str(struct ent_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	/* The short escapes JSON has; everything else below 0x20 is \u00XX. */
	static const char shortesc[32] = {['\b'] = 'b',
	    ['\f'] = 'f',
	    ['\n'] = 'n',
	    ['\r'] = 'r',
	    ['\t'] = 't'};
	const unsigned char *p, *run;
	int r = ent_buf_addc(b, '"');

	/* Copy runs of plain bytes in one call; escape the rest. */
	for (p = run = (const unsigned char *)s; r == ENT_OK; p++) {
		if (*p != '\0' && *p != '"' && *p != '\\' && *p >= 0x20)
			continue;
		r = ent_buf_add(b, run, (size_t)(p - run));
		if (r != ENT_OK || *p == '\0')
			break;
		if (*p == '"' || *p == '\\') {
			char esc[2] = {'\\', (char)*p};

			r = ent_buf_add(b, esc, 2);
		} else if (shortesc[*p] != 0) {
			char esc[2] = {'\\', shortesc[*p]};

			r = ent_buf_add(b, esc, 2);
		} else {
			char esc[6] = {
			    '\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};

			r = ent_buf_add(b, esc, 6);
		}
		run = p + 1;
	}
	return r == ENT_OK ? ent_buf_addc(b, '"') : r;
}

static int
csv_header(struct ent_batch_reader *br, struct ent_diag *d)
{
	size_t i, k;
	long start;
	int r;

	if ((r = ent__csv_next(&br->csv, &start, d)) != ENT_OK) {
		if (r == ENT_ENOTFOUND)
			ent_diag_set(d, "%s: the file is empty", br->name);
		else
			ent_diag_prefix(d, "%s:%ld", br->name, start);
		return r == ENT_ENOTFOUND ? ENT_EINVAL : ENT_EFORMAT;
	}
	for (k = 0; k < COL__N; k++)
		br->colidx[k] = -1;
	for (i = 0; i < ent__csv_nfields(&br->csv); i++) {
		const char *f = ent__csv_field(&br->csv, i);

		for (k = 0; k < COL__N; k++)
			if (strcasecmp(f, col_names[k]) == 0)
				br->colidx[k] = (int)i;
	}
	if (br->colidx[COL_ID] < 0 || br->colidx[COL_NAME] < 0) {
		ent_diag_set(d,
		    "%s:1: the header must name the columns 'id' and 'name' "
		    "(optional: schema, birth_date, nationality, gender, "
		    "document_number, document_country)",
		    br->name);
		return ENT_EFORMAT;
	}
	br->lineno = br->csv.line;
	return ENT_OK;
}

int
ent_batch_open(FILE *fp, const char *name, struct ent_batch_reader **out,
    struct ent_diag *d)
{
	struct ent_batch_reader *br;
	int c, r;

	if ((br = calloc(1, sizeof(*br))) == NULL)
		return ENT_ENOMEM;
	br->fp = fp;
	ent_buf_init(&br->line, BATCH_LINE_MAX);
	if ((br->name = ent_strdup(name)) == NULL) {
		r = ENT_ENOMEM;
		goto fail;
	}
	while ((c = getc(fp)) == ' ' || c == '\t' || c == '\r' || c == '\n')
		;
	if (c == EOF) {
		ent_diag_set(d, "%s: the file is empty", name);
		r = ENT_EINVAL;
		goto fail;
	}
	br->json = c == '{';
	if (fseek(fp, 0, SEEK_SET) != 0) {
		/* A pipe: the byte we looked at goes back. */
		ungetc(c, fp);
	}
	if (!br->json) {
		ent__csv_init(&br->csv, fp, BATCH_LINE_MAX);
		if ((r = csv_header(br, d)) != ENT_OK)
			goto fail;
	}
	*out = br;
	return ENT_OK;
fail:
	ent_batch_close(br);
	return r;
}

/* Check and normalise the fields every format shares. */
static int
check_row(
    struct ent_batch_reader *br, struct ent_passenger *p, struct ent_diag *d)
{
	const char *vals[COL__N] = {p->id, p->name, p->schema, p->birth_date,
	    p->nationality, p->gender, p->document_number, p->document_country};
	const char *cc;
	size_t k;

	for (k = 0; k < COL__N; k++) {
		if (vals[k] == NULL)
			continue;
		if (strlen(vals[k]) > BATCH_VALUE_MAX) {
			ent_diag_set(d, "%s: longer than %d bytes",
			    col_names[k], BATCH_VALUE_MAX);
			return ENT_ETOOBIG;
		}
		if (!ent_utf8_valid(vals[k], strlen(vals[k]))) {
			ent_diag_set(d, "%s: not valid UTF-8", col_names[k]);
			return ENT_EINVAL;
		}
	}
	if (p->id == NULL || *p->id == '\0') {
		ent_diag_set(d, "id: missing");
		return ENT_EINVAL;
	}
	if (p->name == NULL || *p->name == '\0') {
		ent_diag_set(d, "name: missing");
		return ENT_EINVAL;
	}
	if (p->schema != NULL && *p->schema == '\0')
		p->schema = NULL;
	if (p->schema != NULL && ent_schema_get(p->schema) == NULL) {
		ent_diag_set(d, "schema: unknown schema '%.64s'", p->schema);
		return ENT_EINVAL;
	}
	if (p->birth_date != NULL && *p->birth_date == '\0')
		p->birth_date = NULL;
	if (p->birth_date != NULL && ent_date_check(p->birth_date, d)) {
		ent_diag_prefix(d, "birth_date");
		return ENT_EINVAL;
	}
	if (p->nationality != NULL && *p->nationality != '\0') {
		if ((cc = ent_country_from_name(p->nationality)) == NULL) {
			ent_diag_set(d, "nationality: unknown country '%.64s'",
			    p->nationality);
			return ENT_EINVAL;
		}
		memcpy(br->natbuf, cc, 2);
		br->natbuf[2] = '\0';
		p->nationality = br->natbuf;
	} else {
		p->nationality = NULL;
	}
	if (p->gender != NULL && *p->gender == '\0')
		p->gender = NULL;
	if (p->gender != NULL && strcasecmp(p->gender, "male") &&
	    strcasecmp(p->gender, "female") && strcasecmp(p->gender, "other") &&
	    strcasecmp(p->gender, "m") && strcasecmp(p->gender, "f")) {
		ent_diag_set(d, "gender: '%.16s' is not male, female or other",
		    p->gender);
		return ENT_EINVAL;
	}
	if (p->document_number != NULL && *p->document_number == '\0')
		p->document_number = NULL;
	if (p->document_country != NULL && *p->document_country == '\0')
		p->document_country = NULL;
	return ENT_OK;
}

static int
next_csv(struct ent_batch_reader *br, struct ent_passenger *p, long *line,
    struct ent_diag *d)
{
	const char **slots[COL__N] = {&p->id, &p->name, &p->schema,
	    &p->birth_date, &p->nationality, &p->gender, &p->document_number,
	    &p->document_country};
	size_t k, nf;
	int r;

	r = ent__csv_next(&br->csv, line, d);
	if (r != ENT_OK)
		return r;
	nf = ent__csv_nfields(&br->csv);
	for (k = 0; k < COL__N; k++)
		if (br->colidx[k] >= 0 && (size_t)br->colidx[k] < nf)
			*slots[k] = ent__csv_field(&br->csv, br->colidx[k]);
	if (nf == 1 && *ent__csv_field(&br->csv, 0) == '\0')
		return next_csv(br, p, line, d); /* a blank line */
	return ENT_OK;
}

static const char *
json_field(struct ent_batch_reader *br, const char *key, int *bad)
{
	json_t *v = json_object_get(br->row, key);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v) && strcmp(key, "id") == 0) {
		snprintf(br->idbuf, sizeof(br->idbuf), "%lld",
		    (long long)json_integer_value(v));
		return br->idbuf;
	}
	*bad = 1;
	return NULL;
}

static int
next_json(struct ent_batch_reader *br, struct ent_passenger *p, long *line,
    struct ent_diag *d)
{
	const char **slots[COL__N] = {&p->id, &p->name, &p->schema,
	    &p->birth_date, &p->nationality, &p->gender, &p->document_number,
	    &p->document_country};
	json_error_t err;
	size_t k;
	int r, bad = 0;

	do {
		r = ent__read_line(
		    br->fp, &br->line, BATCH_LINE_MAX, &br->lineno);
		*line = br->lineno;
		if (r == ENT_ETOOBIG) {
			ent_diag_set(
			    d, "line longer than %u bytes", BATCH_LINE_MAX);
			return r;
		}
		if (r != ENT_OK)
			return r;
	} while (ent_buf_len(&br->line) == 0);
	json_decref(br->row);
	br->row = json_loadb(
	    br->line.data, br->line.len, JSON_REJECT_DUPLICATES, &err);
	if (br->row == NULL) {
		ent_diag_set(
		    d, "bad JSON at column %d: %s", err.column, err.text);
		return ENT_EINVAL;
	}
	if (!json_is_object(br->row)) {
		ent_diag_set(d, "expected a JSON object");
		return ENT_EINVAL;
	}
	for (k = 0; k < COL__N; k++) {
		*slots[k] = json_field(br, col_names[k], &bad);
		if (bad) {
			ent_diag_set(d, "%s: expected a string", col_names[k]);
			return ENT_EINVAL;
		}
	}
	return ENT_OK;
}

int
ent_batch_next(struct ent_batch_reader *br, struct ent_passenger *p, long *line,
    struct ent_diag *d)
{
	int r;

	memset(p, 0, sizeof(*p));
	*line = 0;
	r = br->json ? next_json(br, p, line, d) : next_csv(br, p, line, d);
	if (r != ENT_OK)
		return r;
	return check_row(br, p, d);
}

void
ent_batch_close(struct ent_batch_reader *br)
{
	if (br == NULL)
		return;
	if (!br->json)
		ent__csv_fini(&br->csv);
	json_decref(br->row);
	ent_buf_fini(&br->line);
	free(br->name);
	free(br);
}
