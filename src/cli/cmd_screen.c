/* cmd_screen.c - `entente screen`: one query from the command line, or a
 * passenger list (--batch) screened on several threads.
 *
 * The query is built here from options (or an MRZ) and handed to the
 * services; nothing about matching is decided in this file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "ent_country.h"
#include "ent_err.h"
#include "ent_mrz.h"
#include "ent_util.h"

#define MAX_NAMES 16
#define MAX_DOCS 8
#define BATCH_CHUNK 4096

struct screen_args {
	const char *dir, *batch, *out, *schema, *birth, *nat, *gender;
	const char *names[MAX_NAMES];
	size_t nnames;
	struct ent_doc_query docs[MAX_DOCS];
	char *docbuf[MAX_DOCS];
	size_t ndocs;
	struct ent_buf mrz;
	struct ent_screen_opts o;
	unsigned threads;
	bool json;
};

static const char usage[] =
    "usage: entente screen [-d DIR] --name NAME [--name NAME...] "
    "[--birth-date D]\n"
    "         [--nationality CC] [--gender G] [--document NUMBER[:CC]] "
    "[--mrz MRZ]\n"
    "         [--schema S] [--limit N] [--threshold T] [--json]\n"
    "       entente screen [-d DIR] --batch FILE [--out FILE] [--threads "
    "N]\n"
    "         [--limit N] [--threshold T]\n";

static int
parse_doc(struct screen_args *a, const char *arg)
{
	char *copy, *colon;

	if (a->ndocs == MAX_DOCS || (copy = ent_strdup(arg)) == NULL)
		return ENT_ETOOBIG;
	if ((colon = strrchr(copy, ':')) != NULL) {
		*colon = '\0';
		a->docs[a->ndocs].country = ent_country_from_name(colon + 1);
		if (a->docs[a->ndocs].country == NULL) {
			ent_cli_err("screen",
			    "--document: unknown country '%s'", colon + 1);
			free(copy);
			return ENT_EINVAL;
		}
	}
	if (*copy == '\0') {
		ent_cli_err("screen", "--document: empty number");
		free(copy);
		return ENT_EINVAL;
	}
	a->docs[a->ndocs].number = copy;
	a->docbuf[a->ndocs++] = copy;
	return ENT_OK;
}

static int
parse_args(int argc, char **argv, struct screen_args *a)
{
	static const struct option opts[] = {{"dir", required_argument, 0, 'd'},
	    {"name", required_argument, 0, 'n'},
	    {"birth-date", required_argument, 0, 'b'},
	    {"nationality", required_argument, 0, 'N'},
	    {"gender", required_argument, 0, 'g'},
	    {"document", required_argument, 0, 'D'},
	    {"mrz", required_argument, 0, 'm'},
	    {"schema", required_argument, 0, 's'},
	    {"limit", required_argument, 0, 'l'},
	    {"threshold", required_argument, 0, 't'},
	    {"json", no_argument, 0, 'j'}, {"batch", required_argument, 0, 'B'},
	    {"out", required_argument, 0, 'o'},
	    {"threads", required_argument, 0, 'T'},
	    {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int64_t v;
	char *end;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "d:n:b:N:g:D:m:s:l:t:jB:o:T:h",
	            opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			a->dir = optarg;
			break;
		case 'n':
			if (a->nnames == MAX_NAMES) {
				ent_cli_err(
				    "screen", "at most %d names", MAX_NAMES);
				return ENT_EXIT_USAGE;
			}
			a->names[a->nnames++] = optarg;
			break;
		case 'b':
			a->birth = optarg;
			break;
		case 'N':
			a->nat = optarg;
			break;
		case 'g':
			a->gender = optarg;
			break;
		case 'D':
			if (parse_doc(a, optarg) != ENT_OK)
				return ENT_EXIT_USAGE;
			break;
		case 'm':
			/* Each --mrz may be one line or all of them. */
			if (ent_buf_len(&a->mrz) > 0)
				ent_buf_addc(&a->mrz, '\n');
			if (ent_buf_adds(&a->mrz, optarg) != ENT_OK) {
				ent_cli_err("screen", "--mrz: too long");
				return ENT_EXIT_USAGE;
			}
			break;
		case 's':
			a->schema = optarg;
			break;
		case 'l':
			if (ent_parse_i64(optarg, 1, 500, &v) != ENT_OK) {
				ent_cli_err(
				    "screen", "--limit: expected 1-500");
				return ENT_EXIT_USAGE;
			}
			a->o.limit = (size_t)v;
			break;
		case 't':
			errno = 0;
			a->o.threshold = strtod(optarg, &end);
			if (errno != 0 || *end != '\0' || a->o.threshold <= 0 ||
			    a->o.threshold > 1) {
				ent_cli_err("screen",
				    "--threshold: expected a number in (0, 1]");
				return ENT_EXIT_USAGE;
			}
			break;
		case 'j':
			a->json = true;
			break;
		case 'B':
			a->batch = optarg;
			break;
		case 'o':
			a->out = optarg;
			break;
		case 'T':
			if (ent_parse_i64(optarg, 1, 64, &v) != ENT_OK) {
				ent_cli_err(
				    "screen", "--threads: expected 1-64");
				return ENT_EXIT_USAGE;
			}
			a->threads = (unsigned)v;
			break;
		case 'h':
			fputs(usage, stdout);
			return -1;
		default:
			return ENT_EXIT_USAGE;
		}
	}
	if (optind != argc) {
		ent_cli_err("screen", "unexpected argument '%s'", argv[optind]);
		return ENT_EXIT_USAGE;
	}
	return ENT_EXIT_OK;
}

