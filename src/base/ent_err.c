/* ent_err.c - descriptions of the error codes in ent_err.h. */
#include "ent_err.h"

#include <stddef.h>

struct err_desc {
	int err;
	const char *code;
	const char *text;
};

static const struct err_desc descs[] = {
    {ENT_OK, "ok", "success"},
    {ENT_ENOMEM, "no_memory", "out of memory"},
    {ENT_ETOOBIG, "too_large", "input exceeds a limit"},
    {ENT_EINVAL, "invalid", "invalid input"},
    {ENT_ENOTFOUND, "not_found", "not found"},
    {ENT_EBUSY, "busy", "resource busy"},
    {ENT_EIO, "io_error", "input/output error"},
    {ENT_EINTERNAL, "internal", "internal error"},
    {ENT_EEXIST, "exists", "already exists"},
    {ENT_EPERM, "forbidden", "permission denied"},
    {ENT_EAUTH, "unauthorized", "authentication required"},
    {ENT_ECONFLICT, "conflict", "conflicting change"},
    {ENT_EFORMAT, "bad_format", "malformed file"},
};

static const struct err_desc *
find(int err)
{
	size_t i;

	for (i = 0; i < sizeof(descs) / sizeof(descs[0]); i++)
		if (descs[i].err == err)
			return &descs[i];
	return NULL;
}

const char *
ent_strerror(int err)
{
	const struct err_desc *d = find(err);

	return d != NULL ? d->text : "unknown error";
}

const char *
ent_errcode(int err)
{
	const struct err_desc *d = find(err);

	return d != NULL ? d->code : "internal";
}
