/* ent_record.c - records, their values and per-type validation.
 *
 * This module knows what a valid value of each property type looks like
 * and normalises values on the way in, so everything downstream (store,
 * index, export) sees one canonical form.  It does no I/O and knows nothing
 * of JSON; the codec module turns records into bytes and back. */
#include "ent_record.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ent_country.h"
#include "ent_err.h"
#include "ent_util.h"

/* ---- value checks, one per property type ---------------------------- */

/* A normaliser checks *v (owned, trimmed, non-empty) and may replace it
 * with its canonical form. */
typedef int (*norm_fn)(char **v, struct ent_diag *d);

static bool
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int
num2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

static int
days_in_month(int y, int m)
{
	static const int days[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* The time part after "YYYY-MM-DDT": HH:MM[:SS[.fff]][Z|+hh:mm|-hh:mm]. */
static bool
time_ok(const char *t)
{
	size_t i = 5;

	if (strlen(t) < 5 || !all_digits(t, 2) || t[2] != ':' ||
	    !all_digits(t + 3, 2) || num2(t) > 23 || num2(t + 3) > 59)
		return false;
	if (t[i] == ':') {
		if (!all_digits(t + i + 1, 2) || num2(t + i + 1) > 60)
			return false;
		i += 3;
		if (t[i] == '.') {
			i++;
			while (isdigit((unsigned char)t[i]))
				i++;
		}
	}
	if (t[i] == '\0' || (t[i] == 'Z' && t[i + 1] == '\0'))
		return true;
	return (t[i] == '+' || t[i] == '-') && strlen(t + i) == 6 &&
	       all_digits(t + i + 1, 2) && t[i + 3] == ':' &&
	       all_digits(t + i + 4, 2);
}

int
ent_date_check(const char *s, struct ent_diag *d)
{
	size_t n = strlen(s);
	int y, m, day;

	if (n < 4 || !all_digits(s, 4))
		goto bad;
	y = num2(s) * 100 + num2(s + 2);
	if (n == 4)
		return ENT_OK;
	if (n < 7 || s[4] != '-' || !all_digits(s + 5, 2))
		goto bad;
	m = num2(s + 5);
	if (m < 1 || m > 12)
		goto bad;
	if (n == 7)
		return ENT_OK;
	if (n < 10 || s[7] != '-' || !all_digits(s + 8, 2))
		goto bad;
	day = num2(s + 8);
	if (day < 1 || day > days_in_month(y, m))
		goto bad;
	if (n == 10 || (s[10] == 'T' && time_ok(s + 11)))
		return ENT_OK;
bad:
	ent_diag_set(d,
	    "'%.64s' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)", s);
	return ENT_EINVAL;
}

static int
norm_date(char **v, struct ent_diag *d)
{
	return ent_date_check(*v, d);
}

static void
lower(char *p)
{
	for (; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
}

static int
norm_country(char **v, struct ent_diag *d)
{
	if (!ent_country_valid(*v)) {
		ent_diag_set(
		    d, "'%.64s' is not an ISO 3166-1 alpha-2 country code", *v);
		return ENT_EINVAL;
	}
	lower(*v);
	return ENT_OK;
}

static int
replace(char **v, const char *with)
{
	char *n = ent_strdup(with);

	if (n == NULL)
		return ENT_ENOMEM;
	free(*v);
	*v = n;
	return ENT_OK;
}

static int
norm_gender(char **v, struct ent_diag *d)
{
	static const struct {
		const char *in, *out;
	} map[] = {{"male", "male"}, {"m", "male"}, {"female", "female"},
	    {"f", "female"}, {"other", "other"}, {"x", "other"}};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcasecmp(*v, map[i].in) == 0)
			return replace(v, map[i].out);
	ent_diag_set(d, "'%.64s' is not a gender (male, female or other)", *v);
	return ENT_EINVAL;
}

static bool
id_char(char c)
{
	return isalnum((unsigned char)c) || strchr("-_.:/@+", c) != NULL;
}

bool
ent_id_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > ENT_ID_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!id_char(s[i]))
			return false;
	return true;
}

