/* http_int.h - what the files of src/http share; private to the module.
 *
 * A request lives in one struct req from MHD's first call to
 * NOTIFY_COMPLETED, which frees it whatever happened (success, client
 * abort, timeout).  Handlers run on the worker thread that owns the
 * connection; they use the request's session (ent__http_sess) and answer
 * through the reply helpers, which also note the status for metrics. */
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

struct req;
typedef enum MHD_Result (*handler_fn)(struct req *rq);

enum route_id {
#define ROUTE(name, method, pattern, action, handler, body) ROUTE_##name,
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
	const char *allow; /* the Allow header of a 405 */
};

/* The request's session, taken from the server's pool (or opened) on
 * first use and given back when the request completes.  NULL if the store
 * cannot be opened. */
struct ent_sess *ent__http_sess(struct req *rq);

/* Reply helpers.  Each queues one response, notes its status for metrics
 * and returns what the MHD handler must return. */
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

#define ROUTE(name, method, pattern, action, handler, body)                    \
	enum MHD_Result handler(struct req *rq);
#include "routes.def"
#undef ROUTE

/* Screening results as JSON (http_screen.c), shared with search. */
json_t *ent__hit_json(const struct ent_hit *h);

#endif /* ENT_HTTP_INT_H */
