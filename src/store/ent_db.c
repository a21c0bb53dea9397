/* ent_db.c - the embedded SQLite store: opening, pragmas, migrations,
 * transactions, and the record table.
 *
 * This file is the only place (with its siblings in src/store/) that sees
 * sqlite3.h.  It stores bytes it is given and never parses JSON: the
 * services decide what a record is, the store keeps it safe. */
#include "ent_db.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent_err.h"
#include "ent_util.h"
#include "store_int.h"

struct migration {
	int version;
	const char *sql;
};

static const struct migration migrations[] = {
#define MIGRATION(v, sql) {v, sql},
#include "migrations.def"

/* A macro's value as a string literal, for SQL text. */
#define STR_(x) #x
#define STR(x) STR_(x)
#undef MIGRATION
};

int
ent__db_err(struct ent_db *db, int rc)
{
	(void)db;
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return ENT_OK;
	case SQLITE_NOMEM:
		return ENT_ENOMEM;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ENT_EBUSY;
	case SQLITE_CONSTRAINT:
		return ENT_EEXIST;
	case SQLITE_TOOBIG:
		return ENT_ETOOBIG;
	case SQLITE_NOTFOUND:
		return ENT_ENOTFOUND;
	case SQLITE_MISUSE:
	case SQLITE_INTERNAL:
		return ENT_EINTERNAL;
	default:
		return ENT_EIO;
	}
}

int
ent__db_stmt(struct ent_db *db, const char *sql, sqlite3_stmt **st)
{
	size_t i;
	int rc;

	for (i = 0; i < STMT_CACHE && db->cache[i].sql != NULL; i++) {
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].st);
			sqlite3_clear_bindings(db->cache[i].st);
			*st = db->cache[i].st;
			return ENT_OK;
		}
	}
	if (i == STMT_CACHE)
		return ENT_EINTERNAL; /* raise STMT_CACHE */
	rc = sqlite3_prepare_v3(
	    db->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &db->cache[i].st, NULL);
	if (rc != SQLITE_OK)
		return ent__db_err(db, rc);
	db->cache[i].sql = sql;
	*st = db->cache[i].st;
	return ENT_OK;
}

int
ent__db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	int rc = s != NULL ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC)
	                   : sqlite3_bind_null(st, i);

	return rc == SQLITE_OK ? ENT_OK : ENT_EINTERNAL;
}

const char *
ent__db_col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

int
ent__db_rows(struct ent_db *db, sqlite3_stmt *st,
    int (*row)(void *ctx, sqlite3_stmt *st), void *ctx, long *n)
{
	long count = 0;
	int rc, r = ENT_OK;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		count++;
		if ((r = row(ctx, st)) != 0)
			break;
	}
	if (r == ENT_OK && rc != SQLITE_DONE)
		r = ent__db_err(db, rc);
	sqlite3_reset(st);
	if (n != NULL)
		*n = count;
	return r;
}

static int
exec(struct ent_db *db, const char *sql)
{
	return ent__db_err(db, sqlite3_exec(db->db, sql, NULL, NULL, NULL));
}

static int
read_user_version(struct ent_db *db, int *v)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_prepare_v2(db->db, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return ent__db_err(db, rc);
}

/* Apply every migration newer than the file, each in its own IMMEDIATE
 * transaction together with the user_version bump, so a crash leaves the
 * file at a whole version. */
static int
migrate(struct ent_db *db, struct ent_diag *d)
{
	char sql[64];
	size_t i;
	int v, r;

	if ((r = read_user_version(db, &v)) != ENT_OK)
		return r;
	for (i = 0; i < sizeof(migrations) / sizeof(migrations[0]); i++) {
		if (migrations[i].version <= v)
			continue;
		if ((r = exec(db, "BEGIN IMMEDIATE")) != ENT_OK)
			return r;
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d",
		    migrations[i].version);
		if ((r = exec(db, migrations[i].sql)) != ENT_OK ||
		    (r = exec(db, sql)) != ENT_OK) {
			ent_diag_set(d,
			    "schema migration to version %d failed: %s",
			    migrations[i].version, sqlite3_errmsg(db->db));
			exec(db, "ROLLBACK");
			return r;
		}
		if ((r = exec(db, "COMMIT")) != ENT_OK)
			return r;
		v = migrations[i].version;
	}
	if (v > migrations[sizeof(migrations) / sizeof(migrations[0]) - 1]
	            .version) {
		ent_diag_set(d,
		    "the database has schema version %d, newer than this "
		    "program knows; upgrade entente",
		    v);
		return ENT_EINVAL;
	}
	db->schema_version = v;
	return ENT_OK;
}