static int
norm_entity(char **v, struct ent_diag *d)
{
	if (!ent_id_valid(*v)) {
		ent_diag_set(d, "'%.64s' is not a record id", *v);
		return ENT_EINVAL;
	}
	return ENT_OK;
}

static int
norm_email(char **v, struct ent_diag *d)
{
	const char *at = strchr(*v, '@');

	if (at == NULL || at == *v || at[1] == '\0' || strchr(*v, ' ')) {
		ent_diag_set(d, "'%.64s' is not an e-mail address", *v);
		return ENT_EINVAL;
	}
	return ENT_OK;
}

static int
norm_phone(char **v, struct ent_diag *d)
{
	const char *p;
	int digits = 0;

	for (p = *v; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (strchr("+-() ./x", *p) == NULL)
			break;
	}
	if (*p != '\0' || digits < 3) {
		ent_diag_set(d, "'%.64s' is not a phone number", *v);
		return ENT_EINVAL;
	}
	return ENT_OK;
}

static int
norm_topic(char **v, struct ent_diag *d)
{
	const char *p;

	for (p = *v; *p != '\0'; p++) {
		if (!islower((unsigned char)*p) && *p != '.' && *p != '_' &&
		    !isdigit((unsigned char)*p)) {
			ent_diag_set(d,
			    "'%.64s' is not a topic (lower-case "
			    "words joined by dots)",
			    *v);
			return ENT_EINVAL;
		}
	}
	return ENT_OK;
}

static int
norm_language(char **v, struct ent_diag *d)
{
	size_t n = strlen(*v), i;

	for (i = 0; i < n; i++)
		if (!isalpha((unsigned char)(*v)[i]))
			break;
	if ((n != 2 && n != 3) || i != n) {
		ent_diag_set(d, "'%.64s' is not an ISO 639 language code", *v);
		return ENT_EINVAL;
	}
	lower(*v);
	return ENT_OK;
}

/* Free text of any kind: only the UTF-8 check (done by the caller) and
 * trimming apply. */
static int
norm_text(char **v, struct ent_diag *d)
{
	(void)v;
	(void)d;
	return ENT_OK;
}

static const norm_fn normalisers[ENT_PT__COUNT] = {
    [ENT_PT_STRING] = norm_text,
    [ENT_PT_TEXT] = norm_text,
    [ENT_PT_NAME] = norm_text,
    [ENT_PT_DATE] = norm_date,
    [ENT_PT_COUNTRY] = norm_country,
    [ENT_PT_IDENTIFIER] = norm_text,
    [ENT_PT_ENTITY] = norm_entity,
    [ENT_PT_GENDER] = norm_gender,
    [ENT_PT_EMAIL] = norm_email,
    [ENT_PT_PHONE] = norm_phone,
    [ENT_PT_URL] = norm_text,
    [ENT_PT_NUMBER] = norm_text,
    [ENT_PT_TOPIC] = norm_topic,
    [ENT_PT_ADDRESS] = norm_text,
    [ENT_PT_LANGUAGE] = norm_language,
};

/* ---- records -------------------------------------------------------- */

int
ent_record_new(const char *id, const char *schema, struct ent_record **out,
    struct ent_diag *d)
{
	const struct ent_schema *s;
	struct ent_record *r;

	if (id == NULL || !ent_id_valid(id)) {
		ent_diag_set(d,
		    "id: '%.64s' is not a valid id (1-%d characters of "
		    "letters, digits and -_.:/@+)",
		    id != NULL ? id : "", ENT_ID_MAX);
		return ENT_EINVAL;
	}
	if (schema == NULL || (s = ent_schema_get(schema)) == NULL) {
		ent_diag_set(d, "schema: unknown schema '%.64s'",
		    schema != NULL ? schema : "");
		return ENT_EINVAL;
	}
	if (s->abstract) {
		ent_diag_set(d,
		    "schema: '%s' is abstract; use a concrete schema", s->name);
		return ENT_EINVAL;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return ENT_ENOMEM;
	if ((r->id = ent_strdup(id)) == NULL) {
		free(r);
		return ENT_ENOMEM;
	}
	r->schema = s;
	*out = r;
	return ENT_OK;
}

void
ent_meta_fini(struct ent_meta *m)
{
	free(m->agency);
	free(m->created);
	free(m->updated);
	free(m->legal_basis);
	free(m->handling);
	free(m->distribution);
	free(m->review_by);
	free(m->expires);
	memset(m, 0, sizeof(*m));
}

void
ent_record_free(struct ent_record *r)
{
	size_t i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->nprops; i++) {
		for (j = 0; j < r->props[i].n; j++)
			free(r->props[i].vals[j]);
		free(r->props[i].vals);
	}
	free(r->props);
	free(r->id);
	ent_meta_fini(&r->meta);
	free(r);
}

