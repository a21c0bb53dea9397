/* http_match.c - POST /match/{dataset}, compatible with OpenSanctions
 * yente, so tools written for yente can screen against Entente unchanged.
 *
 * Request: {"queries": {"q1": {"schema": "Person", "properties": {"name":
 * [...], "birthDate": [...], "nationality": [...]}}}} plus yente's
 * "weights"/"config" (accepted, ignored: our scorer has its own weights).
 * Query parameters: limit (default 5), threshold (default the engine's),
 * cutoff (lowest score returned, default 0.5), algorithm (ignored).
 * Response: {"responses": {"q1": {"status": 200, "results": [...],
 * "total": {"value": n, "relation": "eq"}, "query": {...}}}, "limit": n},
 * each result an FtM entity with score, match, features and explanations.
 * The dataset name is echoed: a node has one dataset, its records. */
#include <stdlib.h>
#include <string.h>

#include "ent_codec.h"
#include "ent_country.h"
#include "ent_err.h"
#include "ent_schema.h"
#include "ent_util.h"
#include "http_int.h"

#define NAMES_MAX 16
#define DOCS_MAX 8

struct mq {
	const char *key;
	json_t *example; /* borrowed from the request */
	struct ent_query q;
	const char *names[NAMES_MAX];
	struct ent_doc_query docs[DOCS_MAX];
	char nat[3];
};

/* FtM properties we understand in a query; others are refused by name. */
static const char *const name_props[] = {"name", "alias", "previousName",
    "weakAlias", "firstName", "lastName", NULL};
static const char *const known_props[] = {"name", "alias", "previousName",
    "weakAlias", "firstName", "lastName", "birthDate", "nationality", "country",
    "citizenship", "gender", "passportNumber", "idNumber", "number", NULL};

static bool
in_list(const char *const *l, const char *s)
{
	size_t i;

	for (i = 0; l[i] != NULL; i++)
		if (strcmp(l[i], s) == 0)
			return true;
	return false;
}

/* Values of a property: a string or an array of strings. */
static int
each_value(json_t *v, const char *where, const char *prop,
    int (*fn)(
        struct mq *m, const char *prop, const char *val, struct ent_diag *d),
    struct mq *m, struct ent_diag *d)
{
	json_t *x;
	size_t i;

	if (json_is_string(v))
		return fn(m, prop, json_string_value(v), d);
	if (!json_is_array(v)) {
		ent_diag_set(d,
		    "%s.properties.%s must be a string or an array "
		    "of strings",
		    where, prop);
		return ENT_EINVAL;
	}
	json_array_foreach(v, i, x)
	{
		if (!json_is_string(x)) {
			ent_diag_set(d,
			    "%s.properties.%s[%zu] must be a string", where,
			    prop, i);
			return ENT_EINVAL;
		}
		if (fn(m, prop, json_string_value(x), d) != ENT_OK)
			return ENT_EINVAL;
	}
	return ENT_OK;
}

static int
take_value(struct mq *m, const char *prop, const char *val, struct ent_diag *d)
{
	if (val[0] == '\0')
		return ENT_OK;
	if (in_list(name_props, prop)) {
		if (m->q.nnames < NAMES_MAX)
			m->names[m->q.nnames++] = val;
	} else if (strcmp(prop, "birthDate") == 0) {
		if (ent_date_check(val, d) != ENT_OK) {
			ent_diag_prefix(d, "%s.properties.birthDate", m->key);
			return ENT_EINVAL;
		}
		if (m->q.birth_date == NULL)
			m->q.birth_date = val;
	} else if (strcmp(prop, "nationality") == 0 ||
	           strcmp(prop, "country") == 0 ||
	           strcmp(prop, "citizenship") == 0) {
		if (!ent_country_valid(val)) {
			ent_diag_set(d,
			    "%s.properties.%s: '%.40s' is not an "
			    "ISO 3166 alpha-2 code",
			    m->key, prop, val);
			return ENT_EINVAL;
		}
		if (m->q.nationality == NULL) {
			m->nat[0] = (char)(val[0] | 0x20);
			m->nat[1] = (char)(val[1] | 0x20);
			m->q.nationality = m->nat;
		}
	} else if (strcmp(prop, "gender") == 0) {
		if (m->q.gender == NULL)
			m->q.gender = val;
	} else if (m->q.ndocs < DOCS_MAX) { /* passportNumber, idNumber */
		m->docs[m->q.ndocs].number = val;
		m->q.ndocs++;
	}
	return ENT_OK;
}