/* Check the single-query options the way the batch reader checks rows. */
static int
check_single(struct screen_args *a, struct ent_query *q)
{
	struct ent_diag d = {{0}};
	const char *cc;

	if (a->nnames == 0 && a->ndocs == 0) {
		ent_cli_err(
		    "screen", "give --name, --document, --mrz or --batch");
		return ENT_EXIT_USAGE;
	}
	if (a->schema != NULL && ent_schema_get(a->schema) == NULL) {
		ent_cli_err(
		    "screen", "--schema: unknown schema '%s'", a->schema);
		return ENT_EXIT_USAGE;
	}
	if (a->birth != NULL && ent_date_check(a->birth, &d) != ENT_OK) {
		ent_cli_err("screen", "--birth-date: %s", d.msg);
		return ENT_EXIT_USAGE;
	}
	if (a->nat != NULL) {
		if ((cc = ent_country_from_name(a->nat)) == NULL) {
			ent_cli_err("screen",
			    "--nationality: unknown country '%s'", a->nat);
			return ENT_EXIT_USAGE;
		}
		a->nat = cc;
	}
	if (a->gender != NULL && strcmp(a->gender, "male") != 0 &&
	    strcmp(a->gender, "female") != 0 && strcmp(a->gender, "other")) {
		ent_cli_err(
		    "screen", "--gender: expected male, female or other");
		return ENT_EXIT_USAGE;
	}
	memset(q, 0, sizeof(*q));
	q->schema = a->schema;
	q->names = a->names;
	q->nnames = a->nnames;
	q->birth_date = a->birth;
	q->nationality = a->nat;
	q->gender = a->gender;
	q->docs = a->docs;
	q->ndocs = a->ndocs;
	return ENT_EXIT_OK;
}

/* Fold the holder's data from an MRZ into the options.  A failed check
 * digit is said loudly but does not stop the screening: an altered
 * document is exactly what an officer must not wave through. */
static int
apply_mrz(struct screen_args *a, struct ent_mrz *m, char *name, size_t len)
{
	struct ent_diag d = {{0}};

	if (ent_mrz_parse(ent_buf_str(&a->mrz), NULL, m, &d) != ENT_OK) {
		ent_cli_err("screen", "--mrz: %s", d.msg);
		return ENT_EXIT_USAGE;
	}
	if (ent_mrz_failures(m, &d) > 0)
		fprintf(stderr, "WARNING: MRZ %s: %s\n", m->format_name, d.msg);
	if (ent_mrz_full_name(m, name, len) == ENT_OK && *name != '\0' &&
	    a->nnames < MAX_NAMES)
		a->names[a->nnames++] = name;
	if (a->birth == NULL && m->birth_date[0] != '\0')
		a->birth = m->birth_date;
	if (a->nat == NULL && m->nationality_a2[0] != '\0')
		a->nat = m->nationality_a2;
	if (a->gender == NULL && (m->sex == 'M' || m->sex == 'F'))
		a->gender = m->sex == 'M' ? "male" : "female";
	if (m->number[0] != '\0' && a->ndocs < MAX_DOCS) {
		a->docs[a->ndocs].number = m->number;
		a->docs[a->ndocs].country =
		    m->issuer_a2[0] != '\0' ? m->issuer_a2 : NULL;
		a->ndocs++;
	}
	return ENT_EXIT_OK;
}

