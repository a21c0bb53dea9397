/* ent_ftm.c - FollowTheMoney JSON <-> records (jansson lives here).
 *
 * Decoding is strict about types (properties are arrays of strings) and
 * about unknown keys, because a silently ignored key is data a user thinks
 * they stored.  The few top-level keys FtM tools add for display (caption,
 * datasets, referents, first_seen, ...) are accepted and dropped: they are
 * derived data, not the record.
 *
 * Encoding is canonical: keys in a fixed order, properties sorted by name
 * (the record keeps them sorted), values in stored order, compact, UTF-8
 * written as is.  The store compares these bytes to detect changes and
 * export -> import -> export must give identical output. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ent_codec.h"
#include "ent_err.h"
#include "ent_util.h"

/* Top-level keys of FtM/yente exports that carry no record data. */
static const char *const ignored_keys[] = {"caption", "datasets", "referents",
    "first_seen", "last_seen", "last_change", "target", "last_seen_at", NULL};

static bool
in_list(const char *const *list, const char *k)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, k) == 0)
			return true;
	return false;
}

/* ---- decoding ------------------------------------------------------- */

static int
decode_values(
    struct ent_record *r, const char *prop, json_t *vals, struct ent_diag *d)
{
	const struct ent_prop *p;
	size_t i;
	json_t *v;
	int rc;

	if ((p = ent_schema_prop(r->schema, prop)) == NULL) {
		ent_diag_set(d, "properties.%.64s: %s has no property '%.64s'",
		    prop, r->schema->name, prop);
		return ENT_EINVAL;
	}
	if (!json_is_array(vals)) {
		ent_diag_set(
		    d, "properties.%.64s: expected an array of strings", prop);
		return ENT_EINVAL;
	}
	json_array_foreach(vals, i, v)
	{
		if (!json_is_string(v)) {
			ent_diag_set(d,
			    "properties.%.64s[%zu]: expected a string", prop,
			    i);
			return ENT_EINVAL;
		}
		if ((rc = ent_record_addp(r, p, json_string_value(v),
		         json_string_length(v), d)) != ENT_OK) {
			ent_diag_prefix(d, "properties");
			return rc;
		}
	}
	return ENT_OK;
}

static int
decode_props(struct ent_record *r, json_t *props, struct ent_diag *d)
{
	const char *k;
	json_t *v;
	int rc;

	if (!json_is_object(props)) {
		ent_diag_set(d, "properties: expected an object");
		return ENT_EINVAL;
	}
	json_object_foreach(props, k, v)
	{
		if ((rc = decode_values(r, k, v, d)) != ENT_OK)
			return rc;
	}
	return ENT_OK;
}

struct meta_field {
	const char *key;
	size_t off; /* offset of the char * in struct ent_meta */
};

#define MF(k, f)                                                               \
	{                                                                      \
		k, offsetof(struct ent_meta, f)                                \
	}
static const struct meta_field meta_fields[] = {
    MF("agency", agency),
    MF("created", created),
    MF("updated", updated),
    MF("legal_basis", legal_basis),
    MF("handling", handling),
    MF("distribution", distribution),
    MF("review_by", review_by),
    MF("expires", expires),
};
#define NMETA (sizeof(meta_fields) / sizeof(meta_fields[0]))

static char **
meta_slot(struct ent_meta *m, size_t i)
{
	return (char **)(void *)((char *)m + meta_fields[i].off);
}

static const char *
meta_get(const struct ent_meta *m, size_t i)
{
	return *(
	    char *const *)(const void *)((const char *)m + meta_fields[i].off);
}

static int
decode_meta(struct ent_record *r, json_t *meta, struct ent_diag *d)
{
	const char *k;
	json_t *v;
	size_t i;

	if (!json_is_object(meta)) {
		ent_diag_set(d, "meta: expected an object");
		return ENT_EINVAL;
	}
	json_object_foreach(meta, k, v)
	{
		if (strcmp(k, "version") == 0) {
			if (!json_is_integer(v) || json_integer_value(v) < 1) {
				ent_diag_set(d, "meta.version: expected a "
				                "positive integer");
				return ENT_EINVAL;
			}
			r->meta.version = json_integer_value(v);
			continue;
		}
		for (i = 0; i < NMETA; i++)
			if (strcmp(k, meta_fields[i].key) == 0)
				break;
		if (i == NMETA) {
			ent_diag_set(d, "meta: unknown key '%.64s'", k);
			return ENT_EINVAL;
		}
		if (json_is_null(v))
			continue;
		if (!json_is_string(v) ||
		    !ent_utf8_valid(
		        json_string_value(v), json_string_length(v)) ||
		    json_string_length(v) > 1024) {
			ent_diag_set(d, "meta.%s: expected a string", k);
			return ENT_EINVAL;
		}
		if (ent_meta_set(meta_slot(&r->meta, i), json_string_value(v)))
			return ENT_ENOMEM;
	}
	return ENT_OK;
}

