/* ent_unxml.c - the UN Security Council Consolidated List XML
 * (https://www.un.org/sc/resources/sc-sanctions.xsd; docs/formats.md,
 * "UN XML").  libxml2 lives here.
 *
 * The file is streamed with xmlTextReader: each INDIVIDUAL or ENTITY
 * element is expanded into a small tree, mapped, and freed as the reader
 * moves on, so memory stays bounded by the largest element.  One element
 * may give several records (a person and its documents); they wait in a
 * queue in the state.
 *
 * Safety: no network (XML_PARSE_NONET), no entity substitution and no DTD
 * loading (neither option is given), and a document type declaration is
 * refused outright: the UN file has none, and refusing it closes the door
 * on external entities and on entity expansion bombs alike. */
#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codec_int.h"
#include "ent_country.h"
#include "ent_err.h"
#include "ent_util.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The most years a FROM_YEAR..TO_YEAR range expands to. */
#define YEARS_MAX 20

struct unxml_state {
	xmlTextReaderPtr xr;
	FILE *fp;         /* borrowed from the reader */
	long long offset; /* bytes handed to libxml2 */
	bool positioned;  /* xr already stands on an unread node */
	bool seen_root;
	char err[256]; /* libxml2's first error */
	long err_line;
	struct ent_record **queue; /* records waiting to be returned */
	size_t qhead, qlen, qcap;
	long qline; /* where the queued records' element starts */
};

/* ---- libxml2 plumbing ----------------------------------------------- */

static int
read_cb(void *ctx, char *buf, int len)
{
	struct unxml_state *st = ctx;
	size_t n = fread(buf, 1, (size_t)len, st->fp);

	if (n == 0 && ferror(st->fp))
		return -1;
	st->offset += (long long)n;
	return (int)n;
}

#if LIBXML_VERSION >= 21200
#define XML_ERR_CONST const
#else
#define XML_ERR_CONST
#endif

/* Keep the first error with its line; warnings are not our business. */
static void
error_cb(void *ctx, XML_ERR_CONST xmlError *e)
{
	struct unxml_state *st = ctx;
	size_t n;

	if (e == NULL || e->level < XML_ERR_ERROR || st->err[0] != '\0')
		return;
	snprintf(st->err, sizeof(st->err), "%s",
	    e->message != NULL ? e->message : "malformed XML");
	n = strlen(st->err);
	while (n > 0 && (st->err[n - 1] == '\n' || st->err[n - 1] == ' '))
		st->err[--n] = '\0';
	st->err_line = e->line;
}

static bool
is(const xmlNode *n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	       strcmp((const char *)n->name, name) == 0;
}