static void
print_text(const struct ent_hits *h, const struct ent_screen_opts *o)
{
	double thr =
	    o->threshold > 0 ? o->threshold : ENT_SCREEN_THRESHOLD_DEFAULT;
	size_t i, j;

	if (h->n == 0) {
		printf("NO HIT: no record scored at or above %.2f.\n", thr);
		return;
	}
	for (i = 0; i < h->n; i++) {
		const struct ent_hit *x = &h->hits[i];

		printf("%zu. %.2f %-8s %s  [%s, %s]  id %s\n", i + 1, x->score,
		    x->match ? "MATCH" : "possible", x->caption, x->schema,
		    x->agency != NULL ? x->agency : "?", x->id);
		for (j = 0; j < x->nfeatures; j++)
			printf("     %+.2f %-22s %s\n", x->features[j].score,
			    x->features[j].name,
			    x->features[j].detail != NULL
			        ? x->features[j].detail
			        : "");
	}
}

static int
run_single(struct screen_args *a, struct ent_sess *s)
{
	struct ent_diag d = {{0}};
	struct ent_hits *h = NULL;
	struct ent_query q;
	struct ent_buf b;
	int r, status;

	if ((status = check_single(a, &q)) != ENT_EXIT_OK)
		return status;
	if ((r = ent_svc_screen(
	         s, &q, &a->o, ent_cli_actor("screen"), &h, &d)) != ENT_OK) {
		ent_cli_err("screen", "%s", d.msg[0] ? d.msg : ent_strerror(r));
		return ent_cli_exit(r);
	}
	if (a->json) {
		ent_buf_init(&b, (size_t)64 << 20);
		ent_buf_adds(&b, "{\"results\":");
		ent_svc_hits_json(h, &b);
		ent_buf_adds(&b, "}");
		printf("%s\n", ent_buf_str(&b));
		ent_buf_fini(&b);
	} else {
		print_text(h, &a->o);
	}
	ent_hits_free(h);
	return ENT_EXIT_OK;
}

/* ---- batch ------------------------------------------------------------ */

/* One passenger kept across the chunk: the reader's strings are borrowed
 * only until its next call. */
struct row {
	char *id, *name, *schema, *birth, *nat, *gender, *docnum, *doccc;
	char *error; /* a bad row: the message, the rest unused */
	long line;
	struct ent_doc_query doc;
	const char *names[1];
};

static void
row_fini(struct row *r)
{
	free(r->id);
	free(r->name);
	free(r->schema);
	free(r->birth);
	free(r->nat);
	free(r->gender);
	free(r->docnum);
	free(r->doccc);
	free(r->error);
	memset(r, 0, sizeof(*r));
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? ent_strdup(s) : NULL;
}

static void
row_take(struct row *r, const struct ent_passenger *p, long line)
{
	r->line = line;
	r->id = dup_or_null(p->id);
	r->name = dup_or_null(p->name);
	r->schema = dup_or_null(p->schema);
	r->birth = dup_or_null(p->birth_date);
	r->nat = dup_or_null(p->nationality);
	r->gender = dup_or_null(p->gender);
	r->docnum = dup_or_null(p->document_number);
	r->doccc = dup_or_null(p->document_country);
}

