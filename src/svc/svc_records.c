/* svc_records.c - reading and changing records: import, export walk, get,
 * upsert, delete, counts.
 *
 * Every change runs in one write transaction together with its audit entry.
 * References between records are checked here, where both the file being
 * imported and the store are visible: a reference must name a record that
 * exists when the transaction commits. */
#include <stdlib.h>
#include <string.h>

#include "ent_err.h"
#include "ent_util.h"
#include "svc_int.h"

/* ---- records <-> rows ------------------------------------------------ */

void
ent__row_bufs_init(struct row_bufs *b)
{
	memset(b, 0, sizeof(*b));
	ent_buf_init(&b->props, (size_t)64 << 20);
}

void
ent__row_bufs_fini(struct row_bufs *b)
{
	ent_buf_fini(&b->props);
	free(b->refs);
	memset(b, 0, sizeof(*b));
}

static int
collect_ref(void *ctx, const char *prop, const char *id)
{
	struct row_bufs *b = ctx;
	struct ent_ref *nr;
	size_t ncap;

	if (b->nrefs == b->cap) {
		ncap = b->cap != 0 ? b->cap * 2 : 4;
		if ((nr = realloc(b->refs, ncap * sizeof(*nr))) == NULL)
			return ENT_ENOMEM;
		b->refs = nr;
		b->cap = ncap;
	}
	b->refs[b->nrefs].prop = prop;
	b->refs[b->nrefs].to = id;
	b->nrefs++;
	return 0;
}

int
ent__row_from_record(
    const struct ent_record *r, struct row_bufs *b, struct ent_row *row)
{
	int rc;

	ent_buf_reset(&b->props);
	b->nrefs = 0;
	if ((rc = ent_ftm_props_encode(r, &b->props)) != ENT_OK ||
	    (rc = ent_record_each_ref(r, collect_ref, b)) != ENT_OK)
		return rc;
	memset(row, 0, sizeof(*row));
	row->id = r->id;
	row->schema = r->schema->name;
	row->props = ent_buf_str(&b->props);
	row->caption = ent_record_caption(r);
	row->meta.agency = r->meta.agency;
	row->meta.version = r->meta.version;
	row->meta.created = r->meta.created;
	row->meta.updated = r->meta.updated;
	row->meta.legal_basis = r->meta.legal_basis;
	row->meta.handling = r->meta.handling;
	row->meta.distribution = r->meta.distribution;
	row->meta.review_by = r->meta.review_by;
	row->meta.expires = r->meta.expires;
	row->refs = b->refs;
	row->nrefs = b->nrefs;
	return ENT_OK;
}

int
ent__record_from_row(const struct ent_row *row, struct ent_record **out)
{
	struct ent_record *r = NULL;
	struct ent_meta *m;
	int rc;

	if ((rc = ent_record_new(row->id, row->schema, &r, NULL)) != ENT_OK ||
	    (rc = ent_ftm_props_decode(
	         r, row->props, strlen(row->props), NULL)) != ENT_OK)
		goto fail;
	m = &r->meta;
	m->version = row->meta.version;
	if (ent_meta_set(&m->agency, row->meta.agency) ||
	    ent_meta_set(&m->created, row->meta.created) ||
	    ent_meta_set(&m->updated, row->meta.updated) ||
	    ent_meta_set(&m->legal_basis, row->meta.legal_basis) ||
	    ent_meta_set(&m->handling, row->meta.handling) ||
	    ent_meta_set(&m->distribution, row->meta.distribution) ||
	    ent_meta_set(&m->review_by, row->meta.review_by) ||
	    ent_meta_set(&m->expires, row->meta.expires)) {
		rc = ENT_ENOMEM;
		goto fail;
	}
	*out = r;
	return ENT_OK;
fail:
	/* A stored row that no longer decodes is a bug or a corrupt file. */
	ent_record_free(r);
	return rc == ENT_EINVAL ? ENT_EINTERNAL : rc;
}

/* ---- pending references ------------------------------------------------
 * A record whose references name ids not yet stored is "pending": the ids
 * may come later in the same file.  At the end of the file each pending
 * record is checked again; one still dangling is rejected and taken out. */

struct pending {
	char *id;
	long line;
};

