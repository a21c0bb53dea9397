/* cmd_user.c - `entente user add|list|revoke`: the API's users and keys.
 *
 * `user add` prints the new token alone on stdout, so scripts can capture
 * it (TOKEN=$(entente user add alice --role officer)); it is shown this
 * once and only its hash is kept. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "ent_err.h"
#include "ent_svc_auth.h"

static const char usage[] = "user [-d DIR] add NAME --role "
                            "officer|analyst|editor|admin\n"
                            "       user [-d DIR] list\n"
                            "       user [-d DIR] revoke NAME";

static int
print_user(void *ctx, const struct ent_db_user *u)
{
	(void)ctx;
	printf("%s\t%s\t%s\t%s%s\n", u->name, u->role, u->created,
	    u->revoked != NULL ? "revoked " : "active",
	    u->revoked != NULL ? u->revoked : "");
	return 0;
}

static int
user_exec(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"dir", required_argument, 0, 'd'},
	    {"role", required_argument, 0, 'r'},
	    {"help", no_argument, 0, 'h'},
	    {0, 0, 0, 0},
	};
	char token[ENT_TOKEN_SIZE];
	const char *dir = NULL, *role_s = NULL, *sub;
	enum ent_role role;
	struct ent_node *n;
	struct ent_sess *s;
	struct ent_diag d = {{0}};
	int c, status, r = ENT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:r:h", opts, NULL)) != -1) {
		if (c == 'd') {
			dir = optarg;
		} else if (c == 'r') {
			role_s = optarg;
		} else if (c == 'h') {
			printf("usage: entente %s\n", usage);
			return ENT_EXIT_OK;
		} else {
			return ENT_EXIT_USAGE;
		}
	}
	sub = optind < argc ? argv[optind] : "";
	if (!((strcmp(sub, "add") == 0 && optind + 2 == argc &&
	          role_s != NULL) ||
	        (strcmp(sub, "list") == 0 && optind + 1 == argc) ||
	        (strcmp(sub, "revoke") == 0 && optind + 2 == argc))) {
		ent_cli_err("user", "usage: entente %s", usage);
		return ENT_EXIT_USAGE;
	}
	if (role_s != NULL && ent_role_parse(role_s, &role) != ENT_OK) {
		ent_cli_err("user",
		    "role '%s' is not officer, analyst, editor or admin",
		    role_s);
		return ENT_EXIT_USAGE;
	}
	if (ent_crypto_init() != ENT_OK)
		return ENT_EXIT_FAIL;
	if ((status = ent_cli_open("user", dir, &n, &s)) != ENT_EXIT_OK)
		return status;
	if (strcmp(sub, "add") == 0) {
		r = ent_svc_user_add(s, argv[optind + 1], role,
		    ent_cli_actor("user add"), token, &d);
		if (r == ENT_OK) {
			printf("%s\n", token);
			ent_crypto_wipe(token, sizeof(token));
		} else {
			ent_cli_err("user", "%s", d.msg);
		}
	} else if (strcmp(sub, "list") == 0) {
		r = ent_svc_user_list(s, print_user, NULL);
		if (r != ENT_OK)
			ent_cli_err("user", "%s", ent_strerror(r));
	} else {
		r = ent_svc_user_revoke(
		    s, argv[optind + 1], ent_cli_actor("user revoke"));
		if (r == ENT_ENOTFOUND)
			ent_cli_err(
			    "user", "no active user '%s'", argv[optind + 1]);
		else if (r != ENT_OK)
			ent_cli_err("user", "%s", ent_strerror(r));
	}
	ent_cli_close(n, s);
	return ent_cli_exit(r);
}

const struct ent_cmd cmd_user = {
    .name = "user",
    .usage = usage,
    .summary = "add, list or revoke API users and their tokens",
    .exec = user_exec,
};
