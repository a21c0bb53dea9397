/* svc_auth.c - users, API tokens and the role policy.
 *
 * The policy is one table: the least role each action needs.  Anything not
 * in the table, and any caller without a role, is denied.  Tokens are
 * never stored; the users table keeps their BLAKE2b hash (ent_crypto.h says
 * why a fast hash is right for random tokens), so a copy of the database
 * does not let anyone call the API. */
#include "ent_svc_auth.h"

#include <string.h>

#include "ent_err.h"
#include "ent_util.h"

static const char *const role_names[] = {
    [ENT_ROLE_NONE] = "none",
    [ENT_ROLE_OFFICER] = "officer",
    [ENT_ROLE_ANALYST] = "analyst",
    [ENT_ROLE_EDITOR] = "editor",
    [ENT_ROLE_ADMIN] = "admin",
};

/* The policy.  An action missing here has min = ENT_ROLE_NONE (0), which
 * the check below treats as "nobody", so forgetting a line denies. */
static const struct {
	const char *name;
	enum ent_role min;
} policy[ENT_ACT__COUNT] = {
    [ENT_ACT_SCREEN] = {"screen", ENT_ROLE_OFFICER},
    [ENT_ACT_METRICS] = {"metrics", ENT_ROLE_OFFICER},
    [ENT_ACT_READ] = {"read", ENT_ROLE_ANALYST},
    [ENT_ACT_SEARCH] = {"search", ENT_ROLE_ANALYST},
    [ENT_ACT_CREATE] = {"create", ENT_ROLE_EDITOR},
    [ENT_ACT_DELETE] = {"delete", ENT_ROLE_EDITOR},
    [ENT_ACT_USERS] = {"users", ENT_ROLE_ADMIN},
    [ENT_ACT_AUDIT] = {"audit", ENT_ROLE_ADMIN},
};

int
ent_role_parse(const char *s, enum ent_role *out)
{
	size_t i;

	for (i = ENT_ROLE_OFFICER; s != NULL && i <= ENT_ROLE_ADMIN; i++) {
		if (strcmp(s, role_names[i]) == 0) {
			*out = (enum ent_role)i;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

const char *
ent_role_name(enum ent_role r)
{
	return (unsigned)r <= ENT_ROLE_ADMIN ? role_names[r] : "none";
}

const char *
ent_action_name(enum ent_action a)
{
	return (unsigned)a < ENT_ACT__COUNT && policy[a].name != NULL
	           ? policy[a].name
	           : "unknown";
}

bool
ent_role_may(enum ent_role r, enum ent_action a)
{
	if ((unsigned)a >= ENT_ACT__COUNT || policy[a].min == ENT_ROLE_NONE)
		return false;
	if (r <= ENT_ROLE_NONE || r > ENT_ROLE_ADMIN)
		return false;
	return r >= policy[a].min;
}

static bool
user_name_valid(const char *s)
{
	size_t i, n = s != NULL ? strlen(s) : 0;

	if (n == 0 || n > ENT_USER_NAME_MAX)
		return false;
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		        (c >= '0' && c <= '9') || strchr("._@-", c) != NULL))
			return false;
	}
	return true;
}

int
ent_svc_user_add(struct ent_sess *s, const char *name, enum ent_role role,
    const struct ent_actor *actor, char token[ENT_TOKEN_SIZE],
    struct ent_diag *d)
{
	struct ent_db *db = ent__sess_db(s);
	struct ent_db_user u;
	char tok[ENT_TOKEN_SIZE], hash[ENT_HASH_HEX_SIZE], now[32];
	const char *ids[1];
	int r;

	if (!user_name_valid(name)) {
		ent_diag_set(d,
		    "user name '%.80s' is not 1-%d of "
		    "A-Z a-z 0-9 . _ @ -",
		    name != NULL ? name : "", ENT_USER_NAME_MAX);
		return ENT_EINVAL;
	}
	if (role <= ENT_ROLE_NONE || role > ENT_ROLE_ADMIN) {
		ent_diag_set(d, "no such role");
		return ENT_EINVAL;
	}
	if ((r = ent_token_new(tok)) != ENT_OK ||
	    (r = ent_token_hash(tok, strlen(tok), hash)) != ENT_OK)
		goto out;
	ent_now_iso(now, sizeof(now));
	u.name = name;
	u.role = ent_role_name(role);
	u.token_hash = hash;
	u.created = now;
	u.revoked = NULL;
	ids[0] = name;
	if ((r = ent_db_begin(db)) != ENT_OK)
		goto out;
	if ((r = ent_db_user_add(db, &u)) != ENT_OK ||
	    (r = ent__svc_audit_tx(s, actor, "user_add", u.role, ids, 1)) !=
	        ENT_OK ||
	    (r = ent_db_commit(db)) != ENT_OK) {
		ent_db_rollback(db);
		if (r == ENT_EEXIST)
			ent_diag_set(d, "user '%s' already exists", name);
		else
			ent_diag_set(d, "cannot add user: %s", ent_strerror(r));
		goto out;
	}
	memcpy(token, tok, sizeof(tok));
out:
	ent_crypto_wipe(tok, sizeof(tok));
	return r;
}

int
ent_svc_user_list(struct ent_sess *s,
    int (*fn)(void *ctx, const struct ent_db_user *u), void *ctx)
{
	return ent_db_user_each(ent__sess_db(s), fn, ctx);
}

int
ent_svc_user_revoke(
    struct ent_sess *s, const char *name, const struct ent_actor *actor)
{
	struct ent_db *db = ent__sess_db(s);
	const char *ids[1] = {name};
	char now[32];
	int r;

	ent_now_iso(now, sizeof(now));
	if ((r = ent_db_begin(db)) != ENT_OK)
		return r;
	if ((r = ent_db_user_revoke(db, name, now)) != ENT_OK ||
	    (r = ent__svc_audit_tx(s, actor, "user_revoke", NULL, ids, 1)) !=
	        ENT_OK ||
	    (r = ent_db_commit(db)) != ENT_OK)
		ent_db_rollback(db);
	return r;
}

struct auth_ctx {
	struct ent_principal p;
	int r;
};

static int
on_user(void *ctx, const struct ent_db_user *u)
{
	struct auth_ctx *a = ctx;
	enum ent_role role;

	a->r = ENT_EAUTH;
	if (u->revoked != NULL || u->name == NULL ||
	    strlen(u->name) > ENT_USER_NAME_MAX ||
	    ent_role_parse(u->role, &role) != ENT_OK)
		return 0;
	memcpy(a->p.name, u->name, strlen(u->name) + 1);
	a->p.role = role;
	a->r = ENT_OK;
	return 0;
}

int
ent_svc_authenticate(struct ent_sess *s, const char *token, size_t len,
    struct ent_principal *out)
{
	char hash[ENT_HASH_HEX_SIZE];
	struct auth_ctx a;
	int r;

	if (ent_token_hash(token, len, hash) != ENT_OK)
		return ENT_EAUTH;
	/* The lookup is by hash through a unique index, so no secret is
	 * compared byte by byte in our code where timing could leak it. */
	memset(&a, 0, sizeof(a));
	a.r = ENT_EAUTH;
	r = ent_db_user_by_token(ent__sess_db(s), hash, on_user, &a);
	if (r == ENT_ENOTFOUND)
		return ENT_EAUTH;
	if (r != ENT_OK)
		return r;
	if (a.r == ENT_OK)
		*out = a.p;
	return a.r;
}
