/* test_svc.c - the node's use cases: init, import (good, bad, strict,
 * references), export round trip, get, put, delete. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ent_err.h"
#include "ent_svc.h"

struct fx {
	char dir[64];
	struct ent_node *node;
	struct ent_sess *s;
	int nrejects;
	long reject_lines[16];
	char reject_msgs[16][ENT_DIAG_MAX];
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct ent_diag d = {{0}};

	snprintf(f->dir, sizeof(f->dir), "/tmp/ent-svc-XXXXXX");
	if (mkdtemp(f->dir) == NULL ||
	    ent_node_create(f->dir, "PK-FIA", &d) != ENT_OK ||
	    ent_node_open(f->dir, &f->node, &d) != ENT_OK ||
	    ent_sess_open(f->node, &f->s, &d) != ENT_OK) {
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
	ent_node_close(f->node);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static char *
write_temp(struct fx *f, const char *name, const char *content)
{
	char *path = malloc(256);
	FILE *fp;

	snprintf(path, 256, "%s/%s", f->dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(content, fp);
	fclose(fp);
	return path;
}

static void
on_reject(void *ctx, const char *file, long line, const char *msg)
{
	struct fx *f = ctx;

	(void)file;
	if (f->nrejects < 16) {
		f->reject_lines[f->nrejects] = line;
		snprintf(f->reject_msgs[f->nrejects], ENT_DIAG_MAX, "%s", msg);
	}
	f->nrejects++;
}

static int
import(struct fx *f, const char *path, bool strict, struct ent_import_stats *st,
    struct ent_diag *d)
{
	struct ent_import_opts o = {0};

	o.strict = strict;
	o.on_reject = on_reject;
	o.ctx = f;
	memset(st, 0, sizeof(*st));
	f->nrejects = 0;
	return ent_svc_import(f->s, path, &o, NULL, st, d);
}

#define P(id, name)                                                            \
	"{\"id\":\"" id                                                        \
	"\",\"schema\":\"Person\",\"properties\":{\"name\":[\"" name "\"]}}\n"

static void
init_refuses_bad_agency_and_existing_node(void **state)
{
	struct fx *f = *state;
	struct ent_diag d = {{0}};
	char other[96];

	assert_int_equal(ent_node_create(f->dir, "PK-FIA", &d), ENT_EEXIST);
	assert_non_null(strstr(d.msg, "already"));
	snprintf(other, sizeof(other), "%s/sub", f->dir);
	assert_int_equal(ent_node_create(other, "pk-fia", &d), ENT_EINVAL);
	assert_int_equal(ent_node_create(other, "QQ-X", &d), ENT_EINVAL);
	assert_int_equal(ent_node_create(other, "PK-", &d), ENT_EINVAL);
	assert_int_equal(access(other, F_OK), -1); /* nothing created */
}

static void
open_missing_node_says_how_to_create_one(void **state)
{
	struct ent_node *n = NULL;
	struct ent_diag d = {{0}};

	(void)state;
	assert_int_equal(
	    ent_node_open("/tmp/no-such-entente-node", &n, &d), ENT_ENOTFOUND);
	assert_non_null(strstr(d.msg, "entente init"));
	assert_int_equal(ent_node_open("/tmp", &n, &d), ENT_ENOTFOUND);
	assert_non_null(strstr(d.msg, "not an Entente node"));
}

static void
import_keeps_good_lines_and_reports_bad_ones(void **state)
{
	struct fx *f = *state;
	struct ent_import_stats st;
	struct ent_diag d = {{0}};
	char *path = write_temp(f, "a.ftm",
	    P("p1", "Anna") "{\"id\":\"p2\",\"schema\":\"Person\","
	                    "\"properties\":{\"name\":[\"B\"],\"birthDate\":"
	                    "[\"1975-13\"]}}\n" P("p3", "Carl") "{oops\n");

	assert_int_equal(import(f, path, false, &st, &d), ENT_OK);
	assert_int_equal(st.read, 4);
	assert_int_equal(st.inserted, 2);
	assert_int_equal(st.rejected, 2);
	assert_int_equal(f->nrejects, 2);
	assert_int_equal(f->reject_lines[0], 2);
	assert_non_null(strstr(f->reject_msgs[0], "birthDate"));
	assert_int_equal(f->reject_lines[1], 4);
	/* the same file again changes nothing */
	assert_int_equal(import(f, path, false, &st, &d), ENT_OK);
	assert_int_equal(st.inserted, 0);
	assert_int_equal(st.unchanged, 2);
	free(path);
}