struct pending_list {
	struct pending *v;
	size_t n, cap;
};

static int
pending_add(struct pending_list *pl, const char *id, long line)
{
	struct pending *nv;
	size_t ncap;

	if (pl->n == pl->cap) {
		ncap = pl->cap != 0 ? pl->cap * 2 : 16;
		if ((nv = realloc(pl->v, ncap * sizeof(*nv))) == NULL)
			return ENT_ENOMEM;
		pl->v = nv;
		pl->cap = ncap;
	}
	if ((pl->v[pl->n].id = ent_strdup(id)) == NULL)
		return ENT_ENOMEM;
	pl->v[pl->n].line = line;
	pl->n++;
	return ENT_OK;
}

static void
pending_fini(struct pending_list *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		free(pl->v[i].id);
	free(pl->v);
	memset(pl, 0, sizeof(*pl));
}

/* The first reference of row whose target is not stored, or NULL. */
static int
first_missing(struct ent_db *db, const struct ent_ref *refs, size_t n,
    const char *self, const struct ent_ref **missing)
{
	bool yes;
	size_t i;
	int r;

	*missing = NULL;
	for (i = 0; i < n; i++) {
		if (strcmp(refs[i].to, self) == 0)
			continue;
		if ((r = ent_db_exists(db, refs[i].to, &yes)) != ENT_OK)
			return r;
		if (!yes) {
			*missing = &refs[i];
			return ENT_OK;
		}
	}
	return ENT_OK;
}

/* ---- import ------------------------------------------------------------ */

struct import_run {
	struct ent_sess *s;
	const struct ent_import_opts *o;
	struct ent_import_stats st;
	struct pending_list pending;
	struct row_bufs rb;
	const char *name;
};

static void
reject(struct import_run *ir, long line, const char *msg)
{
	ir->st.rejected++;
	if (ir->o->on_reject != NULL)
		ir->o->on_reject(ir->o->ctx, ir->name, line, msg);
}

static void
progress(struct import_run *ir, struct ent_reader *rd)
{
	long long done, total;

	if (ir->o->on_progress == NULL)
		return;
	ent_reader_progress(rd, &done, &total);
	ir->o->on_progress(ir->o->ctx, done, total);
}

/* Store one record, already encoded into row, in the import's
 * transaction, and remember it when a reference is not yet resolvable. */
static int
import_row(struct import_run *ir, const struct ent_row *row, long line)
{
	const struct ent_ref *missing;
	enum ent_put_result res;
	int r;

	if ((r = first_missing(ir->s->db, row->refs, row->nrefs, row->id,
	         &missing)) != ENT_OK)
		return r;
	/* Updating a stored record to one with a dangling reference cannot
	 * be undone cheaply at the end; such a record must name ids that
	 * exist or come earlier in the file. */
	if (missing != NULL) {
		bool exists;

		if ((r = ent_db_exists(ir->s->db, row->id, &exists)) != ENT_OK)
			return r;
		if (exists) {
			char msg[ENT_DIAG_MAX];

			snprintf(msg, sizeof(msg),
			    "record '%.64s': %s references '%.64s', which is "
			    "not in the node (an update must reference records "
			    "that exist or come earlier in the file)",
			    row->id, missing->prop, missing->to);
			reject(ir, line, msg);
			return ENT_OK;
		}
	}
	if ((r = ent_db_put(ir->s->db, row, &res)) != ENT_OK)
		return r;
	if (missing != NULL &&
	    (r = pending_add(&ir->pending, row->id, line)) != ENT_OK)
		return r;
	if (res == ENT_PUT_INSERTED)
		ir->st.inserted++;
	else if (res == ENT_PUT_UPDATED)
		ir->st.updated++;
	else
		ir->st.unchanged++;
	return ENT_OK;
}

/* ---- the import pipeline ------------------------------------------------
 * Items are read in batches.  While this thread stores batch k in SQLite
 * (which only one thread may do), a second thread decodes, validates and
 * encodes batch k+1; when this thread is done storing it helps with the
 * rest of k+1.  Decoding is most of the work of an FtM import, so two
 * cores nearly halve it.  Items keep their order: they are stored in
 * file order, so reports and "unchanged" counts are as with one thread. */

#define IMPORT_BATCH 2048
#define RAW_KEEP (1u << 20) /* larger line buffers are freed after use */

