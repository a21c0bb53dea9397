/* ent_docidx.c - open-addressing hash index of document numbers.
 *
 * The index answers "which listed documents have this number, exactly or
 * up to OCR confusion, in which country".  It does not know records, names
 * or scores: the screening engine maps handles to records and weighs hits.
 *
 * Layout.  One array of 24-byte slots, linear probing, at most 70% full.
 * A slot is keyed by the hash of the *folded* number only, so every number
 * that folds alike (and every country) sits in one probe run.  The 32-bit
 * hash is kept in the slot (tag); its top bits choose the home slot, so
 * growing never re-reads the numbers, and the full tag filters almost all
 * non-matches.  Numbers of up to 13 characters (all ICAO passport numbers)
 * are stored in the slot itself: a lookup is then one cache miss on the
 * table and nothing else, which matters because with 10M documents every
 * lookup is a random access to a 400 MB table.  Longer numbers go to a
 * character arena and the slot keeps their offset.
 *
 * Deletion shifts later entries of the run back (no tombstones), so the
 * "stop at the first empty slot" rule stays true and lookups do not slow
 * down as documents come and go.  Removed long numbers leave garbage in
 * the arena, which is compacted when it outweighs the live data. */
#include "ent_docidx.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "ent_err.h"

#define INLINE_MAX 13

struct slot {
	uint32_t tag;         /* hash of the folded number */
	uint32_t handle;      /* the caller's record handle */
	uint8_t len;          /* number length; 0 marks an empty slot */
	char cc[2];           /* alpha-2, lower case; cc[0] == 0 if unknown */
	char num[INLINE_MAX]; /* the normalised number if len <= INLINE_MAX,
	                         else a uint32_t arena offset */
};

/* Three slots share two cache lines; more would cost a line per lookup. */
_Static_assert(sizeof(struct slot) == 24, "slot layout");

struct ent_docidx {
	struct slot *slots;
	size_t cap;    /* a power of two */
	unsigned bits; /* cap == 1 << bits */
	size_t count;
	char *arena;
	size_t arena_len, arena_cap;
	size_t garbage; /* arena bytes of removed long numbers */
};

#define MIN_BITS 4
#define MAX_BITS 31
/* Grow past 7/10 full: linear probing's runs stay short up to there. */
#define FULL(cap) ((cap) / 10 * 7 + (cap) % 10 * 7 / 10)
#define ARENA_MAX ((size_t)UINT32_MAX)
/* Slot arrays from this size on are mapped directly and offered to the
 * kernel as huge pages: with 10M documents the table spans 256 MB, and
 * every lookup lands on a random page, so 4 kB pages cost a TLB miss on
 * top of the cache miss (measured: see docs/documents.md). */
#define MAP_MIN ((size_t)2 << 20)
/* Compact the arena once removed numbers exceed this and half of it. */
#define COMPACT_MIN ((size_t)64 << 10)

static struct slot *
slots_alloc(size_t cap)
{
	size_t bytes = cap * sizeof(struct slot);
	void *p;

	if (bytes < MAP_MIN)
		return calloc(cap, sizeof(struct slot));
	p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
#ifdef MADV_HUGEPAGE
	(void)madvise(p, bytes, MADV_HUGEPAGE); /* a hint; fine if refused */
#endif
	return p; /* mmap memory is zeroed: every slot empty */
}

static void
slots_free(struct slot *s, size_t cap)
{
	if (s == NULL)
		return;
	if (cap * sizeof(struct slot) < MAP_MIN)
		free(s);
	else
		munmap(s, cap * sizeof(struct slot));
}

/* FNV-1a over the folded bytes, then a 64-bit finaliser so that the top
 * bits (the home slot) depend on every byte. */
static uint32_t
hash_folded(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return (uint32_t)(h >> 32);
}

static size_t
home(const struct ent_docidx *ix, uint32_t tag)
{
	return (size_t)(tag >> (32 - ix->bits));
}

static uint32_t
slot_off(const struct slot *s)
{
	uint32_t off;

	memcpy(&off, s->num, sizeof(off));
	return off;
}

/* The stored normalised number of slot s (not NUL-terminated). */
static const char *
slot_num(const struct ent_docidx *ix, const struct slot *s)
{
	return s->len <= INLINE_MAX ? s->num : ix->arena + slot_off(s);
}

int
ent_docidx_new(struct ent_docidx **out)
{
	struct ent_docidx *ix;

	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		return ENT_ENOMEM;
	ix->bits = MIN_BITS;
	ix->cap = (size_t)1 << MIN_BITS;
	if ((ix->slots = slots_alloc(ix->cap)) == NULL) {
		free(ix);
		return ENT_ENOMEM;
	}
	*out = ix;
	return ENT_OK;
}

void
ent_docidx_free(struct ent_docidx *ix)
{
	if (ix == NULL)
		return;
	slots_free(ix->slots, ix->cap);
	free(ix->arena);
	free(ix);
}

size_t
ent_docidx_size(const struct ent_docidx *ix)
{
	return ix->count;
}

