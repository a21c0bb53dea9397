/* svc_audit.c - the hash-chained audit trail and its group committer.
 *
 * Chain: entry k stores prev_hash = hash of entry k-1 (ent_hash_genesis for
 * k = 1) and hash = ent_chain_hash(prev_hash, canonical bytes of entry k).
 * The canonical bytes (ent_audit_canonical) cover every column but the two
 * hashes, seq included, so an edit, a removal, an insertion or a swap each
 * breaks a check that verify reports by entry number.
 *
 * The chain head is read from the database inside the write transaction
 * that appends (BEGIN IMMEDIATE holds SQLite's write lock), never cached
 * in memory: record writes of this process, the CLI in another process and
 * the group committer all append to one chain without further locking.
 *
 * Group commit.  A screening at thousands of requests a second cannot
 * afford one fsync per request, yet its response must not leave before its
 * entry is durable.  Requesters put a queue item (on their own stack) on a
 * per-node queue and sleep; one writer thread takes everything queued,
 * appends it in one transaction, commits (one fsync), then wakes every
 * requester of the batch with the result.  While it commits, the next
 * batch queues up, so batches grow with load and no timer is needed.
 * After kill -9 a batch is either wholly in the WAL or not at all, and no
 * response was sent for an entry that is not.
 *
 * A requester that must not sleep (the HTTP event loop, where one thread
 * serves many connections) sets actor->notify instead: its events are
 * copied into a heap item that owns itself, and the writer calls
 * notify->done after the commit, outside the queue's lock. */
#include "ent_svc_auth.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ent_buf.h"
#include "ent_err.h"
#include "ent_util.h"

/* Actions whose ids are what the caller was shown, not what it changed. */
static const char *const result_actions[] = {
    "screen",
    "screen_batch",
    "match",
    "search",
    "read",
    "get",
    NULL,
};

#define IDS_MAX (1u << 20) /* bytes of joined ids per entry */

static bool
is_result_action(const char *action)
{
	size_t i;

	for (i = 0; action != NULL && result_actions[i] != NULL; i++)
		if (strcmp(action, result_actions[i]) == 0)
			return true;
	return false;
}

/* UTC with milliseconds, so entries of one second still sort by time. */
static void
now_ms(char *buf, size_t len)
{
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    tm.tm_sec, ts.tv_nsec / 1000000L);
}

static int
put_field(struct ent_buf *b, const char *s)
{
	unsigned char len[4];
	size_t n;

	if (s == NULL) {
		memset(len, 0xff, sizeof(len)); /* NULL differs from "" */
		return ent_buf_add(b, len, sizeof(len));
	}
	n = strlen(s);
	if (n >= 0xffffffffu)
		return ENT_ETOOBIG;
	len[0] = (unsigned char)(n >> 24);
	len[1] = (unsigned char)(n >> 16);
	len[2] = (unsigned char)(n >> 8);
	len[3] = (unsigned char)n;
	if (ent_buf_add(b, len, sizeof(len)) != ENT_OK)
		return ENT_ENOMEM;
	return ent_buf_add(b, s, n);
}

int
ent_audit_canonical(const struct ent_db_audit *e, struct ent_buf *b)
{
	char seq[24], status[16];
	const char *f[13];
	size_t i;
	int r;

	snprintf(seq, sizeof(seq), "%lld", (long long)e->seq);
	snprintf(status, sizeof(status), "%d", e->status);
	f[0] = "v1"; /* the layout version of these bytes */
	f[1] = seq;
	f[2] = e->time;
	f[3] = e->user;
	f[4] = e->role;
	f[5] = e->remote;
	f[6] = e->route;
	f[7] = e->action;
	f[8] = e->purpose;
	f[9] = e->query;
	f[10] = e->record_ids;
	f[11] = e->result_ids;
	f[12] = status;
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if ((r = put_field(b, f[i])) != ENT_OK)
			return r;
	return ENT_OK;
}

/* Join ids with spaces (ids never contain one: ent_id_valid). NULL for
 * none.  The caller frees *out. */
static int
join_ids(const char *const *ids, size_t n, char **out)
{
	struct ent_buf b;
	size_t i;
	int r = ENT_OK;

	*out = NULL;
	if (n == 0)
		return ENT_OK;
	ent_buf_init(&b, IDS_MAX);
	for (i = 0; i < n && r == ENT_OK; i++) {
		if (i > 0)
			r = ent_buf_addc(&b, ' ');
		if (r == ENT_OK)
			r = ent_buf_adds(&b, ids[i] != NULL ? ids[i] : "");
	}
	if (r == ENT_OK && (*out = ent_buf_steal(&b, NULL)) == NULL)
		r = ENT_ENOMEM;
	ent_buf_fini(&b);
	return r;
}

