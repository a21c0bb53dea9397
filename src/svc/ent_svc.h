/* ent_svc.h - the node's use cases: create a node, import, export, read and
 * change records, screen.  The CLI and the HTTP server are thin adapters
 * over this header; it takes and returns plain domain structs, never JSON
 * values or SQL statements.
 *
 * Threads: a struct ent_node is shared by all threads (it owns the data
 * directory, the settings and the screening index).  Each thread opens its
 * own struct ent_sess (its own database connection) and must not share it. */
#ifndef ENT_SVC_H
#define ENT_SVC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ent_codec.h"
#include "ent_db.h"
#include "ent_diag.h"
#include "ent_match.h"
#include "ent_record.h"

struct ent_node;
struct ent_sess;

/* How a caller that must not block (an event loop) learns that the
 * audit entries written for it are durable.  With the group committer
 * running (ent_svc_audit_group_start), an audited read or screening then
 * returns as soon as its entries are queued; the caller must disclose
 * nothing of the result before done reports ENT_OK.  Without the
 * committer, or for entries written inside a change's transaction, the
 * call blocks as usual and neither function is called. */
struct ent_audit_notify {
	/* On the caller's thread, once per batch of queued entries, before
	 * the call that queued them returns. */
	void (*queued)(void *arg);
	/* Later, once for each queued, on the committer's thread: ENT_OK
	 * when the entries are durable, else why none of them was written. */
	void (*done)(void *arg, int result);
	void *arg;
};

/* Who is acting, for the audit trail.  All fields may be NULL except
 * user; strings are borrowed for the duration of the call (the audit
 * trail copies what it keeps). */
struct ent_actor {
	const char *user;    /* "alice"; "cli" for local command-line use */
	const char *role;    /* "officer", "analyst", "editor", "admin" */
	const char *remote;  /* client address */
	const char *route;   /* "POST /v1/screen", "import" */
	const char *purpose; /* why, as the user stated it */
	/* NULL: block until the entries are durable.  Borrowed until done
	 * is called. */
	const struct ent_audit_notify *notify;
};

/* ---- nodes ---------------------------------------------------------- */

/* The data directory: dir if not NULL, else $ENTENTE_DATA, else
 * "./entente-data".  Static or borrowed; never NULL. */
const char *ent_node_default_dir(const char *dir);

/* Create a node in dir (created if missing; must not already hold one):
 * the database with its schema and node.conf naming the agency.  agency is
 * "CC-NAME": an ISO 3166 alpha-2 code, a dash, 1-32 of [A-Z0-9_-]. */
int ent_node_create(const char *dir, const char *agency, struct ent_diag *d);

/* Open an existing node.  A missing directory or one that is not a node is
 * ENT_ENOTFOUND with d saying so. */
int ent_node_open(const char *dir, struct ent_node **out, struct ent_diag *d);
void ent_node_close(struct ent_node *n); /* NULL-safe; sessions first */

const char *ent_node_agency(const struct ent_node *n); /* borrowed */
const char *ent_node_dir(const struct ent_node *n);    /* borrowed */
/* The database file path.  Borrowed. */
const char *ent_node_db_path(const struct ent_node *n);

int ent_sess_open(
    struct ent_node *n, struct ent_sess **out, struct ent_diag *d);
void ent_sess_close(struct ent_sess *s); /* NULL-safe */
struct ent_node *ent_sess_node(struct ent_sess *s);
/* The session's database connection, for svc-internal files (audit,
 * users).  Adapters must not use it. */
struct ent_db *ent__sess_db(struct ent_sess *s);

/* ---- import / export ------------------------------------------------ */

struct ent_import_opts {
	enum ent_format format; /* ENT_FMT_AUTO to detect */
	bool strict;            /* all-or-nothing: one bad item rejects all */
	/* Called for every rejected item: file name, line (0 if none) and
	 * message.  May be NULL. */
	void (*on_reject)(
	    void *ctx, const char *file, long line, const char *msg);
	/* Called now and then with bytes done / total (total 0 if unknown). */
	void (*on_progress)(void *ctx, long long done, long long total);
	void *ctx;
};

