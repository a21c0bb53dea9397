/* ent_buf.h - a growable byte buffer with a hard cap (curl's dynbuf).
 *
 * Every buffer that holds untrusted input is created with the largest size
 * it may reach; ent_buf_add() past the cap fails with ENT_ETOOBIG and leaves
 * the buffer unchanged.  The struct is transparent so callers can embed it;
 * its fields are private: use the functions.  The content is always kept
 * NUL-terminated (the NUL is not counted in len). */
#ifndef ENT_BUF_H
#define ENT_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct ent_buf {
	char *data; /* private */
	size_t len; /* private */
	size_t cap; /* private: allocated bytes */
	size_t max; /* private: the cap on len */
};

/* Initialise an empty buffer that may hold at most max bytes. */
void ent_buf_init(struct ent_buf *b, size_t max);
/* Free the memory; the buffer is empty and may be reused. NULL-safe. */
void ent_buf_fini(struct ent_buf *b);
/* Forget the content but keep the memory. */
void ent_buf_reset(struct ent_buf *b);

int ent_buf_add(struct ent_buf *b, const void *p, size_t n);
int ent_buf_addc(struct ent_buf *b, char c);
int ent_buf_adds(struct ent_buf *b, const char *s);
int ent_buf_printf(struct ent_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int ent_buf_vprintf(struct ent_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Drop the last n bytes (or all if n > len). */
void ent_buf_truncate(struct ent_buf *b, size_t len);

/* Borrowed: valid until the next change to b.  Never NULL ("" if empty). */
const char *ent_buf_str(const struct ent_buf *b);
size_t ent_buf_len(const struct ent_buf *b);

/* Hand the content to the caller, who free()s it; b is empty afterwards.
 * Returns NULL only if allocating an empty string fails. */
char *ent_buf_steal(struct ent_buf *b, size_t *lenp);

#endif /* ENT_BUF_H */
