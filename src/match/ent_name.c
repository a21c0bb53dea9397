/* ent_name.c - name analysis and comparison; see match_int.h.
 *
 * Analysis: fold with ent_text, then look at each word: titles (dropped),
 * particles (weak), legal forms (canonical word + class), numbers (number
 * words become digits), initials; then compute a phonetic skeleton.
 *
 * Comparison: every query token is scored against every candidate token
 * (and against adjacent pairs joined, for split or joined words); pairs are
 * taken greedily, best first.  The score is a weighted mean over aligned
 * pairs, diluted a little by tokens only one side has (a missing middle
 * name) and much more by tokens both sides have but that do not match (a
 * different surname): that asymmetry is what separates "Anjem Choudary" /
 * "Anjem Iftikhar Choudary" (same man) from "Malik Magomedovich
 * Barkhanoev" / "Malik Ruslanovich Barkhanoev" (brothers). */
#include "match_int.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent_err.h"
#include "ent_text.h"
#include "ent_util.h"

/* Alignment parameters; see docs/screening.md for how they were tuned. */
#define SIM_MIN 0.70         /* below this two tokens are simply different */
#define MERGE_MIN 0.80       /* joined-pair alignments must be this good */
#define PEN_QUERY 0.25       /* weight of a query token the record lacks */
#define PEN_CAND 0.25        /* weight of a record token the query lacks */
#define PEN_ORG_EXTRA 1.5    /* the same for organisations, vessels */
#define PEN_CONFLICT 2.50    /* weight of tokens both sides have unmatched */
#define PEN_ORDER 0.35       /* words shuffled, not just rotated */
#define ONE_WORD_FACTOR 0.85 /* one word matched, other words unmatched */
#define PEN_LEGAL 0.25       /* incompatible legal forms (AG vs GmbH) */
#define WEAK_ONLY_CAP 0.30   /* only particles or legal words matched */
/* Latin words whose consonants differ in one slot (Kokdemir / Gokdemir)
 * are at most this similar: a near-namesake, not a spelling variant */
#define CONS_SWAP_CAP 0.85
#define FIRST_SOUND_PEN 0.10 /* Latin words that begin with other sounds */
/* Latin words whose first syllables differ in two ways (another first
 * letter and another vowel, or an onset that is another sound written
 * with two letters): other family names sharing a stem, at most this */
#define OTHER_ONSET_CAP 0.75
/* the masculine and feminine forms of one Slavic family name */
#define GENDER_CAP 0.72

uint64_t
hash64(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ULL ^ seed;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return h;
}

/* ---- word lists ------------------------------------------------------ */

static int
strcmp_p(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted lists: bsearch. */
static const char *const titles[] = {"admiral", "alhaji", "brigadier", "capt",
    "captain", "col", "colonel", "dame", "doctor", "dr", "excellency", "gen",
    "general", "hadji", "haji", "hajji", "his", "hon", "honorable",
    "honourable", "lady", "lieutenant", "lord", "lt", "maj", "major", "marshal",
    "maulana", "maulvi", "miss", "mr", "mrs", "ms", "mullah", "praesident",
    "prasident", "president", "presidente", "prof", "professor", "rev",
    "reverend", "sgt", "shaikh", "shaykh", "sheik", "sheikh", "sir"};
static const char *const vessel_titles[] = {"fv", "mt", "mv", "ss"};
/* abn, bn, bnt: ابن, بن, بنت folded; ould: ولد (son of, Mauritania) */
static const char *const particles[] = {"abn", "abou", "abu", "ad", "al", "an",
    "and", "ar", "as", "ash", "at", "az", "bat", "ben", "bin", "bint", "bn",
    "bnt", "bou", "da", "das", "de", "dei", "del", "della", "dem", "den", "der",
    "des", "di", "do", "dos", "du", "el", "et", "ibn", "jr", "junior", "la",
    "le", "les", "lo", "of", "ould", "sr", "the", "ul", "und", "van", "ve",
    "vom", "von", "zu", "zum"};
/* Function words of organisation names ("Al-Qaida in Iraq", "Ansarul
 * Muslimina fi Biladis Sudan", "Front for the People ..."; fi is the
 * Arabic في, in): weak there, while "In" is a Korean given name. */
static const char *const org_particles[] = {"fi", "for", "in", "on"};

static bool
in_list(const char *s, const char *const *list, size_t n)
{
	return bsearch(&s, list, n, sizeof(*list), strcmp_p) != NULL;
}

/* Nicknames and the given names they stand for, from common usage (English
 * hypocoristics, a few Slavic, Spanish and Hebrew ones): a listed Benjamin
 * is screened as "Ben" or "Bibi".  Sorted by nick; full forms are folded
 * spellings separated by spaces.  Only whole forms count: a nick is never
 * compared letter by letter with a full name. */
struct nick {
	const char *nick;
	const char *full;
};

static const struct nick nicks[] = {
    {"abe", "abraham"},
    {"alec", "alexander"},
    {"alex", "alexander alexandra alexei aleksandr aleksei alexey"},
    {"andy", "andrew andreas"},
    {"bart", "bartholomew"},
    {"ben", "benjamin benedict"},
    {"benji", "benjamin"},
    {"benny", "benjamin"},
    {"bert", "albert herbert robert"},
    {"beth", "elizabeth"},
    {"betty", "elizabeth"},
    {"bibi", "benjamin"},
    {"bill", "william"},
    {"billy", "william"},
    {"bob", "robert"},
    {"bobby", "robert"},
    {"charlie", "charles"},
    {"chris", "christopher christian christine christina"},
    {"chuck", "charles"},
    {"dan", "daniel"},
    {"danny", "daniel"},
    {"dave", "david"},
    {"davy", "david"},
    {"dick", "richard"},
    {"dima", "dmitry dmitri dmitriy"},
    {"don", "donald"},
    {"drew", "andrew"},
    {"ed", "edward edwin edmund"},
    {"eddie", "edward edwin edmund"},
    {"fred", "frederick alfred"},
    {"freddie", "frederick alfred"},
    {"greg", "gregory"},
    {"hank", "henry"},
    {"harry", "henry harold"},
    {"jack", "john"},
    {"jake", "jacob"},
    {"jim", "james"},
    {"jimmy", "james"},
    {"joe", "joseph"},
    {"joey", "joseph"},
    {"johnny", "john"},
    {"jon", "jonathan"},
    {"kate", "katherine catherine kathryn"},
    {"kathy", "katherine catherine kathryn"},
    {"ken", "kenneth"},
    {"kolya", "nikolai nikolay"},
    {"larry", "lawrence laurence"},
    {"liz", "elizabeth"},
    {"maggie", "margaret"},
    {"matt", "matthew"},
    {"meg", "margaret"},
    {"mike", "michael"},
    {"misha", "mikhail"},
    {"nick", "nicholas nikolai"},
    {"paco", "francisco"},
    {"pancho", "francisco"},
    {"pat", "patrick patricia"},
    {"peggy", "margaret"},
    {"pepe", "jose"},
    {"pete", "peter"},
    {"phil", "philip phillip"},
    {"rob", "robert"},
    {"ron", "ronald"},
    {"sam", "samuel"},
    {"sasha", "alexander alexandra aleksandr"},
    {"sergei", "sergey"},
    {"steve", "stephen steven"},
    {"sue", "susan"},
    {"ted", "edward theodore"},
    {"teddy", "edward theodore"},
    {"tom", "thomas"},
    {"tommy", "thomas"},
    {"tony", "anthony antonio"},
    {"vanya", "ivan"},
    {"vince", "vincent"},
    {"volodya", "vladimir"},
    {"walt", "walter"},
    {"will", "william"},
    {"zhenya", "yevgeny evgeny"},
};

static int
nick_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct nick *)e)->nick);
}

static const struct nick *
nick_find(const char *s)
{
	return bsearch(s, nicks, sizeof(nicks) / sizeof(nicks[0]),
	    sizeof(nicks[0]), nick_cmp);
}

/* Is full (len bytes) one of the given names nick n stands for? */
static bool
nick_of(const struct nick *n, const char *full, size_t len)
{
	const char *p = n->full;

	while (*p != '\0') {
		size_t l = strcspn(p, " ");

		if (l == len && memcmp(p, full, len) == 0)
			return true;
		p += l;
		while (*p == ' ')
			p++;
	}
	return false;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Legal forms: a phrase of folded words -> canonical word and class.
 * Class decides compatibility: LTD and STOCK conflict (Deutsche Bank AG is
 * not Deutsche Bank GmbH), CORP words (company, inc) are generic and
 * conflict with nothing.  Longest phrases are tried first. */
enum { LC_NONE, LC_CORP, LC_LTD, LC_STOCK, LC_PART, LC_QUAL };
/* A bit of lclass beside the class: the word was romanised from another
 * alphabet (Cyrillic, Greek, Devanagari ...), whose renderings of foreign
 * names move vowels and first letters (Cassady / кэссиди "kessidi"), so
 * other_onset does not judge it.  Stored with the token like the class. */
#define LC_XLIT 0x40
#define LC_MASK 0x3f
/* The last bit of lclass: an organisation's word that is the initials of
 * its other words ("AL-ITIHAAD AL-ISLAMIYA / AIAI", "KHATIBA AL-TAWHID
 * WAL-JIHAD (KTJ)").  It repeats the name: matched, it counts like any
 * word (a query that is the acronym); unmatched, it costs nothing. */
#define LC_ACRO 0x80
/* LC_QUAL is not a legal form: lclass of a word that is not one (lclass
 * is stored with the token by the index) says it was written in
 * parentheses, a qualifier of the name (a country, a branch: "Deutsche
 * Bank (Schweiz) AG").  An organisation missing it is not another
 * organisation (no PEN_ORG_EXTRA); one with another qualifier in its
 * place still conflicts ("Bowne Global Solutions (France)" / "(Germany)"). */

struct legal {
	const char *phrase;
	const char *canon;
	uint8_t cls;
};

static const struct legal legals[] = {
    {"obshchestvo s ogranichennoy otvetstvennostyu", "ooo", LC_LTD},
    {"gesellschaft mit beschrankter haftung", "gmbh", LC_LTD},
    {"societatea cu raspundere limitata", "srl", LC_LTD},
    {"limited liability company", "llc", LC_LTD},
    {"limited liability partnership", "llp", LC_PART},
    {"open joint stock company", "ojsc", LC_STOCK},
    {"closed joint stock company", "cjsc", LC_STOCK},
    {"public joint stock company", "pjsc", LC_STOCK},
    {"joint stock company", "jsc", LC_STOCK},
    {"public limited company", "plc", LC_STOCK},
    {"private limited company", "ltd", LC_LTD},
    {"limited partnership", "lp", LC_PART},
    {"kabushiki kaisha", "kk", LC_STOCK},
    {"private limited", "ltd", LC_LTD},
    {"sa de cv", "sa", LC_STOCK},
    {"sdn bhd", "bhd", LC_STOCK},
    {"pty ltd", "ltd", LC_LTD},
    {"pvt ltd", "ltd", LC_LTD},
    {"co ltd", "ltd", LC_LTD},
    {"sp zoo", "spzoo", LC_LTD},
    {"aktiengesellschaft", "ag", LC_STOCK},
    {"aktiengeselschaft", "ag", LC_STOCK},
    {"incorporated", "inc", LC_CORP},
    {"corporation", "corp", LC_CORP},
    {"partnership", "lp", LC_PART},
    {"limited", "ltd", LC_LTD},
    /* legal forms written in Arabic letters, as folded by src/text:
     * limited (لمتد, ليمتد, Urdu لمیٹڈ, لیمیٹڈ) and company (شركة,
     * Persian شرکت, Persian and Urdu کمپنی) */
    {"limitd", "ltd", LC_LTD},
    {"limtd", "ltd", LC_LTD},
    {"lmitd", "ltd", LC_LTD},
    {"lmtd", "ltd", LC_LTD},
    {"shrka", "co", LC_CORP},
    {"shrkt", "co", LC_CORP},
    {"kmpni", "co", LC_CORP},
    {"company", "co", LC_CORP},
    {"berhad", "bhd", LC_STOCK},
    {"spzoo", "spzoo", LC_LTD},
    {"gmbh", "gmbh", LC_LTD},
    {"sarl", "sarl", LC_LTD},
    {"ltda", "ltd", LC_LTD},
    {"eood", "ooo", LC_LTD},
    {"corp", "corp", LC_CORP},
    {"cjsc", "cjsc", LC_STOCK},
    {"ojsc", "ojsc", LC_STOCK},
    {"pjsc", "pjsc", LC_STOCK},
    {"ltd", "ltd", LC_LTD},
    {"llc", "llc", LC_LTD},
    {"llp", "llp", LC_PART},
    {"ooo", "ooo", LC_LTD},
    {"tov", "ooo", LC_LTD},
    {"srl", "srl", LC_LTD},
    {"sro", "sro", LC_LTD},
    {"kft", "kft", LC_LTD},
    {"doo", "doo", LC_LTD},
    {"pty", "ltd", LC_LTD},
    {"pvt", "ltd", LC_LTD},
    {"jsc", "jsc", LC_STOCK},
    {"oao", "ojsc", LC_STOCK},
    {"zao", "cjsc", LC_STOCK},
    {"pao", "pjsc", LC_STOCK},
    {"plc", "plc", LC_STOCK},
    {"spa", "spa", LC_STOCK},
    {"asa", "asa", LC_STOCK},
    {"oyj", "oyj", LC_STOCK},
    {"bhd", "bhd", LC_STOCK},
    {"tbk", "tbk", LC_STOCK},
    {"inc", "inc", LC_CORP},
    {"cos", "co", LC_CORP},
    {"ao", "ao", LC_STOCK},
    {"ag", "ag", LC_STOCK},
    {"sa", "sa", LC_STOCK},
    {"nv", "nv", LC_STOCK},
    {"bv", "bv", LC_LTD},
    {"ab", "ab", LC_STOCK},
    {"as", "as", LC_STOCK},
    {"kk", "kk", LC_STOCK},
    {"pt", "pt", LC_STOCK},
    {"se", "se", LC_STOCK},
    {"lp", "lp", LC_PART},
    {"kg", "kg", LC_PART},
    {"co", "co", LC_CORP},
};

struct numword {
	const char *w;
	int v;
};
static const struct numword numwords[] = {{"eight", 8}, {"eighteen", 18},
    {"eighth", 8}, {"eighty", 80}, {"eleven", 11}, {"fifteen", 15},
    {"fifth", 5}, {"fifty", 50}, {"first", 1}, {"five", 5}, {"forty", 40},
    {"four", 4}, {"fourteen", 14}, {"fourth", 4}, {"fourty", 40}, {"nine", 9},
    {"nineteen", 19}, {"ninety", 90}, {"ninth", 9}, {"one", 1}, {"second", 2},
    {"seven", 7}, {"seventeen", 17}, {"seventh", 7}, {"seventy", 70},
    {"six", 6}, {"sixteen", 16}, {"sixth", 6}, {"sixty", 60}, {"ten", 10},
    {"tenth", 10}, {"third", 3}, {"thirteen", 13}, {"thirty", 30}, {"three", 3},
    {"twelve", 12}, {"twenty", 20}, {"two", 2}};

static int
numword_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct numword *)e)->w);
}

