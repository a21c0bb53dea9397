/* match_int.h - private to src/match: name analysis and comparison.
 *
 * A name is analysed once (on put, or once per query) into tokens: folded
 * ASCII text, a phonetic skeleton, flags that say how much the token may
 * count, and a legal-form class for company words.  Comparison aligns the
 * tokens of two names, order-free, allowing one side's two adjacent tokens
 * to match one token of the other ("Alisher Usmanov" / "AlisherUsmanov"),
 * and returns a similarity in [0, 1]. */
#ifndef MATCH_INT_H
#define MATCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ent_buf.h"

/* What kind of thing a name belongs to decides which words are noise. */
enum mkind { MK_PERSON, MK_ORG, MK_OTHER };

enum {
	TK_WEAK = 1 << 0,    /* particle: al, bin, van der, de la, the ... */
	TK_LEGAL = 1 << 1,   /* legal form: ltd, llc, gmbh, jsc ... */
	TK_NUM = 1 << 2,     /* digits or a roman numeral */
	TK_INITIAL = 1 << 3, /* a single letter */
	TK_ABJAD = 1 << 4,   /* written without vowels (Arabic, Hebrew) */
	TK_TITLE = 1 << 5,   /* mr, dr, sheikh, president ...: ignored */
	TK_SYLL = 1 << 6,    /* from Han/Hangul/Kana syllables */
	TK_NICK = 1 << 7     /* a known nickname (Bill, Ted, Bibi ...) */
};

#define NAME_TOK_MAX 24
#define TOK_LEN_MAX 63

struct ntok {
	char s[TOK_LEN_MAX + 1];
	char sk[TOK_LEN_MAX + 1]; /* phonetic skeleton */
	uint8_t len, sklen, flags;
	/* low six bits: legal-form class of a TK_LEGAL word; LC_QUAL
	 * (ent_name.c) on any other word marks it as written in
	 * parentheses, a qualifier.  Bit LC_XLIT: romanised from another
	 * alphabet (Cyrillic, Greek, Devanagari...), whose vowels shift */
	uint8_t lclass;
	/* hash64(s, len, 0): also the index's exact key of the word
	 * (ent_index.c key_of), so keep it so */
	uint64_t h;
	uint64_t lm; /* letters of s: bit (c & 63) for each byte c */
	float w;     /* weight, set by the caller (rarity x flags) */
};

/* The letter set of s for ntok.lm. */
uint64_t tok_letters(const char *s, size_t n);

struct nname {
	struct ntok t[NAME_TOK_MAX];
	size_t n;
	char *folded; /* tokens joined by spaces, owned (for literal match) */
	/* enum mkind, set by name_analyze; name_compare reads only the query
	 * side's (records loaded from the index leave it unset) */
	uint8_t kind;
	/* joins[j]: t[j] and t[j + 1] as one word, where name_mergeable says
	 * they may be; NULL: name_compare joins them itself.  Records set it
	 * from joins stored at index build, so that a screen does not redo a
	 * join (its skeleton above all) for every candidate.  Not owned. */
	const struct ntok *joins;
};

/* Whether t[j] and t[j + 1] of a name may stand for one word. */
bool name_mergeable(const struct ntok *a, const struct ntok *b);

/* The skeleton of a and b joined, into sk (>= TOK_LEN_MAX + 1 bytes);
 * returns its length.  For a join stored at index build. */
size_t name_join_skeleton(const struct ntok *a, const struct ntok *b, char *sk);

/* a and b joined into *m, with the skeleton name_join_skeleton gave. */
void name_join_load(const struct ntok *a, const struct ntok *b, const char *sk,
    size_t sklen, struct ntok *m);

/* Compact stored form of an analysed name (index memory matters at 1M
 * records): strings live in one blob, NUL-separated: s then sk, then the
 * skeleton of its join with the next token when name_mergeable. */
struct stok {
	uint64_t h;
	uint32_t off; /* s at blob+off, sk right after s's NUL */
	uint8_t len, sklen, flags, lclass;
};

int name_analyze(const char *raw, enum mkind kind, struct nname *out);
void name_fini(struct nname *nm);

/* A vowel of a folded word, as the skeleton drops it (y included). */
static inline bool
name_is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

/* Skeleton of s into out (>= TOK_LEN_MAX + 1 bytes); returns its length. */
size_t name_skeleton(const char *s, size_t n, char *out);
/* The same; hard_g for romanised Han/Hangul/Arabic, where "gi" is /gi/. */
size_t name_skeleton2(const char *s, size_t n, char *out, bool hard_g);

/* Similarity of two tokens in [0, 1]; *how says why (static string). */
double tok_sim(const struct ntok *a, const struct ntok *b, const char **how);

/* Weight multiplier for a token's flags. */
float tok_flag_weight(uint8_t flags);

/* Compare two analysed names whose weights are set.  If expl is not NULL,
 * append a human account of the alignment ("usama~osama (phonetic)").
 * *kind_out (optional): 0 exact, 1 phonetic, 2 fuzzy. */
double name_compare(const struct nname *q, const struct nname *c,
    struct ent_buf *expl, int *kind_out);

uint64_t hash64(const void *p, size_t n, uint64_t seed);

/* Token-pair similarities remembered within one query: its candidates
 * were found through shared words, so the same pairs come back from one
 * candidate to the next.  A token is known by the hash of its text, its
 * flags, legal class and length (all tok_sim reads); a full table just
 * stops remembering.  Caller-owned, one per thread (index scratch);
 * simmemo_reset() before each query, then pass it to name_compare_memo(). */
#define SIMMEMO_CAP 4096 /* a power of two */

struct simmemo_ent {
	uint64_t k; /* both tokens' keys mixed: 24 bytes an entry, so that
	               the table stays in the nearer caches */
	double sim;
	uint16_t gen; /* valid when == simmemo.gen */
	uint8_t how;  /* index into ent_name.c's how_names */
};

/* Two adjacent words joined (name_compare tries "jin"+"ping" against
 * "jinping"): the query's pairs recur with every candidate. */
#define SIMMEMO_JOINS 256 /* a power of two, direct-mapped */

struct simmemo_join {
	uint64_t a, b;
	uint32_t gen;
	struct ntok m;
};

struct simmemo {
	struct simmemo_ent e[SIMMEMO_CAP];
	struct simmemo_join j[SIMMEMO_JOINS];
	uint32_t n;
	uint16_t gen;
};

void simmemo_reset(struct simmemo *m);

/* name_compare with a memo (NULL: none).  Same result. */
double name_compare_memo(const struct nname *q, const struct nname *c,
    struct ent_buf *expl, int *kind_out, struct simmemo *memo);

#endif /* MATCH_INT_H */