size_t
ent_docidx_memory(const struct ent_docidx *ix)
{
	return sizeof(*ix) + ix->cap * sizeof(*ix->slots) + ix->arena_cap;
}

/* Move every entry into a table of 1 << bits slots. */
static int
rehash(struct ent_docidx *ix, unsigned bits)
{
	struct ent_docidx n = *ix;
	size_t i, j;

	n.bits = bits;
	n.cap = (size_t)1 << bits;
	if ((n.slots = slots_alloc(n.cap)) == NULL)
		return ENT_ENOMEM;
	for (i = 0; i < ix->cap; i++) {
		if (ix->slots[i].len == 0)
			continue;
		for (j = home(&n, ix->slots[i].tag); n.slots[j].len != 0;
		     j = (j + 1) & (n.cap - 1))
			;
		n.slots[j] = ix->slots[i];
	}
	slots_free(ix->slots, ix->cap);
	*ix = n;
	return ENT_OK;
}

static unsigned
bits_for(size_t n)
{
	unsigned b = MIN_BITS;

	while (b < MAX_BITS && FULL((size_t)1 << b) < n)
		b++;
	return b;
}

int
ent_docidx_reserve(struct ent_docidx *ix, size_t n)
{
	unsigned b = bits_for(n);

	if (FULL((size_t)1 << b) < n)
		return ENT_ETOOBIG;
	return b > ix->bits ? rehash(ix, b) : ENT_OK;
}

/* Copy the live numbers into a fresh arena, dropping removed ones. */
static int
compact(struct ent_docidx *ix)
{
	size_t i, len = 0, cap = ix->arena_len - ix->garbage;
	char *a;

	if ((a = malloc(cap > 0 ? cap : 1)) == NULL)
		return ENT_ENOMEM;
	for (i = 0; i < ix->cap; i++) {
		struct slot *s = &ix->slots[i];
		uint32_t off = (uint32_t)len;

		if (s->len <= INLINE_MAX)
			continue; /* empty, or stored inline */
		memcpy(a + len, ix->arena + slot_off(s), s->len);
		memcpy(s->num, &off, sizeof(off));
		len += s->len;
	}
	free(ix->arena);
	ix->arena = a;
	ix->arena_len = len;
	ix->arena_cap = cap > 0 ? cap : 1;
	ix->garbage = 0;
	return ENT_OK;
}

static int
arena_add(struct ent_docidx *ix, const char *s, size_t n, uint32_t *off)
{
	size_t cap;
	char *a;

	if (ix->arena_len + n > ix->arena_cap) {
		if (ix->arena_len + n > ARENA_MAX)
			return ENT_ETOOBIG;
		cap = ix->arena_cap < 4096 ? 4096 : ix->arena_cap * 2;
		while (cap < ix->arena_len + n)
			cap *= 2;
		if (cap > ARENA_MAX)
			cap = ARENA_MAX;
		if ((a = realloc(ix->arena, cap)) == NULL)
			return ENT_ENOMEM;
		ix->arena = a;
		ix->arena_cap = cap;
	}
	memcpy(ix->arena + ix->arena_len, s, n);
	*off = (uint32_t)ix->arena_len;
	ix->arena_len += n;
	return ENT_OK;
}

/* A query, normalised once for the whole probe run. */
struct key {
	char num[ENT_DOCNUM_MAX + 1];
	char fold[ENT_DOCNUM_MAX + 1];
	size_t len;
	char cc[3];
	uint32_t tag;
};

static int
make_key(const char *country, const char *number, struct key *k)
{
	size_t i;
	int rc;

	if ((rc = ent_docnum_country(country, k->cc)) != ENT_OK)
		return rc;
	if ((rc = ent_docnum_normalize(number, k->num, sizeof(k->num))) !=
	    ENT_OK)
		return rc;
	k->len = strlen(k->num);
	for (i = 0; i <= k->len; i++)
		k->fold[i] = ent_docnum_fold_char(k->num[i]);
	k->tag = hash_folded(k->fold, k->len);
	return ENT_OK;
}

static bool
same_fold(const char *stored, const char *fold, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ent_docnum_fold_char(stored[i]) != fold[i])
			return false;
	return true;
}

/* Is slot s exactly document k (same number and country)? */
static bool
same_doc(const struct ent_docidx *ix, const struct slot *s, const struct key *k)
{
	return s->tag == k->tag && s->len == k->len && s->cc[0] == k->cc[0] &&
	       (k->cc[0] == '\0' || s->cc[1] == k->cc[1]) &&
	       memcmp(slot_num(ix, s), k->num, k->len) == 0;
}

