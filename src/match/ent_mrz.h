/* ent_mrz.h - the machine-readable zone of travel documents (ICAO Doc 9303).
 *
 * A border officer's reader hands us the two or three OCR lines at the foot
 * of a passport, ID card or visa.  ent_mrz_parse() splits them into fields,
 * turns dates into ISO 8601 and names into "surname" and "given names", and
 * recomputes every check digit.  Formats:
 *
 *   TD1    3 lines x 30   ID cards                       (Doc 9303 part 5)
 *   TD2    2 lines x 36   ID cards, older travel cards   (part 6)
 *   TD3    2 lines x 44   passports                      (part 4)
 *   MRV-A  2 lines x 44   visas, first letter V          (part 7)
 *   MRV-B  2 lines x 36   visas, first letter V          (part 7)
 *
 * A wrong check digit is not a parse error: the document may be forged, or
 * the OCR may have misread one character, and the officer must see both the
 * data and the warning.  So the parse succeeds, every check is listed in
 * struct ent_mrz with its result, and ent_mrz_failures() writes one sentence
 * naming each failed field.  Only input that cannot be an MRZ at all (wrong
 * number of lines, wrong lengths, characters outside A-Z 0-9 <) is rejected.
 *
 * Everything here works on caller-provided memory, allocates nothing and
 * keeps no state, so it is thread-safe. */
#ifndef ENT_MRZ_H
#define ENT_MRZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ent_diag.h"

enum ent_mrz_format {
	ENT_MRZ_TD1,
	ENT_MRZ_TD2,
	ENT_MRZ_TD3,
	ENT_MRZ_MRVA,
	ENT_MRZ_MRVB
};

/* One recomputed check digit.  field is a static name: "document number",
 * "birth date", "expiry date", "optional data" or "composite".  expected is
 * the digit computed from the data, found the character printed ('<' is
 * possible).  An all-filler optional data field may print '<' or '0' as its
 * check digit; both count as ok. */
struct ent_mrz_check {
	const char *field;
	bool ok;
	char expected, found;
};

/* Flags in struct ent_mrz.flags.  The first three are problems that make
 * ent_mrz_ok() false and appear in ent_mrz_failures(); the others are
 * information for the caller. */
#define ENT_MRZ_BAD_BIRTH_DATE 0x01  /* not YYMMDD (fillers allowed) */
#define ENT_MRZ_BAD_EXPIRY_DATE 0x02 /* not YYMMDD */
#define ENT_MRZ_BAD_SEX 0x04         /* not F, M, X or < */
#define ENT_MRZ_NAME_TRUNCATED 0x10  /* the name fills its field: maybe cut */
#define ENT_MRZ_LONG_NUMBER 0x20     /* number continued in optional data */
#define ENT_MRZ_UNKNOWN_ISSUER 0x40  /* issuer has no alpha-2 and no note */
#define ENT_MRZ_UNKNOWN_NATIONALITY 0x80 /* likewise for the nationality */
#define ENT_MRZ_PROBLEMS                                                       \
	(ENT_MRZ_BAD_BIRTH_DATE | ENT_MRZ_BAD_EXPIRY_DATE | ENT_MRZ_BAD_SEX)

#define ENT_MRZ_MAX_CHECKS 5

/* The parsed zone.  Every string is NUL-terminated and stored inline, so the
 * struct can be copied and needs no freeing.  Fillers are removed: a field
 * that was all '<' is "". */
struct ent_mrz {
	enum ent_mrz_format format;
	const char *format_name; /* static: "TD1", "TD2", "TD3", "MRV-A"... */
	char lines[3][45];       /* the lines as read, upper-cased */
	size_t nlines;

	char doc_code[3]; /* "P", "PO", "I", "ID", "AC", "V"... */
	/* Static, from the code's first letter: "passport", "identity
	 * card", "visa" or "travel document" (FtM Passport or
	 * Identification). */
	const char *doc_kind;
	char issuer[4];          /* as printed: "UTO", "D" (Germany), "GBD" */
	char issuer_a2[3];       /* ISO alpha-2, lower case; "" if none */
	const char *issuer_note; /* static, for ICAO special codes such as
	                            "stateless person" or "British national
	                            (overseas)"; NULL otherwise */
	char nationality[4];
	char nationality_a2[3];
	const char *nationality_note;

