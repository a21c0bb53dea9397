/* http_server.c - the daemon's lifecycle and the path of every request:
 * route, read the body within its limit, authenticate, authorise, then
 * hand over to the route's handler.
 *
 * Not here: what any route does (http_screen.c, http_records.c), JSON
 * limits (http_json.c), counters (http_metrics.c).
 *
 * MHD calls on_request at least twice per request (STYLE.md 4.1): the
 * first call only allocates our state and may refuse an oversized body by
 * its Content-Length; later calls append body chunks; the last one (no
 * upload data) runs the handler here or on a worker (routes.def, run),
 * and one more call after a suspension sends the response.  on_completed
 * runs for every request, whatever happened, and is the only place that
 * frees the state. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ent_err.h"
#include "ent_util.h"
#include "http_int.h"

#define DEFAULT_LISTEN "127.0.0.1:8080"
/* Connections open at once.  Each costs a socket and its memory pool
 * (CONN_MEM), not a thread. */
#define CONN_LIMIT 1024
#define PURPOSE_MAX 256
#define PEM_MAX (1u << 20)
/* Each connection's libmicrohttpd pool holds its headers and read
 * buffer (bodies are copied into our own buffer, on_request), and
 * libmicrohttpd clears it for every request: 128 KB cost 2 % of the
 * server's CPU under load.  32 KB is libmicrohttpd's own default. */
#define CONN_MEM (32 * 1024)

void
ent_limits_default(struct ent_limits *l)
{
	l->body_max = 1u << 20;        /* 1 MiB */
	l->batch_body_max = 16u << 20; /* 16 MiB */
	l->json_depth = 16;
	l->string_max = 4096;
	l->batch_rows = 10000;
	l->match_queries = 100; /* yente's YENTE_MAX_BATCH */
	l->result_limit = 500;  /* yente's largest limit */
}

static unsigned
default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n >= 1 && n <= 64 ? (unsigned)n : 2;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- errors and replies ------------------------------------------------ */

static const struct {
	int err;
	unsigned status;
} err_status[] = {
    {ENT_OK, 200},
    {ENT_ENOMEM, 503},
    {ENT_ETOOBIG, 413},
    {ENT_EINVAL, 400},
    {ENT_ENOTFOUND, 404},
    {ENT_EBUSY, 503},
    {ENT_EIO, 500},
    {ENT_EINTERNAL, 500},
    {ENT_EEXIST, 409},
    {ENT_EPERM, 403},
    {ENT_EAUTH, 401},
    {ENT_ECONFLICT, 409},
    {ENT_EFORMAT, 400},
};

unsigned
ent__http_status(int err)
{
	size_t i;

	for (i = 0; i < sizeof(err_status) / sizeof(err_status[0]); i++)
		if (err_status[i].err == err)
			return err_status[i].status;
	return 500;
}

/* Every response passes here.  It is kept in the request, not queued:
 * finish_handler sends it once the handler has returned and every audit
 * entry the request queued is durable. */
enum MHD_Result
ent__reply_resp(struct req *rq, unsigned status, struct MHD_Response *resp,
    const char *ctype)
{
	if (resp == NULL)
		return MHD_NO; /* out of memory: MHD closes the connection */
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(
	    resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (status == 401)
		MHD_add_response_header(
		    resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
	if (status == 405 && rq->allow != NULL)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, rq->allow);
	/* Draining: a client on a kept-alive connection would otherwise keep
	 * sending requests, and the drain would last as long as it does. */
	if (atomic_load(&rq->srv->quiescing))
		MHD_add_response_header(
		    resp, MHD_HTTP_HEADER_CONNECTION, "close");
	if (rq->stash != NULL) /* a second reply replaces the first */
		MHD_destroy_response(rq->stash);
	rq->stash = resp;
	rq->status = status;
	rq->replied = true;
	return MHD_YES;
}

enum MHD_Result
ent__reply_raw(
    struct req *rq, unsigned status, const char *ctype, char *data, size_t len)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);

	if (resp == NULL)
		free(data);
	return ent__reply_resp(rq, status, resp, ctype);
}

