/* csv_int.h - an RFC 4180 record splitter shared by the CSV and OFAC
 * readers; private to src/codec.  Implemented in ent_csv.c.
 *
 * It reads one record at a time from a FILE: fields separated by commas,
 * optionally quoted with '"', a doubled quote inside quotes standing for
 * one, commas, CRs and newlines inside quotes kept as data, records ended
 * by LF or CRLF.  A UTF-8 byte order mark at the very start is skipped.
 * Bytes are passed through unchanged: the caller checks or converts the
 * encoding, since the two formats differ there. */
#ifndef ENT_CSV_INT_H
#define ENT_CSV_INT_H

#include <stdio.h>

#include "ent_buf.h"
#include "ent_diag.h"

/* The most fields a record may have; more is ENT_ETOOBIG. */
#define ENT_CSV_FIELDS_MAX 4096

struct ent_csv {
	FILE *fp;              /* borrowed */
	long line;             /* lines consumed so far */
	long long offset;      /* bytes consumed so far */
	size_t max;            /* the largest record, in bytes */
	struct ent_buf buf;    /* the fields, each NUL-terminated */
	size_t *off;           /* start of field i in buf */
	size_t nf, cap;        /* fields in the current record */
	int started;           /* the BOM check is done */
	unsigned char pend[3]; /* bytes read ahead by the BOM check */
	int npend;
};

/* Prepare c to read fp, accepting records of at most max bytes. */
void ent__csv_init(struct ent_csv *c, FILE *fp, size_t max);
void ent__csv_fini(struct ent_csv *c); /* NULL-safe */

/* Read the next record; *start is the line it starts on (1-based).
 * Returns ENT_OK with the fields available below, ENT_ENOTFOUND at the end
 * of the file, and, with d saying why:
 *   ENT_EINVAL   a malformed record (text after a closing quote); it has
 *                been read to its end and the next call reads on;
 *   ENT_ETOOBIG  a record over max bytes or ENT_CSV_FIELDS_MAX fields,
 *                likewise skipped;
 *   ENT_EFORMAT  a quoted field still open at the end of the file;
 *   ENT_EIO, ENT_ENOMEM. */
int ent__csv_next(struct ent_csv *c, long *start, struct ent_diag *d);

/* The fields of the last record read, NUL-terminated (a field may hold
 * NUL bytes too: use the length).  Borrowed until the next call, and the
 * caller may edit them in place until then.  NULL past the last field. */
size_t ent__csv_nfields(const struct ent_csv *c);
char *ent__csv_field(struct ent_csv *c, size_t i);
size_t ent__csv_field_len(const struct ent_csv *c, size_t i);

#endif /* ENT_CSV_INT_H */
