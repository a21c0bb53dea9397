/* cmd_export.c - `entente export`: every record as FtM JSON lines. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ent_err.h"

struct export_ctx {
	FILE *out;
	bool meta;
	struct ent_buf line;
	long long n;
};

static int
write_record(void *ctx, const struct ent_record *r)
{
	struct export_ctx *ec = ctx;
	int rc;

	ent_buf_reset(&ec->line);
	if ((rc = ent_ftm_encode(r, ec->meta, &ec->line)) != ENT_OK ||
	    (rc = ent_buf_addc(&ec->line, '\n')) != ENT_OK)
		return rc;
	if (fwrite(ent_buf_str(&ec->line), 1, ent_buf_len(&ec->line),
	        ec->out) != ent_buf_len(&ec->line))
		return ENT_EIO;
	ec->n++;
	return 0;
}

static int
export_exec(int argc, char **argv)
{
	static const struct option opts[] = {{"dir", required_argument, 0, 'd'},
	    {"schema", required_argument, 0, 's'},
	    {"format", required_argument, 0, 'f'},
	    {"out", required_argument, 0, 'o'},
	    {"no-meta", no_argument, 0, 'M'}, {"help", no_argument, 0, 'h'},
	    {0, 0, 0, 0}};
	struct export_ctx ec = {.out = stdout, .meta = true};
	const char *dir = NULL, *schema = NULL, *outpath = NULL;
	struct ent_node *n;
	struct ent_sess *s;
	int c, r, status;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:s:f:o:Mh", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dir = optarg;
			break;
		case 's':
			schema = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "ftm") != 0) {
				ent_cli_err("export",
				    "unknown format '%s' "
				    "(only ftm)",
				    optarg);
				return ENT_EXIT_USAGE;
			}
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'M':
			ec.meta = false;
			break;
		case 'h':
			printf("usage: entente export [-d DIR] [--schema S] "
			       "[--format ftm] [--out FILE] [--no-meta]\n");
			return ENT_EXIT_OK;
		default:
			return ENT_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		ent_cli_err("export", "unexpected argument '%s'", argv[optind]);
		return ENT_EXIT_USAGE;
	}
	if (schema != NULL && ent_schema_get(schema) == NULL) {
		ent_cli_err("export", "unknown schema '%s'", schema);
		return ENT_EXIT_USAGE;
	}
	if ((status = ent_cli_open("export", dir, &n, &s)) != ENT_EXIT_OK)
		return status;
	if (outpath != NULL && (ec.out = fopen(outpath, "w")) == NULL) {
		ent_cli_err("export", "%s: %s", outpath, strerror(errno));
		ent_cli_close(n, s);
		return ENT_EXIT_FAIL;
	}
	ent_buf_init(&ec.line, (size_t)256 << 20);
	r = ent_svc_each(s, schema, write_record, &ec);
	if (fflush(ec.out) != 0 || ferror(ec.out))
		r = r != ENT_OK ? r : ENT_EIO;
	if (outpath != NULL && fclose(ec.out) != 0)
		r = r != ENT_OK ? r : ENT_EIO;
	if (r != ENT_OK)
		ent_cli_err("export", "failed after %lld records: %s", ec.n,
		    ent_strerror(r));
	else
		fprintf(stderr, "exported %lld records\n", ec.n);
	ent_buf_fini(&ec.line);
	ent_cli_close(n, s);
	return ent_cli_exit(r);
}

const struct ent_cmd cmd_export = {
    .name = "export",
    .usage = "[-d DIR] [--schema S] [--format ftm] [--out FILE] [--no-meta]",
    .summary = "write every record as FtM JSON lines",
    .exec = export_exec,
};
