/* ent_index.c - the screening index and the record scorer; see
 * ent_match.h, docs/screening.md and docs/internals/match.md.
 *
 * Layout: records live in a slot array (a replaced or removed record's
 * slot is marked dead and left behind: postings are append-only); an id
 * map finds a record's live slot; an open-addressing table maps 64-bit key
 * hashes to postings (slot numbers, ascending).  Keys per name token: the
 * exact word (E), its phonetic skeleton (S), a 4-letter prefix for typos
 * in long words (P), and the same for adjacent words joined; per document
 * the normalised number (D) and an OCR-folded form (O).
 *
 * A query looks up its keys, rarest first, adding each key's IDF to a
 * per-thread accumulator for every record it lists; the best-accumulated
 * records (a few hundred at most, never millions) are then scored in full. */
#include "ent_match.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent_buf.h"
#include "ent_err.h"
#include "ent_text.h"
#include "ent_util.h"
#include "match_int.h"

#define REC_NAMES_MAX 64
#define REC_DOCS_MAX 16
#define REC_DATES_MAX 8
#define REC_COUNTRIES_MAX 8
#define DOC_MAX 32
/* Full scoring is done for at most this many candidates (or 3 x limit):
 * scoring is two thirds of a query's time.  At 1M records 30 rather than
 * 40 kept every UN original-script find and 93.4 rather than 93.7 % of
 * varied listed names in the hits, cost 12 % less CPU per query, and
 * raised fewer false alarms (bench/README.md, "Screening speed"). */
#define CAND_MAX 30
/* Candidates tied with the last one kept by name evidence alone are kept
 * too, up to this many (in the order of cand_before), when the query
 * has evidence names cannot give (a birth date, a nationality, a
 * document): among 300 "Rahul Sharma"s the birth date, not the order of
 * the postings, must pick the one. */
#define CAND_TIES_MAX 400
/* A name written without vowels (Arabic, Hebrew) or in syllables (Han,
 * Hangul, Kana) matches the Latin record it stands for only by sound,
 * while records in its own script match it letter for letter and collect
 * more index weight: the Latin record would be cut before scoring.  So
 * such a query also scores, past the CAND_MAX best, this many of the
 * best records that have a name in letters (SID_LETTERS), which compete
 * only among themselves.  (Scoring 120 of all records instead found one
 * UN person fewer and made an Arabic-script query the slowest kind.) */
#define CAND_XSCRIPT_MORE 60
/* A key listing more records than this is only used when it is the only
 * evidence: it cannot tell candidates apart, only cost time. */
#define KEY_DF_SKIP 5000
/* ...except, for a query with an abjad word, this many postings of
 * common keys a Latin spelling can share (screen_locked) */
#define XSCRIPT_COMMON 12000
/* ...and past that, up to this many postings of the common keys left
 * add their weight to the records already found, without adding records:
 * among the thousand found by ZAHID, the one that is also MOHAMMAD
 * (23,000 postings) comes first (bench/README.md, eighth screening
 * round). */
#define XSCRIPT_BOOST 50000
/* How far ahead the postings loop prefetches accumulator cells: about as
 * many cycles as a miss to the last-level cache takes, so that several
 * are in flight (16 left the loop still waiting on its loads at 1M). */
#define ACC_PREFETCH 48
/* The same for the typo probes, whose iterations are longer. */
#define TYPO_PREFETCH 16

enum { G_NONE, G_MALE, G_FEMALE, G_OTHER };

/* sid: the low five bits are the schema (0 dead, SID_OTHER: look at the
 * record), bit 5 SID_LETTERS that the record has a name written in
 * letters, neither abjad nor syllables (see CAND_XSCRIPT_MORE), and the
 * top two bits the fewest words of any of its names (name_words), 1 to 4
 * or more, less one, which orders candidates of equal weight
 * (cand_before) */
#define SID_OTHER 31
#define SID_SCHEMA 0x1F
#define SID_LETTERS 0x20
#define SID_WORDS_SHIFT 6
#define SID_WORDS_MAX 4

struct mname {
	uint32_t tok0;
	uint8_t ntok;
	uint8_t weak; /* from weakAlias: worth a little less */
};

struct mdoc {
	char num[DOC_MAX + 1];
	char cc[3];
};

struct mrec {
	char *id;
	char *caption;
	char *agency;
	const struct ent_schema *schema;
	char *blob; /* token strings: s NUL sk NUL ... */
	struct stok *toks;
	struct mname *names;
	struct mdoc *docs;
	char (*dob)[11];
	char (*nat)[3];
	char *holder; /* Identification: whose document */
	uint32_t ntoks;
	uint8_t kind, gender, nnames, ndocs, ndob, nnat;
	bool dead;
};

/* What the birth-date cut reads of a record (score_record): its birth
 * date, nationality and gender in 8 bytes by slot, so that a candidate
 * the cut rules out costs one cache line, not the chain slot -> record ->
 * its dates and countries.  A record with more than one birth date or
 * nationality is flagged, and the cut then reads the record itself. */
struct qual {
	uint16_t y; /* the one birth date; y 0: none (or not a date) */
	uint8_t m, d;
	char nat[3]; /* the one nationality; "" none */
	uint8_t gf;  /* gender (G_*) | QUAL_DOBS | QUAL_NATS */
};

#define QUAL_GENDER 0x03
#define QUAL_DOBS 0x40 /* more than one birth date */
#define QUAL_NATS 0x80 /* more than one nationality */

static void qual_of(const struct mrec *m, struct qual *q);

struct kent {
	uint64_t key; /* 0 = empty */
	uint32_t *post;
	uint32_t n, cap;
};

struct ent_index {
	pthread_rwlock_t *lock; /* a pointer: screening takes it via const ix */
	struct pool *pool;   /* batch threads; a pointer for the same reason */
	struct spool *spool; /* query scratch and admission; the same */
	struct mrec **recs;  /* by slot */
	/* by slot, what candidate filtering reads, so that it touches one
	 * byte per candidate rather than a record: in SID_SCHEMA 0 dead,
	 * else 1 + index into schemas[] (SID_OTHER: look at the record);
	 * SID_LETTERS: the record has a name in letters; its words above
	 * SID_WORDS_SHIFT.  Each byte more per slot cost border queries
	 * about 9 % of their CPU, in an array of its own or as a second
	 * byte of sid: the random reads then miss a cache they fit. */
	uint8_t *sid;
	struct qual *qual; /* by slot */
	const struct ent_schema *schemas[SID_OTHER - 1];
	size_t nschemas;
	uint32_t nslots, capslots;
	size_t live;
	struct kent *keys;
	size_t nkeys, capkeys; /* capkeys: power of two */
	uint32_t *ids;         /* slot + 1; 0 empty; UINT32_MAX deleted */
	size_t nids, capids, usedids;
};

/* The query scratch pool and admission gate (below, with the queries). */
struct spool;
static struct spool *spool_new(void);
static void spool_free(struct spool *p);

/* ---- small helpers --------------------------------------------------- */

static enum mkind
kind_of(const struct ent_schema *s)
{
	if (ent_schema_is_a(s, "Person"))
		return MK_PERSON;
	if (ent_schema_is_a(s, "LegalEntity"))
		return MK_ORG;
	return MK_OTHER;
}

static uint8_t
gender_of(const char *g)
{
	if (g == NULL)
		return G_NONE;
	if (strcmp(g, "male") == 0 || strcmp(g, "m") == 0)
		return G_MALE;
	if (strcmp(g, "female") == 0 || strcmp(g, "f") == 0)
		return G_FEMALE;
	return G_OTHER;
}

/* Document number: upper-case letters and digits only.  OCR form: the
 * letters a scanner confuses with digits become those digits. */
static size_t
doc_norm(const char *s, char *out, bool ocr)
{
	static const char ocr_map[26] = {
	    ['B' - 'A'] = '8',
	    ['D' - 'A'] = '0',
	    ['G' - 'A'] = '6',
	    ['I' - 'A'] = '1',
	    ['L' - 'A'] = '1',
	    ['O' - 'A'] = '0',
	    ['Q' - 'A'] = '0',
	    ['S' - 'A'] = '5',
	    ['Z' - 'A'] = '2',
	};
	size_t k = 0;

	for (; *s != '\0' && k < DOC_MAX; s++) {
		char c = *s;

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c >= 'A' && c <= 'Z') {
			if (ocr && ocr_map[c - 'A'] != 0)
				c = ocr_map[c - 'A'];
		} else if (c < '0' || c > '9') {
			continue;
		}
		out[k++] = c;
	}
	out[k] = '\0';
	return k;
}

/* The key of a hash: never 0, which marks an empty slot of the key
 * table.  A word's exact key ('E') is the key of its token hash (ntok.h,
 * hash64 with seed 0), so that a token at hand gives its key without
 * hashing again: the rarity of every candidate word is looked up by it. */
static uint64_t
key_of(uint64_t h)
{
	return h != 0 ? h : 1;
}

static uint64_t
key_hash(char type, const char *s, size_t n)
{
	uint64_t seed =
	    type == 'E' ? 0 : (uint64_t)(unsigned char)type * 0x9E37ULL;

	return key_of(hash64(s, n, seed));
}

static float
rarity(uint32_t df)
{
	return (float)(1.0 / (1.0 + 0.5 * log10(1.0 + (double)df)));
}

/* ---- key table ------------------------------------------------------- */

static struct kent *
key_find(const struct ent_index *ix, uint64_t key)
{
	size_t m, i;

	if (ix->capkeys == 0)
		return NULL;
	m = ix->capkeys - 1;
	for (i = key & m;; i = (i + 1) & m) {
		if (ix->keys[i].key == key)
			return &ix->keys[i];
		if (ix->keys[i].key == 0)
			return NULL;
	}
}

static uint32_t
key_df(const struct ent_index *ix, uint64_t key)
{
	const struct kent *k = key_find(ix, key);

	return k != NULL ? k->n : 0;
}

static int
keys_grow(struct ent_index *ix)
{
	size_t ncap = ix->capkeys ? ix->capkeys * 2 : 1024, i, j, m = ncap - 1;
	struct kent *nk = calloc(ncap, sizeof(*nk));

	if (nk == NULL)
		return ENT_ENOMEM;
	for (i = 0; i < ix->capkeys; i++) {
		if (ix->keys[i].key == 0)
			continue;
		for (j = ix->keys[i].key & m; nk[j].key != 0; j = (j + 1) & m)
			;
		nk[j] = ix->keys[i];
	}
	free(ix->keys);
	ix->keys = nk;
	ix->capkeys = ncap;
	return ENT_OK;
}

static int
key_add(struct ent_index *ix, uint64_t key, uint32_t slot)
{
	struct kent *k;
	size_t m, i;

	if ((ix->nkeys + 1) * 2 > ix->capkeys && keys_grow(ix) != ENT_OK)
		return ENT_ENOMEM;
	m = ix->capkeys - 1;
	for (i = key & m; ix->keys[i].key != 0 && ix->keys[i].key != key;
	     i = (i + 1) & m)
		;
	k = &ix->keys[i];
	if (k->key == 0) {
		k->key = key;
		ix->nkeys++;
	}
	if (k->n > 0 && k->post[k->n - 1] == slot)
		return ENT_OK;
	if (k->n == k->cap) {
		uint32_t nc = k->cap ? k->cap * 2 : 2;
		uint32_t *np = realloc(k->post, nc * sizeof(*np));

		if (np == NULL)
			return ENT_ENOMEM;
		k->post = np;
		k->cap = nc;
	}
	k->post[k->n++] = slot;
	return ENT_OK;
}

/* ---- id map ---------------------------------------------------------- */

static size_t
id_probe(const struct ent_index *ix, const char *id, bool *found)
{
	size_t m = ix->capids - 1, i, tomb = SIZE_MAX;

	*found = false;
	for (i = hash64(id, strlen(id), 7) & m;; i = (i + 1) & m) {
		uint32_t v = ix->ids[i];

		if (v == 0)
			return tomb != SIZE_MAX ? tomb : i;
		if (v == UINT32_MAX) {
			if (tomb == SIZE_MAX)
				tomb = i;
			continue;
		}
		if (strcmp(ix->recs[v - 1]->id, id) == 0) {
			*found = true;
			return i;
		}
	}
}

static int
ids_grow(struct ent_index *ix)
{
	size_t ncap = ix->capids ? ix->capids * 2 : 1024, i;
	uint32_t *old = ix->ids;
	size_t oldcap = ix->capids;
	bool found;

	if ((ix->ids = calloc(ncap, sizeof(*ix->ids))) == NULL) {
		ix->ids = old;
		return ENT_ENOMEM;
	}
	ix->capids = ncap;
	ix->usedids = 0;
	for (i = 0; i < oldcap; i++) {
		if (old[i] == 0 || old[i] == UINT32_MAX)
			continue;
		ix->ids[id_probe(ix, ix->recs[old[i] - 1]->id, &found)] =
		    old[i];
		ix->usedids++;
	}
	free(old);
	return ENT_OK;
}

/* ---- records --------------------------------------------------------- */