/* Append events to the chain on db, inside the caller's transaction. */
static int
append_tx(struct ent_db *db, const struct ent_audit_event *ev, size_t n)
{
	static const struct ent_actor nobody = {.user = "unknown"};
	struct ent_db_audit e;
	struct ent_buf b;
	char prev[ENT_HASH_HEX_SIZE], hash[ENT_HASH_HEX_SIZE], now[64];
	char *rec = NULL, *res = NULL;
	int64_t seq = 0;
	size_t i;
	int r;

	ent_buf_init(&b, 4 * IDS_MAX);
	r = ent_db_audit_head(db, &seq, prev, sizeof(prev));
	if (r == ENT_ENOTFOUND) {
		seq = 0;
		memcpy(prev, ent_hash_genesis, sizeof(prev));
		r = ENT_OK;
	}
	now_ms(now, sizeof(now));
	for (i = 0; i < n && r == ENT_OK; i++) {
		const struct ent_actor *a =
		    ev[i].actor != NULL ? ev[i].actor : &nobody;

		if ((r = join_ids(ev[i].record_ids, ev[i].nrecord, &rec)) !=
		        ENT_OK ||
		    (r = join_ids(ev[i].result_ids, ev[i].nresult, &res)) !=
		        ENT_OK)
			goto next;
		memset(&e, 0, sizeof(e));
		e.seq = ++seq;
		e.time = now;
		e.user = a->user != NULL ? a->user : "unknown";
		e.role = a->role;
		e.remote = a->remote;
		e.route = a->route;
		e.action = ev[i].action != NULL ? ev[i].action : "unknown";
		e.purpose = a->purpose;
		e.query = ev[i].query;
		e.record_ids = rec;
		e.result_ids = res;
		e.status = ev[i].status;
		e.prev_hash = prev;
		ent_buf_reset(&b);
		if ((r = ent_audit_canonical(&e, &b)) != ENT_OK ||
		    (r = ent_chain_hash(prev, ent_buf_str(&b), ent_buf_len(&b),
		         hash)) != ENT_OK)
			goto next;
		e.hash = hash;
		if ((r = ent_db_audit_append(db, &e)) == ENT_OK)
			memcpy(prev, hash, sizeof(prev));
	next:
		free(rec);
		free(res);
		rec = res = NULL;
	}
	ent_buf_fini(&b);
	return r;
}

static int
append_own_tx(struct ent_db *db, const struct ent_audit_event *ev, size_t n)
{
	int r;

	if ((r = ent_db_begin(db)) != ENT_OK)
		return r;
	if ((r = append_tx(db, ev, n)) != ENT_OK ||
	    (r = ent_db_commit(db)) != ENT_OK)
		ent_db_rollback(db);
	return r;
}

/* ---- group commit ---------------------------------------------------- */

struct qitem {
	struct qitem *next;
	/* Borrowed when the owner waits; else in this item's own block. */
	const struct ent_audit_event *ev;
	size_t n;
	int result;
	bool done;
	/* notify.done != NULL: nobody waits; the writer frees the item. */
	struct ent_audit_notify notify;
};

struct auditq {
	struct ent_node *node;
	struct ent_sess *sess; /* used by the writer thread only */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t work; /* the writer waits for items or stop */
	pthread_cond_t done; /* requesters wait for their item */
	struct qitem *head, *tail;
	bool stop;
};

/* The committers of this process, by node.  A process serves one node in
 * practice; the table is small and guarded by reg_mu.  (A pointer in
 * struct ent_node would be neater; the node is the svc core's struct.) */
#define REG_MAX 8
static pthread_mutex_t reg_mu = PTHREAD_MUTEX_INITIALIZER;
static struct auditq *reg[REG_MAX];

static struct auditq *
reg_find(struct ent_node *n)
{
	struct auditq *q = NULL;
	size_t i;

	pthread_mutex_lock(&reg_mu);
	for (i = 0; i < REG_MAX; i++)
		if (reg[i] != NULL && reg[i]->node == n)
			q = reg[i];
	pthread_mutex_unlock(&reg_mu);
	return q;
}

