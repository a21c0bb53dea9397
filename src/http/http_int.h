/* http_int.h - what the files of src/http share; private to the module.
 *
 * A request lives in one struct req from MHD's first call to
 * NOTIFY_COMPLETED, which frees it whatever happened (success, client
 * abort, timeout).  Handlers run on the event thread that serves the
 * connection (RUN_LOOP routes) or on a worker (RUN_WORKER, http_work.c);
 * they use the request's session (ent__http_sess) and answer through the
 * reply helpers, which keep the response in the request until every audit
 * entry it depends on is durable, then send it (http_server.c). */
#ifndef ENT_HTTP_INT_H
#define ENT_HTTP_INT_H

#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "ent_buf.h"
#include "ent_http.h"
#include "ent_svc_auth.h"

enum body_kind { BODY_NONE, BODY_JSON, BODY_BULK };
enum run_kind { RUN_LOOP, RUN_WORKER };

struct req;
typedef enum MHD_Result (*handler_fn)(struct req *rq);

enum route_id {
#define ROUTE(name, method, pattern, action, handler, body, run) ROUTE_##name,
#include "routes.def"
#undef ROUTE
	ROUTE__COUNT
};

struct route {
	const char *name;
	const char *method;
	const char *pattern;
	enum ent_action action; /* ENT_ACT__COUNT: public */
	handler_fn handler;
	enum body_kind body;
	enum run_kind run;
};

/* The table built from routes.def (http_router.c). */
extern const struct route ent__routes[ROUTE__COUNT];

#define ROUTE_PARAMS_MAX 2
#define ROUTE_PARAM_MAX 512 /* bytes of one path parameter */

struct route_match {
	int id; /* enum route_id */
	size_t nparams;
	char params[ROUTE_PARAMS_MAX][ROUTE_PARAM_MAX];
};

/* Find the route for method and path (query string removed).  Returns 0
 * and fills *m, 404 when no pattern matches the path, or 405 when some
 * pattern matches but not for this method: then allow receives the
 * methods that do, comma-separated.  A parameter longer than
 * ROUTE_PARAM_MAX - 1 bytes or empty does not match. */
int ent__route_find(const char *method, const char *path, struct route_match *m,
    char *allow, size_t allowsz);

/* ---- metrics (http_metrics.c) ---------------------------------------- */

#define METRIC_BUCKETS 12
#define METRIC_STATUSES 14

struct ent_metrics {
	/* [route + 1]: index 0 counts requests that matched no route. */
	atomic_ullong requests[ROUTE__COUNT + 1][METRIC_STATUSES];
	atomic_ullong latency[ROUTE__COUNT + 1][METRIC_BUCKETS];
	atomic_ullong latency_us_sum[ROUTE__COUNT + 1];
	atomic_ullong screenings, screening_hits, screening_matches;
	atomic_ullong audit_entries;
};

void ent__metrics_observe(
    struct ent_metrics *m, int route, unsigned status, double seconds);
void ent__metrics_screen(
    struct ent_metrics *m, size_t nqueries, size_t nhits, size_t nmatches);
/* Prometheus text exposition format into b. */
int ent__metrics_render(struct ent_metrics *m, size_t index_size,
    unsigned inflight, struct ent_buf *b);

/* ---- workers (http_work.c) -------------------------------------------- */

/* A job for a worker, embedded in its owner. */
struct ent_job {
	struct ent_job *next;
	void (*run)(struct ent_job *j);
};

struct ent_http;
int ent__work_start(struct ent_http *h, unsigned n);
void ent__work_push(struct ent_http *h, struct ent_job *j);
/* Runs every queued job, then joins the workers. */
void ent__work_stop(struct ent_http *h);

/* ---- the server ------------------------------------------------------ */

struct ent_http {
	struct ent_node *node;
	struct MHD_Daemon *d;
	struct ent_limits lim;
	pthread_mutex_t pool_mu; /* guards pool and npool */
	struct ent_sess **pool;  /* idle sessions */
	size_t npool;
	atomic_uint inflight;
	atomic_bool quiescing;
	/* Work of ours in progress for a connection: a handler running, a
	 * connection suspended, a response waiting to be sent.  After the
	 * grace period the server stops taking more (stopping) and waits
	 * for busy to reach 0: libmicrohttpd must not be stopped while a
	 * connection is suspended. */
	atomic_uint busy;
	atomic_bool stopping;
	pthread_mutex_t work_mu; /* guards jobs, jobs_tail, work_stop */
	pthread_cond_t work_cv;
	struct ent_job *jobs, *jobs_tail;
	bool work_stop;
	pthread_t *workers;
	unsigned nworkers;
	uint16_t port;
	char url[80];
	char *tls_cert, *tls_key; /* PEM contents, kept while MHD runs */
	struct ent_metrics metrics;
};

