/* ent_db_auth.c - SQL for the api_user and audit tables; see ent_db_auth.h.
 *
 * Policy (who may do what, how hashes are made, what a chain break means)
 * lives in src/svc; this file only moves rows. */
#include "ent_db_auth.h"

#include <string.h>

#include "ent_err.h"
#include "store_int.h"

static const char sql_user_add[] =
    "INSERT INTO api_user(name, role, token_hash, created, revoked) "
    "VALUES(?1, ?2, ?3, ?4, NULL)";
static const char sql_user_revoke[] = "UPDATE api_user SET revoked=?2 "
                                      "WHERE name=?1 AND revoked IS NULL";
static const char sql_user_by_token[] =
    "SELECT name, role, token_hash, created, revoked FROM api_user "
    "WHERE token_hash=?1";
static const char sql_user_each[] =
    "SELECT name, role, token_hash, created, revoked FROM api_user "
    "ORDER BY name";

#define AUDIT_COLS                                                             \
	"seq, time, user, role, remote, route, action, purpose, query, "       \
	"record_ids, result_ids, status, prev_hash, hash"

static const char sql_audit_head[] =
    "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
static const char sql_audit_add[] =
    "INSERT INTO audit(" AUDIT_COLS ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
    "?8, ?9, ?10, ?11, ?12, ?13, ?14)";
/* NULL filters match everything, so one statement serves every call. */
static const char sql_audit_each[] =
    "SELECT " AUDIT_COLS " FROM audit WHERE (?1 IS NULL OR user=?1) "
    "AND (?2 IS NULL OR time>=?2) ORDER BY seq";

static int
step_done(struct ent_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ENT_OK : ent__db_err(db, rc);
}

int
ent_db_user_add(struct ent_db *db, const struct ent_db_user *u)
{
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_user_add, &st)) != ENT_OK)
		return r;
	if (ent__db_bind_text(st, 1, u->name) ||
	    ent__db_bind_text(st, 2, u->role) ||
	    ent__db_bind_text(st, 3, u->token_hash) ||
	    ent__db_bind_text(st, 4, u->created))
		return ENT_EINTERNAL;
	return step_done(db, st);
}

int
ent_db_user_revoke(struct ent_db *db, const char *name, const char *when)
{
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_user_revoke, &st)) != ENT_OK)
		return r;
	if (ent__db_bind_text(st, 1, name) || ent__db_bind_text(st, 2, when))
		return ENT_EINTERNAL;
	if ((r = step_done(db, st)) != ENT_OK)
		return r;
	return sqlite3_changes(db->db) == 1 ? ENT_OK : ENT_ENOTFOUND;
}

static void
user_from(sqlite3_stmt *st, struct ent_db_user *u)
{
	u->name = ent__db_col_text(st, 0);
	u->role = ent__db_col_text(st, 1);
	u->token_hash = ent__db_col_text(st, 2);
	u->created = ent__db_col_text(st, 3);
	u->revoked = ent__db_col_text(st, 4);
}

struct user_walk {
	int (*fn)(void *ctx, const struct ent_db_user *u);
	void *ctx;
};

static int
user_row(void *arg, sqlite3_stmt *st)
{
	struct user_walk *w = arg;
	struct ent_db_user u;

	user_from(st, &u);
	return w->fn(w->ctx, &u);
}

int
ent_db_user_by_token(struct ent_db *db, const char *token_hash,
    int (*fn)(void *ctx, const struct ent_db_user *u), void *ctx)
{
	struct user_walk w = {fn, ctx};
	sqlite3_stmt *st;
	long n;
	int r;

	if ((r = ent__db_stmt(db, sql_user_by_token, &st)) != ENT_OK)
		return r;
	if (ent__db_bind_text(st, 1, token_hash))
		return ENT_EINTERNAL;
	if ((r = ent__db_rows(db, st, user_row, &w, &n)) != ENT_OK)
		return r;
	return n == 0 ? ENT_ENOTFOUND : ENT_OK;
}

