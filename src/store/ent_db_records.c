/* ent_db_records.c - the record and reference tables.
 *
 * Versioning rule (see ent_db.h): a put that changes nothing the owner
 * controls is "unchanged" and leaves version and times alone, so
 * re-importing a file is idempotent and cheap. */
#include <stdlib.h>
#include <string.h>

#include "ent_db.h"
#include "ent_err.h"
#include "ent_util.h"
#include "store_int.h"

#define RECORD_COLS                                                            \
	"id, schema, props, caption, agency, version, created, updated, "      \
	"legal_basis, handling, distribution, review_by, expires, seq"

static const char sql_get[] = "SELECT " RECORD_COLS " FROM record WHERE id=?1";
static const char sql_insert[] =
    "INSERT INTO record(" RECORD_COLS ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, "
    "?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT(id) DO NOTHING";
static const char sql_update[] =
    "UPDATE record SET schema=?2, props=?3, caption=?4, agency=?5, "
    "version=?6, updated=?8, legal_basis=?9, handling=?10, "
    "distribution=?11, review_by=?12, expires=?13, seq=?14 WHERE id=?1";
static const char sql_delete[] = "DELETE FROM record WHERE id=?1";
static const char sql_ref_clear[] = "DELETE FROM ref WHERE from_id=?1";
static const char sql_ref_add[] =
    "INSERT OR IGNORE INTO ref(from_id, prop, to_id) VALUES(?1, ?2, ?3)";
static const char sql_exists[] = "SELECT 1 FROM record WHERE id=?1";
static const char sql_each_all[] = "SELECT " RECORD_COLS " FROM record "
                                   "ORDER BY id";
static const char sql_each_schema[] = "SELECT " RECORD_COLS " FROM record "
                                      "WHERE schema=?1 ORDER BY id";
static const char sql_count[] =
    "SELECT schema, count(*) FROM record GROUP BY schema ORDER BY schema";
static const char sql_dangling[] =
    "SELECT r.from_id, r.prop, r.to_id FROM ref r WHERE NOT EXISTS "
    "(SELECT 1 FROM record WHERE id=r.to_id) ORDER BY r.from_id";
static const char sql_referrers[] =
    "SELECT DISTINCT from_id FROM ref WHERE to_id=?1 ORDER BY from_id";

/* Fill a borrowed row from the current result of a RECORD_COLS query. */
static void
row_from(sqlite3_stmt *st, struct ent_row *row)
{
	memset(row, 0, sizeof(*row));
	row->id = ent__db_col_text(st, 0);
	row->schema = ent__db_col_text(st, 1);
	row->props = ent__db_col_text(st, 2);
	row->caption = ent__db_col_text(st, 3);
	row->meta.agency = ent__db_col_text(st, 4);
	row->meta.version = sqlite3_column_int64(st, 5);
	row->meta.created = ent__db_col_text(st, 6);
	row->meta.updated = ent__db_col_text(st, 7);
	row->meta.legal_basis = ent__db_col_text(st, 8);
	row->meta.handling = ent__db_col_text(st, 9);
	row->meta.distribution = ent__db_col_text(st, 10);
	row->meta.review_by = ent__db_col_text(st, 11);
	row->meta.expires = ent__db_col_text(st, 12);
	row->seq = sqlite3_column_int64(st, 13);
}

static bool
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
same_owned_content(const struct ent_row *a, const struct ent_row *b)
{
	return same_str(a->schema, b->schema) && same_str(a->props, b->props) &&
	       same_str(a->meta.agency, b->meta.agency) &&
	       same_str(a->meta.legal_basis, b->meta.legal_basis) &&
	       same_str(a->meta.handling, b->meta.handling) &&
	       same_str(a->meta.distribution, b->meta.distribution) &&
	       same_str(a->meta.review_by, b->meta.review_by) &&
	       same_str(a->meta.expires, b->meta.expires);
}

static int
bind_row(struct ent_db *db, sqlite3_stmt *st, const struct ent_row *row,
    int64_t version, const char *created, const char *updated)
{
	const char *caption = row->caption != NULL ? row->caption : row->id;

	if (ent__db_bind_text(st, 1, row->id) ||
	    ent__db_bind_text(st, 2, row->schema) ||
	    ent__db_bind_text(st, 3, row->props) ||
	    ent__db_bind_text(st, 4, caption) ||
	    ent__db_bind_text(st, 5, row->meta.agency) ||
	    sqlite3_bind_int64(st, 6, version) != SQLITE_OK ||
	    ent__db_bind_text(st, 8, updated) ||
	    ent__db_bind_text(st, 9, row->meta.legal_basis) ||
	    ent__db_bind_text(st, 10, row->meta.handling) ||
	    ent__db_bind_text(st, 11, row->meta.distribution) ||
	    ent__db_bind_text(st, 12, row->meta.review_by) ||
	    ent__db_bind_text(st, 13, row->meta.expires) ||
	    sqlite3_bind_int64(st, 14, db->next_seq) != SQLITE_OK)
		return ENT_EINTERNAL;
	if (created != NULL && ent__db_bind_text(st, 7, created))
		return ENT_EINTERNAL;
	return ENT_OK;
}

