/* cmd_init.c - `entente init`: create a node. */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "ent_err.h"

static int
init_exec(int argc, char **argv)
{
	static const struct option opts[] = {{"dir", required_argument, 0, 'd'},
	    {"agency", required_argument, 0, 'a'},
	    {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	const char *dir = NULL, *agency = NULL;
	struct ent_diag d = {{0}};
	int c, r;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:a:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dir = optarg;
			break;
		case 'a':
			agency = optarg;
			break;
		case 'h':
			printf(
			    "usage: entente init [-d DIR] --agency CC-NAME\n");
			return ENT_EXIT_OK;
		default:
			return ENT_EXIT_USAGE;
		}
	}
	if (agency == NULL || optind != argc) {
		ent_cli_err("init", "usage: entente init [-d DIR] --agency "
		                    "CC-NAME (e.g. --agency PK-FIA)");
		return ENT_EXIT_USAGE;
	}
	dir = ent_node_default_dir(dir);
	if ((r = ent_node_create(dir, agency, &d)) != ENT_OK) {
		ent_cli_err("init", "%s", d.msg[0] ? d.msg : ent_strerror(r));
		return ent_cli_exit(r);
	}
	printf("created node %s for agency %s\n", dir, agency);
	return ENT_EXIT_OK;
}

const struct ent_cmd cmd_init = {
    .name = "init",
    .usage = "[-d DIR] --agency CC-NAME",
    .summary = "create a node (data directory and database)",
    .exec = init_exec,
};