static void
row_query(struct row *r, struct ent_query *q)
{
	memset(q, 0, sizeof(*q));
	r->names[0] = r->name;
	q->names = r->names;
	q->nnames = 1;
	q->schema = r->schema;
	q->birth_date = r->birth;
	q->nationality = r->nat;
	if (r->gender != NULL)
		q->gender =
		    (r->gender[0] == 'm' || r->gender[0] == 'M')   ? "male"
		    : (r->gender[0] == 'f' || r->gender[0] == 'F') ? "female"
		                                                   : "other";
	if (r->docnum != NULL) {
		r->doc.number = r->docnum;
		r->doc.country =
		    r->doccc != NULL ? ent_country_from_name(r->doccc) : NULL;
		q->docs = &r->doc;
		q->ndocs = 1;
	}
}

struct batch_run {
	struct screen_args *a;
	struct ent_sess *s;
	FILE *out;
	const char *name;
	struct row rows[BATCH_CHUNK];
	size_t n;
	long long done, hits, bad;
	bool tty;
};

static void
write_row(struct batch_run *br, struct row *r, struct ent_hits *h, int err,
    struct ent_buf *b)
{
	ent_buf_reset(b);
	ent_buf_adds(b, "{\"query_id\":");
	if (r->id != NULL)
		ent_json_str(b, r->id);
	else
		ent_buf_adds(b, "null");
	if (r->error != NULL || err != ENT_OK) {
		ent_buf_printf(b, ",\"line\":%ld,\"error\":", r->line);
		ent_json_str(
		    b, r->error != NULL ? r->error : ent_strerror(err));
	} else {
		ent_buf_adds(b, ",\"results\":");
		ent_svc_hits_json(h, b);
		if (h->n > 0)
			br->hits++;
	}
	ent_buf_adds(b, "}\n");
	fwrite(ent_buf_str(b), 1, ent_buf_len(b), br->out);
}

static int
flush_chunk(struct batch_run *br)
{
	struct ent_query q[BATCH_CHUNK];
	const char *ids[BATCH_CHUNK];
	struct ent_hits **hits = NULL;
	struct ent_diag d = {{0}};
	size_t i, nq = 0, map[BATCH_CHUNK];
	struct ent_buf b;
	int *err = NULL, r = ENT_OK;

	if (br->n == 0)
		return ENT_OK;
	hits = calloc(br->n, sizeof(*hits));
	err = calloc(br->n, sizeof(*err));
	if (hits == NULL || err == NULL) {
		r = ENT_ENOMEM;
		goto out;
	}
	for (i = 0; i < br->n; i++) {
		if (br->rows[i].error != NULL)
			continue;
		row_query(&br->rows[i], &q[nq]);
		ids[nq] = br->rows[i].id;
		map[nq++] = i;
	}
	{
		struct ent_hits *qh[BATCH_CHUNK];
		int qe[BATCH_CHUNK];

		r = ent_svc_screen_many(br->s, q, nq, &br->a->o,
		    br->a->threads != 0 ? br->a->threads : 2,
		    ent_cli_actor("screen --batch"), ids, qh, qe, &d);
		if (r != ENT_OK) {
			ent_cli_err(
			    "screen", "%s", d.msg[0] ? d.msg : ent_strerror(r));
			goto out;
		}
		for (i = 0; i < nq; i++) {
			hits[map[i]] = qh[i];
			err[map[i]] = qe[i];
		}
	}
	ent_buf_init(&b, (size_t)64 << 20);
	for (i = 0; i < br->n; i++)
		write_row(br, &br->rows[i], hits[i], err[i], &b);
	ent_buf_fini(&b);
	br->done += (long long)br->n;
	if (br->tty)
		fprintf(stderr, "\rscreened %lld rows, %lld with results",
		    br->done, br->hits);
out:
	for (i = 0; i < br->n; i++) {
		if (hits != NULL)
			ent_hits_free(hits[i]);
		row_fini(&br->rows[i]);
	}
	free(hits);
	free(err);
	br->n = 0;
	return r;
}

