/* svc_int.h - what the files of src/svc share; private to the module. */
#ifndef ENT_SVC_INT_H
#define ENT_SVC_INT_H

#include <pthread.h>

#include "ent_svc.h"

#define NODE_CONF "node.conf"
#define NODE_DB "entente.db"

struct ent_node {
	char *dir;
	char *db_path;
	char *agency;
	/* The screening index: built once on first use, then updated by
	 * every change made through this node.  index_lock guards building
	 * it (not reading it: the index locks itself). */
	pthread_mutex_t index_lock;
	struct ent_index *index;
};

struct ent_sess {
	struct ent_node *node;
	struct ent_db *db;
};

/* Turn a record into a store row; the row borrows from r and from the
 * buffers, which the caller keeps alive until the row is stored. */
struct row_bufs {
	struct ent_buf props;
	struct ent_ref *refs;
	size_t nrefs, cap;
};
void ent__row_bufs_init(struct row_bufs *b);
void ent__row_bufs_fini(struct row_bufs *b);
int ent__row_from_record(
    const struct ent_record *r, struct row_bufs *b, struct ent_row *row);

/* Decode a stored row into a record the caller owns. */
int ent__record_from_row(const struct ent_row *row, struct ent_record **out);

/* Tell the index (if built) about a change committed through this node. */
void ent__index_note_put(struct ent_node *n, const struct ent_record *r);
void ent__index_note_delete(struct ent_node *n, const char *id);

/* Audit trail (svc_audit.c).  _tx appends inside the caller's open write
 * transaction; the other appends on its own and returns once durable. */
int ent__svc_audit_tx(struct ent_sess *s, const struct ent_actor *a,
    const char *action, const char *query, const char *const *ids, size_t nids);
int ent_svc_audit(struct ent_sess *s, const struct ent_actor *a,
    const char *action, const char *query, const char *const *ids, size_t nids);

#endif /* ENT_SVC_INT_H */