struct import_item {
	struct ent_buf raw;     /* FtM: the line, decoded by prepare() */
	struct ent_buf strs;    /* the row's strings, once detached */
	struct ent_record *rec; /* the record, once decoded */
	long line;
	int rc; /* ENT_OK, or why the item is rejected */
	struct ent_diag diag;
	struct row_bufs rb;
	struct ent_row row;
};

struct import_batch {
	struct import_item items[IMPORT_BATCH];
	size_t n;
	size_t next; /* the next item to prepare, under lock */
	pthread_mutex_t lock;
	const char *agency;
};

static void
item_clear(struct import_item *it)
{
	ent_record_free(it->rec);
	it->rec = NULL;
	it->rc = ENT_OK;
	it->line = 0;
	ent_diag_clear(&it->diag);
	if (it->raw.cap > RAW_KEEP)
		ent_buf_fini(&it->raw);
	ent_buf_reset(&it->raw);
}

static struct import_batch *
batch_new(const char *agency)
{
	struct import_batch *b = calloc(1, sizeof(*b));
	size_t i;

	if (b == NULL)
		return NULL;
	pthread_mutex_init(&b->lock, NULL);
	b->agency = agency;
	for (i = 0; i < IMPORT_BATCH; i++) {
		ent_buf_init(&b->items[i].raw, ENT_LINE_MAX);
		ent_buf_init(&b->items[i].strs, ENT_LINE_MAX);
		ent__row_bufs_init(&b->items[i].rb);
	}
	return b;
}

static void
batch_free(struct import_batch *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < IMPORT_BATCH; i++) {
		item_clear(&b->items[i]);
		ent_buf_fini(&b->items[i].raw);
		ent_buf_fini(&b->items[i].strs);
		ent__row_bufs_fini(&b->items[i].rb);
	}
	pthread_mutex_destroy(&b->lock);
	free(b);
}

/* Copy the strings the row borrows from its record into the item, so the
 * record can be freed by the thread that allocated it: freeing memory of
 * another thread's malloc arena costs more than the copy. */
static int
detach_row(struct import_item *it)
{
	const char **slots[11 + ENT_VALUES_MAX];
	struct ent_row *row = &it->row;
	size_t n = 0, i, off[11 + ENT_VALUES_MAX];
	int r = ENT_OK;

	slots[n++] = &row->id;
	slots[n++] = &row->caption;
	slots[n++] = &row->meta.agency;
	slots[n++] = &row->meta.created;
	slots[n++] = &row->meta.updated;
	slots[n++] = &row->meta.legal_basis;
	slots[n++] = &row->meta.handling;
	slots[n++] = &row->meta.distribution;
	slots[n++] = &row->meta.review_by;
	slots[n++] = &row->meta.expires;
	for (i = 0; i < row->nrefs && n < sizeof(slots) / sizeof(slots[0]); i++)
		slots[n++] = &it->rb.refs[i].to;
	if (n < 10 + row->nrefs)
		return ENT_ETOOBIG;
	ent_buf_reset(&it->strs);
	/* Offsets first: the buffer may move while it grows. */
	for (i = 0; i < n && r == ENT_OK; i++) {
		off[i] = ent_buf_len(&it->strs);
		if (*slots[i] != NULL)
			r = ent_buf_add(
			    &it->strs, *slots[i], strlen(*slots[i]) + 1);
	}
	for (i = 0; i < n && r == ENT_OK; i++)
		if (*slots[i] != NULL)
			*slots[i] = it->strs.data + off[i];
	return r;
}

/* Decode (FtM lines), give the record its owner, encode its row, and
 * free the record again: the row holds all the store needs. */
static void
prepare(struct import_item *it, const char *agency)
{
	if (it->rc != ENT_OK)
		return;
	if (it->rec == NULL &&
	    (it->rc = ent_ftm_decode(
	         it->raw.data, it->raw.len, &it->rec, &it->diag)) != ENT_OK)
		return;
	if (it->rec->meta.agency == NULL &&
	    ent_meta_set(&it->rec->meta.agency, agency) != ENT_OK) {
		it->rc = ENT_ENOMEM;
		return;
	}
	if ((it->rc = ent__row_from_record(it->rec, &it->rb, &it->row)) ==
	    ENT_OK)
		it->rc = detach_row(it);
	ent_record_free(it->rec);
	it->rec = NULL;
}

