/* svc_screen.c - the node's screening index and the screen use case.
 *
 * The index is built from the store on first use.  Building takes the
 * node's index_lock so two threads never build it twice; once built, the
 * index does its own locking and changes committed through this node are
 * applied to it right after commit (ent__index_note_*), so a screening
 * sees a change as soon as the writer's call returns. */
#include <stdlib.h>
#include <string.h>

#include "ent_err.h"
#include "ent_util.h"
#include "svc_int.h"

/* Records are decoded from the store in batches and analysed on two
 * threads: at a million records the name analysis, not SQLite, is what
 * start-up waits for. */
#define BUILD_BATCH 8192

struct build_ctx {
	struct ent_index *ix;
	struct ent_record *batch[BUILD_BATCH];
	size_t n;
	int err;
};

static int
flush_batch(struct build_ctx *bc)
{
	size_t i;
	int rc;

	rc = ent_index_put_many(bc->ix,
	    (const struct ent_record *const *)bc->batch, bc->n, 2, NULL);
	for (i = 0; i < bc->n; i++)
		ent_record_free(bc->batch[i]);
	bc->n = 0;
	return rc;
}

static int
index_row(void *ctx, const struct ent_row *row)
{
	struct build_ctx *bc = ctx;
	int rc;

	if ((rc = ent__record_from_row(row, &bc->batch[bc->n])) != ENT_OK)
		return bc->err = rc;
	if (++bc->n == BUILD_BATCH && (rc = flush_batch(bc)) != ENT_OK)
		return bc->err = rc;
	return 0;
}

static int
build(struct ent_node *n, struct ent_index **out, struct ent_diag *d)
{
	struct build_ctx *bc;
	struct ent_sess *s = NULL;
	int r;

	if ((bc = calloc(1, sizeof(*bc))) == NULL)
		return ENT_ENOMEM;
	if ((r = ent_index_new(&bc->ix)) != ENT_OK)
		goto fail;
	if ((r = ent_sess_open(n, &s, d)) != ENT_OK)
		goto fail;
	if ((r = ent_db_each(s->db, NULL, index_row, bc)) != ENT_OK ||
	    (r = flush_batch(bc)) != ENT_OK) {
		ent_diag_set(
		    d, "building the screening index: %s", ent_strerror(r));
		goto fail;
	}
	ent_sess_close(s);
	*out = bc->ix;
	free(bc);
	return ENT_OK;
fail:
	while (bc->n > 0)
		ent_record_free(bc->batch[--bc->n]);
	ent_sess_close(s);
	ent_index_free(bc->ix);
	free(bc);
	return r;
}

int
ent_svc_index(
    struct ent_node *n, const struct ent_index **out, struct ent_diag *d)
{
	int r = ENT_OK;

	pthread_mutex_lock(&n->index_lock);
	if (n->index == NULL)
		r = build(n, &n->index, d);
	if (r == ENT_OK)
		*out = n->index;
	pthread_mutex_unlock(&n->index_lock);
	return r;
}

/* The index pointer is written once under index_lock and never changes
 * afterwards, so reading it under the lock is enough to see it. */
static struct ent_index *
built_index(struct ent_node *n)
{
	struct ent_index *ix;

	pthread_mutex_lock(&n->index_lock);
	ix = n->index;
	pthread_mutex_unlock(&n->index_lock);
	return ix;
}

void
ent__index_note_put(struct ent_node *n, const struct ent_record *r)
{
	struct ent_index *ix = built_index(n);

	if (ix != NULL)
		ent_index_put(ix, r);
}

void
ent__index_note_delete(struct ent_node *n, const char *id)
{
	struct ent_index *ix = built_index(n);

	if (ix != NULL)
		ent_index_remove(ix, id);
}

/* A compact description of the query for the audit trail. */
static void
describe(const struct ent_query *q, struct ent_buf *b)
{
	size_t i;

	ent_buf_adds(b, "{\"names\":[");
	for (i = 0; i < q->nnames; i++) {
		const char *p;

		ent_buf_adds(b, i > 0 ? ",\"" : "\"");
		for (p = q->names[i]; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				ent_buf_addc(b, '\\');
			if ((unsigned char)*p >= 0x20)
				ent_buf_addc(b, *p);
		}
		ent_buf_addc(b, '"');
	}
	ent_buf_adds(b, "]");
	if (q->birth_date != NULL)
		ent_buf_printf(b, ",\"birth_date\":\"%.20s\"", q->birth_date);
	if (q->nationality != NULL)
		ent_buf_printf(b, ",\"nationality\":\"%.3s\"", q->nationality);
	if (q->ndocs > 0)
		ent_buf_printf(b, ",\"documents\":%zu", q->ndocs);
	ent_buf_adds(b, "}");
}

int
ent_svc_screen(struct ent_sess *s, const struct ent_query *q,
    const struct ent_screen_opts *o, const struct ent_actor *actor,
    struct ent_hits **out, struct ent_diag *d)
{
	const struct ent_index *ix;
	struct ent_hits *hits = NULL;
	struct ent_buf desc;
	const char **ids = NULL;
	size_t i;
	int r;