static int
numword(const char *s)
{
	const struct numword *nw;
	size_t n = strlen(s);

	/* 1st 2nd 3rd 4th */
	if (n >= 3 && s[0] >= '0' && s[0] <= '9' &&
	    (!strcmp(s + n - 2, "st") || !strcmp(s + n - 2, "nd") ||
	        !strcmp(s + n - 2, "rd") || !strcmp(s + n - 2, "th"))) {
		size_t i;
		int v = 0;

		for (i = 0; i + 2 < n; i++) {
			if (s[i] < '0' || s[i] > '9' || v > 100000)
				return -1;
			v = v * 10 + (s[i] - '0');
		}
		return v;
	}
	nw = bsearch(s, numwords, N(numwords), sizeof(*numwords), numword_cmp);
	return nw != NULL ? nw->v : -1;
}

static bool
is_roman(const char *s)
{
	static const char *const romans[] = {"i", "ii", "iii", "iv", "ix", "v",
	    "vi", "vii", "viii", "x", "xi", "xii", "xiii", "xiv", "xix", "xv",
	    "xvi", "xvii", "xviii", "xx"};

	return in_list(s, romans, N(romans));
}

static bool
all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* ---- skeleton -------------------------------------------------------- */

/* A consonant skeleton robust to spelling and romanisation: vowels
 * dropped, voiced/voiceless pairs merged (b/p/f/v, d/t, g/k/q, s/z), the
 * sh/ch/j/zh/x/hs family merged (pinyin x = Wade-Giles hs; j = ch), h
 * dropped, doubled letters collapsed: Muhammad, Mohamed, محمد -> MMT;
 * Jinping / Chin-p'ing -> JNBN. */
size_t
name_skeleton(const char *s, size_t n, char *out)
{
	return name_skeleton2(s, n, out, false);
}

size_t
name_skeleton2(const char *s, size_t n, char *out, bool hard_g)
{
	size_t i = 0, k = 0;
	bool gap = true; /* a vowel since the last output */

	while (i < n && k < TOK_LEN_MAX) {
		char c = s[i], nx = i + 1 < n ? s[i + 1] : '\0';
		char nx2 = i + 2 < n ? s[i + 2] : '\0';
		char o = 0;
		size_t step = 1;

		if (c >= '0' && c <= '9') {
			o = c;
		} else if (c == 't' && nx == 's' && nx2 == 'c' && i + 3 < n &&
		           s[i + 3] == 'h') {
			o = 'J', step = 4; /* German tsch */
		} else if (c == 's' && nx == 'c' && nx2 == 'h') {
			o = 'J', step = 3;
		} else if (c == 'c' && nx == 'h' && i == 0 &&
		           (nx2 == 'r' || nx2 == 'l')) {
			o = 'K', step = 2; /* Christoph, Chruschtschow */
		} else if ((c == 's' || c == 'c' || c == 'z') && nx == 'h') {
			o = 'J', step = 2;
		} else if (c == 'd' &&
		           (nx == 'j' ||
		               ((nx == 'z' || nx == 's') && nx2 == 'h'))) {
			o = 'J', step = nx == 'j' ? 2 : 3;
		} else if (c == 'h' && nx == 's' && i == 0 && !hard_g) {
			o = 'J', step = 2;
		} else if ((c == 'k' || c == 'g') && nx == 'h') {
			o = 'K', step = 2;
		} else if (c == 'c' && nx == 'k') {
			o = 'K', step = 2;
		} else if (c == 'p' && nx == 'h') {
			o = 'B', step = 2;
		} else if ((c == 't' || c == 'd') && nx == 'h') {
			o = 'T', step = 2;
		} else if (c == 't' && (nx == 's' || nx == 'z')) {
			o = 'S', step = 2;
		} else if (c == 'q' && nx == 'u') {
			o = 'K', step = 2;
		} else if (c == 'x') {
			if (i > 0 && k < TOK_LEN_MAX - 1 &&
			    !(k > 0 && out[k - 1] == 'K' && !gap))
				out[k++] = 'K';
			o = i == 0 ? 'J' : 'S';
		} else if (c == 'c') {
			o = (nx == 'e' || nx == 'i' || nx == 'y') ? 'S' : 'K';
		} else if (c == 'g') {
			o = (!hard_g && (nx == 'e' || nx == 'i' || nx == 'y'))
			        ? 'J'
			        : 'K';
		} else if (c == 'w') {
			/* initial w is a consonant; final -ow is -ov */
			o = (i == 0 || (i + 1 == n && i > 0 &&
			                   name_is_vowel(s[i - 1])))
			        ? 'B'
			        : 0;
		} else if (c == 'j') {
			o = (i > 0 && name_is_vowel(s[i - 1])) ? 0 : 'J';
		} else if (name_is_vowel(c) || c == 'h') {
			o = 0;
		} else {
			switch (c) {
			case 'b':
			case 'p':
			case 'f':
			case 'v':
				o = 'B';
				break;
			case 'k':
			case 'q':
				o = 'K';
				break;
			case 's':
			case 'z':
				o = 'S';
				break;
			case 'd':
			case 't':
				o = 'T';
				break;
			case 'l':
				o = 'L';
				break;
			case 'r':
				o = 'R';
				break;
			case 'm':
				o = 'M';
				break;
			case 'n':
				o = 'N';
				break;
			default:
				o = 0;
				break;
			}
		}
		if (o == 0) {
			/* h separates too: محمد gives "mhmd", which must keep
			 * both m's like "Muhammad" */
			gap = true;
		} else {
			if (!(k > 0 && out[k - 1] == o && !gap))
				out[k++] = o;
			gap = false;
		}
		i += step;
	}
	out[k] = '\0';
	return k;
}

/* ---- Arabic compounds ------------------------------------------------ */

