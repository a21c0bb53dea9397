/* ent_reader.c - opening an input, detecting its format, and the FtM JSON
 * lines reader.
 *
 * Standard input is spooled to an unlinked temporary file first: every
 * format can then look at its first bytes, seek, and report progress, and
 * a pipe that breaks half-way is seen before anything is imported. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "codec_int.h"
#include "ent_err.h"
#include "ent_util.h"

struct format_desc {
	enum ent_format fmt;
	const char *name;
	const struct reader_ops *ops;
};

static const struct format_desc formats[] = {
    {ENT_FMT_FTM, "ftm", &ent__ftm_ops},
    {ENT_FMT_UN_XML, "un-xml", &ent__unxml_ops},
    {ENT_FMT_OFAC_CSV, "ofac-csv", &ent__ofac_ops},
    {ENT_FMT_CSV, "csv", &ent__csv_ops},
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

int
ent_format_parse(const char *name, enum ent_format *out)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++) {
		if (strcmp(formats[i].name, name) == 0) {
			*out = formats[i].fmt;
			return ENT_OK;
		}
	}
	return ENT_EINVAL;
}

const char *
ent_format_name(enum ent_format f)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (formats[i].fmt == f)
			return formats[i].name;
	return "auto";
}

/* ---- lines ---------------------------------------------------------- */

/* Move the bytes gathered in chunk into b, unless the line is already too
 * long, in which case they are dropped. */
static int
spill(struct ent_buf *b, const char *chunk, size_t n, size_t max, bool *toolong)
{
	if (*toolong || n == 0)
		return ENT_OK;
	if (ent_buf_len(b) + n > max) {
		*toolong = true;
		return ENT_OK;
	}
	return ent_buf_add(b, chunk, n);
}

int
ent__read_line(FILE *fp, struct ent_buf *b, size_t max, long *line)
{
	char chunk[16384];
	bool toolong = false;
	size_t n = 0;
	int c;

	ent_buf_reset(b);
	if ((c = getc_unlocked(fp)) == EOF)
		return ferror(fp) ? ENT_EIO : ENT_ENOTFOUND;
	(*line)++;
	/* Byte by byte (NULs included) through a local chunk: a line of any
	 * length costs at most max bytes of memory. */
	for (; c != EOF && c != '\n'; c = getc_unlocked(fp)) {
		chunk[n++] = (char)c;
		if (n == sizeof(chunk)) {
			if (spill(b, chunk, n, max, &toolong) != ENT_OK)
				return ENT_ENOMEM;
			n = 0;
		}
	}
	if (spill(b, chunk, n, max, &toolong) != ENT_OK)
		return ENT_ENOMEM;
	if (ferror(fp))
		return ENT_EIO;
	if (toolong)
		return ENT_ETOOBIG;
	n = ent_buf_len(b);
	if (n > 0 && b->data[n - 1] == '\r')
		ent_buf_truncate(b, n - 1);
	return ENT_OK;
}

/* ---- FtM JSON lines ---------------------------------------------------- */

struct ftm_state {
	struct ent_buf line;
	long lineno;
};

static int
ftm_open(struct ent_reader *rd, struct ent_diag *d)
{
	struct ftm_state *st;

	(void)d;
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return ENT_ENOMEM;
	ent_buf_init(&st->line, ENT_LINE_MAX);
	rd->state = st;
	return ENT_OK;
}

static bool
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

/* The next non-blank line into b; see ent_reader_next_line(). */
static int
ftm_line(
    struct ent_reader *rd, struct ent_buf *b, long *line, struct ent_diag *d)
{
	struct ftm_state *st = rd->state;
	int r;

	for (;;) {
		r = ent__read_line(rd->fp, b, ENT_LINE_MAX, &st->lineno);
		*line = st->lineno;
		if (r == ENT_ETOOBIG) {
			ent_diag_set(d,
			    "line longer than the limit of %u bytes",
			    ENT_LINE_MAX);
			return ENT_ETOOBIG;
		}
		if (r == ENT_EIO)
			ent_diag_set(d, "read error: %s", strerror(errno));
		if (r != ENT_OK)
			return r;
		if (!blank(ent_buf_str(b)))
			return ENT_OK;
	}
}

static int
ftm_next(struct ent_reader *rd, struct ent_record **out, long *line,
    struct ent_diag *d)
{
	struct ftm_state *st = rd->state;
	int r;

	if ((r = ftm_line(rd, &st->line, line, d)) == ENT_ENOTFOUND) {
		*out = NULL;
		return ENT_OK;
	}
	if (r != ENT_OK)
		return r;
	return ent_ftm_decode(st->line.data, st->line.len, out, d);
}

static long long
ftm_offset(const struct ent_reader *rd)
{
	return ftell(rd->fp);
}

static void
ftm_close(struct ent_reader *rd)
{
	struct ftm_state *st = rd->state;

	if (st == NULL)
		return;
	ent_buf_fini(&st->line);
	free(st);
}

const struct reader_ops ent__ftm_ops = {
    .open = ftm_open,
    .next = ftm_next,
    .offset = ftm_offset,
    .close = ftm_close,
};

/* ---- detection -------------------------------------------------------- */

static bool
has(const char *head, const char *needle)
{
	return strstr(head, needle) != NULL;
}

/* Decide from the first bytes.  The order matters: XML and JSON are
 * unambiguous, OFAC rows start with a number then a quoted name, and our
 * CSV has a header naming an id column. */
