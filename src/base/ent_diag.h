/* ent_diag.h - a human-readable account of what went wrong, and where.
 *
 * Functions that validate input take an optional struct ent_diag * and, on
 * failure, write one sentence into it ("birthDate: '1975-13' is not a date").
 * The caller adds the location (FILE:LINE, field) it knows about.  A NULL
 * diag is allowed everywhere and means "the caller does not want details". */
#ifndef ENT_DIAG_H
#define ENT_DIAG_H

#include <stddef.h>

#define ENT_DIAG_MAX 512

struct ent_diag {
	char msg[ENT_DIAG_MAX];
};

/* Replace the message.  NULL-safe for d. */
void ent_diag_set(struct ent_diag *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Put "prefix: " in front of the current message. NULL-safe for d. */
void ent_diag_prefix(struct ent_diag *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ent_diag_clear(struct ent_diag *d);

#endif /* ENT_DIAG_H */