struct req {
	struct ent_http *srv;
	struct MHD_Connection *c;
	struct route_match m; /* m.id < 0: no route */
	struct ent_buf body;
	bool too_large;
	bool replied;
	unsigned status;
	double t0;
	struct ent_principal who;
	struct ent_sess *sess;  /* borrowed from the pool; see ent__http_sess */
	struct ent_actor actor; /* strings point into this struct */
	char remote[64];
	char route_label[96];
	char purpose[257];
	const char *allow;  /* the Allow header of a 405 */
	struct ent_job job; /* RUN_WORKER: the handler's run */
	/* The response, kept until it may leave (ent__reply_resp). */
	struct MHD_Response *stash;
	/* 1 while the handler runs, + 1 per batch of audit entries queued
	 * and not yet durable; whoever drops it to 0 resumes the
	 * connection. */
	atomic_uint holds;
	atomic_int audit_err; /* the first failure of a queued batch */
	bool handled;         /* the handler has returned */
	bool busy;            /* counted in srv->busy */
	struct ent_audit_notify notify;
};

/* The request's session, taken from the server's pool (or opened) on
 * first use and given back when the request completes.  NULL if the store
 * cannot be opened. */
struct ent_sess *ent__http_sess(struct req *rq);

/* Reply helpers.  Each gives the request its one response (sent once the
 * handler has returned and the request's audit entries are durable, or
 * replaced by a 503 if they failed), notes its status for metrics and
 * returns what the handler must return. */
enum MHD_Result ent__reply_json(struct req *rq, unsigned status, json_t *v);
enum MHD_Result ent__reply_raw(struct req *rq, unsigned status,
    const char *ctype, char *data, size_t len); /* takes malloc'd data */
enum MHD_Result ent__reply_error(
    struct req *rq, unsigned status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The status and code for an ent_err value, from one table. */
unsigned ent__http_status(int err);
/* Reply with err mapped through that table; msg (may be NULL) or the
 * generic text is the message. */
enum MHD_Result ent__reply_err(struct req *rq, int err, const char *msg);

/* Takes resp (also on failure); adds the common headers. */
enum MHD_Result ent__reply_resp(struct req *rq, unsigned status,
    struct MHD_Response *resp, const char *ctype);

/* Around work of ours on a connection outside a handler (a streamed
 * response that suspends its connection while a worker computes more):
 * enter is false once the server stops, and then nothing may start. */
bool ent__http_busy_enter(struct ent_http *h);
void ent__http_busy_leave(struct ent_http *h);

/* A query-string argument, or NULL. Borrowed from MHD. */
const char *ent__arg(struct req *rq, const char *name);

/* Set rq->actor.purpose from a "purpose" string member of obj when the
 * request had no X-Purpose header; ENT_EINVAL (with d) if it is not a
 * string of at most 256 bytes. */
int ent__purpose_from(struct req *rq, json_t *obj, struct ent_diag *d);

/* Record the audit events of a request; on failure answer 503 and return
 * false (the response must not be sent without its audit entry). */
bool ent__audit(struct req *rq, const struct ent_audit_event *ev, size_t n);

/* ---- JSON (http_json.c) ------------------------------------------------ */

/* Parse len bytes as one JSON value within rq's limits (UTF-8, depth,
 * string length).  NULL with d saying what and where ("line 1, column 9:
 * ..."). */
json_t *ent__json_parse(const struct ent_limits *l, const char *buf, size_t len,
    struct ent_diag *d);
/* Check obj's members against a NULL-terminated list; ENT_EINVAL with d
 * naming the first unknown member (prefixed by where, e.g. "queries.q1"). */
int ent__json_only(json_t *obj, const char *const *allowed, const char *where,
    struct ent_diag *d);
/* Byte offset of the first invalid UTF-8 sequence (or NUL), or -1. */
long ent__utf8_bad_at(const char *s, size_t n);

/* ---- handlers ---------------------------------------------------------- */

#define ROUTE(name, method, pattern, action, handler, body, run)               \
	enum MHD_Result handler(struct req *rq);
#include "routes.def"
#undef ROUTE

/* Screening results as JSON (http_screen.c), shared with search. */
json_t *ent__hit_json(const struct ent_hit *h);

#endif /* ENT_HTTP_INT_H */