static void *
writer_main(void *arg)
{
	struct auditq *q = arg;
	struct ent_db *db = ent__sess_db(q->sess);
	struct qitem *batch, *it, *next, *owned;
	int r;

	ent_db_defer_checkpoints(db);
	pthread_mutex_lock(&q->mu);
	for (;;) {
		while (q->head == NULL && !q->stop)
			pthread_cond_wait(&q->work, &q->mu);
		if (q->head == NULL && q->stop)
			break;
		batch = q->head;
		q->head = q->tail = NULL;
		pthread_mutex_unlock(&q->mu);

		r = ent_db_begin(db);
		for (it = batch; r == ENT_OK && it != NULL; it = it->next)
			r = append_tx(db, it->ev, it->n);
		if (r == ENT_OK)
			r = ent_db_commit(db);
		if (r != ENT_OK)
			ent_db_rollback(db);

		pthread_mutex_lock(&q->mu);
		/* Read next before done: a finished item's owner may return
		 * and its stack frame vanish as soon as we unlock. */
		for (it = batch, owned = NULL; it != NULL; it = next) {
			next = it->next;
			if (it->notify.done != NULL) {
				/* Last queued, first called back.  Arrival
				 * order was measured worse for the server:
				 * p99 at 64 connections 30-40 ms against
				 * 22-29 (four alternated pairs); why, in
				 * libmicrohttpd's resumption, we have not
				 * established. */
				it->next = owned;
				owned = it;
				continue;
			}
			it->result = r;
			it->done = true;
		}
		pthread_cond_broadcast(&q->done);
		/* Outside our lock: done may take the caller's locks. */
		pthread_mutex_unlock(&q->mu);
		for (it = owned; it != NULL; it = next) {
			next = it->next;
			it->notify.done(it->notify.arg, r);
			free(it);
		}
		/* The batch has its answer; the checkpoint delays only the
		 * next one, which queues meanwhile.  A failed checkpoint is
		 * tried again after the next commit. */
		(void)ent_db_checkpoint_due(db);
		pthread_mutex_lock(&q->mu);
	}
	pthread_mutex_unlock(&q->mu);
	return NULL;
}

int
ent_svc_audit_group_start(struct ent_node *n, struct ent_diag *d)
{
	struct auditq *q;
	size_t i;
	int r;

	if (reg_find(n) != NULL)
		return ENT_EEXIST;
	if ((q = calloc(1, sizeof(*q))) == NULL)
		return ENT_ENOMEM;
	q->node = n;
	if ((r = ent_sess_open(n, &q->sess, d)) != ENT_OK) {
		free(q);
		return r;
	}
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	if (pthread_create(&q->thread, NULL, writer_main, q) != 0) {
		r = ENT_EINTERNAL;
		goto fail;
	}
	pthread_mutex_lock(&reg_mu);
	for (i = 0; i < REG_MAX && reg[i] != NULL; i++)
		;
	if (i < REG_MAX)
		reg[i] = q;
	pthread_mutex_unlock(&reg_mu);
	if (i < REG_MAX)
		return ENT_OK;
	r = ENT_EBUSY;
	pthread_mutex_lock(&q->mu);
	q->stop = true;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
	pthread_join(q->thread, NULL);
fail:
	ent_diag_set(d, "cannot start the audit writer: %s", ent_strerror(r));
	pthread_cond_destroy(&q->done);
	pthread_cond_destroy(&q->work);
	pthread_mutex_destroy(&q->mu);
	ent_sess_close(q->sess);
	free(q);
	return r;
}

void
ent_svc_audit_group_stop(struct ent_node *n)
{
	struct auditq *q = NULL;
	size_t i;

	pthread_mutex_lock(&reg_mu);
	for (i = 0; i < REG_MAX; i++) {
		if (reg[i] != NULL && reg[i]->node == n) {
			q = reg[i];
			reg[i] = NULL;
		}
	}
	pthread_mutex_unlock(&reg_mu);
	if (q == NULL)
		return;
	/* The writer drains the queue before it sees stop. */
	pthread_mutex_lock(&q->mu);
	q->stop = true;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
	pthread_join(q->thread, NULL);
	pthread_cond_destroy(&q->done);
	pthread_cond_destroy(&q->work);
	pthread_mutex_destroy(&q->mu);
	ent_sess_close(q->sess);
	free(q);
}

static int
enqueue_wait(struct auditq *q, const struct ent_audit_event *ev, size_t n)
{
	struct qitem it = {.ev = ev, .n = n};

	pthread_mutex_lock(&q->mu);
	if (q->stop) {
		pthread_mutex_unlock(&q->mu);
		return ENT_EBUSY;
	}
	if (q->tail != NULL)
		q->tail->next = &it;
	else
		q->head = &it;
	q->tail = &it;
	pthread_cond_signal(&q->work);
	while (!it.done)
		pthread_cond_wait(&q->done, &q->mu);
	pthread_mutex_unlock(&q->mu);
	return it.result;
}

