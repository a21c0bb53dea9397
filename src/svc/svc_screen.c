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

/* Records are read from the store in batches; each batch is decoded on
 * two threads and then analysed on two threads (ent_index_put_many).  At a
 * million records, JSON decoding and name analysis, not SQLite, are what
 * start-up waits for. */
#define BUILD_BATCH 8192
#define BUILD_THREADS 2

/* A row copied out of SQLite: the store's strings die at the next step. */
struct raw_row {
	struct ent_row row;
	char *mem; /* id, schema, props, caption and agency, NUL-separated */
};

struct build_ctx {
	struct ent_index *ix;
	struct raw_row raw[BUILD_BATCH];
	struct ent_record *rec[BUILD_BATCH];
	size_t n;
	int err;
};

struct decode_part {
	struct build_ctx *bc;
	size_t from, to;
	int err;
};

static void *
decode_part(void *arg)
{
	struct decode_part *dp = arg;
	size_t i;
	int rc;

	for (i = dp->from; i < dp->to; i++) {
		if ((rc = ent__record_from_row(
		         &dp->bc->raw[i].row, &dp->bc->rec[i])) != ENT_OK) {
			dp->err = rc;
			break;
		}
	}
	return NULL;
}

static int
flush_batch(struct build_ctx *bc)
{
	struct decode_part parts[BUILD_THREADS];
	pthread_t tid[BUILD_THREADS];
	size_t i, per = (bc->n + BUILD_THREADS - 1) / BUILD_THREADS;
	bool started[BUILD_THREADS] = {false};
	int rc = ENT_OK;

	memset(bc->rec, 0, bc->n * sizeof(bc->rec[0]));
	for (i = 0; i < BUILD_THREADS; i++) {
		parts[i].bc = bc;
		parts[i].from = i * per < bc->n ? i * per : bc->n;
		parts[i].to = (i + 1) * per < bc->n ? (i + 1) * per : bc->n;
		parts[i].err = ENT_OK;
		/* The last part runs here; so does any a thread could not. */
		if (i + 1 < BUILD_THREADS &&
		    pthread_create(&tid[i], NULL, decode_part, &parts[i]) == 0)
			started[i] = true;
		else
			decode_part(&parts[i]);
	}
	for (i = 0; i < BUILD_THREADS; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		if (parts[i].err != ENT_OK)
			rc = parts[i].err;
	}
	if (rc == ENT_OK)
		rc = ent_index_put_many(bc->ix,
		    (const struct ent_record *const *)bc->rec, bc->n,
		    BUILD_THREADS, NULL);
	for (i = 0; i < bc->n; i++) {
		ent_record_free(bc->rec[i]);
		free(bc->raw[i].mem);
	}
	bc->n = 0;
	return rc;
}

/* Copy the strings of row into one allocation. */
static int
copy_row(const struct ent_row *row, struct raw_row *raw)
{
	const char *src[5] = {
	    row->id, row->schema, row->props, row->caption, row->meta.agency};
	size_t len[5], total = 0, i;
	char *p;

	for (i = 0; i < 5; i++)
		total += (len[i] = src[i] != NULL ? strlen(src[i]) : 0) + 1;
	if ((raw->mem = p = malloc(total)) == NULL)
		return ENT_ENOMEM;
	raw->row = *row;
	for (i = 0; i < 5; i++) {
		memcpy(p, src[i] != NULL ? src[i] : "", len[i] + 1);
		src[i] = p;
		p += len[i] + 1;
	}
	raw->row.id = src[0];
	raw->row.schema = src[1];
	raw->row.props = src[2];
	raw->row.caption = src[3];
	raw->row.meta.agency = src[4];
	/* The index needs only the owner; the other metadata is not copied. */
	raw->row.meta.created = raw->row.meta.updated = NULL;
	raw->row.meta.legal_basis = raw->row.meta.handling = NULL;
	raw->row.meta.distribution = NULL;
	raw->row.meta.review_by = raw->row.meta.expires = NULL;
	return ENT_OK;
}

static int
index_row(void *ctx, const struct ent_row *row)
{
	const struct ent_schema *s = ent_schema_get(row->schema);
	struct build_ctx *bc = ctx;
	int rc;

	/* Links carry no name or document to screen. */
	if (s != NULL && s->edge)
		return 0;
	if ((rc = copy_row(row, &bc->raw[bc->n])) != ENT_OK)
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
		free(bc->raw[--bc->n].mem);
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

/* Append ,"key":"value" with value escaped, when value is set. */
static void
describe_str(struct ent_buf *b, const char *key, const char *value)
{
	if (value == NULL)
		return;
	ent_buf_printf(b, ",\"%s\":", key);
	ent_json_str(b, value);
}

/* The query as the audit trail keeps it: everything the officer asked
 * about, document numbers included, since police rules require knowing
 * exactly what was searched. */
static void
describe(const struct ent_query *q, struct ent_buf *b)
{
	size_t i;

	ent_buf_adds(b, "{\"names\":[");
	for (i = 0; i < q->nnames; i++) {
		if (i > 0)
			ent_buf_addc(b, ',');
		ent_json_str(b, q->names[i]);
	}
	ent_buf_adds(b, "]");
	describe_str(b, "schema", q->schema);
	describe_str(b, "birth_date", q->birth_date);
	describe_str(b, "nationality", q->nationality);
	describe_str(b, "gender", q->gender);
	if (q->ndocs > 0) {
		ent_buf_adds(b, ",\"documents\":[");
		for (i = 0; i < q->ndocs; i++) {
			ent_buf_adds(
			    b, i > 0 ? ",{\"number\":" : "{\"number\":");
			ent_json_str(b,
			    q->docs[i].number != NULL ? q->docs[i].number : "");
			describe_str(b, "country", q->docs[i].country);
			ent_buf_addc(b, '}');
		}
		ent_buf_addc(b, ']');
	}
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