enum MHD_Result
ent__reply_json(struct req *rq, unsigned status, json_t *v)
{
	char *s;

	if (v == NULL)
		return ent__reply_error(rq, 503, "no_memory", "out of memory");
	s = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	if (s == NULL)
		return ent__reply_error(rq, 503, "no_memory", "out of memory");
	return ent__reply_raw(rq, status, "application/json", s, strlen(s));
}

/* The machine-readable code of each status we send. */
static const struct {
	unsigned status;
	const char *code;
} status_code[] = {
    {400, "invalid"},
    {401, "unauthorized"},
    {403, "forbidden"},
    {404, "not_found"},
    {405, "method_not_allowed"},
    {409, "conflict"},
    {413, "too_large"},
    {415, "unsupported_media_type"},
    {500, "internal"},
    {503, "unavailable"},
};

enum MHD_Result
ent__reply_error(
    struct req *rq, unsigned status, const char *code, const char *fmt, ...)
{
	char msg[ENT_DIAG_MAX];
	va_list ap;
	json_t *v;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (i = 0;
	     code == NULL && i < sizeof(status_code) / sizeof(status_code[0]);
	     i++)
		if (status_code[i].status == status)
			code = status_code[i].code;
	/* Messages quote client input, which was checked to be UTF-8 but
	 * may have been cut mid-character by the size above. */
	if (ent__utf8_bad_at(msg, strlen(msg)) >= 0)
		msg[ent__utf8_bad_at(msg, strlen(msg))] = '\0';
	v = json_pack("{s:{s:s, s:s}}", "error", "code",
	    code != NULL ? code : "error", "message", msg);
	return ent__reply_json(rq, status, v);
}

enum MHD_Result
ent__reply_err(struct req *rq, int err, const char *msg)
{
	unsigned st = ent__http_status(err);

	return ent__reply_error(rq, st, NULL, "%s",
	    msg != NULL && msg[0] != '\0' ? msg : ent_strerror(err));
}

const char *
ent__arg(struct req *rq, const char *name)
{
	return MHD_lookup_connection_value(rq->c, MHD_GET_ARGUMENT_KIND, name);
}

/* ---- sessions -----------------------------------------------------------
 * A request borrows a session (a database connection) from a pool for its
 * lifetime and gives it back in on_completed, so a client that opens a
 * connection per request does not pay for opening SQLite each time, and a
 * session is never used by two threads at once. */

#define SESS_POOL_MAX 1024

struct ent_sess *
ent__http_sess(struct req *rq)
{
	struct ent_http *h = rq->srv;
	struct ent_diag d;

	if (rq->sess != NULL)
		return rq->sess;
	pthread_mutex_lock(&h->pool_mu);
	if (h->npool > 0)
		rq->sess = h->pool[--h->npool];
	pthread_mutex_unlock(&h->pool_mu);
	if (rq->sess == NULL &&
	    ent_sess_open(h->node, &rq->sess, &d) != ENT_OK) {
		fprintf(stderr, "entente serve: %s\n", d.msg);
		rq->sess = NULL;
	}
	return rq->sess;
}

static void
sess_release(struct ent_http *h, struct ent_sess *s)
{
	if (s == NULL)
		return;
	pthread_mutex_lock(&h->pool_mu);
	if (h->npool < SESS_POOL_MAX) {
		h->pool[h->npool++] = s;
		s = NULL;
	}
	pthread_mutex_unlock(&h->pool_mu);
	ent_sess_close(s); /* NULL if pooled */
}

int
ent__purpose_from(struct req *rq, json_t *obj, struct ent_diag *d)
{
	json_t *p = json_object_get(obj, "purpose");

	if (p == NULL)
		return ENT_OK;
	if (!json_is_string(p) || json_string_length(p) > PURPOSE_MAX) {
		ent_diag_set(d, "purpose must be a string of at most %d bytes",
		    PURPOSE_MAX);
		return ENT_EINVAL;
	}
	if (rq->actor.purpose == NULL) {
		memcpy(rq->purpose, json_string_value(p),
		    json_string_length(p) + 1);
		rq->actor.purpose = rq->purpose;
	}
	return ENT_OK;
}