static void
strict_import_is_all_or_nothing(void **state)
{
	struct fx *f = *state;
	struct ent_import_stats st;
	struct ent_diag d = {{0}};
	struct ent_record *r = NULL;
	char *path = write_temp(f, "s.ftm", P("s1", "A") "{bad json\n");

	assert_int_equal(import(f, path, true, &st, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "--strict"));
	assert_int_equal(ent_svc_get(f->s, "s1", NULL, &r), ENT_ENOTFOUND);
	free(path);
}

static void
forward_references_resolve_and_dangling_ones_are_rejected(void **state)
{
	struct fx *f = *state;
	struct ent_import_stats st;
	struct ent_diag d = {{0}};
	struct ent_record *r = NULL;
	char *path = write_temp(f, "r.ftm",
	    "{\"id\":\"f1\",\"schema\":\"Family\",\"properties\":{\"person\":"
	    "[\"a\"],\"relative\":[\"b\"]}}\n" P("a", "A")
	        P("b", "B") "{\"id\":\"f2\",\"schema\":\"Family\","
	                    "\"properties\":{\"person\":"
	                    "[\"a\"],\"relative\":[\"ghost\"]}}\n");

	assert_int_equal(import(f, path, false, &st, &d), ENT_OK);
	assert_int_equal(st.inserted, 3);
	assert_int_equal(st.rejected, 1);
	assert_int_equal(f->reject_lines[0], 4);
	assert_non_null(strstr(f->reject_msgs[0], "ghost"));
	assert_int_equal(ent_svc_get(f->s, "f1", NULL, &r), ENT_OK);
	ent_record_free(r);
	assert_int_equal(ent_svc_get(f->s, "f2", NULL, &r), ENT_ENOTFOUND);
	free(path);
}

static void
a_malformed_file_leaves_the_node_unchanged(void **state)
{
	struct fx *f = *state;
	struct ent_import_stats st;
	struct ent_diag d = {{0}};
	struct ent_record *r = NULL;
	char *path = write_temp(f, "e.ftm", "");

	assert_int_not_equal(import(f, path, false, &st, &d), ENT_OK);
	assert_non_null(strstr(d.msg, "empty"));
	free(path);
	path = write_temp(f, "x.txt", "just some words\n");
	assert_int_equal(import(f, path, false, &st, &d), ENT_EFORMAT);
	assert_non_null(strstr(d.msg, "unknown format"));
	assert_int_equal(
	    ent_svc_get(f->s, "anything", NULL, &r), ENT_ENOTFOUND);
	free(path);
}

struct collect {
	struct ent_buf out;
};

static int
collect(void *ctx, const struct ent_record *r)
{
	struct collect *c = ctx;

	ent_ftm_encode(r, 1, &c->out);
	ent_buf_addc(&c->out, '\n');
	return 0;
}

static void
export_import_export_is_byte_identical(void **state)
{
	struct fx *f = *state;
	struct ent_import_stats st;
	struct ent_diag d = {{0}};
	struct collect c1, c2;
	struct ent_node *n2 = NULL;
	struct ent_sess *s2 = NULL;
	struct ent_import_opts o = {0};
	char dir2[96], *path, *exp;

	path = write_temp(f, "in.ftm",
	    "{\"id\":\"z\",\"schema\":\"Person\",\"properties\":{\"name\":"
	    "[\"Zoë\",\"Зоя\"],\"birthDate\":[\"1980-02\"]}}\n" P("y", "Y"));
	assert_int_equal(import(f, path, false, &st, &d), ENT_OK);
	ent_buf_init(&c1.out, 1 << 20);
	ent_buf_init(&c2.out, 1 << 20);
	assert_int_equal(ent_svc_each(f->s, NULL, collect, &c1), ENT_OK);
	exp = write_temp(f, "exp.ftm", ent_buf_str(&c1.out));
	snprintf(dir2, sizeof(dir2), "%s/node2", f->dir);
	assert_int_equal(ent_node_create(dir2, "DE-BKA", &d), ENT_OK);
	assert_int_equal(ent_node_open(dir2, &n2, &d), ENT_OK);
	assert_int_equal(ent_sess_open(n2, &s2, &d), ENT_OK);
	assert_int_equal(ent_svc_import(s2, exp, &o, NULL, &st, &d), ENT_OK);
	assert_int_equal(ent_svc_each(s2, NULL, collect, &c2), ENT_OK);
	assert_string_equal(ent_buf_str(&c1.out), ent_buf_str(&c2.out));
	/* the owner travels with the record */
	assert_non_null(strstr(ent_buf_str(&c2.out), "\"agency\":\"PK-FIA\""));
	ent_sess_close(s2);
	ent_node_close(n2);
	ent_buf_fini(&c1.out);
	ent_buf_fini(&c2.out);
	free(path);
	free(exp);
}

