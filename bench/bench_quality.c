/* bench_quality.c - how well does screening find the right records?
 *
 * Usage: bench_quality [names|xlit|un|unlisted|all] [DATA_DIR]
 *
 * DATA_DIR defaults to $ENTENTE_SHARED_DATA or ../shared/data.  Every
 * part goes through the public API (ent_index_put / ent_index_screen with
 * default options unless said), the same path users run:
 *
 *   names     name_bench_cases.csv: every name2 is put in one index; each
 *             name1 is screened with its schema; the case's score is the
 *             name2 record's score (0 if not returned).  Accuracy,
 *             precision, recall, F1 at the default threshold and a sweep,
 *             next to yente logic-v2's frozen scores.
 *   xlit      Wikidata transliteration pairs: Hebrew and Korean full names
 *             screened against 20,000 English names of the same file
 *             (recall@1, false matches); Russian/Arabic/Chinese tokens
 *             compared pairwise, true pair vs a shuffled pair.
 *   un        UN consolidated list: each NAME_ORIGINAL_SCRIPT screened
 *             against the Latin names among N synthetic distractors
 *             (default 1,000,000; BENCH_DISTRACTORS=N to change).
 *   unlisted  10,000 generated persons not on the list: how many raise
 *             any match among the distractor watchlist.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ent_err.h"
#include "ent_match.h"
#include "ent_record.h"
#include "ent_text.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (b = malloc((size_t)n + 1)) != NULL) {
		if (fread(b, 1, (size_t)n, f) != (size_t)n) {
			free(b);
			b = NULL;
		} else {
			b[n] = '\0';
			if (len != NULL)
				*len = (size_t)n;
		}
	}
	fclose(f);
	return b;
}

/* Minimal RFC 4180 reader: fields of one record into f[], in place. */
static size_t
csv_row(char **p, char **f, size_t max)
{
	char *s = *p, *w;
	size_t n = 0;

	if (*s == '\0')
		return 0;
	for (;;) {
		w = s;
		if (n < max)
			f[n] = w;
		if (*s == '"') {
			s++;
			for (;;) {
				if (*s == '\0')
					break;
				if (*s == '"' && s[1] == '"') {
					*w++ = '"';
					s += 2;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					*w++ = *s++;
				}
			}
			while (*s != ',' && *s != '\n' && *s != '\0')
				s++;
		} else {
			while (
			    *s != ',' && *s != '\n' && *s != '\0' && *s != '\r')
				*w++ = *s++;
		}
		n++;
		if (*s == '\r')
			s++;
		if (*s == ',') {
			*w = '\0';
			s++;
			continue;
		}
		if (*s == '\n')
			s++;
		*w = '\0';
		break;
	}
	*p = s;
	return n;
}

