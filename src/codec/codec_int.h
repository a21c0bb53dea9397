/* codec_int.h - what the format readers share; private to src/codec.
 *
 * ent_reader.c opens the input (spooling standard input to an unlinked
 * temporary file so every format can seek and detect), picks the format
 * and then calls the format's operations below. */
#ifndef ENT_CODEC_INT_H
#define ENT_CODEC_INT_H

#include <stdio.h>

#include "ent_codec.h"

struct ent_reader {
	const struct reader_ops *ops;
	enum ent_format fmt;
	char *name;     /* for messages: the path, or "<stdin>" */
	char *path;     /* the real path, NULL for standard input */
	FILE *fp;       /* positioned at the start of the content */
	long long size; /* bytes, 0 if unknown */
	void *state;    /* the format's own */
};

struct reader_ops {
	/* Prepare rd->state.  ENT_EFORMAT / ENT_EINVAL / ENT_EIO with d. */
	int (*open)(struct ent_reader *rd, struct ent_diag *d);
	/* As ent_reader_next(). */
	int (*next)(struct ent_reader *rd, struct ent_record **out, long *line,
	    struct ent_diag *d);
	/* Bytes consumed so far; may be approximate. */
	long long (*offset)(const struct ent_reader *rd);
	/* Free rd->state (NULL-safe).  rd->fp is closed by the caller. */
	void (*close)(struct ent_reader *rd);
};

extern const struct reader_ops ent__ftm_ops;
extern const struct reader_ops ent__unxml_ops;
extern const struct reader_ops ent__ofac_ops;
extern const struct reader_ops ent__csv_ops;

/* Read one line of at most max bytes into b (without the newline and a
 * trailing CR).  Returns ENT_OK, ENT_ENOTFOUND at end of file, ENT_ETOOBIG
 * if the line was longer (it has then been skipped to its end), ENT_EIO.
 * *line is incremented for each line read. */
int ent__read_line(FILE *fp, struct ent_buf *b, size_t max, long *line);

#endif /* ENT_CODEC_INT_H */