static int
decode_object(json_t *root, struct ent_record **out, struct ent_diag *d)
{
	struct ent_record *r = NULL;
	json_t *id, *schema, *props, *meta, *v;
	const char *k;
	int rc;

	if (!json_is_object(root)) {
		ent_diag_set(d, "expected a JSON object");
		return ENT_EINVAL;
	}
	json_object_foreach(root, k, v)
	{
		if (strcmp(k, "id") != 0 && strcmp(k, "schema") != 0 &&
		    strcmp(k, "properties") != 0 && strcmp(k, "meta") != 0 &&
		    !in_list(ignored_keys, k)) {
			ent_diag_set(d, "unknown key '%.64s'", k);
			return ENT_EINVAL;
		}
	}
	id = json_object_get(root, "id");
	schema = json_object_get(root, "schema");
	if (!json_is_string(id)) {
		ent_diag_set(d, "id: missing or not a string");
		return ENT_EINVAL;
	}
	if (!json_is_string(schema)) {
		ent_diag_set(d, "schema: missing or not a string");
		return ENT_EINVAL;
	}
	if ((rc = ent_record_new(json_string_value(id),
	         json_string_value(schema), &r, d)) != ENT_OK)
		return rc;
	if ((props = json_object_get(root, "properties")) != NULL &&
	    (rc = decode_props(r, props, d)) != ENT_OK)
		goto out;
	if ((meta = json_object_get(root, "meta")) != NULL &&
	    (rc = decode_meta(r, meta, d)) != ENT_OK)
		goto out;
	if ((rc = ent_record_check(r, d)) != ENT_OK)
		goto out;
	*out = r;
	r = NULL;
out:
	ent_record_free(r);
	return rc;
}

static json_t *
parse(const char *json, size_t len, struct ent_diag *d)
{
	json_error_t err;
	json_t *root;

	root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL)
		ent_diag_set(
		    d, "bad JSON at column %d: %s", err.column, err.text);
	return root;
}

int
ent_ftm_decode(
    const char *json, size_t len, struct ent_record **out, struct ent_diag *d)
{
	json_t *root;
	int rc;

	/* jansson checks UTF-8 as it parses; the whole-line check runs only
	 * to say plainly why a line it refused was bad. */
	if ((root = parse(json, len, d)) == NULL) {
		if (!ent_utf8_valid(json, len))
			ent_diag_set(d, "not valid UTF-8");
		return ENT_EINVAL;
	}
	rc = decode_object(root, out, d);
	json_decref(root);
	return rc;
}

int
ent_ftm_props_decode(
    struct ent_record *r, const char *json, size_t len, struct ent_diag *d)
{
	json_t *root;
	int rc;

	if ((root = parse(json, len, d)) == NULL)
		return ENT_EINVAL;
	rc = decode_props(r, root, d);
	json_decref(root);
	return rc;
}

/* ---- encoding -------------------------------------------------------
 * Written directly rather than through json_t trees: export and the store
 * encode every record, and this is where an import of a million records
 * spends its time.  The bytes are exactly what json_dumps(JSON_COMPACT)
 * would give for the same keys in the same order. */

static int
key(struct ent_buf *b, bool first, const char *k)
{
	int r = first ? ENT_OK : ent_buf_addc(b, ',');

	if (r == ENT_OK)
		r = ent_json_str(b, k);
	return r == ENT_OK ? ent_buf_addc(b, ':') : r;
}

int
ent_ftm_props_encode(const struct ent_record *r, struct ent_buf *b)
{
	size_t i, j;
	int rc = ent_buf_addc(b, '{');

	for (i = 0; rc == ENT_OK && i < r->nprops; i++) {
		rc = key(b, i == 0, r->props[i].prop->name);
		if (rc == ENT_OK)
			rc = ent_buf_addc(b, '[');
		for (j = 0; rc == ENT_OK && j < r->props[i].n; j++) {
			if (j > 0)
				rc = ent_buf_addc(b, ',');
			if (rc == ENT_OK)
				rc = ent_json_str(b, r->props[i].vals[j]);
		}
		if (rc == ENT_OK)
			rc = ent_buf_addc(b, ']');
	}
	return rc == ENT_OK ? ent_buf_addc(b, '}') : rc;
}

static int
meta_encode(const struct ent_meta *m, struct ent_buf *b)
{
	bool first = true;
	const char *v;
	size_t i;
	int rc = ent_buf_addc(b, '{');

	/* version goes after agency: owner, then its version, then times. */
	for (i = 0; rc == ENT_OK && i < NMETA; i++) {
		if ((v = meta_get(m, i)) != NULL) {
			rc = key(b, first, meta_fields[i].key);
			if (rc == ENT_OK)
				rc = ent_json_str(b, v);
			first = false;
		}
		if (rc == ENT_OK && i == 0 && m->version > 0) {
			rc = key(b, first, "version");
			if (rc == ENT_OK)
				rc = ent_buf_printf(
				    b, "%lld", (long long)m->version);
			first = false;
		}
	}
	return rc == ENT_OK ? ent_buf_addc(b, '}') : rc;
}

int
ent_ftm_encode(const struct ent_record *r, int with_meta, struct ent_buf *b)
{
	int rc = ent_buf_adds(b, "{\"id\":");

	if (rc == ENT_OK)
		rc = ent_json_str(b, r->id);
	if (rc == ENT_OK)
		rc = ent_buf_adds(b, ",\"schema\":");
	if (rc == ENT_OK)
		rc = ent_json_str(b, r->schema->name);
	if (rc == ENT_OK)
		rc = ent_buf_adds(b, ",\"properties\":");
	if (rc == ENT_OK)
		rc = ent_ftm_props_encode(r, b);
	if (rc == ENT_OK && with_meta) {
		rc = ent_buf_adds(b, ",\"meta\":");
		if (rc == ENT_OK)
			rc = meta_encode(&r->meta, b);
	}
	return rc == ENT_OK ? ent_buf_addc(b, '}') : rc;
}
