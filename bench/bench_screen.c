/* bench_screen.c - screening speed on a large synthetic watchlist.
 *
 * Usage: bench_screen [N_RECORDS] [N_QUERIES]   (default 1000000 10000)
 *
 * Until bench/gen_watchlist exists this bench makes its own persons: names
 * of 2-4 syllables (given, optional middle, family), a birth date and a
 * nationality, from a fixed-seed xorshift generator.  Queries: half are
 * listed persons with one typo, half are unlisted persons (another seed).
 * Reports: build time (ent_index_put_many, 2 threads), single-query p50 /
 * p99 over the queries, batch queries/s with 1 and 2 threads
 * (ent_index_screen_many), how many unlisted persons raised a match, and
 * peak RSS.  Everything goes through the public API. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ent_err.h"
#include "ent_match.h"
#include "ent_record.h"
#include "ent_text.h"

static const char *const syl[] = {"ba", "ka", "ri", "mo", "sa", "ne", "to",
    "li", "ha", "de", "vi", "ro", "ma", "ni", "ta", "ko", "lu", "fe", "go",
    "zi", "an", "el", "or", "us", "in", "sha", "kha", "dra", "ber", "mar",
    "tin", "son", "vic", "nov", "ski", "lov", "ham", "med", "rah", "dul", "gar",
    "pet", "ran", "sel", "tor", "wen", "yal", "zor", "quin", "bel"};
#define NSYL (sizeof(syl) / sizeof(syl[0]))
static const char *const countries[] = {"us", "ru", "sa", "cn", "de", "fr",
    "mx", "ir", "pk", "ng", "br", "in", "gb", "ua", "sy", "af"};

static uint64_t
xs(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *s = x;
}

static void
word(uint64_t *s, char *out, size_t cap, int minsyl, int maxsyl)
{
	int n = minsyl + (int)(xs(s) % (uint64_t)(maxsyl - minsyl + 1)), i;
	size_t k = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		const char *y = syl[xs(s) % NSYL];
		size_t l = strlen(y);

		if (k + l + 1 >= cap)
			break;
		memcpy(out + k, y, l + 1);
		k += l;
	}
	out[0] = (char)(out[0] - 'a' + 'A');
}

struct person {
	char name[96];
	char dob[11];
	const char *nat;
};

static void
person(uint64_t *s, struct person *p)
{
	char g[32], m[32], f[32];

	word(s, g, sizeof(g), 2, 3);
	word(s, f, sizeof(f), 2, 4);
	if (xs(s) % 3 == 0) {
		word(s, m, sizeof(m), 2, 3);
		snprintf(p->name, sizeof(p->name), "%s %s %s", g, m, f);
	} else {
		snprintf(p->name, sizeof(p->name), "%s %s", g, f);
	}
	snprintf(p->dob, sizeof(p->dob), "%04d-%02d-%02d",
	    1940 + (int)(xs(s) % 65), 1 + (int)(xs(s) % 12),
	    1 + (int)(xs(s) % 28));
	p->nat = countries[xs(s) % (sizeof(countries) / sizeof(countries[0]))];
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
	size_t nq = argc > 2 ? strtoul(argv[2], NULL, 10) : 10000;
	struct ent_record **recs = calloc(n, sizeof(*recs));
	struct person *qp = calloc(nq, sizeof(*qp));
	struct ent_query *qs = calloc(nq, sizeof(*qs));
	const char **qn = calloc(nq, sizeof(*qn));
	struct ent_hits **out = calloc(nq, sizeof(*out));
	double *lat = calloc(nq, sizeof(*lat));
	struct ent_index *ix;
	uint64_t seed = 0x9E3779B97F4A7C15ULL, useed = 0xD1B54A32D192ED03ULL;
	size_t i, put = 0, found = 0, listed = 0, alarms = 0, unlisted = 0;
	double t0, t1;
	struct rusage ru;
	unsigned th;

	if (recs == NULL || qp == NULL || qs == NULL || qn == NULL ||
	    out == NULL || lat == NULL || ent_index_new(&ix) != ENT_OK)
		return 1;
	t0 = now();
	for (i = 0; i < n; i++) {
		struct person p;
		char id[32];

		person(&seed, &p);
		snprintf(id, sizeof(id), "p%zu", i);
		if (ent_record_new(id, "Person", &recs[i], NULL) != ENT_OK ||
		    ent_record_add(recs[i], "name", p.name, NULL) != ENT_OK ||
		    ent_record_add(recs[i], "birthDate", p.dob, NULL) !=
		        ENT_OK ||
		    ent_record_add(recs[i], "nationality", p.nat, NULL) !=
		        ENT_OK)
			return 1;
	}
	t1 = now();
	printf("generated %zu records in %.2f s\n", n, t1 - t0);
	t0 = now();
	if (ent_index_put_many(ix, (const struct ent_record *const *)recs, n, 2,
	        &put) != ENT_OK)
		return 1;
	t1 = now();
	printf("build: %zu records in %.2f s (ent_index_put_many, 2 threads)"
	       "\n",
	    put, t1 - t0);
	/* queries: even = a listed person with a typo, odd = unlisted */
	for (i = 0; i < nq; i++) {
		if (i % 2 == 0) {
			size_t k = xs(&seed) % n;
			const char *nm = ent_record_first(recs[k], "name");
			size_t l = strlen(nm), pos = 1 + xs(&seed) % (l - 2);

			snprintf(qp[i].name, sizeof(qp[i].name), "%s", nm);
			if (qp[i].name[pos] != ' ')
				qp[i].name[pos] = (char)('a' + xs(&seed) % 26);
			snprintf(qp[i].dob, sizeof(qp[i].dob), "%s",
			    ent_record_first(recs[k], "birthDate"));
			qp[i].nat = NULL;
			lat[i] = (double)k; /* remember the target */
		} else {
			person(&useed, &qp[i]);
		}
		qn[i] = qp[i].name;
		qs[i].schema = "Person";
		qs[i].names = &qn[i];
		qs[i].nnames = 1;
		qs[i].birth_date = qp[i].dob;
	}
	for (i = 0; i < nq; i++) {
		struct ent_hits *h = NULL;
		double a = now(), target = lat[i];

		if (ent_index_screen(ix, &qs[i], NULL, &h) != ENT_OK)
			return 1;
		lat[i] = now() - a;
		if (i % 2 == 0) {
			char id[32];

			listed++;
			snprintf(id, sizeof(id), "p%zu", (size_t)target);
			if (h->n > 0 && strcmp(h->hits[0].id, id) == 0)
				found++;
		} else {
			unlisted++;
			if (h->n > 0)
				alarms++;
		}
		ent_hits_free(h);
	}
	qsort(lat, nq, sizeof(*lat), dcmp);
	printf("single query: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%zu "
	       "queries)\n",
	    lat[nq / 2] * 1e3, lat[nq * 99 / 100] * 1e3, lat[nq - 1] * 1e3, nq);
	printf(
	    "listed with one typo found at rank 1: %zu / %zu\n", found, listed);
	printf("unlisted persons raising a match: %zu / %zu (%.2f %%; "
	       "synthetic names collide more than real ones)\n",
	    alarms, unlisted, 100.0 * (double)alarms / (double)unlisted);
	for (th = 1; th <= 2; th++) {
		t0 = now();
		if (ent_index_screen_many(ix, qs, nq, NULL, th, out, NULL) !=
		    ENT_OK)
			return 1;
		t1 = now();
		printf("batch: %u thread(s): %.0f queries/s\n", th,
		    (double)nq / (t1 - t0));
		for (i = 0; i < nq; i++)
			ent_hits_free(out[i]);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("peak RSS: %.0f MB (records as ent_record plus the index)\n",
	    (double)ru.ru_maxrss / 1024.0);
	for (i = 0; i < n; i++)
		ent_record_free(recs[i]);
	ent_index_free(ix);
	free(recs);
	free(qp);
	free(qs);
	free(qn);
	free(out);
	free(lat);
	ent_text_cleanup();
	return 0;
}
