/* ent_docnum.h - document numbers as keys: normalised and OCR-folded.
 *
 * Lists write a passport number "C-01X 01R7", an MRZ reads "C01X01R74", an
 * OCR engine reads "CO1X01R74".  Two forms make these meet:
 *
 *   normalised  upper case, without spaces, tabs, '-', '.', '/', '_' or '<':
 *               "C01X01R74".  Equal normalised numbers are the same number.
 *   folded      the normalised form with each class of characters that OCR
 *               confuses replaced by one representative:
 *
 *                   0 O D Q -> 0     1 I L -> 1     2 Z -> 2
 *                   5 S     -> 5     6 G   -> 6     8 B -> 8
 *
 *               so "A8C1O5" and "ABC105" both fold to "A8C105".  Equal folded
 *               numbers are only probably the same number: the caller must
 *               say so ("OCR-tolerant match") and score it lower.
 *
 * Other letters and digits are kept.  Anything else (accents, '#', '+')
 * makes the number invalid rather than silently dropped, since an unknown
 * character may be significant.
 *
 * Everything here is pure and thread-safe. */
#ifndef ENT_DOCNUM_H
#define ENT_DOCNUM_H

#include <stdbool.h>
#include <stddef.h>

/* The longest normalised number accepted.  ICAO numbers have at most 9
 * characters (23 with the TD1 overflow); national ID numbers reach 20. */
#define ENT_DOCNUM_MAX 32
/* Buffer size for a key: "cc:" + ENT_DOCNUM_MAX + NUL. */
#define ENT_DOCKEY_MAX (3 + ENT_DOCNUM_MAX + 1)

/* Write the normalised number into out (len bytes, ENT_DOCNUM_MAX + 1 is
 * always enough).  ENT_EINVAL if in is NULL, empty after normalising or has
 * a character other than ASCII letters, digits and the separators above;
 * ENT_ETOOBIG if longer than ENT_DOCNUM_MAX or than out.  out is written
 * only on success. */
int ent_docnum_normalize(const char *in, char *out, size_t len);

/* Normalise and fold, as above. */
int ent_docnum_fold(const char *in, char *out, size_t len);

/* The folded representative of one upper-case character, or c itself. */
char ent_docnum_fold_char(char c);

/* Turn a country as callers have it into the lower-case alpha-2 code used
 * in keys, or "" for "unknown": NULL, "", "zz" (FtM's unknown) and ICAO's
 * non-state codes (XXA stateless...) are unknown.  Accepts alpha-2 in any
 * case, ICAO MRZ codes ("D", "GBD", "UTO"-style alpha-3) and the names
 * ent_country_from_name() knows.  ENT_EINVAL if the country is given but
 * not recognised. */
int ent_docnum_country(const char *in, char out[3]);

/* The document key: "<country>:<folded number>", e.g. "se:1898902C3", or
 * ":1898902C3" without a country.  Two documents with the same key are the
 * same document, up to OCR confusion.  Errors as above; out (len bytes,
 * ENT_DOCKEY_MAX is enough) is written only on success. */
int ent_docnum_key(
    const char *country, const char *number, char *out, size_t len);

#endif /* ENT_DOCNUM_H */
