/* test_audit.c - users, roles, tokens and the hash-chained audit trail,
 * through ent_svc_auth.h on a real node in a temporary directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent_err.h"
#include "ent_svc_auth.h"

struct fx {
	char dir[64];
	struct ent_node *n;
	struct ent_sess *s;
};

static const struct ent_actor admin = {
    .user = "root", .role = "admin", .route = "test"};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct ent_diag d;

	if (f == NULL || ent_crypto_init() != ENT_OK)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/ent_audit_XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	/* ent_node_create wants a directory that does not hold a node. */
	if (ent_node_create(f->dir, "FR-TEST", &d) != ENT_OK ||
	    ent_node_open(f->dir, &f->n, &d) != ENT_OK ||
	    ent_sess_open(f->n, &f->s, &d) != ENT_OK) {
		fprintf(stderr, "setup: %s\n", d.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];

	ent_sess_close(f->s);
	ent_node_close(f->n);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static void
policy_is_a_ladder_and_denies_by_default(void **state)
{
	(void)state;
	assert_true(ent_role_may(ENT_ROLE_OFFICER, ENT_ACT_SCREEN));
	assert_false(ent_role_may(ENT_ROLE_OFFICER, ENT_ACT_READ));
	assert_false(ent_role_may(ENT_ROLE_OFFICER, ENT_ACT_SEARCH));
	assert_true(ent_role_may(ENT_ROLE_ANALYST, ENT_ACT_READ));
	assert_true(ent_role_may(ENT_ROLE_ANALYST, ENT_ACT_SEARCH));
	assert_false(ent_role_may(ENT_ROLE_ANALYST, ENT_ACT_CREATE));
	assert_true(ent_role_may(ENT_ROLE_EDITOR, ENT_ACT_CREATE));
	assert_true(ent_role_may(ENT_ROLE_EDITOR, ENT_ACT_DELETE));
	assert_false(ent_role_may(ENT_ROLE_EDITOR, ENT_ACT_USERS));
	assert_false(ent_role_may(ENT_ROLE_EDITOR, ENT_ACT_AUDIT));
	assert_true(ent_role_may(ENT_ROLE_ADMIN, ENT_ACT_AUDIT));
	assert_true(ent_role_may(ENT_ROLE_ADMIN, ENT_ACT_SCREEN));
	assert_false(ent_role_may(ENT_ROLE_NONE, ENT_ACT_SCREEN));
	assert_false(ent_role_may((enum ent_role)42, ENT_ACT_SCREEN));
	assert_false(ent_role_may(ENT_ROLE_ADMIN, ENT_ACT__COUNT));
	assert_false(ent_role_may(ENT_ROLE_ADMIN, (enum ent_action) - 1));
}

static void
roles_parse_by_name_only(void **state)
{
	enum ent_role r;

	(void)state;
	assert_int_equal(ent_role_parse("editor", &r), ENT_OK);
	assert_int_equal(r, ENT_ROLE_EDITOR);
	assert_int_equal(ent_role_parse("none", &r), ENT_EINVAL);
	assert_int_equal(ent_role_parse("Admin", &r), ENT_EINVAL);
	assert_int_equal(ent_role_parse(NULL, &r), ENT_EINVAL);
	assert_string_equal(ent_role_name(ENT_ROLE_ANALYST), "analyst");
}

struct seen {
	int n;
	char hash[ENT_HASH_HEX_SIZE];
	char revoked[8];
};

static int
on_user(void *ctx, const struct ent_db_user *u)
{
	struct seen *s = ctx;

	s->n++;
	snprintf(s->hash, sizeof(s->hash), "%s", u->token_hash);
	snprintf(s->revoked, sizeof(s->revoked), "%s",
	    u->revoked != NULL ? "yes" : "no");
	return 0;
}

static void
token_authenticates_until_revoked_and_only_its_hash_is_stored(void **state)
{
	struct fx *f = *state;
	struct ent_principal p;
	struct ent_diag d;
	struct seen sn = {0};
	char tok[ENT_TOKEN_SIZE], h[ENT_HASH_HEX_SIZE];

	assert_int_equal(
	    ent_svc_user_add(f->s, "alice", ENT_ROLE_ANALYST, &admin, tok, &d),
	    ENT_OK);
	assert_int_equal(
	    ent_svc_authenticate(f->s, tok, strlen(tok), &p), ENT_OK);
	assert_string_equal(p.name, "alice");
	assert_int_equal(p.role, ENT_ROLE_ANALYST);

	assert_int_equal(ent_svc_user_list(f->s, on_user, &sn), ENT_OK);
	assert_int_equal(sn.n, 1);
	assert_string_not_equal(sn.hash, tok);
	assert_int_equal(ent_token_hash(tok, strlen(tok), h), ENT_OK);
	assert_string_equal(sn.hash, h);

	/* A token one character off, a prefix, or none at all fails. */
	tok[20] = tok[20] == 'x' ? 'y' : 'x';
	assert_int_equal(
	    ent_svc_authenticate(f->s, tok, strlen(tok), &p), ENT_EAUTH);
	tok[20] = tok[20] == 'x' ? 'y' : 'x';
	assert_int_equal(ent_svc_authenticate(f->s, tok, 10, &p), ENT_EAUTH);
	assert_int_equal(ent_svc_authenticate(f->s, "", 0, &p), ENT_EAUTH);

	assert_int_equal(ent_svc_user_revoke(f->s, "alice", &admin), ENT_OK);
	assert_int_equal(
	    ent_svc_authenticate(f->s, tok, strlen(tok), &p), ENT_EAUTH);
	assert_int_equal(
	    ent_svc_user_revoke(f->s, "alice", &admin), ENT_ENOTFOUND);
	assert_int_equal(
	    ent_svc_user_revoke(f->s, "bob", &admin), ENT_ENOTFOUND);
}

static void
user_add_rejects_bad_names_and_duplicates(void **state)
{
	struct fx *f = *state;
	struct ent_diag d;
	char tok[ENT_TOKEN_SIZE];

	assert_int_equal(ent_svc_user_add(f->s, "bad name", ENT_ROLE_OFFICER,
	                     &admin, tok, &d),
	    ENT_EINVAL);
	assert_non_null(strstr(d.msg, "bad name"));
	assert_int_equal(
	    ent_svc_user_add(f->s, "", ENT_ROLE_OFFICER, &admin, tok, &d),
	    ENT_EINVAL);
	assert_int_equal(
	    ent_svc_user_add(f->s, "carol", ENT_ROLE_NONE, &admin, tok, &d),
	    ENT_EINVAL);
	assert_int_equal(
	    ent_svc_user_add(f->s, "carol", ENT_ROLE_OFFICER, &admin, tok, &d),
	    ENT_OK);
	assert_int_equal(
	    ent_svc_user_add(f->s, "carol", ENT_ROLE_ADMIN, &admin, tok, &d),
	    ENT_EEXIST);
	assert_non_null(strstr(d.msg, "already exists"));
}

static int
count_entry(void *ctx, const struct ent_db_audit *e)
{
	int *n = ctx;

	(void)e;
	(*n)++;
	return 0;
}

static void
audit_chain_verifies_and_show_filters(void **state)
{
	struct fx *f = *state;
	struct ent_actor bob = {.user = "bob",
	    .role = "officer",
	    .remote = "127.0.0.1",
	    .route = "POST /v1/screen",
	    .purpose = "border check"};
	const char *ids[] = {"a1", "a2"};
	struct ent_audit_verdict v;
	struct ent_diag d;
	int i, n = 0;

	for (i = 0; i < 5; i++)
		assert_int_equal(ent_svc_audit(f->s, &bob, "screen",
		                     "{\"name\":\"x\"}", ids, 2),
		    ENT_OK);
	assert_int_equal(
	    ent_svc_audit(f->s, &admin, "read", "a1", ids, 1), ENT_OK);
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_OK);
	assert_int_equal(v.entries, 6);
	assert_int_equal(v.bad_seq, 0);
	assert_int_equal(
	    ent_svc_audit_show(f->s, "bob", NULL, count_entry, &n), ENT_OK);
	assert_int_equal(n, 5);
	n = 0;
	assert_int_equal(
	    ent_svc_audit_show(f->s, NULL, "2999-01-01", count_entry, &n),
	    ENT_OK);
	assert_int_equal(n, 0);
}

