/* cmd.h - the command table of the `entente` program (tmux style).
 *
 * Each subcommand is one `const struct ent_cmd` in its own cmd_<name>.c and
 * one line in the table in cmd.c.  exec() receives argv with argv[0] set to
 * the subcommand name, parses its own options with getopt_long, and
 * returns the process exit status (see ent_cli_exit()). */
#ifndef ENT_CMD_H
#define ENT_CMD_H

#include <stdio.h>

#include "ent_svc.h"

struct ent_cmd {
	const char *name;
	const char *usage;   /* arguments after the name, for --help */
	const char *summary; /* one line */
	int (*exec)(int argc, char **argv);
};

/* Exit statuses, shared by all commands. */
enum {
	ENT_EXIT_OK = 0,
	ENT_EXIT_FAIL = 1,     /* the operation failed or rejected input */
	ENT_EXIT_USAGE = 2,    /* bad command line */
	ENT_EXIT_NOTFOUND = 3, /* no such record / node */
	ENT_EXIT_NOHIT = 0,    /* screening with no result is a success */
};

/* The exit status for an ent_err code, from one table. */
int ent_cli_exit(int err);

/* Print "entente CMD: message" to stderr. */
void ent_cli_err(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Open the node in dir (NULL = default) and one session on it, printing a
 * clear error on failure.  Returns an exit status; on ENT_EXIT_OK both
 * out-params are set and the caller closes them with ent_cli_close(). */
int ent_cli_open(
    const char *cmd, const char *dir, struct ent_node **n, struct ent_sess **s);
void ent_cli_close(struct ent_node *n, struct ent_sess *s);

/* The actor recorded in the audit trail for local command-line use. */
const struct ent_actor *ent_cli_actor(const char *route);

/* Look a command up by name; NULL if unknown. */
const struct ent_cmd *ent_cmd_find(const char *name);
/* Print the list of commands to fp. */
void ent_cmd_usage(FILE *fp);

#endif /* ENT_CMD_H */
