/* ent_util.h - small libc complements used everywhere. */
#ifndef ENT_UTIL_H
#define ENT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* strdup/strndup that return NULL on NULL input or allocation failure.
 * The caller free()s the result. */
char *ent_strdup(const char *s);
char *ent_strndup(const char *s, size_t n);

/* Parse a whole decimal integer in [min, max]; ENT_EINVAL otherwise. */
int ent_parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into buf (>= 21 bytes). */
void ent_now_iso(char *buf, size_t len);

/* True if s is well-formed UTF-8 of length n (no overlongs, no surrogates,
 * nothing above U+10FFFF).  NUL bytes are rejected too. */
bool ent_utf8_valid(const char *s, size_t n);

/* Trim ASCII white space at both ends, in place; returns s. */
char *ent_trim(char *s);

#endif /* ENT_UTIL_H */