/* ---- items that own their events ----------------------------------- */

static size_t
str_size(const char *s)
{
	return s != NULL ? strlen(s) + 1 : 0;
}

static size_t
ids_size(const char *const *ids, size_t n)
{
	size_t i, z = 0;

	for (i = 0; i < n; i++)
		z += str_size(ids[i]);
	return z;
}

/* Bytes of strings an event points to. */
static size_t
event_strings(const struct ent_audit_event *e)
{
	const struct ent_actor *a = e->actor;
	size_t z = str_size(e->action) + str_size(e->query) +
	           ids_size(e->record_ids, e->nrecord) +
	           ids_size(e->result_ids, e->nresult);

	if (a != NULL)
		z += str_size(a->user) + str_size(a->role) +
		     str_size(a->remote) + str_size(a->route) +
		     str_size(a->purpose);
	return z;
}

static const char *
put_str(char **sp, const char *s)
{
	size_t n = str_size(s);
	char *r = *sp;

	if (s == NULL)
		return NULL;
	memcpy(r, s, n);
	*sp += n;
	return r;
}

static const char *const *
put_ids(const char ***pp, char **sp, const char *const *ids, size_t n)
{
	const char **r = *pp;
	size_t i;

	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		r[i] = put_str(sp, ids[i]);
	*pp += n;
	return r;
}

/* One allocation: the item, its n events, their actors, the id arrays,
 * then every string. */
static struct qitem *
item_copy(const struct ent_audit_event *ev, size_t n,
    const struct ent_audit_notify *notify)
{
	struct qitem *it;
	struct ent_audit_event *evs;
	struct ent_actor *acts;
	const char **pp;
	char *sp;
	size_t i, nptr = 0, nstr = 0;

	for (i = 0; i < n; i++) {
		nptr += ev[i].nrecord + ev[i].nresult;
		nstr += event_strings(&ev[i]);
	}
	it = calloc(1, sizeof(*it) + n * (sizeof(*evs) + sizeof(*acts)) +
	                   nptr * sizeof(*pp) + nstr);
	if (it == NULL)
		return NULL;
	evs = (struct ent_audit_event *)(it + 1);
	acts = (struct ent_actor *)(evs + n);
	pp = (const char **)(acts + n);
	sp = (char *)(pp + nptr);
	for (i = 0; i < n; i++) {
		const struct ent_actor *a = ev[i].actor;

		evs[i] = ev[i];
		evs[i].action = put_str(&sp, ev[i].action);
		evs[i].query = put_str(&sp, ev[i].query);
		evs[i].record_ids =
		    put_ids(&pp, &sp, ev[i].record_ids, ev[i].nrecord);
		evs[i].result_ids =
		    put_ids(&pp, &sp, ev[i].result_ids, ev[i].nresult);
		evs[i].actor = NULL;
		if (a == NULL)
			continue;
		acts[i].user = put_str(&sp, a->user);
		acts[i].role = put_str(&sp, a->role);
		acts[i].remote = put_str(&sp, a->remote);
		acts[i].route = put_str(&sp, a->route);
		acts[i].purpose = put_str(&sp, a->purpose);
		evs[i].actor = &acts[i];
	}
	it->ev = evs;
	it->n = n;
	it->notify = *notify;
	return it;
}

static int
enqueue_notify(struct auditq *q, const struct ent_audit_event *ev, size_t n,
    const struct ent_audit_notify *notify)
{
	struct qitem *it = item_copy(ev, n, notify);

	if (it == NULL)
		return ENT_ENOMEM;
	pthread_mutex_lock(&q->mu);
	if (q->stop) {
		pthread_mutex_unlock(&q->mu);
		free(it);
		return ENT_EBUSY;
	}
	/* Before the writer can see the item, so that done never comes
	 * before queued. */
	notify->queued(notify->arg);
	if (q->tail != NULL)
		q->tail->next = it;
	else
		q->head = it;
	q->tail = it;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->mu);
	return ENT_OK;
}

int
ent_svc_audit_events(
    struct ent_sess *s, const struct ent_audit_event *ev, size_t n)
{
	struct auditq *q;

