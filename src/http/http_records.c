/* http_records.c - records and operations: GET/DELETE /v1/entities/{id},
 * POST /v1/entities (bulk upsert), GET /v1/search, GET /healthz and
 * GET /metrics.
 *
 * Reads and changes go through ent_svc_get/put/delete with the request's
 * actor, so the svc layer writes their audit entries (changes in the same
 * transaction as the change).  Search uses the screening index with every
 * candidate listed (not only those over the match threshold), ranked by
 * score: one name index serves both, and a search finds the spellings
 * screening finds. */
#include <stdlib.h>
#include <string.h>

#include "ent_codec.h"
#include "ent_err.h"
#include "ent_schema.h"
#include "ent_util.h"
#include "http_int.h"

#define SEARCH_LIMIT_DEFAULT 10
#define SEARCH_THRESHOLD 0.5 /* marks "match" in search results */

static const char healthz_ok[] = "{\"status\":\"ok\"}";
static const char healthz_stopping[] = "{\"status\":\"stopping\"}";

enum MHD_Result
h_healthz(struct req *rq)
{
	bool stopping = atomic_load(&rq->srv->quiescing);
	const char *body = stopping ? healthz_stopping : healthz_ok;
	struct MHD_Response *resp = MHD_create_response_from_buffer(
	    strlen(body), (void *)(uintptr_t)body, MHD_RESPMEM_PERSISTENT);

	return ent__reply_resp(
	    rq, stopping ? 503 : 200, resp, "application/json");
}

enum MHD_Result
h_metrics(struct req *rq)
{
	const struct ent_index *ix = NULL;
	struct ent_buf b;
	struct ent_diag d;
	size_t len;
	char *s;

	ent_buf_init(&b, SIZE_MAX);
	if (ent_svc_index(rq->srv->node, &ix, &d) != ENT_OK)
		ix = NULL;
	if (ent__metrics_render(&rq->srv->metrics,
	        ix != NULL ? ent_index_size(ix) : 0,
	        atomic_load(&rq->srv->inflight), &b) != ENT_OK ||
	    (s = ent_buf_steal(&b, &len)) == NULL) {
		ent_buf_fini(&b);
		return ent__reply_err(rq, ENT_ENOMEM, NULL);
	}
	ent_buf_fini(&b);
	return ent__reply_raw(rq, 200, "text/plain; version=0.0.4", s, len);
}

enum MHD_Result
h_entity_get(struct req *rq)
{
	struct ent_record *r = NULL;
	struct ent_buf b;
	size_t len;
	char *s;
	int e;

	e = ent_svc_get(ent__http_sess(rq), rq->m.params[0], &rq->actor, &r);
	if (e == ENT_ENOTFOUND)
		return ent__reply_error(
		    rq, 404, NULL, "no record '%.200s'", rq->m.params[0]);
	if (e != ENT_OK)
		return ent__reply_err(rq, e, NULL);
	atomic_fetch_add_explicit(
	    &rq->srv->metrics.audit_entries, 1, memory_order_relaxed);
	ent_buf_init(&b, SIZE_MAX);
	e = ent_ftm_encode(r, 1, &b);
	ent_record_free(r);
	if (e != ENT_OK || (s = ent_buf_steal(&b, &len)) == NULL) {
		ent_buf_fini(&b);
		return ent__reply_err(rq, ENT_ENOMEM, NULL);
	}
	ent_buf_fini(&b);
	return ent__reply_raw(rq, 200, "application/json", s, len);
}

enum MHD_Result
h_entity_delete(struct req *rq)
{
	int e = ent_svc_delete(ent__http_sess(rq), rq->m.params[0], &rq->actor);

	if (e == ENT_ENOTFOUND)
		return ent__reply_error(
		    rq, 404, NULL, "no record '%.200s'", rq->m.params[0]);
	if (e == ENT_ECONFLICT || e == ENT_EEXIST)
		return ent__reply_error(rq, 409, "conflict",
		    "record '%.200s' is referenced by other records; delete "
		    "or change those first",
		    rq->m.params[0]);
	if (e != ENT_OK)
		return ent__reply_err(rq, e, NULL);
	atomic_fetch_add_explicit(
	    &rq->srv->metrics.audit_entries, 1, memory_order_relaxed);
	return ent__reply_json(
	    rq, 200, json_pack("{s:s}", "deleted", rq->m.params[0]));
}

struct bulk {
	struct ent_record **recs;
	size_t n, cap;
	json_t *rejected;
};

static int
bulk_add(struct bulk *bk, struct ent_record *r)
{
	if (bk->n == bk->cap) {
		size_t nc = bk->cap ? 2 * bk->cap : 64;
		struct ent_record **nv = realloc(bk->recs, nc * sizeof(*nv));

		if (nv == NULL)
			return ENT_ENOMEM;
		bk->recs = nv;
		bk->cap = nc;
	}
	bk->recs[bk->n++] = r;
	return ENT_OK;
}