/* Take items in runs of 32 until none is left; run by both threads. */
static void *
prepare_worker(void *arg)
{
	struct import_batch *b = arg;
	size_t i, from, to;

	for (;;) {
		pthread_mutex_lock(&b->lock);
		from = b->next;
		to = from + 32 < b->n ? from + 32 : b->n;
		b->next = to;
		pthread_mutex_unlock(&b->lock);
		if (from >= to)
			return NULL;
		for (i = from; i < to; i++)
			prepare(&b->items[i], b->agency);
	}
}

/* Read up to IMPORT_BATCH items.  A bad item is kept (with its error) so
 * it is reported in order; a broken file stops with its error in *fatal
 * and d. */
static int
fill(struct ent_reader *rd, bool lines, struct import_batch *b, bool *eof,
    long *fatal_line, struct ent_diag *d)
{
	struct import_item *it;
	int r;

	b->n = 0;
	b->next = 0;
	while (b->n < IMPORT_BATCH) {
		it = &b->items[b->n];
		if (lines)
			r = ent_reader_next_line(
			    rd, &it->raw, &it->line, &it->diag);
		else if ((r = ent_reader_next(
		              rd, &it->rec, &it->line, &it->diag)) == ENT_OK &&
		         it->rec == NULL)
			r = ENT_ENOTFOUND;
		if (r == ENT_ENOTFOUND) {
			*eof = true;
			return ENT_OK;
		}
		if (r != ENT_OK && r != ENT_EINVAL && r != ENT_ETOOBIG) {
			*fatal_line = it->line;
			ent_diag_set(d, "%s", it->diag.msg);
			item_clear(it);
			return r;
		}
		it->rc = r;
		b->n++;
	}
	return ENT_OK;
}

/* Store a prepared batch in order; the first store failure is returned
 * with the line it happened on. */
static int
consume(struct import_run *ir, struct import_batch *b, long *fail_line)
{
	struct import_item *it;
	size_t i;
	int r = ENT_OK;

	for (i = 0; i < b->n; i++) {
		it = &b->items[i];
		ir->st.read++;
		if (r != ENT_OK) {
			item_clear(it);
			continue;
		}
		if (it->rc == ENT_EINVAL || it->rc == ENT_ETOOBIG)
			reject(ir, it->line, it->diag.msg);
		else if ((r = it->rc) != ENT_OK ||
		         (r = import_row(ir, &it->row, it->line)) != ENT_OK)
			*fail_line = it->line;
		item_clear(it);
	}
	b->n = 0;
	return r;
}

/* Read, prepare and store every item of rd in the open transaction. */
static int
import_items(struct import_run *ir, struct ent_reader *rd, struct ent_diag *d)
{
	struct import_batch *cur, *nxt, *tmp;
	bool lines = ent_reader_format(rd) == ENT_FMT_FTM, eof = false;
	bool started;
	pthread_t tid;
	long line = 0;
	int r = ENT_OK, rs;

	cur = batch_new(ent_node_agency(ir->s->node));
	nxt = batch_new(ent_node_agency(ir->s->node));
	if (cur == NULL || nxt == NULL) {
		r = ENT_ENOMEM;
		goto out;
	}
	for (;;) {
		if (!eof && (r = fill(rd, lines, nxt, &eof, &line, d)) != 0) {
			ent_diag_prefix(d, "%s:%ld", ir->name, line);
			break;
		}
		started = nxt->n > 0 &&
		          pthread_create(&tid, NULL, prepare_worker, nxt) == 0;
		rs = consume(ir, cur, &line);
		prepare_worker(nxt);
		if (started)
			pthread_join(tid, NULL);
		if (rs != ENT_OK) {
			r = rs;
			ent_diag_set(d, "%s:%ld: cannot store: %s", ir->name,
			    line, ent_strerror(r));
			break;
		}
		progress(ir, rd);
		tmp = cur;
		cur = nxt;
		nxt = tmp;
		if (eof && cur->n == 0)
			break;
	}
out:
	batch_free(cur);
	batch_free(nxt);
	return r;
}