static bool
is_vowel5(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The letters the Arabic article assimilates to in Latin spellings (the
 * "sun letters": ad-Din, ar-Rahman, as-Salam, an-Nur, ash-Shams). */
static bool
sun_letter(char c)
{
	return c == 'd' || c == 'n' || c == 'r' || c == 's' || c == 't' ||
	       c == 'z';
}

/* Is a (a vowel and a sun consonant: "ud", "ur", "ash", "ed") the article
 * written as it sounds before next, which begins with that consonant?
 * "ul" and "el" are the article before any word. */
static bool
assimilated_article(const char *a, const char *next)
{
	size_t n = strlen(a);

	if (n < 2 || n > 3 || !is_vowel5(a[0]))
		return false;
	if (n == 2 && a[1] == 'l')
		return a[0] == 'u' || a[0] == 'e';
	if (!sun_letter(a[1]) || (n == 3 && a[2] != 'h'))
		return false;
	return strncmp(a + 1, next, n - 1) == 0;
}

static void
part_set(char *p, const char *s, size_t n)
{
	if (n > ENT_TEXT_TOKLEN_MAX)
		n = ENT_TEXT_TOKLEN_MAX;
	memcpy(p, s, n);
	p[n] = '\0';
}

static bool
ends_with(const char *x, size_t xl, const char *suf, size_t *at)
{
	size_t n = strlen(suf);

	if (xl < n || strcmp(x + xl - n, suf) != 0)
		return false;
	*at = xl - n;
	return true;
}

/* Split an Arabic compound name written as one word into the words the
 * Arabic script writes, so that both meet word for word:
 *   abd + article + noun: Abdulaziz, Abdel, Abdurrahman, Abdirahman,
 *     Abdullah (abd allah), Abdoul (any script; the Arabic side is split
 *     by src/text; Abdou, Abduh stay whole);
 *   Latin only: noun + ud-din (Shahabuddin, Nasreddine, Jallaloudine,
 *     Salahaldin -> X al din); noun + ullah (Nasrullah, Ruhollah,
 *     Hidayatullah -> X allah); noun + ur-rahman (Fazlurrahman,
 *     Azizirahman -> X al rahman).
 * The stems must keep three or four letters, so that Aladdin, Baudin,
 * Claudine or Mullah stay whole.  Returns the number of parts (1: not a
 * compound) written to p. */
static size_t
compound_split(const char *x, bool latin, char p[3][ENT_TEXT_TOKLEN_MAX + 1])
{
	static const char *const allah[] = {"ullah", "ulla", "ollah", "olla",
	    "allah", "illah", "ulah", "ellah"};
	static const char *const din[] = {"din", "dine", "deen", "dien"};
	static const char *const rahman[] = {
	    "rahman", "rehman", "rahmane", "rahmon"};
	size_t xl = strlen(x), j, k, at;

	if (xl >= 5 && strncmp(x, "abd", 3) == 0 && is_vowel5(x[3])) {
		const char *rest = NULL;
		char c;

		j = strncmp(x + 3, "ou", 2) == 0 ? 5 : 4;
		c = x[j];
		if (c == 'l') {
			rest = x + j + 1;
			/* Abdullah, Abdallah, Abdulla: abd allah */
			if (!strcmp(rest, "lah") || !strcmp(rest, "la") ||
			    !strcmp(rest, "llah")) {
				part_set(p[0], "abd", 3);
				part_set(p[1], "allah", 5);
				return 2;
			}
		} else if (c != '\0' && !is_vowel5(c) && c != 'y' && c != 'h') {
			if (x[j + 1] == c && sun_letter(c))
				rest = x + j + 1; /* abdurrahman */
			else if (x[j + 1] == '\0' && sun_letter(c))
				rest = x + j + 1; /* abdur */
			else if (xl - j >= 4)
				rest = x + j; /* abdirahman, abdikarim */
		}
		if (rest == NULL)
			return 1;
		part_set(p[0], "abd", 3);
		part_set(p[1], "al", 2);
		if (*rest == '\0')
			return 2;
		part_set(p[2], rest, strlen(rest));
		return 3;
	}
	if (!latin)
		return 1;
	for (k = 0; k < N(din); k++) {
		size_t d, v;

		if (!ends_with(x, xl, din[k], &at) || at < 2)
			continue;
		if (x[at - 1] == 'd') {
			d = at - 1; /* uddin: the article's d doubled */
		} else if (x[at - 1] == 'l' && is_vowel5(x[at - 2])) {
			d = at - 1; /* salahaldin, noreldin */
		} else if (x[at - 1] == 'u' || x[at - 1] == 'e') {
			d = at; /* kamaludin, nasredine, jallaloudine */
		} else {
			return 1;
		}
		/* one linking vowel, or "ou" */
		v = d >= 2 && x[d - 1] == 'u' && x[d - 2] == 'o' ? 2 : 1;
		if (d < v || !is_vowel5(x[d - 1]))
			return 1;
		if (d == v && d < at) {
			/* a linker alone: "uddin", "eldin" after a word */
			part_set(p[0], "al", 2);
			part_set(p[1], "din", 3);
			return 2;
		}
		if (d - v < (d == at ? 4u : 3u))
			return 1;
		part_set(p[0], x, d - v);
		part_set(p[1], "al", 2);
		part_set(p[2], "din", 3);
		return 3;
	}
	for (k = 0; k < N(allah); k++) {
		if (!ends_with(x, xl, allah[k], &at) || at < 3)
			continue;
		part_set(p[0], x, at);
		part_set(p[1], "allah", 5);
		return 2;
	}
	for (k = 0; k < N(rahman); k++) {
		if (!ends_with(x, xl, rahman[k], &at) || at < 4)
			continue;
		/* "urr" (doubled article) or a linking vowel */
		j = x[at - 1] == 'r' && is_vowel5(x[at - 2]) ? at - 2 : at - 1;
		if (!is_vowel5(x[j]) || j < 3)
			return 1;
		part_set(p[0], x, j);
		part_set(p[1], "al", 2);
		part_set(p[2], x + at, xl - at);
		return 3;
	}
	return 1;
}

/* ---- abjad against Latin ------------------------------------------- */

/* An abjad word (Arabic, Persian, Urdu, Pashto, Hebrew, folded by
 * src/text) spells its consonants and long vowels but not its short
 * vowels, and several of its letters have one Latin spelling per
 * language: ذ ض ظ (folded "dh") are d, dh or z; ث ("th") is th, s or t;
 * ج is j or Egyptian g; و is w, v, u or o; ي is y, i or e.  The phonetic
 * skeleton (built for Latin against Latin: y and w dropped, d/t and s/z
 * two classes) cannot say "d or z", so a Latin word meets an abjad word on
 * classes instead: the Latin word gives one class per consonant, the
 * abjad word one set of classes per letter.  A medial waw or ya (folded
 * "u", "i": a long vowel, or the consonant w / y), the t of a folded "ts"
 * and an h on either side (ح and ه are often not written in Latin, and
 * Latin adds h: Ahmed, Mohd) may stand for nothing.  Short vowels are
 * free: neither side has them in its classes.  Everything here is ASCII
 * and a few hundred operations per pair, with no allocation. */
enum {
	XC_B = 1 << 0, /* b p f ph */
	XC_V = 1 << 1,
	XC_W = 1 << 2,
	XC_T = 1 << 3, /* t d th dh */
	XC_S = 1 << 4, /* s z, soft c */
	XC_J = 1 << 5, /* j sh ch zh dj */
	XC_K = 1 << 6, /* k q kh gh ck, hard c */
	XC_G = 1 << 7, /* Latin g: qaf, kaf, ghayn or Egyptian jim */
	XC_L = 1 << 8,
	XC_M = 1 << 9,
	XC_N = 1 << 10,
	XC_R = 1 << 11,
	XC_Y = 1 << 12, /* consonantal y */
	XC_H = 1 << 13  /* h, optional on both sides */
};

#define XC_MAX 24 /* classes per word compared; longer words: no route */

/* One class per plain Latin letter (0: a vowel, or not a consonant). */
static const uint16_t xc_letter[128] = {
    ['b'] = XC_B,
    ['p'] = XC_B,
    ['f'] = XC_B,
    ['v'] = XC_V,
    ['w'] = XC_W,
    ['t'] = XC_T,
    ['d'] = XC_T,
    ['s'] = XC_S,
    ['z'] = XC_S,
    ['j'] = XC_J,
    ['k'] = XC_K,
    ['q'] = XC_K,
    ['g'] = XC_G,
    ['l'] = XC_L,
    ['m'] = XC_M,
    ['n'] = XC_N,
    ['r'] = XC_R,
    ['h'] = XC_H,
};

/* The classes of a Latin word, doubled letters collapsed; the count, or
 * -1 when the word holds digits or is too long.  alt[k]: for a digraph
 * sh, zh or ch, the class of its first letter, which with an h of the
 * abjad word after it may be two letters (Ishaq / إسحاق "ishaq", Mazhari
 * / مظهری "mdhhri": s, z + h); else 0. */
static int
xc_latin(const char *s, size_t n, uint16_t *out, uint16_t *alt)
{
	size_t i = 0;
	int k = 0;
	bool gap = true;

	while (i < n) {
		char c = s[i], nx = i + 1 < n ? s[i + 1] : '\0';
		uint16_t o, oa = 0;
		size_t step = 1;

		if (c < 'a' || c > 'z')
			return -1;
		if (nx == 'h' && (c == 's' || c == 'c' || c == 'z'))
			o = XC_J, oa = c == 'c' ? XC_K : XC_S, step = 2;
		else if (nx == 'h' && (c == 'k' || c == 'g'))
			o = XC_K, step = 2;
		else if (nx == 'h' && (c == 't' || c == 'd'))
			o = XC_T, step = 2;
		else if (nx == 'h' && c == 'p')
			o = XC_B, step = 2;
		else if (c == 'd' && nx == 'j')
			o = XC_J, step = 2;
		else if (c == 'c' && nx == 'k')
			o = XC_K, step = 2;
		else if (c == 'c')
			o = (nx == 'e' || nx == 'i' || nx == 'y') ? XC_S : XC_K;
		else if (c == 'y')
			o = is_vowel5(nx) ? XC_Y : 0; /* Yahya, Sayyed */
		else if (c == 'x') {
			if (k + 1 >= XC_MAX)
				return -1;
			alt[k] = 0;
			out[k++] = XC_K;
			o = XC_S;
		} else
			o = xc_letter[(unsigned char)c];
		if (o == 0) {
			gap = true;
		} else if (!(k > 0 && out[k - 1] == o && !gap)) {
			if (k >= XC_MAX)
				return -1;
			alt[k] = oa;
			out[k++] = o;
			gap = false;
		}
		i += step;
	}
	return k;
}

struct xslot {
	uint16_t mask;
	bool opt; /* may stand for nothing on the Latin side */
};

/* The class sets of an abjad word as folded by src/text, one per letter
 * (a letter written twice, as in a joined "abd"+"allah", counts once). */
static int
xc_abjad(const char *s, size_t n, struct xslot *out)
{
	size_t i = 0;
	int k = 0;
	bool gap = true;

	while (i < n) {
		char c = s[i], nx = i + 1 < n ? s[i + 1] : '\0';
		struct xslot o = {0, false};
		size_t step = 1;

		if (c < 'a' || c > 'z')
			return -1;
		if (nx == 'h' && (c == 't' || c == 'd'))
			o.mask = XC_T | XC_S, step = 2; /* ث ذ ض ظ */
		else if (nx == 'h' && (c == 's' || c == 'c' || c == 'z'))
			o.mask = XC_J, step = 2;
		else if (nx == 'h' && (c == 'k' || c == 'g'))
			o.mask = XC_K | XC_G, step = 2;
		else if (c == 't' && nx == 's')
			o.mask = XC_T, o.opt = true; /* Hebrew tsadi; t + s */
		else if (c == 'i' || c == 'u')
			/* a long vowel inside the word, or w / y */
			o.mask = i == 0     ? 0
			         : c == 'i' ? XC_Y
			                    : XC_W | XC_V,
			o.opt = true;
		else if (c == 'h')
			o.mask = XC_H, o.opt = true;
		else if (c == 'a' && i > 0 && i + 1 == n)
			/* a final ة (folded "a", like a final alif) is
			 * read -a, -ah or, before a genitive, -at: Selselat
			 * / سلسلة, Hamzat / حمزة */
			o.mask = XC_T, o.opt = true;
		else if (c == 'y')
			o.mask = XC_Y | XC_J; /* Yusuf, Jusuf */
		else if (c == 'w' || c == 'v')
			o.mask = XC_W | XC_V;
		else if (c == 'b')
			o.mask = XC_B | XC_V; /* Hebrew bet: b or v */
		else if (c == 'f')
			o.mask = XC_B | XC_V; /* Arabic fa for a foreign v */
		else if (c == 'j')
			o.mask = XC_J | XC_G; /* Egyptian g: Gamal, Ragab */
		else if (c == 'k' || c == 'q' || c == 'g')
			o.mask = XC_K | XC_G;
		else
			o.mask = xc_letter[(unsigned char)c];
		if (o.mask == 0 || o.opt) {
			gap = true;
		} else if (!(k > 0 && out[k - 1].mask == o.mask && !gap)) {
			gap = false;
		} else {
			o.mask = 0; /* the same letter again */
		}
		if (o.mask != 0) {
			if (k >= XC_MAX)
				return -1;
			out[k++] = o;
		}
		i += step;
	}
	return k;
}

/* The skeleton's letters as a set, with the classes the abjad letters
 * blur merged (t/d with s/z, j with k/g) and b/p/f/v/w left out. */
static unsigned
xc_sig(const struct ntok *t)
{
	unsigned m = 0;
	size_t i;

	for (i = 0; i < t->sklen; i++) {
		switch (t->sk[i]) {
		case 'B': /* Latin v, w: the abjad's waw, often unwritten */
			break;
		case 'T':
		case 'S':
			m |= 2u;
			break;
		case 'J':
		case 'K':
			m |= 4u;
			break;
		case 'L':
			m |= 8u;
			break;
		case 'M':
			m |= 16u;
			break;
		case 'N':
			m |= 32u;
			break;
		case 'R':
			m |= 64u;
			break;
		default:
			m |= 128u;
			break;
		}
	}
	return m;
}

/* Can abjad_latin_sim reach SIM_MIN for a and b?  Most pairs of a screen
 * are plainly other names: when the two skeletons hold three classes of
 * consonant that the other lacks altogether, only a long word (six or
 * more letters, where one letter in six may disagree) can. */
static bool
xc_may_agree(const struct ntok *a, const struct ntok *b)
{
	/* two classes apart are allowed: the skeleton drops a Latin j
	 * between vowels (Raja / رجا), an abjad y (Yahya) */
	unsigned x = xc_sig(a) ^ xc_sig(b);

	x &= x - 1; /* the lowest bit off: the rest must be empty */
	return (x & (x - 1)) == 0 || a->sklen >= 6 || b->sklen >= 6;
}

/* Similarity of an abjad word and a Latin word through the classes: 0.92
 * when every Latin consonant is one of the abjad letters' in order and
 * every abjad letter that must show does (0.80 when that is one
 * consonant: "Ali", "Isa" say little), else 0.85 x the share of slots
 * that agree; 0 when there is nothing to compare.  An alignment costs 1
 * per letter of one side the other lacks or spells otherwise; among the
 * cheapest, the one pairing most letters counts.  Costs and pairs are
 * kept as cost * 64 - pairs. */
static double
abjad_latin_sim(const struct ntok *ab, const struct ntok *la, double min)
{
	struct xslot p[XC_MAX];
	uint16_t l[XC_MAX], alt[XC_MAX];
	int16_t d[XC_MAX + 1][XC_MAX + 1];
	int np = xc_abjad(ab->s, ab->len, p), nl, i, j, req = 0, m, cost, pairs;

	if (np <= 0 || (nl = xc_latin(la->s, la->len, l, alt)) <= 0)
		return 0;
	{
		/* most pairs of a screen are plainly other names: letters
		 * one side must show and the other cannot pair bound the
		 * cost from below without the table */
		int lh = 0, opt = 0, lb, lx = 0;
		uint16_t am = 0, lm = 0;

		for (j = 0; j < nl; j++) {
			lh += l[j] != XC_H;
			lm |= l[j] | alt[j];
		}
		for (i = 0; i < np; i++) {
			req += !p[i].opt;
			opt += p[i].opt && p[i].mask != XC_H;
			am |= p[i].mask;
		}
		lb = req > lh ? req - lh : lh > req + opt ? lh - req - opt : 0;
		/* and a letter no slot of the other side can pair with is
		 * inserted or deleted, a whole unit each */
		for (j = 0; j < nl; j++)
			lx += l[j] != XC_H && !((l[j] | alt[j]) & am);
		for (i = 0; i < np; i++)
			lx += !p[i].opt && !(p[i].mask & lm);
		lb = lx > lb ? lx : lb;
		m = req > nl ? req : nl;
		if (lb > 0 && (m < 2 || 0.85 * (1.0 - (double)lb / m) < min))
			return 0;
		req = 0;
	}
	d[0][0] = 0;
	for (i = 1; i <= np; i++) {
		d[i][0] = (int16_t)(d[i - 1][0] + (p[i - 1].opt ? 0 : 64));
		req += !p[i - 1].opt;
	}
	for (j = 1; j <= nl; j++)
		d[0][j] = (int16_t)(d[0][j - 1] + (l[j - 1] == XC_H ? 0 : 64));
	for (i = 1; i <= np; i++)
		for (j = 1; j <= nl; j++) {
			/* a Latin digraph as its first letter, the abjad h
			 * after this letter standing for its h */
			bool two = (p[i - 1].mask & alt[j - 1]) && i < np &&
			           p[i].mask == XC_H;
			int v = d[i - 1][j - 1] +
			        ((p[i - 1].mask & l[j - 1]) || two ? -1 : 64);
			int del = d[i - 1][j] + (p[i - 1].opt ? 0 : 64);
			int ins = d[i][j - 1] + (l[j - 1] == XC_H ? 0 : 64);

			v = del < v ? del : v;
			d[i][j] = (int16_t)(ins < v ? ins : v);
		}
	cost = (d[np][nl] + 63) / 64; /* pairs <= 24 < 64 */
	pairs = cost * 64 - d[np][nl];
	if (cost == 0)
		return pairs >= 2 ? 0.92 : pairs == 1 ? 0.80 : 0;
	m = req > nl ? req : nl;
	if (m < 2)
		return 0;
	return 0.85 * (1.0 - (double)cost / (double)m);
}

/* ---- analysis -------------------------------------------------------- */

float
tok_flag_weight(uint8_t flags)
{
	if (flags & TK_TITLE)
		return 0.0f;
	if (flags & TK_LEGAL)
		return 0.15f;
	if (flags & TK_WEAK)
		return 0.3f;
	if (flags & TK_NUM)
		return 0.35f;
	if (flags & TK_INITIAL)
		return 0.4f;
	return 1.0f;
}

static void
tok_set(struct ntok *t, const char *s, size_t len, uint8_t flags)
{
	if (len > TOK_LEN_MAX)
		len = TOK_LEN_MAX;
	memcpy(t->s, s, len);
	t->s[len] = '\0';
	t->len = (uint8_t)len;
	t->flags = flags;
	t->lclass = LC_NONE;
	t->sklen = (uint8_t)name_skeleton2(
	    t->s, len, t->sk, (flags & (TK_ABJAD | TK_SYLL)) != 0);
	t->h = hash64(t->s, len, 0);
	t->lm = tok_letters(t->s, len);
	t->w = 1.0f;
}

void
name_fini(struct nname *nm)
{
	if (nm != NULL) {
		free(nm->folded);
		nm->folded = NULL;
	}
}

/* A word of a legal-form phrase of several words written with one typo
 * ("Joynt Stock Company") or, as the name's last word, cut off by a field
 * limit ("... Joint Stock Compan"): p (pl letters) is the phrase's word,
 * w (wl) the name's.  Words of five letters or more only; the caller lets
 * one such word stand in a phrase whose other words are exact. */
static bool
legal_word_near(const char *p, size_t pl, const char *w, size_t wl, bool last)
{
	size_t i = 0, a, b;

	if (pl < 5 || wl < 4)
		return false;
	if (last && wl < pl && memcmp(p, w, wl) == 0)
		return true;
	if (wl + 1 < pl || pl + 1 < wl)
		return false;
	while (i < pl && i < wl && p[i] == w[i])
		i++;
	/* one substitution, insertion or deletion at i: the rest equal */
	a = pl - i, b = wl - i;
	if (a == b)
		return a > 0 && memcmp(p + i + 1, w + i + 1, a - 1) == 0;
	if (a > b)
		return memcmp(p + i + 1, w + i, b) == 0;
	return memcmp(p + i, w + i + 1, a) == 0;
}

/* What the legal-form loop of name_analyze reads of each phrase before
 * its words: every token of every name is tried against every phrase, so
 * the phrase's first-word length and word count are computed once. */
struct legal_meta {
	size_t first; /* letters of the first word */
	bool multi;   /* more than one word: one may be mistyped */
};

static struct legal_meta legal_meta[N(legals)];
static pthread_once_t legal_once = PTHREAD_ONCE_INIT;

static void
legal_meta_init(void)
{
	size_t k;

	for (k = 0; k < N(legals); k++) {
		legal_meta[k].first = strcspn(legals[k].phrase, " ");
		legal_meta[k].multi = strchr(legals[k].phrase, ' ') != NULL;
	}
}

/* Whether a name word of wl letters can be the phrase's first word, equal
 * or near (legal_word_near's length rules): most phrases fail here. */
static bool
legal_first_may(const struct legal_meta *lm, size_t wl, bool last)
{
	size_t fl = lm->first;

	if (wl == fl)
		return true;
	return lm->multi && fl >= 5 && wl >= 4 &&
	       ((last && wl < fl) || (wl + 1 >= fl && fl + 1 >= wl));
}

/* Parts of a raw name, in the order they are read. */
struct seg {
	size_t at, len;
	bool qual; /* in parentheses */
};

#define SEG_MAX 16

/* Append the parts of raw[from, to) to seg[ns...]: text in parentheses
 * is a qualifier.  A name of many parentheses keeps its tail as one plain
 * part.  Returns the new count. */
static size_t
seg_range(const char *raw, size_t from, size_t to, struct seg *seg, size_t ns)
{
	size_t i, start = from;
	int depth = 0;

	for (i = from; i <= to; i++) {
		char c = i < to ? raw[i] : '\0';

		if (i < to && c != '(' && !(c == ')' && depth > 0))
			continue;
		if (ns + 2 >= SEG_MAX) { /* room for the other range's tail */
			seg[ns++] = (struct seg){start, to - start, false};
			return ns;
		}
		if (i > start)
			seg[ns++] = (struct seg){start, i - start, depth > 0};
		depth += c == '(' ? 1 : c == ')' ? -1 : 0;
		start = i + 1;
	}
	return ns;
}

/* Split raw into parts: text in parentheses is a qualifier (a country, a
 * branch, a former name: "Deutsche Bank (Schweiz) AG"); a person's name
 * written "Family, Given" (one comma, outside parentheses) is read
 * "Given Family", so that "AL BEN ALI, Isa Ben Tarif" meets "Isa Bin Tarif
 * Al Bin Ali" in order.  Commas in organisation names ("Amazon.com, Inc.")
 * keep their order.  Returns the number of parts (>= 1). */
static size_t
name_segments(const char *raw, enum mkind kind, struct seg *seg)
{
	size_t n = strlen(raw), i, comma = n, ncomma = 0, ns;
	int depth = 0;

	for (i = 0; i < n; i++) {
		if (raw[i] == '(')
			depth++;
		else if (raw[i] == ')' && depth > 0)
			depth--;
		else if (raw[i] == ',' && depth == 0)
			comma = i, ncomma++;
	}
	if (kind == MK_PERSON && ncomma == 1)
		ns = seg_range(
		    raw, 0, comma, seg, seg_range(raw, comma + 1, n, seg, 0));
	else
		ns = seg_range(raw, 0, n, seg, 0);
	if (ns == 0)
		seg[ns++] = (struct seg){0, 0, false};
	return ns;
}

/* The words of a name while name_analyze rewrites them: text, script,
 * in parentheses, and keep (a particle split off a word: not dropped as a
 * repeat, so that it can join its word again). */
struct words {
	char buf[ENT_TEXT_TOKENS_MAX][ENT_TEXT_TOKLEN_MAX + 1];
	uint8_t sc[ENT_TEXT_TOKENS_MAX];
	bool qual[ENT_TEXT_TOKENS_MAX];
	bool keep[ENT_TEXT_TOKENS_MAX];
	/* an organisation's acronym of itself (LC_ACRO), judged on the
	 * words as written, before "wal" becomes "and al" */
	bool acro[ENT_TEXT_TOKENS_MAX];
	size_t n;
};

/* Replace the del words at i by ins words of word i's script and
 * parentheses; their text is the caller's to write.  False (nothing
 * changed) when the name has no room. */
static bool
words_splice(struct words *ws, size_t i, size_t del, size_t ins)
{
	size_t rest = ws->n - i - del, j;

	if (ws->n - del + ins > ENT_TEXT_TOKENS_MAX)
		return false;
	memmove(&ws->buf[i + ins], &ws->buf[i + del], rest * sizeof(*ws->buf));
	memmove(&ws->sc[i + ins], &ws->sc[i + del], rest * sizeof(*ws->sc));
	memmove(
	    &ws->qual[i + ins], &ws->qual[i + del], rest * sizeof(*ws->qual));
	memmove(
	    &ws->keep[i + ins], &ws->keep[i + del], rest * sizeof(*ws->keep));
	memmove(
	    &ws->acro[i + ins], &ws->acro[i + del], rest * sizeof(*ws->acro));
	for (j = 1; j < ins; j++) {
		ws->sc[i + j] = ws->sc[i];
		ws->qual[i + j] = ws->qual[i];
		ws->keep[i + j] = false;
		ws->acro[i + j] = false;
	}
	ws->n = ws->n - del + ins;
	return true;
}

/* A word split off the front of an Arabic-script word begins as a word
 * of its own: ي and و fold to y and w at a word's start (src/text), to
 * i and u inside one. */
static void
word_start(char *w)
{
	if (w[0] == 'i')
		w[0] = 'y';
	else if (w[0] == 'u')
		w[0] = 'w';
}

/* Arabic-script words that write a particle joined to the next word:
 * ابوال... (Abu al-Yazid: "abualizid" -> abu al yzid) and the Maghrebi
 * بن... (Ben Hassine written بنحسين: "bnhsin" -> bn hsin).  The rest
 * must keep three letters and, after bn, begin with a consonant, so that
 * بندر (Bandar), بناني (Bennani), بنيامين (Binyamin) stay whole; a word
 * split wrongly still meets its Latin spelling as a joined pair.  The
 * rest begins as a word of its own (word_start).  Returns the number of
 * parts (1: none). */
static size_t
arabic_split(const char *x, char p[3][ENT_TEXT_TOKLEN_MAX + 1])
{
	size_t xl = strlen(x), at, np;

	if (xl >= 8 && strncmp(x, "abual", 5) == 0) {
		part_set(p[0], "abu", 3);
		part_set(p[1], "al", 2);
		at = 5, np = 3;
	} else if (xl >= 5 && x[0] == 'b' && x[1] == 'n' && !is_vowel5(x[2])) {
		part_set(p[0], "bn", 2);
		at = 2, np = 2;
	} else {
		return 1;
	}
	part_set(p[np - 1], x + at, xl - at);
	word_start(p[np - 1]);
	return np;
}

/* Is word i of an organisation's name, its last or in parentheses, the
 * initials of its other words (some of them, in order, from the first:
 * "aiai" for al itihaad al islamiya, "ktj" for khatiba al tawhid wal
 * jihad)? */
static bool
is_acronym(const struct words *ws, size_t i)
{
	const char *a = ws->buf[i];
	size_t j, k = 0, l = strlen(a);

	if (l < 2 || l > 8 || ws->n < 3 || i == 0 ||
	    !(i + 1 == ws->n || ws->qual[i]) || ws->buf[0][0] != a[0] ||
	    ws->sc[i] != ENT_SCRIPT_LATIN)
		return false;
	for (j = 0; j < ws->n && k < l; j++)
		if (j != i && ws->buf[j][0] == a[k])
			k++;
	return k == l;
}

int
name_analyze(const char *raw, enum mkind kind, struct nname *out)
{
	struct ent_text_toks *tt;
	struct words *ws;
	const char *w[ENT_TEXT_TOKENS_MAX];
	size_t wlen[ENT_TEXT_TOKENS_MAX];
	struct seg seg[SEG_MAX];
	size_t nw, i, j, len = 0, nseg, g, nplain = 0;
	int rc = ENT_ENOMEM;
	char *p;

	if (raw == NULL)
		return ENT_EINVAL;
	tt = malloc(sizeof(*tt));
	ws = malloc(sizeof(*ws));
	if (tt == NULL || ws == NULL)
		goto out;
	ws->n = 0;
	nseg = name_segments(raw, kind, seg);
	for (g = 0; g < nseg; g++) {
		if ((rc = ent_text_tokens(raw + seg[g].at, seg[g].len, tt)) !=
		    ENT_OK)
			goto out;
		/* Runs of single letters are abbreviations for organisations
		 * ("A.B.C.", "G.m.b.H.", "L.L.C."); for people they are
		 * initials. */
		for (i = 0; i < tt->n && ws->n < ENT_TEXT_TOKENS_MAX; i++) {
			size_t l = tt->v[i].len;
			char *b = ws->buf[ws->n];

			if (kind != MK_PERSON && l == 1 && i + 1 < tt->n &&
			    tt->v[i + 1].len == 1) {
				l = 0;
				while (i < tt->n && tt->v[i].len == 1 &&
				       l < ENT_TEXT_TOKLEN_MAX) {
					b[l++] = tt->v[i].s[0];
					i++;
				}
				i--;
				b[l] = '\0';
			} else {
				memcpy(b, tt->v[i].s, l + 1);
			}
			ws->sc[ws->n] = tt->v[i].script;
			ws->qual[ws->n] = seg[g].qual;
			ws->keep[ws->n] = false;
			nplain += !seg[g].qual;
			ws->n++;
		}
	}
	for (i = 0; i < ws->n; i++)
		ws->acro[i] = kind != MK_PERSON && is_acronym(ws, i);
	/* Arabic compounds written as one word (Abdurrahman, Shahabuddin,
	 * Nasrullah) become the words the Arabic script writes (abd al
	 * rahman, shahab al din, nasr allah): see compound_split; and
	 * particles written joined in the Arabic script are split off: see
	 * arabic_split. */
	for (i = 0; i < ws->n; i++) {
		char parts[3][ENT_TEXT_TOKLEN_MAX + 1];
		size_t np = compound_split(
		    ws->buf[i], ws->sc[i] == ENT_SCRIPT_LATIN, parts);
		bool ar = false;

		if (np < 2 && ws->sc[i] == ENT_SCRIPT_ARABIC)
			ar = (np = arabic_split(ws->buf[i], parts)) > 1;
		if (np < 2 || !words_splice(ws, i, 1, np))
			continue;
		for (j = 0; j < np; j++)
			memcpy(ws->buf[i + j], parts[j], sizeof(parts[j]));
		/* a split-off "bn" stays to join its word again */
		ws->keep[i] = ar && np == 2;
		i += np - 1;
	}
	/* Organisations: the conjunction and prepositions of Arabic names
	 * are their English words, as Latin lists write them or translate
	 * them: في and a Latin "fi" are "in" (Al-Qaida in Iraq); و, the
	 * Pashto او and a Latin "wa" are "and"; و is written joined, with
	 * its article (والمسلمين: and al-muslimin), as is "wal" in Latin
	 * and Cyrillic (wal-Jihad, валь-Джихад). */
	for (i = 0; kind != MK_PERSON && i < ws->n; i++) {
		bool ar = ws->sc[i] == ENT_SCRIPT_ARABIC;
		char *b = ws->buf[i];

		if (strcmp(b, "fi") == 0) {
			memcpy(b, "in", 3);
		} else if ((ws->sc[i] == ENT_SCRIPT_LATIN &&
		               !strcmp(b, "wal")) ||
		           (ws->sc[i] == ENT_SCRIPT_CYRILLIC &&
		               !strcmp(b, "val"))) {
			/* wal-Jihad, валь-Джихад: wa al */
			if (words_splice(ws, i, 1, 2)) {
				memcpy(ws->buf[i], "and", 4);
				memcpy(ws->buf[i + 1], "al", 3);
				i++;
			}
		} else if ((ar && (!strcmp(b, "w") || !strcmp(b, "au"))) ||
		           (!ar && !strcmp(b, "wa"))) {
			memcpy(b, "and", 4);
		} else if (ar && strncmp(b, "wal", 3) == 0 && strlen(b) >= 7 &&
		           words_splice(ws, i, 1, 3)) {
			memmove(ws->buf[i + 2], b + 3, strlen(b + 3) + 1);
			word_start(ws->buf[i + 2]);
			memcpy(ws->buf[i], "and", 4);
			memcpy(ws->buf[i + 1], "al", 3);
			i += 2;
		}
	}
	/* The article assimilated to the next word (Jalal ud Din, Abd ur
	 * Rahman, Salah ed Din, Zia ul Haq) is the Arabic "al"; so is the
	 * Mauritanian ولد ("wld") the Latin "ould". */
	for (i = 0; i < ws->n; i++) {
		if (ws->sc[i] == ENT_SCRIPT_ARABIC &&
		    strcmp(ws->buf[i], "wld") == 0)
			memcpy(ws->buf[i], "ould", 5);
		else if (i > 0 && i + 1 < ws->n &&
		         assimilated_article(ws->buf[i], ws->buf[i + 1]))
			memcpy(ws->buf[i], "al", 3);
	}
	for (i = 0; i + 1 < ws->n; i++) {
		size_t l0 = strlen(ws->buf[i]);

		/* الابن, "the son", is Junior (الإبن = Jr.) */
		if (ws->sc[i] == ENT_SCRIPT_ARABIC &&
		    strcmp(ws->buf[i], "al") == 0 &&
		    strcmp(ws->buf[i + 1], "abn") == 0) {
			words_splice(ws, i, 2, 1);
			memcpy(ws->buf[i], "jr", 3);
			continue;
		}
		/* a particle written twice in a row is one word doubled
		 * ("Lala" written لا لا, "La La"), not a repeat to drop */
		if (strcmp(ws->buf[i], ws->buf[i + 1]) == 0 &&
		    in_list(ws->buf[i], particles, N(particles)) &&
		    2 * l0 <= ENT_TEXT_TOKLEN_MAX) {
			memcpy(ws->buf[i] + l0, ws->buf[i + 1], l0 + 1);
			words_splice(ws, i + 1, 1, 0);
		}
	}
	/* "X al din" and "X allah" are one name (Nur al-Din, Nasr Allah,
	 * Abd Allah), however written: one word "nuraldin", "nasrallah",
	 * "abdallah", so that a second word of its own does not make two
	 * names agree (Shamsuddin / Shamsuddin Haqqani). */
	for (i = 0; i + 1 < ws->n; i++) {
		size_t l0 = strlen(ws->buf[i]), m = 0;

		if (strcmp(ws->buf[i + 1], "allah") == 0)
			m = 1;
		else if (i + 2 < ws->n && strcmp(ws->buf[i + 1], "al") == 0 &&
		         strcmp(ws->buf[i + 2], "din") == 0)
			m = 2;
		if (m == 0 || in_list(ws->buf[i], particles, N(particles)) ||
		    in_list(ws->buf[i], titles, N(titles)) ||
		    l0 + 5 > ENT_TEXT_TOKLEN_MAX)
			continue;
		memcpy(ws->buf[i] + l0, m == 1 ? "allah" : "aldin", 6);
		words_splice(ws, i + 1, m, 0);
	}
	nw = ws->n;
	for (i = 0; i < nw; i++) {
		w[i] = ws->buf[i];
		wlen[i] = strlen(ws->buf[i]);
	}
	out->n = 0;
	out->folded = NULL;
	out->kind = (uint8_t)kind;
	for (i = 0; i < nw && out->n < NAME_TOK_MAX;) {
		struct ntok *t = &out->t[out->n];
		uint8_t flags = 0;
		size_t step = 1, k;
		int v;

		/* legal-form phrases, longest first (table order) */
		if (kind != MK_PERSON || i > 0) {
			pthread_once(&legal_once, legal_meta_init);
			for (k = 0; k < N(legals); k++) {
				const char *ph = legals[k].phrase;
				size_t m = 0, pos = 0;
				bool ok = true;

				size_t exact = 0, typo = 0;
				bool multi = legal_meta[k].multi;

				if (!legal_first_may(
				        &legal_meta[k], wlen[i], i + 1 == nw))
					continue;
				while (ok && ph[pos] != '\0') {
					size_t wl, pl = strcspn(ph + pos, " ");

					if (i + m >= nw) {
						ok = false;
						break;
					}
					wl = wlen[i + m];
					if (wl == pl &&
					    memcmp(ph + pos, w[i + m], wl) == 0)
						exact++;
					else if (multi &&
					         legal_word_near(ph + pos, pl,
					             w[i + m], wl,
					             i + m + 1 == nw))
						typo++;
					else
						ok = false;
					pos += pl;
					if (ph[pos] == ' ')
						pos++;
					m++;
				}
				/* one word of a phrase may be mistyped or cut
				 */
				if (ok && typo > 0 && (typo > 1 || exact == 0))
					ok = false;
				/* in a person's name a legal form ends it (a
				 * company listed as a person: "Emma LLC"); a
				 * word inside is a name (the Tuareg "Ag", son
				 * of: Iyad Ag Ghali) */
				if (ok && kind == MK_PERSON && i + m != nw)
					ok = false;
				if (ok) {
					tok_set(t, legals[k].canon,
					    strlen(legals[k].canon), TK_LEGAL);
					t->lclass = legals[k].cls;
					step = m;
					break;
				}
			}
			if (k < N(legals)) {
				out->n++;
				i += step;
				continue;
			}
		}
		if (kind == MK_PERSON && in_list(w[i], titles, N(titles)))
			flags |= TK_TITLE;
		else if (kind == MK_OTHER &&
		         in_list(w[i], vessel_titles, N(vessel_titles)))
			flags |= TK_TITLE;
		else if (in_list(w[i], particles, N(particles)) ||
		         (kind != MK_PERSON &&
		             in_list(w[i], org_particles, N(org_particles))))
			flags |= TK_WEAK;
		if ((v = numword(w[i])) >= 0) {
			char d[16];
			int n;

			/* "forty four", "forty 4" -> "44" */
			if (v >= 20 && v % 10 == 0 && v < 100 && i + 1 < nw) {
				int u = w[i + 1][0] >= '1' &&
				                w[i + 1][0] <= '9' &&
				                w[i + 1][1] == '\0'
				            ? w[i + 1][0] - '0'
				            : numword(w[i + 1]);

				if (u > 0 && u < 10) {
					v += u;
					step = 2;
				}
			}
			n = snprintf(d, sizeof(d), "%d", v);
			tok_set(t, d, (size_t)n, TK_NUM);
			out->n++;
			i += step;
			continue;
		}
		if (all_digits(w[i]) ||
		    (kind != MK_PERSON && is_roman(w[i]) && i > 0))
			flags |= TK_NUM;
		else if (w[i][1] == '\0' && !(flags & TK_WEAK))
			flags |= TK_INITIAL;
		if (ws->sc[i] == ENT_SCRIPT_ARABIC ||
		    ws->sc[i] == ENT_SCRIPT_HEBREW)
			flags |= TK_ABJAD;
		if (kind == MK_PERSON && nick_find(w[i]) != NULL)
			flags |= TK_NICK;
		if (ws->sc[i] == ENT_SCRIPT_HAN ||
		    ws->sc[i] == ENT_SCRIPT_HANGUL ||
		    ws->sc[i] == ENT_SCRIPT_KANA)
			flags |= TK_SYLL;
		/* A repeated particle adds nothing ("Hani Abd al-Latif
		 * al-Rawi": a second "al" matched would lift any namesake of
		 * the same lineage); a repeated name is a name of its own
		 * ("Abdullahi Mohamed Mohamed" is not "Abdullahi Osman
		 * Mohamed": father and grandfather may share a name). */
		for (j = 0; (flags & TK_WEAK) && !ws->keep[i] && j < out->n;
		     j++)
			if (strcmp(out->t[j].s, w[i]) == 0)
				break;
		if (!(flags & TK_WEAK) || ws->keep[i] || j == out->n) {
			tok_set(t, w[i], strlen(w[i]), flags);
			/* a word in parentheses qualifies the name: see
			 * LC_QUAL */
			if (ws->qual[i] && nplain > 0)
				t->lclass = LC_QUAL;
			/* an organisation's acronym of itself, last or in
			 * parentheses: see LC_ACRO */
			if (ws->acro[i] && flags == 0)
				t->lclass |= LC_ACRO;
			/* "for the ...", a word the Arabic script joins to
			 * its article (للصرافة, for money exchange), names
			 * the trade of an organisation (like "Trading"), not
			 * another one: a qualifier */
			if (kind != MK_PERSON &&
			    ws->sc[i] == ENT_SCRIPT_ARABIC && wlen[i] >= 5 &&
			    w[i][0] == 'l' && w[i][1] == 'l' && i > 0 &&
			    nplain > 1)
				t->lclass = LC_QUAL;
			if (ws->sc[i] == ENT_SCRIPT_CYRILLIC ||
			    ws->sc[i] == ENT_SCRIPT_GREEK ||
			    ws->sc[i] == ENT_SCRIPT_OTHER)
				t->lclass |= LC_XLIT;
			out->n++;
		}
		i++;
	}
	/* A name of nothing but titles keeps them as plain words. */
	for (i = 0; i < out->n; i++)
		if (!(out->t[i].flags & TK_TITLE))
			break;
	if (i == out->n)
		for (i = 0; i < out->n; i++)
			out->t[i].flags &= (uint8_t)~TK_TITLE;
	for (i = 0; i < out->n; i++)
		len += out->t[i].len + 1;
	rc = ENT_ENOMEM;
	if ((out->folded = malloc(len + 1)) == NULL)
		goto out;
	p = out->folded;
	for (i = 0; i < out->n; i++) {
		if (out->t[i].flags & TK_TITLE)
			continue;
		if (p != out->folded)
			*p++ = ' ';
		memcpy(p, out->t[i].s, out->t[i].len);
		p += out->t[i].len;
	}
	*p = '\0';
	rc = ENT_OK;
out:
	free(ws);
	free(tt);
	return rc;
}

/* ---- token similarity ------------------------------------------------ */

/* Substitutions that cost half: vowel for vowel, and the confusable pairs
 * ck kq sz iy jy vw fv bp dt gk 0o 1l 1i 5s 8b 9g 6g 2z cs.  Each class
 * (all vowels; each pair) is one bit, so two different characters are
 * half-cost exactly when their masks share a bit: one AND in the hot loop
 * of edit_dist_b instead of a scan of the pair list. */
enum {
	SC_VOWEL = 1u << 0,
	SC_CK = 1u << 1,
	SC_KQ = 1u << 2,
	SC_SZ = 1u << 3,
	SC_IY = 1u << 4,
	SC_JY = 1u << 5,
	SC_VW = 1u << 6,
	SC_FV = 1u << 7,
	SC_BP = 1u << 8,
	SC_DT = 1u << 9,
	SC_GK = 1u << 10,
	SC_0O = 1u << 11,
	SC_1L = 1u << 12,
	SC_1I = 1u << 13,
	SC_5S = 1u << 14,
	SC_8B = 1u << 15,
	SC_9G = 1u << 16,
	SC_6G = 1u << 17,
	SC_2Z = 1u << 18,
	SC_CS = 1u << 19
};

static const uint32_t sub_class[256] = {
    ['a'] = SC_VOWEL,
    ['e'] = SC_VOWEL,
    ['i'] = SC_VOWEL | SC_IY | SC_1I,
    ['o'] = SC_VOWEL | SC_0O,
    ['u'] = SC_VOWEL,
    ['y'] = SC_VOWEL | SC_IY | SC_JY,
    ['b'] = SC_BP | SC_8B,
    ['c'] = SC_CK | SC_CS,
    ['d'] = SC_DT,
    ['f'] = SC_FV,
    ['g'] = SC_GK | SC_9G | SC_6G,
    ['j'] = SC_JY,
    ['k'] = SC_CK | SC_KQ | SC_GK,
    ['l'] = SC_1L,
    ['p'] = SC_BP,
    ['q'] = SC_KQ,
    ['s'] = SC_SZ | SC_5S | SC_CS,
    ['t'] = SC_DT,
    ['v'] = SC_VW | SC_FV,
    ['w'] = SC_VW,
    ['z'] = SC_SZ | SC_2Z,
    ['0'] = SC_0O,
    ['1'] = SC_1L | SC_1I,
    ['2'] = SC_2Z,
    ['5'] = SC_5S,
    ['6'] = SC_6G,
    ['8'] = SC_8B,
    ['9'] = SC_9G,
};

static double
sub_cost(char a, char b)
{
	if (a == b)
		return 0.0;
	if (sub_class[(unsigned char)a] & sub_class[(unsigned char)b])
		return 0.5;
	return 1.0;
}

/* Insert or delete s[i]: cheap for a doubled letter or an h. */
static double
indel_cost(const char *s, size_t i, size_t n)
{
	if ((i > 0 && s[i - 1] == s[i]) || (i + 1 < n && s[i + 1] == s[i]))
		return 0.5;
	if (s[i] == 'h' || s[i] == 'B' || s[i] == 'J')
		return 0.5;
	return 1.0;
}

/* Damerau-Levenshtein (optimal string alignment) with the costs above.
 * Gives up and returns a value > budget as soon as every cell of a row
 * exceeds budget: most token pairs in a screen are plainly different, and
 * this is the hot loop. */
static double
edit_dist_b(const char *a, size_t la, const char *b, size_t lb, double budget)
{
	double r0[TOK_LEN_MAX + 2], r1[TOK_LEN_MAX + 2], r2[TOK_LEN_MAX + 2];
	double ia[TOK_LEN_MAX + 1], ib[TOK_LEN_MAX + 1];
	double *pp = r0, *p = r1, *c = r2, *t;
	size_t i, j;

	for (j = 0; j < lb; j++)
		ib[j] = indel_cost(b, j, lb);
	p[0] = 0;
	for (j = 1; j <= lb; j++)
		p[j] = p[j - 1] + ib[j - 1];
	for (i = 1; i <= la; i++) {
		double rmin;

		/* a's costs row by row: most pairs stop after a few rows */
		ia[i - 1] = indel_cost(a, i - 1, la);
		c[0] = p[0] + ia[i - 1];
		rmin = c[0];
		for (j = 1; j <= lb; j++) {
			double v =
			    p[j - 1] + (a[i - 1] == b[j - 1]
			                       ? 0.0
			                       : sub_cost(a[i - 1], b[j - 1]));
			double d = p[j] + ia[i - 1];
			double in = c[j - 1] + ib[j - 1];

			if (d < v)
				v = d;
			if (in < v)
				v = in;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 0.6 < v)
				v = pp[j - 2] + 0.6;
			c[j] = v;
			if (v < rmin)
				rmin = v;
		}
		if (rmin > budget)
			return budget + 1.0;
		t = pp;
		pp = p;
		p = c;
		c = t;
	}
	return p[lb];
}

