/* store_int.h - what the files of src/store share; private to the module.
 *
 * Statements are prepared once per connection and cached by their SQL text
 * pointer (the text is always a string literal), so hot paths never parse
 * SQL twice. */
#ifndef ENT_STORE_INT_H
#define ENT_STORE_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "ent_db.h"

#define STMT_CACHE 48

struct ent_db {
	sqlite3 *db;
	int schema_version;
	int in_tx;
	int64_t next_seq;  /* the seq the next write gets; valid in a tx */
	int64_t begin_seq; /* next_seq when the transaction began */
	char now[32];      /* the transaction's time, ISO 8601 UTC */
	int wal_frames; /* after the last commit, with deferred checkpoints */
	struct {
		const char *sql; /* the literal, compared by address */
		sqlite3_stmt *st;
	} cache[STMT_CACHE];
};

/* A cached, reset statement for sql (a string literal).  ENT_OK and *st,
 * or an ent_err code (the SQLite message is logged at debug level). */
int ent__db_stmt(struct ent_db *db, const char *sql, sqlite3_stmt **st);

/* Convert a SQLite result code to an ent_err code, once, here. */
int ent__db_err(struct ent_db *db, int rc);

/* Bind text that may be NULL (bound as SQL NULL).  The text must outlive
 * the statement's next step (SQLITE_STATIC). */
int ent__db_bind_text(sqlite3_stmt *st, int i, const char *s);

/* Step st to its end, calling row(ctx, st) for each result row; row's
 * first non-zero return stops the walk and is passed back, otherwise a
 * SQLite failure is converted.  *n (may be NULL) counts the rows seen.  st
 * is reset afterwards (a fresh statement is still the caller's to
 * finalize).  The one loop every query of the store runs. */
int ent__db_rows(struct ent_db *db, sqlite3_stmt *st,
    int (*row)(void *ctx, sqlite3_stmt *st), void *ctx, long *n);

/* Column text, or NULL for SQL NULL.  Borrowed until the next step. */
const char *ent__db_col_text(sqlite3_stmt *st, int i);

#endif /* ENT_STORE_INT_H */