static void
mrec_free(struct mrec *m)
{
	if (m == NULL)
		return;
	free(m->id);
	free(m->caption);
	free(m->agency);
	free(m->blob);
	free(m->toks);
	free(m->names);
	free(m->docs);
	free(m->dob);
	free(m->nat);
	free(m->holder);
	free(m);
}

static const char *const name_props[] = {
    "name", "alias", "previousName", "weakAlias"};
static const char *const person_parts[] = {
    "firstName", "secondName", "middleName", "fatherName", "lastName"};

static int
mrec_add_name(struct mrec *m, struct ent_buf *blob, size_t *capt,
    const struct nname *nm, bool weak)
{
	size_t i;

	if (nm->n == 0)
		return ENT_OK;
	/* The same analysed name twice ("name" is often firstName +
	 * lastName) scores the same: keep one, not weak if either is not. */
	for (i = 0; i < m->nnames; i++) {
		const struct mname *o = &m->names[i];
		size_t k;

		if (o->ntok != nm->n)
			continue;
		for (k = 0; k < nm->n; k++) {
			const struct stok *st = &m->toks[o->tok0 + k];
			const struct ntok *t = &nm->t[k];

			if (st->h != t->h || st->flags != t->flags ||
			    st->len != t->len || st->lclass != t->lclass ||
			    memcmp(ent_buf_str(blob) + st->off, t->s, t->len) !=
			        0)
				break;
		}
		if (k == nm->n) {
			if (!weak)
				m->names[i].weak = false;
			return ENT_OK;
		}
	}
	if (m->nnames >= REC_NAMES_MAX)
		return ENT_OK;
	if (m->ntoks + nm->n > *capt) {
		size_t nc = (*capt + nm->n) * 2;
		struct stok *nt = realloc(m->toks, nc * sizeof(*nt));

		if (nt == NULL)
			return ENT_ENOMEM;
		m->toks = nt;
		*capt = nc;
	}
	m->names[m->nnames].tok0 = m->ntoks;
	m->names[m->nnames].ntok = (uint8_t)nm->n;
	m->names[m->nnames].weak = weak;
	m->nnames++;
	for (i = 0; i < nm->n; i++) {
		struct stok *st = &m->toks[m->ntoks++];
		const struct ntok *t = &nm->t[i];

		st->h = t->h;
		st->off = (uint32_t)ent_buf_len(blob);
		st->len = t->len;
		st->sklen = t->sklen;
		st->flags = t->flags;
		st->lclass = t->lclass;
		if (ent_buf_add(blob, t->s, (size_t)t->len + 1) != ENT_OK ||
		    ent_buf_add(blob, t->sk, (size_t)t->sklen + 1) != ENT_OK)
			return ENT_ENOMEM;
		if (i + 1 < nm->n && name_mergeable(t, &nm->t[i + 1])) {
			char jsk[TOK_LEN_MAX + 1];
			size_t jl = name_join_skeleton(t, &nm->t[i + 1], jsk);

			if (ent_buf_add(blob, jsk, jl + 1) != ENT_OK)
				return ENT_ENOMEM;
		}
	}
	return ENT_OK;
}

static void *
shrink(void *p, size_t n, size_t size)
{
	void *q;

	if (n == 0) {
		free(p);
		return NULL;
	}
	q = realloc(p, n * size);
	return q != NULL ? q : p; /* a failed shrink keeps the larger block */
}

static void
mrec_shrink(struct mrec *m, size_t capt)
{
	m->names = shrink(m->names, m->nnames, sizeof(*m->names));
	m->docs = shrink(m->docs, m->ndocs, sizeof(*m->docs));
	m->nat = shrink(m->nat, m->nnat, sizeof(*m->nat));
	if (capt > m->ntoks)
		m->toks = shrink(m->toks, m->ntoks, sizeof(*m->toks));
}

/* Analyse a record into its index form.  *out NULL (and ENT_OK) when the
 * record has nothing to screen against. */
static int
mrec_build(const struct ent_record *r, struct mrec **out)
{
	struct mrec *m;
	struct ent_buf blob;
	struct nname nm;
	size_t capt = 0, i, k, n;
	char *const *v;
	const char *g;
	bool ident;
	int rc = ENT_ENOMEM;

	*out = NULL;
	if (r == NULL || r->schema == NULL || r->id == NULL)
		return ENT_EINVAL;
	if (r->schema->edge)
		return ENT_OK;
	ident = ent_schema_is_a(r->schema, "Identification");
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return ENT_ENOMEM;
	ent_buf_init(&blob, (size_t)1 << 30);
	m->schema = r->schema;
	m->kind = (uint8_t)kind_of(r->schema);
	if ((m->names = calloc(REC_NAMES_MAX, sizeof(*m->names))) == NULL)
		goto out;
	memset(&nm, 0, sizeof(nm));
	for (k = 0; k < sizeof(name_props) / sizeof(name_props[0]) && !ident;
	     k++) {
		v = ent_record_get(r, name_props[k], &n);
		for (i = 0; i < n; i++) {
			rc = name_analyze(v[i], (enum mkind)m->kind, &nm);
			if (rc == ENT_OK)
				rc =
				    mrec_add_name(m, &blob, &capt, &nm, k == 3);
			name_fini(&nm);
			if (rc == ENT_EINVAL)
				continue; /* one bad alias: keep the rest */
			if (rc != ENT_OK)
				goto out;
		}
	}
	if (m->kind == MK_PERSON) {
		/* first + middle + last as one more name */
		struct ent_buf full;

		ent_buf_init(&full, ENT_VALUE_MAX);
		for (k = 0; k < sizeof(person_parts) / sizeof(person_parts[0]);
		     k++) {
			const char *p = ent_record_first(r, person_parts[k]);

			if (p != NULL) {
				if (ent_buf_len(&full) > 0)
					ent_buf_addc(&full, ' ');
				ent_buf_adds(&full, p);
			}
		}
		if (ent_buf_len(&full) > 0) {
			rc = name_analyze(ent_buf_str(&full), MK_PERSON, &nm);
			if (rc == ENT_OK)
				rc = mrec_add_name(m, &blob, &capt, &nm, false);
			name_fini(&nm);
		}
		ent_buf_fini(&full);
		if (rc != ENT_OK && rc != ENT_EINVAL)
			goto out;
	}
	/* documents */
	rc = ENT_ENOMEM;
	if ((m->docs = calloc(REC_DOCS_MAX, sizeof(*m->docs))) == NULL)
		goto out;
	{
		static const char *const dprops[] = {
		    "passportNumber", "idNumber", "number"};
		const char *cc = ident ? ent_record_first(r, "country") : NULL;

		for (k = 0; k < 3; k++) {
			if (k == 2 && !ident)
				break;
			v = ent_record_get(r, dprops[k], &n);
			for (i = 0; i < n && m->ndocs < REC_DOCS_MAX; i++) {
				struct mdoc *d = &m->docs[m->ndocs];

				if (doc_norm(v[i], d->num, false) < 3)
					continue;
				if (cc != NULL && strlen(cc) == 2) {
					d->cc[0] = cc[0];
					d->cc[1] = cc[1];
				}
				m->ndocs++;
			}
		}
	}
	if (m->nnames == 0 && m->ndocs == 0) {
		rc = ENT_OK; /* nothing to screen against */
		goto out;
	}
	if (ident && (g = ent_record_first(r, "holder")) != NULL &&
	    (m->holder = ent_strdup(g)) == NULL)
		goto out;
	v = ent_record_get(r, "birthDate", &n);
	if (n > 0) {
		if ((m->dob = calloc(n < REC_DATES_MAX ? n : REC_DATES_MAX,
		         sizeof(*m->dob))) == NULL)
			goto out;
		for (i = 0; i < n && m->ndob < REC_DATES_MAX; i++)
			snprintf(m->dob[m->ndob++], sizeof(m->dob[0]), "%.10s",
			    v[i]);
	}
	{
		static const char *const cprops[] = {
		    "nationality", "citizenship", "country"};

		if ((m->nat = calloc(REC_COUNTRIES_MAX, sizeof(*m->nat))) ==
		    NULL)
			goto out;
		for (k = 0; k < 3; k++) {
			v = ent_record_get(r, cprops[k], &n);
			for (i = 0; i < n && m->nnat < REC_COUNTRIES_MAX; i++)
				if (strlen(v[i]) == 2)
					memcpy(m->nat[m->nnat++], v[i], 3);
		}
	}
	m->gender = gender_of(ent_record_first(r, "gender"));
	if ((m->id = ent_strdup(r->id)) == NULL ||
	    (m->caption = ent_strdup(ent_record_caption(r))) == NULL)
		goto out;
	if (r->meta.agency != NULL &&
	    (m->agency = ent_strdup(r->meta.agency)) == NULL)
		goto out;
	{
		size_t bl;

		if ((m->blob = ent_buf_steal(&blob, &bl)) == NULL)
			goto out;
		m->blob = shrink(m->blob, bl + 1, 1);
	}
	/* 1M records stay resident: give back the room built for the worst
	 * case (64 names, 16 documents per record) */
	mrec_shrink(m, capt);
	*out = m;
	m = NULL;
	rc = ENT_OK;
out:
	ent_buf_fini(&blob);
	mrec_free(m);
	return rc;
}

/* Rebuild an analysed name from its stored form, with its stored joins
 * in joins[] (NAME_TOK_MAX; NULL: without them). */
static void
mname_load(const struct mrec *m, const struct mname *mn, struct nname *nm,
    struct ntok *joins)
{
	size_t i;

	nm->n = mn->ntok;
	nm->folded = NULL;
	nm->joins = joins;
	for (i = 0; i < mn->ntok; i++) {
		const struct stok *st = &m->toks[mn->tok0 + i];
		struct ntok *t = &nm->t[i];

		memcpy(t->s, m->blob + st->off, (size_t)st->len + 1);
		memcpy(t->sk, m->blob + st->off + st->len + 1,
		    (size_t)st->sklen + 1);
		t->len = st->len;
		t->sklen = st->sklen;
		t->flags = st->flags;
		t->lclass = st->lclass;
		t->h = st->h;
		t->lm = tok_letters(t->s, t->len);
	}
	for (i = 0; joins != NULL && i + 1 < mn->ntok; i++) {
		const struct stok *st = &m->toks[mn->tok0 + i];
		const char *jsk;

		if (!name_mergeable(&nm->t[i], &nm->t[i + 1]))
			continue;
		jsk = m->blob + st->off + st->len + 1 + st->sklen + 1;
		name_join_load(
		    &nm->t[i], &nm->t[i + 1], jsk, strlen(jsk), &joins[i]);
	}
}

/* The most keys name_keys makes of one token: exact, skeleton, prefix,
 * joined with the next (exact and skeleton), a particle joined to it,
 * and the other readings of an abjad word (abjad_keys) or of a Latin
 * word with a j after a vowel (j_key, also for the joined pair). */
#define KEYS_PER_TOK 9

/* The words of an analysed name that say who it is: not titles, legal
 * forms or particles. */
static size_t
name_words(const struct nname *nm)
{
	size_t i, w = 0;

	for (i = 0; i < nm->n; i++)
		w += !(nm->t[i].flags & (TK_TITLE | TK_LEGAL | TK_WEAK));
	return w;
}

/* Append key to keys[n] and, when bound is not NULL, whether only a
 * record with a name in the query word's own script can have it: the
 * exact spelling of an abjad word (mhmd), which no Latin spelling has,
 * where its skeleton (MMT) is shared with Muhammad and Mohamed. */
static inline size_t
key_put(uint64_t *keys, uint8_t *bound, size_t n, uint64_t key, bool b)
{
	keys[n] = key;
	if (bound != NULL)
		bound[n] = b;
	return n + 1;
}

/* An abjad word folded to Latin letters has one reading where its Latin
 * spellings have several: ض ظ ذ fold to "dh", which Persian and Urdu
 * names spell z (Faiz, Fazal, Zakir); ث folds to "th", spelled s
 * (Sanaullah); ت and ص/س fold to "ts" where the Latin writes both (Intissar).
 * The skeleton key of each other reading, so that the candidates a Latin
 * spelling has are found (the comparison itself knows these letters).
 * Returns the new count; at most 3 keys. */
static size_t
abjad_keys(const struct ntok *t, uint64_t *keys, uint8_t *bound, size_t n)
{
	static const struct {
		const char *from, *to;
	} alt[] = {{"dh", "z"}, {"th", "s"}, {"ts", "tis"}};
	size_t a, i, l;

	for (a = 0; a < sizeof(alt) / sizeof(alt[0]); a++) {
		char v[2 * TOK_LEN_MAX + 2], sk[TOK_LEN_MAX + 1];
		size_t fl = strlen(alt[a].from), tl = strlen(alt[a].to), skl;
		bool hit = false;

		for (i = 0, l = 0; i < t->len && l + tl < TOK_LEN_MAX;) {
			if (i + fl <= t->len &&
			    memcmp(t->s + i, alt[a].from, fl) == 0) {
				memcpy(v + l, alt[a].to, tl);
				l += tl, i += fl, hit = true;
			} else {
				v[l++] = t->s[i++];
			}
		}
		if (!hit || i < t->len)
			continue;
		skl = name_skeleton2(v, l, sk, true);
		if (skl >= 2 && (skl != t->sklen || memcmp(sk, t->sk, skl)))
			n = key_put(
			    keys, bound, n, key_hash('S', sk, skl), false);
	}
	return n;
}