static double
edit_dist(const char *a, size_t la, const char *b, size_t lb)
{
	return edit_dist_b(a, la, b, lb, 1e9);
}

/* Vowel groups, a rough syllable count. */
static size_t
vowel_groups(const char *s, size_t n)
{
	size_t i, g = 0;

	for (i = 0; i < n; i++)
		if (name_is_vowel(s[i]) && (i == 0 || !name_is_vowel(s[i - 1])))
			g++;
	return g;
}

/* The consonants of a Latin word as written: vowels dropped, an h after a
 * vowel dropped (Mohamed / Muhammad), doubled letters collapsed.  Two words
 * with one phonetic skeleton but another consonant in one slot (Kokdemir /
 * Gokdemir) are often two family names, not two spellings. */
static size_t
consonants(const char *s, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (name_is_vowel(c) ||
		    (c == 'h' && i > 0 && name_is_vowel(s[i - 1])))
			continue;
		if (c < 'a' || c > 'z')
			return 0; /* digits: OCR (I9or), not a name */
		if (i > 0 && s[i - 1] == c)
			continue;
		out[k++] = c;
	}
	out[k] = '\0';
	return k;
}

/* Weighted edits two Latin words of max length ml may differ by and still
 * be one name: about one per four letters, at least one. */
static double
edit_budget(size_t ml)
{
	return ml <= 4 ? 1.0 : ml <= 7 ? 1.5 : ml <= 10 ? 2.0 : 2.5;
}

