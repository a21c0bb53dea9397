/* ent_svc_auth.h - users, roles and the audit trail: who may do what, and
 * the record of what they did.
 *
 * Roles, least to most: officer (screen) < analyst (+ read, search) <
 * editor (+ create, change, delete records) < admin (+ users, audit).
 * ent_role_may() is the one place that decides; adapters call it for every
 * route and deny whatever it does not allow.
 *
 * The audit trail is an append-only, hash-chained table (docs/audit.md).
 * Every entry is durable before the function that appends it returns.
 * Without a group committer each append is its own transaction; with one
 * (ent_svc_audit_group_start, used by `entente serve`) concurrent appends
 * from all threads are written together by one writer thread, one fsync
 * per batch instead of one per request.
 *
 * Threads: every function here takes a session and follows its rule (one
 * thread per session).  The group committer is shared by all sessions of
 * its node and is thread-safe. */
#ifndef ENT_SVC_AUTH_H
#define ENT_SVC_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ent_crypto.h"
#include "ent_db_auth.h"
#include "ent_svc.h"

/* ---- roles and the access policy ----------------------------------- */

enum ent_role {
	ENT_ROLE_NONE = 0, /* not authenticated: may do nothing */
	ENT_ROLE_OFFICER,
	ENT_ROLE_ANALYST,
	ENT_ROLE_EDITOR,
	ENT_ROLE_ADMIN,
};

enum ent_action {
	ENT_ACT_SCREEN,  /* screen a name or document */
	ENT_ACT_READ,    /* read one record */
	ENT_ACT_SEARCH,  /* search records by name */
	ENT_ACT_CREATE,  /* create or change records (upsert) */
	ENT_ACT_DELETE,  /* delete a record */
	ENT_ACT_USERS,   /* add, list, revoke users */
	ENT_ACT_AUDIT,   /* read and verify the audit trail */
	ENT_ACT_METRICS, /* read operational metrics (no record data) */
	ENT_ACT__COUNT
};

/* "officer" ... "admin" -> role; ENT_EINVAL for anything else. */
int ent_role_parse(const char *s, enum ent_role *out);
/* "officer" ... "admin"; "none" for ENT_ROLE_NONE or out of range. */
const char *ent_role_name(enum ent_role r);
/* "screen", "read", ...: the action's name in messages. */
const char *ent_action_name(enum ent_action a);

/* True if role r may perform action a.  Deny by default: an unknown role
 * or action, or ENT_ROLE_NONE, may do nothing. */
bool ent_role_may(enum ent_role r, enum ent_action a);

/* ---- users ----------------------------------------------------------- */

/* User names are 1..ENT_USER_NAME_MAX of [A-Za-z0-9._@-]. */
#define ENT_USER_NAME_MAX 64

/* An authenticated caller.  Plain values, no ownership. */
struct ent_principal {
	char name[ENT_USER_NAME_MAX + 1];
	enum ent_role role;
};

/* Add a user with a new random API token, written to token (shown to the
 * operator once; only its hash is stored).  The change is audited as
 * "user_add" by actor in the same transaction.  ENT_EINVAL (bad name) or
 * ENT_EEXIST (name taken, even by a revoked user) with d. */
int ent_svc_user_add(struct ent_sess *s, const char *name, enum ent_role role,
    const struct ent_actor *actor, char token[ENT_TOKEN_SIZE],
    struct ent_diag *d);

/* fn for every user, in name order (u's strings are borrowed for the
 * call; token_hash is the hash, never the token).  fn's non-zero return
 * stops the walk and is passed back. */
int ent_svc_user_list(struct ent_sess *s,
    int (*fn)(void *ctx, const struct ent_db_user *u), void *ctx);

/* Revoke a user: its token stops working at once.  Audited as
 * "user_revoke".  ENT_ENOTFOUND if there is no such active user. */
int ent_svc_user_revoke(
    struct ent_sess *s, const char *name, const struct ent_actor *actor);

/* Who holds this bearer token (len bytes)?  *out only on ENT_OK.
 * ENT_EAUTH for an unknown, malformed or revoked token. */
int ent_svc_authenticate(struct ent_sess *s, const char *token, size_t len,
    struct ent_principal *out);

/* ---- the audit trail ------------------------------------------------- */

/* Append one entry: actor (user, role, remote, route, purpose), what was
 * done (action: "screen", "read", "put", "delete", ...), the query as text
 * (may be NULL) and the ids involved.  Ids of reads, screenings and
 * searches are stored as result ids, others as record ids.  Status is 0.
 * For reads and screenings: its own transaction (or the group committer);
 * durable on return unless a->notify is set (ent_svc_audit_events). */
int ent_svc_audit(struct ent_sess *s, const struct ent_actor *a,
    const char *action, const char *query, const char *const *ids, size_t nids);

/* The same inside the caller's open write transaction on s (for changes,
 * so that the change and its entry commit or vanish together). */
int ent__svc_audit_tx(struct ent_sess *s, const struct ent_actor *a,
    const char *action, const char *query, const char *const *ids, size_t nids);

/* One entry in full, for adapters that know more (status of a refused
 * request, both record and result ids). */
struct ent_audit_event {
	const struct ent_actor *actor;
	const char *action;
	const char *query;
	const char *const *record_ids;
	size_t nrecord;
	const char *const *result_ids;
	size_t nresult;
	int status; /* 0 = done; else the HTTP status of a refusal/failure */
};

/* Append n events in order; durable on return (group commit when one is
 * running for the session's node), unless ev[0].actor->notify is set and
 * the committer runs: then the events are copied and queued, and notify
 * says when they are durable (struct ent_audit_notify).  ENT_EBUSY if the
 * store stayed locked or the committer is stopping, ENT_EIO on a write
 * failure: then none of them was written. */
int ent_svc_audit_events(
    struct ent_sess *s, const struct ent_audit_event *ev, size_t n);

/* Start the group committer for node n: a thread with its own session
 * that appends queued entries in one transaction per batch.  Entries
 * queued by ent_svc_audit*() for n from any thread go through it from
 * then on.  Stop it (after the last request) with _stop, which writes
 * what is queued first.  One committer per node. */
int ent_svc_audit_group_start(struct ent_node *n, struct ent_diag *d);
void ent_svc_audit_group_stop(struct ent_node *n);

/* fn for every entry in order, of user and since a time (both optional;
 * since is ISO 8601, "2025-01-31" or "2025-01-31T12:00:00Z"). */
int ent_svc_audit_show(struct ent_sess *s, const char *user, const char *since,
    int (*fn)(void *ctx, const struct ent_db_audit *e), void *ctx);

struct ent_audit_verdict {
	int64_t entries; /* entries checked */
	int64_t bad_seq; /* first bad entry (0 if none) */
};

/* Walk the chain.  ENT_OK if every entry is intact and in place.
 * ENT_EFORMAT with v->bad_seq and d naming the first entry that was
 * altered, removed, inserted or reordered; other codes on store errors.
 * Removing the newest entries leaves a chain that still verifies: see
 * docs/audit.md for how to anchor the head outside the node. */
int ent_svc_audit_verify(
    struct ent_sess *s, struct ent_audit_verdict *v, struct ent_diag *d);

/* The canonical bytes of an entry, which its hash covers (exported for
 * tests and for external verifiers).  Appends to b. */
int ent_audit_canonical(const struct ent_db_audit *e, struct ent_buf *b);

#endif /* ENT_SVC_AUTH_H */
