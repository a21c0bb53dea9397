/* test_http.c - end-to-end tests of `entente serve` with a real HTTP client
 * (libcurl): auth and roles on every route, every error path, the
 * yente-compatible /match shape, batch streaming, audit verification and
 * tamper detection, 64 concurrent clients, SIGTERM drain and kill -9.
 *
 * Usage: test_http PATH/TO/entente.  Each part starts the real binary on a
 * free loopback port (--listen 127.0.0.1:0; the port is read from its
 * "listening on" line) over a node in a temporary directory.
 * ENT_E2E_SECONDS sets the length of the concurrency run (default 10). */
#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *entente;
static char dir[64];
static int failures, checks;

#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		checks++;                                                      \
		if (!(cond)) {                                                 \
			failures++;                                            \
			fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);   \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
		}                                                              \
	} while (0)

/* ---- processes ----------------------------------------------------- */

/* Run entente with args (NULL-terminated); stdout into out (if not
 * NULL).  Returns the exit status, or -1. */
static int
run(char *out, size_t outsz, ...)
{
	char *argv[16];
	int fd[2], st, n = 0;
	size_t used = 0;
	ssize_t k;
	va_list ap;
	pid_t pid;

	argv[n++] = (char *)(uintptr_t)entente;
	va_start(ap, outsz);
	while (n < 15 && (argv[n] = va_arg(ap, char *)) != NULL)
		n++;
	va_end(ap);
	argv[n] = NULL;
	if (pipe(fd) != 0)
		return -1;
	if ((pid = fork()) == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execv(entente, argv);
		_exit(127);
	}
	close(fd[1]);
	while (out != NULL && used + 1 < outsz &&
	       (k = read(fd[0], out + used, outsz - used - 1)) > 0)
		used += (size_t)k;
	if (out != NULL)
		out[used] = '\0';
	close(fd[0]);
	if (waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

struct server {
	pid_t pid;
	char url[64];
};

/* Start `entente serve` with extra args; fills s->url. */
static int
serve(struct server *s, const char *const *extra)
{
	char *argv[24], line[256];
	int fd[2], n = 0;
	size_t used = 0;
	ssize_t k;

	argv[n++] = (char *)(uintptr_t)entente;
	argv[n++] = "serve";
	argv[n++] = "-d";
	argv[n++] = dir;
	argv[n++] = "--listen";
	argv[n++] = "127.0.0.1:0";
	while (extra != NULL && *extra != NULL && n < 22)
		argv[n++] = (char *)(uintptr_t)*extra++;
	argv[n] = NULL;
	if (pipe(fd) != 0)
		return -1;
	if ((s->pid = fork()) == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execv(entente, argv);
		_exit(127);
	}
	close(fd[1]);
	while (used + 1 < sizeof(line) &&
	       (k = read(fd[0], line + used, 1)) == 1 && line[used] != '\n')
		used++;
	line[used] = '\0';
	close(fd[0]);
	if (sscanf(line, "listening on %63s", s->url) != 1) {
		fprintf(stderr, "server did not start: '%s'\n", line);
		return -1;
	}
	return 0;
}

static int
stop(struct server *s, int sig)
{
	int st;

	kill(s->pid, sig);
	if (waitpid(s->pid, &st, 0) < 0)
		return -1;
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}

/* ---- HTTP ---------------------------------------------------------- */

struct resp {
	long status;
	char *body;
	size_t len;
	char allow[64];
};

static size_t
on_body(char *p, size_t sz, size_t n, void *ctx)
{
	struct resp *r = ctx;
	char *nb = realloc(r->body, r->len + sz * n + 1);

	if (nb == NULL)
		return 0;
	memcpy(nb + r->len, p, sz * n);
	r->len += sz * n;
	nb[r->len] = '\0';
	r->body = nb;
	return sz * n;
}

static size_t
on_header(char *p, size_t sz, size_t n, void *ctx)
{
	struct resp *r = ctx;

	if (sz * n > 7 && strncasecmp(p, "Allow: ", 7) == 0)
		snprintf(r->allow, sizeof(r->allow), "%.*s", (int)(sz * n - 9),
		    p + 7);
	return sz * n;
}

static _Thread_local CURL *tl_curl;

static void
curl_done(void)
{
	curl_easy_cleanup(tl_curl);
	tl_curl = NULL;
}

/* The certificate of a TLS server under test, trusted by http(). */
static const char *tls_ca;

/* One request.  token/ctype/body/extra may be NULL.  Returns the status
 * (0 if the connection failed); r->body is malloc'd (free_resp). */
static long
http(const struct server *s, const char *method, const char *path,
    const char *token, const char *ctype, const char *body, size_t blen,
    const char *extra, struct resp *r)
{
	struct curl_slist *h = NULL;
	char url[512], hdr[256];
	CURL *c;

	/* One handle per thread, so its connection is kept alive. */
	if (tl_curl == NULL)
		tl_curl = curl_easy_init();
	else
		curl_easy_reset(tl_curl);
	c = tl_curl;

	memset(r, 0, sizeof(*r));
	snprintf(url, sizeof(url), "%s%s", s->url, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	if (tls_ca != NULL) /* verify the test server's own certificate */
		curl_easy_setopt(c, CURLOPT_CAINFO, tls_ca);
	if (token != NULL) {
		snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", token);
		h = curl_slist_append(h, hdr);
	}
	if (ctype != NULL) {
		snprintf(hdr, sizeof(hdr), "Content-Type: %s", ctype);
		h = curl_slist_append(h, hdr);
	}
	if (extra != NULL)
		h = curl_slist_append(h, extra);
	h = curl_slist_append(h, "Expect:");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (body != NULL) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(
		    c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)blen);
	}
	if (curl_easy_perform(c) == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(h);
	if (r->body == NULL)
		r->body = calloc(1, 1);
	return r->status;
}

static long
post_json(const struct server *s, const char *path, const char *token,
    const char *body, struct resp *r)
{
	return http(s, "POST", path, token, "application/json", body,
	    strlen(body), NULL, r);
}

static void
free_resp(struct resp *r)
{
	free(r->body);
	r->body = NULL;
}

/* The error code of an error body, or "" if it has not the shape. */
static void
error_code(const struct resp *r, char *code, size_t n)
{
	json_t *v = json_loads(r->body, 0, NULL);
	json_t *e = json_object_get(v, "error");

	snprintf(code, n, "%s",
	    json_is_string(json_object_get(e, "code")) &&
	            json_is_string(json_object_get(e, "message"))
	        ? json_string_value(json_object_get(e, "code"))
	        : "");
	json_decref(v);
}

/* ---- fixtures -------------------------------------------------------- */

enum { R_NONE, R_OFFICER, R_ANALYST, R_EDITOR, R_ADMIN, R_REVOKED, NTOK };
static char tok[NTOK][80];
static const char *const role_names[NTOK] = {
    "", "officer", "analyst", "editor", "admin", "officer"};

static void
make_node(void)
{
	char out[256], path[128];
	FILE *fp;
	int i;

	snprintf(dir, sizeof(dir), "/tmp/ent_e2e_XXXXXX");
	if (mkdtemp(dir) == NULL)
		exit(1);
	rmdir(dir);
	if (run(out, sizeof(out), "init", "-d", dir, "--agency", "FR-TEST",
	        NULL) != 0)
		exit(1);
	snprintf(path, sizeof(path), "%s/seed.jsonl", dir);
	fp = fopen(path, "w");
	for (i = 0; i < 200; i++)
		fprintf(fp,
		    "{\"id\":\"seed-%d\",\"schema\":\"Person\","
		    "\"properties\":{\"name\":[\"Person%c%c Family%c%c\"],"
		    "\"birthDate\":[\"19%02d\"]}}\n",
		    i, 'a' + i % 26, 'a' + i / 26, 'a' + i % 7, 'a' + i % 11,
		    50 + i % 40);
	fprintf(fp, "{\"id\":\"ubl\",\"schema\":\"Person\",\"properties\":"
	            "{\"name\":[\"Osama bin Laden\"],\"birthDate\":"
	            "[\"1957-03-10\"],\"nationality\":[\"sa\"]}}\n");
	fclose(fp);
	CHECK(run(out, sizeof(out), "import", "-d", dir, path, NULL) == 0,
	    "import seed");
	for (i = R_OFFICER; i < NTOK; i++) {
		char name[32];

		snprintf(name, sizeof(name), "u%d", i);
		CHECK(run(tok[i], sizeof(tok[i]), "user", "add", "-d", dir,
		          name, "--role", role_names[i], NULL) == 0,
		    "user add %s", name);
		tok[i][strcspn(tok[i], "\n")] = '\0';
		CHECK(strncmp(tok[i], "ent_", 4) == 0 && strlen(tok[i]) == 47,
		    "token printed alone: '%s'", tok[i]);
	}
	CHECK(run(NULL, 0, "user", "revoke", "-d", dir, "u5", NULL) == 0,
	    "revoke");
	CHECK(run(NULL, 0, "user", "revoke", "-d", dir, "u5", NULL) != 0,
	    "revoke twice fails");
	snprintf(tok[R_NONE], sizeof(tok[R_NONE]), "ent_notavalidtoken");
}

/* ---- auth and roles on every route --------------------------------- */

struct route_case {
	const char *method, *path, *ctype, *body;
	int min_role; /* R_OFFICER..R_ADMIN */
};

static const struct route_case routes[] = {
    {"GET", "/metrics", NULL, NULL, R_OFFICER},
    {"POST", "/v1/screen", "application/json", "{\"name\":\"Osama\"}",
        R_OFFICER},
    {"POST", "/v1/screen/batch", "application/x-ndjson",
        "{\"id\":\"1\",\"name\":\"Osama\"}\n", R_OFFICER},
    {"POST", "/match/default", "application/json",
        "{\"queries\":{\"q\":{\"schema\":\"Person\",\"properties\":{\"name\":"
        "[\"Osama\"]}}}}",
        R_OFFICER},
    {"GET", "/v1/entities/ubl", NULL, NULL, R_ANALYST},
    {"GET", "/v1/search?q=osama", NULL, NULL, R_ANALYST},
    {"POST", "/v1/entities", "application/x-ndjson",
        "{\"id\":\"auth-x\",\"schema\":\"Person\",\"properties\":{\"name\":"
        "[\"Auth Test\"]}}\n",
        R_EDITOR},
    {"DELETE", "/v1/entities/auth-x", NULL, NULL, R_EDITOR},
};

static void
test_auth_and_roles(const struct server *s)
{
	struct resp r;
	char code[32];
	size_t i;
	int t;

	CHECK(http(s, "GET", "/healthz", NULL, NULL, NULL, 0, NULL, &r) == 200,
	    "healthz without a token");
	free_resp(&r);
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		const struct route_case *c = &routes[i];
		size_t bl = c->body != NULL ? strlen(c->body) : 0;

		/* No header, a wrong token, a revoked one: 401. */
		http(s, c->method, c->path, NULL, c->ctype, c->body, bl, NULL,
		    &r);
		error_code(&r, code, sizeof(code));
		CHECK(r.status == 401 && strcmp(code, "unauthorized") == 0,
		    "%s %s without token: %ld %s", c->method, c->path, r.status,
		    r.body);
		free_resp(&r);
		for (t = R_NONE; t < NTOK; t += R_REVOKED) {
			http(s, c->method, c->path, tok[t], c->ctype, c->body,
			    bl, NULL, &r);
			CHECK(r.status == 401, "%s %s token %d: %ld", c->method,
			    c->path, t, r.status);
			free_resp(&r);
		}
		http(s, c->method, c->path, NULL, c->ctype, c->body, bl,
		    "Authorization: Basic dXNlcjpwYXNz", &r);
		CHECK(r.status == 401, "Basic auth refused: %ld", r.status);
		free_resp(&r);
		for (t = R_OFFICER; t <= R_ADMIN; t++) {
			http(s, c->method, c->path, tok[t], c->ctype, c->body,
			    bl, NULL, &r);
			error_code(&r, code, sizeof(code));
			if (t < c->min_role)
				CHECK(r.status == 403 &&
				          strcmp(code, "forbidden") == 0,
				    "%s %s as %s: want 403, got %ld", c->method,
				    c->path, role_names[t], r.status);
			else
				CHECK(r.status == 200,
				    "%s %s as %s: want 200, got %ld %s",
				    c->method, c->path, role_names[t], r.status,
				    r.body);
			free_resp(&r);
			/* Re-create what a successful DELETE removed. */
			if (strcmp(c->method, "DELETE") == 0 &&
			    t >= c->min_role) {
				http(s, "POST", "/v1/entities", tok[R_ADMIN],
				    routes[6].ctype, routes[6].body,
				    strlen(routes[6].body), NULL, &r);
				free_resp(&r);
			}
		}
	}
}

/* ---- error paths ------------------------------------------------------- */

static void
expect_error(const struct server *s, const char *what, long want,
    const char *want_code, const char *want_in_message, long got,
    struct resp *r)
{
	char code[48];

	error_code(r, code, sizeof(code));
	CHECK(got == want && strcmp(code, want_code) == 0 &&
	          (want_in_message == NULL ||
	              strstr(r->body, want_in_message) != NULL),
	    "%s: want %ld %s '%s', got %ld %s", what, want, want_code,
	    want_in_message != NULL ? want_in_message : "", got, r->body);
	free_resp(r);
	(void)s;
}

/* The length of the two-line bulk body below. */
#define BULK_LEN                                                               \
	strlen("{\"id\":\"ok-1\",\"schema\":\"Person\",\"properties\":{"       \
	       "\"name\":[\"Good One\"]}}\n{\"id\":\"bad\",\"schema\":"        \
	       "\"Nope\"}\n")

static void
test_errors(const struct server *s)
{
	const char *o = tok[R_OFFICER], *a = tok[R_ADMIN];
	char big[6000], rows[8000];
	struct resp r;
	size_t i, n;

	expect_error(s, "bad JSON", 400, "invalid", "line 1, column",
	    post_json(s, "/v1/screen", o, "{\"name\": \"x\",}", &r), &r);
	expect_error(s, "unknown field", 400, "invalid", "'colour'",
	    post_json(s, "/v1/screen", o, "{\"name\":\"x\",\"colour\":1}", &r),
	    &r);
	expect_error(s, "wrong type", 400, "invalid", "limit",
	    post_json(
	        s, "/v1/screen", o, "{\"name\":\"x\",\"limit\":\"9\"}", &r),
	    &r);
	expect_error(s, "bad date", 400, "invalid", "birth_date",
	    post_json(s, "/v1/screen", o,
	        "{\"name\":\"x\",\"birth_date\":\"1990-13-45\"}", &r),
	    &r);
	expect_error(s, "empty query", 400, "invalid", "needs a name",
	    post_json(s, "/v1/screen", o, "{}", &r), &r);
	expect_error(s, "invalid UTF-8", 400, "invalid", "UTF-8",
	    post_json(s, "/v1/screen", o, "{\"name\":\"\xc3\x28\"}", &r), &r);
	expect_error(s, "deep JSON", 400, "invalid", "nesting",
	    post_json(s, "/v1/screen", o,
	        "{\"document\":{\"number\":[[[[[[[[1]]]]]]]]}}", &r),
	    &r);
	memset(big, 'a', sizeof(big));
	memcpy(big, "{\"name\":\"", 9);
	memcpy(big + sizeof(big) - 3, "\"}", 3);
	expect_error(s, "long string", 400, "invalid", "limit of",
	    post_json(s, "/v1/screen", o, big, &r), &r);
	n = (size_t)snprintf(rows, sizeof(rows), "id,name\n");
	for (i = 0; i < 60; i++)
		n += (size_t)snprintf(
		    rows + n, sizeof(rows) - n, "%zu,N%zu\n", i, i);
	expect_error(s, "too many rows", 413, "too_large", "limit of 50",
	    http(s, "POST", "/v1/screen/batch", o, "text/csv", rows, n, NULL,
	        &r),
	    &r);
	{
		char *huge = malloc(20000);

		memset(huge, ' ', 20000);
		huge[0] = '{';
		huge[19999] = '}';
		expect_error(s, "body too large", 413, "too_large", "limit",
		    http(s, "POST", "/v1/screen", o, "application/json", huge,
		        20000, NULL, &r),
		    &r);
		free(huge);
	}
	{
		/* headers past the 32 KB connection pool: refused by
		 * libmicrohttpd itself, and the server answers the next
		 * request */
		size_t hl = 40000;
		char *hdr = malloc(hl + 8);

		memcpy(hdr, "X-Pad: ", 7);
		memset(hdr + 7, 'a', hl);
		hdr[hl + 7] = '\0';
		CHECK(http(s, "GET", "/healthz", NULL, NULL, NULL, 0, hdr,
		          &r) == 431,
		    "40 KB of headers: %ld, want 431", r.status);
		free_resp(&r);
		free(hdr);
		CHECK(http(s, "GET", "/healthz", NULL, NULL, NULL, 0, NULL,
		          &r) == 200,
		    "healthz after oversized headers: %ld", r.status);
		free_resp(&r);
	}
	expect_error(s, "wrong media type", 415, "unsupported_media_type",
	    "Content-Type",
	    http(s, "POST", "/v1/screen", o, "text/plain", "{}", 2, NULL, &r),
	    &r);
	expect_error(s, "missing media type", 415, "unsupported_media_type",
	    NULL, http(s, "POST", "/v1/screen", o, NULL, "{}", 2, NULL, &r),
	    &r);
	expect_error(s, "unknown route", 404, "not_found", NULL,
	    http(s, "GET", "/v2/nothing", o, NULL, NULL, 0, NULL, &r), &r);
	expect_error(s, "unknown record", 404, "not_found", "no record",
	    http(s, "GET", "/v1/entities/nope", a, NULL, NULL, 0, NULL, &r),
	    &r);
	expect_error(s, "delete unknown", 404, "not_found", NULL,
	    http(s, "DELETE", "/v1/entities/nope", a, NULL, NULL, 0, NULL, &r),
	    &r);
	http(s, "PUT", "/v1/entities/x", a, NULL, NULL, 0, NULL, &r);
	CHECK(strcmp(r.allow, "GET, DELETE") == 0, "Allow: '%s'", r.allow);
	expect_error(
	    s, "wrong method", 405, "method_not_allowed", NULL, r.status, &r);
	expect_error(s, "search without q", 400, "invalid", "q",
	    http(s, "GET", "/v1/search", a, NULL, NULL, 0, NULL, &r), &r);
	expect_error(s, "search bad limit", 400, "invalid", "limit",
	    http(
	        s, "GET", "/v1/search?q=x&limit=0", a, NULL, NULL, 0, NULL, &r),
	    &r);
	expect_error(s, "match unknown property", 400, "invalid", "'colour'",
	    post_json(s, "/match/default", o,
	        "{\"queries\":{\"q\":{\"schema\":\"Person\",\"properties\":"
	        "{\"colour\":[\"x\"]}}}}",
	        &r),
	    &r);
	expect_error(s, "match bad schema", 400, "invalid", "schema",
	    post_json(s, "/match/default", o,
	        "{\"queries\":{\"q\":{\"schema\":\"Nope\",\"properties\":"
	        "{\"name\":[\"x\"]}}}}",
	        &r),
	    &r);
	/* All-or-nothing upsert: one bad line, nothing applied. */
	expect_error(s, "bulk bad line", 400, "invalid", "line 2",
	    http(s, "POST", "/v1/entities", a, "application/x-ndjson",
	        "{\"id\":\"ok-1\",\"schema\":\"Person\",\"properties\":{"
	        "\"name\""
	        ":[\"Good One\"]}}\n{\"id\":\"bad\",\"schema\":\"Nope\"}\n",
	        BULK_LEN, NULL, &r),
	    &r);
	http(s, "GET", "/v1/entities/ok-1", a, NULL, NULL, 0, NULL, &r);
	CHECK(r.status == 404, "all-or-nothing left ok-1: %ld", r.status);
	free_resp(&r);
	http(s, "POST", "/v1/entities?mode=partial", a, "application/x-ndjson",
	    "{\"id\":\"ok-1\",\"schema\":\"Person\",\"properties\":{\"name\""
	    ":[\"Good One\"]}}\n{\"id\":\"bad\",\"schema\":\"Nope\"}\n",
	    BULK_LEN, NULL, &r);
	CHECK(r.status == 200 && strstr(r.body, "\"line\":2") != NULL &&
	          strstr(r.body, "\"inserted\":1") != NULL,
	    "partial upsert: %ld %s", r.status, r.body);
	free_resp(&r);
}

/* ---- shapes ------------------------------------------------------------ */

static void
test_shapes(const struct server *s)
{
	const char *o = tok[R_OFFICER], *a = tok[R_ADMIN];
	json_t *v, *q1, *res0;
	struct resp r;

	post_json(s, "/match/sanctions?limit=3&threshold=0.6", o,
	    "{\"queries\":{\"q1\":{\"schema\":\"Person\",\"properties\":{"
	    "\"name\":[\"Usama bin Ladin\"],\"birthDate\":[\"1957\"],"
	    "\"nationality\":[\"sa\"]}},\"q2\":{\"schema\":\"Person\","
	    "\"properties\":{\"name\":[\"Nobody Atall Here\"]}}}}",
	    &r);
	v = json_loads(r.body, 0, NULL);
	q1 = json_object_get(json_object_get(v, "responses"), "q1");
	res0 = json_array_get(json_object_get(q1, "results"), 0);
	CHECK(r.status == 200 &&
	          json_integer_value(json_object_get(v, "limit")) == 3,
	    "match: %ld %s", r.status, r.body);
	CHECK(json_integer_value(json_object_get(q1, "status")) == 200 &&
	          json_is_object(json_object_get(q1, "query")) &&
	          json_is_integer(
	              json_object_get(json_object_get(q1, "total"), "value")) &&
	          json_is_string(json_object_get(
	              json_object_get(q1, "total"), "relation")),
	    "match response q1 shape: %s", r.body);
	CHECK(res0 != NULL &&
	          strcmp(json_string_value(json_object_get(res0, "id")),
	              "ubl") == 0 &&
	          json_is_string(json_object_get(res0, "caption")) &&
	          json_is_string(json_object_get(res0, "schema")) &&
	          json_is_object(json_object_get(res0, "properties")) &&
	          json_is_array(json_object_get(
	              json_object_get(res0, "properties"), "name")) &&
	          json_is_number(json_object_get(res0, "score")) &&
	          json_is_true(json_object_get(res0, "match")) &&
	          json_is_object(json_object_get(res0, "features")) &&
	          json_is_object(json_object_get(res0, "explanations")),
	    "match result shape: %s", r.body);
	CHECK(json_object_get(json_object_get(v, "responses"), "q2") != NULL,
	    "q2 answered");
	json_decref(v);
	free_resp(&r);

	/* Batch: JSON lines, a bad row in the middle, order kept. */
	http(s, "POST", "/v1/screen/batch", o, "application/x-ndjson",
	    "{\"id\":\"a\",\"name\":\"Osama bin Laden\"}\n"
	    "{\"id\":\"b\",\"name\":\"X\",\"birth_date\":\"19xx\"}\n"
	    "{\"id\":\"c\",\"name\":\"Usama Bin Ladin\"}\n",
	    strlen("{\"id\":\"a\",\"name\":\"Osama bin Laden\"}\n"
	           "{\"id\":\"b\",\"name\":\"X\",\"birth_date\":\"19xx\"}\n"
	           "{\"id\":\"c\",\"name\":\"Usama Bin Ladin\"}\n"),
	    NULL, &r);
	{
		char *l1 = r.body, *l2 = strchr(l1, '\n');
		char *l3 = l2 != NULL ? strchr(l2 + 1, '\n') : NULL;

		CHECK(r.status == 200 && l2 != NULL && l3 != NULL &&
		          strstr(l1, "\"id\":\"a\"") < l2 &&
		          strstr(l1, "\"ubl\"") < l2 &&
		          strstr(l2, "\"line\":2") < l3 &&
		          strstr(l2, "\"error\"") < l3 &&
		          strstr(l3, "\"id\":\"c\"") != NULL &&
		          strstr(l3, "\"ubl\"") != NULL,
		    "batch lines: %s", r.body);
	}
	free_resp(&r);

	/* Changes are visible to screening at once. */
	http(s, "POST", "/v1/entities", a, "application/x-ndjson",
	    "{\"id\":\"new-1\",\"schema\":\"Person\",\"properties\":{\"name\":"
	    "[\"Zbigniew Qwerty\"]}}\n",
	    strlen("{\"id\":\"new-1\",\"schema\":\"Person\",\"properties\":{"
	           "\"name\":[\"Zbigniew Qwerty\"]}}\n"),
	    NULL, &r);
	CHECK(r.status == 200, "upsert new-1: %s", r.body);
	free_resp(&r);
	post_json(s, "/v1/screen", o, "{\"name\":\"Zbigniew Qwerty\"}", &r);
	CHECK(
	    strstr(r.body, "\"new-1\"") != NULL, "new-1 screened: %s", r.body);
	free_resp(&r);
	http(s, "GET", "/v1/search?q=qwerty&limit=5", a, NULL, NULL, 0, NULL,
	    &r);
	CHECK(r.status == 200 && strstr(r.body, "\"new-1\"") != NULL,
	    "search finds new-1: %s", r.body);
	free_resp(&r);
	http(s, "DELETE", "/v1/entities/new-1", a, NULL, NULL, 0, NULL, &r);
	free_resp(&r);
	post_json(s, "/v1/screen", o, "{\"name\":\"Zbigniew Qwerty\"}", &r);
	CHECK(strstr(r.body, "\"new-1\"") == NULL, "new-1 gone: %s", r.body);
	free_resp(&r);

	/* Purpose is recorded. */
	http(s, "POST", "/v1/screen", o, "application/json",
	    "{\"name\":\"Osama\"}", 16, "X-Purpose: case 2024/17", &r);
	free_resp(&r);
	http(s, "GET", "/metrics", o, NULL, NULL, 0, NULL, &r);
	CHECK(strstr(r.body, "entente_http_requests_total{route=\"screen\","
	                     "status=\"200\"}") != NULL &&
	          strstr(r.body,
	              "entente_http_request_duration_seconds_bucket") != NULL &&
	          strstr(r.body, "entente_screenings_total") != NULL &&
	          strstr(r.body, "entente_index_records 20") != NULL,
	    "metrics: %.300s", r.body);
	free_resp(&r);
}

/* ---- concurrency ----------------------------------------------------------
 */

struct client {
	const struct server *s;
	int id;
	double until;
	long writes, screens, errors;
	long acked; /* writes answered 200, ids client-<id>-0..acked-1 */
	bool stop_when_gone; /* end at the first failed connection */
};

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *
client_main(void *arg)
{
	struct client *c = arg;
	char body[256];
	struct resp r;
	long i = 0;

	while (now_s() < c->until) {
		snprintf(body, sizeof(body),
		    "{\"id\":\"c%d-%ld\",\"schema\":\"Person\",\"properties\""
		    ":{\"name\":[\"Client%d Number%ld\"]}}\n",
		    c->id, i, c->id, i);
		if (c->id % 2 == 0) {
			http(c->s, "POST", "/v1/entities", tok[R_EDITOR],
			    "application/x-ndjson", body, strlen(body), NULL,
			    &r);
			if (r.status == 200) {
				c->acked = ++i;
				c->writes++;
			} else if (r.status == 0 && c->stop_when_gone) {
				free_resp(&r);
				break;
			} else {
				c->errors++;
			}
		} else {
			post_json(c->s, "/v1/screen", tok[R_OFFICER],
			    "{\"name\":\"Osama bin Laden\"}", &r);
			if (r.status == 200 && strstr(r.body, "ubl") != NULL) {
				c->screens++;
			} else if (r.status == 0 && c->stop_when_gone) {
				free_resp(&r);
				break;
			} else {
				c->errors++;
			}
		}
		free_resp(&r);
	}
	curl_done();
	return NULL;
}

static void
run_clients(const struct server *s, struct client *c, int n, double secs)
{
	pthread_t t[64];
	int i;

	for (i = 0; i < n; i++) {
		c[i] =
		    (struct client){.s = s, .id = i, .until = now_s() + secs};
		pthread_create(&t[i], NULL, client_main, &c[i]);
	}
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

/* The ids of every record in the node, from `entente export`. */
static json_t *
stored_ids(void)
{
	char cmd[256], line[4096];
	json_t *set = json_object(), *v;
	FILE *fp;

	snprintf(cmd, sizeof(cmd), "'%s' export -d '%s'", entente, dir);
	if ((fp = popen(cmd, "r")) == NULL)
		return set;
	while (fgets(line, sizeof(line), fp) != NULL) {
		v = json_loads(line, 0, NULL);
		if (json_is_string(json_object_get(v, "id")))
			json_object_set_new(set,
			    json_string_value(json_object_get(v, "id")),
			    json_true());
		json_decref(v);
	}
	pclose(fp);
	return set;
}

/* Acknowledged writes of clients c[0..n) (writers only) not in the store. */
static long
missing_writes(const struct client *c, int n, long *acked)
{
	json_t *set = stored_ids();
	char id[64];
	long miss = 0, j;
	int i;

	*acked = 0;
	for (i = 0; i < n; i++) {
		*acked += c[i].acked;
		for (j = 0; j < c[i].acked; j++) {
			snprintf(id, sizeof(id), "c%d-%ld", c[i].id, j);
			if (json_object_get(set, id) == NULL)
				miss++;
		}
	}
	json_decref(set);
	return miss;
}

static void
test_concurrency(const struct server *s, double secs)
{
	struct client c[64];
	long w = 0, sc = 0, err = 0;
	int i;

	run_clients(s, c, 64, secs);
	for (i = 0; i < 64; i++) {
		w += c[i].writes;
		sc += c[i].screens;
		err += c[i].errors;
	}
	fprintf(stderr,
	    "64 clients, %.0f s: %ld writes, %ld screenings, "
	    "%ld errors\n",
	    secs, w, sc, err);
	CHECK(err == 0 && w > 0 && sc > 0, "errors under load: %ld", err);
	{
		long acked, miss = missing_writes(c, 64, &acked);

		CHECK(acked == w && miss == 0, "lost writes: %ld of %ld", miss,
		    acked);
	}
}

/* ---- audit ----------------------------------------------------------------
 */

static void
test_audit_and_tamper(void)
{
	char out[1 << 16], path[128], *err;
	sqlite3 *db;
	int st;

	st = run(out, sizeof(out), "audit", "-d", dir, "verify", NULL);
	CHECK(
	    st == 0 && strstr(out, "intact") != NULL, "verify: %d %s", st, out);
	st = run(out, sizeof(out), "audit", "-d", dir, "show", "--json",
	    "--user", "u2", NULL);
	CHECK(st == 0 && strstr(out, "{\"seq\":") == out &&
	          strstr(out, "\"user\":\"u2\"") != NULL &&
	          strstr(out, "\"hash\":\"") != NULL,
	    "audit show --json: %.200s", out);
	st = run(
	    out, sizeof(out), "audit", "-d", dir, "show", "--user", "u1", NULL);
	CHECK(st == 0 && strstr(out, "POST /v1/screen") != NULL &&
	          strstr(out, "purpose=case 2024/17") != NULL &&
	          strstr(out, "127.0.0.1") != NULL &&
	          strstr(out, "results=ubl") != NULL,
	    "audit show for u1 lacks the screening");
	st = run(
	    out, sizeof(out), "audit", "-d", dir, "show", "--user", "u1", NULL);
	CHECK(strstr(out, "denied") != NULL && strstr(out, "status=403"),
	    "refused attempts are audited");

	snprintf(path, sizeof(path), "%s/entente.db", dir);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(1);
	st = sqlite3_exec(db,
	    "CREATE TABLE saved AS SELECT query FROM audit WHERE seq=7;"
	    "UPDATE audit SET query='{}' WHERE seq=7",
	    NULL, NULL, &err);
	CHECK(st == SQLITE_OK, "tamper: %s", err != NULL ? err : "");
	sqlite3_close(db);
	st = run(out, sizeof(out), "audit", "-d", dir, "verify", NULL);
	CHECK(st != 0, "verify after tampering exits %d", st);
	/* The message goes to stderr; check it through a shell. */
	{
		char cmd[512];
		FILE *fp;

		snprintf(cmd, sizeof(cmd), "'%s' audit -d '%s' verify 2>&1",
		    entente, dir);
		fp = popen(cmd, "r");
		out[fread(out, 1, sizeof(out) - 1, fp)] = '\0';
		pclose(fp);
		CHECK(strstr(out, "entry 7 was altered") != NULL,
		    "verify names entry 7: %s", out);
	}
	/* Undo the damage; the chain is whole again. */
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(1);
	sqlite3_exec(db,
	    "UPDATE audit SET query=(SELECT query FROM saved) WHERE seq=7;"
	    "DROP TABLE saved",
	    NULL, NULL, NULL);
	sqlite3_close(db);
	CHECK(run(out, sizeof(out), "audit", "-d", dir, "verify", NULL) == 0,
	    "verify after repair");
}

/* ---- the audit trail fails: nothing leaves ------------------------------
 * A screening's response waits for its audit entry (the event thread
 * does not: the connection is set aside until the commit).  If the commit
 * fails, the response must be a 503 and must not carry the result, on the
 * event threads (/v1/screen) as on the workers (a record read). */

static void
set_audit_trigger(bool on)
{
	char path[300];
	sqlite3 *db;
	char *err = NULL;
	int st;

	snprintf(path, sizeof(path), "%s/entente.db", dir);
	if (sqlite3_open(path, &db) != SQLITE_OK)
		exit(1);
	sqlite3_busy_timeout(db, 5000);
	st = sqlite3_exec(db,
	    on ? "CREATE TRIGGER full_disk BEFORE INSERT ON audit "
	         "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
	       : "DROP TRIGGER full_disk",
	    NULL, NULL, &err);
	CHECK(st == SQLITE_OK, "audit trigger: %s", err != NULL ? err : "");
	sqlite3_free(err);
	sqlite3_close(db);
}

/* The response in r is a 503 audit_unavailable that does not contain
 * secret (what the request would have disclosed). */
static void
check_nothing_disclosed(struct resp *r, const char *secret, const char *what)
{
	CHECK(r->status == 503 && r->body != NULL &&
	          strstr(r->body, "audit_unavailable") != NULL &&
	          strstr(r->body, secret) == NULL,
	    "%s without its audit entry: %ld %.200s", what, r->status,
	    r->body != NULL ? r->body : "");
	free_resp(r);
}

static void
test_audit_failure_discloses_nothing(const struct server *s)
{
	static const char q[] = "{\"name\":\"Osama bin Laden\"}";
	struct resp r = {0};

	set_audit_trigger(true);
	post_json(s, "/v1/screen", tok[R_OFFICER], q, &r);
	check_nothing_disclosed(&r, "ubl", "screening (event thread)");
	http(s, "GET", "/v1/entities/ubl", tok[R_ANALYST], NULL, NULL, 0, NULL,
	    &r);
	check_nothing_disclosed(&r, "Laden", "a read (worker)");
	set_audit_trigger(false);
	post_json(s, "/v1/screen", tok[R_OFFICER], q, &r);
	CHECK(r.status == 200 && r.body != NULL && strstr(r.body, "ubl"),
	    "screening once the trail works again: %ld", r.status);
	free_resp(&r);
}

/* ---- kill -9 and SIGTERM --------------------------------------------------
 */

static void
test_kill9(void)
{
	static const char *const args[] = {"--threads", "2", NULL};
	struct server s;
	struct client c[16];
	pthread_t t[16];
	char out[256];
	int i;

	CHECK(serve(&s, args) == 0, "serve for kill -9");
	for (i = 0; i < 16; i++) {
		c[i] = (struct client){.s = &s,
		    .id = 1000 + i, /* even: writers, odd: screeners */
		    .until = now_s() + 30,
		    .stop_when_gone = true};
		pthread_create(&t[i], NULL, client_main, &c[i]);
	}
	usleep(1500 * 1000);
	kill(s.pid, SIGKILL);
	waitpid(s.pid, NULL, 0);
	for (i = 0; i < 16; i++)
		pthread_join(t[i], NULL); /* they fail fast once it is gone */
	CHECK(run(out, sizeof(out), "audit", "-d", dir, "verify", NULL) == 0,
	    "the chain verifies after kill -9: %s", out);
	{
		long acked, miss = missing_writes(c, 16, &acked);

		fprintf(stderr,
		    "kill -9 after %ld acknowledged writes: %ld "
		    "missing\n",
		    acked, miss);
		CHECK(acked > 0 && miss == 0, "writes lost by kill -9");
	}
	CHECK(serve(&s, args) == 0, "restart after kill -9");
	CHECK(stop(&s, SIGTERM) == 0, "clean stop after restart");
}

static void *
slow_batch(void *arg)
{
	const struct server *s = arg;
	static char body[40000];
	struct resp r;
	size_t n = 0;
	int i, ok;

	for (i = 0; i < 1000; i++)
		n += (size_t)snprintf(body + n, sizeof(body) - n,
		    "{\"id\":\"%d\",\"name\":\"Osama bin Laden\"}\n", i);
	http(s, "POST", "/v1/screen/batch", tok[R_OFFICER],
	    "application/x-ndjson", body, n, NULL, &r);
	curl_done();
	/* Drained, not cut: every row answered. */
	ok = (r.status == 200 && strstr(r.body, "\"line\":1000,") != NULL);
	free_resp(&r);
	return (void *)(intptr_t)ok;
}

static void
test_sigterm_drains(void)
{
	struct server s;
	pthread_t t;
	void *ok;

	CHECK(serve(&s, NULL) == 0, "serve for SIGTERM");
	pthread_create(&t, NULL, slow_batch, &s);
	usleep(50 * 1000);
	CHECK(stop(&s, SIGTERM) == 0, "SIGTERM exits 0");
	pthread_join(t, &ok);
	CHECK(ok != NULL, "the batch in flight was completed");
}

/* A client that keeps its connection alive and keeps asking must not hold
 * the drain for the whole grace period: answers given while draining say
 * "Connection: close". */
struct keeper {
	const struct server *s;
	long answered;
};

static void *
keep_asking(void *arg)
{
	struct keeper *k = arg;
	struct resp r = {0};
	double until = now_s() + 8;

	while (now_s() < until) {
		post_json(k->s, "/v1/screen", tok[R_OFFICER],
		    "{\"name\":\"Osama bin Laden\"}", &r);
		free_resp(&r);
		if (r.status != 200)
			break;
		k->answered++;
	}
	curl_done();
	return NULL;
}

static void
test_drain_closes_kept_connections(void)
{
	enum { KEEPERS = 16 }; /* so that some request is always in flight */
	struct server s;
	struct keeper k[KEEPERS];
	pthread_t t[KEEPERS];
	double t0, took;
	int i;

	CHECK(serve(&s, NULL) == 0, "serve for the drain");
	for (i = 0; i < KEEPERS; i++) {
		k[i] = (struct keeper){.s = &s};
		pthread_create(&t[i], NULL, keep_asking, &k[i]);
	}
	usleep(300 * 1000);
	t0 = now_s();
	CHECK(stop(&s, SIGTERM) == 0, "SIGTERM exits 0");
	took = now_s() - t0;
	for (i = 0; i < KEEPERS; i++) {
		pthread_join(t[i], NULL);
		CHECK(k[i].answered > 0, "client %d was answered", i);
	}
	CHECK(took < 5, "kept-alive clients held the drain for %.1f s", took);
}

/* ---- TLS ------------------------------------------------------------------
 * With a certificate and key the node serves HTTPS only: the same API over
 * TLS, and nothing over plain HTTP on that port. */

static void
test_tls(void)
{
	char key[300], crt[300], cmd[1024];
	const char *args[] = {"--tls-cert", crt, "--tls-key", key, NULL};
	struct server s, plain;
	struct resp r = {0};

	snprintf(key, sizeof(key), "%s/tls-key.pem", dir);
	snprintf(crt, sizeof(crt), "%s/tls-cert.pem", dir);
	snprintf(cmd, sizeof(cmd),
	    "openssl req -x509 -newkey rsa:2048 -nodes -days 1 "
	    "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 "
	    "-keyout '%s' -out '%s' 2>/dev/null",
	    key, crt);
	CHECK(system(cmd) == 0, "openssl makes a test certificate");
	CHECK(serve(&s, args) == 0, "serve over TLS");
	CHECK(strncmp(s.url, "https://", 8) == 0, "TLS url: %s", s.url);
	tls_ca = crt;
	post_json(&s, "/v1/screen", tok[R_OFFICER],
	    "{\"name\":\"Osama bin Laden\"}", &r);
	CHECK(r.status == 200 && strstr(r.body, "\"ubl\"") != NULL,
	    "screening over TLS: %ld %.200s", r.status, r.body);
	free_resp(&r);
	http(&s, "GET", "/v1/entities/ubl", tok[R_ANALYST], NULL, NULL, 0, NULL,
	    &r);
	CHECK(r.status == 200 && strstr(r.body, "Laden") != NULL,
	    "a read over TLS (on a worker): %ld", r.status);
	free_resp(&r);
	plain = s;
	snprintf(plain.url, sizeof(plain.url), "http://%s", s.url + 8);
	http(&plain, "GET", "/healthz", NULL, NULL, NULL, 0, NULL, &r);
	CHECK(r.status == 0, "plain HTTP on the TLS port: %ld", r.status);
	free_resp(&r);
	tls_ca = NULL;
	curl_done();
	CHECK(stop(&s, SIGTERM) == 0, "SIGTERM over TLS");
}

int
main(int argc, char **argv)
{
	static const char *const limits[] = {"--threads", "4", "--limit",
	    "body_max=16384", "--limit", "batch_rows=50", "--limit",
	    "string_max=1024", "--limit", "json_depth=6", NULL};
	const char *secs_env = getenv("ENT_E2E_SECONDS");
	double secs = secs_env != NULL ? strtod(secs_env, NULL) : 10;
	struct server s;
	char cmd[128];

	if (argc != 2) {
		fprintf(stderr, "usage: test_http PATH/TO/entente\n");
		return 2;
	}
	entente = argv[1];
	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	make_node();
	if (serve(&s, limits) != 0)
		return 1;
	test_auth_and_roles(&s);
	test_errors(&s);
	test_shapes(&s);
	test_audit_failure_discloses_nothing(&s);
	test_concurrency(&s, secs > 0 ? secs : 10);
	CHECK(stop(&s, SIGTERM) == 0, "SIGTERM exit status");
	test_audit_and_tamper();
	test_kill9();
	test_sigterm_drains();
	test_drain_closes_kept_connections();
	test_tls();
	curl_done();
	curl_global_cleanup();
	if (failures == 0) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	} else {
		fprintf(stderr, "node kept in %s\n", dir);
	}
	fprintf(stderr, "%d checks, %d failures\n", checks, failures);
	return failures == 0 ? 0 : 1;
}
