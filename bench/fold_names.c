/* fold_names.c - fold names the way Entente does, for a peer database.
 *
 * Usage: fold_names < in.tsv > out.tsv
 *
 * Reads lines "id<TAB>name" (UTF-8) on stdin and writes "id<TAB>folded"
 * on stdout, where folded is ent_text_fold(name): NFKC case fold,
 * transliteration to Latin and ASCII, words joined by single spaces.  The
 * PostgreSQL pg_trgm peer (bench/peer_pg.sh) indexes this output, so both
 * engines compare the same transliterated names: the peer is measured on
 * its matching, not on a folding it never had.
 *
 * The output is in PostgreSQL COPY text format: a backslash in either
 * field is written doubled (tabs and newlines cannot occur: the input is
 * split on them and folding never makes them).  A name that folds to
 * nothing (only punctuation) is written with an empty second field, so
 * every input line has exactly one output line, in order.
 *
 * A bad line (no tab, invalid UTF-8, longer than ENT_TEXT_MAX) is reported
 * on stderr as "stdin:LINE: what" and skipped; the exit status is then 1.
 * Exit 2 on a usage error or when ICU cannot start. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "ent_err.h"
#include "ent_text.h"

/* What a failed fold means for one input line. */
static const struct {
	int err;
	const char *why;
} fold_errors[] = {
    {ENT_EINVAL, "name is not valid UTF-8 or holds a NUL"},
    {ENT_ETOOBIG, "name too long"},
    {ENT_ENOMEM, "out of memory"},
};

static const char *
fold_error(int err)
{
	size_t i;

	for (i = 0; i < sizeof(fold_errors) / sizeof(fold_errors[0]); i++)
		if (fold_errors[i].err == err)
			return fold_errors[i].why;
	return ent_strerror(err);
}

/* Write s[0..n) with backslashes doubled (COPY text format). */
static int
put_field(const char *s, size_t n, FILE *out)
{
	const char *bs;

	while (n > 0 && (bs = memchr(s, '\\', n)) != NULL) {
		size_t k = (size_t)(bs - s) + 1;

		if (fwrite(s, 1, k, out) != k || fputc('\\', out) == EOF)
			return ENT_EIO;
		s += k;
		n -= k;
	}
	if (n > 0 && fwrite(s, 1, n, out) != n)
		return ENT_EIO;
	return ENT_OK;
}

/* Fold one "id<TAB>name" line (without its newline) and write it.
 * ENT_EINVAL for a line without a tab or a name that is not UTF-8,
 * ENT_ETOOBIG for a name beyond ENT_TEXT_MAX; *why says which. */
static int
fold_line(const char *line, size_t n, FILE *out, const char **why)
{
	const char *tab = memchr(line, '\t', n);
	char *folded = NULL;
	size_t idlen;
	int r;

	if (tab == NULL) {
		*why = "no tab between id and name";
		return ENT_EINVAL;
	}
	idlen = (size_t)(tab - line);
	if (idlen == 0) {
		*why = "empty id";
		return ENT_EINVAL;
	}
	r = ent_text_fold(tab + 1, n - idlen - 1, &folded);
	if (r != ENT_OK) {
		*why = fold_error(r);
		goto out;
	}
	if ((r = put_field(line, idlen, out)) != ENT_OK ||
	    fputc('\t', out) == EOF ||
	    (r = put_field(folded, strlen(folded), out)) != ENT_OK ||
	    fputc('\n', out) == EOF) {
		r = ENT_EIO;
		*why = "cannot write to stdout";
	}
out:
	free(folded);
	return r;
}

int
main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long long lineno = 0, bad = 0, good = 0;
	int status = 0;

	if (argc != 1) {
		fprintf(stderr, "usage: %s < id-TAB-name.tsv > folded.tsv\n",
		    argv[0]);
		return 2;
	}
	if (ent_text_init() != ENT_OK) {
		fprintf(
		    stderr, "fold_names: ICU transliteration unavailable\n");
		return 2;
	}
	while ((len = getline(&line, &cap, stdin)) >= 0) {
		size_t n = (size_t)len;
		const char *why = NULL;
		int r;

		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			n--;
		if (n > 0 && line[n - 1] == '\r')
			n--;
		if (n == 0)
			continue; /* a blank line carries nothing to fold */
		r = fold_line(line, n, stdout, &why);
		if (r == ENT_EIO) {
			fprintf(stderr, "fold_names: %s\n", why);
			status = 2;
			goto out;
		}
		if (r != ENT_OK) {
			fprintf(stderr, "stdin:%lld: %s\n", lineno, why);
			bad++;
			status = 1;
			continue;
		}
		good++;
	}
	if (ferror(stdin)) {
		fprintf(
		    stderr, "fold_names: reading stdin: %s\n", strerror(errno));
		status = 2;
	}
out:
	if (fflush(stdout) != 0 && status == 0) {
		fprintf(stderr, "fold_names: cannot write to stdout\n");
		status = 2;
	}
	if (bad > 0)
		fprintf(stderr, "fold_names: %lld folded, %lld bad lines\n",
		    good, bad);
	free(line);
	ent_text_cleanup();
	return status;
}