/* Retry every 200 us for up to ~10 s: another process holds the lock. */
static int
busy_wait(void *arg, int tries)
{
	(void)arg;
	if (tries >= 50000)
		return 0;
	usleep(200);
	return 1;
}

int
ent_db_open(
    const char *path, int flags, struct ent_db **out, struct ent_diag *d)
{
	struct ent_db *db;
	int oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
	int rc, r;

	if ((db = calloc(1, sizeof(*db))) == NULL)
		return ENT_ENOMEM;
	if (flags & ENT_DB_READONLY)
		oflags |= SQLITE_OPEN_READONLY;
	else
		oflags |= SQLITE_OPEN_READWRITE;
	if (flags & ENT_DB_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &db->db, oflags, NULL);
	if (rc != SQLITE_OK) {
		ent_diag_set(d, "%s: cannot open database: %s", path,
		    db->db != NULL ? sqlite3_errmsg(db->db)
		                   : sqlite3_errstr(rc));
		r = (rc & 0xff) == SQLITE_CANTOPEN ? ENT_ENOTFOUND
		                                   : ent__db_err(db, rc);
		goto fail;
	}
	sqlite3_busy_handler(db->db, busy_wait, NULL);
	sqlite3_db_config(db->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	/* WAL for concurrent readers; FULL so a commit survives power loss,
	 * as records and the audit trail demand (DESIGN.md §3).  The WAL is
	 * checkpointed at 100 pages (ENT_DB_CHECKPOINT_PAGES) rather than
	 * SQLite's 1,000: the server commits an audit batch every
	 * millisecond or so, the commit that crosses the mark copies the WAL
	 * into the database while every requester waits, and every read
	 * searches the WAL's index.  On a 1M-person node, border mix at 64
	 * connections, 100 pages gave 7,700-8,800 req/s with p99 22-30 ms
	 * against 6,800 and 31 ms (bench/README.md, HTTP, eighth round). */
	if (!(flags & ENT_DB_READONLY) &&
	    ((r = exec(db, "PRAGMA journal_mode=WAL")) != ENT_OK ||
	        (r = exec(db, "PRAGMA synchronous=FULL")) != ENT_OK ||
	        (r = exec(db, "PRAGMA wal_autocheckpoint=" STR(
	                          ENT_DB_CHECKPOINT_PAGES))) != ENT_OK)) {
		ent_diag_set(d, "%s: %s", path, sqlite3_errmsg(db->db));
		goto fail;
	}
	if ((r = exec(db, "PRAGMA foreign_keys=ON")) != ENT_OK ||
	    (r = exec(db, "PRAGMA cache_size=-65536")) != ENT_OK) {
		ent_diag_set(d, "%s: %s", path, sqlite3_errmsg(db->db));
		goto fail;
	}
	if (!(flags & ENT_DB_READONLY) && (r = migrate(db, d)) != ENT_OK) {
		if (d != NULL && d->msg[0] == '\0')
			ent_diag_set(d, "%s: %s", path, sqlite3_errmsg(db->db));
		goto fail;
	}
	if ((flags & ENT_DB_READONLY) &&
	    (r = read_user_version(db, &db->schema_version)) != ENT_OK) {
		ent_diag_set(d, "%s: %s", path, sqlite3_errmsg(db->db));
		goto fail;
	}
	*out = db;
	return ENT_OK;
fail:
	ent_db_close(db);
	return r;
}

void
ent_db_close(struct ent_db *db)
{
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < STMT_CACHE; i++)
		sqlite3_finalize(db->cache[i].st);
	sqlite3_close(db->db);
	free(db);
}

int
ent_db_schema_version(struct ent_db *db)
{
	return db->schema_version;
}

/* Writers are serialised by BEGIN IMMEDIATE, so the change counter is
 * read once per transaction, counted up in memory and written back at
 * commit; so is the time every record of the transaction is stamped with.
 * An index on record(seq) would do the same at the cost of every insert. */