/* Letters that spell one sound in some language or romanisation: c/k
 * (Catharina), k/q (Qasim), s/z (Gasprom), v/w (Wladimir), c/s. */
static bool
spelling_pair(char a, char b)
{
	static const char *const eq[] = {"ck", "kq", "cq", "sz", "cs", "vw"};
	size_t i;

	for (i = 0; i < sizeof(eq) / sizeof(eq[0]); i++)
		if ((a == eq[i][0] && b == eq[i][1]) ||
		    (a == eq[i][1] && b == eq[i][0]))
			return true;
	return false;
}

/* Another consonant in the same slot (k/g, t/d): another phoneme.  Runs
 * of different length are romanisation digraphs (sh / sch, x / hs, dh / d)
 * and stay spelling variants. */
static bool
consonant_swapped(const struct ntok *a, const struct ntok *b)
{
	char x[TOK_LEN_MAX + 1], y[TOK_LEN_MAX + 1];
	size_t lx = consonants(a->s, a->len, x);

	size_t i;

	if (lx != consonants(b->s, b->len, y))
		return false;
	for (i = 0; i < lx; i++)
		if (x[i] != y[i] && !spelling_pair(x[i], y[i]))
			return true;
	return false;
}

/* ---- first syllable -------------------------------------------------- */

/* Sounds a word's first consonant unit may stand for, as bits: spellings
 * of one sound share a bit (ph / f, kh / ch / k, x / hs / j / zh, dj / j,
 * ts / z / c), other sounds do not (kh / g, ph / v, p / b). */
enum {
	OS_K = 1u << 0,
	OS_G = 1u << 1,
	OS_J = 1u << 2, /* sh / ch / j / zh family */
	OS_S = 1u << 3,
	OS_F = 1u << 4,
	OS_V = 1u << 5,
	OS_T = 1u << 6,
	OS_D = 1u << 7,
	OS_H = 1u << 8,
	OS_Z = 1u << 9,
	OS_B = 1u << 10,
	OS_P = 1u << 11,
	OS_OTHER = 1u << 12 /* + the letter's own bit, see onset_unit */
};

struct onset {
	const char *s;
	uint32_t m;
};

/* Longest first: the first unit that prefixes the word wins. */
static const struct onset onsets[] = {
    {"tsch", OS_J},
    {"dzh", OS_J},
    {"sch", OS_J | OS_S},
    {"tch", OS_J},
    {"chr", OS_K},
    {"chl", OS_K},
    {"dj", OS_J},
    {"zh", OS_J | OS_Z},
    {"sh", OS_J | OS_S},
    {"ch", OS_J | OS_K | OS_H},
    {"hs", OS_J | OS_S},
    {"kh", OS_K | OS_H},
    {"gh", OS_G | OS_K},
    {"ph", OS_F},
    {"th", OS_T | OS_S},
    {"dh", OS_D | OS_Z | OS_T},
    {"bh", OS_B},
    {"ts", OS_S | OS_Z},
    {"tz", OS_S | OS_Z},
    {"ck", OS_K},
    {"qu", OS_K},
    {"c", OS_K | OS_S | OS_J},
    {"k", OS_K},
    {"q", OS_K | OS_J},
    {"g", OS_G},
    {"j", OS_J},
    {"x", OS_J | OS_S},
    {"s", OS_S},
    {"z", OS_Z | OS_S},
    {"f", OS_F},
    {"v", OS_V},
    {"w", OS_V},
    {"t", OS_T},
    {"d", OS_D},
    {"h", OS_H},
    {"b", OS_B},
    {"p", OS_P},
};

/* The first consonant unit of a Latin word: its sound bits, and its length
 * in letters (0 when the word begins with a vowel). */
static uint32_t
onset_unit(const char *s, size_t n, size_t *len)
{
	size_t k, l;

	*len = 0;
	if (n == 0 || is_vowel5(s[0]))
		return 0;
	for (k = 0; k < N(onsets); k++) {
		l = strlen(onsets[k].s);
		if (l <= n && memcmp(s, onsets[k].s, l) == 0) {
			*len = l;
			/* a soft g is zh or j (Gildor / Zhildor) */
			if (s[0] == 'g' && l == 1 && n > 1 &&
			    (s[1] == 'e' || s[1] == 'i' || s[1] == 'y'))
				return OS_G | OS_J;
			return onsets[k].m;
		}
	}
	*len = 1;
	return OS_OTHER << ((unsigned char)s[0] & 15);
}

/* The first vowel of a Latin word's stem: the first vowel after its first
 * consonant when the word begins with a vowel ("Osama", "Usama": a), else
 * its first vowel.  Spellings of one vowel are one: y is i, ou is u, ae
 * is e, ai / ay / ei / ey one diphthong (Weis / Vays), and a y before a
 * vowel only softens the consonant (Wüllersleben / Vyullersleben).  An
 * initial i or y before a vowel is a consonant (Iosif / Yosif / Josif). */
