/* ent_docnum.c - normalised and OCR-folded document numbers.
 *
 * This module only computes keys.  Finding documents by key is ent_docidx;
 * reading numbers out of an MRZ is ent_mrz.  The fold classes are chosen
 * from the pairs OCR-B readers and people typing from a photo confuse most:
 * round shapes (0 O D Q), vertical strokes (1 I L), and the digit/letter
 * twins 2/Z, 5/S, 6/G, 8/B.  Classes are kept small on purpose: each merge
 * makes unrelated numbers collide, and a folded hit is only a hint. */
#include "ent_docnum.h"

#include <pthread.h>
#include <string.h>

#include "ent_country.h"
#include "ent_err.h"
#include "ent_mrz.h"

/* Fold table: index by upper-case ASCII; 0 means "keep the character". */
static const char fold_map[128] = {
    ['O'] = '0',
    ['D'] = '0',
    ['Q'] = '0',
    ['I'] = '1',
    ['L'] = '1',
    ['Z'] = '2',
    ['S'] = '5',
    ['G'] = '6',
    ['B'] = '8',
};

/* Which two-letter codes are valid, asked once of ent_country: every
 * index lookup checks its country, and a 676-byte table answers that
 * without the country table's binary search. */
static unsigned char valid_a2[26 * 26];
static pthread_once_t valid_a2_once = PTHREAD_ONCE_INIT;

static void
valid_a2_init(void)
{
	char code[3] = {0, 0, 0};
	int a, b;

	for (a = 0; a < 26; a++) {
		for (b = 0; b < 26; b++) {
			code[0] = (char)('a' + a);
			code[1] = (char)('a' + b);
			valid_a2[a * 26 + b] = ent_country_valid(code);
		}
	}
}

/* Lower-case letter index, or -1. */
static int
letter(char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	return -1;
}

/* Separators are dropped from numbers; see the header. */
static bool
is_separator(char c)
{
	return c == ' ' || c == '\t' || c == '-' || c == '.' || c == '/' ||
	       c == '_' || c == '<';
}

char
ent_docnum_fold_char(char c)
{
	unsigned char u = (unsigned char)c;

	return u < 128 && fold_map[u] != 0 ? fold_map[u] : c;
}

static int
normalize(const char *in, char *out, size_t len, bool fold)
{
	char tmp[ENT_DOCNUM_MAX + 1];
	size_t n = 0;
	char c;

	if (in == NULL)
		return ENT_EINVAL;
	for (; *in != '\0'; in++) {
		c = *in;
		if (is_separator(c))
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return ENT_EINVAL;
		if (n == ENT_DOCNUM_MAX)
			return ENT_ETOOBIG;
		tmp[n++] = fold ? ent_docnum_fold_char(c) : c;
	}
	if (n == 0)
		return ENT_EINVAL;
	if (n + 1 > len)
		return ENT_ETOOBIG;
	memcpy(out, tmp, n);
	out[n] = '\0';
	return ENT_OK;
}

int
ent_docnum_normalize(const char *in, char *out, size_t len)
{
	return normalize(in, out, len, false);
}

int
ent_docnum_fold(const char *in, char *out, size_t len)
{
	return normalize(in, out, len, true);
}

int
ent_docnum_country(const char *in, char out[3])
{
	const char *a2, *note;
	char up[4];
	size_t n, i;

	if (in == NULL || in[0] == '\0') {
		out[0] = '\0';
		return ENT_OK;
	}
	n = strlen(in);
	if (n == 2 && letter(in[0]) >= 0 && letter(in[1]) >= 0) {
		pthread_once(&valid_a2_once, valid_a2_init);
		if (valid_a2[letter(in[0]) * 26 + letter(in[1])]) {
			out[0] = (char)('a' + letter(in[0]));
			out[1] = (char)('a' + letter(in[1]));
			out[2] = '\0';
			if (out[0] == 'z' && out[1] == 'z')
				out[0] = '\0';
			return ENT_OK;
		}
	}
	a2 = NULL;
	note = NULL;
	if (n <= 3) {
		/* An MRZ code: upper-case it for the ICAO table. */
		for (i = 0; i < n; i++)
			up[i] = (in[i] >= 'a' && in[i] <= 'z')
			            ? (char)(in[i] - 'a' + 'A')
			            : in[i];
		up[n] = '\0';
		a2 = ent_mrz_state_a2(up, &note);
	}
	if (a2 == NULL && note == NULL)
		a2 = ent_country_from_name(in);
	if (a2 == NULL && note != NULL) {
		out[0] = '\0'; /* stateless, refugee, UN...: no country */
		return ENT_OK;
	}
	if (a2 == NULL || strlen(a2) != 2)
		return ENT_EINVAL;
	out[0] = a2[0];
	out[1] = a2[1];
	out[2] = '\0';
	if (out[0] == 'z' && out[1] == 'z')
		out[0] = '\0';
	return ENT_OK;
}

int
ent_docnum_key(const char *country, const char *number, char *out, size_t len)
{
	char cc[3], num[ENT_DOCNUM_MAX + 1];
	size_t nc, nn;
	int rc;

	if ((rc = ent_docnum_country(country, cc)) != ENT_OK)
		return rc;
	if ((rc = ent_docnum_fold(number, num, sizeof(num))) != ENT_OK)
		return rc;
	nc = strlen(cc);
	nn = strlen(num);
	if (nc + 1 + nn + 1 > len)
		return ENT_ETOOBIG;
	memcpy(out, cc, nc);
	out[nc] = ':';
	memcpy(out + nc + 1, num, nn + 1);
	return ENT_OK;
}