/* Run SQL on the node's database behind its back, as an intruder would. */
static void
tamper(struct fx *f, const char *sql)
{
	sqlite3 *db;
	char path[256];

	snprintf(path, sizeof(path), "%s", ent_node_db_path(f->n));
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void
fill(struct fx *f, int n)
{
	const char *ids[] = {"r1"};
	int i;

	for (i = 0; i < n; i++)
		assert_int_equal(
		    ent_svc_audit(f->s, &admin, "screen", "q", ids, 1), ENT_OK);
}

static void
verify_names_an_altered_entry(void **state)
{
	struct fx *f = *state;
	struct ent_audit_verdict v;
	struct ent_diag d;

	fill(f, 6);
	tamper(f, "UPDATE audit SET query='other' WHERE seq=4");
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_EFORMAT);
	assert_int_equal(v.bad_seq, 4);
	assert_non_null(strstr(d.msg, "entry 4 was altered"));
}

static void
verify_names_a_removed_entry(void **state)
{
	struct fx *f = *state;
	struct ent_audit_verdict v;
	struct ent_diag d;

	fill(f, 6);
	tamper(f, "DELETE FROM audit WHERE seq=3");
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_EFORMAT);
	assert_int_equal(v.bad_seq, 3);
	assert_non_null(strstr(d.msg, "entry 3 is missing"));
}