static int
load_next_seq(struct ent_db *db)
{
	char *v = NULL;
	int64_t n = 1;
	int r;

	r = ent_db_setting_get(db, "seq", &v);
	if (r == ENT_OK && ent_parse_i64(v, 1, INT64_MAX, &n) != ENT_OK)
		r = ENT_EINTERNAL; /* a corrupt counter is not ours to guess */
	free(v);
	if (r != ENT_OK && r != ENT_ENOTFOUND)
		return r;
	db->next_seq = db->begin_seq = n;
	ent_now_iso(db->now, sizeof(db->now));
	return ENT_OK;
}

static int
save_next_seq(struct ent_db *db)
{
	char v[32];

	if (db->next_seq == db->begin_seq)
		return ENT_OK;
	snprintf(v, sizeof(v), "%lld", (long long)db->next_seq);
	return ent_db_setting_set(db, "seq", v);
}

/* Writers of one process queue on this mutex rather than in SQLite's
 * busy handler, which sleeps up to 100 ms between tries: under load that
 * starves short transactions (an audit commit) behind long ones.  Other
 * processes still meet the busy handler (busy_wait below). */
static pthread_mutex_t writer_lock = PTHREAD_MUTEX_INITIALIZER;

int
ent_db_begin(struct ent_db *db)
{
	int r;

	pthread_mutex_lock(&writer_lock);
	if ((r = exec(db, "BEGIN IMMEDIATE")) != ENT_OK) {
		pthread_mutex_unlock(&writer_lock);
		return r;
	}
	db->in_tx = 1;
	if ((r = load_next_seq(db)) != ENT_OK)
		ent_db_rollback(db);
	return r;
}

/* SQLite's own automatic checkpoint is a WAL hook too; this one replaces
 * it and only notes the WAL's size. */
static int
note_wal(void *arg, sqlite3 *h, const char *name, int frames)
{
	struct ent_db *db = arg;

	(void)h;
	(void)name;
	db->wal_frames = frames;
	return SQLITE_OK;
}

void
ent_db_defer_checkpoints(struct ent_db *db)
{
	sqlite3_wal_hook(db->db, note_wal, db);
}

int
ent_db_checkpoint_due(struct ent_db *db)
{
	int rc;

	if (db->wal_frames < ENT_DB_CHECKPOINT_PAGES)
		return ENT_OK;
	db->wal_frames = 0;
	rc = sqlite3_wal_checkpoint_v2(
	    db->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return rc == SQLITE_OK ? ENT_OK : ent__db_err(db, rc);
}

int
ent_db_commit(struct ent_db *db)
{
	int r = db->in_tx ? save_next_seq(db) : ENT_OK;

	if (r == ENT_OK)
		r = exec(db, "COMMIT");

	/* A failed COMMIT leaves the transaction open for a rollback. */
	if (r == ENT_OK && db->in_tx) {
		db->in_tx = 0;
		pthread_mutex_unlock(&writer_lock);
	}
	return r;
}

int
ent_db_rollback(struct ent_db *db)
{
	int r = ENT_OK;

	if (!sqlite3_get_autocommit(db->db))
		r = exec(db, "ROLLBACK");
	if (db->in_tx) {
		db->in_tx = 0;
		pthread_mutex_unlock(&writer_lock);
	}
	return r;
}

/* ---- settings ---------------------------------------------------------- */

static const char sql_setting_get[] = "SELECT value FROM setting WHERE key=?1";
static const char sql_setting_set[] =
    "INSERT INTO setting(key, value) VALUES(?1, ?2) "
    "ON CONFLICT(key) DO UPDATE SET value=excluded.value";

int
ent_db_setting_get(struct ent_db *db, const char *key, char **out)
{
	sqlite3_stmt *st;
	char *v;
	int r, rc;

	if ((r = ent__db_stmt(db, sql_setting_get, &st)) != ENT_OK)
		return r;
	ent__db_bind_text(st, 1, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		r = ENT_ENOTFOUND;
	else if (rc != SQLITE_ROW)
		r = ent__db_err(db, rc);
	else if ((v = ent_strdup(ent__db_col_text(st, 0))) == NULL)
		r = ENT_ENOMEM;
	else
		*out = v;
	sqlite3_reset(st);
	return r;
}

int
ent_db_setting_set(struct ent_db *db, const char *key, const char *val)
{
	sqlite3_stmt *st;
	int r, rc;

	if ((r = ent__db_stmt(db, sql_setting_set, &st)) != ENT_OK)
		return r;
	ent__db_bind_text(st, 1, key);
	ent__db_bind_text(st, 2, val);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ENT_OK : ent__db_err(db, rc);
}