/* In a skeleton a j after a vowel is a glide (Sergej = Sergey, Maja =
 * Maya), but the Latin spellings of Arabic names write the consonant so
 * (Majid, Raja, Mujahid), where the Arabic script writes no vowel before
 * it: مجيد folds to mjid, MJT, and Majid's skeleton is MT.  A Latin word
 * with a j after a vowel also keys the reading with that j a consonant
 * (as in dj), so that the Arabic spelling finds it.  Returns the new
 * count; at most 1 key. */
static size_t
j_key(const char *s, size_t l, uint64_t *keys, uint8_t *bound, size_t n)
{
	char v[2 * TOK_LEN_MAX + 2], sk[TOK_LEN_MAX + 1];
	size_t i, k = 0, skl;
	bool hit = false;

	for (i = 0; i < l && k + 2 < sizeof(v); i++) {
		if (s[i] == 'j' && i > 0 && name_is_vowel(s[i - 1])) {
			v[k++] = 'd'; /* dj: a consonant wherever it stands */
			hit = true;
		}
		v[k++] = s[i];
	}
	if (!hit || i < l)
		return n;
	skl = name_skeleton(v, k, sk);
	return skl >= 2 ? key_put(keys, bound, n, key_hash('S', sk, skl), false)
	                : n;
}

/* The keys of one analysed name, appended to keys[] (up to max); with
 * bound not NULL, bound[i] says whether keys[i] is bound to the script
 * of its word (key_put). */
static size_t
name_keys(const struct nname *nm, uint64_t *keys, uint8_t *bound, size_t n,
    size_t max)
{
	size_t i;
	uint8_t skip = TK_TITLE | TK_LEGAL | TK_WEAK;

	/* a name of only particles and initials ("AT&T") keys them all */
	for (i = 0; i < nm->n; i++)
		if (!(nm->t[i].flags & (skip | TK_INITIAL)))
			break;
	if (i == nm->n)
		skip = TK_TITLE;
	for (i = 0; i < nm->n && n + KEYS_PER_TOK <= max; i++) {
		const struct ntok *t = &nm->t[i], *u;
		bool abjad = (t->flags & TK_ABJAD) != 0;

		/* particle joined to the next word: "al assad" = "alassad" */
		if ((t->flags & TK_WEAK) && i + 1 < nm->n &&
		    !(nm->t[i + 1].flags & (TK_TITLE | TK_LEGAL | TK_WEAK)) &&
		    (size_t)t->len + nm->t[i + 1].len <= TOK_LEN_MAX) {
			char s[2 * TOK_LEN_MAX + 2];

			memcpy(s, t->s, t->len);
			memcpy(s + t->len, nm->t[i + 1].s, nm->t[i + 1].len);
			n = key_put(keys, bound, n,
			    key_hash('E', s, (size_t)t->len + nm->t[i + 1].len),
			    abjad || (nm->t[i + 1].flags & TK_ABJAD));
		}
		if (t->flags & skip)
			continue;
		if (skip == TK_TITLE && (t->flags & TK_INITIAL)) {
			n = key_put(
			    keys, bound, n, key_hash('E', t->s, t->len), abjad);
			continue;
		}
		if (!(t->flags & TK_INITIAL))
			n = key_put(keys, bound, n, key_of(t->h), abjad);
		if (t->sklen >= 2)
			n = key_put(keys, bound, n,
			    key_hash('S', t->sk, t->sklen), false);
		if (abjad)
			n = abjad_keys(t, keys, bound, n);
		else if (!(t->flags & TK_SYLL))
			n = j_key(t->s, t->len, keys, bound, n);
		if (t->len >= 6 && !(t->flags & TK_NUM))
			n = key_put(
			    keys, bound, n, key_hash('P', t->s, 4), abjad);
		/* joined with the next word: "Alisher Usmanov" is also
		 * "alisherusmanov", "Jin Ping" is "jinping" */
		if (i + 1 < nm->n) {
			char s[2 * TOK_LEN_MAX + 2], sk[TOK_LEN_MAX + 1];
			size_t l, skl;
			bool hard;

			u = &nm->t[i + 1];
			if (u->flags & (TK_TITLE | TK_LEGAL | TK_WEAK | TK_NUM |
			                   TK_INITIAL) ||
			    (t->flags & (TK_NUM | TK_INITIAL)))
				continue;
			l = (size_t)t->len + u->len;
			if (l > TOK_LEN_MAX)
				continue;
			memcpy(s, t->s, t->len);
			memcpy(s + t->len, u->s, u->len);
			n = key_put(keys, bound, n, key_hash('E', s, l),
			    abjad || (u->flags & TK_ABJAD));
			/* read as merge_tok reads the joined word: an abjad
			 * "hs" is h + s, not Wade-Giles hs (hsn+rhmani is
			 * Hasan Rahmani's SNRMN, not JNRMN) */
			hard =
			    ((t->flags | u->flags) & (TK_ABJAD | TK_SYLL)) != 0;
			skl = name_skeleton2(s, l, sk, hard);
			if (skl >= 2)
				n = key_put(keys, bound, n,
				    key_hash('S', sk, skl), false);
			if (!hard)
				n = j_key(s, l, keys, bound, n);
		}
	}
	return n;
}

static int
u64_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* A replaced or removed record: its slot stays, skipped by queries. */
static void
slot_kill(struct ent_index *ix, uint32_t slot)
{
	ix->recs[slot]->dead = true;
	ix->sid[slot] = 0;
	ix->live--;
}

/* Whether one of the record's names is written in letters: none of its
 * words from an abjad or a syllabary. */
static bool
mrec_has_letters(const struct mrec *m)
{
	size_t i, k;

	for (i = 0; i < m->nnames; i++) {
		const struct mname *mn = &m->names[i];

		for (k = 0; k < mn->ntok; k++)
			if (m->toks[mn->tok0 + k].flags & (TK_ABJAD | TK_SYLL))
				break;
		if (mn->ntok > 0 && k == mn->ntok)
			return true;
	}
	return false;
}

/* Insert a built record under the write lock. */
static int
index_insert(struct ent_index *ix, struct mrec *m)
{
	uint64_t *keys = NULL;
	size_t nk = 0, maxk, i, pos;
	struct nname *nm = NULL;
	uint32_t slot;
	uint8_t nwords = 0;
	bool found;
	int rc = ENT_ENOMEM;

	if (ix->nslots == UINT32_MAX - 1)
		return ENT_ETOOBIG;
	if (ix->nslots == ix->capslots) {
		uint32_t nc = ix->capslots ? ix->capslots * 2 : 1024;
		struct mrec **nr = realloc(ix->recs, nc * sizeof(*nr));
		uint8_t *ns;
		struct qual *nq;

		if (nr == NULL)
			return ENT_ENOMEM;
		ix->recs = nr;
		if ((ns = realloc(ix->sid, nc * sizeof(*ns))) == NULL)
			return ENT_ENOMEM;
		ix->sid = ns;
		if ((nq = realloc(ix->qual, nc * sizeof(*nq))) == NULL)
			return ENT_ENOMEM;
		ix->qual = nq;
		ix->capslots = nc;
	}
	if ((ix->usedids + 1) * 2 > ix->capids && ids_grow(ix) != ENT_OK)
		return ENT_ENOMEM;
	maxk = (size_t)m->ntoks * KEYS_PER_TOK + (size_t)m->ndocs * 2 + 8;
	if ((keys = malloc(maxk * sizeof(*keys))) == NULL ||
	    (nm = malloc(sizeof(*nm))) == NULL)
		goto out;
	for (i = 0; i < m->nnames; i++) {
		size_t w;

		mname_load(m, &m->names[i], nm, NULL);
		nk = name_keys(nm, keys, NULL, nk, maxk);
		w = name_words(nm);
		if (i == 0 || w < nwords)
			nwords =
			    (uint8_t)(w < SID_WORDS_MAX ? w : SID_WORDS_MAX);
	}
	if (nwords > 0)
		nwords--; /* a name of particles only counts as one word */
	for (i = 0; i < m->ndocs; i++) {
		char o[DOC_MAX + 1];
		size_t l = doc_norm(m->docs[i].num, o, true);

		keys[nk++] =
		    key_hash('D', m->docs[i].num, strlen(m->docs[i].num));
		keys[nk++] = key_hash('O', o, l);
	}
	qsort(keys, nk, sizeof(*keys), u64_cmp);
	slot = ix->nslots;
	for (i = 0; i < nk; i++) {
		if (i > 0 && keys[i] == keys[i - 1])
			continue;
		if ((rc = key_add(ix, keys[i], slot)) != ENT_OK)
			goto out; /* postings may list a slot not yet live:
			             harmless, it is skipped as out of range */
	}
	pos = id_probe(ix, m->id, &found);
	if (found) {
		slot_kill(ix, ix->ids[pos] - 1);
	} else {
		if (ix->ids[pos] == 0)
			ix->usedids++;
	}
	ix->ids[pos] = slot + 1;
	ix->recs[slot] = m;
	for (i = 0; i < ix->nschemas && ix->schemas[i] != m->schema; i++)
		;
	if (i == ix->nschemas && i < SID_OTHER - 1)
		ix->schemas[ix->nschemas++] = m->schema;
	ix->sid[slot] = (uint8_t)((i < ix->nschemas ? i + 1 : SID_OTHER) |
	                          nwords << SID_WORDS_SHIFT |
	                          (mrec_has_letters(m) ? SID_LETTERS : 0));
	qual_of(m, &ix->qual[slot]);
	ix->nslots++;
	ix->live++;
	rc = ENT_OK;
out:
	free(keys);
	free(nm);
	return rc;
}

/* ---- worker pool ----------------------------------------------------- */

/* Batch work (ent_index_put_many, ent_index_screen_many) runs on helper
 * threads that live as long as the index: a new thread pays for its own
 * ICU transliterator clone (a few ms per script it meets) and its
 * screening scratch (an accumulator the size of the index, page-faulted
 * in), which per-call threads paid on every batch (the CLI screens in
 * chunks of 4,096 rows).  One batch uses the pool at a time; a batch that
 * finds it busy runs on threads of its own, as before. */
#define POOL_MAX 64

struct pool;

struct pworker {
	struct pool *p;
	unsigned idx;
	uint64_t seen; /* the last job generation this helper looked at */
};

struct pool {
	pthread_mutex_t run; /* held by the batch using the pool */
	pthread_mutex_t mu;  /* guards what follows */
	pthread_cond_t wake, done;
	pthread_t th[POOL_MAX];
	struct pworker w[POOL_MAX];
	unsigned nth;  /* helpers started */
	unsigned want; /* helpers taking part in the current job */
	unsigned busy; /* of which still working */
	uint64_t gen;  /* bumped per job */
	bool stop;
	void *(*fn)(void *);
	void *arg;
};

static void *
pool_main(void *a)
{
	struct pworker *w = a;
	struct pool *p = w->p;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		void *(*fn)(void *);
		void *arg;

		while (!p->stop && p->gen == w->seen)
			pthread_cond_wait(&p->wake, &p->mu);
		if (p->stop)
			break;
		w->seen = p->gen;
		if (w->idx >= p->want)
			continue;
		fn = p->fn;
		arg = p->arg;
		pthread_mutex_unlock(&p->mu);
		fn(arg);
		pthread_mutex_lock(&p->mu);
		if (--p->busy == 0)
			pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static struct pool *
pool_new(void)
{
	struct pool *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	if (pthread_mutex_init(&p->run, NULL) != 0)
		goto fail0;
	if (pthread_mutex_init(&p->mu, NULL) != 0)
		goto fail1;
	if (pthread_cond_init(&p->wake, NULL) != 0)
		goto fail2;
	if (pthread_cond_init(&p->done, NULL) != 0)
		goto fail3;
	return p;
fail3:
	pthread_cond_destroy(&p->wake);
fail2:
	pthread_mutex_destroy(&p->mu);
fail1:
	pthread_mutex_destroy(&p->run);
fail0:
	free(p);
	return NULL;
}

static void
pool_free(struct pool *p)
{
	unsigned t;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->wake);
	pthread_mutex_unlock(&p->mu);
	for (t = 0; t < p->nth; t++)
		pthread_join(p->th[t], NULL);
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->wake);
	pthread_mutex_destroy(&p->mu);
	pthread_mutex_destroy(&p->run);
	free(p);
}

/* fn(arg) on nthreads threads, the caller's included; returns when all
 * calls returned.  fn shares out the work itself (an atomic counter), so
 * fewer threads than asked (none could be started) only take longer. */