	if (n == 0)
		return ENT_OK;
	/* Contract: s has no open transaction (inside one, use
	 * ent__svc_audit_tx), else the writer would wait for s's lock. */
	if ((q = reg_find(ent_sess_node(s))) == NULL)
		return append_own_tx(ent__sess_db(s), ev, n);
	if (ev[0].actor != NULL && ev[0].actor->notify != NULL)
		return enqueue_notify(q, ev, n, ev[0].actor->notify);
	return enqueue_wait(q, ev, n);
}

static void
event_of(struct ent_audit_event *ev, const struct ent_actor *a,
    const char *action, const char *query, const char *const *ids, size_t nids)
{
	memset(ev, 0, sizeof(*ev));
	ev->actor = a;
	ev->action = action;
	ev->query = query;
	if (is_result_action(action)) {
		ev->result_ids = ids;
		ev->nresult = nids;
	} else {
		ev->record_ids = ids;
		ev->nrecord = nids;
	}
}

int
ent_svc_audit(struct ent_sess *s, const struct ent_actor *a, const char *action,
    const char *query, const char *const *ids, size_t nids)
{
	struct ent_audit_event ev;

	event_of(&ev, a, action, query, ids, nids);
	return ent_svc_audit_events(s, &ev, 1);
}

int
ent__svc_audit_tx(struct ent_sess *s, const struct ent_actor *a,
    const char *action, const char *query, const char *const *ids, size_t nids)
{
	struct ent_audit_event ev;

	event_of(&ev, a, action, query, ids, nids);
	return append_tx(ent__sess_db(s), &ev, 1);
}

int
ent_svc_audit_show(struct ent_sess *s, const char *user, const char *since,
    int (*fn)(void *ctx, const struct ent_db_audit *e), void *ctx)
{
	return ent_db_audit_each(ent__sess_db(s), user, since, fn, ctx);
}

/* ---- verify ---------------------------------------------------------- */

struct verify_ctx {
	struct ent_audit_verdict *v;
	struct ent_diag *d;
	struct ent_buf b;
	char prev[ENT_HASH_HEX_SIZE];
	int64_t last;
	int err;
};

static int
verify_one(void *ctx, const struct ent_db_audit *e)
{
	struct verify_ctx *c = ctx;
	char h[ENT_HASH_HEX_SIZE];

	c->v->entries++;
	if (e->seq != c->last + 1) {
		ent_diag_set(c->d,
		    e->seq > c->last + 1
		        ? "audit entry %lld is missing (removed): the chain "
		          "jumps from entry %lld to %lld"
		        : "audit entry %lld is out of order: after entry %lld "
		          "comes %lld",
		    (long long)(c->last + 1), (long long)c->last,
		    (long long)e->seq);
		c->v->bad_seq = c->last + 1;
		return c->err = ENT_EFORMAT;
	}
	ent_buf_reset(&c->b);
	if (e->prev_hash == NULL || ent_audit_canonical(e, &c->b) != ENT_OK ||
	    ent_chain_hash(e->prev_hash, ent_buf_str(&c->b), ent_buf_len(&c->b),
	        h) != ENT_OK ||
	    !ent_hash_equal(h, e->hash)) {
		ent_diag_set(c->d,
		    "audit entry %lld was altered: its hash does not match "
		    "its content",
		    (long long)e->seq);
		c->v->bad_seq = e->seq;
		return c->err = ENT_EFORMAT;
	}
	if (!ent_hash_equal(e->prev_hash, c->prev)) {
		ent_diag_set(c->d,
		    "audit entry %lld does not follow entry %lld: an entry "
		    "was removed, inserted or reordered before it",
		    (long long)e->seq, (long long)c->last);
		c->v->bad_seq = e->seq;
		return c->err = ENT_EFORMAT;
	}
	memcpy(c->prev, e->hash, sizeof(c->prev));
	c->last = e->seq;
	return 0;
}

int
ent_svc_audit_verify(
    struct ent_sess *s, struct ent_audit_verdict *v, struct ent_diag *d)
{
	struct verify_ctx c;
	int r;

	memset(v, 0, sizeof(*v));
	memset(&c, 0, sizeof(c));
	c.v = v;
	c.d = d;
	memcpy(c.prev, ent_hash_genesis, sizeof(c.prev));
	ent_buf_init(&c.b, 16 * IDS_MAX);
	r = ent_db_audit_each(ent__sess_db(s), NULL, NULL, verify_one, &c);
	ent_buf_fini(&c.b);
	if (c.err != ENT_OK)
		return c.err;
	if (r != ENT_OK)
		ent_diag_set(
		    d, "cannot read the audit trail: %s", ent_strerror(r));
	return r;
}