/* Binary search for prop in the sorted array; *pos gets the slot where it
 * is or would be inserted. */
static struct ent_pvals *
find_pv(const struct ent_record *r, const char *name, size_t *pos)
{
	size_t lo = 0, hi = r->nprops, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(r->props[mid].prop->name, name);
		if (c == 0) {
			if (pos != NULL)
				*pos = mid;
			return &r->props[mid];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (pos != NULL)
		*pos = lo;
	return NULL;
}

static int
insert_pv(struct ent_record *r, const struct ent_prop *p, size_t pos,
    struct ent_pvals **out)
{
	struct ent_pvals *np;
	size_t ncap;

	if (r->nprops == r->cap) {
		ncap = r->cap != 0 ? r->cap * 2 : 8;
		if ((np = realloc(r->props, ncap * sizeof(*np))) == NULL)
			return ENT_ENOMEM;
		r->props = np;
		r->cap = ncap;
	}
	memmove(&r->props[pos + 1], &r->props[pos],
	    (r->nprops - pos) * sizeof(r->props[0]));
	memset(&r->props[pos], 0, sizeof(r->props[0]));
	r->props[pos].prop = p;
	r->nprops++;
	*out = &r->props[pos];
	return ENT_OK;
}

static int
append_val(struct ent_pvals *pv, char *v)
{
	char **nv;
	size_t i, ncap;

	for (i = 0; i < pv->n; i++) {
		if (strcmp(pv->vals[i], v) == 0) {
			free(v); /* duplicates collapse */
			return ENT_OK;
		}
	}
	if (pv->n >= ENT_VALUES_MAX) {
		free(v);
		return ENT_ETOOBIG;
	}
	if (pv->n == pv->cap) {
		ncap = pv->cap != 0 ? pv->cap * 2 : 2;
		if ((nv = realloc(pv->vals, ncap * sizeof(*nv))) == NULL) {
			free(v);
			return ENT_ENOMEM;
		}
		pv->vals = nv;
		pv->cap = ncap;
	}
	pv->vals[pv->n++] = v;
	return ENT_OK;
}

int
ent_record_addn(struct ent_record *r, const char *prop, const char *value,
    size_t len, struct ent_diag *d)
{
	const struct ent_prop *p;

	if ((p = ent_schema_prop(r->schema, prop)) == NULL) {
		ent_diag_set(d, "%.64s: %s has no property '%.64s'", prop,
		    r->schema->name, prop);
		return ENT_EINVAL;
	}
	return ent_record_addp(r, p, value, len, d);
}

int
ent_record_addp(struct ent_record *r, const struct ent_prop *p,
    const char *value, size_t len, struct ent_diag *d)
{
	struct ent_pvals *pv;
	size_t pos;
	char *v = NULL;
	int rc;

	if (len > ENT_VALUE_MAX) {
		ent_diag_set(d,
		    "%s: value of %zu bytes exceeds the limit of %d", p->name,
		    len, ENT_VALUE_MAX);
		return ENT_ETOOBIG;
	}
	if (!ent_utf8_valid(value, len)) {
		ent_diag_set(d, "%s: value is not valid UTF-8", p->name);
		return ENT_EINVAL;
	}
	if ((v = ent_strndup(value, len)) == NULL)
		return ENT_ENOMEM;
	ent_trim(v);
	if (*v == '\0') {
		free(v);
		return ENT_OK;
	}
	if ((rc = normalisers[p->type](&v, d)) != ENT_OK) {
		ent_diag_prefix(d, "%s", p->name);
		free(v);
		return rc;
	}
	if ((pv = find_pv(r, p->name, &pos)) == NULL &&
	    (rc = insert_pv(r, p, pos, &pv)) != ENT_OK) {
		free(v);
		return rc;
	}
	if ((rc = append_val(pv, v)) == ENT_ETOOBIG)
		ent_diag_set(
		    d, "%s: more than %d values", p->name, ENT_VALUES_MAX);
	return rc;
}

int
ent_record_add(struct ent_record *r, const char *prop, const char *value,
    struct ent_diag *d)
{
	return ent_record_addn(r, prop, value, strlen(value), d);
}

char *const *
ent_record_get(const struct ent_record *r, const char *prop, size_t *n)
{
	const struct ent_pvals *pv = find_pv(r, prop, NULL);

	*n = pv != NULL ? pv->n : 0;
	return pv != NULL ? pv->vals : NULL;
}

const char *
ent_record_first(const struct ent_record *r, const char *prop)
{
	size_t n;
	char *const *v = ent_record_get(r, prop, &n);

	return n > 0 ? v[0] : NULL;
}

const char *
ent_record_caption(const struct ent_record *r)
{
	const char *const *c;
	const char *v;

	for (c = r->schema->caption; *c != NULL; c++)
		if ((v = ent_record_first(r, *c)) != NULL)
			return v;
	return r->id;
}

int
ent_record_check(const struct ent_record *r, struct ent_diag *d)
{
	const struct ent_schema *s = r->schema;

	if (s->edge) {
		if (ent_record_first(r, s->edge_source) == NULL ||
		    ent_record_first(r, s->edge_target) == NULL) {
			ent_diag_set(d, "%s needs both '%s' and '%s'", s->name,
			    s->edge_source, s->edge_target);
			return ENT_EINVAL;
		}
	}
	if (ent_schema_is_a(s, "LegalEntity") &&
	    ent_record_first(r, "name") == NULL &&
	    ent_record_first(r, "firstName") == NULL &&
	    ent_record_first(r, "lastName") == NULL) {
		ent_diag_set(d, "%s needs a 'name'", s->name);
		return ENT_EINVAL;
	}
	return ENT_OK;
}

int
ent_record_each_ref(const struct ent_record *r,
    int (*fn)(void *ctx, const char *prop, const char *id), void *ctx)
{
	size_t i, j;
	int rc;

	for (i = 0; i < r->nprops; i++) {
		if (r->props[i].prop->type != ENT_PT_ENTITY)
			continue;
		for (j = 0; j < r->props[i].n; j++)
			if ((rc = fn(ctx, r->props[i].prop->name,
			         r->props[i].vals[j])) != 0)
				return rc;
	}
	return 0;
}

bool
ent_record_same_content(const struct ent_record *a, const struct ent_record *b)
{
	size_t i, j;

	if (a->schema != b->schema || strcmp(a->id, b->id) != 0 ||
	    a->nprops != b->nprops)
		return false;
	for (i = 0; i < a->nprops; i++) {
		if (a->props[i].prop != b->props[i].prop ||
		    a->props[i].n != b->props[i].n)
			return false;
		for (j = 0; j < a->props[i].n; j++)
			if (strcmp(a->props[i].vals[j], b->props[i].vals[j]))
				return false;
	}
	return true;
}

int
ent_meta_set(char **field, const char *value)
{
	char *v = NULL;

	if (value != NULL && (v = ent_strdup(value)) == NULL)
		return ENT_ENOMEM;
	free(*field);
	*field = v;
	return ENT_OK;
}

int
ent_meta_copy(struct ent_meta *dst, const struct ent_meta *src)
{
	struct ent_meta m = {0};

	m.version = src->version;
	if (ent_meta_set(&m.agency, src->agency) ||
	    ent_meta_set(&m.created, src->created) ||
	    ent_meta_set(&m.updated, src->updated) ||
	    ent_meta_set(&m.legal_basis, src->legal_basis) ||
	    ent_meta_set(&m.handling, src->handling) ||
	    ent_meta_set(&m.distribution, src->distribution) ||
	    ent_meta_set(&m.review_by, src->review_by) ||
	    ent_meta_set(&m.expires, src->expires)) {
		ent_meta_fini(&m);
		return ENT_ENOMEM;
	}
	ent_meta_fini(dst);
	*dst = m;
	return ENT_OK;
}