static int get_row(void *ctx, const struct ent_row *row);

/* Is the stored record id still referencing something missing?  On ENT_OK
 * msg holds the reason when *dangling is set. */
static int
still_dangling(struct import_run *ir, const char *id, bool *dangling, char *msg,
    size_t len)
{
	const struct ent_ref *missing;
	struct ent_record *rec = NULL;
	struct ent_row row;
	int r;

	if ((r = ent_db_get(ir->s->db, id, get_row, &rec)) != ENT_OK)
		return r;
	if ((r = ent__row_from_record(rec, &ir->rb, &row)) == ENT_OK &&
	    (r = first_missing(
	         ir->s->db, row.refs, row.nrefs, row.id, &missing)) == ENT_OK) {
		*dangling = missing != NULL;
		if (missing != NULL)
			snprintf(msg, len,
			    "record '%.64s': %s references '%.64s', which is "
			    "neither in the file nor in the node",
			    id, missing->prop, missing->to);
	}
	ent_record_free(rec);
	return r;
}

/* Check the pending records now that the whole file is in.  Records are
 * taken out one at a time and the check repeats, since removing one can
 * leave another dangling. */
static int
settle_pending(struct import_run *ir)
{
	char msg[ENT_DIAG_MAX];
	bool again = true, dangling;
	size_t i;
	int r;

	while (again) {
		again = false;
		for (i = 0; i < ir->pending.n; i++) {
			struct pending *p = &ir->pending.v[i];

			if (p->id == NULL)
				continue;
			dangling = false;
			if ((r = still_dangling(ir, p->id, &dangling, msg,
			         sizeof(msg))) != ENT_OK)
				return r;
			if (!dangling)
				continue;
			if ((r = ent_db_delete(ir->s->db, p->id)) != ENT_OK)
				return r;
			ir->st.inserted--;
			reject(ir, p->line, msg);
			free(p->id);
			p->id = NULL;
			again = true;
		}
	}
	return ENT_OK;
}

static void
add_stats(struct ent_import_stats *to, const struct ent_import_stats *from)
{
	to->read += from->read;
	to->inserted += from->inserted;
	to->updated += from->updated;
	to->unchanged += from->unchanged;
	to->rejected += from->rejected;
}

int
ent_svc_import(struct ent_sess *s, const char *path,
    const struct ent_import_opts *o, const struct ent_actor *actor,
    struct ent_import_stats *stats, struct ent_diag *d)
{
	struct import_run ir;
	struct ent_reader *rd = NULL;
	char query[ENT_DIAG_MAX];
	bool in_tx = false;
	int r;

	memset(&ir, 0, sizeof(ir));
	ir.s = s;
	ir.o = o;
	ent__row_bufs_init(&ir.rb);
	if ((r = ent_reader_open(path, o->format, &rd, d)) != ENT_OK)
		goto out;
	ir.name = ent_reader_name(rd);
	if ((r = ent_db_begin(s->db)) != ENT_OK) {
		ent_diag_set(d, "%s: cannot start a transaction: %s", ir.name,
		    ent_strerror(r));
		goto out;
	}
	in_tx = true;
	if ((r = import_items(&ir, rd, d)) != ENT_OK)
		goto out;
	if ((r = settle_pending(&ir)) != ENT_OK) {
		ent_diag_set(
		    d, "%s: checking references: %s", ir.name, ent_strerror(r));
		goto out;
	}
	if (o->strict && ir.st.rejected > 0) {
		ent_diag_set(d,
		    "%s: %lld item(s) rejected; nothing imported (--strict)",
		    ir.name, (long long)ir.st.rejected);
		r = ENT_EINVAL;
		goto out;
	}
	snprintf(query, sizeof(query),
	    "{\"file\":\"%.200s\",\"read\":%lld,\"inserted\":%lld,"
	    "\"updated\":%lld}",
	    ir.name, (long long)ir.st.read, (long long)ir.st.inserted,
	    (long long)ir.st.updated);
	if (actor != NULL &&
	    (r = ent__svc_audit_tx(s, actor, "import", query, NULL, 0)) != 0) {
		ent_diag_set(d, "%s: cannot write the audit trail: %s", ir.name,
		    ent_strerror(r));
		goto out;
	}
	if ((r = ent_db_commit(s->db)) != ENT_OK) {
		ent_diag_set(
		    d, "%s: cannot commit: %s", ir.name, ent_strerror(r));
		goto out;
	}
	in_tx = false;
	add_stats(stats, &ir.st);
out:
	if (in_tx) {
		ent_db_rollback(s->db);
		/* Nothing of this file was kept: say so in the counts. */
		ir.st.inserted = ir.st.updated = ir.st.unchanged = 0;
		ir.st.rejected = ir.st.read;
		add_stats(stats, &ir.st);
	}
	pending_fini(&ir.pending);
	ent__row_bufs_fini(&ir.rb);
	ent_reader_close(rd);
	return r;
}