static enum ent_format
detect(const char *head)
{
	const char *p = head;

	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
	    (unsigned char)p[2] == 0xBF)
		p += 3;
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	if (*p == '<')
		return has(p, "CONSOLIDATED_LIST") ? ENT_FMT_UN_XML
		                                   : ENT_FMT_AUTO;
	if (*p == '{')
		return ENT_FMT_FTM;
	if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			p++;
		if (p[0] == ',' && p[1] == '"')
			return ENT_FMT_OFAC_CSV;
		return ENT_FMT_AUTO;
	}
	if (strncmp(p, "id,", 3) == 0 || strncmp(p, "\"id\",", 5) == 0 ||
	    has(p, ",id,") || has(p, ",id\n") || has(p, ",id\r"))
		return ENT_FMT_CSV;
	return ENT_FMT_AUTO;
}

/* Copy standard input to an unlinked temporary file. */
static int
spool_stdin(FILE **out, long long *size, struct ent_diag *d)
{
	char buf[65536];
	FILE *tmp;
	size_t n;

	if ((tmp = tmpfile()) == NULL) {
		ent_diag_set(d, "<stdin>: cannot create a temporary file: %s",
		    strerror(errno));
		return ENT_EIO;
	}
	while ((n = fread(buf, 1, sizeof(buf), stdin)) > 0) {
		if (fwrite(buf, 1, n, tmp) != n) {
			ent_diag_set(d, "<stdin>: cannot spool input: %s",
			    strerror(errno));
			fclose(tmp);
			return ENT_EIO;
		}
	}
	if (ferror(stdin)) {
		ent_diag_set(d, "<stdin>: read error: %s", strerror(errno));
		fclose(tmp);
		return ENT_EIO;
	}
	*size = ftell(tmp);
	rewind(tmp);
	*out = tmp;
	return ENT_OK;
}

static int
open_input(struct ent_reader *rd, const char *path, struct ent_diag *d)
{
	struct stat sb;

	if (strcmp(path, "-") == 0) {
		rd->name = ent_strdup("<stdin>");
		return rd->name == NULL ? ENT_ENOMEM
		                        : spool_stdin(&rd->fp, &rd->size, d);
	}
	if ((rd->name = ent_strdup(path)) == NULL ||
	    (rd->path = ent_strdup(path)) == NULL)
		return ENT_ENOMEM;
	if ((rd->fp = fopen(path, "rb")) == NULL) {
		ent_diag_set(d, "%s: cannot open: %s", path, strerror(errno));
		return errno == ENOENT ? ENT_ENOTFOUND : ENT_EIO;
	}
	if (fstat(fileno(rd->fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		ent_diag_set(d, "%s: is a directory", path);
		return ENT_EINVAL;
	}
	rd->size = S_ISREG(sb.st_mode) ? (long long)sb.st_size : 0;
	return ENT_OK;
}

static const struct format_desc *
desc_of(enum ent_format f)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (formats[i].fmt == f)
			return &formats[i];
	return NULL;
}

int
ent_reader_open(const char *path, enum ent_format fmt, struct ent_reader **out,
    struct ent_diag *d)
{
	const struct format_desc *desc;
	struct ent_reader *rd;
	char head[4097];
	size_t n;
	int r;

	if ((rd = calloc(1, sizeof(*rd))) == NULL)
		return ENT_ENOMEM;
	if ((r = open_input(rd, path, d)) != ENT_OK)
		goto fail;
	n = fread(head, 1, sizeof(head) - 1, rd->fp);
	head[n] = '\0';
	rewind(rd->fp);
	if (n == 0) {
		ent_diag_set(d, "%s: the file is empty", rd->name);
		r = ENT_EINVAL;
		goto fail;
	}
	if (fmt == ENT_FMT_AUTO && (fmt = detect(head)) == ENT_FMT_AUTO) {
		ent_diag_set(d,
		    "%s: unknown format; give one with --format (ftm, un-xml, "
		    "ofac-csv, csv)",
		    rd->name);
		r = ENT_EFORMAT;
		goto fail;
	}
	if ((desc = desc_of(fmt)) == NULL) {
		ent_diag_set(d, "%s: unknown format", rd->name);
		r = ENT_EINVAL;
		goto fail;
	}
	rd->fmt = fmt;
	rd->ops = desc->ops;
	if ((r = rd->ops->open(rd, d)) != ENT_OK) {
		if (d != NULL && strncmp(d->msg, rd->name, strlen(rd->name)))
			ent_diag_prefix(d, "%s", rd->name);
		goto fail;
	}
	*out = rd;
	return ENT_OK;
fail:
	ent_reader_close(rd);
	return r;
}

int
ent_reader_next(struct ent_reader *rd, struct ent_record **out, long *line,
    struct ent_diag *d)
{
	*line = 0;
	*out = NULL;
	return rd->ops->next(rd, out, line, d);
}

int
ent_reader_next_line(struct ent_reader *rd, struct ent_buf *line, long *lineno,
    struct ent_diag *d)
{
	*lineno = 0;
	if (rd->ops != &ent__ftm_ops) {
		ent_diag_set(d, "%s: not a line-based format", rd->name);
		return ENT_EINVAL;
	}
	return ftm_line(rd, line, lineno, d);
}

enum ent_format
ent_reader_format(const struct ent_reader *rd)
{
	return rd->fmt;
}

const char *
ent_reader_name(const struct ent_reader *rd)
{
	return rd->name;
}

void
ent_reader_progress(
    const struct ent_reader *rd, long long *done, long long *total)
{
	*done = rd->ops->offset != NULL ? rd->ops->offset(rd) : 0;
	*total = rd->size;
}

void
ent_reader_close(struct ent_reader *rd)
{
	if (rd == NULL)
		return;
	if (rd->ops != NULL && rd->ops->close != NULL)
		rd->ops->close(rd);
	if (rd->fp != NULL)
		fclose(rd->fp);
	free(rd->name);
	free(rd->path);
	free(rd);
}
