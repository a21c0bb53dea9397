/* cmd_get.c - `entente get ID` and `entente stats`. */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "ent_err.h"

/* Both commands take only -d and --help. */
static int
parse_dir(
    int argc, char **argv, const char *usage, const char **dir, bool *help)
{
	static const struct option opts[] = {{"dir", required_argument, 0, 'd'},
	    {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;

	optind = 1;
	*help = false;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		if (c == 'd') {
			*dir = optarg;
		} else if (c == 'h') {
			printf("usage: entente %s\n", usage);
			*help = true;
			return ENT_EXIT_OK;
		} else {
			return ENT_EXIT_USAGE;
		}
	}
	return ENT_EXIT_OK;
}

static int
get_exec(int argc, char **argv)
{
	struct ent_record *r = NULL;
	struct ent_node *n;
	struct ent_sess *s;
	struct ent_buf b;
	const char *dir = NULL;
	bool help;
	int rc, status;

	if ((status = parse_dir(argc, argv, "get [-d DIR] ID", &dir, &help)) ||
	    help)
		return status;
	if (optind != argc - 1) {
		ent_cli_err("get", "usage: entente get [-d DIR] ID");
		return ENT_EXIT_USAGE;
	}
	if ((status = ent_cli_open("get", dir, &n, &s)) != ENT_EXIT_OK)
		return status;
	rc = ent_svc_get(s, argv[optind], ent_cli_actor("get"), &r);
	if (rc == ENT_OK) {
		ent_buf_init(&b, (size_t)256 << 20);
		if ((rc = ent_ftm_encode(r, 1, &b)) == ENT_OK)
			printf("%s\n", ent_buf_str(&b));
		ent_buf_fini(&b);
		ent_record_free(r);
	}
	if (rc == ENT_ENOTFOUND)
		ent_cli_err("get", "no record with id '%s'", argv[optind]);
	else if (rc != ENT_OK)
		ent_cli_err("get", "%s", ent_strerror(rc));
	ent_cli_close(n, s);
	return ent_cli_exit(rc);
}

const struct ent_cmd cmd_get = {
    .name = "get",
    .usage = "[-d DIR] ID",
    .summary = "print one record as FtM JSON",
    .exec = get_exec,
};

struct stats_ctx {
	long long total;
};

static int
print_count(void *ctx, const char *schema, int64_t n)
{
	struct stats_ctx *sc = ctx;

	printf("%-16s %lld\n", schema, (long long)n);
	sc->total += n;
	return 0;
}

static int
stats_exec(int argc, char **argv)
{
	struct stats_ctx sc = {0};
	struct ent_node *n;
	struct ent_sess *s;
	const char *dir = NULL;
	bool help;
	int rc, status;

	if ((status = parse_dir(argc, argv, "stats [-d DIR]", &dir, &help)) ||
	    help)
		return status;
	if (optind != argc) {
		ent_cli_err("stats", "usage: entente stats [-d DIR]");
		return ENT_EXIT_USAGE;
	}
	if ((status = ent_cli_open("stats", dir, &n, &s)) != ENT_EXIT_OK)
		return status;
	printf("node %s, agency %s\n", ent_node_dir(n), ent_node_agency(n));
	if ((rc = ent_svc_stats(s, print_count, &sc)) == ENT_OK)
		printf("%-16s %lld\n", "total", sc.total);
	else
		ent_cli_err("stats", "%s", ent_strerror(rc));
	ent_cli_close(n, s);
	return ent_cli_exit(rc);
}

const struct ent_cmd cmd_stats = {
    .name = "stats",
    .usage = "[-d DIR]",
    .summary = "count records per schema",
    .exec = stats_exec,
};
