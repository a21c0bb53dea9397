/* main.c - the entente program: process-wide initialisation, then the
 * subcommand named on the command line.  Wiring only. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ent_crypto.h"
#include "ent_text.h"

int
main(int argc, char **argv)
{
	const struct ent_cmd *cmd;
	int status;

	if (argc < 2 || strcmp(argv[1], "help") == 0 ||
	    strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		ent_cmd_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? ENT_EXIT_USAGE : ENT_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("entente %s\n", ENT_VERSION);
		return ENT_EXIT_OK;
	}
	if ((cmd = ent_cmd_find(argv[1])) == NULL) {
		fprintf(stderr, "entente: unknown command '%s'\n\n", argv[1]);
		ent_cmd_usage(stderr);
		return ENT_EXIT_USAGE;
	}
	signal(SIGPIPE, SIG_IGN);
	/* libsodium before any thread starts; ICU initialises itself on
	 * first use (under a lock), so commands that never fold text do not
	 * pay for compiling the transliterator. */
	if (ent_crypto_init() != 0) {
		fprintf(stderr, "entente: cannot initialise libraries\n");
		return ENT_EXIT_FAIL;
	}
	status = cmd->exec(argc - 1, argv + 1);
	ent_text_cleanup();
	return status;
}