static void
pool_run(struct pool *p, void *(*fn)(void *), void *arg, unsigned nthreads)
{
	pthread_t th[POOL_MAX];
	unsigned t, started = 0, helpers;

	if (nthreads > POOL_MAX)
		nthreads = POOL_MAX;
	helpers = nthreads > 0 ? nthreads - 1 : 0;
	if (p == NULL || helpers == 0 || pthread_mutex_trylock(&p->run) != 0) {
		/* no pool, or another batch has it: threads of our own */
		for (t = 0; t < helpers; t++)
			if (pthread_create(&th[started], NULL, fn, arg) == 0)
				started++;
		fn(arg);
		for (t = 0; t < started; t++)
			pthread_join(th[t], NULL);
		return;
	}
	pthread_mutex_lock(&p->mu);
	while (p->nth < helpers) {
		struct pworker *w = &p->w[p->nth];

		w->p = p;
		w->idx = p->nth;
		w->seen = p->gen;
		if (pthread_create(&p->th[p->nth], NULL, pool_main, w) != 0)
			break;
		p->nth++;
	}
	p->fn = fn;
	p->arg = arg;
	p->want = helpers < p->nth ? helpers : p->nth;
	p->busy = p->want;
	p->gen++;
	pthread_cond_broadcast(&p->wake);
	pthread_mutex_unlock(&p->mu);
	fn(arg);
	pthread_mutex_lock(&p->mu);
	while (p->busy > 0)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
	pthread_mutex_unlock(&p->run);
}

/* ---- public: build --------------------------------------------------- */

int
ent_index_new(struct ent_index **out)
{
	struct ent_index *ix;
	int rc;

	if ((rc = ent_text_init()) != ENT_OK)
		return rc;
	if ((ix = calloc(1, sizeof(*ix))) == NULL)
		return ENT_ENOMEM;
	if ((ix->lock = malloc(sizeof(*ix->lock))) == NULL) {
		free(ix);
		return ENT_ENOMEM;
	}
	if (pthread_rwlock_init(ix->lock, NULL) != 0) {
		free(ix->lock);
		free(ix);
		return ENT_EINTERNAL;
	}
	ix->pool = pool_new(); /* NULL: batches start threads per call */
	if ((ix->spool = spool_new()) == NULL) {
		pool_free(ix->pool);
		pthread_rwlock_destroy(ix->lock);
		free(ix->lock);
		free(ix);
		return ENT_ENOMEM;
	}
	*out = ix;
	return ENT_OK;
}

void
ent_index_free(struct ent_index *ix)
{
	size_t i;

	if (ix == NULL)
		return;
	pool_free(ix->pool);
	spool_free(ix->spool);
	for (i = 0; i < ix->nslots; i++)
		mrec_free(ix->recs[i]);
	for (i = 0; i < ix->capkeys; i++)
		free(ix->keys[i].post);
	free(ix->recs);
	free(ix->qual);
	free(ix->sid);
	free(ix->keys);
	free(ix->ids);
	pthread_rwlock_destroy(ix->lock);
	free(ix->lock);
	free(ix);
}

int
ent_index_put(struct ent_index *ix, const struct ent_record *r)
{
	struct mrec *m = NULL;
	int rc;

	if (ix == NULL || r == NULL)
		return ENT_EINVAL;
	if ((rc = mrec_build(r, &m)) != ENT_OK)
		return rc;
	pthread_rwlock_wrlock(ix->lock);
	if (m == NULL) {
		/* nothing to screen: but it replaces an indexed version */
		bool found;
		size_t pos;

		if (ix->capids > 0) {
			pos = id_probe(ix, r->id, &found);
			if (found) {
				slot_kill(ix, ix->ids[pos] - 1);
				ix->ids[pos] = UINT32_MAX;
			}
		}
	} else if ((rc = index_insert(ix, m)) != ENT_OK) {
		mrec_free(m);
	}
	pthread_rwlock_unlock(ix->lock);
	return rc;
}

struct build_job {
	const struct ent_record *const *recs;
	struct mrec **out;
	int *rcs;
	size_t n;
	atomic_size_t next;
};

static void *
build_worker(void *arg)
{
	struct build_job *j = arg;
	size_t i;

	while ((i = atomic_fetch_add(&j->next, 1)) < j->n)
		j->rcs[i] = mrec_build(j->recs[i], &j->out[i]);
	return NULL;
}

int
ent_index_put_many(struct ent_index *ix, const struct ent_record *const *recs,
    size_t n, unsigned nthreads, size_t *nput)
{
	struct build_job j;
	size_t i, done = 0;
	int rc = ENT_OK;

	if (ix == NULL || (recs == NULL && n > 0))
		return ENT_EINVAL;
	if (nthreads == 0)
		nthreads = 2;
	if (nthreads > 64)
		nthreads = 64;
	j.recs = recs;
	j.n = n;
	atomic_init(&j.next, 0);
	j.out = calloc(n ? n : 1, sizeof(*j.out));
	j.rcs = calloc(n ? n : 1, sizeof(*j.rcs));
	if (j.out == NULL || j.rcs == NULL) {
		rc = ENT_ENOMEM;
		goto out;
	}
	pool_run(ix->pool, build_worker, &j, nthreads);
	pthread_rwlock_wrlock(ix->lock);
	for (i = 0; i < n; i++) {
		if ((rc = j.rcs[i]) != ENT_OK)
			break;
		if (j.out[i] != NULL) {
			if ((rc = index_insert(ix, j.out[i])) != ENT_OK)
				break;
			j.out[i] = NULL;
		}
		done++;
	}
	pthread_rwlock_unlock(ix->lock);
out:
	if (j.out != NULL)
		for (i = 0; i < n; i++)
			mrec_free(j.out[i]);
	free(j.out);
	free(j.rcs);
	if (nput != NULL)
		*nput = done;
	return rc;
}

int
ent_index_remove(struct ent_index *ix, const char *id)
{
	bool found = false;
	size_t pos;
	int rc = ENT_ENOTFOUND;

	if (ix == NULL || id == NULL)
		return ENT_EINVAL;
	pthread_rwlock_wrlock(ix->lock);
	if (ix->capids > 0) {
		pos = id_probe(ix, id, &found);
		if (found) {
			slot_kill(ix, ix->ids[pos] - 1);
			ix->ids[pos] = UINT32_MAX;
			rc = ENT_OK;
		}
	}
	pthread_rwlock_unlock(ix->lock);
	return rc;
}

size_t
ent_index_size(const struct ent_index *ix)
{
	size_t n;

	if (ix == NULL)
		return 0;
	pthread_rwlock_rdlock(ix->lock);
	n = ix->live;
	pthread_rwlock_unlock(ix->lock);
	return n;
}

/* ---- scoring --------------------------------------------------------- */

struct date {
	int y, m, d; /* 0 = absent */
};

/* The value of n decimal digits at s, or -1 if one is not a digit. */
static int
digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* YYYY, YYYY-MM or YYYY-MM-DD (what ent_date_check lets into records and
 * queries).  Digits by hand rather than strtoll: a query with a birth
 * date reads the dates of hundreds of tied namesakes. */
static bool
date_parse(const char *s, struct date *d)
{
	size_t l = s != NULL ? strnlen(s, 11) : 0;

	memset(d, 0, sizeof(*d));
	if (l < 4 || (d->y = digits(s, 4)) < 1)
		return false;
	if (l >= 7 && s[4] == '-') {
		if ((d->m = digits(s + 5, 2)) < 1 || d->m > 12)
			return false;
		if (l >= 10 && s[7] == '-' &&
		    ((d->d = digits(s + 8, 2)) < 1 || d->d > 31))
			return false;
	}
	return true;
}

/* Qualifier weights: see docs/screening.md. */
#define W_DOB_EXACT 0.05
#define W_DOB_PARTIAL 0.0 /* a shared year is shared by millions */
#define W_DOB_SWAP 0.0
#define W_DOB_CONFLICT (-0.15)      /* a year-only date one off */
#define W_DOB_FULL_CONFLICT (-0.35) /* another date, or years apart */
#define W_DOB_NEAR (-0.08)          /* a year digit mistyped */
#define W_DOB_DAY_CONFLICT (-0.10)
#define W_NAT_MATCH 0.0 /* so is a nationality: no evidence, only shown */
#define W_NAT_CONFLICT (-0.15)
#define W_GENDER_CONFLICT (-0.20)
#define S_DOC_EXACT 0.98
#define S_DOC_OCR 0.90
#define S_DOC_CC_CONFLICT 0.50

struct feat {
	const char *name;
	double score;
	char detail[256];
};

/* Rarity of a record word, remembered within one query (direct-mapped,
 * keyed by the word's E key): the candidates share words, and each
 * look-up is a cache miss into the key table plus a log10. */
#define RMEMO_CAP 512 /* a power of two */

struct rmemo {
	struct {
		uint64_t key;
		uint32_t gen; /* valid when == rmemo.gen */
		float r;
	} e[RMEMO_CAP];
	uint32_t gen;
};

struct qctx {
	const struct ent_query *q;
	const struct ent_schema *schema;
	struct nname *names[3]; /* by mkind: analysed per kind */
	size_t nnames;
	struct date dob;
	bool has_dob;
	uint8_t gender;
	char docs[ENT_QUERY_DOCS_MAX][DOC_MAX + 1];
	char ocr[ENT_QUERY_DOCS_MAX][DOC_MAX + 1];
	size_t ndocs;
	struct simmemo *memo; /* this thread's, for this query; may be NULL */
	struct rmemo *rmemo;  /* the same */
	/* the threshold when only results at or above it are wanted, else
	 * 0: a record that cannot reach it is not scored in full */
	double cut;
};

static float
tok_rarity(
    const struct ent_index *ix, const struct qctx *qc, const struct ntok *t)
{
	uint64_t key = key_of(t->h);
	struct rmemo *rm = qc->rmemo;
	size_t i;

	if (rm == NULL)
		return rarity(key_df(ix, key));
	i = (size_t)(key >> 40) & (RMEMO_CAP - 1);
	if (rm->e[i].gen != rm->gen || rm->e[i].key != key) {
		rm->e[i].key = key;
		rm->e[i].r = rarity(key_df(ix, key));
		rm->e[i].gen = rm->gen;
	}
	return rm->e[i].r;
}

