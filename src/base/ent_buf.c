/* ent_buf.c - capped growable buffer; see ent_buf.h. */
#include "ent_buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent_err.h"

void
ent_buf_init(struct ent_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void
ent_buf_fini(struct ent_buf *b)
{
	if (b == NULL)
		return;
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void
ent_buf_reset(struct ent_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for n more bytes plus the NUL. */
static int
reserve(struct ent_buf *b, size_t n)
{
	size_t need, ncap;
	char *p;

	if (n > b->max || b->len > b->max - n)
		return ENT_ETOOBIG;
	need = b->len + n + 1;
	if (need <= b->cap)
		return ENT_OK;
	ncap = b->cap != 0 ? b->cap : 64;
	while (ncap < need)
		ncap = ncap > ((size_t)-1) / 2 ? need : ncap * 2;
	if ((p = realloc(b->data, ncap)) == NULL)
		return ENT_ENOMEM;
	b->data = p;
	b->cap = ncap;
	return ENT_OK;
}

int
ent_buf_add(struct ent_buf *b, const void *p, size_t n)
{
	int r;

	if ((r = reserve(b, n)) != ENT_OK)
		return r;
	if (n > 0)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return ENT_OK;
}

int
ent_buf_addc(struct ent_buf *b, char c)
{
	return ent_buf_add(b, &c, 1);
}

int
ent_buf_adds(struct ent_buf *b, const char *s)
{
	return ent_buf_add(b, s, strlen(s));
}

int
ent_buf_vprintf(struct ent_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	int n, r;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return ENT_EINVAL;
	if ((r = reserve(b, (size_t)n)) != ENT_OK)
		return r;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return ENT_OK;
}

int
ent_buf_printf(struct ent_buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = ent_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return r;
}

void
ent_buf_truncate(struct ent_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

const char *
ent_buf_str(const struct ent_buf *b)
{
	return b->data != NULL ? b->data : "";
}

size_t
ent_buf_len(const struct ent_buf *b)
{
	return b->len;
}

char *
ent_buf_steal(struct ent_buf *b, size_t *lenp)
{
	char *p = b->data;

	if (p == NULL && (p = calloc(1, 1)) == NULL)
		return NULL;
	if (lenp != NULL)
		*lenp = b->len;
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
