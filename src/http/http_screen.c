/* http_screen.c - the screening routes: POST /v1/screen, POST
 * /v1/screen/batch and the yente-compatible POST /match/{dataset}.
 *
 * Each turns its request into struct ent_query values and asks the svc
 * layer, which screens and writes the audit entries (one per query, with
 * the ids returned) before we answer.  Results are written with
 * ent_svc_hits_json, so the API and `entente screen --json` show the same
 * thing.  Query strings point into the request's JSON (or an MRZ parsed
 * on the stack) and live as long as the handler's frame. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent_country.h"
#include "ent_err.h"
#include "ent_mrz.h"
#include "ent_record.h"
#include "ent_schema.h"
#include "ent_util.h"
#include "http_int.h"

#define NAMES_MAX 16
#define DOCS_MAX 8
#define BATCH_CHUNK 64 /* rows screened and audited per output flush */

/* A query and the storage its pointers use. */
struct qstore {
	struct ent_query q;
	struct ent_screen_opts o;
	const char *names[NAMES_MAX];
	struct ent_doc_query docs[DOCS_MAX];
	char nat[3];
	bool has_mrz;
	struct ent_mrz mrz;
	char mrzname[96];
};

static const char *const screen_fields[] = {
    "name",
    "birth_date",
    "nationality",
    "gender",
    "document",
    "documents",
    "mrz",
    "schema",
    "limit",
    "threshold",
    "purpose",
    NULL,
};

static int
add_name(struct qstore *qs, json_t *v, struct ent_diag *d)
{
	if (!json_is_string(v) || json_string_length(v) == 0) {
		ent_diag_set(d, "name must be a non-empty string");
		return ENT_EINVAL;
	}
	if (qs->q.nnames == NAMES_MAX) {
		ent_diag_set(d, "at most %d names per query", NAMES_MAX);
		return ENT_EINVAL;
	}
	qs->names[qs->q.nnames++] = json_string_value(v);
	return ENT_OK;
}

static int
add_doc(struct qstore *qs, json_t *v, struct ent_diag *d)
{
	static const char *const doc_fields[] = {"number", "country", NULL};
	struct ent_doc_query dq = {0};
	json_t *x;

	if (json_is_string(v)) {
		dq.number = json_string_value(v);
	} else if (json_is_object(v)) {
		if (ent__json_only(v, doc_fields, "document", d) != ENT_OK)
			return ENT_EINVAL;
		x = json_object_get(v, "number");
		dq.number = json_string_value(x);
		x = json_object_get(v, "country");
		if (x != NULL &&
		    (!json_is_string(x) ||
		        !ent_country_valid(json_string_value(x)))) {
			ent_diag_set(d, "document.country must be an ISO "
			                "3166 alpha-2 code");
			return ENT_EINVAL;
		}
		dq.country = json_string_value(x);
	}
	if (dq.number == NULL || dq.number[0] == '\0') {
		ent_diag_set(d, "document must be a number or "
		                "{\"number\", \"country\"}");
		return ENT_EINVAL;
	}
	if (qs->q.ndocs == DOCS_MAX) {
		ent_diag_set(d, "at most %d documents per query", DOCS_MAX);
		return ENT_EINVAL;
	}
	qs->docs[qs->q.ndocs++] = dq;
	return ENT_OK;
}

static const char *
str_member(json_t *obj, const char *key, bool *bad)
{
	json_t *v = json_object_get(obj, key);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		*bad = true;
		return NULL;
	}
	return json_string_value(v);
}