static int
parse_example(struct mq *m, struct ent_diag *d)
{
	static const char *const fields[] = {
	    "schema", "properties", "id", NULL};
	const char *key;
	json_t *props, *v;
	size_t i;

	m->q.names = m->names;
	m->q.docs = m->docs;
	if (!json_is_object(m->example)) {
		ent_diag_set(d, "queries.%s must be an object", m->key);
		return ENT_EINVAL;
	}
	if (ent__json_only(m->example, fields, m->key, d) != ENT_OK)
		return ENT_EINVAL;
	v = json_object_get(m->example, "schema");
	if (!json_is_string(v) ||
	    ent_schema_get(json_string_value(v)) == NULL) {
		ent_diag_set(
		    d, "queries.%s.schema must name a known schema", m->key);
		return ENT_EINVAL;
	}
	m->q.schema = json_string_value(v);
	props = json_object_get(m->example, "properties");
	if (!json_is_object(props)) {
		ent_diag_set(
		    d, "queries.%s.properties must be an object", m->key);
		return ENT_EINVAL;
	}
	json_object_foreach(props, key, v)
	{
		if (!in_list(known_props, key)) {
			ent_diag_set(d,
			    "unknown property '%.64s' in "
			    "queries.%s.properties",
			    key, m->key);
			return ENT_EINVAL;
		}
		if (each_value(v, m->key, key, take_value, m, d) != ENT_OK)
			return ENT_EINVAL;
	}
	/* A document's country defaults to the query's nationality. */
	for (i = 0; i < m->q.ndocs; i++)
		m->docs[i].country = m->q.nationality;
	if (m->q.nnames == 0 && m->q.ndocs == 0) {
		ent_diag_set(
		    d, "queries.%s needs a name or a document number", m->key);
		return ENT_EINVAL;
	}
	return ENT_OK;
}

static int
num_arg(struct req *rq, const char *name, double lo, double hi, double *out,
    struct ent_diag *d)
{
	const char *s = ent__arg(rq, name);
	char *end;
	double v;

	if (s == NULL)
		return ENT_OK;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || !(v >= lo && v <= hi)) {
		ent_diag_set(d,
		    "query parameter %s must be a number in "
		    "%g..%g",
		    name, lo, hi);
		return ENT_EINVAL;
	}
	*out = v;
	return ENT_OK;
}

/* The stored record's properties, as FtM JSON; NULL if it vanished. */
static json_t *
record_props(struct ent_sess *s, const char *id)
{
	struct ent_record *r = NULL;
	struct ent_buf b;
	json_t *v = NULL, *p = NULL;

	if (ent_svc_get(s, id, NULL, &r) != ENT_OK)
		return NULL;
	ent_buf_init(&b, SIZE_MAX);
	if (ent_ftm_encode(r, 0, &b) == ENT_OK)
		v = json_loadb(ent_buf_str(&b), ent_buf_len(&b), 0, NULL);
	ent_buf_fini(&b);
	ent_record_free(r);
	if (v != NULL)
		p = json_incref(json_object_get(v, "properties"));
	json_decref(v);
	return p;
}

static json_t *
result_json(struct ent_sess *s, const struct ent_hit *h, const char *ds)
{
	json_t *o, *feat, *expl, *props;
	size_t i;

	feat = json_object();
	expl = json_object();
	for (i = 0; i < h->nfeatures; i++) {
		const struct ent_feature *f = &h->features[i];

		json_object_set_new(feat, f->name, json_real(f->score));
		json_object_set_new(expl, f->name,
		    json_pack("{s:f, s:s}", "score", f->score, "detail",
		        f->detail != NULL ? f->detail : ""));
	}
	if ((props = record_props(s, h->id)) == NULL)
		props = json_object();
	o = json_pack("{s:s, s:s, s:s, s:o, s:[s], s:[], s:b, s:f, s:b, "
	              "s:o, s:o, s:s?}",
	    "id", h->id, "caption", h->caption != NULL ? h->caption : h->id,
	    "schema", h->schema != NULL ? h->schema : "Thing", "properties",
	    props, "datasets", ds, "referents", "target", 1, "score", h->score,
	    "match", h->match, "features", feat, "explanations", expl, "agency",
	    h->agency);
	return o;
}