static int
run_batch(struct screen_args *a, struct ent_sess *s)
{
	struct ent_batch_reader *rd = NULL;
	struct ent_passenger p;
	struct batch_run *br;
	FILE *in = NULL;
	long line;
	int r, status = ENT_EXIT_OK;

	if ((br = calloc(1, sizeof(*br))) == NULL)
		return ENT_EXIT_FAIL;
	br->a = a;
	br->s = s;
	br->out = stdout;
	br->tty = isatty(STDERR_FILENO);
	in = strcmp(a->batch, "-") == 0 ? stdin : fopen(a->batch, "r");
	if (in == NULL) {
		ent_cli_err("screen", "%s: %s", a->batch, strerror(errno));
		status = ENT_EXIT_FAIL;
		goto out;
	}
	if (a->out != NULL && (br->out = fopen(a->out, "w")) == NULL) {
		ent_cli_err("screen", "%s: %s", a->out, strerror(errno));
		status = ENT_EXIT_FAIL;
		goto out;
	}
	{
		struct ent_diag d = {{0}};

		if ((r = ent_batch_open(in, a->batch, &rd, &d)) != ENT_OK) {
			ent_cli_err("screen", "%s", d.msg);
			status = ent_cli_exit(r);
			goto out;
		}
	}
	for (;;) {
		struct ent_diag d = {{0}};
		struct row *row = &br->rows[br->n];

		r = ent_batch_next(rd, &p, &line, &d);
		if (r == ENT_ENOTFOUND)
			break;
		if (r == ENT_EINVAL || r == ENT_ETOOBIG) {
			fprintf(stderr, "%s:%ld: %s\n", a->batch, line, d.msg);
			row->line = line;
			row->id = dup_or_null(p.id);
			row->error = ent_strdup(d.msg);
			br->bad++;
		} else if (r != ENT_OK) {
			ent_cli_err(
			    "screen", "%s:%ld: %s", a->batch, line, d.msg);
			status = ENT_EXIT_FAIL;
			break;
		} else {
			row_take(row, &p, line);
		}
		if (++br->n == BATCH_CHUNK && flush_chunk(br) != ENT_OK) {
			status = ENT_EXIT_FAIL;
			break;
		}
	}
	if (status == ENT_EXIT_OK && flush_chunk(br) != ENT_OK)
		status = ENT_EXIT_FAIL;
	if (br->tty)
		fputc('\n', stderr);
	fprintf(stderr,
	    "screened %lld rows: %lld with results, %lld bad rows\n",
	    br->done - br->bad, br->hits, br->bad);
	if (status == ENT_EXIT_OK && br->bad > 0)
		status = ENT_EXIT_FAIL;
out:
	ent_batch_close(rd);
	while (br->n > 0)
		row_fini(&br->rows[--br->n]);
	if (in != NULL && in != stdin)
		fclose(in);
	if (br->out != NULL && br->out != stdout && fclose(br->out) != 0)
		status = ENT_EXIT_FAIL;
	free(br);
	return status;
}

static int
screen_exec(int argc, char **argv)
{
	struct screen_args a;
	struct ent_node *n = NULL;
	struct ent_sess *s = NULL;
	struct ent_mrz mrz;
	char mrzname[128];
	size_t i;
	int status;

	memset(&a, 0, sizeof(a));
	ent_buf_init(&a.mrz, 1024);
	if ((status = parse_args(argc, argv, &a)) != ENT_EXIT_OK) {
		status = status < 0 ? ENT_EXIT_OK : status;
		goto out;
	}
	if (ent_buf_len(&a.mrz) > 0 && (status = apply_mrz(&a, &mrz, mrzname,
	                                    sizeof(mrzname))) != ENT_EXIT_OK)
		goto out;
	if (a.batch == NULL && a.nnames == 0 && a.ndocs == 0) {
		ent_cli_err(
		    "screen", "give --name, --document, --mrz or --batch");
		fputs(usage, stderr);
		status = ENT_EXIT_USAGE;
		goto out;
	}
	if ((status = ent_cli_open("screen", a.dir, &n, &s)) != ENT_EXIT_OK)
		goto out;
	status = a.batch != NULL ? run_batch(&a, s) : run_single(&a, s);
out:
	ent_cli_close(n, s);
	for (i = 0; i < a.ndocs; i++)
		free(a.docbuf[i]);
	ent_buf_fini(&a.mrz);
	return status;
}

const struct ent_cmd cmd_screen = {
    .name = "screen",
    .usage = "[-d DIR] --name NAME [...] | --batch FILE",
    .summary = "screen a name, document or MRZ, or a passenger list",
    .exec = screen_exec,
};
