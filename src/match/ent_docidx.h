/* ent_docidx.h - find listed travel documents by number and country.
 *
 * An in-memory hash index from document number to record handles, built for
 * border screening: tens of millions of lost, stolen and wanted-person
 * documents, and a lookup per scanned passport.  One lookup answers, in one
 * probe sequence, every indexed document whose number equals the query
 * exactly or after OCR folding (ent_docnum.h), in any country, and says for
 * each how it matched.
 *
 * Records are referred to by uint32_t handles that the caller assigns and
 * owns (the screening engine keeps the record table and maps handles to
 * records); the index never interprets them.  One record may have several
 * documents, and one document number may belong to several records.
 *
 * Concurrency: lookups only read, so any number of threads may call
 * ent_docidx_lookup() at the same time.  ent_docidx_add(), _remove() and
 * _reserve() change the table and must be serialised by the caller, with no
 * lookup running meanwhile (e.g. a pthread_rwlock_t: lookups take it shared,
 * writes exclusive).  The index itself takes no lock.
 *
 * Memory: 24 bytes per slot; the table is kept 35-70% full (it doubles),
 * so 34-69 bytes per document (40 at 10M documents), plus numbers longer
 * than 13 characters in a side arena. */
#ifndef ENT_DOCIDX_H
#define ENT_DOCIDX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ent_docnum.h"

struct ent_docidx; /* opaque */

/* How a hit matched, best first.  Countries "agree" when both are known and
 * equal or when either side has none. */
enum ent_docidx_kind {
	ENT_DOCIDX_EXACT = 0, /* same normalised number, countries agree */
	ENT_DOCIDX_OCR = 1,   /* same only after OCR folding, countries agree */
	ENT_DOCIDX_COUNTRY_MISMATCH = 2 /* same number (exact or folded) but
	                                   both countries known and different */
};

struct ent_docidx_hit {
	uint32_t handle;
	enum ent_docidx_kind kind;
	bool number_exact; /* normalised numbers equal (also for MISMATCH) */
	bool country_same; /* both countries known and equal */
	char country[3];   /* the indexed document's country, "" if unknown */
	char number[ENT_DOCNUM_MAX + 1]; /* the indexed normalised number */
};

/* Create an empty index.  ENT_ENOMEM on failure. */
int ent_docidx_new(struct ent_docidx **out);
void ent_docidx_free(struct ent_docidx *ix); /* NULL-safe */

/* Make room for n documents in total, so a bulk load does not rehash.
 * ENT_ENOMEM, or ENT_ETOOBIG beyond 2^31 slots. */
int ent_docidx_reserve(struct ent_docidx *ix, size_t n);

/* Index document (country, number) for handle.  country is as
 * ent_docnum_country() accepts (NULL or "" when unknown); number is raw and
 * normalised here.  ENT_EINVAL for a bad number or country, ENT_EEXIST if
 * this handle already has this exact document, ENT_ENOMEM, ENT_ETOOBIG. */
int ent_docidx_add(struct ent_docidx *ix, const char *country,
    const char *number, uint32_t handle);

/* Remove what ent_docidx_add() added (same country, same normalised
 * number, same handle).  ENT_ENOTFOUND if absent, ENT_EINVAL as above. */
int ent_docidx_remove(struct ent_docidx *ix, const char *country,
    const char *number, uint32_t handle);

/* Documents indexed. */
size_t ent_docidx_size(const struct ent_docidx *ix);

/* Bytes allocated by the index. */
size_t ent_docidx_memory(const struct ent_docidx *ix);

/* Find the documents matching number, exactly or OCR-folded.  With a
 * country (as ent_docnum_country() accepts), documents of other countries
 * are still returned, as ENT_DOCIDX_COUNTRY_MISMATCH; without one (NULL or
 * ""), documents of every country are returned as EXACT or OCR.
 *
 * Up to cap hits are written to hits, best first (by kind, then exact
 * number, then same country); *nfound is set to the number of matches,
 * which may exceed cap (only the best cap are written).  Allocates nothing.
 * ENT_EINVAL for a bad number or country; then nothing is written. */
int ent_docidx_lookup(const struct ent_docidx *ix, const char *country,
    const char *number, struct ent_docidx_hit *hits, size_t cap,
    size_t *nfound);

#endif /* ENT_DOCIDX_H */