enum MHD_Result
h_match(struct req *rq)
{
	static const char *const top[] = {
	    "queries", "weights", "config", "purpose", NULL};
	const struct ent_limits *l = &rq->srv->lim;
	struct ent_sess *s = ent__http_sess(rq);
	const char *ds = rq->m.params[0], *key;
	struct ent_screen_opts o = {0};
	struct ent_query *qv = NULL;
	struct ent_hits **hits = NULL;
	const char **ids = NULL;
	struct mq *mq = NULL;
	struct ent_diag d;
	json_t *in, *queries, *v, *resp = NULL, *responses;
	double limit = 5, threshold = ENT_SCREEN_THRESHOLD_DEFAULT;
	double cutoff = 0.5;
	size_t n = 0, i, j, nh = 0, nm = 0;
	int *err = NULL, r;
	enum MHD_Result ret;

	if ((in = ent__json_parse(l, ent_buf_str(&rq->body),
	         ent_buf_len(&rq->body), &d)) == NULL)
		return ent__reply_error(rq, 400, NULL, "%s", d.msg);
	if (!json_is_object(in) || ent__json_only(in, top, NULL, &d) ||
	    ent__purpose_from(rq, in, &d) != ENT_OK ||
	    num_arg(rq, "limit", 1, (double)l->result_limit, &limit, &d) ||
	    num_arg(rq, "threshold", 0.01, 1, &threshold, &d) ||
	    num_arg(rq, "cutoff", 0, 1, &cutoff, &d)) {
		if (!json_is_object(in))
			ent_diag_set(&d, "the body must be a JSON object");
		ret = ent__reply_error(rq, 400, NULL, "%s", d.msg);
		goto out;
	}
	queries = json_object_get(in, "queries");
	if (!json_is_object(queries) || (n = json_object_size(queries)) == 0) {
		ret = ent__reply_error(rq, 400, NULL,
		    "queries must be an object of one or more named queries");
		goto out;
	}
	if (n > l->match_queries) {
		ret = ent__reply_error(rq, 413, NULL,
		    "%zu queries exceed the limit of %zu per request", n,
		    l->match_queries);
		goto out;
	}
	mq = calloc(n, sizeof(*mq));
	qv = calloc(n, sizeof(*qv));
	hits = calloc(n, sizeof(*hits));
	ids = calloc(n, sizeof(*ids));
	err = calloc(n, sizeof(*err));
	if (mq == NULL || qv == NULL || hits == NULL || ids == NULL ||
	    err == NULL) {
		ret = ent__reply_err(rq, ENT_ENOMEM, NULL);
		goto out;
	}
	i = 0;
	json_object_foreach(queries, key, v)
	{
		mq[i].key = key;
		mq[i].example = v;
		if (parse_example(&mq[i], &d) != ENT_OK) {
			ret = ent__reply_error(rq, 400, NULL, "%s", d.msg);
			goto out;
		}
		qv[i] = mq[i].q;
		ids[i] = key;
		i++;
	}
	o.limit = (size_t)limit;
	o.threshold = threshold;
	o.all = true; /* yente lists near misses too, with match=false */
	r = ent_svc_screen_many(
	    s, qv, n, &o, 1, &rq->actor, ids, hits, err, &d);
	if (r != ENT_OK) {
		ret = ent__reply_err(rq, ENT_EBUSY, d.msg);
		goto out;
	}
	atomic_fetch_add_explicit(
	    &rq->srv->metrics.audit_entries, n, memory_order_relaxed);
	responses = json_object();
	for (i = 0; i < n; i++) {
		json_t *res = json_array(), *one;
		size_t shown = 0;

		for (j = 0; hits[i] != NULL && j < hits[i]->n; j++) {
			if (hits[i]->hits[j].score < cutoff)
				continue;
			json_array_append_new(
			    res, result_json(s, &hits[i]->hits[j], ds));
			shown++;
			nm += hits[i]->hits[j].match ? 1 : 0;
		}
		nh += shown;
		if (hits[i] == NULL)
			one = json_pack("{s:i, s:{s:s, s:s}}", "status", 500,
			    "error", "code", ent_errcode(err[i]), "message",
			    ent_strerror(err[i]));
		else
			one = json_pack("{s:i, s:o, s:{s:I, s:s}, s:O}",
			    "status", 200, "results", res, "total", "value",
			    (json_int_t)shown, "relation", "eq", "query",
			    mq[i].example);
		if (hits[i] == NULL)
			json_decref(res);
		json_object_set_new(responses, mq[i].key, one);
	}
	ent__metrics_screen(&rq->srv->metrics, n, nh, nm);
	resp = json_pack(
	    "{s:o, s:I}", "responses", responses, "limit", (json_int_t)limit);
	ret = ent__reply_json(rq, 200, resp);
out:
	for (i = 0; hits != NULL && i < n; i++)
		ent_hits_free(hits[i]);
	free(hits);
	free(ids);
	free(err);
	free(qv);
	free(mq);
	json_decref(in);
	return ret;
}