/* The first child element of n called name, or NULL. */
static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode *c;

	for (c = n->children; c != NULL; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* The text of n, trimmed, malloc'd (free()), NULL if empty.  The UN writes
 * "na" for "not available" in name parts and nationalities: NULL too.
 * ENT_ENOMEM in *rc on failure. */
static char *
text(const xmlNode *n, int *rc)
{
	xmlChar *x;
	char *s;

	if (n == NULL)
		return NULL;
	if ((x = xmlNodeGetContent(n)) == NULL)
		return NULL;
	s = ent_strdup((const char *)x);
	xmlFree(x);
	if (s == NULL) {
		*rc = ENT_ENOMEM;
		return NULL;
	}
	ent_trim(s);
	if (*s == '\0' || strcmp(s, "na") == 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* The text of n's child called name. */
static char *
text_of(const xmlNode *n, const char *name, int *rc)
{
	return text(child(n, name), rc);
}

/* ---- adding values -------------------------------------------------- */

/* "label: value" into notes: where what the list says goes when no
 * property can hold it, so that nothing vanishes. */
static int
add_note(struct ent_record *r, const char *label, const char *v)
{
	struct ent_buf b;
	int rc;

	if (v == NULL)
		return ENT_OK;
	ent_buf_init(&b, ENT_VALUE_MAX);
	if ((rc = ent_buf_printf(&b, "%s: %s", label, v)) == ENT_OK)
		rc = ent_record_add(r, "notes", ent_buf_str(&b), NULL);
	ent_buf_fini(&b);
	/* Over the value limit: the one loss we accept, 64 KiB of note. */
	return rc == ENT_ETOOBIG ? ENT_OK : rc;
}

/* Add a value; one the model rejects goes to notes as "label: value"
 * rather than sinking the record (a list entry with a malformed date is
 * still a listed person). */
static int
add(struct ent_record *r, const char *prop, const char *v, const char *label)
{
	int rc;

	if (v == NULL)
		return ENT_OK;
	rc = ent_record_add(r, prop, v, NULL);
	if (rc != ENT_EINVAL && rc != ENT_ETOOBIG)
		return rc;
	return add_note(r, label, v);
}

/* A country name into prop, or to notes as "label: name". */
static int
add_country(
    struct ent_record *r, const char *prop, const char *name, const char *label)
{
	const char *code;

	if (name == NULL)
		return ENT_OK;
	if ((code = ent_country_from_name(name)) != NULL)
		return add(r, prop, code, label);
	return add_note(r, label, name);
}

/* The UN writes full dates as YYYY-MM-DD and sometimes leaves the day or
 * month as 00: keep what is known. */
static int
add_date(struct ent_record *r, const char *prop, char *v, const char *label)
{
	size_t n;

	if (v == NULL)
		return ENT_OK;
	n = strlen(v);
	/* "2015-07-01-04:00": a date with a zone offset; the day is enough. */
	if (n > 10 && (v[10] == '-' || v[10] == '+' || v[10] == 'Z'))
		v[n = 10] = '\0';
	if (n == 10 && strcmp(v + 7, "-00") == 0)
		v[n = 7] = '\0';
	if (n == 7 && strcmp(v + 4, "-00") == 0)
		v[4] = '\0';
	return add(r, prop, v, label);
}

/* Every VALUE under n's children called name (TITLE/VALUE, ...). */
static int
add_values(struct ent_record *r, const xmlNode *n, const char *name,
    const char *prop, bool country, const char *label)
{
	const xmlNode *c, *v;
	char *s;
	int rc = ENT_OK;

	for (c = n->children; c != NULL && rc == ENT_OK; c = c->next) {
		if (!is(c, name))
			continue;
		for (v = c->children; v != NULL && rc == ENT_OK; v = v->next) {
			if (!is(v, "VALUE") || (s = text(v, &rc)) == NULL)
				continue;
			rc = country ? add_country(r, prop, s, label)
			             : add(r, prop, s, label);
			free(s);
		}
	}
	return rc;
}

/* The non-empty texts of n's children called names[], joined by sep, into
 * b (reset first). */
static int
join(struct ent_buf *b, const xmlNode *n, const char *const *names,
    const char *sep)
{
	char *s;
	int rc = ENT_OK;

	ent_buf_reset(b);
	for (; *names != NULL && rc == ENT_OK; names++) {
		if ((s = text_of(n, *names, &rc)) == NULL)
			continue;
		if (ent_buf_len(b) > 0)
			rc = ent_buf_adds(b, sep);
		if (rc == ENT_OK)
			rc = ent_buf_adds(b, s);
		free(s);
	}
	return rc;
}

/* ---- mapping an element ---------------------------------------------- */

struct build {
	struct unxml_state *st;
	struct ent_record *r;     /* the person or organisation */
	const char *person_label; /* "Person" or "Organization" */
	struct ent_buf b;         /* scratch */
	int ndocs;
};

static int
push(struct unxml_state *st, struct ent_record *r)
{
	struct ent_record **q;

	if (st->qlen == st->qcap) {
		if ((q = realloc(st->queue,
		         (st->qcap ? st->qcap * 2 : 8) * sizeof(*q))) == NULL)
			return ENT_ENOMEM;
		st->queue = q;
		st->qcap = st->qcap ? st->qcap * 2 : 8;
	}
	st->queue[st->qlen++] = r;
	return ENT_OK;
}

/* FIRST_NAME..FOURTH_NAME: the full name, firstName, and lastName (the
 * last part) when there are several parts. */
static int
person_names(struct build *bd, const xmlNode *el, struct ent_diag *d)
{
	static const char *const parts[] = {
	    "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", NULL};
	char *p[4] = {NULL, NULL, NULL, NULL};
	const char *last = NULL;
	int rc = ENT_OK, i, np = 0;

	for (i = 0; i < 4 && rc == ENT_OK; i++)
		if ((p[i] = text_of(el, parts[i], &rc)) != NULL) {
			np++;
			if (i > 0)
				last = p[i];
		}
	if (rc == ENT_OK)
		rc = join(&bd->b, el, parts, " ");
	if (rc == ENT_OK && ent_buf_len(&bd->b) > 0)
		rc = ent_record_add(bd->r, "name", ent_buf_str(&bd->b), d);
	if (rc == ENT_OK)
		rc = add(bd->r, "firstName", p[0], "First name");
	if (rc == ENT_OK && np > 1)
		rc = add(bd->r, "lastName", last, "Last name");
	for (i = 0; i < 4; i++)
		free(p[i]);
	return rc;
}

/* QUALITY -> the property an alias goes to; anything else is an alias. */
static const struct {
	const char *quality, *prop;
} alias_quality[] = {
    {"Good", "alias"},
    {"a.k.a.", "alias"},
    {"Low", "weakAlias"},
    {"f.k.a.", "previousName"},
};

/* Add each spelling of an ALIAS_NAME.  The list sometimes packs several
 * spellings into one alias ("Azim Adhajani; Azim Agha-Jani"): each is a
 * name of its own for screening, never one name of five words.  An alias
 * is what screening matches on: one the model rejects makes the record
 * bad rather than quietly missing. */
static int
add_spellings(struct ent_record *r, const char *prop, const char *name,
    struct ent_diag *d)
{
	char *copy = ent_strdup(name), *p = copy, *semi;
	int rc = ENT_OK;

	if (copy == NULL)
		return ENT_ENOMEM;
	do {
		char *end;

		if ((semi = strchr(p, ';')) != NULL)
			*semi = '\0';
		while (*p == ' ')
			p++;
		end = p + strlen(p);
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		if (*p != '\0' &&
		    (rc = ent_record_add(r, prop, p, d)) != ENT_OK)
			ent_diag_prefix(d, "alias");
		if (semi != NULL)
			p = semi + 1;
	} while (rc == ENT_OK && semi != NULL);
	free(copy);
	return rc;
}

static int
alias(struct build *bd, const xmlNode *a, struct ent_diag *d)
{
	static const char *const place[] = {
	    "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH", NULL};
	char *name, *q = NULL, *note = NULL, *dob = NULL, *cob = NULL;
	const char *prop = "alias";
	size_t i;
	int rc = ENT_OK;

	if ((name = text_of(a, "ALIAS_NAME", &rc)) == NULL)
		return rc;
	if ((q = text_of(a, "QUALITY", &rc)) != NULL)
		for (i = 0; i < N(alias_quality); i++)
			if (strcasecmp(q, alias_quality[i].quality) == 0)
				prop = alias_quality[i].prop;
	if (rc == ENT_OK)
		rc = add_spellings(bd->r, prop, name, d);
	if (rc == ENT_OK && (note = text_of(a, "NOTE", &rc)) != NULL)
		rc = add_note(bd->r, name, note);
	if (rc == ENT_OK && (dob = text_of(a, "DATE_OF_BIRTH", &rc)) != NULL)
		rc = add_date(bd->r, "birthDate", dob, "Date of birth");
	if (rc == ENT_OK)
		rc = join(&bd->b, a, place, ", ");
	if (rc == ENT_OK && ent_buf_len(&bd->b) > 0)
		rc = add(
		    bd->r, "birthPlace", ent_buf_str(&bd->b), "Place of birth");
	if (rc == ENT_OK && (cob = text_of(a, "COUNTRY_OF_BIRTH", &rc)) != NULL)
		rc =
		    add_country(bd->r, "birthCountry", cob, "Country of birth");
	free(name);
	free(q);
	free(note);
	free(dob);
	free(cob);
	return rc;
}

static int
address(struct build *bd, const xmlNode *a)
{
	static const char *const parts[] = {
	    "STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", NULL};
	char *country = NULL, *note = NULL;
	int rc;

	if ((rc = join(&bd->b, a, parts, ", ")) != ENT_OK)
		return rc;
	if (ent_buf_len(&bd->b) > 0)
		rc = add(bd->r, "address", ent_buf_str(&bd->b), "Address");
	if (rc == ENT_OK && (country = text_of(a, "COUNTRY", &rc)) != NULL)
		rc = add_country(bd->r, "country", country, "Country");
	if (rc == ENT_OK && (note = text_of(a, "NOTE", &rc)) != NULL)
		rc = add_note(bd->r, "Address note", note);
	free(country);
	free(note);
	return rc;
}

static int
birth_date(struct build *bd, const xmlNode *e)
{
	char *date = NULL, *year = NULL, *from = NULL, *to = NULL;
	char *note = NULL, ybuf[8];
	int64_t y1, y2, y;
	int rc = ENT_OK;

	if ((date = text_of(e, "DATE", &rc)) != NULL)
		rc = add_date(bd->r, "birthDate", date, "Date of birth");
	if (rc == ENT_OK && (year = text_of(e, "YEAR", &rc)) != NULL)
		rc = add(bd->r, "birthDate", year, "Year of birth");
	if (rc == ENT_OK && (from = text_of(e, "FROM_YEAR", &rc)) != NULL &&
	    (to = text_of(e, "TO_YEAR", &rc)) != NULL) {
		if (ent_parse_i64(from, 1000, 2999, &y1) == ENT_OK &&
		    ent_parse_i64(to, y1, y1 + YEARS_MAX - 1, &y2) == ENT_OK) {
			for (y = y1; y <= y2 && rc == ENT_OK; y++) {
				snprintf(ybuf, sizeof(ybuf), "%04d", (int)y);
				rc = add(
				    bd->r, "birthDate", ybuf, "Year of birth");
			}
		} else {
			rc = ent_buf_printf(&bd->b, "%s to %s", from, to);
			if (rc == ENT_OK)
				rc = add_note(
				    bd->r, "Born between", ent_buf_str(&bd->b));
			ent_buf_reset(&bd->b);
		}
	}
	if (rc == ENT_OK && (note = text_of(e, "NOTE", &rc)) != NULL)
		rc = add_note(bd->r, "Date of birth", note);
	free(date);
	free(year);
	free(from);
	free(to);
	free(note);
	return rc;
}

static int
birth_place(struct build *bd, const xmlNode *e)
{
	static const char *const parts[] = {
	    "STREET", "CITY", "STATE_PROVINCE", "COUNTRY", NULL};
	char *country = NULL, *note = NULL;
	int rc;

	if ((rc = join(&bd->b, e, parts, ", ")) != ENT_OK)
		return rc;
	if (ent_buf_len(&bd->b) > 0)
		rc = add(
		    bd->r, "birthPlace", ent_buf_str(&bd->b), "Place of birth");
	if (rc == ENT_OK && (country = text_of(e, "COUNTRY", &rc)) != NULL)
		rc = add_country(
		    bd->r, "birthCountry", country, "Country of birth");
	if (rc == ENT_OK && (note = text_of(e, "NOTE", &rc)) != NULL)
		rc = add_note(bd->r, "Place of birth", note);
	free(country);
	free(note);
	return rc;
}

/* Document types that are passports, in the list's three languages. */
static const char *const passport_words[] = {
    "passport", "pasaporte", "passeport", NULL};

static bool
is_passport(const char *type)
{
	const char *const *w;
	size_t n, i;

	if (type == NULL)
		return false;
	for (w = passport_words; *w != NULL; w++) {
		n = strlen(*w);
		for (i = 0; type[i] != '\0'; i++)
			if (strncasecmp(type + i, *w, n) == 0)
				return true;
	}
	return false;
}

/* A document: passportNumber or idNumber on the person, and a Passport or
 * Identification record of its own. */
static int
document(struct build *bd, const xmlNode *e, struct ent_diag *d)
{
	static const char *const types[] = {
	    "TYPE_OF_DOCUMENT", "TYPE_OF_DOCUMENT2", NULL};
	char *number = NULL, *country = NULL, *issued = NULL, *city = NULL;
	char *note = NULL, *type = NULL, id[ENT_ID_MAX + 1];
	struct ent_record *doc = NULL;
	bool passport;
	int rc;

	if ((rc = join(&bd->b, e, types, " / ")) != ENT_OK)
		return rc;
	if (ent_buf_len(&bd->b) > 0 &&
	    (type = ent_strdup(ent_buf_str(&bd->b))) == NULL)
		return ENT_ENOMEM;
	passport = is_passport(type);
	if ((number = text_of(e, "NUMBER", &rc)) == NULL && rc == ENT_OK) {
		/* No number: what the list says is kept as a note. */
		if ((note = text_of(e, "NOTE", &rc)) != NULL || type != NULL) {
			ent_buf_reset(&bd->b);
			rc = ent_buf_printf(&bd->b, "%s%s%s",
			    type != NULL ? type : "", note && type ? ": " : "",
			    note != NULL ? note : "");
			if (rc == ENT_OK)
				rc = add_note(
				    bd->r, "Document", ent_buf_str(&bd->b));
		}
		goto out;
	}
	if (rc != ENT_OK)
		goto out;
	if ((rc = add(bd->r, passport ? "passportNumber" : "idNumber", number,
	         "Document number")) != ENT_OK)
		goto out;
	snprintf(id, sizeof(id), "%s-doc-%d", bd->r->id, ++bd->ndocs);
	if ((rc = ent_record_new(id, passport ? "Passport" : "Identification",
	         &doc, d)) != ENT_OK ||
	    (rc = ent_record_add(doc, "holder", bd->r->id, d)) != ENT_OK ||
	    (rc = ent_record_add(doc, "number", number, d)) != ENT_OK ||
	    (rc = add(doc, "type", type, "Type")) != ENT_OK)
		goto out;
	if ((country = text_of(e, "ISSUING_COUNTRY", &rc)) == NULL &&
	    rc == ENT_OK)
		country = text_of(e, "COUNTRY_OF_ISSUE", &rc);
	if (rc == ENT_OK)
		rc = add_country(doc, "country", country, "Issuing country");
	if (rc == ENT_OK && (issued = text_of(e, "DATE_OF_ISSUE", &rc)) != NULL)
		rc = add_date(doc, "startDate", issued, "Date of issue");
	if (rc == ENT_OK && (city = text_of(e, "CITY_OF_ISSUE", &rc)) != NULL)
		rc = add_note(doc, "City of issue", city);
	if (rc == ENT_OK && (note = text_of(e, "NOTE", &rc)) != NULL)
		rc = add(doc, "notes", note, "Note");
	if (rc == ENT_OK)
		rc = push(bd->st, doc);
	if (rc == ENT_OK)
		doc = NULL;
out:
	ent_record_free(doc);
	free(type);
	free(number);
	free(country);
	free(issued);
	free(city);
	free(note);
	return rc;
}

/* Children of the element handled by a function, by element name. */
typedef int (*part_fn)(struct build *bd, const xmlNode *n, struct ent_diag *d);

static int
alias_part(struct build *bd, const xmlNode *n, struct ent_diag *d)
{
	return alias(bd, n, d);
}

static int
address_part(struct build *bd, const xmlNode *n, struct ent_diag *d)
{
	(void)d;
	return address(bd, n);
}

static int
dob_part(struct build *bd, const xmlNode *n, struct ent_diag *d)
{
	(void)d;
	return birth_date(bd, n);
}

static int
pob_part(struct build *bd, const xmlNode *n, struct ent_diag *d)
{
	(void)d;
	return birth_place(bd, n);
}

static const struct {
	const char *name;
	part_fn fn;
} parts[] = {
    {"INDIVIDUAL_ALIAS", alias_part},
    {"ENTITY_ALIAS", alias_part},
    {"INDIVIDUAL_ADDRESS", address_part},
    {"ENTITY_ADDRESS", address_part},
    {"INDIVIDUAL_DATE_OF_BIRTH", dob_part},
    {"INDIVIDUAL_PLACE_OF_BIRTH", pob_part},
    {"INDIVIDUAL_DOCUMENT", document},
};

/* Single-valued children that map to one property ("" notes label means
 * the value is added as is). */
static const struct {
	const char *name, *prop, *label;
} simple[] = {
    {"NAME_ORIGINAL_SCRIPT", "name", "Name in original script"},
    {"GENDER", "gender", "Gender"},
    {"COMMENTS1", "notes", "Comments"},
    {"UN_LIST_TYPE", "program", "UN list"},
};

/* Map one INDIVIDUAL (person) or ENTITY element into bd->r, queueing any
 * document records after it. */
static int
map_element(
    struct build *bd, const xmlNode *el, bool person, struct ent_diag *d)
{
	const xmlNode *c;
	char *s;
	size_t i;
	int rc = ENT_OK;

	if (person)
		rc = person_names(bd, el, d);
	else if ((s = text_of(el, "FIRST_NAME", &rc)) != NULL) {
		rc = ent_record_add(bd->r, "name", s, d);
		free(s);
	}
	for (i = 0; i < N(simple) && rc == ENT_OK; i++) {
		if ((s = text_of(el, simple[i].name, &rc)) == NULL)
			continue;
		rc = add(bd->r, simple[i].prop, s, simple[i].label);
		free(s);
	}
	if (rc == ENT_OK &&
	    (s = text_of(el, "REFERENCE_NUMBER", &rc)) != NULL) {
		rc = add_note(bd->r, "UN reference number", s);
		free(s);
	}
	if (rc == ENT_OK && (s = text_of(el, "LISTED_ON", &rc)) != NULL) {
		rc = add_date(bd->r, "createdAt", s, "Listed on");
		free(s);
	}
	if (rc == ENT_OK)
		rc = add_values(bd->r, el, "TITLE", "title", false, "Title");
	if (rc == ENT_OK)
		rc = add_values(
		    bd->r, el, "DESIGNATION", "position", false, "Designation");
	if (rc == ENT_OK)
		rc = add_values(bd->r, el, "NATIONALITY", "nationality", true,
		    "Nationality");
	if (rc == ENT_OK)
		rc = add_values(bd->r, el, "LAST_DAY_UPDATED", "modifiedAt",
		    false, "Last updated");
	for (c = el->children; c != NULL && rc == ENT_OK; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; i < N(parts); i++)
			if (is(c, parts[i].name))
				break;
		if (i < N(parts))
			rc = parts[i].fn(bd, c, d);
	}
	if (rc == ENT_OK)
		rc = ent_record_add(bd->r, "topics", "sanction", d);
	return rc;
}

static void
queue_clear(struct unxml_state *st)
{
	while (st->qhead < st->qlen)
		ent_record_free(st->queue[st->qhead++]);
	st->qhead = st->qlen = 0;
}

/* Map el into the queue: the main record first, then its documents. */
static int
element(
    struct unxml_state *st, const xmlNode *el, bool person, struct ent_diag *d)
{
	struct build bd;
	char *dataid, id[ENT_ID_MAX + 1];
	int rc = ENT_OK;

	memset(&bd, 0, sizeof(bd));
	bd.st = st;
	ent_buf_init(&bd.b, ENT_VALUE_MAX);
	queue_clear(st);
	if ((rc = push(st, NULL)) != ENT_OK) /* the main record's slot */
		goto out;
	if ((dataid = text_of(el, "DATAID", &rc)) == NULL) {
		if (rc == ENT_OK) {
			ent_diag_set(d, "%s without a DATAID",
			    person ? "INDIVIDUAL" : "ENTITY");
			rc = ENT_EINVAL;
		}
		goto out;
	}
	snprintf(id, sizeof(id), "unsc-%.200s", dataid);
	free(dataid);
	if ((rc = ent_record_new(
	         id, person ? "Person" : "Organization", &bd.r, d)) != ENT_OK)
		goto out;
	if ((rc = map_element(&bd, el, person, d)) != ENT_OK ||
	    (rc = ent_record_check(bd.r, d)) != ENT_OK)
		goto out;
	st->queue[0] = bd.r;
	bd.r = NULL;
out:
	if (rc != ENT_OK)
		queue_clear(st);
	ent_record_free(bd.r);
	ent_buf_fini(&bd.b);
	return rc;
}

/* ---- the reader ----------------------------------------------------- */

static int
format_error(struct unxml_state *st, long *line, struct ent_diag *d)
{
	long l = st->err_line > 0 ? st->err_line
	                          : xmlTextReaderGetParserLineNumber(st->xr);

	if (line != NULL)
		*line = l;
	ent_diag_set(d, "line %ld: %s", l,
	    st->err[0] != '\0' ? st->err : "malformed or truncated XML");
	return ENT_EFORMAT;
}

/* Move to the next node: 1 on one, 0 at the end, -1 on an error. */
static int
advance(struct unxml_state *st)
{
	if (st->positioned) {
		st->positioned = false;
		return 1;
	}
	return xmlTextReaderRead(st->xr);
}

/* Read on to the next element at depth <= 2 we care about, checking the
 * root on the way.  1 with xr on it, 0 at the end, ENT_EFORMAT. */
static int
seek_element(struct unxml_state *st, long *line, struct ent_diag *d)
{
	const char *name;
	int ret, depth;

	while ((ret = advance(st)) == 1) {
		switch (xmlTextReaderNodeType(st->xr)) {
		case XML_READER_TYPE_DOCUMENT_TYPE:
			st->err_line = xmlTextReaderGetParserLineNumber(st->xr);
			snprintf(st->err, sizeof(st->err),
			    "a document type declaration (DOCTYPE) is not "
			    "allowed");
			return format_error(st, line, d);
		case XML_READER_TYPE_ELEMENT:
			break;
		default:
			continue;
		}
		name = (const char *)xmlTextReaderConstName(st->xr);
		depth = xmlTextReaderDepth(st->xr);
		if (depth == 0) {
			if (strcmp(name, "CONSOLIDATED_LIST") != 0) {
				st->err_line =
				    xmlTextReaderGetParserLineNumber(st->xr);
				snprintf(st->err, sizeof(st->err),
				    "the root element is <%.64s>, not "
				    "<CONSOLIDATED_LIST>",
				    name);
				return format_error(st, line, d);
			}
			st->seen_root = true;
			return 1;
		}
		if (depth == 2 && (strcmp(name, "INDIVIDUAL") == 0 ||
		                      strcmp(name, "ENTITY") == 0))
			return 1;
	}
	if (ret < 0 || st->err[0] != '\0')
		return format_error(st, line, d);
	return 0;
}

static int
unxml_open(struct ent_reader *rd, struct ent_diag *d)
{
	struct unxml_state *st;
	int ret;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return ENT_ENOMEM;
	rd->state = st; /* freed by close() whatever happens here */
	st->fp = rd->fp;
	/* No XML_PARSE_NOENT (entities stay unexpanded) and no DTDLOAD. */
	st->xr = xmlReaderForIO(read_cb, NULL, st, rd->name, NULL,
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	if (st->xr == NULL)
		return ENT_ENOMEM;
	xmlTextReaderSetStructuredErrorHandler(st->xr, error_cb, st);
	/* Reach the root now, so a file that is no UN list fails at open. */
	if ((ret = seek_element(st, NULL, d)) < 0)
		return ret;
	if (ret == 0 || !st->seen_root) {
		ent_diag_set(d, "line 1: no <CONSOLIDATED_LIST> element");
		return ENT_EFORMAT;
	}
	return ENT_OK;
}

static int
unxml_next(struct ent_reader *rd, struct ent_record **out, long *line,
    struct ent_diag *d)
{
	struct unxml_state *st = rd->state;
	xmlNode *el;
	bool person;
	int ret, rc;

	*out = NULL;
	if (st->qhead < st->qlen) {
		*out = st->queue[st->qhead];
		st->queue[st->qhead++] = NULL;
		*line = st->qline;
		return ENT_OK;
	}
	queue_clear(st);
	if ((ret = seek_element(st, line, d)) <= 0)
		return ret; /* 0: the end */
	person = strcmp((const char *)xmlTextReaderConstName(st->xr),
	             "INDIVIDUAL") == 0;
	/* Expand fails on an element the file cuts short. */
	if ((el = xmlTextReaderExpand(st->xr)) == NULL)
		return format_error(st, line, d);
	*line = st->qline = xmlGetLineNo(el);
	rc = element(st, el, person, d);
	/* Skip the subtree; libxml2 frees it as the reader moves on. */
	if ((ret = xmlTextReaderNext(st->xr)) == 1)
		st->positioned = true;
	else if (ret < 0 || st->err[0] != '\0') {
		queue_clear(st);
		return format_error(st, line, d);
	}
	if (rc != ENT_OK)
		return rc;
	*out = st->queue[st->qhead];
	st->queue[st->qhead++] = NULL;
	return ENT_OK;
}

static long long
unxml_offset(const struct ent_reader *rd)
{
	const struct unxml_state *st = rd->state;

	return st != NULL ? st->offset : 0;
}

static void
unxml_close(struct ent_reader *rd)
{
	struct unxml_state *st = rd->state;

	if (st == NULL)
		return;
	queue_clear(st);
	free(st->queue);
	if (st->xr != NULL)
		xmlFreeTextReader(st->xr);
	free(st);
	rd->state = NULL;
}

const struct reader_ops ent__unxml_ops = {
    .open = unxml_open,
    .next = unxml_next,
    .offset = unxml_offset,
    .close = unxml_close,
};
