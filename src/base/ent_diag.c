/* ent_diag.c - error messages with their location; see ent_diag.h. */
#include "ent_diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
ent_diag_set(struct ent_diag *d, const char *fmt, ...)
{
	va_list ap;

	if (d == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
}

void
ent_diag_prefix(struct ent_diag *d, const char *fmt, ...)
{
	char head[ENT_DIAG_MAX];
	size_t n, old;
	va_list ap;

	if (d == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(head, sizeof(head), fmt, ap);
	va_end(ap);
	/* Keep "head: " whole when it fits and cut the old message's tail. */
	n = strlen(head);
	if (n > sizeof(d->msg) - 3)
		n = sizeof(d->msg) - 3;
	old = strnlen(d->msg, sizeof(d->msg) - 1);
	if (old > sizeof(d->msg) - 3 - n)
		old = sizeof(d->msg) - 3 - n;
	memmove(d->msg + n + 2, d->msg, old);
	d->msg[n + 2 + old] = '\0';
	memcpy(d->msg, head, n);
	d->msg[n] = ':';
	d->msg[n + 1] = ' ';
}

void
ent_diag_clear(struct ent_diag *d)
{
	if (d != NULL)
		d->msg[0] = '\0';
}
