/* ent_db_auth.h - the api_user and audit tables (migration 2).
 *
 * Plain rows in, plain rows out: this layer neither hashes tokens nor
 * computes chain hashes (svc_auth.c and svc_audit.c do, with ent_crypto).
 * Strings in the structs passed to callbacks are borrowed from SQLite and
 * valid only during the callback.  One struct ent_db per thread, as for
 * ent_db.h. */
#ifndef ENT_DB_AUTH_H
#define ENT_DB_AUTH_H

#include <stdint.h>

#include "ent_db.h"

struct ent_db_user {
	const char *name;
	const char *role;
	const char *token_hash; /* hex */
	const char *created;
	const char *revoked; /* NULL while active */
};

/* Insert a user.  ENT_EEXIST if the name (or, never in practice, the
 * token hash) is taken, revoked or not. */
int ent_db_user_add(struct ent_db *db, const struct ent_db_user *u);

/* Mark a user revoked at time when.  ENT_ENOTFOUND if there is no such
 * user or it is already revoked. */
int ent_db_user_revoke(struct ent_db *db, const char *name, const char *when);

/* fn(ctx, u) once for the user whose token hash is token_hash (revoked or
 * not; the caller decides), or ENT_ENOTFOUND.  fn's non-zero return is
 * passed back. */
int ent_db_user_by_token(struct ent_db *db, const char *token_hash,
    int (*fn)(void *ctx, const struct ent_db_user *u), void *ctx);

/* fn for every user in name order; stops at and returns fn's non-zero. */
int ent_db_user_each(struct ent_db *db,
    int (*fn)(void *ctx, const struct ent_db_user *u), void *ctx);

/* One audit entry, as stored. */
struct ent_db_audit {
	int64_t seq;
	const char *time;
	const char *user;
	const char *role;
	const char *remote;
	const char *route;
	const char *action;
	const char *purpose;
	const char *query;
	const char *record_ids; /* space-separated */
	const char *result_ids; /* space-separated */
	int status;
	const char *prev_hash;
	const char *hash;
};

/* The last entry's seq and hash into *seq and hash (ENT_HASH_HEX_SIZE
 * bytes); ENT_ENOTFOUND when the log is empty.  Call inside the write
 * transaction that appends, so the head cannot move under the caller. */
int ent_db_audit_head(
    struct ent_db *db, int64_t *seq, char *hash, size_t hashsz);

/* Append e (seq included).  Must run inside a transaction. */
int ent_db_audit_append(struct ent_db *db, const struct ent_db_audit *e);

/* fn for every entry in seq order, of user (if not NULL) and with time >=
 * since (if not NULL; ISO 8601 compares as text).  Stops at and returns
 * fn's non-zero. */
int ent_db_audit_each(struct ent_db *db, const char *user, const char *since,
    int (*fn)(void *ctx, const struct ent_db_audit *e), void *ctx);

#endif /* ENT_DB_AUTH_H */
