/* ent_match.h - the screening index: is this person, organisation or
 * document on a watchlist?
 *
 * Records are put into an in-memory index; a query (names in any script,
 * optional birth date, nationality, gender, documents) returns the records
 * that are probably the same entity, best first, each with a score in
 * [0, 1] and the features that made it.  How names are compared, the
 * weights and the default threshold are in docs/screening.md; locking and
 * memory layout in docs/internals/match.md.
 *
 * Concurrency: an index holds a readers-writer lock.  Any number of
 * threads may call ent_index_screen() and ent_index_screen_many() while
 * one thread calls ent_index_put()/ent_index_remove(): screens see each
 * write entirely or not at all.  ent_index_free() must not race with
 * anything.  Callers need no locking of their own.
 *
 * Batch screening: ent_index_screen_many() runs its own worker threads
 * (the CLI's --batch calls it); callers may equally run their own threads
 * over ent_index_screen(). */
#ifndef ENT_MATCH_H
#define ENT_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "ent_record.h"

struct ent_index; /* opaque */

int ent_index_new(struct ent_index **out);
void ent_index_free(struct ent_index *ix); /* NULL-safe */

/* Add or replace the record with r->id (the index keeps its own copy of
 * what it needs; r stays the caller's).  Records without a name or
 * document (edges such as Family or Associate, addresses...) are accepted
 * and ignored: ENT_OK, not indexed.  ENT_EINVAL for a NULL record or a
 * name that is not UTF-8. */
int ent_index_put(struct ent_index *ix, const struct ent_record *r);
/* The same for n records, analysing them on nthreads threads (0 = 2):
 * the fast way to build a large index.  Stops at the first error and
 * returns it with *nput (optional) the number of records put. */
int ent_index_put_many(struct ent_index *ix,
    const struct ent_record *const *recs, size_t n, unsigned nthreads,
    size_t *nput);
int ent_index_remove(struct ent_index *ix, const char *id); /* ENT_ENOTFOUND */
size_t ent_index_size(const struct ent_index *ix); /* records indexed */

struct ent_doc_query {
	const char *number;  /* passport or ID number, any punctuation */
	const char *country; /* issuing country, alpha-2; may be NULL */
};

struct ent_query {
	const char *schema; /* NULL = any; "Person", "Organization"... (is-a) */
	const char *const *names;
	size_t nnames;
	const char *birth_date;  /* ISO, possibly partial; NULL */
	const char *nationality; /* alpha-2; NULL */
	const char *gender;      /* male/female/other; NULL */
	const struct ent_doc_query *docs;
	size_t ndocs;
};

struct ent_feature { /* one line of an explanation */
	const char
	    *name;    /* static: "name_exact", "name_phonetic",
	                 "name_fuzzy", "dob_exact", "dob_year",
	                 "dob_day_month_swapped", "dob_conflict",
	                 "nationality_match", "nationality_conflict",
	                 "gender_conflict", "document_match",
	                 "document_ocr_match", "document_country_conflict" */
	double score; /* contribution, may be negative */
	char *detail; /* human sentence, owned by the hit */
};

struct ent_hit {
	char *id;
	char *caption;
	char *schema;
	char *agency; /* NULL if the record has none */
	double score; /* 0..1 */
	bool match;   /* score >= threshold */
	struct ent_feature *features;
	size_t nfeatures;
};

struct ent_hits {
	struct ent_hit *hits;
	size_t n;
};

struct ent_screen_opts {
	double threshold; /* 0 = ENT_SCREEN_THRESHOLD_DEFAULT */
	size_t limit;     /* 0 = ENT_SCREEN_LIMIT_DEFAULT */
	bool all;         /* also return hits below the threshold */
};

/* Chosen on the labelled name pairs of name_bench_cases.csv, see
 * docs/screening.md: the best accuracy there, and recall kept high. */
#define ENT_SCREEN_THRESHOLD_DEFAULT 0.70
#define ENT_SCREEN_LIMIT_DEFAULT 10
#define ENT_SCREEN_LIMIT_MAX 500
/* Query bounds: beyond them ENT_ETOOBIG. */
#define ENT_QUERY_NAMES_MAX 32
#define ENT_QUERY_DOCS_MAX 16

/* Screen one query.  Hits are sorted by score, best first; unless o->all,
 * only hits with score >= threshold are returned (so an empty list means
 * "no match").  A query needs a name or a document: ENT_EINVAL otherwise,
 * and for invalid UTF-8 or dates.  *out only on ENT_OK; free it with
 * ent_hits_free().  Thread-safe. */
int ent_index_screen(const struct ent_index *ix, const struct ent_query *q,
    const struct ent_screen_opts *o, struct ent_hits **out);
void ent_hits_free(struct ent_hits *h); /* NULL-safe */

/* Screen n queries on nthreads threads (0 = 2).  out[i] receives query
 * i's hits, or NULL with rcs[i] (optional array of n) its error; returns
 * ENT_OK when every query was screened, else the first error.  The caller
 * frees each out[i]. */
int ent_index_screen_many(const struct ent_index *ix,
    const struct ent_query *qs, size_t n, const struct ent_screen_opts *o,
    unsigned nthreads, struct ent_hits **out, int *rcs);

/* Compare two names directly (no index, no rarity weights): the name
 * score screening would give, for tools and tests.  schema as in a query
 * (NULL = Person). */
int ent_name_score(
    const char *schema, const char *a, const char *b, double *out);

#endif /* ENT_MATCH_H */
