/* cmd_serve.c - `entente serve`: load the screening index, listen, serve
 * until SIGTERM or SIGINT, then drain and stop (see ent_http.h).
 *
 * Signals are blocked before the server starts so every worker thread
 * inherits the mask and only this thread, in sigwait(), ever sees them:
 * no async-signal-safety questions anywhere else. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "ent_crypto.h"
#include "ent_err.h"
#include "ent_http.h"
#include "ent_util.h"

#define GRACE_MS 10000

static const char usage[] =
    "serve [-d DIR] [--listen ADDR:PORT] [--threads N]\n"
    "          [--tls-cert FILE --tls-key FILE] [--limit NAME=N ...]\n"
    "  limits: body_max batch_body_max json_depth string_max batch_rows\n"
    "          match_queries result_limit (docs/http-api.md)";

/* --limit NAME=N, one table. */
static const struct {
	const char *name;
	size_t off;
} limit_names[] = {
    {"body_max", offsetof(struct ent_limits, body_max)},
    {"batch_body_max", offsetof(struct ent_limits, batch_body_max)},
    {"json_depth", offsetof(struct ent_limits, json_depth)},
    {"string_max", offsetof(struct ent_limits, string_max)},
    {"batch_rows", offsetof(struct ent_limits, batch_rows)},
    {"match_queries", offsetof(struct ent_limits, match_queries)},
    {"result_limit", offsetof(struct ent_limits, result_limit)},
};

static int
set_limit(struct ent_limits *l, const char *arg)
{
	const char *eq = strchr(arg, '=');
	int64_t v;
	size_t i;

	if (eq == NULL || ent_parse_i64(eq + 1, 1, INT64_MAX, &v) != ENT_OK)
		return ENT_EINVAL;
	for (i = 0; i < sizeof(limit_names) / sizeof(limit_names[0]); i++) {
		if (strlen(limit_names[i].name) == (size_t)(eq - arg) &&
		    strncmp(limit_names[i].name, arg, (size_t)(eq - arg)) ==
		        0) {
			*(size_t *)(void *)((char *)l + limit_names[i].off) =
			    (size_t)v;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

static int
serve_exec(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"dir", required_argument, 0, 'd'},
	    {"listen", required_argument, 0, 'l'},
	    {"threads", required_argument, 0, 't'},
	    {"tls-cert", required_argument, 0, 'c'},
	    {"tls-key", required_argument, 0, 'k'},
	    {"limit", required_argument, 0, 'L'},
	    {"help", no_argument, 0, 'h'},
	    {0, 0, 0, 0},
	};
	struct ent_http_opts o = {0};
	const struct ent_index *ix;
	struct ent_http *h = NULL;
	struct ent_node *n = NULL;
	struct ent_diag d = {{0}};
	const char *dir = NULL;
	sigset_t set;
	int64_t v;
	int c, sig, r;

	ent_limits_default(&o.limits);
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dir = optarg;
			break;
		case 'l':
			o.listen = optarg;
			break;
		case 't':
			if (ent_parse_i64(optarg, 1, 64, &v) != ENT_OK) {
				ent_cli_err("serve", "--threads must be 1-64");
				return ENT_EXIT_USAGE;
			}
			o.threads = (unsigned)v;
			break;
		case 'c':
			o.tls_cert = optarg;
			break;
		case 'k':
			o.tls_key = optarg;
			break;
		case 'L':
			if (set_limit(&o.limits, optarg) != ENT_OK) {
				ent_cli_err(
				    "serve", "bad --limit '%s'", optarg);
				return ENT_EXIT_USAGE;
			}
			break;
		case 'h':
			printf("usage: entente %s\n", usage);
			return ENT_EXIT_OK;
		default:
			return ENT_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		ent_cli_err("serve", "unexpected argument '%s'", argv[optind]);
		return ENT_EXIT_USAGE;
	}
	/* Check what can be checked before the (long) index load. */
	if ((o.tls_cert == NULL) != (o.tls_key == NULL)) {
		ent_cli_err("serve", "--tls-cert and --tls-key go together");
		return ENT_EXIT_USAGE;
	}
	if (o.tls_cert != NULL &&
	    (access(o.tls_cert, R_OK) != 0 || access(o.tls_key, R_OK) != 0)) {
		ent_cli_err("serve", "cannot read %s: %s",
		    access(o.tls_cert, R_OK) != 0 ? o.tls_cert : o.tls_key,
		    strerror(errno));
		return ENT_EXIT_FAIL;
	}
	if (ent_crypto_init() != ENT_OK) {
		ent_cli_err("serve", "libsodium cannot initialise");
		return ENT_EXIT_FAIL;
	}
	if ((r = ent_node_open(ent_node_default_dir(dir), &n, &d)) != ENT_OK) {
		ent_cli_err("serve", "%s", d.msg);
		return ent_cli_exit(r);
	}
	/* Block the stop signals before any thread exists (the index build
	 * starts a pool of workers): threads inherit the mask, so SIGTERM
	 * reaches sigwait() below and never kills the process from a worker
	 * that left it unblocked. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	/* Load the index before listening: the first request must not pay
	 * for it, and a node that cannot build it should not pretend to
	 * serve. */
	if ((r = ent_svc_index(n, &ix, &d)) != ENT_OK) {
		ent_cli_err("serve", "%s", d.msg);
		goto out;
	}
	fprintf(stderr, "entente serve: %zu records in the screening index\n",
	    ent_index_size(ix));
	if ((r = ent_http_start(n, &o, &h, &d)) != ENT_OK) {
		ent_cli_err("serve", "%s", d.msg);
		goto out;
	}
	printf("listening on %s\n", ent_http_url(h));
	fflush(stdout);
	do {
		c = sigwait(&set, &sig);
	} while (c != 0);
	fprintf(stderr, "entente serve: %s: draining requests and stopping\n",
	    sig == SIGTERM ? "SIGTERM" : "SIGINT");
	ent_http_stop(h, GRACE_MS);
	fprintf(stderr, "entente serve: stopped\n");
out:
	ent_node_close(n);
	return ent_cli_exit(r);
}

const struct ent_cmd cmd_serve = {
    .name = "serve",
    .usage = usage,
    .summary = "serve the HTTP API until SIGTERM/SIGINT",
    .exec = serve_exec,
};