static char
key_vowel(const char *s, size_t n)
{
	size_t i = 0;

	if (n > 1 && (s[0] == 'i' || s[0] == 'y') && is_vowel5(s[1]))
		i = 1;
	else if (n > 0 && name_is_vowel(s[0])) {
		while (i < n && name_is_vowel(s[i]))
			i++;
		while (i < n && !name_is_vowel(s[i]))
			i++;
	}
	while (i < n && !name_is_vowel(s[i]))
		i++;
	if (i + 1 < n && s[i] == 'y' && is_vowel5(s[i + 1]))
		i++;
	if (i >= n)
		return 0;
	if (i + 1 < n) {
		char c = s[i], d = s[i + 1];

		if ((c == 'a' || c == 'e') && (d == 'i' || d == 'y'))
			return 'A';
		if (c == 'a' && d == 'e')
			return 'e';
		if (c == 'o' && d == 'u')
			return 'u';
	}
	return s[i] == 'y' ? 'i' : s[i];
}

/* Whether a word beginning with the consonant c (c, then cv) may be a
 * spelling of a word beginning with the vowel v: y / j before i or e or
 * the same vowel (Yelena / Elena, Josif / Iosif, Yudall / Udall), w
 * before o or u (Walid / Oualid), and h, which many spellings drop
 * (Hasan / Asan). */
static bool
onset_droppable(char c, char cv, char v)
{
	if (c == 'h')
		return true;
	if ((c == 'y' || c == 'j') && (v == 'i' || v == 'e' || v == cv))
		return true;
	return c == 'w' && (v == 'o' || v == 'u' || cv == 'o' || cv == 'u');
}

/* Two Latin words that share a skeleton but not their first syllable:
 * another first letter *and* another vowel (Kokdemir / Cakdemir, Zorbulut
 * / Saribulut, Iloeze / Olueze), an onset that is another sound written
 * with two letters (Kharani / Gorani, Phadani / Wadani), or a consonant
 * one word begins with and the other lacks (Yazturk / Ozturk, Sagcan /
 * Ozkan).  Family names that share a stem differ just there; a typing
 * error changes one letter, and spellings of one name keep the sound
 * (Qadhafi / Gaddafi, Chinping / Jinping, Osama / Usama, Yevgeny /
 * Evgeny, Chaykovskiy / Tchaikovsky). */
static bool
other_onset(const struct ntok *a, const struct ntok *b)
{
	size_t la, lb;
	uint32_t ma, mb;
	char va, vb;

	if (a->len < 3 || b->len < 3 || a->s[0] == b->s[0])
		return false;
	/* initial e and i are one reduced vowel in many transliterations
	 * (Evan / Iven, England / Inglend) */
	if ((a->s[0] == 'e' || a->s[0] == 'i') &&
	    (b->s[0] == 'e' || b->s[0] == 'i'))
		return false;
	ma = onset_unit(a->s, a->len, &la);
	mb = onset_unit(b->s, b->len, &lb);
	if ((la == 0) != (lb == 0)) {
		const struct ntok *c = la ? a : b, *v = la ? b : a;

		/* "y" before a vowel begins a syllable like a consonant;
		 * a vowel before the other's first consonant is an elided or
		 * added vowel ('Ndrangheta / Andrangheta, Nvidia / Invidia) */
		if ((c->s[0] == 'y' && !is_vowel5(c->s[1])) ||
		    c->s[0] == v->s[1])
			return false;
		/* a dropped h, y or w is a spelling; the rest is the
		 * other rules' */
		return !onset_droppable(c->s[0], c->s[1], v->s[0]);
	}
	if (la > 0 && lb > 0 && (ma & mb) == 0 && (la > 1 || lb > 1))
		return true;
	/* vowels romanised from another alphabet say little */
	if ((a->lclass | b->lclass) & LC_XLIT)
		return false;
	va = key_vowel(a->s, a->len);
	vb = key_vowel(b->s, b->len);
	return va != 0 && vb != 0 && va != vb;
}

/* Syllables of a Latin spelling: vowel groups, where y or w before a
 * vowel is a consonant (Puyang: pu-yang, 2; Wang: 1) and a final e after
 * a consonant is silent (Nicole, Wayne). */
static size_t
syllables(const char *s, size_t n)
{
	size_t i, g = 0;
	bool in = false;

	for (i = 0; i < n; i++) {
		bool v = is_vowel5(s[i]) ||
		         (s[i] == 'y' && !(i + 1 < n && is_vowel5(s[i + 1])));

		if (v && !in && !(g > 0 && i + 1 == n && s[i] == 'e'))
			g++;
		in = v;
	}
	return g;
}

/* The most syllables a romanised Han, Hangul or Kana word may stand for:
 * its vowel letters.  Vowel groups would undercount, since a block that
 * begins with a vowel runs into the one before (보언 "boeon", Bowen). */
static size_t
syllables_max(const char *s, size_t n)
{
	size_t i, g = 0;

	for (i = 0; i < n; i++)
		g += is_vowel5(s[i]);
	return g;
}

/* A Latin word of one syllable that could be one Han syllable in pinyin
 * or Wade-Giles: no two consonants together, ending in n or ng (Wang,
 * Feng, Chen).  Such a word needs no added vowel in any rendering. */
static bool
one_closed_syllable(const char *s, size_t n)
{
	size_t i;

	if (syllables(s, n) != 1 || n < 2 || s[n - 1] == 'e')
		return false;
	if (!(s[n - 1] == 'n' || (n > 2 && s[n - 2] == 'n' && s[n - 1] == 'g')))
		return false;
	for (i = 1; i + 1 < n; i++)
		if (!name_is_vowel(s[i - 1]) && !name_is_vowel(s[i]) &&
		    s[i - 1] != 'h' && s[i] != 'h' &&
		    !(s[i] == 'g' && s[i - 1] == 'n'))
			return false;
	return true;
}

/* A Latin word against one read from Han, Hangul or Kana: each character
 * or block is one syllable, and no rendering drops one, so a Latin word
 * of more syllables is another name whatever the consonants share
 * (Puyang / 王 "wang", Ae Young / 용 "yong", Helian / 伦 "lun").  The
 * other way round is evidence only for a Latin word that needs no added
 * vowel: Kana, Hangul and Han renderings of foreign names add vowels
 * (Barack / バラク "baraku"), but Wang is one character, not 濮阳
 * "puyang". */
static bool
syllables_differ(const struct ntok *a, const struct ntok *b)
{
	const struct ntok *l = a, *y = b;

	if (!((a->flags ^ b->flags) & TK_SYLL) ||
	    ((a->flags | b->flags) & TK_ABJAD))
		return false;
	if (a->flags & TK_SYLL)
		l = b, y = a;
	if (syllables(l->s, l->len) > syllables_max(y->s, y->len))
		return true;
	return one_closed_syllable(l->s, l->len) && syllables(y->s, y->len) > 1;
}

/* A lower bound of edit_dist, far cheaper than the table.  With a the
 * longer word (diff letters longer): a letter of a that b lacks
 * altogether (xa of them) must be deleted or substituted, one of b (xb)
 * inserted or substituted, and at least diff letters of a deleted; so at
 * least max(xa, diff + xb) edits of 0.5 or more.  And deleting a letter
 * costs 1 unless it is doubled or an h (indel_cost): of the diff
 * deletions, all but the cheap letters' number cost 0.5 more.  Letters
 * are told apart by their low six bits (a collision only makes the bound
 * weaker).  Most token pairs of a screen are plainly different names,
 * often of very different lengths (a joined pair against one word), and
 * this settles them. */
static double
letters_bound(const struct ntok *ta, const struct ntok *tb)
{
	const struct ntok *tx = ta->len >= tb->len ? ta : tb;
	const struct ntok *ty = tx == ta ? tb : ta;
	const char *a = tx->s, *b = ty->s;
	size_t la = tx->len, lb = ty->len;
	uint64_t ma = tx->lm, mb = ty->lm; /* the letter sets, from tok_set */
	size_t i, xa = 0, xb = 0, cheap = 0, diff, ops;

	diff = la - lb;
	for (i = 0; i < la; i++)
		xa += !(mb >> (a[i] & 63) & 1);
	/* indel_cost's half-price letters, inline: this runs per pair */
	for (i = 0; i < la && diff > cheap; i++) {
		char c = a[i];

		cheap += c == 'h' || c == 'B' || c == 'J' ||
		         (i > 0 && a[i - 1] == c) ||
		         (i + 1 < la && a[i + 1] == c);
	}
	for (i = 0; i < lb; i++)
		xb += !(ma >> (b[i] & 63) & 1);
	ops = xa > diff + xb ? xa : diff + xb;
	if (diff > cheap)
		ops += diff - cheap; /* in halves, like the rest */
	return 0.5 * (double)ops;
}

uint64_t
tok_letters(const char *s, size_t n)
{
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		m |= 1ULL << (s[i] & 63);
	return m;
}

/* The bits set in x.  Inline: the baseline x86-64 target has no popcnt
 * instruction, and the compiler's fallback is a library call per pair. */
static inline size_t
bits(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (size_t)((x * 0x0101010101010101ULL) >> 56);
}

/* letters_bound(a, b) > lim, deciding most pairs from the letter sets
 * alone: a letter one word has and the other lacks altogether costs at
 * least one edit of 0.5, so with a the longer word, max(letters of a not
 * in b, length difference + letters of b not in a) halves is a lower
 * bound of letters_bound (which counts those letters with repeats).  A
 * screen compares each query word with hundreds of record words, most of
 * them plainly different: this settles them without reading a letter. */
static bool
letters_exceed(const struct ntok *a, const struct ntok *b, double lim)
{
	const struct ntok *x = a->len >= b->len ? a : b;
	const struct ntok *y = x == a ? b : a;
	size_t diff = (size_t)x->len - y->len;
	size_t da = bits(x->lm & ~y->lm);
	size_t db = diff + bits(y->lm & ~x->lm);

	if (0.5 * (double)(da > db ? da : db) > lim)
		return true;
	return letters_bound(a, b) > lim;
}

/* edit_dist_b for a caller that needs the distance exactly only when it
 * is at most need, and otherwise any value above need.  Every insertion or
 * deletion costs at least 0.5, so half the length difference is a lower
 * bound; and edit_dist_b's early exit can stop at most 0.4 below the true
 * distance (a transposition, 0.6, can skip a row whose cells cost up to 1
 * more than its start), so the budget carries that margin. */
static double
edit_dist_need(const char *a, size_t la, const char *b, size_t lb, double need)
{
	size_t diff = la > lb ? la - lb : lb - la;

	if (0.5 * (double)diff > need)
		return need + 1.0;
	return edit_dist_b(a, la, b, lb, need + 0.4 + 1e-9);
}

/* Does s (n letters) end in a Slavic family-name suffix; which: 1 for a
 * masculine one (-ov, -ev, -in, -yn, -sky, -skiy, -skii, -ski), 2 for a
 * feminine one (-ova, -eva, -ina, -yna, -skaya, -ska), 0 for neither. */
static int
slavic_gender(const char *s, size_t n)
{
	static const char *const masc[] = {
	    "ov", "ev", "in", "yn", "sky", "skiy", "skii", "ski", "skyi"};
	static const char *const fem[] = {
	    "ova", "eva", "ina", "yna", "skaya", "skaia", "ska"};
	size_t k, at;

	if (n < 5)
		return 0;
	for (k = 0; k < N(fem); k++)
		if (ends_with(s, n, fem[k], &at) && at >= 2)
			return 2;
	for (k = 0; k < N(masc); k++)
		if (ends_with(s, n, masc[k], &at) && at >= 2)
			return 1;
	return 0;
}

/* Two words read from Han, Hangul or Kana on both sides: each syllable is
 * one character read by one rule, so a syllable spelt otherwise is another
 * character, however alike it sounds (习近平 "jinping" / 习近朋 "jinpeng",
 * 김정은 "jeongeun" / 김종은 "jongeun").  The share of syllables (vowel
 * groups) left untouched by the letters that differ (plain Levenshtein,
 * every letter one): one syllable of two other is 0.5, below SIM_MIN. */
static double
syll_sim(const struct ntok *a, const struct ntok *b)
{
	uint8_t r0[TOK_LEN_MAX + 1], r1[TOK_LEN_MAX + 1];
	uint8_t *p = r0, *c = r1, *t;
	size_t i, j, va, vb, syl;

	va = vowel_groups(a->s, a->len);
	vb = vowel_groups(b->s, b->len);
	syl = va > vb ? va : vb;
	if (syl < 2)
		return 0.0; /* one syllable, other letters: another name */
	for (j = 0; j <= b->len; j++)
		p[j] = (uint8_t)j;
	for (i = 1; i <= a->len; i++) {
		c[0] = (uint8_t)i;
		for (j = 1; j <= b->len; j++) {
			unsigned v = p[j - 1] + (a->s[i - 1] != b->s[j - 1]);

			if (p[j] + 1u < v)
				v = p[j] + 1u;
			if (c[j - 1] + 1u < v)
				v = c[j - 1] + 1u;
			c[j] = (uint8_t)v;
		}
		t = p, p = c, c = t;
	}
	if (p[b->len] >= syl)
		return 0.0;
	return 1.0 - (double)p[b->len] / (double)syl;
}

/* The ways two words agree (tok_sim_b's *how; a pair of name_compare may
 * also say "initials"), so that a memo entry holds one byte for it.  Each
 * begins with its own letter, so the first letter tells them apart: keep
 * it so when adding one. */
static const char *const how_names[] = {
    "exact", "fuzzy", "initial", "legal form", "nickname", "phonetic"};

/* how's index in how_names, or -1 (then it is not remembered). */
static int
how_index(const char *how)
{
	size_t i;

	for (i = 0; i < N(how_names); i++)
		if (how_names[i][0] == how[0])
			return strcmp(how_names[i], how) == 0 ? (int)i : -1;
	return -1;
}

/* how is the way named by w (one of how_names): by its first letter */
static inline bool
how_is(const char *how, const char *w)
{
	return how[0] == w[0];
}

/* tok_sim for a caller that keeps only pairs at or above min (name_compare
 * aligns pairs >= SIM_MIN): exactly tok_sim's value when that is >= min,
 * some value below min otherwise, so that distances that cannot reach min
 * stop early.  min = 0 is tok_sim itself. */