static struct ent_record *
mk(const char *id, const char *schema)
{
	struct ent_record *r = NULL;

	assert_int_equal(ent_record_new(id, schema, &r, NULL), ENT_OK);
	return r;
}

static void
put_get_and_delete(void **state)
{
	struct fx *f = *state;
	struct ent_record *recs[3], *got = NULL;
	enum ent_put_result res[3];
	struct ent_diag d = {{0}};

	recs[0] = mk("o1", "Organization");
	ent_record_add(recs[0], "name", "Acme", NULL);
	recs[1] = mk("m1", "Person");
	ent_record_add(recs[1], "name", "Member", NULL);
	recs[2] = mk("ms1", "Membership");
	ent_record_add(recs[2], "member", "m1", NULL);
	ent_record_add(recs[2], "organization", "o1", NULL);
	assert_int_equal(ent_svc_put(f->s, recs, 3, NULL, res, &d), ENT_OK);
	assert_int_equal(res[0], ENT_PUT_INSERTED);
	assert_int_equal(ent_svc_get(f->s, "o1", NULL, &got), ENT_OK);
	assert_string_equal(got->meta.agency, "PK-FIA");
	assert_int_equal(got->meta.version, 1);
	ent_record_free(got);
	/* a batch with a dangling reference changes nothing */
	ent_record_add(recs[2], "organization", "nowhere", NULL);
	assert_int_equal(
	    ent_svc_put(f->s, &recs[2], 1, NULL, res, &d), ENT_EINVAL);
	assert_non_null(strstr(d.msg, "nowhere"));
	/* deleting the person takes its membership along */
	assert_int_equal(ent_svc_delete(f->s, "m1", NULL), ENT_OK);
	assert_int_equal(ent_svc_get(f->s, "ms1", NULL, &got), ENT_ENOTFOUND);
	assert_int_equal(ent_svc_delete(f->s, "m1", NULL), ENT_ENOTFOUND);
	ent_record_free(recs[0]);
	ent_record_free(recs[1]);
	ent_record_free(recs[2]);
}

static void
delete_refuses_when_a_record_depends_on_it(void **state)
{
	struct fx *f = *state;
	struct ent_record *recs[2], *got = NULL;
	struct ent_diag d = {{0}};

	recs[0] = mk("addr1", "Address");
	ent_record_add(recs[0], "full", "1 Main St", NULL);
	recs[1] = mk("p9", "Person");
	ent_record_add(recs[1], "name", "Nine", NULL);
	ent_record_add(recs[1], "addressEntity", "addr1", NULL);
	assert_int_equal(ent_svc_put(f->s, recs, 2, NULL, NULL, &d), ENT_OK);
	assert_int_equal(ent_svc_delete(f->s, "addr1", NULL), ENT_ECONFLICT);
	assert_int_equal(ent_svc_get(f->s, "addr1", NULL, &got), ENT_OK);
	ent_record_free(got);
	ent_record_free(recs[0]);
	ent_record_free(recs[1]);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(init_refuses_bad_agency_and_existing_node),
	    cmocka_unit_test(open_missing_node_says_how_to_create_one),
	    T(import_keeps_good_lines_and_reports_bad_ones),
	    T(strict_import_is_all_or_nothing),
	    T(forward_references_resolve_and_dangling_ones_are_rejected),
	    T(a_malformed_file_leaves_the_node_unchanged),
	    T(export_import_export_is_byte_identical),
	    T(put_get_and_delete),
	    T(delete_refuses_when_a_record_depends_on_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