bool
ent__audit(struct req *rq, const struct ent_audit_event *ev, size_t n)
{
	struct ent_sess *s = ent__http_sess(rq);
	int r = s != NULL ? ent_svc_audit_events(s, ev, n) : ENT_EIO;

	if (r == ENT_OK) {
		atomic_fetch_add_explicit(
		    &rq->srv->metrics.audit_entries, n, memory_order_relaxed);
		return true;
	}
	ent__reply_error(rq, 503, "audit_unavailable",
	    "the audit trail could not be written (%s); nothing was "
	    "disclosed",
	    ent_strerror(r));
	return false;
}

/* ---- the request path ---------------------------------------------------- */

static size_t
body_cap(const struct ent_limits *l, int route)
{
	if (route < 0)
		return 0;
	switch (ent__routes[route].body) {
	case BODY_JSON:
		return l->body_max;
	case BODY_BULK:
		return l->batch_body_max;
	default:
		return 0;
	}
}

static bool
ctype_is(const char *ct, const char *want)
{
	size_t n = strlen(want);

	return ct != NULL && strncasecmp(ct, want, n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Media types each kind of body accepts. */
static bool
ctype_ok(enum body_kind k, const char *ct)
{
	if (k == BODY_JSON)
		return ctype_is(ct, "application/json");
	return ctype_is(ct, "application/x-ndjson") ||
	       ctype_is(ct, "application/jsonl") ||
	       ctype_is(ct, "application/json") || ctype_is(ct, "text/csv");
}

static void
fill_remote(struct req *rq)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(rq->c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci != NULL ? ci->client_addr : NULL;

	snprintf(rq->remote, sizeof(rq->remote), "unknown");
	if (sa != NULL && sa->sa_family == AF_INET)
		inet_ntop(AF_INET,
		    &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
		    rq->remote, sizeof(rq->remote));
	else if (sa != NULL && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
		    &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
		    rq->remote, sizeof(rq->remote));
}

/* Authenticate the bearer token into rq->who; reply 401 on failure. */
static bool
authenticate(struct req *rq, struct ent_sess *s)
{
	const char *h = MHD_lookup_connection_value(
	    rq->c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	int r;

	if (h == NULL) {
		ent__reply_error(rq, 401, NULL,
		    "an Authorization: Bearer token is required");
		return false;
	}
	if (strncasecmp(h, "Bearer ", 7) != 0) {
		ent__reply_error(rq, 401, NULL,
		    "the Authorization header must be 'Bearer TOKEN'");
		return false;
	}
	h += 7;
	while (*h == ' ')
		h++;
	r = ent_svc_authenticate(s, h, strlen(h), &rq->who);
	if (r == ENT_EAUTH) {
		ent__reply_error(
		    rq, 401, NULL, "the token is unknown or was revoked");
		return false;
	}
	if (r != ENT_OK) {
		ent__reply_err(rq, r, "cannot check the token");
		return false;
	}
	return true;
}

static enum MHD_Result
dispatch(struct req *rq, int found, char *allow)
{
	const struct route *rt;
	struct ent_sess *s;
	const char *ct, *purpose;
	struct ent_audit_event ev;

	rt = found == 0 ? &ent__routes[rq->m.id] : NULL;
	if (rt != NULL && rt->action == ENT_ACT__COUNT) /* public */
		return rt->handler(rq);
	if ((s = ent__http_sess(rq)) == NULL)
		return ent__reply_error(
		    rq, 503, NULL, "the store cannot be opened");
	/* Authenticate before saying whether a path exists, so that no one
	 * can map the API without a token. */
	if (!authenticate(rq, s))
		return MHD_YES;
	if (found == 404)
		return ent__reply_error(
		    rq, 404, NULL, "no route for %.200s", rq->route_label);
	if (found == 405) {
		rq->allow = allow; /* on_request's buffer, alive till then */
		return ent__reply_error(rq, 405, NULL,
		    "method not allowed here; allowed: %s", allow);
	}
	rq->actor.user = rq->who.name;
	rq->actor.role = ent_role_name(rq->who.role);
	rq->actor.remote = rq->remote;
	rq->actor.route = rq->route_label;
	purpose =
	    MHD_lookup_connection_value(rq->c, MHD_HEADER_KIND, "X-Purpose");
	if (purpose != NULL) {
		if (strlen(purpose) > PURPOSE_MAX ||
		    ent__utf8_bad_at(purpose, strlen(purpose)) >= 0)
			return ent__reply_error(rq, 400, NULL,
			    "X-Purpose must be UTF-8 of at most %d bytes",
			    PURPOSE_MAX);
		memcpy(rq->purpose, purpose, strlen(purpose) + 1);
		rq->actor.purpose = rq->purpose;
	}
	if (!ent_role_may(rq->who.role, rt->action)) {
		/* A refused attempt on records is itself worth a line. */
		memset(&ev, 0, sizeof(ev));
		ev.actor = &rq->actor;
		ev.action = "denied";
		ev.status = 403;
		if (rt->action != ENT_ACT_METRICS && !ent__audit(rq, &ev, 1))
			return MHD_YES;
		return ent__reply_error(rq, 403, NULL, "role %s may not %s",
		    rq->actor.role, ent_action_name(rt->action));
	}
	if (rq->too_large)
		return ent__reply_error(rq, 413, NULL,
		    "the body exceeds the limit of %zu bytes",
		    body_cap(&rq->srv->lim, rq->m.id));
	if (rt->body != BODY_NONE) {
		ct = MHD_lookup_connection_value(
		    rq->c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
		if (!ctype_ok(rt->body, ct))
			return ent__reply_error(rq, 415, NULL,
			    "Content-Type %.100s is not accepted here; use %s",
			    ct != NULL ? ct : "(none)",
			    rt->body == BODY_JSON
			        ? "application/json"
			        : "application/x-ndjson or text/csv");
	}
	return rt->handler(rq);
}

/* ---- running a handler and sending its response -----------------------
 * A request holds rq->holds from its first call: one for its handler, one
 * more for each batch of audit entries queued for it (notify.queued).  Its
 * response waits in rq->stash.  If nothing is pending when the handler
 * returns, the response goes at once; else the connection is suspended,
 * whoever drops holds to zero (the committer's notify.done, or the
 * handler's thread) resumes it, and libmicrohttpd calls on_request again,
 * which sends it.  So no thread that serves connections ever waits for a
 * commit, and no response leaves before its entries are durable. */

bool
ent__http_busy_enter(struct ent_http *h)
{
	/* Count, then look: against stop's store-then-wait, either we see
	 * stopping or stop sees our count. */
	atomic_fetch_add(&h->busy, 1);
	if (!atomic_load(&h->stopping))
		return true;
	atomic_fetch_sub(&h->busy, 1);
	return false;
}

void
ent__http_busy_leave(struct ent_http *h)
{
	atomic_fetch_sub(&h->busy, 1);
}

static void
release(struct req *rq)
{
	if (atomic_fetch_sub(&rq->holds, 1) == 1)
		MHD_resume_connection(rq->c);
}

static void
audit_queued(void *arg)
{
	struct req *rq = arg;

	atomic_fetch_add(&rq->holds, 1);
}

static void
audit_done(void *arg, int result)
{
	struct req *rq = arg;
	int ok = ENT_OK;

	if (result != ENT_OK)
		atomic_compare_exchange_strong(&rq->audit_err, &ok, result);
	release(rq);
}

static enum MHD_Result
queue_stash(struct req *rq)
{
	struct MHD_Response *resp = rq->stash;
	enum MHD_Result ret;

	if (resp == NULL)
		return MHD_NO; /* the handler ran out of memory: close */
	rq->stash = NULL;
	ret = MHD_queue_response(rq->c, rq->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result
send_stash(struct req *rq)
{
	enum MHD_Result ret;
	int e = atomic_load(&rq->audit_err);

	if (e != ENT_OK) /* nothing may leave without its audit entry */
		ent__reply_error(rq, 503, "audit_unavailable",
		    "the audit trail could not be written (%s); nothing was "
		    "disclosed",
		    ent_strerror(e));
	ret = queue_stash(rq);
	if (rq->busy) {
		rq->busy = false;
		ent__http_busy_leave(rq->srv);
	}
	return ret;
}

/* On the handler's thread, once it has returned. */
static enum MHD_Result
finish_handler(struct req *rq, bool suspended)
{
	rq->handled = true;
	if (!suspended) {
		if (atomic_load(&rq->holds) == 1)
			return send_stash(rq);
		MHD_suspend_connection(rq->c);
	}
	release(rq);
	return MHD_YES;
}

static void
run_job(struct ent_job *j)
{
	struct req *rq =
	    (struct req *)(void *)((char *)j - offsetof(struct req, job));

	dispatch(rq, 0, NULL);
	finish_handler(rq, true);
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **req_cls)
{
	struct ent_http *h = cls;
	struct req *rq = *req_cls;
	char allow[64];
	const char *cl;
	int64_t len;
	int found;

	if (rq == NULL) { /* call 1: headers only */
		if ((rq = calloc(1, sizeof(*rq))) == NULL)
			return MHD_NO;
		rq->srv = h;
		rq->c = c;
		rq->t0 = now_s();
		rq->m.id = -1;
		atomic_init(&rq->holds, 1);
		atomic_init(&rq->audit_err, ENT_OK);
		rq->notify.queued = audit_queued;
		rq->notify.done = audit_done;
		rq->notify.arg = rq;
		rq->actor.notify = &rq->notify;
		atomic_fetch_add(&h->inflight, 1);
		*req_cls = rq;
		found =
		    ent__route_find(method, url, &rq->m, allow, sizeof(allow));
		if (found != 0)
			rq->m.id = -1;
		snprintf(rq->route_label, sizeof(rq->route_label), "%s %s",
		    method,
		    rq->m.id >= 0 ? ent__routes[rq->m.id].pattern : url);
		fill_remote(rq);
		ent_buf_init(&rq->body, body_cap(&h->lim, rq->m.id));
		/* A declared oversized body is drained without being kept,
		 * then refused (after authentication) with 413. */
		cl = MHD_lookup_connection_value(
		    c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (rq->m.id >= 0 && cl != NULL &&
		    ent_parse_i64(cl, 0, INT64_MAX, &len) == ENT_OK &&
		    (uint64_t)len > body_cap(&h->lim, rq->m.id) &&
		    ent__routes[rq->m.id].body != BODY_NONE)
			rq->too_large = true;
		return MHD_YES;
	}
	if (*upload_size != 0) { /* calls 2..n: one body chunk each */
		if (!rq->too_large &&
		    ent_buf_add(&rq->body, upload, *upload_size) != ENT_OK)
			rq->too_large = true; /* keep draining */
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq->handled) /* resumed: its entries are durable, or failed */
		return send_stash(rq);
	if (!ent__http_busy_enter(h)) {
		ent__reply_error(rq, 503, NULL, "the server is stopping");
		return queue_stash(rq);
	}
	rq->busy = true;
	found = ent__route_find(method, url, &rq->m, allow, sizeof(allow));
	if (found == 0 && ent__routes[rq->m.id].run == RUN_WORKER) {
		MHD_suspend_connection(c);
		rq->job.run = run_job;
		ent__work_push(h, &rq->job);
		return MHD_YES;
	}
	dispatch(rq, found, allow);
	return finish_handler(rq, false);
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct ent_http *h = cls;
	struct req *rq = *req_cls;

	if (rq == NULL)
		return;
	ent__metrics_observe(&h->metrics, rq->m.id,
	    rq->replied ? rq->status : 0, now_s() - rq->t0);
	if (rq->stash != NULL) /* the client left before it could be sent */
		MHD_destroy_response(rq->stash);
	if (rq->busy)
		ent__http_busy_leave(h);
	sess_release(h, rq->sess);
	ent_buf_fini(&rq->body);
	free(rq);
	*req_cls = NULL;
	atomic_fetch_sub(&h->inflight, 1);
}

/* ---- lifecycle ------------------------------------------------------------
 */

static int
parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *sl,
    bool *v6, struct ent_diag *d)
{
	char host[64];
	const char *colon, *port;
	size_t hl;
	int64_t p;

	memset(ss, 0, sizeof(*ss));
	*v6 = false;
	if (s[0] == '[') {
		colon = strstr(s, "]:");
		if (colon == NULL)
			goto bad;
		hl = (size_t)(colon - s - 1);
		port = colon + 2;
		s++;
		*v6 = true;
	} else {
		if ((colon = strrchr(s, ':')) == NULL)
			goto bad;
		hl = (size_t)(colon - s);
		port = colon + 1;
	}
	if (hl == 0 || hl >= sizeof(host) ||
	    ent_parse_i64(port, 0, 65535, &p) != ENT_OK)
		goto bad;
	memcpy(host, s, hl);
	host[hl] = '\0';
	if (*v6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;

		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)p);
		if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1)
			goto bad;
		*sl = sizeof(*a);
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;

		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)p);
		if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
			goto bad;
		*sl = sizeof(*a);
	}
	return ENT_OK;
bad:
	ent_diag_set(d,
	    "listen address '%.80s' is not ADDR:PORT (e.g. 127.0.0.1:8080 "
	    "or [::1]:8080)",
	    s);
	return ENT_EINVAL;
}

static int
read_pem(const char *path, char **out, struct ent_diag *d)
{
	struct ent_buf b;
	char chunk[4096];
	size_t n;
	FILE *fp;
	int r = ENT_OK;

	if ((fp = fopen(path, "rb")) == NULL) {
		ent_diag_set(d, "%s: %s", path, strerror(errno));
		return ENT_EIO;
	}
	ent_buf_init(&b, PEM_MAX);
	while (r == ENT_OK && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		r = ent_buf_add(&b, chunk, n);
	if (r == ENT_OK && ferror(fp))
		r = ENT_EIO;
	fclose(fp);
	if (r == ENT_OK && ent_buf_len(&b) == 0)
		r = ENT_EINVAL;
	if (r != ENT_OK) {
		ent_diag_set(d, "%s: cannot read a PEM file (%s)", path,
		    ent_strerror(r));
		ent_buf_fini(&b);
		return r;
	}
	*out = ent_buf_steal(&b, NULL);
	ent_buf_fini(&b);
	return *out != NULL ? ENT_OK : ENT_ENOMEM;
}

static void
free_server(struct ent_http *h)
{
	size_t i;

	ent__work_stop(h);
	for (i = 0; i < h->npool; i++)
		ent_sess_close(h->pool[i]);
	if (h->pool != NULL)
		pthread_mutex_destroy(&h->pool_mu);
	free(h->pool);
	if (h->tls_key != NULL) {
		memset(h->tls_key, 0, strlen(h->tls_key));
		free(h->tls_key);
	}
	free(h->tls_cert);
	free(h);
}

int
ent_http_start(struct ent_node *n, const struct ent_http_opts *o,
    struct ent_http **out, struct ent_diag *d)
{
	struct ent_http *h;
	struct sockaddr_storage ss;
	socklen_t sl;
	const union MHD_DaemonInfo *di;
	unsigned flags, threads;
	bool v6, tls;
	int r;

	if ((h = calloc(1, sizeof(*h))) == NULL)
		return ENT_ENOMEM;
	h->node = n;
	h->lim = o->limits;
	if (h->lim.body_max == 0)
		ent_limits_default(&h->lim);
	/* One event thread per core: they only take CPU, so more would
	 * only take turns.  Workers wait on the store, so a few more. */
	threads = o->threads != 0 ? o->threads : default_threads();
	if ((r = parse_listen(o->listen != NULL ? o->listen : DEFAULT_LISTEN,
	         &ss, &sl, &v6, d)) != ENT_OK)
		goto fail;
	tls = o->tls_cert != NULL || o->tls_key != NULL;
	if (tls && (o->tls_cert == NULL || o->tls_key == NULL)) {
		ent_diag_set(d, "--tls-cert and --tls-key go together");
		r = ENT_EINVAL;
		goto fail;
	}
	if (tls && MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
		ent_diag_set(d, "this libmicrohttpd was built without TLS");
		r = ENT_EINVAL;
		goto fail;
	}
	if (tls && ((r = read_pem(o->tls_cert, &h->tls_cert, d)) != ENT_OK ||
	               (r = read_pem(o->tls_key, &h->tls_key, d)) != ENT_OK))
		goto fail;
	if ((h->pool = calloc(SESS_POOL_MAX, sizeof(*h->pool))) == NULL) {
		r = ENT_ENOMEM;
		goto fail;
	}
	pthread_mutex_init(&h->pool_mu, NULL);
	if ((r = ent__work_start(h, 2 * threads + 2)) != ENT_OK) {
		ent_diag_set(d, "cannot start the worker threads");
		goto fail;
	}
	if ((r = ent_svc_audit_group_start(n, d)) != ENT_OK)
		goto fail;
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO |
	        MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
	if (v6)
		flags |= MHD_USE_IPv6;
	if (tls)
		flags |= MHD_USE_TLS;
	if (tls)
		h->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, h,
		    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		    MHD_OPTION_THREAD_POOL_SIZE, threads,
		    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)CONN_LIMIT,
		    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
		    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEM,
		    MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
		    MHD_OPTION_HTTPS_MEM_CERT, h->tls_cert,
		    MHD_OPTION_HTTPS_MEM_KEY, h->tls_key, MHD_OPTION_END);
	else
		h->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, h,
		    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		    MHD_OPTION_THREAD_POOL_SIZE, threads,
		    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)CONN_LIMIT,
		    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
		    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEM,
		    MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
		    MHD_OPTION_END);
	(void)sl;
	if (h->d == NULL) {
		ent_diag_set(d,
		    "cannot listen on %s (address in use or not "
		    "available%s)",
		    o->listen != NULL ? o->listen : DEFAULT_LISTEN,
		    tls ? ", or the certificate/key is invalid" : "");
		ent_svc_audit_group_stop(n);
		r = ENT_EIO;
		goto fail;
	}
	di = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	h->port = di != NULL ? di->port : 0;
	snprintf(h->url, sizeof(h->url), "%s://%s%s%s:%u",
	    tls ? "https" : "http", v6 ? "[" : "",
	    o->listen != NULL ? "" : "127.0.0.1", v6 ? "]" : "",
	    (unsigned)h->port);
	if (o->listen != NULL) {
		/* Rebuild from the address we parsed, with the real port. */
		char host[64];

		if (v6)
			inet_ntop(AF_INET6,
			    &((struct sockaddr_in6 *)&ss)->sin6_addr, host,
			    sizeof(host));
		else
			inet_ntop(AF_INET,
			    &((struct sockaddr_in *)&ss)->sin_addr, host,
			    sizeof(host));
		snprintf(h->url, sizeof(h->url), "%s://%s%s%s:%u",
		    tls ? "https" : "http", v6 ? "[" : "", host, v6 ? "]" : "",
		    (unsigned)h->port);
	}
	*out = h;
	return ENT_OK;
fail:
	free_server(h);
	return r;
}

uint16_t
ent_http_port(const struct ent_http *h)
{
	return h->port;
}

const char *
ent_http_url(const struct ent_http *h)
{
	return h->url;
}

void
ent_http_stop(struct ent_http *h, unsigned grace_ms)
{
	MHD_socket fd;
	double until;
	struct timespec ts = {0, 10 * 1000 * 1000};

	if (h == NULL)
		return;
	atomic_store(&h->quiescing, true);
	/* Close the door, then let requests in flight finish. */
	fd = MHD_quiesce_daemon(h->d);
	until = now_s() + grace_ms / 1000.0;
	while (atomic_load(&h->inflight) > 0 && now_s() < until)
		nanosleep(&ts, NULL);
	/* Start nothing more, and let what started end: no connection may
	 * be suspended when libmicrohttpd stops. */
	atomic_store(&h->stopping, true);
	while (atomic_load(&h->busy) > 0)
		nanosleep(&ts, NULL);
	MHD_stop_daemon(h->d); /* joins the event threads */
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	ent_svc_audit_group_stop(h->node);
	free_server(h);
}