static int
step_done(struct ent_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ENT_OK : ent__db_err(db, rc);
}

static int
put_refs(struct ent_db *db, const struct ent_row *row, bool fresh)
{
	sqlite3_stmt *st;
	size_t i;
	int r;

	if (!fresh) {
		if ((r = ent__db_stmt(db, sql_ref_clear, &st)) != ENT_OK)
			return r;
		ent__db_bind_text(st, 1, row->id);
		if ((r = step_done(db, st)) != ENT_OK)
			return r;
	}
	for (i = 0; i < row->nrefs; i++) {
		if ((r = ent__db_stmt(db, sql_ref_add, &st)) != ENT_OK)
			return r;
		ent__db_bind_text(st, 1, row->id);
		ent__db_bind_text(st, 2, row->refs[i].prop);
		ent__db_bind_text(st, 3, row->refs[i].to);
		if ((r = step_done(db, st)) != ENT_OK)
			return r;
	}
	return ENT_OK;
}

/* What is stored for an id, copied out of SQLite before the next step. */
struct stored {
	bool found;
	int64_t version;
	bool same;
};

static int
load_stored(struct ent_db *db, const struct ent_row *row, struct stored *s)
{
	sqlite3_stmt *st;
	struct ent_row old;
	int r, rc;

	memset(s, 0, sizeof(*s));
	if ((r = ent__db_stmt(db, sql_get, &st)) != ENT_OK)
		return r;
	ent__db_bind_text(st, 1, row->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		row_from(st, &old);
		s->found = true;
		s->version = old.meta.version;
		s->same = same_owned_content(&old, row);
		r = ENT_OK;
	} else {
		r = rc == SQLITE_DONE ? ENT_OK : ent__db_err(db, rc);
	}
	sqlite3_reset(st);
	return r;
}

/* Insert row if its id is new.  *done is false when the id exists. */
static int
try_insert(
    struct ent_db *db, const struct ent_row *row, const char *now, bool *done)
{
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_insert, &st)) != ENT_OK ||
	    (r = bind_row(db, st, row,
	         row->meta.version > 0 ? row->meta.version : 1,
	         row->meta.created != NULL ? row->meta.created : now,
	         row->meta.updated != NULL ? row->meta.updated : now)) !=
	        ENT_OK)
		return r;
	if ((r = step_done(db, st)) != ENT_OK)
		return r;
	*done = sqlite3_changes(db->db) == 1;
	return ENT_OK;
}

int
ent_db_put(
    struct ent_db *db, const struct ent_row *row, enum ent_put_result *res)
{
	const char *now = db->now;
	struct stored old;
	sqlite3_stmt *st;
	int64_t version;
	const char *updated;
	bool inserted;
	int r;

	if (row->meta.agency == NULL || !db->in_tx)
		return ENT_EINVAL;
	/* Most puts during an import are new ids: try the insert first and
	 * look at the stored row only when the id is taken. */
	if ((r = try_insert(db, row, now, &inserted)) != ENT_OK)
		return r;
	if (inserted) {
		db->next_seq++;
		*res = ENT_PUT_INSERTED;
		return put_refs(db, row, true);
	}
	if ((r = load_stored(db, row, &old)) != ENT_OK)
		return r;
	if (old.same) {
		*res = ENT_PUT_UNCHANGED;
		return ENT_OK;
	}
	/* A newer version from the owner keeps the owner's time. */
	version = old.version + 1;
	updated = now;
	if (row->meta.version >= version) {
		version = row->meta.version;
		if (row->meta.updated != NULL)
			updated = row->meta.updated;
	}
	if ((r = ent__db_stmt(db, sql_update, &st)) != ENT_OK ||
	    (r = bind_row(db, st, row, version, NULL, updated)) != ENT_OK ||
	    (r = step_done(db, st)) != ENT_OK)
		return r;
	db->next_seq++;
	*res = ENT_PUT_UPDATED;
	return put_refs(db, row, false);
}

