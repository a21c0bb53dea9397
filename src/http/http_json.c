/* http_json.c - reading request JSON within limits (jansson).
 *
 * jansson parses; this file adds what an API facing untrusted clients
 * needs on top: UTF-8 checked first with the byte offset of the first bad
 * sequence, duplicate keys refused, nesting depth and string lengths
 * bounded by struct ent_limits, and unknown members named. */
#include <string.h>

#include "ent_err.h"
#include "http_int.h"

long
ent__utf8_bad_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, len;
	unsigned long cp;

	while (i < n) {
		unsigned char c = p[i];

		if (c == 0)
			return (long)i;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return (long)i;
		}
		if (i + len > n)
			return (long)i;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return (long)i;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and values past U+10FFFF. */
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return (long)i;
		i += len;
	}
	return -1;
}

/* Walk v checking depth and string sizes; path names where we are. */
static int
check_value(
    const struct ent_limits *l, json_t *v, size_t depth, struct ent_diag *d)
{
	const char *key;
	json_t *x;
	size_t i;

	if (json_is_object(v) || json_is_array(v)) {
		if (depth + 1 > l->json_depth) {
			ent_diag_set(d,
			    "JSON nesting deeper than the limit of %zu",
			    l->json_depth);
			return ENT_EINVAL;
		}
	}
	if (json_is_string(v) && json_string_length(v) > l->string_max) {
		ent_diag_set(d,
		    "a string of %zu bytes exceeds the limit of %zu",
		    json_string_length(v), l->string_max);
		return ENT_EINVAL;
	}
	if (json_is_object(v)) {
		json_object_foreach(v, key, x)
		{
			if (strlen(key) > l->string_max) {
				ent_diag_set(d,
				    "a member name exceeds the "
				    "limit of %zu bytes",
				    l->string_max);
				return ENT_EINVAL;
			}
			if (check_value(l, x, depth + 1, d) != ENT_OK) {
				ent_diag_prefix(d, "%.64s", key);
				return ENT_EINVAL;
			}
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x)
		{
			if (check_value(l, x, depth + 1, d) != ENT_OK) {
				ent_diag_prefix(d, "[%zu]", i);
				return ENT_EINVAL;
			}
		}
	}
	return ENT_OK;
}

json_t *
ent__json_parse(
    const struct ent_limits *l, const char *buf, size_t len, struct ent_diag *d)
{
	json_error_t je;
	json_t *v;
	long bad;

	if ((bad = ent__utf8_bad_at(buf, len)) >= 0) {
		ent_diag_set(d, "invalid UTF-8 (or NUL) at byte %ld", bad);
		return NULL;
	}
	if (len == 0) {
		ent_diag_set(d, "empty body: a JSON value is required");
		return NULL;
	}
	v = json_loadb(buf, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	if (v == NULL) {
		ent_diag_set(d, "bad JSON at line %d, column %d: %s", je.line,
		    je.column, je.text);
		return NULL;
	}
	if (check_value(l, v, 0, d) != ENT_OK) {
		json_decref(v);
		return NULL;
	}
	return v;
}

int
ent__json_only(json_t *obj, const char *const *allowed, const char *where,
    struct ent_diag *d)
{
	const char *key;
	json_t *x;
	size_t i;

	json_object_foreach(obj, key, x)
	{
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL) {
			ent_diag_set(d, "unknown field '%.64s'%s%s", key,
			    where != NULL ? " in " : "",
			    where != NULL ? where : "");
			return ENT_EINVAL;
		}
	}
	return ENT_OK;
}