	if ((r = ent_svc_index(s->node, &ix, d)) != ENT_OK)
		return r;
	if ((r = ent_index_screen(ix, q, o, &hits)) != ENT_OK) {
		ent_diag_set(d, "screening failed: %s", ent_strerror(r));
		return r;
	}
	if (actor != NULL) {
		ent_buf_init(&desc, 1 << 16);
		describe(q, &desc);
		if ((ids = calloc(hits->n + 1, sizeof(*ids))) == NULL) {
			r = ENT_ENOMEM;
		} else {
			for (i = 0; i < hits->n; i++)
				ids[i] = hits->hits[i].id;
			r = ent_svc_audit(s, actor, "screen",
			    ent_buf_str(&desc), ids, hits->n);
		}
		free(ids);
		ent_buf_fini(&desc);
		if (r != ENT_OK) {
			ent_diag_set(d, "cannot write the audit trail: %s",
			    ent_strerror(r));
			ent_hits_free(hits);
			return r;
		}
	}
	*out = hits;
	return ENT_OK;
}

static int
audit_many(struct ent_sess *s, const struct ent_actor *actor,
    const struct ent_query *q, size_t n, const char *const *qids,
    struct ent_hits **out)
{
	struct ent_buf desc;
	const char **ids = NULL;
	size_t i, j, cap = 0;
	int r;

	ent_buf_init(&desc, 1 << 16);
	if ((r = ent_db_begin(s->db)) != ENT_OK)
		goto out;
	for (i = 0; i < n && r == ENT_OK; i++) {
		size_t nh = out[i] != NULL ? out[i]->n : 0;

		if (nh + 1 > cap) {
			const char **nv;

			cap = nh + 1;
			if ((nv = realloc(ids, cap * sizeof(*ids))) == NULL) {
				r = ENT_ENOMEM;
				break;
			}
			ids = nv;
		}
		for (j = 0; j < nh; j++)
			ids[j] = out[i]->hits[j].id;
		ent_buf_reset(&desc);
		if (qids != NULL && qids[i] != NULL) {
			ent_buf_adds(&desc, "{\"query_id\":");
			ent_json_str(&desc, qids[i]);
			ent_buf_adds(&desc, ",\"query\":");
		}
		describe(&q[i], &desc);
		if (qids != NULL && qids[i] != NULL)
			ent_buf_addc(&desc, '}');
		r = ent__svc_audit_tx(
		    s, actor, "screen", ent_buf_str(&desc), ids, nh);
	}
	if (r == ENT_OK)
		r = ent_db_commit(s->db);
	else
		ent_db_rollback(s->db);
out:
	free(ids);
	ent_buf_fini(&desc);
	return r;
}

int
ent_svc_screen_many(struct ent_sess *s, const struct ent_query *q, size_t n,
    const struct ent_screen_opts *o, unsigned nthreads,
    const struct ent_actor *actor, const char *const *ids,
    struct ent_hits **out, int *err, struct ent_diag *d)
{
	const struct ent_index *ix;
	int r;

	if ((r = ent_svc_index(s->node, &ix, d)) != ENT_OK)
		return r;
	/* Per-query failures are reported through err[]; the call as a whole
	 * fails only if the audit trail cannot be written. */
	ent_index_screen_many(ix, q, n, o, nthreads, out, err);
	if (actor != NULL && (r = audit_many(s, actor, q, n, ids, out))) {
		ent_diag_set(
		    d, "cannot write the audit trail: %s", ent_strerror(r));
		return r;
	}
	return ENT_OK;
}

int
ent_svc_hits_json(const struct ent_hits *h, struct ent_buf *b)
{
	size_t i, j;
	int r = ent_buf_addc(b, '[');

	for (i = 0; r == ENT_OK && i < h->n; i++) {
		const struct ent_hit *x = &h->hits[i];

		r = ent_buf_adds(b, i > 0 ? ",{\"id\":" : "{\"id\":");
		if (r == ENT_OK)
			r = ent_json_str(b, x->id);
		if (r == ENT_OK)
			r = ent_buf_printf(b,
			    ",\"score\":%.4f,\"match\":%s,\"caption\":",
			    x->score, x->match ? "true" : "false");
		if (r == ENT_OK)
			r = ent_json_str(
			    b, x->caption != NULL ? x->caption : "");
		if (r == ENT_OK)
			r = ent_buf_adds(b, ",\"schema\":");
		if (r == ENT_OK)
			r = ent_json_str(b, x->schema != NULL ? x->schema : "");
		if (r == ENT_OK)
			r = ent_buf_adds(b, ",\"agency\":");
		if (r == ENT_OK)
			r = ent_json_str(b, x->agency != NULL ? x->agency : "");
		if (r == ENT_OK)
			r = ent_buf_adds(b, ",\"explanation\":[");
		for (j = 0; r == ENT_OK && j < x->nfeatures; j++) {
			r = ent_buf_adds(
			    b, j > 0 ? ",{\"feature\":" : "{\"feature\":");
			if (r == ENT_OK)
				r = ent_json_str(b, x->features[j].name);
			if (r == ENT_OK)
				r = ent_buf_printf(b,
				    ",\"score\":%.4f,\"detail\":",
				    x->features[j].score);
			if (r == ENT_OK)
				r = ent_json_str(
				    b, x->features[j].detail != NULL
				           ? x->features[j].detail
				           : "");
			if (r == ENT_OK)
				r = ent_buf_addc(b, '}');
		}
		if (r == ENT_OK)
			r = ent_buf_adds(b, "]}");
	}
	return r == ENT_OK ? ent_buf_addc(b, ']') : r;
}