	char primary[40];   /* surname(s), fillers turned to spaces */
	char secondary[40]; /* given names; "" for a single name */

	char number[24];      /* document number, TD1/TD2 overflow included */
	char birth_date[11];  /* "1974-08-12", "1974-08", "1974" or "" */
	char expiry_date[11]; /* "2012-04-15" or "" */
	char sex;             /* 'F', 'M' or 'X' (unspecified); 0 if bad */
	char optional[17];    /* optional data / personal number */
	char optional2[12];   /* TD1 line 2 optional data */

	struct ent_mrz_check checks[ENT_MRZ_MAX_CHECKS];
	size_t nchecks;
	unsigned flags; /* ENT_MRZ_* above */
};

struct ent_mrz_opts {
	/* "Today" as YYYYMMDD, used to choose the century of two-digit years:
	 * a birth date is the latest one not after today; an expiry date is
	 * 20YY unless that is more than 50 years ahead.  0 = the UTC date. */
	int32_t today;
};

/* Parse an MRZ given as one string: lines separated by newlines (CR LF
 * too), or by blanks, or run together as one 88, 72 or 90 character line.
 * Blank lines and spaces around each line are ignored; lower case is
 * accepted.  o may be NULL.  On success fills *out and returns ENT_OK, even
 * if check digits fail (see ent_mrz_ok()).  Returns ENT_EINVAL with a
 * sentence in d (which line, what length was expected, which character)
 * if text cannot be an MRZ; *out is then untouched. */
int ent_mrz_parse(const char *text, const struct ent_mrz_opts *o,
    struct ent_mrz *out, struct ent_diag *d);

/* The same with the lines given separately (nlines is 2 or 3). */
int ent_mrz_parse_lines(const char *const *lines, size_t nlines,
    const struct ent_mrz_opts *o, struct ent_mrz *out, struct ent_diag *d);

/* True if every check digit matched and no ENT_MRZ_PROBLEMS flag is set. */
bool ent_mrz_ok(const struct ent_mrz *m);

/* Count the failed check digits and problem flags.  If there are any and d
 * is not NULL, write one sentence naming each, e.g. "check digits do not
 * match for document number (expected 6, found 5) and composite (expected
 * 0, found 1)"; otherwise clear d. */
size_t ent_mrz_failures(const struct ent_mrz *m, struct ent_diag *d);

/* The ICAO 7-3-1 check digit of the n characters at s, as '0'..'9'; 0 if a
 * character is not in A-Z 0-9 < (lower case is not accepted here). */
char ent_mrz_check_digit(const char *s, size_t n);

/* Turn an MRZ name field, "SURNAME<<GIVEN<NAMES", in any case and with or
 * without trailing fillers, into "GIVEN NAMES SURNAME" for name screening.
 * A name without "<<" is taken as a surname alone.  Case is kept.  Returns
 * ENT_OK, ENT_EINVAL if the name is empty, or ENT_ETOOBIG if buf (len
 * bytes) is too small; buf is written only on success. */
int ent_mrz_name_format(const char *mrzname, char *buf, size_t len);

/* "GIVEN NAMES SURNAME" from a parsed zone; same results as above. */
int ent_mrz_full_name(const struct ent_mrz *m, char *buf, size_t len);

/* True if s looks like an MRZ-style name: it contains '<' and otherwise
 * only ASCII letters and spaces.  Lets the screening engine decide whether
 * to reorder a typed name such as "IQBAL<<AHSAN". */
bool ent_mrz_name_like(const char *s);

/* The ISO alpha-2 code (static, lower case) for an ICAO state code as it
 * appears in an MRZ: "D" (Germany), "GBD"/"GBN"/"GBO"/"GBP"/"GBS" (British
 * nationality classes), "UNK"/"RKS" (Kosovo), "EUE" (EU), and any alpha-3
 * code ent_country_from_name() knows.  Trailing fillers are ignored; case
 * is not.  NULL if there is none.  If note is not NULL, *note is set to a
 * static description for ICAO's special codes ("stateless person",
 * "refugee", "United Nations organisation", "British national
 * (overseas)"...) and to NULL for ordinary or unknown codes. */
const char *ent_mrz_state_a2(const char *code, const char **note);

#endif /* ENT_MRZ_H */
