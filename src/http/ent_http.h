/* ent_http.h - the node as an HTTP service (libmicrohttpd + jansson).
 *
 * `entente serve` calls ent_http_start() with a node whose screening index
 * is loaded, waits for SIGTERM/SIGINT, then ent_http_stop(): the listening
 * socket closes at once (no new connections), requests in flight finish,
 * then the threads stop.  Routes are listed in routes.def and the API is
 * described in docs/http-api.md.
 *
 * Threads: `threads` event threads (libmicrohttpd's thread pool, one per
 * core by default) serve every connection and run the handlers that only
 * take CPU, screening above all; their audit entries are awaited without
 * blocking (the connection is suspended until the group commit makes them
 * durable).  Handlers that may wait on the store or run long (writes,
 * reads, batches) run on 2 * threads + 2 workers.  A thread per
 * connection, as before, cost a quarter of the CPU in context switches
 * and made the scheduler the tail latency (bench/README.md, HTTP).  Each
 * request borrows a database session from a pool.  The functions below
 * are called by one controlling thread. */
#ifndef ENT_HTTP_H
#define ENT_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "ent_diag.h"
#include "ent_svc.h"

/* Bounds on what one request may make us hold or do.  Every one is a
 * hard limit answered with 413 (sizes, rows) or 400 (depth, strings). */
struct ent_limits {
	size_t body_max;       /* bytes of a JSON request body */
	size_t batch_body_max; /* bytes of a /v1/screen/batch or bulk
	                          /v1/entities body */
	size_t json_depth;     /* nesting of arrays/objects */
	size_t string_max;     /* bytes of any one JSON string */
	size_t batch_rows;     /* rows of a batch screening or bulk upsert */
	size_t match_queries;  /* queries in one /match request */
	size_t result_limit;   /* the largest `limit` a client may ask */
};

/* The defaults (docs/http-api.md, "Limits"). */
void ent_limits_default(struct ent_limits *l);

struct ent_http_opts {
	const char *listen;   /* "ADDR:PORT", "[v6]:PORT"; NULL =
	                         127.0.0.1:8080; port 0 = any free port */
	unsigned threads;     /* event threads; 0 = one per core */
	const char *tls_cert; /* PEM file paths; both or neither */
	const char *tls_key;
	struct ent_limits limits;
};

struct ent_http;

/* Start serving node n (which must outlive the server).  Starts the audit
 * group committer for n as well.  *out only on ENT_OK; otherwise d says
 * why (address in use, TLS unsupported, unreadable key...). */
int ent_http_start(struct ent_node *n, const struct ent_http_opts *o,
    struct ent_http **out, struct ent_diag *d);

/* The port actually bound (useful with port 0), and "http://127.0.0.1:PORT"
 * (or https) for messages.  Borrowed. */
uint16_t ent_http_port(const struct ent_http *h);
const char *ent_http_url(const struct ent_http *h);

/* Stop accepting, let requests in flight finish (at most grace_ms), stop
 * the workers and the audit committer, free everything.  NULL-safe. */
void ent_http_stop(struct ent_http *h, unsigned grace_ms);

#endif /* ENT_HTTP_H */