/* ---- reading ----------------------------------------------------------- */

struct each_ctx {
	int (*fn)(void *ctx, const struct ent_record *r);
	void *ctx;
	int err;
};

static int
each_row(void *ctx, const struct ent_row *row)
{
	struct each_ctx *ec = ctx;
	struct ent_record *r;
	int rc;

	if ((rc = ent__record_from_row(row, &r)) != ENT_OK) {
		ec->err = rc;
		return rc;
	}
	rc = ec->fn(ec->ctx, r);
	ent_record_free(r);
	return rc;
}

int
ent_svc_each(struct ent_sess *s, const char *schema,
    int (*fn)(void *ctx, const struct ent_record *r), void *ctx)
{
	struct each_ctx ec = {fn, ctx, 0};

	return ent_db_each(s->db, schema, each_row, &ec);
}

static int
get_row(void *ctx, const struct ent_row *row)
{
	return ent__record_from_row(row, ctx);
}

int
ent_svc_get(struct ent_sess *s, const char *id, const struct ent_actor *actor,
    struct ent_record **out)
{
	struct ent_record *r = NULL;
	int rc;

	if (!ent_id_valid(id))
		return ENT_ENOTFOUND;
	if ((rc = ent_db_get(s->db, id, get_row, &r)) != ENT_OK)
		return rc;
	if (actor != NULL &&
	    (rc = ent_svc_audit(s, actor, "read", id, &id, 1)) != ENT_OK) {
		ent_record_free(r);
		return rc;
	}
	*out = r;
	return ENT_OK;
}

int
ent_svc_stats(struct ent_sess *s,
    int (*fn)(void *ctx, const char *schema, int64_t n), void *ctx)
{
	return ent_db_count(s->db, fn, ctx);
}

/* ---- changes ----------------------------------------------------------- */

/* True if id is the id of one of recs. */
static bool
in_batch(struct ent_record *const *recs, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(recs[i]->id, id) == 0)
			return true;
	return false;
}

static int
check_refs(struct ent_sess *s, struct ent_record *const *recs, size_t n,
    struct row_bufs *rb, struct ent_diag *d)
{
	struct ent_row row;
	size_t i, j;
	bool yes;
	int r;

	for (i = 0; i < n; i++) {
		if ((r = ent__row_from_record(recs[i], rb, &row)) != ENT_OK)
			return r;
		for (j = 0; j < row.nrefs; j++) {
			if (in_batch(recs, n, row.refs[j].to))
				continue;
			if ((r = ent_db_exists(s->db, row.refs[j].to, &yes)))
				return r;
			if (!yes) {
				ent_diag_set(d,
				    "record '%.64s': %s references '%.64s', "
				    "which is not in the node",
				    row.id, row.refs[j].prop, row.refs[j].to);
				return ENT_EINVAL;
			}
		}
	}
	return ENT_OK;
}

