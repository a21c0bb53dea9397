/* test_store.c - the SQLite store: migrations, upsert versioning,
 * references, durability settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ent_db.h"
#include "ent_err.h"

struct fx {
	char dir[64];
	char path[96];
	struct ent_db *db;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/ent-store-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	if (ent_db_open(f->path, ENT_DB_CREATE, &f->db, NULL) != ENT_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	char cmd[160];

	ent_db_close(f->db);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static struct ent_row
row(const char *id, const char *props)
{
	struct ent_row r;

	memset(&r, 0, sizeof(r));
	r.id = id;
	r.schema = "Person";
	r.props = props;
	r.caption = "cap";
	r.meta.agency = "PK-FIA";
	return r;
}

struct got {
	int64_t version;
	char props[256];
	char created[32], updated[32];
	int n;
};

static int
grab(void *ctx, const struct ent_row *r)
{
	struct got *g = ctx;

	g->version = r->meta.version;
	snprintf(g->props, sizeof(g->props), "%s", r->props);
	snprintf(g->created, sizeof(g->created), "%s", r->meta.created);
	snprintf(g->updated, sizeof(g->updated), "%s", r->meta.updated);
	g->n++;
	return 0;
}

static void
open_missing_file_without_create_fails(void **state)
{
	struct ent_db *db = NULL;
	struct ent_diag d = {{0}};

	(void)state;
	assert_int_not_equal(
	    ent_db_open("/nonexistent/dir/x.db", 0, &db, &d), ENT_OK);
	assert_null(db);
	assert_non_null(strstr(d.msg, "/nonexistent/dir/x.db"));
}

static void
schema_is_migrated_and_wal_is_on(void **state)
{
	struct fx *f = *state;
	char wal[128];

	assert_true(ent_db_schema_version(f->db) >= 1);
	assert_int_equal(ent_db_begin(f->db), ENT_OK);
	assert_int_equal(ent_db_setting_set(f->db, "k", "v"), ENT_OK);
	assert_int_equal(ent_db_commit(f->db), ENT_OK);
	snprintf(wal, sizeof(wal), "%s-wal", f->path);
	assert_int_equal(access(wal, F_OK), 0);
}

static void
put_versions_only_real_changes(void **state)
{
	struct fx *f = *state;
	struct ent_row r = row("p1", "{\"name\":[\"A\"]}");
	enum ent_put_result res;
	struct got g = {0};

	assert_int_equal(ent_db_begin(f->db), ENT_OK);
	assert_int_equal(ent_db_put(f->db, &r, &res), ENT_OK);
	assert_int_equal(res, ENT_PUT_INSERTED);
	assert_int_equal(ent_db_put(f->db, &r, &res), ENT_OK);
	assert_int_equal(res, ENT_PUT_UNCHANGED);
	r.props = "{\"name\":[\"B\"]}";
	assert_int_equal(ent_db_put(f->db, &r, &res), ENT_OK);
	assert_int_equal(res, ENT_PUT_UPDATED);
	r.meta.handling = "H2"; /* a policy change is a change too */
	assert_int_equal(ent_db_put(f->db, &r, &res), ENT_OK);
	assert_int_equal(res, ENT_PUT_UPDATED);
	assert_int_equal(ent_db_commit(f->db), ENT_OK);
	assert_int_equal(ent_db_get(f->db, "p1", grab, &g), ENT_OK);
	assert_int_equal(g.version, 3);
	assert_string_equal(g.props, "{\"name\":[\"B\"]}");
	assert_int_equal(ent_db_get(f->db, "nope", grab, &g), ENT_ENOTFOUND);
}

