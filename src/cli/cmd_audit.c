/* cmd_audit.c - `entente audit show|verify`: read and check the audit
 * trail (docs/audit.md).  verify exits 1 and names the first entry that
 * was altered, removed or reordered. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ent_err.h"
#include "ent_svc_auth.h"

static const char usage[] =
    "audit [-d DIR] show [--user U] [--since T] [--json]\n"
    "       audit [-d DIR] verify";

static const char *
or_dash(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : "-";
}

static int
show_text(void *ctx, const struct ent_db_audit *e)
{
	(void)ctx;
	printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\tstatus=%d\tpurpose=%s\t"
	       "query=%s\trecords=%s\tresults=%s\n",
	    (long long)e->seq, e->time, e->user, or_dash(e->role),
	    or_dash(e->remote), or_dash(e->route), e->action, e->status,
	    or_dash(e->purpose), or_dash(e->query), or_dash(e->record_ids),
	    or_dash(e->result_ids));
	return 0;
}

/* One entry as a JSON line (ent_json_str escapes; jansson stays in the
 * codec and http modules). */
static int
show_json(void *ctx, const struct ent_db_audit *e)
{
	const char *keys[] = {"time", "user", "role", "remote", "route",
	    "action", "purpose", "query", "record_ids", "result_ids",
	    "prev_hash", "hash"};
	const char *vals[] = {e->time, e->user, e->role, e->remote, e->route,
	    e->action, e->purpose, e->query, e->record_ids, e->result_ids,
	    e->prev_hash, e->hash};
	struct ent_buf *b = ctx;
	size_t i;
	int r;

	ent_buf_reset(b);
	r = ent_buf_printf(
	    b, "{\"seq\":%lld,\"status\":%d", (long long)e->seq, e->status);
	for (i = 0; r == ENT_OK && i < sizeof(keys) / sizeof(keys[0]); i++) {
		r = ent_buf_printf(b, ",\"%s\":", keys[i]);
		if (r == ENT_OK)
			r = vals[i] != NULL ? ent_json_str(b, vals[i])
			                    : ent_buf_adds(b, "null");
	}
	if (r == ENT_OK)
		r = ent_buf_addc(b, '}');
	if (r != ENT_OK)
		return r;
	printf("%s\n", ent_buf_str(b));
	return 0;
}

static int
audit_exec(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"dir", required_argument, 0, 'd'},
	    {"user", required_argument, 0, 'u'},
	    {"since", required_argument, 0, 's'},
	    {"json", no_argument, 0, 'j'},
	    {"help", no_argument, 0, 'h'},
	    {0, 0, 0, 0},
	};
	const char *dir = NULL, *user = NULL, *since = NULL, *sub;
	struct ent_audit_verdict v;
	struct ent_buf b;
	struct ent_node *n;
	struct ent_sess *s;
	struct ent_diag d = {{0}};
	bool json = false;
	int c, status, r;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		if (c == 'd') {
			dir = optarg;
		} else if (c == 'u') {
			user = optarg;
		} else if (c == 's') {
			since = optarg;
		} else if (c == 'j') {
			json = true;
		} else if (c == 'h') {
			printf("usage: entente %s\n", usage);
			return ENT_EXIT_OK;
		} else {
			return ENT_EXIT_USAGE;
		}
	}
	sub = optind + 1 == argc ? argv[optind] : "";
	if (strcmp(sub, "show") != 0 && strcmp(sub, "verify") != 0) {
		ent_cli_err("audit", "usage: entente %s", usage);
		return ENT_EXIT_USAGE;
	}
	if ((status = ent_cli_open("audit", dir, &n, &s)) != ENT_EXIT_OK)
		return status;
	if (strcmp(sub, "show") == 0) {
		ent_buf_init(&b, (size_t)64 << 20);
		r = ent_svc_audit_show(
		    s, user, since, json ? show_json : show_text, &b);
		ent_buf_fini(&b);
		if (r != ENT_OK)
			ent_cli_err("audit", "%s", ent_strerror(r));
	} else {
		r = ent_svc_audit_verify(s, &v, &d);
		if (r == ENT_OK)
			printf("audit trail intact: %lld entries verified\n",
			    (long long)v.entries);
		else
			ent_cli_err("audit", "%s", d.msg);
	}
	ent_cli_close(n, s);
	return ent_cli_exit(r);
}

const struct ent_cmd cmd_audit = {
    .name = "audit",
    .usage = usage,
    .summary = "show or verify the audit trail",
    .exec = audit_exec,
};