int
ent_db_user_each(struct ent_db *db,
    int (*fn)(void *ctx, const struct ent_db_user *u), void *ctx)
{
	struct user_walk w = {fn, ctx};
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_user_each, &st)) != ENT_OK)
		return r;
	return ent__db_rows(db, st, user_row, &w, NULL);
}

int
ent_db_audit_head(struct ent_db *db, int64_t *seq, char *hash, size_t hashsz)
{
	sqlite3_stmt *st;
	const char *h;
	int rc, r;

	if ((r = ent__db_stmt(db, sql_audit_head, &st)) != ENT_OK)
		return r;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		r = ENT_ENOTFOUND;
	} else if (rc != SQLITE_ROW) {
		r = ent__db_err(db, rc);
	} else if ((h = ent__db_col_text(st, 1)) == NULL ||
	           strlen(h) >= hashsz) {
		r = ENT_EFORMAT; /* someone wrote a bad hash by hand */
	} else {
		*seq = sqlite3_column_int64(st, 0);
		memcpy(hash, h, strlen(h) + 1);
	}
	sqlite3_reset(st);
	return r;
}

int
ent_db_audit_append(struct ent_db *db, const struct ent_db_audit *e)
{
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_audit_add, &st)) != ENT_OK)
		return r;
	if (sqlite3_bind_int64(st, 1, e->seq) != SQLITE_OK ||
	    ent__db_bind_text(st, 2, e->time) ||
	    ent__db_bind_text(st, 3, e->user) ||
	    ent__db_bind_text(st, 4, e->role) ||
	    ent__db_bind_text(st, 5, e->remote) ||
	    ent__db_bind_text(st, 6, e->route) ||
	    ent__db_bind_text(st, 7, e->action) ||
	    ent__db_bind_text(st, 8, e->purpose) ||
	    ent__db_bind_text(st, 9, e->query) ||
	    ent__db_bind_text(st, 10, e->record_ids) ||
	    ent__db_bind_text(st, 11, e->result_ids) ||
	    sqlite3_bind_int(st, 12, e->status) != SQLITE_OK ||
	    ent__db_bind_text(st, 13, e->prev_hash) ||
	    ent__db_bind_text(st, 14, e->hash))
		return ENT_EINTERNAL;
	return step_done(db, st);
}

struct audit_walk {
	int (*fn)(void *ctx, const struct ent_db_audit *e);
	void *ctx;
};

static int
audit_row(void *arg, sqlite3_stmt *st)
{
	struct audit_walk *w = arg;
	struct ent_db_audit e;

	e.seq = sqlite3_column_int64(st, 0);
	e.time = ent__db_col_text(st, 1);
	e.user = ent__db_col_text(st, 2);
	e.role = ent__db_col_text(st, 3);
	e.remote = ent__db_col_text(st, 4);
	e.route = ent__db_col_text(st, 5);
	e.action = ent__db_col_text(st, 6);
	e.purpose = ent__db_col_text(st, 7);
	e.query = ent__db_col_text(st, 8);
	e.record_ids = ent__db_col_text(st, 9);
	e.result_ids = ent__db_col_text(st, 10);
	e.status = sqlite3_column_int(st, 11);
	e.prev_hash = ent__db_col_text(st, 12);
	e.hash = ent__db_col_text(st, 13);
	return w->fn(w->ctx, &e);
}

int
ent_db_audit_each(struct ent_db *db, const char *user, const char *since,
    int (*fn)(void *ctx, const struct ent_db_audit *e), void *ctx)
{
	struct audit_walk w = {fn, ctx};
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_audit_each, &st)) != ENT_OK)
		return r;
	if (ent__db_bind_text(st, 1, user) || ent__db_bind_text(st, 2, since))
		return ENT_EINTERNAL;
	return ent__db_rows(db, st, audit_row, &w, NULL);
}