/* Fill in from a parsed MRZ what the query does not say itself. */
static int
add_mrz(struct qstore *qs, const char *text, struct ent_diag *d)
{
	static const char *const genders[] = {
	    ['F'] = "female", ['M'] = "male", ['X'] = "other"};
	struct ent_diag md;

	if (ent_mrz_parse(text, NULL, &qs->mrz, &md) != ENT_OK) {
		ent_diag_set(d, "mrz: %s", md.msg);
		return ENT_EINVAL;
	}
	qs->has_mrz = true;
	snprintf(qs->mrzname, sizeof(qs->mrzname), "%s%s%s", qs->mrz.secondary,
	    qs->mrz.secondary[0] != '\0' ? " " : "", qs->mrz.primary);
	if (qs->mrzname[0] != '\0' && qs->q.nnames < NAMES_MAX)
		qs->names[qs->q.nnames++] = qs->mrzname;
	if (qs->q.birth_date == NULL && qs->mrz.birth_date[0] != '\0')
		qs->q.birth_date = qs->mrz.birth_date;
	if (qs->q.nationality == NULL && qs->mrz.nationality_a2[0] != '\0')
		qs->q.nationality = qs->mrz.nationality_a2;
	if (qs->q.gender == NULL &&
	    (qs->mrz.sex == 'F' || qs->mrz.sex == 'M' || qs->mrz.sex == 'X'))
		qs->q.gender = genders[(unsigned char)qs->mrz.sex];
	if (qs->mrz.number[0] != '\0' && qs->q.ndocs < DOCS_MAX) {
		qs->docs[qs->q.ndocs].number = qs->mrz.number;
		qs->docs[qs->q.ndocs].country =
		    qs->mrz.issuer_a2[0] != '\0' ? qs->mrz.issuer_a2 : NULL;
		qs->q.ndocs++;
	}
	return ENT_OK;
}

/* The request object of /v1/screen (and a row of a JSON batch). */
static int
parse_screen(const struct ent_limits *l, json_t *obj, struct qstore *qs,
    struct ent_diag *d)
{
	const char *mrz;
	json_t *v, *x;
	size_t i;
	bool bad = false;

	memset(qs, 0, sizeof(*qs));
	qs->q.names = qs->names;
	qs->q.docs = qs->docs;
	if (!json_is_object(obj)) {
		ent_diag_set(d, "a query must be a JSON object");
		return ENT_EINVAL;
	}
	if (ent__json_only(obj, screen_fields, NULL, d) != ENT_OK)
		return ENT_EINVAL;
	if ((v = json_object_get(obj, "name")) != NULL) {
		if (json_is_array(v)) {
			json_array_foreach(
			    v, i, x) if (add_name(qs, x, d)) return ENT_EINVAL;
		} else if (add_name(qs, v, d) != ENT_OK) {
			return ENT_EINVAL;
		}
	}
	qs->q.birth_date = str_member(obj, "birth_date", &bad);
	if (bad || (qs->q.birth_date != NULL &&
	               ent_date_check(qs->q.birth_date, d) != ENT_OK)) {
		ent_diag_prefix(d, "birth_date");
		if (bad)
			ent_diag_set(d, "birth_date must be an ISO 8601 date");
		return ENT_EINVAL;
	}
	qs->q.nationality = str_member(obj, "nationality", &bad);
	if (bad || (qs->q.nationality != NULL &&
	               !ent_country_valid(qs->q.nationality))) {
		ent_diag_set(d, "nationality must be an ISO 3166 alpha-2 code");
		return ENT_EINVAL;
	}
	if (qs->q.nationality != NULL) { /* the index keeps lower case */
		qs->nat[0] = (char)(qs->q.nationality[0] | 0x20);
		qs->nat[1] = (char)(qs->q.nationality[1] | 0x20);
		qs->q.nationality = qs->nat;
	}
	qs->q.gender = str_member(obj, "gender", &bad);
	if (bad || (qs->q.gender != NULL && strcmp(qs->q.gender, "male") &&
	               strcmp(qs->q.gender, "female") &&
	               strcmp(qs->q.gender, "other"))) {
		ent_diag_set(d, "gender must be male, female or other");
		return ENT_EINVAL;
	}
	qs->q.schema = str_member(obj, "schema", &bad);
	if (bad ||
	    (qs->q.schema != NULL && ent_schema_get(qs->q.schema) == NULL)) {
		ent_diag_set(d, "schema must name a known schema");
		return ENT_EINVAL;
	}
	if ((v = json_object_get(obj, "document")) != NULL &&
	    add_doc(qs, v, d) != ENT_OK)
		return ENT_EINVAL;
	if ((v = json_object_get(obj, "documents")) != NULL) {
		if (!json_is_array(v)) {
			ent_diag_set(d, "documents must be an array");
			return ENT_EINVAL;
		}
		json_array_foreach(
		    v, i, x) if (add_doc(qs, x, d) != ENT_OK) return ENT_EINVAL;
	}
	mrz = str_member(obj, "mrz", &bad);
	if (bad) {
		ent_diag_set(d, "mrz must be a string");
		return ENT_EINVAL;
	}
	if (mrz != NULL && add_mrz(qs, mrz, d) != ENT_OK)
		return ENT_EINVAL;
	if ((v = json_object_get(obj, "limit")) != NULL) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    (size_t)json_integer_value(v) > l->result_limit) {
			ent_diag_set(d, "limit must be an integer in 1..%zu",
			    l->result_limit);
			return ENT_EINVAL;
		}
		qs->o.limit = (size_t)json_integer_value(v);
	}
	if ((v = json_object_get(obj, "threshold")) != NULL) {
		if (!json_is_number(v) || json_number_value(v) <= 0 ||
		    json_number_value(v) > 1) {
			ent_diag_set(d, "threshold must be a number in (0, 1]");
			return ENT_EINVAL;
		}
		qs->o.threshold = json_number_value(v);
	}
	if (qs->q.nnames == 0 && qs->q.ndocs == 0) {
		ent_diag_set(d, "a query needs a name, a document or an mrz");
		return ENT_EINVAL;
	}
	return ENT_OK;
}

