/* ent_db.h - the node's embedded store (SQLite in WAL mode).
 *
 * Records are kept as rows: id, schema, the canonical JSON of their
 * properties (see ent_ftm_props_encode), a caption and the metadata
 * columns.  The store knows nothing of JSON; it compares and copies bytes.
 *
 * Durability: WAL with synchronous=FULL, so a committed transaction survives
 * a crash or kill at any moment.  Every write happens inside
 * ent_db_begin()/ent_db_commit(); BEGIN IMMEDIATE takes the write lock up
 * front so a transaction never fails half-way with SQLITE_BUSY_SNAPSHOT.
 *
 * Thread-safety: one struct ent_db per thread.  Several processes and
 * threads may open the same file; writers are serialised by SQLite. */
#ifndef ENT_DB_H
#define ENT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ent_diag.h"
#include "ent_record.h"

struct ent_db;

enum {
	ENT_DB_CREATE = 1 << 0,   /* create the file if missing */
	ENT_DB_READONLY = 1 << 1, /* open read-only */
};

/* Open (and with ENT_DB_CREATE create) the database at path, apply pending
 * schema migrations and set the pragmas.  *out only on ENT_OK. */
int ent_db_open(
    const char *path, int flags, struct ent_db **out, struct ent_diag *d);
void ent_db_close(struct ent_db *db); /* NULL-safe */

/* The schema version after migrations (for `entente stats`). */
int ent_db_schema_version(struct ent_db *db);

int ent_db_begin(struct ent_db *db); /* BEGIN IMMEDIATE */
int ent_db_commit(struct ent_db *db);
int ent_db_rollback(struct ent_db *db); /* safe to call when none is open */

/* Checkpoints.  A commit that leaves the WAL at ENT_DB_CHECKPOINT_PAGES or
 * more copies it into the database before it returns.  A connection that
 * commits often on behalf of waiting requesters (the audit committer)
 * defers that instead: its commits return first, and it calls
 * ent_db_checkpoint_due() once it has answered them, which checkpoints
 * (PASSIVE: never waits for readers or writers) when the WAL is due. */
#define ENT_DB_CHECKPOINT_PAGES 100
void ent_db_defer_checkpoints(struct ent_db *db);
int ent_db_checkpoint_due(struct ent_db *db);

/* Node settings (agency, ...) in a key/value table.  get: *out is a copy
 * the caller free()s, ENT_ENOTFOUND if unset. */
int ent_db_setting_get(struct ent_db *db, const char *key, char **out);
int ent_db_setting_set(struct ent_db *db, const char *key, const char *val);

/* A reference from a record to another (an ENT_PT_ENTITY value). */
struct ent_ref {
	const char *prop;
	const char *to;
};

/* The metadata columns of a row: struct ent_meta, borrowed. */
struct ent_row_meta {
	const char *agency;
	int64_t version;
	const char *created, *updated;
	const char *legal_basis, *handling, *distribution;
	const char *review_by, *expires;
};

/* A stored record.  All strings are borrowed from the store and valid only
 * during the callback that receives the row. */
struct ent_row {
	const char *id;
	const char *schema;
	const char *props; /* canonical JSON object of the properties */
	const char *caption;
	struct ent_row_meta meta;
	int64_t seq; /* store-wide change counter of the last write */
	const struct ent_ref *refs; /* put: the references it makes */
	size_t nrefs;
};

enum ent_put_result {
	ENT_PUT_INSERTED,
	ENT_PUT_UPDATED,
	ENT_PUT_UNCHANGED,
};

/* Insert or update row->id.  Unchanged when schema, props and the policy
 * fields of meta (agency, legal_basis, handling, distribution, review_by,
 * expires) equal what is stored.  On insert: version = meta.version if > 0
 * else 1, created/updated = meta's if set else now.  On update: version =
 * max(stored + 1, meta.version), created kept, updated = meta.updated if
 * it is set and the version came from meta, else now.  Must run inside a
 * transaction. */
int ent_db_put(
    struct ent_db *db, const struct ent_row *row, enum ent_put_result *res);

/* Delete a record; ENT_ENOTFOUND if there is none. */
int ent_db_delete(struct ent_db *db, const char *id);

/* ENT_OK and fn(ctx, row) once, or ENT_ENOTFOUND. fn's non-zero return is
 * passed back. */
int ent_db_get(struct ent_db *db, const char *id,
    int (*fn)(void *ctx, const struct ent_row *row), void *ctx);
int ent_db_exists(struct ent_db *db, const char *id, bool *yes);

/* Call fn for every record (of schema, when not NULL) in id order.  Stops
 * at fn's first non-zero return and passes it back. */
int ent_db_each(struct ent_db *db, const char *schema,
    int (*fn)(void *ctx, const struct ent_row *row), void *ctx);

/* Counts per schema, in name order. */
int ent_db_count(struct ent_db *db,
    int (*fn)(void *ctx, const char *schema, int64_t n), void *ctx);

/* Ids referenced by records (entity properties) that are not in the store,
 * with the record that references them.  Used after an import to find
 * dangling references. */
int ent_db_each_dangling(struct ent_db *db,
    int (*fn)(
        void *ctx, const char *from_id, const char *prop, const char *to_id),
    void *ctx);

/* Ids of the records that reference id, each once, in id order. */
int ent_db_each_referrer(struct ent_db *db, const char *id,
    int (*fn)(void *ctx, const char *from_id), void *ctx);

#endif /* ENT_DB_H */