static void
bulk_fini(struct bulk *bk)
{
	size_t i;

	for (i = 0; i < bk->n; i++)
		ent_record_free(bk->recs[i]);
	free(bk->recs);
	json_decref(bk->rejected);
}

/* Decode every line; bad ones go to bk->rejected with their line. */
static int
bulk_read(struct req *rq, struct bulk *bk, size_t *rows)
{
	const char *p = ent_buf_str(&rq->body);
	const char *end = p + ent_buf_len(&rq->body), *nl;
	struct ent_record *r;
	struct ent_diag d;
	long line = 0;
	size_t len;
	int e;

	*rows = 0;
	for (; p < end; p = nl + 1) {
		line++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len == 0)
			continue;
		if (++*rows > rq->srv->lim.batch_rows)
			return ENT_ETOOBIG;
		r = NULL;
		if ((e = ent_ftm_decode(p, len, &r, &d)) != ENT_OK) {
			json_array_append_new(bk->rejected,
			    json_pack("{s:I, s:s}", "line", (json_int_t)line,
			        "message", d.msg));
			continue;
		}
		if ((e = bulk_add(bk, r)) != ENT_OK) {
			ent_record_free(r);
			return e;
		}
	}
	return ENT_OK;
}

enum MHD_Result
h_entities_post(struct req *rq)
{
	const char *mode = ent__arg(rq, "mode");
	enum ent_put_result *res = NULL;
	struct bulk bk = {0};
	struct ent_diag d;
	json_t *ids, *out;
	size_t rows = 0, i, count[3] = {0, 0, 0};
	bool partial;
	long bad;
	int e;
	enum MHD_Result ret;

	if (mode != NULL && strcmp(mode, "all") && strcmp(mode, "partial"))
		return ent__reply_error(rq, 400, NULL,
		    "mode must be 'all' (the default: one bad line rejects "
		    "the batch) or 'partial'");
	partial = mode != NULL && strcmp(mode, "partial") == 0;
	if ((bad = ent__utf8_bad_at(
	         ent_buf_str(&rq->body), ent_buf_len(&rq->body))) >= 0)
		return ent__reply_error(
		    rq, 400, NULL, "invalid UTF-8 (or NUL) at byte %ld", bad);
	bk.rejected = json_array();
	if ((e = bulk_read(rq, &bk, &rows)) != ENT_OK) {
		ret = e == ENT_ETOOBIG
		          ? ent__reply_error(rq, 413, NULL,
		                "more than %zu records in one request",
		                rq->srv->lim.batch_rows)
		          : ent__reply_err(rq, e, NULL);
		goto out;
	}
	if (rows == 0) {
		ret = ent__reply_error(rq, 400, NULL,
		    "the body holds no record: send FtM JSON lines");
		goto out;
	}
	if (json_array_size(bk.rejected) > 0 && (!partial || bk.n == 0)) {
		json_t *first = json_array_get(bk.rejected, 0);

		{
			char msg[ENT_DIAG_MAX];

			snprintf(msg, sizeof(msg),
			    "line %lld: %s (%zu bad line(s); nothing was "
			    "applied)",
			    (long long)json_integer_value(
			        json_object_get(first, "line")),
			    json_string_value(
			        json_object_get(first, "message")),
			    json_array_size(bk.rejected));
			out = json_pack("{s:{s:s, s:s}, s:O}", "error", "code",
			    "invalid", "message", msg, "rejected", bk.rejected);
		}
		ret = ent__reply_json(rq, 400, out);
		goto out;
	}
	if ((res = calloc(bk.n, sizeof(*res))) == NULL) {
		ret = ent__reply_err(rq, ENT_ENOMEM, NULL);
		goto out;
	}
	e = ent_svc_put(ent__http_sess(rq), bk.recs, bk.n, &rq->actor, res, &d);
	if (e != ENT_OK) {
		ret = ent__reply_err(rq, e, d.msg);
		goto out;
	}
	atomic_fetch_add_explicit(
	    &rq->srv->metrics.audit_entries, 1, memory_order_relaxed);
	ids = json_array();
	for (i = 0; i < bk.n; i++) {
		if ((size_t)res[i] < 3)
			count[res[i]]++;
		json_array_append_new(ids, json_string(bk.recs[i]->id));
	}
	out = json_pack("{s:I, s:I, s:I, s:O, s:o}", "inserted",
	    (json_int_t)count[ENT_PUT_INSERTED], "updated",
	    (json_int_t)count[ENT_PUT_UPDATED], "unchanged",
	    (json_int_t)count[ENT_PUT_UNCHANGED], "rejected", bk.rejected,
	    "ids", ids);
	ret = ent__reply_json(rq, 200, out);
out:
	free(res);
	bulk_fini(&bk);
	return ret;
}