static double
tok_sim_c(
    const struct ntok *a, const struct ntok *b, const char **how, double min)
{
	double s, d;
	size_t ml;
	uint8_t f = a->flags | b->flags;
	/* an abjad on both sides: each letter is read by one rule, so
	 * alike-sounding readings are other names (التهامي / التميمي): no
	 * phonetic route, only the letters (Han, Hangul: syll_sim) */
	bool both_syll = (a->flags & b->flags & (TK_SYLL | TK_ABJAD)) != 0;
	/* one abjad word, one Latin: see abjad_latin_sim */
	bool xab = ((a->flags ^ b->flags) & TK_ABJAD) && !(f & TK_SYLL);

	*how = "exact";
	if (a->len == b->len && memcmp(a->s, b->s, a->len) == 0)
		return 1.0;
	if (f & TK_LEGAL) {
		*how = "legal form";
		if ((a->flags & b->flags & TK_LEGAL) &&
		    ((a->lclass & LC_MASK) == (b->lclass & LC_MASK) ||
		        ((a->lclass & LC_MASK) == LC_CORP &&
		            (b->lclass & LC_MASK) == LC_CORP)))
			return 0.9;
		return 0.0;
	}
	if (f & TK_NUM)
		return 0.0;
	if (a->flags & b->flags & TK_SYLL) {
		*how = "fuzzy";
		return syll_sim(a, b);
	}
	if ((a->flags | b->flags) & TK_INITIAL) {
		*how = "initial";
		if (a->s[0] == b->s[0] && (a->len == 1 || b->len == 1))
			return 0.9;
		return 0.0;
	}
	if ((f & TK_NICK) && !(f & (TK_ABJAD | TK_SYLL))) {
		const struct nick *n;

		if (((a->flags & TK_NICK) && (n = nick_find(a->s)) != NULL &&
		        nick_of(n, b->s, b->len)) ||
		    ((b->flags & TK_NICK) && (n = nick_find(b->s)) != NULL &&
		        nick_of(n, a->s, a->len))) {
			*how = "nickname";
			return 0.9;
		}
	}
	ml = a->len > b->len ? a->len : b->len;
	{
		bool skeq = a->sklen > 0 && a->sklen == b->sklen &&
		            memcmp(a->sk, b->sk, a->sklen) == 0;

		bool syll = (f & (TK_ABJAD | TK_SYLL)) != 0;

		/* without a phonetic route only s >= SIM_MIN matters */
		if (skeq && syll && !syllables_differ(a, b)) {
			/* the phonetic 0.92 below stands unless s beats it */
			d = edit_dist_need(a->s, a->len, b->s, b->len,
			    (1.0 - 0.92) * (double)ml);
		} else if ((skeq || syll) && min > 0) {
			/* s needed for a result >= min: min itself, or for
			 * Latin words with equal skeletons (result 0.6 +
			 * 0.4 s unless the syllable counts differ) less */
			double smin = min, need;

			if (skeq) {
				size_t va = vowel_groups(a->s, a->len);
				size_t vb = vowel_groups(b->s, b->len);

				if (!(va != vb &&
				        (a->sklen < 4 || va > vb + 1 ||
				            vb > va + 1)))
					smin = (min - 0.6) / 0.4;
			}
			need = (1.0 - smin) * (double)ml;
			/* over need by more than rounding: below min */
			if (letters_exceed(a, b, need + 1e-9))
				d = need + 1.0; /* as edit_dist_need would */
			else
				d = edit_dist_need(
				    a->s, a->len, b->s, b->len, need);
		} else if (skeq || syll) {
			d = edit_dist(a->s, a->len, b->s, b->len);
		} else {
			double budget = (1.0 - SIM_MIN) * (double)ml + 1e-9;
			size_t diff =
			    a->len > b->len ? a->len - b->len : b->len - a->len;

			/* every insertion or deletion costs >= 0.5: when the
			 * length difference alone is over budget the value
			 * is below SIM_MIN <= min whatever it is */
			if (min > 0 && (0.5 * (double)diff > budget ||
			                   letters_exceed(a, b, budget)))
				d = budget + 1.0;
			else
				d = edit_dist_b(
				    a->s, a->len, b->s, b->len, budget);
		}
	}
	s = 1.0 - d / (double)ml;
	*how = "fuzzy";
	if (!xab && !both_syll && a->sklen > 0 && a->sklen == b->sklen &&
	    memcmp(a->sk, b->sk, a->sklen) == 0) {
		/* across scripts a skeleton of one consonant ("amy" /
		 * 희미 "huimi": M) says little */
		double ps = !(f & (TK_ABJAD | TK_SYLL)) ? 0.6 + 0.4 * s
		            : a->sklen >= 2             ? 0.92
		                                        : 0.80;

		/* Latin on both sides: vowels are known, so "Bush" (one
		 * syllable) is not "Habbash" (two) whatever the consonants */
		if (!(f & (TK_ABJAD | TK_SYLL))) {
			size_t va = vowel_groups(a->s, a->len);
			size_t vb = vowel_groups(b->s, b->len);

			if (va != vb &&
			    (a->sklen < 4 || va > vb + 1 || vb > va + 1))
				ps = 0;
		} else if (syllables_differ(a, b)) {
			ps = 0;
		}
		if (ps > s) {
			s = ps;
			*how = "phonetic";
		}
	} else if (!xab && (f & (TK_ABJAD | TK_SYLL)) && a->sklen >= 2 &&
	           b->sklen >= 2 && !syllables_differ(a, b)) {
		size_t sl = a->sklen > b->sklen ? a->sklen : b->sklen;
		double sd = min > 0
		                ? edit_dist_need(a->sk, a->sklen, b->sk,
		                      b->sklen, (1.0 - min / 0.85) * (double)sl)
		                : edit_dist(a->sk, a->sklen, b->sk, b->sklen);
		double ps = 0.85 * (1.0 - sd / (double)sl);

		if (ps > s) {
			s = ps;
			*how = "phonetic";
		}
	}
	/* an abjad word against a Latin one: letter classes, not the
	 * skeleton */
	if (xab && min <= 0.92 && (min <= 0 || xc_may_agree(a, b))) {
		double xs = (a->flags & TK_ABJAD) ? abjad_latin_sim(a, b, min)
		                                  : abjad_latin_sim(b, a, min);

		if (xs > s) {
			s = xs;
			*how = "phonetic";
		}
	}
	if (!(f & (TK_ABJAD | TK_SYLL)) && how_is(*how, "fuzzy")) {
		/* Letters only: beyond a length-dependent budget of edits
		 * two words are two names, whatever share of letters they
		 * keep (Kolpakskaya / Golubskaya). */
		if (d > edit_budget(ml))
			s = 0;
		/* Typing errors rarely hit the first letter; other names
		 * often differ just there (Morkar / Gorkar, Bozcan /
		 * Ozcan).  Compared as sounds: Chilcombe / Shelcombe,
		 * Qadhafi / Gaddafi, Vladimir / Wladimir begin alike. */
		else if (a->sklen > 0 && b->sklen > 0 && a->sk[0] != b->sk[0] &&
		         a->s[0] != b->s[0])
			s -= FIRST_SOUND_PEN;
	}
	/* The masculine and feminine forms of a Slavic family name are
	 * two people, a husband and wife, brother and sister (Baranov /
	 * Barynova, Ivanov / Ivanova), however close the letters. */
	if (s > GENDER_CAP && !(f & (TK_ABJAD | TK_SYLL)) &&
	    (slavic_gender(a->s, a->len) | slavic_gender(b->s, b->len)) == 3)
		s = GENDER_CAP;
	/* another first syllable: another name sharing a stem */
	if (s > OTHER_ONSET_CAP && !(f & (TK_ABJAD | TK_SYLL)) &&
	    other_onset(a, b)) {
		s = OTHER_ONSET_CAP;
		*how = "fuzzy";
	}
	/* one skeleton or one cheap edit, but a consonant that is another
	 * phoneme (Kokdemir / Gokdemir): a near-namesake, not a spelling */
	if (s > CONS_SWAP_CAP && !(f & (TK_ABJAD | TK_SYLL)) &&
	    consonant_swapped(a, b)) {
		s = CONS_SWAP_CAP;
		*how = "fuzzy";
	}
	return s < 0 ? 0 : s;
}

/* Russian has no h and writes a foreign one х, romanised kh, and a
 * foreign j дж, romanised dzh: Таухид "taukhid" is Tawhid, Джихад
 * "dzhikhad" Jihad, Хасан "khasan" Hasan.  x (n letters) is such a
 * word; write it with h and j into v (>= TOK_LEN_MAX + 1 bytes) and
 * return its length, or 0 when it has neither. */
static size_t
cyr_respell(const char *x, size_t n, char *v)
{
	size_t i = 0, k = 0;
	bool any = false;

	while (i < n) {
		if (x[i] == 'd' && i + 2 < n && x[i + 1] == 'z' &&
		    x[i + 2] == 'h') {
			v[k++] = 'j', i += 3, any = true;
		} else if (x[i] == 'k' && i + 1 < n && x[i + 1] == 'h') {
			v[k++] = 'h', i += 2, any = true;
		} else {
			v[k++] = x[i++];
		}
	}
	v[k] = '\0';
	return any ? k : 0;
}

/* tok_sim_c, and for a word romanised from Cyrillic against a Latin one
 * that spells an h, the better of it and its respelling (cyr_respell). */
static double
tok_sim_b(
    const struct ntok *a, const struct ntok *b, const char **how, double min)
{
	double s = tok_sim_c(a, b, how, min), s2;
	const struct ntok *x = a, *y = b;
	const uint64_t h = 1ULL << ('h' & 63), k = 1ULL << ('k' & 63);
	struct ntok v;
	const char *how2;
	char sp[TOK_LEN_MAX + 1];
	size_t n;

	if (s >= 1.0 || !((a->lclass ^ b->lclass) & LC_XLIT) ||
	    ((a->flags | b->flags) & (TK_ABJAD | TK_SYLL | TK_LEGAL | TK_NUM)))
		return s;
	if (b->lclass & LC_XLIT)
		x = b, y = a;
	/* the Cyrillic word has an h, the other one an h (or a j) */
	if ((x->lm & h) == 0 || (y->lm & (h | 1ULL << ('j' & 63))) == 0 ||
	    ((x->lm & k) == 0 && (x->lm & 1ULL << ('z' & 63)) == 0) ||
	    (n = cyr_respell(x->s, x->len, sp)) == 0)
		return s;
	tok_set(&v, sp, n, x->flags);
	v.lclass = x->lclass;
	s2 = tok_sim_c(&v, y, &how2, min);
	if (s2 > s) {
		s = s2;
		*how = how2;
	}
	return s;
}

double
tok_sim(const struct ntok *a, const struct ntok *b, const char **how)
{
	return tok_sim_b(a, b, how, 0);
}

/* ---- name comparison ------------------------------------------------- */

struct pair {
	float sim;
	uint8_t qi, qn, ci, cn; /* first index and count (1 or 2) */
	const char *how;
	/* Two abjad words joined against one Latin word lose ties: an abjad
	 * word of long vowels and weak letters ("aiub", ایوب) adds almost
	 * nothing the classes must match, so "aiub"+"bshir" meets "bashir"
	 * as well as "bshir" does and would leave "ayyub" unmatched. */
	uint8_t join_last;
};

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->sim != y->sim)
		return x->sim < y->sim ? 1 : -1;
	/* an abjad join after the rest: see struct pair */
	if (x->join_last != y->join_last)
		return x->join_last - y->join_last;
	return (y->qn + y->cn) - (x->qn + x->cn);
}

static void
merge_tok(const struct ntok *a, const struct ntok *b, struct ntok *m)
{
	char s[2 * TOK_LEN_MAX + 2];
	size_t n = (size_t)a->len + b->len;

	memcpy(s, a->s, a->len);
	memcpy(s + a->len, b->s, b->len);
	tok_set(
	    m, s, n, (uint8_t)((a->flags | b->flags) & (TK_ABJAD | TK_SYLL)));
	m->lclass = (uint8_t)((a->lclass | b->lclass) & LC_XLIT);
	m->w = a->w + b->w;
}

/* Two adjacent words that may stand for one word of the other name; a
 * legal form may follow a word ("Siemens AG" / "SiemensAG"). */
static bool
mergeable(const struct ntok *a, const struct ntok *b)
{
	uint8_t f = a->flags | (b->flags & (uint8_t)~TK_LEGAL);

	/* the Arabic script's article begins the next word: a word and
	 * the "al" after it are never one (نبيه + ال is not Nabil) */
	if ((b->flags & TK_ABJAD) && b->len == 2 && b->s[0] == 'a' &&
	    b->s[1] == 'l')
		return false;
	return !(f & (TK_LEGAL | TK_NUM | TK_TITLE)) &&
	       (size_t)a->len + b->len <= TOK_LEN_MAX;
}

bool
name_mergeable(const struct ntok *a, const struct ntok *b)
{
	return mergeable(a, b);
}

size_t
name_join_skeleton(const struct ntok *a, const struct ntok *b, char *sk)
{
	struct ntok m;

	merge_tok(a, b, &m);
	memcpy(sk, m.sk, (size_t)m.sklen + 1);
	return m.sklen;
}

void
name_join_load(const struct ntok *a, const struct ntok *b, const char *sk,
    size_t sklen, struct ntok *m)
{
	size_t n = (size_t)a->len + b->len;

	if (n > TOK_LEN_MAX)
		n = TOK_LEN_MAX;
	memcpy(m->s, a->s, a->len);
	memcpy(m->s + a->len, b->s, n - a->len);
	m->s[n] = '\0';
	m->len = (uint8_t)n;
	m->flags = (uint8_t)((a->flags | b->flags) & (TK_ABJAD | TK_SYLL));
	m->lclass = (uint8_t)((a->lclass | b->lclass) & LC_XLIT);
	memcpy(m->sk, sk, sklen + 1);
	m->sklen = (uint8_t)sklen;
	m->h = hash64(m->s, n, 0);
	m->lm = a->lm | b->lm;
	m->w = 0; /* set by the caller, like the tokens'; tok_sim does not read
	             it */
}

/* Two abjad words joined against one word in letters, when the join has
 * fewer than three consonants and neither is a particle: an abjad word of
 * long vowels and weak letters adds almost nothing to the skeleton, so
 * that اياد اغ ("aiad agh", DG) met Tekay and ضیا آغا ("dhia agha") met
 * Dağay at the face value of a cross-script match, 0.92, above the
 * persons themselves (IYAD AG GHALI, AHMAD ZIA AGHA).  The article stays
 * joinable (العلوي, "al alui", is Alaoui). */
static bool
thin_join(const struct ntok *join, const struct ntok *a, const struct ntok *b,
    const struct ntok *other)
{
	return (join->flags & TK_ABJAD) && !(other->flags & TK_ABJAD) &&
	       join->sklen < 3 && !((a->flags | b->flags) & TK_WEAK);
}

/* "JC" for "Jean-Claude": a two-letter word made of the initials of two
 * adjacent full words. */
static bool
initials_of(const struct ntok *x, const struct ntok *a, const struct ntok *b)
{
	return x->len == 2 && a->len > 1 && b->len > 1 &&
	       !((a->flags | b->flags | x->flags) &
	           (TK_WEAK | TK_LEGAL | TK_NUM | TK_ABJAD | TK_SYLL)) &&
	       x->s[0] == a->s[0] && x->s[1] == b->s[0];
}

