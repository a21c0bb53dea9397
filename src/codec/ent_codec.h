/* ent_codec.h - records to bytes and back: FtM JSON lines, and readers for
 * the list formats agencies receive (UN XML, OFAC CSV, a simple CSV).
 *
 * A reader yields records one at a time so an import of any size runs in
 * bounded memory.  Readers are not thread-safe; use one per thread. */
#ifndef ENT_CODEC_H
#define ENT_CODEC_H

#include <stddef.h>
#include <stdio.h>

#include "ent_buf.h"
#include "ent_diag.h"
#include "ent_record.h"

enum ent_format {
	ENT_FMT_AUTO = 0, /* detect from content */
	ENT_FMT_FTM,      /* FollowTheMoney JSON lines */
	ENT_FMT_UN_XML,   /* UN Security Council Consolidated List XML */
	ENT_FMT_OFAC_CSV, /* OFAC SDN legacy CSV: sdn.csv (+ alt.csv, add.csv)
	                   */
	ENT_FMT_CSV,      /* our simple CSV of persons (docs/formats.md) */
};

/* "ftm", "un-xml", "ofac-csv", "csv" -> format; ENT_EINVAL otherwise. */
int ent_format_parse(const char *name, enum ent_format *out);
const char *ent_format_name(enum ent_format f);

/* The longest line (FtM, CSV) a reader accepts; longer lines are reported
 * as bad items and skipped without being held in memory. */
#define ENT_LINE_MAX (16u << 20)

struct ent_reader;

/* Open path ("-" for standard input) as format fmt, detecting it from the
 * content for ENT_FMT_AUTO.  An empty file, an unreadable one or one of no
 * known format: ENT_EINVAL / ENT_EIO / ENT_EFORMAT with d.  *out only on
 * ENT_OK; close with ent_reader_close(). */
int ent_reader_open(const char *path, enum ent_format fmt,
    struct ent_reader **out, struct ent_diag *d);

/* The next record.  Returns
 *   ENT_OK      with *out a record the caller owns, or *out == NULL at end;
 *   ENT_EINVAL  this item is bad: d says why, *line where (1-based); the
 *               reader has moved past it and may be called again;
 *   ENT_ETOOBIG an item over a limit, likewise recoverable;
 *   ENT_EFORMAT the file is malformed or truncated: stop, d says where;
 *   anything else (ENT_EIO, ENT_ENOMEM): stop.
 * *line is the line (or, for XML, the line where the item starts). */
int ent_reader_next(struct ent_reader *rd, struct ent_record **out, long *line,
    struct ent_diag *d);

/* For line-based formats (FtM): the next non-blank line, undecoded, into
 * line, so callers can decode lines on several threads with
 * ent_ftm_decode().  Returns ENT_OK, ENT_ENOTFOUND at the end,
 * ENT_ETOOBIG for an overlong line (skipped; recoverable), ENT_EINVAL if
 * the format is not line-based, or ENT_EIO.  Do not mix with
 * ent_reader_next() on one reader. */
int ent_reader_next_line(struct ent_reader *rd, struct ent_buf *line,
    long *lineno, struct ent_diag *d);

/* The detected or given format, and the name used in messages ("<stdin>"
 * or the path).  Borrowed. */
enum ent_format ent_reader_format(const struct ent_reader *rd);
const char *ent_reader_name(const struct ent_reader *rd);
/* Bytes consumed so far and total size (0 if unknown), for progress. */
void ent_reader_progress(
    const struct ent_reader *rd, long long *done, long long *total);
void ent_reader_close(struct ent_reader *rd); /* NULL-safe */

/* ---- FtM JSON ----------------------------------------------------------
 * A record is {"id","schema","properties":{prop:[values]}} with an optional
 * "meta" object holding the node's metadata (agency, version, created,
 * updated, legal_basis, handling, distribution, review_by, expires).
 * Keys other than these (caption, datasets, referents, first_seen,
 * last_seen, last_change, target) are accepted and ignored, as FtM tools
 * emit them. */

/* Parse one JSON object of len bytes (UTF-8 is checked first, so a bad
 * byte is reported as such).  *out only on ENT_OK.  Thread-safe. */
int ent_ftm_decode(
    const char *json, size_t len, struct ent_record **out, struct ent_diag *d);
/* Append the canonical one-line form (no newline) to b: keys in a fixed
 * order, properties sorted, compact, UTF-8 unescaped.  with_meta adds the
 * "meta" object. */
int ent_ftm_encode(
    const struct ent_record *r, int with_meta, struct ent_buf *b);

/* The properties object alone, canonical: what the store keeps. */
int ent_ftm_props_encode(const struct ent_record *r, struct ent_buf *b);
/* Fill r (created with its id and schema) from a properties object. */
int ent_ftm_props_decode(
    struct ent_record *r, const char *json, size_t len, struct ent_diag *d);

/* ---- passenger lists ---------------------------------------------------
 * The input of batch screening: CSV with a header or JSON lines, with the
 * keys id, name, schema, birth_date, nationality, gender, document_number,
 * document_country.  Only id and name are required; other CSV columns and
 * JSON keys are ignored. */

struct ent_passenger {
	/* Borrowed from the reader until the next call; NULL when absent. */
	const char *id, *name, *schema, *birth_date, *nationality, *gender;
	const char *document_number, *document_country;
};

struct ent_batch_reader;

/* Read from fp (borrowed; the caller closes it), named name in messages.
 * The format is taken from the first byte: '{' JSON lines, else CSV. */
int ent_batch_open(FILE *fp, const char *name, struct ent_batch_reader **out,
    struct ent_diag *d);
/* The next row: ENT_OK with p filled, ENT_ENOTFOUND at the end, ENT_EINVAL
 * or ENT_ETOOBIG for a bad row (d says why, *line where; call again for the
 * next), ENT_EFORMAT (unusable header, unterminated quote) or ENT_EIO to
 * stop.  On a bad row p->id is set when the row had a readable id. */
int ent_batch_next(struct ent_batch_reader *br, struct ent_passenger *p,
    long *line, struct ent_diag *d);
void ent_batch_close(struct ent_batch_reader *br); /* NULL-safe */

/* Append s as a JSON string literal (quotes included) to b. */
int ent_json_str(struct ent_buf *b, const char *s);

#endif /* ENT_CODEC_H */