int
ent_svc_put(struct ent_sess *s, struct ent_record *const *recs, size_t n,
    const struct ent_actor *actor, enum ent_put_result *res, struct ent_diag *d)
{
	struct row_bufs rb;
	struct ent_row row;
	enum ent_put_result one;
	const char **ids = NULL;
	size_t i;
	int r;

	ent__row_bufs_init(&rb);
	if ((ids = calloc(n + 1, sizeof(*ids))) == NULL)
		return ENT_ENOMEM;
	for (i = 0; i < n; i++) {
		ids[i] = recs[i]->id;
		if (recs[i]->meta.agency == NULL &&
		    ent_meta_set(
		        &recs[i]->meta.agency, ent_node_agency(s->node))) {
			r = ENT_ENOMEM;
			goto out;
		}
	}
	if ((r = ent_db_begin(s->db)) != ENT_OK)
		goto out;
	if ((r = check_refs(s, recs, n, &rb, d)) != ENT_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((r = ent__row_from_record(recs[i], &rb, &row)) != ENT_OK ||
		    (r = ent_db_put(s->db, &row, &one)) != ENT_OK)
			goto fail;
		if (res != NULL)
			res[i] = one;
	}
	if (actor != NULL &&
	    (r = ent__svc_audit_tx(s, actor, "write", NULL, ids, n)) != 0)
		goto fail;
	if ((r = ent_db_commit(s->db)) != ENT_OK)
		goto fail;
	for (i = 0; i < n; i++)
		ent__index_note_put(s->node, recs[i]);
	goto out;
fail:
	ent_db_rollback(s->db);
out:
	free(ids);
	ent__row_bufs_fini(&rb);
	return r;
}

struct referrers {
	char **ids;
	size_t n, cap;
};

static int
add_referrer(void *ctx, const char *from)
{
	struct referrers *rf = ctx;
	char **nv;

	if (rf->n == rf->cap) {
		rf->cap = rf->cap != 0 ? rf->cap * 2 : 8;
		if ((nv = realloc(rf->ids, rf->cap * sizeof(*nv))) == NULL)
			return ENT_ENOMEM;
		rf->ids = nv;
	}
	if ((rf->ids[rf->n] = ent_strdup(from)) == NULL)
		return ENT_ENOMEM;
	rf->n++;
	return 0;
}

/* Records that exist only to say something about the deleted one: links
 * and documents.  They go with it; anything else that references it
 * blocks the delete. */
static int
dependent(struct ent_sess *s, const char *id, bool *yes)
{
	struct ent_record *r = NULL;
	int rc;

	if ((rc = ent_db_get(s->db, id, get_row, &r)) != ENT_OK)
		return rc;
	*yes = r->schema->edge ||
	       ent_schema_is_a(r->schema, "Identification") ||
	       ent_schema_is_a(r->schema, "Phone") ||
	       ent_schema_is_a(r->schema, "Email") ||
	       ent_schema_is_a(r->schema, "Sanction") ||
	       ent_schema_is_a(r->schema, "Notice");
	ent_record_free(r);
	return ENT_OK;
}

int
ent_svc_delete(
    struct ent_sess *s, const char *id, const struct ent_actor *actor)
{
	struct referrers rf = {0};
	const char **ids = NULL;
	bool yes;
	size_t i;
	int r;

	if ((r = ent_db_begin(s->db)) != ENT_OK)
		return r;
	if ((r = ent_db_each_referrer(s->db, id, add_referrer, &rf)) != 0)
		goto fail;
	for (i = 0; i < rf.n; i++) {
		if ((r = dependent(s, rf.ids[i], &yes)) != ENT_OK)
			goto fail;
		if (!yes) {
			r = ENT_ECONFLICT;
			goto fail;
		}
	}
	if ((r = ent_db_delete(s->db, id)) != ENT_OK)
		goto fail;
	for (i = 0; i < rf.n; i++)
		if ((r = ent_db_delete(s->db, rf.ids[i])) != ENT_OK &&
		    r != ENT_ENOTFOUND)
			goto fail;
	if ((ids = calloc(rf.n + 1, sizeof(*ids))) == NULL) {
		r = ENT_ENOMEM;
		goto fail;
	}
	ids[0] = id;
	for (i = 0; i < rf.n; i++)
		ids[i + 1] = rf.ids[i];
	if (actor != NULL &&
	    (r = ent__svc_audit_tx(s, actor, "delete", NULL, ids, rf.n + 1)))
		goto fail;
	if ((r = ent_db_commit(s->db)) != ENT_OK)
		goto fail;
	ent__index_note_delete(s->node, id);
	for (i = 0; i < rf.n; i++)
		ent__index_note_delete(s->node, rf.ids[i]);
	goto out;
fail:
	ent_db_rollback(s->db);
out:
	for (i = 0; i < rf.n; i++)
		free(rf.ids[i]);
	free(rf.ids);
	free(ids);
	return r;
}