static int
mrz_json(const struct ent_mrz *m, struct ent_buf *b)
{
	struct ent_diag d;
	json_t *v;
	char *s;
	int r;

	ent_mrz_failures(m, &d);
	v = json_pack("{s:s, s:b, s:s, s:s, s:s, s:s, s:s}", "format",
	    m->format_name, "ok", ent_mrz_ok(m), "warnings",
	    ent_mrz_ok(m) ? "" : d.msg, "document_number", m->number, "issuer",
	    m->issuer, "expiry_date", m->expiry_date, "name", m->primary);
	if (v == NULL || (s = json_dumps(v, JSON_COMPACT)) == NULL) {
		json_decref(v);
		return ENT_ENOMEM;
	}
	json_decref(v);
	r = ent_buf_adds(b, s);
	free(s);
	return r;
}

static size_t
count_matches(const struct ent_hits *h)
{
	size_t i, n = 0;

	for (i = 0; i < h->n; i++)
		n += h->hits[i].match ? 1 : 0;
	return n;
}

enum MHD_Result
h_screen(struct req *rq)
{
	struct ent_sess *s = ent__http_sess(rq);
	struct ent_hits *hits = NULL;
	struct qstore qs;
	struct ent_diag d;
	struct ent_buf out;
	json_t *in;
	char *qtext = NULL, *body;
	size_t len;
	int r;

	if ((in = ent__json_parse(&rq->srv->lim, ent_buf_str(&rq->body),
	         ent_buf_len(&rq->body), &d)) == NULL)
		return ent__reply_error(rq, 400, NULL, "%s", d.msg);
	if (parse_screen(&rq->srv->lim, in, &qs, &d) != ENT_OK ||
	    ent__purpose_from(rq, in, &d) != ENT_OK) {
		json_decref(in);
		return ent__reply_error(rq, 400, NULL, "%s", d.msg);
	}
	r = ent_svc_screen(s, &qs.q, &qs.o, &rq->actor, &hits, &d);
	if (r != ENT_OK) {
		json_decref(in);
		return ent__reply_err(
		    rq, r == ENT_EINVAL ? r : ENT_EBUSY, d.msg);
	}
	atomic_fetch_add_explicit(
	    &rq->srv->metrics.audit_entries, 1, memory_order_relaxed);
	ent__metrics_screen(&rq->srv->metrics, 1, hits->n, count_matches(hits));
	json_object_del(in, "purpose");
	qtext = json_dumps(in, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(in);
	ent_buf_init(&out, SIZE_MAX);
	r = qtext != NULL ? ENT_OK : ENT_ENOMEM;
	if (r == ENT_OK)
		r = ent_buf_printf(&out,
		    "{\"query\":%s,\"threshold\":%.4f,\"total\":%zu,"
		    "\"results\":",
		    qtext,
		    qs.o.threshold > 0 ? qs.o.threshold
		                       : ENT_SCREEN_THRESHOLD_DEFAULT,
		    hits->n);
	if (r == ENT_OK)
		r = ent_svc_hits_json(hits, &out);
	if (r == ENT_OK && qs.has_mrz &&
	    (r = ent_buf_adds(&out, ",\"mrz\":")) == ENT_OK)
		r = mrz_json(&qs.mrz, &out);
	if (r == ENT_OK)
		r = ent_buf_addc(&out, '}');
	free(qtext);
	ent_hits_free(hits);
	if (r != ENT_OK || (body = ent_buf_steal(&out, &len)) == NULL) {
		ent_buf_fini(&out);
		return ent__reply_err(rq, ENT_ENOMEM, NULL);
	}
	ent_buf_fini(&out);
	return ent__reply_raw(rq, 200, "application/json", body, len);
}

/* ---- batch ---------------------------------------------------------- */

/* The state of one streamed batch response, owned by the MHD response
 * (freed by its free callback).  It copies everything it needs from the
 * request, whose state may be gone before the response is. */
struct batch {
	struct ent_http *srv;
	struct MHD_Connection *c;
	struct ent_job job;
	struct ent_sess *sess; /* the request's; it outlives every read */
	char *body;            /* the request body, owned */
	FILE *fp;
	struct ent_batch_reader *rd;
	struct ent_buf out;
	size_t outpos;
	bool done;
	long rows;
	char user[ENT_USER_NAME_MAX + 1], role[16], remote[64], route[96];
	char purpose[257];
	struct ent_actor actor;
};

struct brow {
	long line;
	char *ref;
	char *error;
	struct qstore qs;
	char *strs[8]; /* copies of the passenger's strings */
};

static void
brow_fini(struct brow *b)
{
	size_t i;

	free(b->ref);
	free(b->error);
	for (i = 0; i < sizeof(b->strs) / sizeof(b->strs[0]); i++)
		free(b->strs[i]);
	memset(b, 0, sizeof(*b));
}

static const char *
keep(struct brow *b, size_t slot, const char *s)
{
	if (s == NULL)
		return NULL;
	b->strs[slot] = ent_strdup(s);
	return b->strs[slot];
}

/* A passenger row into a query; on a bad value, b->error says why. */
static void
row_query(struct brow *b, const struct ent_passenger *p)
{
	struct qstore *qs = &b->qs;
	const char *name = keep(b, 0, p->name);

	memset(qs, 0, sizeof(*qs));
	qs->q.names = qs->names;
	qs->q.docs = qs->docs;
	if (name != NULL && name[0] != '\0')
		qs->names[qs->q.nnames++] = name;
	qs->q.schema = keep(b, 1, p->schema);
	qs->q.birth_date = keep(b, 2, p->birth_date);
	qs->q.nationality = keep(b, 3, p->nationality);
	qs->q.gender = keep(b, 4, p->gender);
	if (p->document_number != NULL && p->document_number[0] != '\0') {
		qs->docs[0].number = keep(b, 5, p->document_number);
		qs->docs[0].country = keep(b, 6, p->document_country);
		qs->q.ndocs = 1;
	}
	if (qs->q.schema != NULL && ent_schema_get(qs->q.schema) == NULL)
		b->error = ent_strdup("schema must name a known schema");
	else if (qs->q.birth_date != NULL &&
	         ent_date_check(qs->q.birth_date, NULL) != ENT_OK)
		b->error = ent_strdup("birth_date is not an ISO 8601 date");
	else if (qs->q.nationality != NULL &&
	         !ent_country_valid(qs->q.nationality))
		b->error = ent_strdup("nationality is not an ISO alpha-2 code");
	else if (qs->q.nnames == 0 && qs->q.ndocs == 0)
		b->error = ent_strdup("a row needs a name or a document");
}

static void
write_row(
    struct ent_buf *o, const struct brow *b, const struct ent_hits *h, int err)
{
	ent_buf_printf(o, "{\"line\":%ld,\"id\":", b->line);
	if (b->ref != NULL)
		ent_json_str(o, b->ref);
	else
		ent_buf_adds(o, "null");
	if (b->error != NULL || h == NULL) {
		ent_buf_adds(o, ",\"error\":{\"code\":\"invalid\","
		                "\"message\":");
		ent_json_str(
		    o, b->error != NULL ? b->error : ent_strerror(err));
		ent_buf_adds(o, "}}\n");
		return;
	}
	ent_buf_printf(o, ",\"total\":%zu,\"results\":", h->n);
	ent_svc_hits_json(h, o);
	ent_buf_adds(o, "}\n");
}

/* Read, screen and audit the next chunk of rows into bt->out. */
static void
batch_chunk(struct batch *bt)
{
	struct brow rows[BATCH_CHUNK];
	struct ent_query q[BATCH_CHUNK];
	struct ent_hits *hits[BATCH_CHUNK];
	const char *ids[BATCH_CHUNK];
	int err[BATCH_CHUNK];
	size_t n = 0, nq = 0, i;
	struct ent_passenger p;
	struct ent_sess *s;
	struct ent_diag d;
	size_t nh = 0, nm = 0;
	int r;

	memset(rows, 0, sizeof(rows));
	while (n < BATCH_CHUNK) {
		r = ent_batch_next(bt->rd, &p, &rows[n].line, &d);
		if (r == ENT_ENOTFOUND) {
			bt->done = true;
			break;
		}
		if (r != ENT_OK && r != ENT_EINVAL && r != ENT_ETOOBIG) {
			/* The body cannot be read further: say so, stop. */
			rows[n].error = ent_strdup(d.msg);
			n++;
			bt->done = true;
			break;
		}
		rows[n].ref = ent_strdup(p.id);
		if (r != ENT_OK)
			rows[n].error = ent_strdup(d.msg);
		else
			row_query(&rows[n], &p);
		if (rows[n].error == NULL) {
			q[nq] = rows[n].qs.q;
			ids[nq] = rows[n].ref;
			nq++;
		}
		n++;
	}
	s = bt->sess;
	memset(hits, 0, sizeof(hits));
	r = s == NULL ? ENT_EIO
	    : nq == 0 ? ENT_OK
	              : ent_svc_screen_many(
	                    s, q, nq, NULL, 1, &bt->actor, ids, hits, err, &d);
	if (r != ENT_OK) {
		/* Without the audit entries no result may leave. */
		ent_buf_printf(&bt->out,
		    "{\"error\":{\"code\":\"unavailable\",\"message\":"
		    "\"screening or the audit trail failed (%s); the batch "
		    "stops here\"}}\n",
		    ent_strerror(r));
		bt->done = true;
		goto out;
	}
	atomic_fetch_add_explicit(
	    &bt->srv->metrics.audit_entries, nq, memory_order_relaxed);
	for (i = 0; i < nq; i++) {
		if (hits[i] != NULL) {
			nh += hits[i]->n;
			nm += count_matches(hits[i]);
		}
	}
	ent__metrics_screen(&bt->srv->metrics, nq, nh, nm);
	for (i = 0, nq = 0; i < n; i++) {
		bool screened = rows[i].error == NULL;

		write_row(&bt->out, &rows[i], screened ? hits[nq] : NULL,
		    screened ? err[nq] : ENT_EINVAL);
		if (screened)
			nq++;
	}
out:
	for (i = 0; i < BATCH_CHUNK; i++)
		ent_hits_free(hits[i]);
	for (i = 0; i < n; i++)
		brow_fini(&rows[i]);
}

/* A worker screens the next chunk while the connection is suspended. */
static void
batch_job(struct ent_job *j)
{
	struct batch *bt =
	    (struct batch *)(void *)((char *)j - offsetof(struct batch, job));
	struct ent_http *h = bt->srv;

	batch_chunk(bt);
	MHD_resume_connection(bt->c);
	ent__http_busy_leave(h);
}

/* On the connection's event thread, which must not screen a chunk (up to
 * BATCH_CHUNK queries and their commit): when the output is used up, a
 * worker makes more and libmicrohttpd calls again once it resumes. */
static ssize_t
batch_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct batch *bt = cls;
	size_t avail;

	(void)pos;
	if (bt->outpos == ent_buf_len(&bt->out)) {
		if (bt->done)
			return MHD_CONTENT_READER_END_OF_STREAM;
		if (!ent__http_busy_enter(bt->srv))
			return MHD_CONTENT_READER_END_WITH_ERROR;
		ent_buf_reset(&bt->out);
		bt->outpos = 0;
		MHD_suspend_connection(bt->c);
		bt->job.run = batch_job;
		ent__work_push(bt->srv, &bt->job);
		return 0;
	}
	avail = ent_buf_len(&bt->out) - bt->outpos;
	if (avail > max)
		avail = max;
	memcpy(buf, ent_buf_str(&bt->out) + bt->outpos, avail);
	bt->outpos += avail;
	return (ssize_t)avail;
}