void
simmemo_reset(struct simmemo *m)
{
	if (++m->gen == 0) { /* wrapped: stale stamps could match again */
		memset(m->e, 0, sizeof(m->e));
		memset(m->j, 0, sizeof(m->j));
		m->gen = 1;
	}
	m->n = 0;
}

static uint64_t
memo_key(const struct ntok *t, double min)
{
	uint64_t tag = (uint64_t)t->flags | (uint64_t)t->lclass << 8 |
	               (uint64_t)t->len << 16 |
	               (uint64_t)(min * 100.0 + 0.5) << 24;

	return t->h ^ (tag * 0x9E3779B97F4A7C15ULL);
}

/* tok_sim_b(a, b, how, min) through the memo. */
static double
memo_sim(struct simmemo *m, const struct ntok *a, const struct ntok *b,
    const char **how, double min)
{
	uint64_t k;
	size_t i, probe;
	double s;
	int hi;

	if (m == NULL || (a->len == b->len && memcmp(a->s, b->s, a->len) == 0))
		return tok_sim_b(a, b, how, min);
	/* ordered: (a, b) is not (b, a) */
	k = (memo_key(a, min) * 0xBF58476D1CE4E5B9ULL) ^ memo_key(b, min);
	k ^= k >> 31;
	i = (size_t)(k >> 40) & (SIMMEMO_CAP - 1);
	for (probe = 0; probe < 8; probe++, i = (i + 1) & (SIMMEMO_CAP - 1)) {
		struct simmemo_ent *e = &m->e[i];

		if (e->gen != m->gen) {
			s = tok_sim_b(a, b, how, min);
			if (m->n < SIMMEMO_CAP / 2 &&
			    (hi = how_index(*how)) >= 0) {
				e->k = k;
				e->sim = s;
				e->gen = m->gen;
				e->how = (uint8_t)hi;
				m->n++;
			}
			return s;
		}
		if (e->k == k) {
			*how = how_names[e->how];
			return e->sim;
		}
	}
	return tok_sim_b(a, b, how, min);
}

/* merge_tok(a, b) through the memo: a pointer to the joined token (into
 * the memo, or to *tmp).  Its weight is not set: only tok_sim reads it. */
static const struct ntok *
merged(struct simmemo *memo, const struct ntok *a, const struct ntok *b,
    struct ntok *tmp)
{
	struct simmemo_join *e;
	uint64_t ka, kb;

	if (memo == NULL) {
		merge_tok(a, b, tmp);
		return tmp;
	}
	ka = memo_key(a, 0);
	kb = memo_key(b, 0);
	e = &memo->j[((ka ^ (kb * 0xBF58476D1CE4E5B9ULL)) >> 40) &
	             (SIMMEMO_JOINS - 1)];
	if (e->gen != memo->gen || e->a != ka || e->b != kb) {
		merge_tok(a, b, &e->m);
		e->a = ka;
		e->b = kb;
		e->gen = memo->gen;
	}
	return &e->m;
}

double
name_compare(const struct nname *q, const struct nname *c, struct ent_buf *expl,
    int *kind_out)
{
	return name_compare_memo(q, c, expl, kind_out, NULL);
}

double
name_compare_memo(const struct nname *q, const struct nname *c,
    struct ent_buf *expl, int *kind_out, struct simmemo *memo)
{
	struct pair pairs[NAME_TOK_MAX * NAME_TOK_MAX * 3];
	bool qused[NAME_TOK_MAX] = {false}, cused[NAME_TOK_MAX] = {false};
	size_t np = 0, i, j, k;
	double num = 0, den = 0, uq = 0, uc = 0, s;
	double uqs = 0, ucs = 0; /* of which plain words */
	bool strong = false, phon = false, fuzzy = false;
	size_t nstrong = 0, nseq = 0, unstrong = 0;
	uint8_t seq[NAME_TOK_MAX], seqq[NAME_TOK_MAX];
	uint8_t qlc = 0, clc = 0; /* bit sets of legal classes */
	const char *how;
	struct ntok m;
	const struct ntok *mp;

	if (q->folded != NULL && c->folded != NULL && q->folded[0] != '\0' &&
	    strcmp(q->folded, c->folded) == 0) {
		if (expl != NULL)
			ent_buf_printf(
			    expl, "'%s' = '%s'", q->folded, c->folded);
		if (kind_out != NULL)
			*kind_out = 0;
		return 1.0;
	}
	for (i = 0; i < q->n; i++) {
		if (q->t[i].flags & TK_TITLE)
			continue;
		for (j = 0; j < c->n; j++) {
			if (c->t[j].flags & TK_TITLE)
				continue;
			s = memo_sim(memo, &q->t[i], &c->t[j], &how, SIM_MIN);
			if (s >= SIM_MIN)
				pairs[np++] = (struct pair){(float)s,
				    (uint8_t)i, 1, (uint8_t)j, 1, how, 0};
		}
	}
	/* joined words: two query tokens vs one record token, and back */
	for (i = 0; i + 1 < q->n; i++) {
		if (!mergeable(&q->t[i], &q->t[i + 1]))
			continue;
		mp = merged(memo, &q->t[i], &q->t[i + 1], &m);
		for (j = 0; j < c->n; j++) {
			if (initials_of(&c->t[j], &q->t[i], &q->t[i + 1])) {
				pairs[np++] = (struct pair){0.9f, (uint8_t)i, 2,
				    (uint8_t)j, 1, "initials", 0};
				continue;
			}
			if (c->t[j].flags & (TK_TITLE | TK_LEGAL | TK_NUM) ||
			    c->t[j].len < 3 ||
			    thin_join(mp, &q->t[i], &q->t[i + 1], &c->t[j]))
				continue;
			s = memo_sim(memo, mp, &c->t[j], &how, MERGE_MIN);
			if (s >= MERGE_MIN)
				pairs[np++] = (struct pair){(float)s,
				    (uint8_t)i, 2, (uint8_t)j, 1, how,
				    ((mp->flags ^ c->t[j].flags) & TK_ABJAD) !=
				        0};
		}
	}
	for (j = 0; j + 1 < c->n; j++) {
		if (!mergeable(&c->t[j], &c->t[j + 1]))
			continue;
		mp = c->joins != NULL
		         ? &c->joins[j]
		         : merged(memo, &c->t[j], &c->t[j + 1], &m);
		for (i = 0; i < q->n; i++) {
			if (initials_of(&q->t[i], &c->t[j], &c->t[j + 1])) {
				pairs[np++] = (struct pair){0.9f, (uint8_t)i, 1,
				    (uint8_t)j, 2, "initials", 0};
				continue;
			}
			if (q->t[i].flags & (TK_TITLE | TK_LEGAL | TK_NUM) ||
			    q->t[i].len < 3 ||
			    thin_join(mp, &c->t[j], &c->t[j + 1], &q->t[i]))
				continue;
			s = memo_sim(memo, &q->t[i], mp, &how, MERGE_MIN);
			if (s >= MERGE_MIN)
				pairs[np++] = (struct pair){(float)s,
				    (uint8_t)i, 1, (uint8_t)j, 2, how,
				    ((mp->flags ^ q->t[i].flags) & TK_ABJAD) !=
				        0};
		}
	}
	qsort(pairs, np, sizeof(*pairs), pair_cmp);
	for (k = 0; k < np; k++) {
		struct pair *p = &pairs[k];
		double wq = 0, wc = 0, w;
		/* a joined side is weak only if both its words are
		 * ("Siemens"+"AG" is a real word, "van"+"der" is not) */
		uint8_t fl, fq = 0xFF, fc = 0xFF;

		if (qused[p->qi] || (p->qn == 2 && qused[p->qi + 1]) ||
		    cused[p->ci] || (p->cn == 2 && cused[p->ci + 1]))
			continue;
		for (i = p->qi; i < (size_t)p->qi + p->qn; i++) {
			qused[i] = true;
			wq += q->t[i].w;
			fq &= q->t[i].flags;
		}
		for (j = p->ci; j < (size_t)p->ci + p->cn; j++) {
			cused[j] = true;
			wc += c->t[j].w;
			fc &= c->t[j].flags;
		}
		fl = fq | fc;
		w = (wq + wc) / 2;
		/* a token pair at 0.7 is nearly a different word: rescale so
		 * that only close pairs count for much */
		if (p->sim >= 1.0f)
			num += w;
		else if (how_is(p->how, "phonetic") &&
		         (((fq ^ fc) & (TK_ABJAD | TK_SYLL)) &&
		             (p->sim >= 0.9f ||
		                 (p->sim >= 0.8f && ((fq ^ fc) & TK_ABJAD)))))
			/* across scripts equal skeletons are all a
			 * transliteration can show: a word explained, so 4 of
			 * 4 such words outrank 3 of 4 spelt alike.  So is an
			 * abjad word whose every letter a short Latin word
			 * spells (عدي / Uday: 0.80): counted at 0.6 it
			 * weighed less than the word left out, and the
			 * father's name (Saddam Hussein) outranked the son's */
			num += w * p->sim;
		else if (how_is(p->how, "phonetic"))
			num += w * (p->sim - 0.5) / 0.5;
		else
			num += w * (p->sim - 0.6) / 0.4;
		den += w;
		if (!(fl & (TK_WEAK | TK_LEGAL | TK_NUM))) {
			strong = true;
			nstrong++;
		}
		if (nseq < NAME_TOK_MAX) {
			seq[nseq++] = p->ci;
			seqq[nseq - 1] = p->qi;
		}
		if (p->sim < 1.0f) {
			if (how_is(p->how, "phonetic"))
				phon = true;
			else
				fuzzy = true;
		}
		if (expl != NULL) {
			if (ent_buf_len(expl) > 0)
				ent_buf_adds(expl, ", ");
			if (p->qn == 2)
				ent_buf_printf(expl, "%s+%s", q->t[p->qi].s,
				    q->t[p->qi + 1].s);
			else
				ent_buf_adds(expl, q->t[p->qi].s);
			ent_buf_adds(expl, p->sim >= 1.0f ? "=" : "~");
			if (p->cn == 2)
				ent_buf_printf(expl, "%s+%s", c->t[p->ci].s,
				    c->t[p->ci + 1].s);
			else
				ent_buf_adds(expl, c->t[p->ci].s);
			if (p->sim < 1.0f)
				ent_buf_printf(expl, " (%s)", p->how);
		}
	}
	for (i = 0; i < q->n; i++) {
		if (q->t[i].flags & TK_LEGAL)
			qlc |= (uint8_t)(1u << (q->t[i].lclass & LC_MASK));
		if (!qused[i] && !(q->t[i].flags & TK_TITLE) &&
		    !(q->t[i].lclass & LC_ACRO)) {
			uq += q->t[i].w;
			if (!(q->t[i].flags &
			        (TK_WEAK | TK_LEGAL | TK_NUM | TK_INITIAL))) {
				unstrong++;
				if ((q->t[i].lclass & LC_MASK) != LC_QUAL)
					uqs += q->t[i].w;
			}
			if (expl != NULL)
				ent_buf_printf(expl, "%smissing '%s'",
				    ent_buf_len(expl) ? ", " : "", q->t[i].s);
		}
	}
	for (j = 0; j < c->n; j++) {
		if (c->t[j].flags & TK_LEGAL)
			clc |= (uint8_t)(1u << (c->t[j].lclass & LC_MASK));
		if (!cused[j] && !(c->t[j].flags & TK_TITLE) &&
		    !(c->t[j].lclass & LC_ACRO)) {
			uc += c->t[j].w;
			if (!(c->t[j].flags &
			        (TK_WEAK | TK_LEGAL | TK_NUM | TK_INITIAL))) {
				unstrong++;
				if ((c->t[j].lclass & LC_MASK) != LC_QUAL)
					ucs += c->t[j].w;
			}
			if (expl != NULL)
				ent_buf_printf(expl, "%sextra '%s'",
				    ent_buf_len(expl) ? ", " : "", c->t[j].s);
		}
	}
	if (kind_out != NULL)
		*kind_out = fuzzy ? 2 : phon ? 1 : (uq + uc > 0 ? 2 : 0);
	if (den <= 0)
		return 0.0;
	/* An organisation's extra word names another one (a subsidiary,
	 * "Banco Santander Chile"); a person's is a middle name. */
	if (q->kind != MK_PERSON)
		den += (PEN_ORG_EXTRA - PEN_QUERY) * uqs +
		       (PEN_ORG_EXTRA - PEN_CAND) * ucs;
	s = num / (den + PEN_QUERY * uq + PEN_CAND * uc +
	              PEN_CONFLICT * (uq < uc ? uq : uc));
	if (!strong && s > WEAK_ONLY_CAP)
		s = WEAK_ONLY_CAP;
	if (nstrong == 1 && unstrong > 0)
		s *= ONE_WORD_FACTOR;
	/* Order: "Joaquin Guzman Loera" is "Guzman Loera Joaquin" rotated
	 * (family name first or last); "Salman bin Muhammad" is not
	 * "Muhammad bin Salman". */
	if (nseq > 2) {
		size_t desc = 0, a, b;

		/* sort alignment by query position (insertion sort) */
		for (a = 1; a < nseq; a++)
			for (b = a; b > 0 && seqq[b - 1] > seqq[b]; b--) {
				uint8_t t = seqq[b];

				seqq[b] = seqq[b - 1];
				seqq[b - 1] = t;
				t = seq[b];
				seq[b] = seq[b - 1];
				seq[b - 1] = t;
			}
		size_t inv = 0;

		for (a = 0; a + 1 < nseq; a++)
			desc += seq[a + 1] < seq[a];
		/* how shuffled: inversions over the most possible; one swap
		 * of two of five words (a second given name before the
		 * first) costs a fifth of a reversal */
		for (a = 0; a < nseq; a++)
			for (b = a + 1; b < nseq; b++)
				inv += seq[b] < seq[a];
		if (desc > 1 || (desc == 1 && seq[nseq - 1] > seq[0])) {
			double fr = 2.0 * (double)inv /
			            ((double)nseq * (double)(nseq - 1) / 2.0);
			uint8_t lo = seq[0], hi = seq[0];

			for (a = 1; a < nseq; a++) {
				lo = seq[a] < lo ? seq[a] : lo;
				hi = seq[a] > hi ? seq[a] : hi;
			}
			/* the first word moved inside the name: another
			 * person ("Salman bin Muhammad al-Rawi") */
			if (seq[0] != lo && seq[0] != hi)
				fr = 1.0;

			s -= PEN_ORDER * (fr < 1.0 ? fr : 1.0);
			if (expl != NULL)
				ent_buf_adds(expl, ", order differs");
		}
	}
	/* Legal forms of different kinds, ignoring the generic ones. */
	qlc &= (uint8_t) ~((1u << LC_CORP) | 1u);
	clc &= (uint8_t) ~((1u << LC_CORP) | 1u);
	if (qlc != 0 && clc != 0 && (qlc & clc) == 0) {
		s -= PEN_LEGAL;
		if (expl != NULL)
			ent_buf_adds(expl, ", legal forms differ");
	}
	return s < 0 ? 0 : s;
}