static void
put_keeps_owner_version_and_times(void **state)
{
	struct fx *f = *state;
	struct ent_row r = row("p2", "{}");
	enum ent_put_result res;
	struct got g = {0};

	r.meta.version = 7;
	r.meta.created = "2020-01-01T00:00:00Z";
	r.meta.updated = "2021-01-01T00:00:00Z";
	ent_db_begin(f->db);
	assert_int_equal(ent_db_put(f->db, &r, &res), ENT_OK);
	ent_db_commit(f->db);
	ent_db_get(f->db, "p2", grab, &g);
	assert_int_equal(g.version, 7);
	assert_string_equal(g.created, "2020-01-01T00:00:00Z");
	assert_string_equal(g.updated, "2021-01-01T00:00:00Z");
}

static void
rollback_leaves_nothing(void **state)
{
	struct fx *f = *state;
	struct ent_row r = row("p3", "{}");
	enum ent_put_result res;
	bool yes = true;

	ent_db_begin(f->db);
	ent_db_put(f->db, &r, &res);
	assert_int_equal(ent_db_rollback(f->db), ENT_OK);
	assert_int_equal(ent_db_exists(f->db, "p3", &yes), ENT_OK);
	assert_false(yes);
	assert_int_equal(ent_db_rollback(f->db), ENT_OK); /* none open */
}

static int
count_dangling(void *ctx, const char *from, const char *prop, const char *to)
{
	(void)from;
	(void)prop;
	assert_string_equal(to, "ghost");
	(*(int *)ctx)++;
	return 0;
}

static void
references_are_tracked(void **state)
{
	struct fx *f = *state;
	struct ent_ref refs[] = {{"holder", "p1"}, {"holder", "ghost"}};
	struct ent_row r = row("doc", "{}");
	enum ent_put_result res;
	int n = 0;

	r.schema = "Passport";
	r.refs = refs;
	r.nrefs = 2;
	ent_db_begin(f->db);
	r.id = "p1";
	r.nrefs = 0;
	ent_db_put(f->db, &r, &res);
	r.id = "doc";
	r.nrefs = 2;
	assert_int_equal(ent_db_put(f->db, &r, &res), ENT_OK);
	ent_db_commit(f->db);
	assert_int_equal(
	    ent_db_each_dangling(f->db, count_dangling, &n), ENT_OK);
	assert_int_equal(n, 1);
	ent_db_begin(f->db);
	assert_int_equal(ent_db_delete(f->db, "doc"), ENT_OK);
	assert_int_equal(ent_db_delete(f->db, "doc"), ENT_ENOTFOUND);
	ent_db_commit(f->db);
	n = 0;
	ent_db_each_dangling(f->db, count_dangling, &n);
	assert_int_equal(n, 0); /* refs go with the record */
}

static int
sum(void *ctx, const char *schema, int64_t n)
{
	(void)schema;
	*(int64_t *)ctx += n;
	return 0;
}

static void
counts_per_schema(void **state)
{
	struct fx *f = *state;
	struct ent_row r = row("c1", "{}");
	enum ent_put_result res;
	int64_t total = 0;

	ent_db_begin(f->db);
	ent_db_put(f->db, &r, &res);
	r.id = "c2";
	r.schema = "Organization";
	ent_db_put(f->db, &r, &res);
	ent_db_commit(f->db);
	assert_int_equal(ent_db_count(f->db, sum, &total), ENT_OK);
	assert_int_equal(total, 2);
}

static void
a_put_without_agency_is_refused(void **state)
{
	struct fx *f = *state;
	struct ent_row r = row("x", "{}");
	enum ent_put_result res;

	r.meta.agency = NULL;
	ent_db_begin(f->db);
	assert_int_equal(ent_db_put(f->db, &r, &res), ENT_EINVAL);
	ent_db_rollback(f->db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(open_missing_file_without_create_fails),
	    cmocka_unit_test_setup_teardown(
	        schema_is_migrated_and_wal_is_on, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        put_versions_only_real_changes, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        put_keeps_owner_version_and_times, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        rollback_leaves_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        references_are_tracked, setup, teardown),
	    cmocka_unit_test_setup_teardown(counts_per_schema, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        a_put_without_agency_is_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