int
ent_db_delete(struct ent_db *db, const char *id)
{
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_delete, &st)) != ENT_OK)
		return r;
	ent__db_bind_text(st, 1, id);
	if ((r = step_done(db, st)) != ENT_OK)
		return r;
	if (sqlite3_changes(db->db) == 0)
		return ENT_ENOTFOUND;
	if ((r = ent__db_stmt(db, sql_ref_clear, &st)) != ENT_OK)
		return r;
	ent__db_bind_text(st, 1, id);
	return step_done(db, st);
}

/* A RECORD_COLS query's rows handed to the caller's callback. */
struct record_walk {
	int (*fn)(void *ctx, const struct ent_row *row);
	void *ctx;
};

static int
record_row(void *arg, sqlite3_stmt *st)
{
	struct record_walk *w = arg;
	struct ent_row row;

	row_from(st, &row);
	return w->fn(w->ctx, &row);
}

int
ent_db_get(struct ent_db *db, const char *id,
    int (*fn)(void *ctx, const struct ent_row *row), void *ctx)
{
	struct record_walk w = {fn, ctx};
	sqlite3_stmt *st;
	long n;
	int r;

	if ((r = ent__db_stmt(db, sql_get, &st)) != ENT_OK)
		return r;
	ent__db_bind_text(st, 1, id);
	r = ent__db_rows(db, st, record_row, &w, &n);
	return r == ENT_OK && n == 0 ? ENT_ENOTFOUND : r;
}

int
ent_db_exists(struct ent_db *db, const char *id, bool *yes)
{
	sqlite3_stmt *st;
	int r, rc;

	if ((r = ent__db_stmt(db, sql_exists, &st)) != ENT_OK)
		return r;
	ent__db_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return ent__db_err(db, rc);
	*yes = rc == SQLITE_ROW;
	return ENT_OK;
}

int
ent_db_each(struct ent_db *db, const char *schema,
    int (*fn)(void *ctx, const struct ent_row *row), void *ctx)
{
	struct record_walk w = {fn, ctx};
	sqlite3_stmt *st = NULL;
	int r, rc;

	/* Not cached: callers may read other records while walking. */
	rc = sqlite3_prepare_v2(db->db,
	    schema != NULL ? sql_each_schema : sql_each_all, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return ent__db_err(db, rc);
	if (schema != NULL)
		ent__db_bind_text(st, 1, schema);
	r = ent__db_rows(db, st, record_row, &w, NULL);
	sqlite3_finalize(st);
	return r;
}

struct count_walk {
	int (*fn)(void *ctx, const char *schema, int64_t n);
	void *ctx;
};

static int
count_row(void *arg, sqlite3_stmt *st)
{
	struct count_walk *w = arg;

	return w->fn(
	    w->ctx, ent__db_col_text(st, 0), sqlite3_column_int64(st, 1));
}

int
ent_db_count(struct ent_db *db,
    int (*fn)(void *ctx, const char *schema, int64_t n), void *ctx)
{
	struct count_walk w = {fn, ctx};
	sqlite3_stmt *st;
	int r;

	if ((r = ent__db_stmt(db, sql_count, &st)) != ENT_OK)
		return r;
	return ent__db_rows(db, st, count_row, &w, NULL);
}

struct ref_walk {
	int (*fn)(void *ctx, const char *a, const char *b, const char *c);
	int (*fn1)(void *ctx, const char *a);
	void *ctx;
};

static int
ref_row(void *arg, sqlite3_stmt *st)
{
	struct ref_walk *w = arg;

	if (w->fn1 != NULL)
		return w->fn1(w->ctx, ent__db_col_text(st, 0));
	return w->fn(w->ctx, ent__db_col_text(st, 0), ent__db_col_text(st, 1),
	    ent__db_col_text(st, 2));
}

int
ent_db_each_dangling(struct ent_db *db,
    int (*fn)(
        void *ctx, const char *from_id, const char *prop, const char *to_id),
    void *ctx)
{
	struct ref_walk w = {fn, NULL, ctx};
	sqlite3_stmt *st = NULL;
	int r, rc;

	rc = sqlite3_prepare_v2(db->db, sql_dangling, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return ent__db_err(db, rc);
	r = ent__db_rows(db, st, ref_row, &w, NULL);
	sqlite3_finalize(st);
	return r;
}

int
ent_db_each_referrer(struct ent_db *db, const char *id,
    int (*fn)(void *ctx, const char *from_id), void *ctx)
{
	struct ref_walk w = {NULL, fn, ctx};
	sqlite3_stmt *st = NULL;
	int r, rc;

	rc = sqlite3_prepare_v2(db->db, sql_referrers, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return ent__db_err(db, rc);
	ent__db_bind_text(st, 1, id);
	r = ent__db_rows(db, st, ref_row, &w, NULL);
	sqlite3_finalize(st);
	return r;
}