static int
int_arg(struct req *rq, const char *name, int64_t lo, int64_t hi, int64_t *out)
{
	const char *s = ent__arg(rq, name);

	if (s == NULL)
		return ENT_OK;
	return ent_parse_i64(s, lo, hi, out);
}

enum MHD_Result
h_search(struct req *rq)
{
	const char *q = ent__arg(rq, "q"), *schema = ent__arg(rq, "schema");
	struct ent_query qu = {0};
	struct ent_screen_opts o = {0};
	struct ent_audit_event ev = {0};
	struct ent_hits *hits = NULL, page;
	struct ent_buf b;
	struct ent_diag d;
	const char **ids = NULL;
	int64_t limit = SEARCH_LIMIT_DEFAULT, offset = 0;
	json_t *qj;
	char *qtext = NULL, *s;
	size_t i, len;
	int e;
	enum MHD_Result ret;

	if (q == NULL || q[0] == '\0')
		return ent__reply_error(rq, 400, NULL,
		    "the query parameter q (a name) is required");
	if (strlen(q) > rq->srv->lim.string_max ||
	    ent__utf8_bad_at(q, strlen(q)) >= 0)
		return ent__reply_error(rq, 400, NULL,
		    "q must be UTF-8 of at most %zu bytes",
		    rq->srv->lim.string_max);
	if (schema != NULL && ent_schema_get(schema) == NULL)
		return ent__reply_error(
		    rq, 400, NULL, "schema must name a known schema");
	if (int_arg(rq, "limit", 1, 100, &limit) != ENT_OK ||
	    int_arg(rq, "offset", 0, ENT_SCREEN_LIMIT_MAX - 1, &offset) !=
	        ENT_OK ||
	    offset + limit > ENT_SCREEN_LIMIT_MAX)
		return ent__reply_error(rq, 400, NULL,
		    "limit must be 1..100 and offset + limit at most %d",
		    ENT_SCREEN_LIMIT_MAX);
	qu.names = &q;
	qu.nnames = 1;
	qu.schema = schema;
	o.threshold = SEARCH_THRESHOLD;
	o.limit = (size_t)(offset + limit);
	o.all = true;
	if ((e = ent_svc_screen(
	         ent__http_sess(rq), &qu, &o, NULL, &hits, &d)) != ENT_OK)
		return ent__reply_err(rq, e, d.msg);
	page.hits =
	    hits->hits + ((size_t)offset < hits->n ? (size_t)offset : hits->n);
	page.n = (size_t)offset < hits->n ? hits->n - (size_t)offset : 0;
	if (page.n > (size_t)limit)
		page.n = (size_t)limit;
	qj = json_pack("{s:s, s:s?, s:I, s:I}", "q", q, "schema", schema,
	    "limit", (json_int_t)limit, "offset", (json_int_t)offset);
	qtext = qj != NULL ? json_dumps(qj, JSON_COMPACT) : NULL;
	ids = calloc(page.n + 1, sizeof(*ids));
	if (qtext == NULL || ids == NULL) {
		ret = ent__reply_err(rq, ENT_ENOMEM, NULL);
		goto out;
	}
	for (i = 0; i < page.n; i++)
		ids[i] = page.hits[i].id;
	ev.actor = &rq->actor;
	ev.action = "search";
	ev.query = qtext;
	ev.result_ids = ids;
	ev.nresult = page.n;
	if (!ent__audit(rq, &ev, 1)) {
		ret = MHD_YES;
		goto out;
	}
	ent_buf_init(&b, SIZE_MAX);
	e = ent_buf_printf(&b,
	    "{\"query\":%s,\"total\":{\"value\":%zu,\"relation\":\"%s\"},"
	    "\"offset\":%lld,\"limit\":%lld,\"results\":",
	    qtext, hits->n, hits->n >= o.limit ? "gte" : "eq",
	    (long long)offset, (long long)limit);
	if (e == ENT_OK)
		e = ent_svc_hits_json(&page, &b);
	if (e == ENT_OK)
		e = ent_buf_addc(&b, '}');
	if (e != ENT_OK || (s = ent_buf_steal(&b, &len)) == NULL) {
		ent_buf_fini(&b);
		ret = ent__reply_err(rq, ENT_ENOMEM, NULL);
		goto out;
	}
	ent_buf_fini(&b);
	ret = ent__reply_raw(rq, 200, "application/json", s, len);
out:
	json_decref(qj);
	free(qtext);
	free(ids);
	ent_hits_free(hits);
	return ret;
}
