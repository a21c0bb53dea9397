/* ent_text.h - Unicode text folding for search keys (the ICU wrapper).
 *
 * Screening compares names written in any script.  This module turns a
 * UTF-8 string into lower-case ASCII words that can be compared byte by
 * byte: NFKC case folding, then transliteration to Latin and ASCII.  ICU's
 * defaults are kept where they are good (Greek, Kana, Hangul, Han read as
 * Mandarin pinyin without tones) and replaced by our own rules where they
 * are poor for names: Cyrillic follows English-style BGN/PCGN ("zh", "kh",
 * "shch" rather than ISO 9 "ž" -> "z"), and Arabic, Persian, Urdu and Hebrew
 * use consonant-plus-long-vowel spellings close to the Latin forms found on
 * watchlists.  Keys are for comparison only, never for display.
 *
 * ICU headers appear only in ent_text.c.  All functions are thread-safe:
 * the transliterator is compiled once and cloned per thread.  Call
 * ent_text_init() once before threads start (it is also called lazily) and
 * ent_text_cleanup() last in main, after every thread has finished. */
#ifndef ENT_TEXT_H
#define ENT_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The longest input accepted, in bytes, and the most words one call
 * returns: a name is short; anything beyond is cut (words) or refused
 * (bytes, ENT_ETOOBIG). */
#define ENT_TEXT_MAX 65536
#define ENT_TEXT_TOKENS_MAX 64
/* The longest folded word kept, in bytes; longer words are cut. */
#define ENT_TEXT_TOKLEN_MAX 63

enum ent_script {
	ENT_SCRIPT_NONE = 0, /* digits only, or nothing */
	ENT_SCRIPT_LATIN,
	ENT_SCRIPT_CYRILLIC,
	ENT_SCRIPT_GREEK,
	ENT_SCRIPT_ARABIC, /* also Persian and Urdu */
	ENT_SCRIPT_HEBREW,
	ENT_SCRIPT_HAN,
	ENT_SCRIPT_HANGUL,
	ENT_SCRIPT_KANA,
	ENT_SCRIPT_OTHER,
	ENT_SCRIPT__COUNT
};

/* One folded word: s is [a-z0-9]+ (or the original UTF-8 when no Latin
 * form exists, e.g. Khmer), NUL-terminated, borrowed from the list. */
struct ent_text_tok {
	const char *s;
	uint32_t len;
	uint8_t script; /* enum ent_script of the original word */
};

struct ent_text_toks {
	struct ent_text_tok v[ENT_TEXT_TOKENS_MAX];
	size_t n;
	/* private: storage for the strings */
	char mem[ENT_TEXT_TOKENS_MAX * (ENT_TEXT_TOKLEN_MAX + 1)];
	size_t used;
};

/* Compile the transliterator.  Idempotent and thread-safe; ENT_EINTERNAL
 * if ICU lacks its data. */
int ent_text_init(void);
/* Release ICU's caches.  Only after all threads that used this module
 * have ended; ent_text_init() may be called again afterwards. */
void ent_text_cleanup(void);

/* Split s (n bytes of UTF-8) into words and fold each.  Apostrophes and
 * similar marks inside a word are dropped ("Qa'ida" -> "qaida"); hyphens
 * and other punctuation split ("Jean-Marie" -> "jean", "marie").  Han and
 * Hangul names are read syllable by syllable and grouped as family name
 * plus given name ("习近平" -> "xi", "jinping").  An Arabic article is split
 * off ("السيسي" -> "al", "sisi").  ENT_EINVAL for invalid UTF-8 or NUL,
 * ENT_ETOOBIG beyond ENT_TEXT_MAX.  *out is filled only on ENT_OK; zero
 * words is not an error. */
int ent_text_tokens(const char *s, size_t n, struct ent_text_toks *out);

/* The folded words of s joined by single spaces ("Müller-Lüdenscheidt" ->
 * "muller ludenscheidt").  The caller free()s *out.  Errors as above. */
int ent_text_fold(const char *s, size_t n, char **out);

/* The script of most letters of s (ENT_SCRIPT_NONE without letters). */
int ent_text_script(const char *s, size_t n, enum ent_script *out);

/* "latin", "cyrillic" ... for messages. */
const char *ent_script_name(enum ent_script s);

#endif /* ENT_TEXT_H */