static void
verify_names_a_removed_and_renumbered_entry(void **state)
{
	struct fx *f = *state;
	struct ent_audit_verdict v;
	struct ent_diag d;

	fill(f, 6);
	/* Remove entry 3 and close the gap, keeping every stored hash. */
	tamper(f, "DELETE FROM audit WHERE seq=3;"
	          "UPDATE audit SET seq=seq-1 WHERE seq>3;");
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_EFORMAT);
	assert_int_equal(v.bad_seq, 3);
}

static void
verify_names_a_reordered_entry(void **state)
{
	struct fx *f = *state;
	struct ent_audit_verdict v;
	struct ent_diag d;

	fill(f, 6);
	/* Swap rows 2 and 5 whole, hashes included. */
	tamper(f, "UPDATE audit SET seq=100 WHERE seq=2;"
	          "UPDATE audit SET seq=2 WHERE seq=5;"
	          "UPDATE audit SET seq=5 WHERE seq=100;");
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_EFORMAT);
	assert_int_equal(v.bad_seq, 2);
}

static void
verify_detects_a_rehashed_entry_by_its_successor(void **state)
{
	struct fx *f = *state;
	struct ent_audit_verdict v;
	struct ent_diag d;

	fill(f, 4);
	/* An intruder who recomputes entry 2's own hash still breaks the
	 * link from entry 3.  Simulate: give entry 2 entry 3's hash. */
	tamper(f, "UPDATE audit SET hash=(SELECT hash FROM audit WHERE seq=3)"
	          " WHERE seq=2");
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_EFORMAT);
	assert_int_equal(v.bad_seq, 2);
}

struct worker {
	struct ent_node *n;
	int id, count, err;
};

static void *
work(void *arg)
{
	struct worker *w = arg;
	struct ent_sess *s;
	struct ent_actor a = {.user = "w", .role = "officer"};
	char q[32];
	const char *ids[1] = {q};
	int i;

	if (ent_sess_open(w->n, &s, NULL) != ENT_OK) {
		w->err = 1;
		return NULL;
	}
	for (i = 0; i < w->count; i++) {
		snprintf(q, sizeof(q), "w%d-%d", w->id, i);
		if (ent_svc_audit(s, &a, "screen", q, ids, 1) != ENT_OK)
			w->err++;
	}
	ent_sess_close(s);
	return NULL;
}

static void
group_commit_keeps_every_entry_and_the_chain(void **state)
{
	struct fx *f = *state;
	struct worker w[8];
	pthread_t t[8];
	struct ent_audit_verdict v;
	struct ent_diag d;
	int i, n = 0;

	assert_int_equal(ent_svc_audit_group_start(f->n, &d), ENT_OK);
	assert_int_equal(ent_svc_audit_group_start(f->n, &d), ENT_EEXIST);
	for (i = 0; i < 8; i++) {
		w[i] = (struct worker){.n = f->n, .id = i, .count = 150};
		assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (i = 0; i < 8; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].err, 0);
	}
	ent_svc_audit_group_stop(f->n);
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_OK);
	assert_int_equal(v.entries, 8 * 150);
	assert_int_equal(
	    ent_svc_audit_show(f->s, "w", NULL, count_entry, &n), ENT_OK);
	assert_int_equal(n, 8 * 150);
}

/* A caller that must not block (the HTTP event loop) is told when its
 * entries are durable, and the entries are copies: the caller may reuse
 * its buffers as soon as the call returns. */
struct told {
	pthread_mutex_t mu;
	int queued, done, failed;
};

static void
told_queued(void *arg)
{
	struct told *t = arg;

	pthread_mutex_lock(&t->mu);
	t->queued++;
	pthread_mutex_unlock(&t->mu);
}

static void
told_done(void *arg, int result)
{
	struct told *t = arg;

	pthread_mutex_lock(&t->mu);
	t->done++;
	t->failed += result != ENT_OK;
	pthread_mutex_unlock(&t->mu);
}

struct copies {
	int n, bad;
};

