/* bench_docs.c - document index speed: build and lookups per second.
 *
 * Builds an ent_docidx of N synthetic travel documents (default 10,000,000;
 * seeded, in country-typical number formats), then runs M lookups (default
 * 10,000,000) with 1 and with 2 threads through the same
 * ent_docidx_lookup() the screening engine calls.  The query mix is
 *
 *   40%  a listed number with its country          -> must find it, EXACT
 *   10%  a listed number without a country         -> must find it, EXACT
 *   25%  a listed number with one OCR confusion    -> must find it, OCR
 *   25%  a number that was never listed            -> counts stray hits
 *
 * and it prints build time, lookups/s per thread count, misses (which must
 * be 0), the share of absent numbers that still hit something (numbers
 * that collide with listed ones, mostly under OCR folding or in another
 * country), index memory and peak RSS.
 *
 * Usage: bench_docs [-n docs] [-q lookups] [-s seed] [-t max_threads] */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "ent_docidx.h"
#include "ent_err.h"

/* Number formats by issuing country: '#' a digit, 'A' a letter, 'X' a
 * letter or digit, anything else itself.  Approximations of real formats,
 * enough to give the hash and the fold classes realistic input. */
static const struct {
	const char *cc, *fmt;
	unsigned weight;
} formats[] = {
    {"gb", "#########", 8},
    {"us", "A########", 8},
    {"fr", "##AA#####", 6},
    {"de", "CXXXXXXXX", 6},
    {"ru", "#########", 8},
    {"cn", "E########", 8},
    {"in", "A#######", 8},
    {"ir", "A########", 5},
    {"sy", "N########", 4},
    {"iq", "A########", 4},
    {"af", "P########", 3},
    {"pk", "AA#######", 5},
    {"tr", "U########", 4},
    {"ua", "AA######", 4},
    {"ng", "A########", 4},
    {"br", "AA######", 4},
    {"it", "AA#######", 4},
    {"es", "AAA######", 4},
    {"mx", "G########", 3},
    {"nl", "AAXXXXXX#", 3},
    {"", "XXXXXXXXX", 2},
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

static unsigned total_weight;

static uint64_t
splitmix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Document i of the synthetic list: the same for every run with a seed. */
static void
make_doc(uint64_t seed, uint64_t i, char cc[3], char num[24])
{
	static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	static const char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	uint64_t r = splitmix(seed ^ splitmix(i));
	unsigned w = (unsigned)(r % total_weight);
	const char *f;
	size_t k, j;

	for (k = 0; k + 1 < NFORMATS && w >= formats[k].weight; k++)
		w -= formats[k].weight;
	memcpy(cc, formats[k].cc, strlen(formats[k].cc) + 1);
	f = formats[k].fmt;
	for (j = 0; f[j] != '\0'; j++) {
		r = splitmix(r);
		num[j] = f[j] == '#'   ? (char)('0' + r % 10)
		         : f[j] == 'A' ? letters[r % 26]
		         : f[j] == 'X' ? alnum[r % 36]
		                       : f[j];
	}
	num[j] = '\0';
}

enum qtype { Q_PRESENT, Q_NO_COUNTRY, Q_OCR, Q_ABSENT, Q_NTYPES };
static const char *qnames[] = {"present, with country", "present, no country",
    "present, OCR-confused", "absent"};

struct query {
	char cc[3];
	char num[24];
	uint8_t type;
	uint32_t handle;
};

/* Replace one confusable character with its twin, as an OCR misread. */
static void
confuse_one(char *num, uint64_t r)
{
	static const char from[] = "0O1I5S8B2Z6G";
	static const char to[] = "O0I1S5B8Z2G6";
	size_t n = strlen(num), k, pos;
	const char *p;

	for (k = 0; k < n; k++) {
		pos = (size_t)((r + k) % n);
		if ((p = strchr(from, num[pos])) != NULL) {
			num[pos] = to[p - from];
			return;
		}
	}
}

struct worker {
	const struct ent_docidx *ix;
	const struct query *qs;
	size_t nq, from, to;
	size_t misses, stray, hits;
	double cpu; /* thread CPU seconds: robust when the machine is shared */
};

static void *
run(void *arg)
{
	struct worker *w = arg;
	struct ent_docidx_hit h[8];
	struct timespec c0, c1;
	size_t j, n, k;
	bool found;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
	for (j = w->from; j < w->to; j++) {
		const struct query *q = &w->qs[j % w->nq];

		if (ent_docidx_lookup(w->ix, q->cc, q->num, h, 8, &n) !=
		    ENT_OK) {
			w->misses++;
			continue;
		}
		w->hits += n;
		if (q->type == Q_ABSENT) {
			w->stray += n > 0;
			continue;
		}
		found = false;
		for (k = 0; k < n && k < 8; k++)
			found |= h[k].handle == q->handle;
		/* More than 8 equal hits would hide the handle: not a miss. */
		w->misses += !found && n <= 8;
	}
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
	w->cpu = (double)(c1.tv_sec - c0.tv_sec) +
	         (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
	return NULL;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
peak_rss_kb(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

static int
parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);

	if (end == s || *end != '\0' || v == 0)
		return -1;
	*out = (size_t)v;
	return 0;
}

int
main(int argc, char **argv)
{
	size_t ndocs = 10000000, nlookups = 10000000, maxthreads = 2, nq, i;
	size_t seed = 42, t, k, dup = 0, counts[Q_NTYPES] = {0};
	struct ent_docidx *ix = NULL;
	struct query *qs;
	char cc[3], num[24];
	double t0, build, wall;
	int c, rc;

	while ((c = getopt(argc, argv, "n:q:s:t:")) != -1) {
		size_t *dst = c == 'n'   ? &ndocs
		              : c == 'q' ? &nlookups
		              : c == 's' ? &seed
		              : c == 't' ? &maxthreads
		                         : NULL;

		if (dst == NULL || parse_size(optarg, dst) != 0) {
			fprintf(stderr,
			    "usage: %s [-n docs] [-q lookups] "
			    "[-s seed] [-t max_threads]\n",
			    argv[0]);
			return 2;
		}
	}
	for (k = 0; k < NFORMATS; k++)
		total_weight += formats[k].weight;
	if (ndocs > UINT32_MAX) {
		fprintf(stderr, "at most %u documents\n", UINT32_MAX);
		return 2;
	}

	if ((rc = ent_docidx_new(&ix)) != ENT_OK ||
	    (rc = ent_docidx_reserve(ix, ndocs)) != ENT_OK) {
		fprintf(stderr, "index: %s\n", ent_strerror(rc));
		return 1;
	}
	t0 = now();
	for (i = 0; i < ndocs; i++) {
		make_doc(seed, i, cc, num);
		rc = ent_docidx_add(ix, cc, num, (uint32_t)i);
		if (rc == ENT_EEXIST)
			dup++;
		else if (rc != ENT_OK) {
			fprintf(stderr, "add %s/%s: %s\n", cc, num,
			    ent_strerror(rc));
			return 1;
		}
	}
	build = now() - t0;
	printf("documents      %zu (seed %zu, %zu duplicates), build %.2f s "
	       "(%.0f docs/s), index %.0f MB\n",
	    ent_docidx_size(ix), seed, dup, build, (double)ndocs / build,
	    (double)ent_docidx_memory(ix) / 1048576.0);

	/* Queries: at most 4M distinct ones, cycled, to bound memory. */
	nq = nlookups < 4000000 ? nlookups : 4000000;
	if ((qs = calloc(nq, sizeof(*qs))) == NULL) {
		fprintf(stderr, "out of memory\n");
		return 1;
	}
	for (i = 0; i < nq; i++) {
		uint64_t r = splitmix(seed * 7919 + i);
		unsigned pct = (unsigned)(r % 100);
		uint64_t d = (r >> 8) % ndocs;

		qs[i].type = pct < 40   ? Q_PRESENT
		             : pct < 50 ? Q_NO_COUNTRY
		             : pct < 75 ? Q_OCR
		                        : Q_ABSENT;
		if (qs[i].type == Q_ABSENT)
			d = ndocs + (r >> 8); /* never added */
		make_doc(seed, d, qs[i].cc, qs[i].num);
		qs[i].handle = (uint32_t)d;
		if (qs[i].type == Q_NO_COUNTRY)
			qs[i].cc[0] = '\0';
		if (qs[i].type == Q_OCR)
			confuse_one(qs[i].num, r >> 32);
		counts[qs[i].type]++;
	}
	printf("queries        %zu distinct:", nq);
	for (k = 0; k < Q_NTYPES; k++)
		printf(" %s %.0f%%%s", qnames[k],
		    100.0 * (double)counts[k] / (double)nq,
		    k + 1 < Q_NTYPES ? "," : "\n");

	for (t = 1; t <= maxthreads; t++) {
		struct worker *w = calloc(t, sizeof(*w));
		pthread_t *th = calloc(t, sizeof(*th));
		size_t misses = 0, stray = 0, absent = 0, hits = 0;
		double cpu = 0;

		if (w == NULL || th == NULL) {
			fprintf(stderr, "out of memory\n");
			return 1;
		}
		for (k = 0; k < t; k++) {
			w[k].ix = ix;
			w[k].qs = qs;
			w[k].nq = nq;
			/* Each thread starts elsewhere in the query list. */
			w[k].from = nlookups / t * k;
			w[k].to =
			    k + 1 == t ? nlookups : nlookups / t * (k + 1);
		}
		t0 = now();
		for (k = 0; k < t; k++)
			if (pthread_create(&th[k], NULL, run, &w[k]) != 0) {
				fprintf(stderr, "pthread_create failed\n");
				return 1;
			}
		for (k = 0; k < t; k++)
			pthread_join(th[k], NULL);
		wall = now() - t0;
		for (k = 0; k < t; k++) {
			misses += w[k].misses;
			stray += w[k].stray;
			hits += w[k].hits;
			cpu += w[k].cpu;
		}
		for (i = 0; i < nlookups; i++)
			absent += qs[i % nq].type == Q_ABSENT;
		printf("threads %zu      %zu lookups in %.2f s: %.0f lookups/s "
		       "(%.0f per CPU-second); misses %zu; absent with a hit "
		       "%.3f%%; %.2f hits/lookup\n",
		    t, nlookups, wall, (double)nlookups / wall,
		    (double)nlookups / cpu, misses,
		    absent > 0 ? 100.0 * (double)stray / (double)absent : 0.0,
		    (double)hits / (double)nlookups);
		free(w);
		free(th);
	}
	printf("peak RSS       %.0f MB\n", (double)peak_rss_kb() / 1024.0);
	free(qs);
	ent_docidx_free(ix);
	return 0;
}
