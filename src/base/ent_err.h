/* ent_err.h - the one error vocabulary of Entente.
 *
 * Every function that can fail returns int: ENT_OK (0) or a negative
 * enum ent_err value.  Library codes are converted once, in the module that
 * wraps the library; adapters (cli, http) map these to exit codes and HTTP
 * statuses through one table each. */
#ifndef ENT_ERR_H
#define ENT_ERR_H

enum ent_err {
	ENT_OK = 0,
	ENT_ENOMEM = -1,     /* allocation failed */
	ENT_ETOOBIG = -2,    /* input exceeds a configured limit */
	ENT_EINVAL = -3,     /* malformed or invalid input */
	ENT_ENOTFOUND = -4,  /* no such record, file or user */
	ENT_EBUSY = -5,      /* store locked; try again */
	ENT_EIO = -6,        /* read, write or store failure */
	ENT_EINTERNAL = -7,  /* a bug or an impossible library state */
	ENT_EEXIST = -8,     /* already exists */
	ENT_EPERM = -9,      /* authenticated but not allowed */
	ENT_EAUTH = -10,     /* not authenticated */
	ENT_ECONFLICT = -11, /* concurrent change or version conflict */
	ENT_EFORMAT = -12    /* a file is malformed beyond recovery */
};

/* Returns a static, never-NULL, lower-case description of err. */
const char *ent_strerror(int err);

/* Returns a static short identifier ("invalid", "not_found", ...) used in
 * machine-readable error bodies. */
const char *ent_errcode(int err);

#endif /* ENT_ERR_H */