static int
check_copied(void *ctx, const struct ent_db_audit *e)
{
	struct copies *c = ctx;
	char q[32], ids[64];

	snprintf(q, sizeof(q), "q%d", c->n);
	snprintf(ids, sizeof(ids), "a%d b%d", c->n, c->n);
	if (e->query == NULL || strcmp(e->query, q) != 0 ||
	    e->result_ids == NULL || strcmp(e->result_ids, ids) != 0 ||
	    strcmp(e->user, "loop") != 0 || e->purpose == NULL ||
	    strcmp(e->purpose, "border") != 0)
		c->bad++;
	c->n++;
	return 0;
}

static void
a_caller_that_does_not_wait_is_told_when_durable(void **state)
{
	struct fx *f = *state;
	struct told t = {.mu = PTHREAD_MUTEX_INITIALIZER};
	struct ent_audit_notify nt = {told_queued, told_done, &t};
	char user[16], purpose[16], q[32], a[16], b[16];
	const char *ids[2] = {a, b};
	struct ent_actor act = {
	    .user = user, .role = "officer", .purpose = purpose, .notify = &nt};
	struct ent_audit_verdict v;
	struct copies c = {0};
	struct ent_diag d;
	int i;

	assert_int_equal(ent_svc_audit_group_start(f->n, &d), ENT_OK);
	for (i = 0; i < 50; i++) {
		snprintf(user, sizeof(user), "loop");
		snprintf(purpose, sizeof(purpose), "border");
		snprintf(q, sizeof(q), "q%d", i);
		snprintf(a, sizeof(a), "a%d", i);
		snprintf(b, sizeof(b), "b%d", i);
		assert_int_equal(
		    ent_svc_audit(f->s, &act, "screen", q, ids, 2), ENT_OK);
		pthread_mutex_lock(&t.mu);
		assert_int_equal(t.queued, i + 1); /* before the return */
		pthread_mutex_unlock(&t.mu);
		/* The trail keeps copies, not these buffers. */
		memset(user, 'X', sizeof(user) - 1);
		memset(q, 'X', sizeof(q) - 1);
		memset(a, 'X', sizeof(a) - 1);
		memset(purpose, 'X', sizeof(purpose) - 1);
	}
	ent_svc_audit_group_stop(f->n); /* writes what is queued first */
	assert_int_equal(t.done, 50);
	assert_int_equal(t.failed, 0);
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_OK);
	assert_int_equal(v.entries, 50);
	assert_int_equal(
	    ent_svc_audit_show(f->s, NULL, NULL, check_copied, &c), ENT_OK);
	assert_int_equal(c.n, 50);
	assert_int_equal(c.bad, 0);
	/* Without a committer the call is durable on return: no notice. */
	snprintf(user, sizeof(user), "loop");
	assert_int_equal(
	    ent_svc_audit(f->s, &act, "screen", q, ids, 2), ENT_OK);
	assert_int_equal(t.queued, 50);
	assert_int_equal(ent_svc_audit_verify(f->s, &v, &d), ENT_OK);
	assert_int_equal(v.entries, 51);
}

static void
canonical_bytes_tell_null_from_empty(void **state)
{
	struct ent_db_audit a = {
	    .seq = 1, .time = "t", .user = "u", .action = "x"};
	struct ent_db_audit b = a;
	struct ent_buf ba, bb;

	(void)state;
	b.purpose = "";
	ent_buf_init(&ba, 4096);
	ent_buf_init(&bb, 4096);
	assert_int_equal(ent_audit_canonical(&a, &ba), ENT_OK);
	assert_int_equal(ent_audit_canonical(&b, &bb), ENT_OK);
	assert_int_equal(ent_buf_len(&ba), ent_buf_len(&bb));
	assert_memory_not_equal(
	    ent_buf_str(&ba), ent_buf_str(&bb), ent_buf_len(&ba));
	ent_buf_fini(&ba);
	ent_buf_fini(&bb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(policy_is_a_ladder_and_denies_by_default),
	    cmocka_unit_test(roles_parse_by_name_only),
	    cmocka_unit_test(canonical_bytes_tell_null_from_empty),
	    cmocka_unit_test_setup_teardown(
	        token_authenticates_until_revoked_and_only_its_hash_is_stored,
	        setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        user_add_rejects_bad_names_and_duplicates, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        audit_chain_verifies_and_show_filters, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        verify_names_an_altered_entry, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        verify_names_a_removed_entry, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        verify_names_a_removed_and_renumbered_entry, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        verify_names_a_reordered_entry, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        verify_detects_a_rehashed_entry_by_its_successor, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        group_commit_keeps_every_entry_and_the_chain, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        a_caller_that_does_not_wait_is_told_when_durable, setup,
	        teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