struct ent_import_stats {
	int64_t read, inserted, updated, unchanged, rejected;
};

/* Import one file ("-" for standard input) in one transaction.  Items that
 * are bad are reported through on_reject and counted, the rest are kept
 * (unless strict).  Records that reference ids found neither in the file
 * nor in the node are rejected too.  Returns ENT_OK if the file was read
 * to the end (even with rejected items: check stats->rejected), or an
 * error (ENT_EFORMAT, ENT_EIO, ...) with d, in which case nothing of this
 * file was kept.  stats is added to, so one struct can sum several files. */
int ent_svc_import(struct ent_sess *s, const char *path,
    const struct ent_import_opts *o, const struct ent_actor *actor,
    struct ent_import_stats *stats, struct ent_diag *d);

/* Call fn with each record (of schema, if not NULL) in id order; the
 * record is freed after fn returns.  fn's non-zero return stops the walk
 * and is passed back. */
int ent_svc_each(struct ent_sess *s, const char *schema,
    int (*fn)(void *ctx, const struct ent_record *r), void *ctx);

/* ---- single records ------------------------------------------------- */

/* *out (caller frees with ent_record_free) only on ENT_OK; ENT_ENOTFOUND
 * if there is no such record. */
int ent_svc_get(struct ent_sess *s, const char *id,
    const struct ent_actor *actor, struct ent_record **out);

/* Upsert n records in one transaction.  Each record's metadata defaults to
 * the node's agency.  On ENT_OK res[i] (if res is not NULL) says what
 * happened to recs[i].  A record referencing an id that is neither in recs
 * nor in the store fails the whole call with ENT_EINVAL and d naming it. */
int ent_svc_put(struct ent_sess *s, struct ent_record *const *recs, size_t n,
    const struct ent_actor *actor, enum ent_put_result *res,
    struct ent_diag *d);

/* Delete a record; ENT_ENOTFOUND if there is none. */
int ent_svc_delete(
    struct ent_sess *s, const char *id, const struct ent_actor *actor);

/* Counts per schema, in name order. */
int ent_svc_stats(struct ent_sess *s,
    int (*fn)(void *ctx, const char *schema, int64_t n), void *ctx);

/* ---- screening ------------------------------------------------------ */

/* The node's screening index, built from the store on first use (or at
 * serve start-up) and kept current by ent_svc_put/ent_svc_delete made
 * through this node.  Borrowed; lives as long as the node. */
int ent_svc_index(
    struct ent_node *n, const struct ent_index **out, struct ent_diag *d);

/* Screen one query.  *out only on ENT_OK; free with ent_hits_free().
 * The query and the ids returned are written to the audit trail when
 * actor is not NULL. */
int ent_svc_screen(struct ent_sess *s, const struct ent_query *q,
    const struct ent_screen_opts *o, const struct ent_actor *actor,
    struct ent_hits **out, struct ent_diag *d);

/* Screen n queries on nthreads threads (1..64).  out[i] receives the hits
 * for q[i] (free each with ent_hits_free), or NULL with err[i] set if that
 * query failed.  With an actor, every query and the ids it returned go to
 * the audit trail in one transaction, tagged with ids[i] (may be NULL).
 * Returns ENT_OK unless the index or the audit trail failed. */
int ent_svc_screen_many(struct ent_sess *s, const struct ent_query *q, size_t n,
    const struct ent_screen_opts *o, unsigned nthreads,
    const struct ent_actor *actor, const char *const *ids,
    struct ent_hits **out, int *err, struct ent_diag *d);

/* Append the hits as a JSON array to b: one object per hit with id,
 * score, match, caption, schema, agency and explanation (an array of
 * {"feature", "score", "detail"}).  Shared by the CLI and HTTP output. */
int ent_svc_hits_json(const struct ent_hits *h, struct ent_buf *b);

#endif /* ENT_SVC_H */
