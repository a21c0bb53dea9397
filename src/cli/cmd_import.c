/* cmd_import.c - `entente import`: load watchlist files into the node. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "ent_err.h"

struct ui {
	bool tty;       /* draw a progress bar */
	bool bar_shown; /* a bar is on the current line */
	time_t last;    /* when the bar was last drawn */
};

static void
clear_bar(struct ui *ui)
{
	if (ui->bar_shown) {
		fputs("\r\033[K", stderr);
		ui->bar_shown = false;
	}
}

static void
on_reject(void *ctx, const char *file, long line, const char *msg)
{
	clear_bar(ctx);
	if (line > 0)
		fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
	else
		fprintf(stderr, "%s: %s\n", file, msg);
}

static void
on_progress(void *ctx, long long done, long long total)
{
	struct ui *ui = ctx;
	time_t now = time(NULL);
	int pct, i;

	if (!ui->tty || total <= 0 || now == ui->last)
		return;
	ui->last = now;
	pct = (int)(done * 100 / total);
	if (pct > 100)
		pct = 100;
	fputs("\r[", stderr);
	for (i = 0; i < 40; i++)
		fputc(i < pct * 40 / 100 ? '#' : ' ', stderr);
	fprintf(stderr, "] %3d%%  %lld MB", pct, done >> 20);
	ui->bar_shown = true;
}

static int
import_exec(int argc, char **argv)
{
	static const struct option opts[] = {{"dir", required_argument, 0, 'd'},
	    {"format", required_argument, 0, 'f'},
	    {"strict", no_argument, 0, 's'}, {"help", no_argument, 0, 'h'},
	    {0, 0, 0, 0}};
	struct ent_import_opts o = {0};
	struct ent_import_stats st = {0};
	struct ent_node *n;
	struct ent_sess *s;
	struct ui ui = {0};
	const char *dir = NULL;
	int c, i, r, status, failed = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:f:sh", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dir = optarg;
			break;
		case 'f':
			if (ent_format_parse(optarg, &o.format) != ENT_OK) {
				ent_cli_err("import",
				    "unknown format '%s' (ftm, un-xml, "
				    "ofac-csv, csv)",
				    optarg);
				return ENT_EXIT_USAGE;
			}
			break;
		case 's':
			o.strict = true;
			break;
		case 'h':
			printf("usage: entente import [-d DIR] [--format F] "
			       "[--strict] FILE...\n");
			return ENT_EXIT_OK;
		default:
			return ENT_EXIT_USAGE;
		}
	}
	if (optind == argc) {
		ent_cli_err("import", "no file given (use - for standard "
		                      "input)");
		return ENT_EXIT_USAGE;
	}
	if ((status = ent_cli_open("import", dir, &n, &s)) != ENT_EXIT_OK)
		return status;
	ui.tty = isatty(STDERR_FILENO);
	o.on_reject = on_reject;
	o.on_progress = on_progress;
	o.ctx = &ui;
	for (i = optind; i < argc; i++) {
		struct ent_diag d = {{0}};

		r = ent_svc_import(
		    s, argv[i], &o, ent_cli_actor("import"), &st, &d);
		clear_bar(&ui);
		if (r != ENT_OK) {
			ent_cli_err(
			    "import", "%s", d.msg[0] ? d.msg : ent_strerror(r));
			if (!o.strict)
				fprintf(stderr,
				    "entente import: nothing from "
				    "%s was imported\n",
				    argv[i]);
			failed = 1;
		}
	}
	fprintf(stderr,
	    "read %lld, inserted %lld, updated %lld, unchanged %lld, "
	    "rejected %lld\n",
	    (long long)st.read, (long long)st.inserted, (long long)st.updated,
	    (long long)st.unchanged, (long long)st.rejected);
	ent_cli_close(n, s);
	return failed || st.rejected > 0 ? ENT_EXIT_FAIL : ENT_EXIT_OK;
}

const struct ent_cmd cmd_import = {
    .name = "import",
    .usage = "[-d DIR] [--format ftm|un-xml|ofac-csv|csv] [--strict] FILE...",
    .summary = "load records from files (FtM, UN XML, OFAC CSV, CSV)",
    .exec = import_exec,
};
