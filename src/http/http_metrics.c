/* http_metrics.c - counters for GET /metrics (Prometheus text format 0.0.4).
 *
 * Every counter is a relaxed atomic: workers add without locks and a scrape
 * reads a value that may be a few requests stale, which Prometheus
 * tolerates by design.  Statuses are mapped to a small fixed set so the
 * series count stays bounded whatever clients send. */
#include <stdio.h>

#include "ent_err.h"
#include "http_int.h"

static const unsigned statuses[METRIC_STATUSES] = {
    200,
    201,
    400,
    401,
    403,
    404,
    405,
    409,
    413,
    415,
    500,
    503,
    0,
    0,
};

/* Upper bounds in seconds; the last bucket is +Inf. */
static const double bounds[METRIC_BUCKETS - 1] = {
    0.0005,
    0.001,
    0.002,
    0.005,
    0.01,
    0.02,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
};

static size_t
status_slot(unsigned st)
{
	size_t i;

	for (i = 0; i < METRIC_STATUSES - 2; i++)
		if (statuses[i] == st)
			return i;
	return METRIC_STATUSES - 1; /* "other" */
}

void
ent__metrics_observe(
    struct ent_metrics *m, int route, unsigned status, double seconds)
{
	size_t r = route >= 0 && route < ROUTE__COUNT ? (size_t)route + 1 : 0;
	size_t b;

	for (b = 0; b < METRIC_BUCKETS - 1 && seconds > bounds[b]; b++)
		;
	atomic_fetch_add_explicit(
	    &m->requests[r][status_slot(status)], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m->latency[r][b], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m->latency_us_sum[r],
	    (unsigned long long)(seconds * 1e6), memory_order_relaxed);
}

void
ent__metrics_screen(
    struct ent_metrics *m, size_t nqueries, size_t nhits, size_t nmatches)
{
	atomic_fetch_add_explicit(
	    &m->screenings, nqueries, memory_order_relaxed);
	atomic_fetch_add_explicit(
	    &m->screening_hits, nhits, memory_order_relaxed);
	atomic_fetch_add_explicit(
	    &m->screening_matches, nmatches, memory_order_relaxed);
}

static unsigned long long
get(atomic_ullong *a)
{
	return atomic_load_explicit(a, memory_order_relaxed);
}

int
ent__metrics_render(struct ent_metrics *m, size_t index_size, unsigned inflight,
    struct ent_buf *b)
{
	size_t r, s, k;
	int e = ENT_OK;

	e |= ent_buf_adds(b,
	    "# HELP entente_http_requests_total HTTP requests by route and "
	    "status.\n# TYPE entente_http_requests_total counter\n");
	for (r = 0; r <= ROUTE__COUNT; r++) {
		const char *name = r == 0 ? "none" : ent__routes[r - 1].name;

		for (s = 0; s < METRIC_STATUSES; s++) {
			unsigned long long v = get(&m->requests[r][s]);

			if (v == 0)
				continue;
			if (s == METRIC_STATUSES - 1)
				e |= ent_buf_printf(b,
				    "entente_http_requests_total{route=\"%s\","
				    "status=\"other\"} %llu\n",
				    name, v);
			else
				e |= ent_buf_printf(b,
				    "entente_http_requests_total{route=\"%s\","
				    "status=\"%u\"} %llu\n",
				    name, statuses[s], v);
		}
	}
	e |= ent_buf_adds(b,
	    "# HELP entente_http_request_duration_seconds Time from the "
	    "request's first byte to its response, by route.\n"
	    "# TYPE entente_http_request_duration_seconds histogram\n");
	for (r = 0; r <= ROUTE__COUNT; r++) {
		const char *name = r == 0 ? "none" : ent__routes[r - 1].name;
		unsigned long long cum = 0;

		for (k = 0; k < METRIC_BUCKETS; k++) {
			cum += get(&m->latency[r][k]);
			if (k < METRIC_BUCKETS - 1)
				e |= ent_buf_printf(b,
				    "entente_http_request_duration_seconds_"
				    "bucket{route=\"%s\",le=\"%g\"} %llu\n",
				    name, bounds[k], cum);
			else
				e |= ent_buf_printf(b,
				    "entente_http_request_duration_seconds_"
				    "bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
				    name, cum);
		}
		e |= ent_buf_printf(b,
		    "entente_http_request_duration_seconds_sum{route=\"%s\"} "
		    "%.6f\n"
		    "entente_http_request_duration_seconds_count{route=\"%s\"}"
		    " %llu\n",
		    name, (double)get(&m->latency_us_sum[r]) / 1e6, name, cum);
	}
	e |= ent_buf_printf(b,
	    "# HELP entente_screenings_total Screening queries answered.\n"
	    "# TYPE entente_screenings_total counter\n"
	    "entente_screenings_total %llu\n"
	    "# HELP entente_screening_results_total Results returned by "
	    "screening queries.\n"
	    "# TYPE entente_screening_results_total counter\n"
	    "entente_screening_results_total %llu\n"
	    "# HELP entente_screening_matches_total Results at or above the "
	    "match threshold.\n"
	    "# TYPE entente_screening_matches_total counter\n"
	    "entente_screening_matches_total %llu\n"
	    "# HELP entente_audit_entries_total Audit entries written by this "
	    "server.\n"
	    "# TYPE entente_audit_entries_total counter\n"
	    "entente_audit_entries_total %llu\n"
	    "# HELP entente_index_records Records in the screening index.\n"
	    "# TYPE entente_index_records gauge\n"
	    "entente_index_records %zu\n"
	    "# HELP entente_http_requests_in_flight Requests being served.\n"
	    "# TYPE entente_http_requests_in_flight gauge\n"
	    "entente_http_requests_in_flight %u\n",
	    get(&m->screenings), get(&m->screening_hits),
	    get(&m->screening_matches), get(&m->audit_entries), index_size,
	    inflight);
	return e != ENT_OK ? ENT_ENOMEM : ENT_OK;
}