static void feat_add(struct feat *f, size_t *nf, const char *name, double score,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
feat_add(struct feat *f, size_t *nf, const char *name, double score,
    const char *fmt, ...)
{
	va_list ap;

	if (f == NULL || *nf >= 8)
		return;
	f[*nf].name = name;
	f[*nf].score = score;
	va_start(ap, fmt);
	vsnprintf(f[*nf].detail, sizeof(f[*nf].detail), fmt, ap);
	va_end(ap);
	(*nf)++;
}

/* Name score with the query's names analysed for this record's kind, and
 * rarity weights from the index.  With f, explain the best pair. */
static double
score_names(const struct ent_index *ix, const struct qctx *qc,
    const struct mrec *m, struct feat *f, size_t *nf)
{
	struct nname cn;
	struct ntok joins[NAME_TOK_MAX];
	struct nname *qn = qc->names[m->kind];
	double best = 0;
	size_t i, j, k, bi = 0, bj = 0;

	if (qn == NULL)
		return 0;
	for (j = 0; j < m->nnames; j++) {
		mname_load(m, &m->names[j], &cn, joins);
		for (k = 0; k < cn.n; k++)
			cn.t[k].w = tok_rarity(ix, qc, &cn.t[k]) *
			            tok_flag_weight(cn.t[k].flags);
		/* literal compare needs folded text: rebuild it cheaply */
		{
			char folded[NAME_TOK_MAX * (TOK_LEN_MAX + 1) + 1];
			char *p = folded;

			for (k = 0; k < cn.n; k++) {
				if (cn.t[k].flags & TK_TITLE)
					continue;
				if (p != folded)
					*p++ = ' ';
				memcpy(p, cn.t[k].s, cn.t[k].len);
				p += cn.t[k].len;
			}
			*p = '\0';
			cn.folded = folded;
			for (i = 0; i < qc->nnames; i++) {
				double s = name_compare_memo(
				    &qn[i], &cn, NULL, NULL, qc->memo);

				if (m->names[j].weak)
					s *= 0.9;
				if (s > best) {
					best = s;
					bi = i;
					bj = j;
				}
			}
			if (f != NULL && j + 1 == m->nnames && best > 0) {
				struct ent_buf e;
				int kind = 2;
				char *fold2 = folded;

				ent_buf_init(&e, 1024);
				mname_load(m, &m->names[bj], &cn, joins);
				for (k = 0; k < cn.n; k++)
					cn.t[k].w =
					    tok_rarity(ix, qc, &cn.t[k]) *
					    tok_flag_weight(cn.t[k].flags);
				p = fold2;
				for (k = 0; k < cn.n; k++) {
					if (cn.t[k].flags & TK_TITLE)
						continue;
					if (p != fold2)
						*p++ = ' ';
					memcpy(p, cn.t[k].s, cn.t[k].len);
					p += cn.t[k].len;
				}
				*p = '\0';
				cn.folded = fold2;
				name_compare(&qn[bi], &cn, &e, &kind);
				feat_add(f, nf,
				    kind == 0   ? "name_exact"
				    : kind == 1 ? "name_phonetic"
				                : "name_fuzzy",
				    best, "%s: %s", qc->q->names[bi],
				    ent_buf_str(&e));
				ent_buf_fini(&e);
			}
		}
	}
	return best;
}

/* Two years that differ in one digit, or by two adjacent digits
 * swapped (1975 / 1957): a typing error rather than another date. */
static bool
year_digit_typo(int a, int b)
{
	char x[8], y[8];
	size_t i, nd = 0, first = 0;

	snprintf(x, sizeof(x), "%04d", a);
	snprintf(y, sizeof(y), "%04d", b);
	for (i = 0; i < 4; i++)
		if (x[i] != y[i] && nd++ == 0)
			first = i;
	if (nd == 1)
		return true;
	return nd == 2 && first < 3 && x[first] == y[first + 1] &&
	       x[first + 1] == y[first];
}

/* The weight of a record's birth date r against the query's q, with the
 * feature's name and why. */
static double
dob_weight(const struct date *q, const struct date *r, const char **nm,
    const char **why)
{
	*why = "";
	if (q->y != r->y) {
		/* A birth date is the strongest evidence a namesake is
		 * someone else: two full dates that differ in the year and
		 * more, or years more than one apart.  But one typo (a year
		 * digit, the day and month kept) is probably the same date,
		 * and a year-only date one off may be an estimate. */
		int dy = q->y > r->y ? q->y - r->y : r->y - q->y;
		bool full = q->d != 0 && r->d != 0;
		bool same_md = full && q->m == r->m && q->d == r->d;

		*nm = "dob_conflict";
		if (same_md && (dy == 1 || year_digit_typo(q->y, r->y))) {
			*why = " (year mistyped?)";
			return W_DOB_NEAR;
		}
		if (dy == 1 && !full) {
			*why = " (years one apart)";
			return W_DOB_CONFLICT;
		}
		*why = full ? " (another date: another person)"
		            : " (years apart: another person)";
		return W_DOB_FULL_CONFLICT;
	}
	*nm = "dob_year";
	if (q->m == 0 || r->m == 0)
		return W_DOB_PARTIAL;
	if (q->m == r->m) {
		if (q->d == 0 || r->d == 0)
			return W_DOB_PARTIAL;
		*nm = q->d == r->d ? "dob_exact" : "dob_conflict";
		return q->d == r->d ? W_DOB_EXACT : W_DOB_DAY_CONFLICT;
	}
	if (q->d != 0 && q->d == r->m && q->m == r->d) {
		*nm = "dob_day_month_swapped";
		return W_DOB_SWAP;
	}
	*nm = "dob_conflict";
	if (q->d != 0 && r->d != 0 && q->d != r->d) {
		*why = " (month and day differ: another person)";
		return W_DOB_FULL_CONFLICT;
	}
	return W_DOB_DAY_CONFLICT;
}

static double
score_dob(
    const struct qctx *qc, const struct mrec *m, struct feat *f, size_t *nf)
{
	double best = -1e9;
	const char *bname = NULL, *bwhy = "";
	size_t i, bi = 0;

	if (!qc->has_dob || m->ndob == 0)
		return 0;
	for (i = 0; i < m->ndob; i++) {
		struct date r;
		const char *nm, *why;
		double s;

		if (!date_parse(m->dob[i], &r))
			continue;
		s = dob_weight(&qc->dob, &r, &nm, &why);
		if (s > best) {
			best = s;
			bname = nm;
			bwhy = why;
			bi = i;
		}
	}
	if (bname == NULL)
		return 0;
	feat_add(f, nf, bname, best, "query born %s, record %s%s",
	    qc->q->birth_date, m->dob[bi], bwhy);
	return best;
}

/* The weight of a record's nationalities: nnat codes of 3 bytes each
 * (two letters and a NUL) at nat. */
static double
score_nat(const struct qctx *qc, const char *nat, size_t nnat, struct feat *f,
    size_t *nf)
{
	const char *n = qc->q->nationality;
	char lc[3];
	size_t i;

	if (n == NULL || strlen(n) != 2 || nnat == 0)
		return 0;
	lc[0] = (char)(n[0] | 0x20);
	lc[1] = (char)(n[1] | 0x20);
	lc[2] = '\0';
	for (i = 0; i < nnat; i++)
		if (memcmp(nat + 3 * i, lc, 2) == 0) {
			feat_add(f, nf, "nationality_match", W_NAT_MATCH,
			    "both %s", lc);
			return W_NAT_MATCH;
		}
	feat_add(f, nf, "nationality_conflict", W_NAT_CONFLICT,
	    "query %s, record %s", lc, nat);
	return W_NAT_CONFLICT;
}

static double
score_docs(
    const struct qctx *qc, const struct mrec *m, struct feat *f, size_t *nf)
{
	double best = 0;
	size_t i, j;

	for (i = 0; i < qc->ndocs; i++) {
		const char *qcc = qc->q->docs[i].country;

		for (j = 0; j < m->ndocs; j++) {
			char o[DOC_MAX + 1];
			double s = 0;
			const char *nm = "document_match";

			if (strcmp(qc->docs[i], m->docs[j].num) == 0)
				s = S_DOC_EXACT;
			doc_norm(m->docs[j].num, o, true);
			if (s == 0 && strcmp(qc->ocr[i], o) == 0)
				s = S_DOC_OCR, nm = "document_ocr_match";
			if (s > 0 && qcc != NULL && strlen(qcc) == 2 &&
			    m->docs[j].cc[0] != '\0' &&
			    ((qcc[0] | 0x20) != m->docs[j].cc[0] ||
			        (qcc[1] | 0x20) != m->docs[j].cc[1]))
				s = S_DOC_CC_CONFLICT,
				nm = "document_country_conflict";
			if (s > best) {
				best = s;
				feat_add(f, nf, nm, s, "number %s ~ %s",
				    qc->q->docs[i].number, m->docs[j].num);
			}
		}
	}
	return best;
}

static bool
schema_ok(const struct qctx *qc, const struct mrec *m)
{
	if (qc->schema == NULL)
		return true;
	return ent_schema_is_a(m->schema, qc->schema->name) ||
	       ent_schema_is_a(qc->schema, m->schema->name);
}

static bool
gender_conflict(const struct qctx *qc, unsigned g)
{
	return qc->gender != G_NONE && g != G_NONE && qc->gender != g &&
	       qc->gender != G_OTHER && g != G_OTHER;
}

/* Whether a record with these birth-date, nationality and gender weights
 * stays under the cut even with its names at 1.  Names and documents score
 * at most 1; the margin keeps a record the sum's rounding puts just under
 * the cut.  One function for score_record and rules_out, which must agree
 * to the last bit. */
static bool
below_cut(const struct qctx *qc, double wd, double wn, double wg)
{
	return 1.0 + wd + wn + wg < qc->cut - 1e-9;
}

static void
qual_of(const struct mrec *m, struct qual *q)
{
	struct date d;

	memset(q, 0, sizeof(*q));
	if (m->ndob == 1 && date_parse(m->dob[0], &d)) {
		q->y = (uint16_t)d.y;
		q->m = (uint8_t)d.m;
		q->d = (uint8_t)d.d;
	}
	if (m->nnat == 1)
		memcpy(q->nat, m->nat[0], sizeof(q->nat));
	q->gf = (uint8_t)((m->gender & QUAL_GENDER) |
	                  (m->ndob > 1 ? QUAL_DOBS : 0) |
	                  (m->nnat > 1 ? QUAL_NATS : 0));
}

/* What score_record's cut decides, from the record's qual alone: true
 * when the record is ruled out.  A record with several birth dates or
 * nationalities is left to score_record. */
static bool
rules_out(const struct qctx *qc, const struct qual *q)
{
	struct date r = {q->y, q->m, q->d};
	const char *nm, *why;
	double wd = 0, wn, wg;

	if ((qc->has_dob && (q->gf & QUAL_DOBS)) ||
	    (qc->q->nationality != NULL && (q->gf & QUAL_NATS)))
		return false;
	if (qc->has_dob && q->y != 0)
		wd = dob_weight(&qc->dob, &r, &nm, &why);
	wn = score_nat(qc, q->nat, q->nat[0] != '\0', NULL, NULL);
	wg = gender_conflict(qc, q->gf & QUAL_GENDER) ? W_GENDER_CONFLICT : 0;
	return below_cut(qc, wd, wn, wg);
}

static double
score_record(const struct ent_index *ix, const struct qctx *qc,
    const struct mrec *m, struct feat *f, size_t *nf)
{
	double s, d, wd = 0, wn = 0, wg = 0;
	/* The birth date, nationality and gender first when only the score
	 * is wanted: they are cheap, and a record they rule out (another
	 * birth date costs 0.35) cannot reach the cut even with equal names,
	 * so its names are not compared.  Among the hundreds of namesakes a
	 * common name ties with (CAND_TIES_MAX) that is most of them. */
	bool early = f == NULL && qc->cut > 0;

	if (early) {
		wd = score_dob(qc, m, NULL, NULL);
		wn = score_nat(qc, (const char *)m->nat, m->nnat, NULL, NULL);
		wg = gender_conflict(qc, m->gender) ? W_GENDER_CONFLICT : 0;
		if (below_cut(qc, wd, wn, wg))
			return 0;
	}
	s = score_names(ix, qc, m, f, nf);
	d = score_docs(qc, m, f, nf);
	if (d > s)
		s = d;
	if (s <= 0)
		return 0;
	if (m->holder != NULL)
		feat_add(
		    f, nf, "document_holder", 0, "document of %s", m->holder);
	if (!early) {
		wd = score_dob(qc, m, f, nf);
		wn = score_nat(qc, (const char *)m->nat, m->nnat, f, nf);
		if (gender_conflict(qc, m->gender)) {
			wg = W_GENDER_CONFLICT;
			feat_add(f, nf, "gender_conflict", W_GENDER_CONFLICT,
			    "query %s, record differs", qc->q->gender);
		}
	}
	s += wd;
	s += wn;
	s += wg;
	return s < 0 ? 0 : s > 1 ? 1 : s;
}

/* ---- per-thread scratch ---------------------------------------------- */

struct scratch {
	float *acc; /* by slot; zero outside a query */
	uint32_t cap;
	/* for a query with an abjad word: by slot, the weight of all keys
	 * and of those not bound to the word's script (key_put), side by
	 * side so that one cache miss reaches both; zero outside a query */
	float *accx;
	uint32_t capx;
	uint32_t *touched;
	size_t ntouched, tcap;
	struct simmemo *memo;
	struct rmemo *rmemo;
	void *cand; /* struct cand[ccap], reused across queries */
	size_t ccap;
	void *heap; /* struct cand[hcap]: the heaps of screen_locked */
	size_t hcap;
};

static void
scratch_free(struct scratch *s)
{
	if (s != NULL) {
		free(s->acc);
		free(s->accx);
		free(s->touched);
		free(s->memo);
		free(s->rmemo);
		free(s->cand);
		free(s->heap);
	}
	free(s);
}

/* *acc sized for nslots slots of per floats each (zero when grown). */
static int
acc_fit(float **acc, uint32_t *cap, uint32_t nslots, size_t per)
{
	if (*cap < nslots) {
		uint32_t nc = nslots + nslots / 4 + 1024;
		float *na = calloc(per * nc, sizeof(*na));

		if (na == NULL)
			return ENT_ENOMEM;
		free(*acc);
		*acc = na;
		*cap = nc;
	}
	return ENT_OK;
}

/* The accumulator sized for nslots; the rest grows as a query needs. */
static int
scratch_fit(struct scratch *s, uint32_t nslots)
{
	return acc_fit(&s->acc, &s->cap, nslots, 1);
}

/* ---- the admission gate ---------------------------------------------- */

/* Queries run at most `max` at a time (one per core), first come first
 * served, each on a scratch of the pool.  A server runs a thread per
 * connection: 64 clients on 2 cores would otherwise be 64 queries sharing
 * the cores by time slices, each with its own megabytes of scratch, so
 * that every query takes as long as the slowest and the caches hold none
 * (measured with wrk: p99 six times p50).  Admitted in order, a query
 * waits its turn and then runs alone on its core with a warm scratch.
 * Each waiter sleeps on its own condition, so a query ending wakes one
 * thread, not all. */
struct waiter {
	pthread_cond_t cv;
	struct scratch *sc; /* handed over by spool_give */
	struct waiter *next;
};

struct spool {
	pthread_mutex_t mu;
	struct scratch *free[POOL_MAX];
	unsigned nfree, nmade, max;
	struct waiter *head, *tail;
};

static struct spool *
spool_new(void)
{
	struct spool *p = calloc(1, sizeof(*p));
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (p == NULL)
		return NULL;
	if (pthread_mutex_init(&p->mu, NULL) != 0) {
		free(p);
		return NULL;
	}
	p->max = n < 1 ? 1 : n > POOL_MAX ? POOL_MAX : (unsigned)n;
	return p;
}

static void
spool_free(struct spool *p)
{
	unsigned i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nfree; i++)
		scratch_free(p->free[i]);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

/* A scratch for one query: a free one, a new one while fewer than max
 * exist, else the next one given back, in arrival order.  NULL when out
 * of memory. */
static struct scratch *
spool_take(struct spool *p)
{
	struct scratch *sc = NULL;
	struct waiter w;

	pthread_mutex_lock(&p->mu);
	if (p->head == NULL && p->nfree > 0) {
		sc = p->free[--p->nfree];
	} else if (p->head == NULL && p->nmade < p->max) {
		if ((sc = calloc(1, sizeof(*sc))) != NULL)
			p->nmade++;
	} else if (pthread_cond_init(&w.cv, NULL) == 0) {
		w.sc = NULL;
		w.next = NULL;
		if (p->tail != NULL)
			p->tail->next = &w;
		else
			p->head = &w;
		p->tail = &w;
		while (w.sc == NULL)
			pthread_cond_wait(&w.cv, &p->mu);
		sc = w.sc;
		pthread_cond_destroy(&w.cv);
	}
	pthread_mutex_unlock(&p->mu);
	return sc;
}

/* Give a scratch back: to the first waiter if any. */
static void
spool_give(struct spool *p, struct scratch *sc)
{
	struct waiter *w;

	pthread_mutex_lock(&p->mu);
	if ((w = p->head) != NULL) {
		if ((p->head = w->next) == NULL)
			p->tail = NULL;
		w->sc = sc;
		pthread_cond_signal(&w->cv);
	} else {
		p->free[p->nfree++] = sc;
	}
	pthread_mutex_unlock(&p->mu);
}

/* Room for n more touched slots: the postings loop then appends without
 * a capacity test (and without a branch, see screen_locked). */
static int
scratch_reserve(struct scratch *s, size_t n)
{
	if (s->ntouched + n > s->tcap) {
		size_t nc = s->tcap ? s->tcap : 4096;
		uint32_t *nt;

		while (nc < s->ntouched + n)
			nc *= 2;
		if ((nt = realloc(s->touched, nc * sizeof(*nt))) == NULL)
			return ENT_ENOMEM;
		s->touched = nt;
		s->tcap = nc;
	}
	return ENT_OK;
}

/* ---- screening ------------------------------------------------------- */

struct qkey {
	uint64_t key;
	const struct kent *k;
	float idf;
	bool bound; /* key_put */
};

/* A query word the index does not know is likely a typo ("Ricirdo"):
 * look up the indexed words one edit away (deleted, swapped, replaced or
 * inserted letter) and use their exact keys, at TYPO_W of their weight.
 * Done on the query side so the index holds no extra keys; about 50 L
 * hash probes for a word of L letters, and only for unknown words. */
#define TYPO_KEYS_MAX 32
#define TYPO_W 0.8f

static size_t
typo_try(const struct ent_index *ix, uint64_t key, bool bound, struct qkey *qk,
    size_t n, size_t max)
{
	const struct kent *k;
	size_t i;

	if (n >= max || (k = key_find(ix, key)) == NULL || k->n == 0)
		return n;
	for (i = 0; i < n; i++)
		if (qk[i].key == key)
			return n;
	qk[n].key = key;
	qk[n].k = k;
	qk[n].idf =
	    TYPO_W * (float)log(1.0 + (double)(ix->live + 1) / (double)k->n);
	qk[n].bound = bound;
	return n + 1;
}

/* Deletions, swaps, replacements and insertions of a word of l letters */
#define TYPO_VARIANTS_MAX (53 * TOK_LEN_MAX + 26)

/* The E keys of the words one edit away from s, in a fixed order. */
static size_t
typo_variants(const char *s, size_t l, uint64_t *out)
{
	char v[TOK_LEN_MAX + 2];
	size_t p, n = 0;
	char c;

	for (p = 0; p < l; p++) { /* deletion */
		memcpy(v, s, p);
		memcpy(v + p, s + p + 1, l - p - 1);
		out[n++] = key_hash('E', v, l - 1);
	}
	for (p = 0; p + 1 < l; p++) { /* swap */
		memcpy(v, s, l);
		v[p] = s[p + 1];
		v[p + 1] = s[p];
		out[n++] = key_hash('E', v, l);
	}
	for (p = 0; p < l; p++) { /* replacement */
		memcpy(v, s, l);
		for (c = 'a'; c <= 'z'; c++) {
			if (c == s[p])
				continue;
			v[p] = c;
			out[n++] = key_hash('E', v, l);
		}
	}
	for (p = 0; p <= l; p++) { /* insertion */
		memcpy(v, s, p);
		memcpy(v + p + 1, s + p, l - p);
		for (c = 'a'; c <= 'z'; c++) {
			v[p] = c;
			out[n++] = key_hash('E', v, l + 1);
		}
	}
	return n;
}

/* Whether query name i analysed for kind k has the same words as for an
 * earlier kind.  A query without a schema is analysed for persons,
 * organisations and other things alike, and for most names the three
 * analyses agree: their keys and typo probes would be made three times
 * over (an eighth of such a query's instructions under callgrind). */
static bool
analysed_before(const struct qctx *qc, size_t k, size_t i)
{
	const struct nname *a = &qc->names[k][i];
	size_t e, t;

	for (e = 0; e < k; e++) {
		const struct nname *b;

		if (qc->names[e] == NULL)
			continue;
		b = &qc->names[e][i];
		if (a->n != b->n)
			continue;
		for (t = 0; t < a->n; t++)
			if (a->t[t].h != b->t[t].h ||
			    a->t[t].flags != b->t[t].flags ||
			    a->t[t].lclass != b->t[t].lclass ||
			    a->t[t].len != b->t[t].len)
				break;
		if (t == a->n)
			return true;
	}
	return false;
}

static size_t
typo_qkeys(const struct ent_index *ix, const struct qctx *qc, struct qkey *qk,
    size_t n, size_t max)
{
	const uint8_t skip =
	    TK_TITLE | TK_LEGAL | TK_WEAK | TK_NUM | TK_INITIAL;
	uint64_t *var = NULL;
	size_t kind, i, t, l, nv, x, m = ix->capkeys - 1;

	if (ix->capkeys == 0)
		return n;
	for (kind = 0; kind < 3; kind++) {
		for (i = 0; qc->names[kind] != NULL && i < qc->nnames; i++) {
			const struct nname *nm = &qc->names[kind][i];

			if (analysed_before(qc, kind, i))
				continue;
			for (t = 0; t < nm->n && n < max; t++) {
				const struct ntok *tk = &nm->t[t];

				l = tk->len;
				if ((tk->flags & skip) || l < 4 ||
				    l + 1 > TOK_LEN_MAX ||
				    key_df(ix, key_hash('E', tk->s, l)) > 0)
					continue;
				if (var == NULL &&
				    (var = malloc(TYPO_VARIANTS_MAX *
				                  sizeof(*var))) == NULL)
					return n; /* no typo keys: still a
					             valid (poorer) query */
				nv = typo_variants(tk->s, l, var);
				/* hundreds of probes, each a cache miss into
				 * the key table: keep several in flight */
				for (x = 0; x < nv && n < max; x++) {
					size_t ahead = x + TYPO_PREFETCH;

					if (ahead < nv)
						__builtin_prefetch(
						    &ix->keys[var[ahead] & m]);
					n = typo_try(ix, var[x],
					    (tk->flags & TK_ABJAD) != 0, qk, n,
					    max);
				}
			}
		}
	}
	free(var);
	return n;
}

/* By key, then unbound before bound. */
static int
qkey_key_cmp(const void *a, const void *b)
{
	const struct qkey *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (int)x->bound - (int)y->bound;
}

static int
qkey_cmp(const void *a, const void *b)
{
	const struct qkey *x = a, *y = b;
	uint32_t nx = x->k ? x->k->n : 0, ny = y->k ? y->k->n : 0;

	return nx < ny ? -1 : nx > ny;
}

struct cand {
	float acc;
	float lacc; /* the weight of the keys not bound to a script */
	uint32_t slot;
	uint8_t extra; /* words of its shortest name past the query's */
	double score;
};

/* The order among candidates of equal weight: the slot scrambled (an odd
 * multiplier is a bijection of 32-bit numbers), so that which of many
 * equal namesakes are scored is neither the oldest nor the newest, nor
 * the order the candidates were gathered in. */
static inline uint32_t
slot_mix(uint32_t slot)
{
	return slot * 0x9E3779B1u;
}

/* Whether candidate x comes before y: more weight first; of equal weight,
 * the one whose shortest name has fewer words the query does not have,
 * since those would go unmatched (of a thousand records found only by
 * the key of ZAHID, "Mohammad Zahid" before "Zahid Khan Afridi"); then
 * slot_mix.  The last two in one comparison: a border query's heaps meet
 * hundreds of equal weights, and a branch on extra, taken one time in
 * two, cost it 9 % of its CPU. */
static inline bool
cand_before(const struct cand *x, const struct cand *y)
{
	if (x->acc != y->acc)
		return x->acc > y->acc;
	return ((uint64_t)x->extra << 32 | slot_mix(x->slot)) <
	       ((uint64_t)y->extra << 32 | slot_mix(y->slot));
}

/* The most words (name_words) of any of the query's names. */
static size_t
query_words(const struct qctx *qc)
{
	size_t j, i, w, most = 0;

	for (j = 0; j < 3; j++)
		for (i = 0; qc->names[j] != NULL && i < qc->nnames; i++)
			if ((w = name_words(&qc->names[j][i])) > most)
				most = w;
	return most;
}

/* True if a query name has a word with one of flags (TK_ABJAD: from an
 * abjad; TK_SYLL: from a syllabary). */
static bool
query_has_word(const struct qctx *qc, uint8_t flags)
{
	size_t j, i, t;

	for (j = 0; j < 3; j++)
		for (i = 0; qc->names[j] != NULL && i < qc->nnames; i++)
			for (t = 0; t < qc->names[j][i].n; t++)
				if (qc->names[j][i].t[t].flags & flags)
					return true;
	return false;
}

static void select_top(struct cand *c, size_t n, size_t k);

/* After select_top kept k, move the best max of the others that have a
 * name in letters next to them, by the weight a name in letters can
 * have (lacc); returns the new count. */
static size_t
add_lettered(
    const struct ent_index *ix, struct cand *c, size_t n, size_t k, size_t max)
{
	size_t i, j = k;

	for (i = k; i < n; i++)
		if (ix->sid[c[i].slot] & SID_LETTERS) {
			struct cand t = c[j];

			c[j] = c[i];
			c[i] = t;
			c[j].acc = c[j].lacc; /* the order from here on */
			j++;
		}
	select_top(c + k, j - k, max);
	return k + (j - k < max ? j - k : max);
}

/* The weight a candidate needs to tie with the weakest of the best, whose
 * weight is low: equal within rounding. */
static float
tie_floor(float low)
{
	return low - low * 1e-4f;
}

/* After select_top, move the candidates whose accumulated weight equals
 * the weakest kept one (within rounding) next to the kept ones, up to max
 * in all (the best of them, as select_top orders); returns the new
 * count. */
static size_t
keep_ties(struct cand *c, size_t n, size_t k, size_t max)
{
	float low = c[0].acc;
	size_t i, j;

	if (k == 0 || k >= max)
		return k;
	for (i = 1; i < k; i++)
		if (c[i].acc < low)
			low = c[i].acc;
	low = tie_floor(low);
	for (i = j = k; i < n; i++) {
		if (c[i].acc >= low) {
			struct cand t = c[j];

			c[j++] = c[i];
			c[i] = t;
		}
	}
	if (j > max) {
		select_top(c + k, j - k, max - k);
		j = max;
	}
	return j;
}

/* The k best candidates seen so far (cand_before), as a heap whose root
 * is the last of them: what a candidate must beat to be among the best k,
 * or with ties to tie with the weakest, so that the filtering pass keeps
 * only those, not the thousands a common name touches, for select_top to
 * sort through. */
struct topk {
	struct cand *h;
	size_t n, k;
	bool ties; /* keep_ties will want the candidates tied at the cut */
};

/* The least weight a candidate needs for now (it only rises), -1 while
 * the heap is not full: every candidate may be among the best. */
static float
topk_need(const struct topk *t)
{
	if (t->n < t->k)
		return -1.0f;
	return t->ties ? tie_floor(t->h[0].acc) : t->h[0].acc;
}

/* Whether c may be among the best k (or, with ties, tie with them). */
static bool
topk_wants(const struct topk *t, const struct cand *c)
{
	if (t->n < t->k || t->ties)
		return c->acc >= topk_need(t);
	return cand_before(c, &t->h[0]);
}

static void
topk_push(struct topk *t, const struct cand *c)
{
	size_t i, ch;

	if (t->n < t->k) {
		for (i = t->n++; i > 0 && cand_before(&t->h[(i - 1) / 2], c);
		     i = (i - 1) / 2)
			t->h[i] = t->h[(i - 1) / 2];
		t->h[i] = *c;
		return;
	}
	if (!cand_before(c, &t->h[0]))
		return;
	for (i = 0; (ch = 2 * i + 1) < t->n; i = ch) {
		if (ch + 1 < t->n && cand_before(&t->h[ch], &t->h[ch + 1]))
			ch++; /* the later of the two children */
		if (!cand_before(c, &t->h[ch]))
			break;
		t->h[i] = t->h[ch];
	}
	t->h[i] = *c;
}

static int
cand_score_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* Keep the k best of c[0..n) (cand_before) in c[0..k) (quickselect). */
static void
select_top(struct cand *c, size_t n, size_t k)
{
	size_t lo = 0, hi = n;

	if (n <= k)
		return;
	while (hi - lo > 1) {
		struct cand piv = c[lo + (hi - lo) / 2];
		size_t i = lo, j = hi - 1;

		while (i <= j) {
			while (cand_before(&c[i], &piv))
				i++;
			while (cand_before(&piv, &c[j]))
				j--;
			if (i <= j) {
				struct cand t = c[i];

				c[i] = c[j];
				c[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j + 1;
		else if (k >= i)
			lo = i;
		else
			break;
	}
}

static void
qctx_fini(struct qctx *qc)
{
	size_t k, i;

	for (k = 0; k < 3; k++) {
		if (qc->names[k] == NULL)
			continue;
		for (i = 0; i < qc->nnames; i++)
			name_fini(&qc->names[k][i]);
		free(qc->names[k]);
		qc->names[k] = NULL;
	}
}

static int
qctx_init(const struct ent_query *q, struct qctx *qc)
{
	size_t i, k;
	int rc;

	memset(qc, 0, sizeof(*qc));
	qc->q = q;
	if (q->nnames > ENT_QUERY_NAMES_MAX || q->ndocs > ENT_QUERY_DOCS_MAX)
		return ENT_ETOOBIG;
	if ((q->nnames > 0 && q->names == NULL) ||
	    (q->ndocs > 0 && q->docs == NULL))
		return ENT_EINVAL;
	if (q->schema != NULL &&
	    (qc->schema = ent_schema_get(q->schema)) == NULL)
		return ENT_EINVAL;
	if (q->birth_date != NULL && q->birth_date[0] != '\0') {
		if (ent_date_check(q->birth_date, NULL) != ENT_OK ||
		    !date_parse(q->birth_date, &qc->dob))
			return ENT_EINVAL;
		qc->has_dob = true;
	}
	qc->gender = gender_of(q->gender);
	for (i = 0; i < q->ndocs; i++) {
		if (q->docs[i].number == NULL)
			return ENT_EINVAL;
		if (doc_norm(q->docs[i].number, qc->docs[qc->ndocs], false) < 3)
			continue;
		doc_norm(q->docs[i].number, qc->ocr[qc->ndocs], true);
		qc->ndocs++;
	}
	qc->nnames = q->nnames;
	for (k = 0; k < 3 && q->nnames > 0; k++) {
		/* only the kinds of record this query can reach */
		if (qc->schema != NULL) {
			const struct ent_schema *s = qc->schema;
			enum mkind qk = kind_of(s);

			if (qk != (enum mkind)k &&
			    !(strcmp(s->name, "LegalEntity") == 0 &&
			        k != MK_OTHER) &&
			    strcmp(s->name, "Thing") != 0)
				continue;
		}
		if ((qc->names[k] = calloc(q->nnames, sizeof(*qc->names[k]))) ==
		    NULL) {
			rc = ENT_ENOMEM;
			goto fail;
		}
		for (i = 0; i < q->nnames; i++) {
			if (q->names[i] == NULL) {
				rc = ENT_EINVAL;
				goto fail;
			}
			if ((rc = name_analyze(q->names[i], (enum mkind)k,
			         &qc->names[k][i])) != ENT_OK)
				goto fail;
		}
	}
	return ENT_OK;
fail:
	qctx_fini(qc);
	return rc;
}

static int
hit_fill(const struct ent_index *ix, const struct qctx *qc,
    const struct mrec *m, double score, double threshold, struct ent_hit *h)
{
	struct feat f[8];
	size_t nf = 0, i;

	memset(h, 0, sizeof(*h));
	score_record(ix, qc, m, f, &nf);
	h->score = score;
	h->match = score >= threshold;
	if ((h->id = ent_strdup(m->id)) == NULL ||
	    (h->caption = ent_strdup(m->caption)) == NULL ||
	    (h->schema = ent_strdup(m->schema->name)) == NULL ||
	    (m->agency != NULL && (h->agency = ent_strdup(m->agency)) == NULL))
		return ENT_ENOMEM;
	if (nf > 0 && (h->features = calloc(nf, sizeof(*h->features))) == NULL)
		return ENT_ENOMEM;
	for (i = 0; i < nf; i++) {
		h->features[i].name = f[i].name;
		h->features[i].score = f[i].score;
		if ((h->features[i].detail = ent_strdup(f[i].detail)) == NULL)
			return ENT_ENOMEM;
		h->nfeatures++;
	}
	return ENT_OK;
}

static void
hit_fini(struct ent_hit *h)
{
	size_t i;

	free(h->id);
	free(h->caption);
	free(h->schema);
	free(h->agency);
	for (i = 0; i < h->nfeatures; i++)
		free(h->features[i].detail);
	free(h->features);
}

void
ent_hits_free(struct ent_hits *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->n; i++)
		hit_fini(&h->hits[i]);
	free(h->hits);
	free(h);
}

/* Score 0 for the candidates the cut rules out by their qual, moved to
 * the end of cand[0..n); returns how many are left to score, at the
 * front. */
static size_t
cut_by_qual(const struct ent_index *ix, const struct qctx *qc,
    struct cand *cand, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) /* independent misses: all in flight */
		__builtin_prefetch(&ix->qual[cand[i].slot]);
	for (i = 0, j = 0; i < n; i++) {
		struct cand t = cand[i];

		if (rules_out(qc, &ix->qual[t.slot])) {
			cand[i].score = 0;
			continue;
		}
		cand[i] = cand[j];
		cand[j++] = t;
	}
	return j;
}

/* Where slot s's (first) weight is in the accumulator: with pair, two
 * floats per slot. */
static inline size_t
acc_at(bool pair, uint32_t s)
{
	return pair ? 2 * (size_t)s : s;
}

/* The hot loop of candidate generation: idf added to the weight of each
 * slot in post, a random access into acc per posting (megabytes at 1M
 * records).  It prefetches a few postings ahead and appends to the touched
 * list without a branch, so that the misses overlap instead of each one
 * waiting for a mispredicted "first touch?" test.  With pair, acc holds
 * two weights per slot (scratch.accx) and lidf goes to the second.
 * Without grow (a key too common to bring candidates), only the slots
 * already touched gain weight and tch is not written.  pair and grow are
 * constants at every call, so each call compiles to its own loop.
 * Returns the new count of touched slots. */
static inline size_t
acc_add(const uint32_t *post, uint32_t n, uint32_t nslots, float *acc,
    const bool pair, const bool grow, float idf, float lidf, uint32_t *tch,
    size_t nt)
{
	uint32_t j;

	for (j = 0; j < n; j++) {
		uint32_t s = post[j];
		size_t at = acc_at(pair, s);

		if (j + ACC_PREFETCH < n)
			__builtin_prefetch(
			    &acc[acc_at(pair, post[j + ACC_PREFETCH])]);
		if (s >= nslots || (!grow && acc[at] == 0))
			continue;
		if (grow) {
			tch[nt] = s;
			nt += acc[at] == 0;
		}
		acc[at] += idf;
		if (pair)
			acc[at + 1] += lidf;
	}
	return nt;
}

/* After the keys that brought the candidates (screen_locked), the common
 * keys from qk[i] on that a Latin spelling can share, up to XSCRIPT_BOOST
 * postings in all, add their weight to the candidates that have them. */
static void
boost_common(const struct ent_index *ix, const struct qkey *qk, size_t i,
    size_t nq, float *acc)
{
	size_t done = 0;

	for (; i < nq; i++) {
		if (qk[i].bound || done + qk[i].k->n > XSCRIPT_BOOST)
			continue;
		done += qk[i].k->n;
		acc_add(qk[i].k->post, qk[i].k->n, ix->nslots, acc, true, false,
		    qk[i].idf, qk[i].idf, NULL, 0);
	}
}

static int
screen_locked(const struct ent_index *ix, struct qctx *qc, struct scratch *sc,
    double threshold, size_t limit, bool all, struct ent_hits **out)
{
	struct qkey *qk = NULL;
	size_t nq = 0, maxq, i, j, nc = 0, ncand, ns, kmax;
	struct cand *cand = NULL;
	struct ent_hits *res = NULL;
	uint64_t *keys = NULL;
	uint8_t sok[SID_OTHER + 1], *bnd = NULL;
	struct topk tk, tl;
	float need_k, need_l, *acc;
	size_t lmax, qwords;
	bool ties, xscript, lettered, pair;
	size_t xcommon = 0;
	int rc = ENT_ENOMEM;

	if (scratch_fit(sc, ix->nslots) != ENT_OK)
		return ENT_ENOMEM;
	/* a query with an abjad word weighs the lettered reserve by the
	 * keys a Latin spelling can share (add_lettered) */
	xscript = query_has_word(qc, TK_ABJAD | TK_SYLL);
	qwords = query_words(qc);
	pair = query_has_word(qc, TK_ABJAD);
	if (pair && acc_fit(&sc->accx, &sc->capx, ix->nslots, 2) != ENT_OK)
		return ENT_ENOMEM;
	acc = pair ? sc->accx : sc->acc;
	if (sc->memo == NULL)
		sc->memo = calloc(1, sizeof(*sc->memo)); /* NULL: no memo */
	if (sc->memo != NULL)
		simmemo_reset(sc->memo);
	qc->memo = sc->memo;
	if (sc->rmemo == NULL)
		sc->rmemo = calloc(1, sizeof(*sc->rmemo)); /* NULL: none */
	if (sc->rmemo != NULL && ++sc->rmemo->gen == 0) {
		memset(sc->rmemo, 0, sizeof(*sc->rmemo)); /* stale stamps */
		sc->rmemo->gen = 1;
	}
	qc->rmemo = sc->rmemo;
	qc->cut = all ? 0 : threshold;
	maxq = qc->nnames * 3 * NAME_TOK_MAX * KEYS_PER_TOK + qc->ndocs * 2 + 8;
	if ((keys = malloc(maxq * sizeof(*keys))) == NULL ||
	    (bnd = malloc(maxq)) == NULL ||
	    (qk = malloc((maxq + TYPO_KEYS_MAX) * sizeof(*qk))) == NULL)
		goto out;
	for (j = 0; j < 3; j++)
		for (i = 0; qc->names[j] != NULL && i < qc->nnames; i++)
			if (!analysed_before(qc, j, i))
				nq = name_keys(
				    &qc->names[j][i], keys, bnd, nq, maxq);
	for (i = 0; i < qc->ndocs; i++) {
		const char *d = qc->docs[i], *o = qc->ocr[i];

		nq = key_put(keys, bnd, nq, key_hash('D', d, strlen(d)), false);
		nq = key_put(keys, bnd, nq, key_hash('O', o, strlen(o)), false);
	}
	for (i = 0; i < nq; i++)
		qk[i] = (struct qkey){.key = keys[i], .bound = bnd[i]};
	/* by key, a key also unbound first: that one is kept */
	qsort(qk, nq, sizeof(*qk), qkey_key_cmp);
	for (i = 0; i < nq && ix->capkeys > 0; i++) /* misses in parallel */
		__builtin_prefetch(&ix->keys[qk[i].key & (ix->capkeys - 1)]);
	for (i = 0, j = 0; i < nq; i++) {
		if (i > 0 && qk[i].key == qk[i - 1].key)
			continue;
		qk[j].key = qk[i].key;
		qk[j].bound = qk[i].bound;
		qk[j].k = key_find(ix, qk[i].key);
		if (qk[j].k == NULL || qk[j].k->n == 0)
			continue;
		qk[j].idf = (float)log(
		    1.0 + (double)(ix->live + 1) / (double)qk[j].k->n);
		j++;
	}
	nq = j;
	nq = typo_qkeys(ix, qc, qk, nq, nq + TYPO_KEYS_MAX);
	qsort(qk, nq, sizeof(*qk), qkey_cmp);
	/* Rare keys first; a very common key only when nothing rarer hit. */
	for (i = 0; i < nq; i++) {
		const struct kent *k = qk[i].k;
		float idf = qk[i].idf;

		if (k->n > KEY_DF_SKIP && k->n > ix->live / 200 &&
		    sc->ntouched > 0) {
			/* the rarer keys of a query with an abjad word may
			 * have found only the records in its script: the
			 * common skeletons a Latin spelling shares are still
			 * read, up to XSCRIPT_COMMON postings, and past that
			 * weigh the records found (boost_common) */
			if (!pair)
				break; /* the keys after are as common */
			if (!qk[i].bound && xcommon + k->n > XSCRIPT_COMMON) {
				boost_common(ix, qk, i, nq, acc);
				break;
			}
			if (qk[i].bound)
				continue;
			xcommon += k->n;
		}
		if (scratch_reserve(sc, k->n) != ENT_OK)
			goto out;
		if (pair)
			sc->ntouched = acc_add(k->post, k->n, ix->nslots, acc,
			    true, true, idf, qk[i].bound ? 0 : idf, sc->touched,
			    sc->ntouched);
		else
			sc->ntouched = acc_add(k->post, k->n, ix->nslots, acc,
			    false, true, idf, 0, sc->touched, sc->ntouched);
	}
	if (sc->ccap < sc->ntouched + 1) {
		size_t ncap = sc->ntouched + 1 + sc->ntouched / 2;

		free(sc->cand);
		sc->ccap = 0;
		if ((sc->cand = malloc(ncap * sizeof(*cand))) == NULL)
			goto out;
		sc->ccap = ncap;
	}
	cand = sc->cand;
	kmax = limit * 3 > CAND_MAX ? limit * 3 : CAND_MAX;
	ties = qc->has_dob || qc->q->nationality != NULL || qc->ndocs > 0;
	/* add_lettered takes the best CAND_XSCRIPT_MORE lettered ones
	 * outside those kept (kmax, or up to CAND_TIES_MAX with the ties):
	 * they are among the best this many lettered ones */
	lmax = xscript ? (ties && CAND_TIES_MAX > kmax ? CAND_TIES_MAX : kmax) +
	                     CAND_XSCRIPT_MORE
	               : 0;
	if (sc->hcap < kmax + lmax) {
		free(sc->heap);
		sc->hcap = 0;
		if ((sc->heap = malloc((kmax + lmax) * sizeof(struct cand))) ==
		    NULL)
			goto out;
		sc->hcap = kmax + lmax;
	}
	/* Only candidates that can be among the best kmax (or tie with
	 * them, when keep_ties will want them) are gathered, and for a
	 * query in an abjad or syllabary those that can be among the best
	 * lmax lettered ones (by lacc). */
	tk = (struct topk){sc->heap, 0, kmax, ties};
	tl = (struct topk){(struct cand *)sc->heap + kmax, 0, lmax, false};
	need_k = -1.0f;
	need_l = xscript ? -1.0f : INFINITY;
	/* schema_ok per distinct schema, not per candidate: 0 not yet
	 * known, 1 yes, 2 no */
	memset(sok, 0, sizeof(sok));
	for (i = 0; i < sc->ntouched; i++) {
		uint32_t s = sc->touched[i];
		uint8_t sv, id;
		size_t nw;
		float a, al;
		struct cand lc;

		/* sid is read only for a candidate whose weight can make it
		 * among the best, few once the heaps are full, so it is only
		 * fetched ahead until then */
		if (i + ACC_PREFETCH < sc->ntouched) {
			uint32_t ps = sc->touched[i + ACC_PREFETCH];

			if (need_k < 0 || need_l < 0)
				__builtin_prefetch(&ix->sid[ps]);
			__builtin_prefetch(&acc[acc_at(pair, ps)]);
		}
		/* read and clear acc here, while its line is in cache,
		 * rather than in a second random pass at the end */
		a = al = acc[acc_at(pair, s)];
		acc[acc_at(pair, s)] = 0;
		if (pair) {
			al = acc[acc_at(pair, s) + 1];
			acc[acc_at(pair, s) + 1] = 0;
		}
		if (a < need_k && al < need_l)
			continue;
		sv = ix->sid[s];
		if ((id = sv & SID_SCHEMA) == 0)
			continue; /* dead */
		if (id == SID_OTHER) {
			if (!schema_ok(qc, ix->recs[s]))
				continue;
		} else {
			if (sok[id] == 0)
				sok[id] = schema_ok(qc, ix->recs[s]) ? 1 : 2;
			if (sok[id] != 1)
				continue;
		}
		cand[nc].acc = a;
		cand[nc].lacc = al;
		cand[nc].slot = s;
		nw = (size_t)(sv >> SID_WORDS_SHIFT) + 1;
		cand[nc].extra = (uint8_t)(nw > qwords ? nw - qwords : 0);
		lettered = xscript && (sv & SID_LETTERS);
		lc = cand[nc];
		lc.acc = al; /* the lettered heap's order */
		if (!topk_wants(&tk, &cand[nc]) &&
		    !(lettered && topk_wants(&tl, &lc)))
			continue;
		topk_push(&tk, &cand[nc]);
		if (lettered) {
			topk_push(&tl, &lc);
			need_l = topk_need(&tl);
		}
		need_k = topk_need(&tk);
		nc++;
	}
	sc->ntouched = 0; /* acc is all zero again */
	select_top(cand, nc, kmax);
	ncand = nc < kmax ? nc : kmax;
	/* ties with the weakest of the best, before the lettered reserve,
	 * whose weakest would be a far lower weight */
	if (ncand < nc && ties)
		ncand = keep_ties(cand, nc, ncand, CAND_TIES_MAX);
	if (ncand < nc && xscript)
		ncand = add_lettered(ix, cand, nc, ncand, CAND_XSCRIPT_MORE);
	/* a birth date, nationality or gender: the cut first, on the quals
	 * (border queries at 1M records: 7,700 -> 10,000 queries/s on 2
	 * threads, bench/README.md) */
	ns = ncand;
	if (qc->cut > 0 &&
	    (qc->has_dob || qc->q->nationality != NULL || qc->gender != G_NONE))
		ns = cut_by_qual(ix, qc, cand, ncand);
	for (i = 0; i < ns; i++) /* independent: all in flight at once */
		__builtin_prefetch(&ix->recs[cand[i].slot]);
	for (i = 0; i < ns; i++) {
		/* each record is a chain of cache misses (slot -> record ->
		 * its tokens -> their entries in the key table, read for
		 * their rarity): each link ahead of the one it needs, so that
		 * no load waits for the one before it (-17 % CPU per query at
		 * 1M records against prefetching the record and its tokens
		 * only, bench/README.md).  A record score_record's cut rules
		 * out (one with several birth dates, which cut_by_qual leaves
		 * to it) takes a few hundred cycles, so the record and its
		 * arrays are fetched several candidates ahead. */
		if (i + 6 < ns)
			__builtin_prefetch(ix->recs[cand[i + 6].slot]);
		if (i + 3 < ns) {
			const struct mrec *nx = ix->recs[cand[i + 3].slot];

			__builtin_prefetch(nx->names);
			__builtin_prefetch(nx->toks);
			__builtin_prefetch(nx->blob);
			if (nx->dob != NULL && qc->has_dob)
				__builtin_prefetch(nx->dob);
			if (nx->nat != NULL && qc->q->nationality != NULL)
				__builtin_prefetch(nx->nat);
		}
		if (i + 1 < ns) {
			const struct mrec *nx = ix->recs[cand[i + 1].slot];
			size_t t, m = ix->capkeys - 1;

			for (t = 0; t < nx->ntoks; t++)
				__builtin_prefetch(
				    &ix->keys[key_of(nx->toks[t].h) & m]);
		}
		cand[i].score =
		    score_record(ix, qc, ix->recs[cand[i].slot], NULL, NULL);
	}
	/* only the results are ordered (score, then slot: the same order
	 * whatever order the candidates came in), not the hundreds of
	 * candidates below the threshold */
	for (i = 0, j = 0; i < ncand; i++)
		if (cand[i].score > 0 && (all || cand[i].score >= threshold)) {
			struct cand t = cand[j];

			cand[j++] = cand[i];
			cand[i] = t;
		}
	qsort(cand, j, sizeof(*cand), cand_score_cmp);
	ncand = j;
	if ((res = calloc(1, sizeof(*res))) == NULL)
		goto out;
	for (nc = 0; nc < ncand && nc < limit; nc++)
		if (cand[nc].score <= 0 || (!all && cand[nc].score < threshold))
			break;
	if (nc > 0 && (res->hits = calloc(nc, sizeof(*res->hits))) == NULL)
		goto out;
	for (i = 0; i < nc; i++) {
		rc = hit_fill(ix, qc, ix->recs[cand[i].slot], cand[i].score,
		    threshold, &res->hits[i]);
		res->n++;
		if (rc != ENT_OK)
			goto out;
	}
	*out = res;
	res = NULL;
	rc = ENT_OK;
out:
	for (i = 0; i < sc->ntouched; i++) {
		size_t at = acc_at(pair, sc->touched[i]);

		acc[at] = 0;
		if (pair)
			acc[at + 1] = 0;
	}
	sc->ntouched = 0;
	ent_hits_free(res);
	free(keys);
	free(bnd);
	free(qk);
	return rc;
}

int
ent_index_screen(const struct ent_index *ix, const struct ent_query *q,
    const struct ent_screen_opts *o, struct ent_hits **out)
{
	struct qctx qc;
	struct scratch *sc;
	double threshold = ENT_SCREEN_THRESHOLD_DEFAULT;
	size_t limit = ENT_SCREEN_LIMIT_DEFAULT;
	bool all = false;
	int rc;

	if (ix == NULL || q == NULL || out == NULL)
		return ENT_EINVAL;
	if (o != NULL) {
		if (o->threshold < 0 || o->threshold > 1)
			return ENT_EINVAL;
		if (o->threshold > 0)
			threshold = o->threshold;
		if (o->limit > ENT_SCREEN_LIMIT_MAX)
			return ENT_ETOOBIG;
		if (o->limit > 0)
			limit = o->limit;
		all = o->all;
	}
	if ((rc = qctx_init(q, &qc)) != ENT_OK)
		return rc;
	if (q->nnames == 0 && qc.ndocs == 0) {
		qctx_fini(&qc);
		return ENT_EINVAL;
	}
	/* admitted before the read lock: a writer waits for the queries
	 * running, not for the queue */
	if ((sc = spool_take(ix->spool)) == NULL) {
		qctx_fini(&qc);
		return ENT_ENOMEM;
	}
	pthread_rwlock_rdlock(ix->lock);
	rc = screen_locked(ix, &qc, sc, threshold, limit, all, out);
	pthread_rwlock_unlock(ix->lock);
	spool_give(ix->spool, sc);
	qctx_fini(&qc);
	return rc;
}

struct screen_job {
	const struct ent_index *ix;
	const struct ent_query *qs;
	const struct ent_screen_opts *o;
	struct ent_hits **out;
	int *rcs;
	size_t n;
	atomic_size_t next;
	atomic_int first_rc;
};

static void *
screen_worker(void *arg)
{
	struct screen_job *j = arg;
	size_t i;

	while ((i = atomic_fetch_add(&j->next, 1)) < j->n) {
		int rc;

		j->out[i] = NULL;
		rc = ent_index_screen(j->ix, &j->qs[i], j->o, &j->out[i]);
		if (j->rcs != NULL)
			j->rcs[i] = rc;
		if (rc != ENT_OK) {
			int z = ENT_OK;

			atomic_compare_exchange_strong(&j->first_rc, &z, rc);
		}
	}
	return NULL;
}

int
ent_index_screen_many(const struct ent_index *ix, const struct ent_query *qs,
    size_t n, const struct ent_screen_opts *o, unsigned nthreads,
    struct ent_hits **out, int *rcs)
{
	struct screen_job j;

	if (ix == NULL || (n > 0 && (qs == NULL || out == NULL)))
		return ENT_EINVAL;
	if (nthreads == 0)
		nthreads = 2;
	if (nthreads > 64)
		nthreads = 64;
	j.ix = ix;
	j.qs = qs;
	j.o = o;
	j.out = out;
	j.rcs = rcs;
	j.n = n;
	atomic_init(&j.next, 0);
	atomic_init(&j.first_rc, ENT_OK);
	pool_run(
	    ix->pool, screen_worker, &j, n < nthreads ? (unsigned)n : nthreads);
	return atomic_load(&j.first_rc);
}

int
ent_name_score(const char *schema, const char *a, const char *b, double *out)
{
	const struct ent_schema *s = NULL;
	struct nname *x = NULL, *y = NULL;
	enum mkind k = MK_PERSON;
	size_t i;
	int rc = ENT_ENOMEM;

	if (a == NULL || b == NULL || out == NULL)
		return ENT_EINVAL;
	if (schema != NULL && (s = ent_schema_get(schema)) == NULL)
		return ENT_EINVAL;
	if (s != NULL)
		k = kind_of(s);
	if ((x = calloc(1, sizeof(*x))) == NULL ||
	    (y = calloc(1, sizeof(*y))) == NULL)
		goto out;
	if ((rc = name_analyze(a, k, x)) != ENT_OK ||
	    (rc = name_analyze(b, k, y)) != ENT_OK)
		goto out;
	for (i = 0; i < x->n; i++)
		x->t[i].w = tok_flag_weight(x->t[i].flags);
	for (i = 0; i < y->n; i++)
		y->t[i].w = tok_flag_weight(y->t[i].flags);
	*out = name_compare(x, y, NULL, NULL);
	rc = ENT_OK;
out:
	if (x != NULL)
		name_fini(x);
	if (y != NULL)
		name_fini(y);
	free(x);
	free(y);
	return rc;
}