static void
batch_free(void *cls)
{
	struct batch *bt = cls;

	ent_batch_close(bt->rd);
	if (bt->fp != NULL)
		fclose(bt->fp);
	free(bt->body);
	ent_buf_fini(&bt->out);
	free(bt);
}

/* Count the rows before starting, so an oversized batch is refused with
 * 413 before any result is sent. */
static size_t
count_lines(const char *s, size_t n)
{
	size_t i, lines = 0;
	bool content = false;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			lines += content ? 1 : 0;
			content = false;
		} else if (s[i] != '\r' && s[i] != ' ') {
			content = true;
		}
	}
	return lines + (content ? 1 : 0);
}

enum MHD_Result
h_screen_batch(struct req *rq)
{
	struct ent_limits *l = &rq->srv->lim;
	struct MHD_Response *resp;
	struct batch *bt;
	struct ent_diag d;
	size_t len = ent_buf_len(&rq->body), rows;
	long bad;
	bool csv;
	int r;

	if ((bad = ent__utf8_bad_at(ent_buf_str(&rq->body), len)) >= 0)
		return ent__reply_error(
		    rq, 400, NULL, "invalid UTF-8 (or NUL) at byte %ld", bad);
	rows = count_lines(ent_buf_str(&rq->body), len);
	csv = ent_buf_str(&rq->body)[0] != '{';
	if (csv && rows > 0)
		rows--; /* the header */
	if (rows == 0)
		return ent__reply_error(rq, 400, NULL,
		    "the batch is empty: send JSON lines or CSV with a header");
	if (rows > l->batch_rows)
		return ent__reply_error(rq, 413, NULL,
		    "%zu rows exceed the limit of %zu per request", rows,
		    l->batch_rows);
	if ((bt = calloc(1, sizeof(*bt))) == NULL)
		return ent__reply_err(rq, ENT_ENOMEM, NULL);
	bt->srv = rq->srv;
	bt->c = rq->c;
	bt->sess = ent__http_sess(rq);
	ent_buf_init(&bt->out, SIZE_MAX);
	bt->body = ent_buf_steal(&rq->body, &len);
	if (bt->body == NULL ||
	    (bt->fp = fmemopen(bt->body, len, "r")) == NULL) {
		batch_free(bt);
		return ent__reply_err(rq, ENT_ENOMEM, NULL);
	}
	if ((r = ent_batch_open(bt->fp, "body", &bt->rd, &d)) != ENT_OK) {
		batch_free(bt);
		return ent__reply_error(rq, 400, NULL, "%s", d.msg);
	}
	snprintf(bt->user, sizeof(bt->user), "%s", rq->who.name);
	snprintf(bt->role, sizeof(bt->role), "%s", rq->actor.role);
	snprintf(bt->remote, sizeof(bt->remote), "%s", rq->remote);
	snprintf(bt->route, sizeof(bt->route), "%s", rq->route_label);
	bt->actor.user = bt->user;
	bt->actor.role = bt->role;
	bt->actor.remote = bt->remote;
	bt->actor.route = bt->route;
	if (rq->actor.purpose != NULL) {
		snprintf(
		    bt->purpose, sizeof(bt->purpose), "%s", rq->actor.purpose);
		bt->actor.purpose = bt->purpose;
	}
	resp = MHD_create_response_from_callback(
	    MHD_SIZE_UNKNOWN, 64 * 1024, batch_read, bt, batch_free);
	if (resp == NULL) {
		batch_free(bt);
		return ent__reply_err(rq, ENT_ENOMEM, NULL);
	}
	return ent__reply_resp(rq, 200, resp, "application/x-ndjson");
}
