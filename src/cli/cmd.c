/* cmd.c - the command table and what all commands share: opening the
 * node, printing errors, mapping error codes to exit statuses. */
#include "cmd.h"

#include <stdarg.h>
#include <string.h>

#include "ent_err.h"

extern const struct ent_cmd cmd_init, cmd_import, cmd_export, cmd_get,
    cmd_stats, cmd_screen;
#ifdef ENT_HAVE_SERVE
extern const struct ent_cmd cmd_serve, cmd_user, cmd_audit;
#endif

/* In the order `entente help` lists them. */
static const struct ent_cmd *const commands[] = {
    &cmd_init,
    &cmd_import,
    &cmd_export,
    &cmd_get,
    &cmd_stats,
    &cmd_screen,
#ifdef ENT_HAVE_SERVE
    &cmd_serve,
    &cmd_user,
    &cmd_audit,
#endif
    NULL,
};

static const struct {
	int err;
	int status;
} exit_map[] = {
    {ENT_OK, ENT_EXIT_OK},
    {ENT_ENOTFOUND, ENT_EXIT_NOTFOUND},
};

int
ent_cli_exit(int err)
{
	size_t i;

	for (i = 0; i < sizeof(exit_map) / sizeof(exit_map[0]); i++)
		if (exit_map[i].err == err)
			return exit_map[i].status;
	return ENT_EXIT_FAIL;
}

void
ent_cli_err(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "entente %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
ent_cli_open(
    const char *cmd, const char *dir, struct ent_node **n, struct ent_sess **s)
{
	struct ent_diag d = {{0}};
	int r;

	*n = NULL;
	*s = NULL;
	if ((r = ent_node_open(ent_node_default_dir(dir), n, &d)) != ENT_OK ||
	    (r = ent_sess_open(*n, s, &d)) != ENT_OK) {
		ent_cli_err(cmd, "%s", d.msg[0] ? d.msg : ent_strerror(r));
		ent_node_close(*n);
		*n = NULL;
		return ent_cli_exit(r);
	}
	return ENT_EXIT_OK;
}

void
ent_cli_close(struct ent_node *n, struct ent_sess *s)
{
	ent_sess_close(s);
	ent_node_close(n);
}

const struct ent_actor *
ent_cli_actor(const char *route)
{
	/* One per thread would be needed if the CLI grew threads that audit;
	 * today only the main thread does. */
	static struct ent_actor a = {
	    .user = "cli", .role = "admin", .remote = "local"};

	a.route = route;
	return &a;
}

const struct ent_cmd *
ent_cmd_find(const char *name)
{
	size_t i;

	for (i = 0; commands[i] != NULL; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

void
ent_cmd_usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage: entente COMMAND [OPTIONS]\n\ncommands:\n");
	for (i = 0; commands[i] != NULL; i++)
		fprintf(
		    fp, "  %-8s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(fp, "\nEvery command takes -d DIR (default $ENTENTE_DATA or "
	            "./entente-data)\nand --help.  See docs/cli.md.\n");
}