int
ent_docidx_add(struct ent_docidx *ix, const char *country, const char *number,
    uint32_t handle)
{
	struct key k;
	struct slot *s;
	size_t i, mask;
	uint32_t off;
	int rc;

	if ((rc = make_key(country, number, &k)) != ENT_OK)
		return rc;
	mask = ix->cap - 1;
	for (i = home(ix, k.tag); ix->slots[i].len != 0; i = (i + 1) & mask)
		if (ix->slots[i].handle == handle &&
		    same_doc(ix, &ix->slots[i], &k))
			return ENT_EEXIST;
	if (ix->count + 1 > FULL(ix->cap)) {
		if (ix->bits == MAX_BITS)
			return ENT_ETOOBIG;
		if ((rc = rehash(ix, ix->bits + 1)) != ENT_OK)
			return rc;
		mask = ix->cap - 1;
		for (i = home(ix, k.tag); ix->slots[i].len != 0;
		     i = (i + 1) & mask)
			;
	}
	s = &ix->slots[i];
	if (k.len > INLINE_MAX) {
		if ((rc = arena_add(ix, k.num, k.len, &off)) != ENT_OK)
			return rc;
		memcpy(s->num, &off, sizeof(off));
	} else {
		memcpy(s->num, k.num, k.len);
	}
	s->tag = k.tag;
	s->handle = handle;
	s->len = (uint8_t)k.len;
	s->cc[0] = k.cc[0];
	s->cc[1] = k.cc[0] != '\0' ? k.cc[1] : '\0';
	ix->count++;
	return ENT_OK;
}

int
ent_docidx_remove(struct ent_docidx *ix, const char *country,
    const char *number, uint32_t handle)
{
	struct key k;
	size_t i, j, h, mask = ix->cap - 1;
	int rc;

	if ((rc = make_key(country, number, &k)) != ENT_OK)
		return rc;
	for (i = home(ix, k.tag); ix->slots[i].len != 0; i = (i + 1) & mask)
		if (ix->slots[i].handle == handle &&
		    same_doc(ix, &ix->slots[i], &k))
			break;
	if (ix->slots[i].len == 0)
		return ENT_ENOTFOUND;
	if (ix->slots[i].len > INLINE_MAX)
		ix->garbage += ix->slots[i].len;
	/* Backward-shift deletion: pull later entries of the run into the
	 * hole unless their home lies cyclically in (hole, j]. */
	for (j = (i + 1) & mask; ix->slots[j].len != 0; j = (j + 1) & mask) {
		h = home(ix, ix->slots[j].tag);
		if (i <= j ? (h <= i || h > j) : (h <= i && h > j)) {
			ix->slots[i] = ix->slots[j];
			i = j;
		}
	}
	memset(&ix->slots[i], 0, sizeof(ix->slots[i]));
	ix->count--;
	if (ix->garbage > COMPACT_MIN && ix->garbage > ix->arena_len / 2)
		(void)compact(ix); /* on ENOMEM keep the old arena: harmless */
	return ENT_OK;
}

static unsigned
rank(const struct ent_docidx_hit *h)
{
	return (unsigned)h->kind * 4 + (h->number_exact ? 0 : 2) +
	       (h->country_same ? 0 : 1);
}

/* Insert h into hits[0..*n) kept sorted by rank, at most cap long. */
static void
keep_best(struct ent_docidx_hit *hits, size_t cap, size_t *n,
    const struct ent_docidx_hit *h)
{
	size_t i;

	if (cap == 0)
		return;
	if (*n == cap) {
		if (rank(h) >= rank(&hits[cap - 1]))
			return;
		(*n)--;
	}
	for (i = *n; i > 0 && rank(&hits[i - 1]) > rank(h); i--)
		hits[i] = hits[i - 1];
	hits[i] = *h;
	(*n)++;
}

int
ent_docidx_lookup(const struct ent_docidx *ix, const char *country,
    const char *number, struct ent_docidx_hit *hits, size_t cap, size_t *nfound)
{
	const struct slot *s;
	struct ent_docidx_hit h;
	struct key k;
	size_t i, mask = ix->cap - 1, found = 0, kept = 0;
	const char *p;
	bool known;
	int rc;

	if ((rc = make_key(country, number, &k)) != ENT_OK)
		return rc;
	for (i = home(ix, k.tag); ix->slots[i].len != 0; i = (i + 1) & mask) {
		s = &ix->slots[i];
		if (s->tag != k.tag || s->len != k.len)
			continue;
		p = slot_num(ix, s);
		if (!same_fold(p, k.fold, k.len))
			continue;
		found++;
		h.handle = s->handle;
		h.number_exact = memcmp(p, k.num, k.len) == 0;
		known = k.cc[0] != '\0' && s->cc[0] != '\0';
		h.country_same =
		    known && s->cc[0] == k.cc[0] && s->cc[1] == k.cc[1];
		if (known && !h.country_same)
			h.kind = ENT_DOCIDX_COUNTRY_MISMATCH;
		else
			h.kind =
			    h.number_exact ? ENT_DOCIDX_EXACT : ENT_DOCIDX_OCR;
		h.country[0] = s->cc[0];
		h.country[1] = s->cc[1];
		h.country[2] = '\0';
		memcpy(h.number, p, s->len);
		h.number[s->len] = '\0';
		keep_best(hits, cap, &kept, &h);
	}
	*nfound = found;
	return ENT_OK;
}