static struct ent_record *
mkrec(const char *id, const char *schema, const char *name)
{
	struct ent_record *r = NULL;

	if (ent_record_new(id, schema, &r, NULL) != ENT_OK)
		return NULL;
	if (ent_record_add(r, "name", name, NULL) != ENT_OK) {
		ent_record_free(r);
		return NULL;
	}
	return r;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- names ---------------------------------------------------------- */

struct ncase {
	char *schema, *n1, *n2, *group;
	bool truth;
	double score;
	double yente; /* -1 if no frozen score */
};

static void
report(
    const char *label, const struct ncase *c, size_t n, double thr, bool yente)
{
	size_t tp = 0, fp = 0, tn = 0, fn = 0, i;
	double p, r;

	for (i = 0; i < n; i++) {
		double s = yente ? c[i].yente : c[i].score;
		bool pred;

		if (yente && s < 0)
			continue;
		pred = s >= thr;
		if (pred && c[i].truth)
			tp++;
		else if (pred)
			fp++;
		else if (c[i].truth)
			fn++;
		else
			tn++;
	}
	p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	printf("%-28s thr %.2f  n %4zu  acc %.3f  P %.3f  R %.3f  F1 %.3f  "
	       "(tp %zu fp %zu tn %zu fn %zu)\n",
	    label, thr, tp + fp + tn + fn,
	    (double)(tp + tn) / (double)(tp + fp + tn + fn), p, r,
	    p + r > 0 ? 2 * p * r / (p + r) : 0, tp, fp, tn, fn);
}

static int
bench_names(const char *dir)
{
	char path[4096], *buf, *ybuf, *p, *f[16];
	struct ncase *c = NULL;
	size_t n = 0, cap = 0, i, j, nf;
	struct ent_index *ix = NULL;
	double thr;
	bool verbose = getenv("BENCH_VERBOSE") != NULL;

	snprintf(path, sizeof(path),
	    "%s/name_variants/opensanctions_nomenklatura/name_bench_cases.csv",
	    dir);
	if ((buf = slurp(path, NULL)) == NULL) {
		fprintf(stderr, "names: cannot read %s\n", path);
		return 1;
	}
	p = buf;
	csv_row(&p, f, 16); /* header */
	while ((nf = csv_row(&p, f, 16)) > 0) {
		if (nf < 5)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			c = realloc(c, cap * sizeof(*c));
		}
		c[n].group = f[0];
		c[n].schema = f[1];
		c[n].n1 = f[2];
		c[n].n2 = f[3];
		c[n].truth = strcmp(f[4], "true") == 0;
		c[n].score = 0;
		c[n].yente = -1;
		n++;
	}
	/* yente frozen scores, matched on (name1, name2, schema) */
	snprintf(path, sizeof(path),
	    "%s/name_variants/opensanctions_nomenklatura/"
	    "name_bench_logicv2_frozen_scores.csv",
	    dir);
	if ((ybuf = slurp(path, NULL)) != NULL) {
		p = ybuf;
		csv_row(&p, f, 16);
		while ((nf = csv_row(&p, f, 16)) > 0) {
			if (nf < 10)
				continue;
			for (i = 0; i < n; i++)
				if (c[i].yente < 0 &&
				    strcmp(c[i].schema, f[2]) == 0 &&
				    strcmp(c[i].n1, f[3]) == 0 &&
				    strcmp(c[i].n2, f[4]) == 0) {
					c[i].yente = strtod(f[9], NULL);
					break;
				}
		}
	}
	ent_index_new(&ix);
	for (i = 0; i < n; i++) {
		char id[32];
		struct ent_record *r;

		snprintf(id, sizeof(id), "c%zu", i);
		if ((r = mkrec(id, c[i].schema, c[i].n2)) == NULL) {
			fprintf(stderr, "names: bad record %s\n", c[i].n2);
			continue;
		}
		ent_index_put(ix, r);
		ent_record_free(r);
	}
	for (i = 0; i < n; i++) {
		const char *names[1] = {c[i].n1};
		struct ent_query q = {
		    .schema = c[i].schema, .names = names, .nnames = 1};
		struct ent_screen_opts o = {.limit = 500, .all = true};
		struct ent_hits *h = NULL;
		char id[32];

		snprintf(id, sizeof(id), "c%zu", i);
		if (ent_index_screen(ix, &q, &o, &h) != ENT_OK)
			continue;
		for (j = 0; j < h->n; j++)
			if (strcmp(h->hits[j].id, id) == 0) {
				c[i].score = h->hits[j].score;
				break;
			}
		ent_hits_free(h);
	}
	printf("== name_bench_cases.csv: %zu cases (index of every name2; "
	       "name1 screened)\n",
	    n);
	report("entente (default)", c, n, ENT_SCREEN_THRESHOLD_DEFAULT, false);
	for (thr = 0.50; thr < 0.951; thr += 0.05)
		report("entente sweep", c, n, thr, false);
	report("yente logic-v2 frozen", c, n, 0.70, true);
	{
		/* same subset as yente's frozen file */
		struct ncase *s = malloc(n * sizeof(*s));
		size_t k = 0;

		for (i = 0; i < n; i++)
			if (c[i].yente >= 0)
				s[k++] = c[i];
		report("entente on yente subset", s, k,
		    ENT_SCREEN_THRESHOLD_DEFAULT, false);
		free(s);
	}
	if (verbose)
		for (i = 0; i < n; i++) {
			bool pred = c[i].score >= ENT_SCREEN_THRESHOLD_DEFAULT;

			if (pred != c[i].truth)
				printf("%s %.3f y=%.3f %s | %s | %s | %s\n",
				    pred ? "FP" : "FN", c[i].score, c[i].yente,
				    c[i].group, c[i].schema, c[i].n1, c[i].n2);
		}
	ent_index_free(ix);
	free(c);
	free(buf);
	free(ybuf);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "all";
	const char *dir = argc > 2 ? argv[2] : getenv("ENTENTE_SHARED_DATA");
	int rc = 0;

	if (dir == NULL)
		dir = "../shared/data";
	if (ent_text_init() != ENT_OK) {
		fprintf(stderr, "ICU initialisation failed\n");
		return 1;
	}
	if (!strcmp(what, "names") || !strcmp(what, "all"))
		rc |= bench_names(dir);
	ent_text_cleanup();
	return rc;
}
