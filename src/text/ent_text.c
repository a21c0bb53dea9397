/* ent_text.c - ICU folding, transliteration and word splitting; see
 * ent_text.h.
 *
 * Pipeline for one string: UTF-8 -> UTF-16 -> NFKC_Casefold -> words (split
 * on punctuation, space and script changes) -> each word transliterated by
 * our compound transliterator (custom rules, then Any-Latin, Latin-ASCII)
 * -> lower-case ASCII.  Pure-ASCII input skips ICU entirely: most watchlist
 * names are Latin, and the index build must stay fast.
 *
 * A transliterator is not thread-safe, so each thread clones the prototype
 * on first use and keeps it in thread-specific data with a small cache of
 * word -> folded word (names repeat a lot; transliteration costs
 * microseconds per word). */
#include "ent_text.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "ent_err.h"
#include "ent_util.h"

/* Our rules run before ICU's generic ones; input is already case-folded.
 * Cyrillic: BGN/PCGN-like English spellings.  Arabic/Persian/Urdu/Pashto:
 * one Latin consonant per letter, alif/waw/ya as long vowels inside a word
 * and as consonants at its start, ta marbuta as "a", ayn and hamza
 * dropped.  The four letters whose Latin spelling depends on the language
 * (ذ ض ظ: d, dh or z; ث: th or s) are written "dh" / "th": their skeleton
 * is the Arabic one (T), and name matching (src/match) reads the digraph
 * as "d, t, z or s" when it meets a Latin word (Fazal / فضل, Saqib /
 * ثاقب).  Hebrew: likewise, with geresh forms (ג׳ = j) and double vav = w. */
static const char fold_rules[] =
    /* Cyrillic; a first у before a vowel is an English w (Уиллард
     * Willard, Уолстонкрафт Wollstonecraft) */
    "^у}[иоэа]>w;"
    "а>a;б>b;в>v;г>g;д>d;е>e;ё>yo;ж>zh;з>z;и>i;й>y;к>k;л>l;м>m;н>n;о>o;"
    "п>p;р>r;с>s;т>t;у>u;ф>f;х>kh;ц>ts;ч>ch;ш>sh;щ>shch;ъ>;ы>y;ь>;э>e;"
    "ю>yu;я>ya;і>i;ї>yi;є>ye;ґ>g;ў>u;ј>j;љ>lj;њ>nj;ћ>c;ђ>dj;џ>dz;қ>k;"
    "ғ>g;ұ>u;ү>u;ө>o;ң>ng;һ>h;ә>a;"
    /* Arabic, Persian, Urdu */
    "[ًٌٍّْٰـ]>;َ>a;ُ>u;ِ>i;"
    "[اأإآٱ]>a;ء>;ؤ>u;ئ>i;ب>b;ت>t;ث>th;ج>j;ح>h;خ>kh;د>d;ذ>dh;ر>r;ز>z;"
    "س>s;ش>sh;ص>s;ض>dh;ط>t;ظ>dh;[:L:]{ع>;ع>a;غ>gh;ف>f;ق>q;[كک]>k;ل>l;م>m;ن>n;"
    "[هہھ]>h;ة>a;ۃ>a;ى>a;"
    "[:L:]{و>u;و>w;[:L:]{[يی]>i;[يی]>y;"
    "پ>p;چ>ch;ژ>zh;گ>g;ٹ>t;ڈ>d;ڑ>r;ں>n;ے>e;"
    /* Pashto: dze (Zadran / Jadran), tse, retroflex and other letters */
    "ځ>z;څ>s;ډ>d;ړ>r;ږ>zh;ښ>sh;ګ>g;ڼ>n;ې>e;ۍ>i;"
    /* Hebrew */
    "[\\u05B0-\\u05C7]>;"
    "ג[׳']>j;ז[׳']>zh;צ[׳']>ch;[צץ][׳']>ch;"
    "^או>u;^אי>i;ה$>a;"
    "וו>w;[:L:]{ו>u;ו>v;[:L:]{י>i;י>y;"
    "א>a;ב>b;ג>g;ד>d;ה>h;ז>z;ח>h;ט>t;[כך]>k;ל>l;[מם]>m;[נן]>n;ס>s;ע>;"
    "פ>p;ף>f;[צץ]>ts;ק>k;ר>r;ש>sh;ת>t;[׳״]>;"
    /* Devanagari, as Hindi names are spelled: च is ch (छ, which ICU
     * writes ch), श and ष sh, ृ ri (कृष्ण Krishna), a last ंह ngh (सिंह
     * Singh); a word's last consonant (with or without a nukta) drops
     * its inherent a (अजय Ajay, चौहान Chauhan, पहाड़ Pahar) unless it
     * ends a cluster (मित्र Mitra, कृष्ण) */
    "[[[:Devanagari:]-[\\u094D]]a]{च$>छ\\u094D;च>छ;"
    "ृ>\\u094Dरि;ंह$>न\\u094Dघ\\u094D;"
    "[शष]\\u094D>sh;[शष]}[\\u093E-\\u094C]>sh;[शष]$>sh;[शष]>sha;"
    "[[[:Devanagari:]-[\\u094D]]a]{([क-ह]\\u093C?)$>$1\\u094D;"
    "::Any-Latin;::Latin-ASCII;";

static pthread_mutex_t init_mu = PTHREAD_MUTEX_INITIALIZER;
static int init_rc = ENT_EINTERNAL;
static int ready; /* atomic: init_rc == ENT_OK, read without the lock */
static UTransliterator *proto;
static const UNormalizer2 *nfkc_cf;
static pthread_key_t tkey;

#define CACHE_N 1024
#define CACHE_KEY 24
#define CACHE_VAL 48

struct cache_ent {
	UChar key[CACHE_KEY];
	uint8_t klen; /* 0 = empty */
	uint8_t vlen;
	char val[CACHE_VAL];
};

struct tstate {
	UTransliterator *tr;
	struct cache_ent cache[CACHE_N];
};

static void
tstate_free(void *p)
{
	struct tstate *t = p;

	if (t != NULL)
		utrans_close(t->tr);
	free(t);
}

static void
do_init(void)
{
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	UChar *rules = NULL;
	int32_t n = 0;
	static const UChar id[] = {'e', 'n', 't', '-', 'f', 'o', 'l', 'd', 0};

	nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
	if (U_FAILURE(st))
		return;
	u_strFromUTF8(NULL, 0, &n, fold_rules, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return;
	st = U_ZERO_ERROR;
	if ((rules = malloc(((size_t)n + 1) * sizeof(*rules))) == NULL) {
		init_rc = ENT_ENOMEM;
		return;
	}
	u_strFromUTF8(rules, n + 1, NULL, fold_rules, -1, &st);
	if (U_SUCCESS(st))
		proto =
		    utrans_openU(id, -1, UTRANS_FORWARD, rules, n, &pe, &st);
	free(rules);
	if (U_FAILURE(st) || proto == NULL)
		return;
	if (pthread_key_create(&tkey, tstate_free) != 0) {
		utrans_close(proto);
		proto = NULL;
		return;
	}
	init_rc = ENT_OK;
}

int
ent_text_init(void)
{
	int rc;

	if (__atomic_load_n(&ready, __ATOMIC_ACQUIRE))
		return ENT_OK;
	pthread_mutex_lock(&init_mu);
	if (init_rc != ENT_OK)
		do_init();
	rc = init_rc;
	__atomic_store_n(&ready, rc == ENT_OK, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&init_mu);
	return rc;
}

void
ent_text_cleanup(void)
{
	struct tstate *t;

	pthread_mutex_lock(&init_mu);
	if (init_rc != ENT_OK) {
		pthread_mutex_unlock(&init_mu);
		return;
	}
	/* The calling thread's state; other threads freed theirs on exit. */
	if ((t = pthread_getspecific(tkey)) != NULL) {
		tstate_free(t);
		pthread_setspecific(tkey, NULL);
	}
	utrans_close(proto);
	proto = NULL;
	pthread_key_delete(tkey);
	u_cleanup();
	init_rc = ENT_EINTERNAL;
	__atomic_store_n(&ready, 0, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&init_mu);
}

static struct tstate *
tstate_get(void)
{
	struct tstate *t;
	UErrorCode st = U_ZERO_ERROR;

	if ((t = pthread_getspecific(tkey)) != NULL)
		return t;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return NULL;
	t->tr = utrans_clone(proto, &st);
	if (U_FAILURE(st) || t->tr == NULL ||
	    pthread_setspecific(tkey, t) != 0) {
		tstate_free(t);
		return NULL;
	}
	return t;
}

static const char *const script_names[ENT_SCRIPT__COUNT] = {
    [ENT_SCRIPT_NONE] = "none",
    [ENT_SCRIPT_LATIN] = "latin",
    [ENT_SCRIPT_CYRILLIC] = "cyrillic",
    [ENT_SCRIPT_GREEK] = "greek",
    [ENT_SCRIPT_ARABIC] = "arabic",
    [ENT_SCRIPT_HEBREW] = "hebrew",
    [ENT_SCRIPT_HAN] = "han",
    [ENT_SCRIPT_HANGUL] = "hangul",
    [ENT_SCRIPT_KANA] = "kana",
    [ENT_SCRIPT_OTHER] = "other",
};

const char *
ent_script_name(enum ent_script s)
{
	return (unsigned)s < ENT_SCRIPT__COUNT ? script_names[s] : "other";
}

/* ENT_SCRIPT_NONE for Common and Inherited (digits, marks, punctuation). */
static enum ent_script
script_of(UChar32 c)
{
	UErrorCode st = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(c, &st);

	if (U_FAILURE(st))
		return ENT_SCRIPT_OTHER;
	switch (sc) {
	case USCRIPT_COMMON:
	case USCRIPT_INHERITED:
		return ENT_SCRIPT_NONE;
	case USCRIPT_LATIN:
		return ENT_SCRIPT_LATIN;
	case USCRIPT_CYRILLIC:
		return ENT_SCRIPT_CYRILLIC;
	case USCRIPT_GREEK:
		return ENT_SCRIPT_GREEK;
	case USCRIPT_ARABIC:
		return ENT_SCRIPT_ARABIC;
	case USCRIPT_HEBREW:
		return ENT_SCRIPT_HEBREW;
	case USCRIPT_HAN:
		return ENT_SCRIPT_HAN;
	case USCRIPT_HANGUL:
		return ENT_SCRIPT_HANGUL;
	case USCRIPT_HIRAGANA:
	case USCRIPT_KATAKANA:
		return ENT_SCRIPT_KANA;
	default:
		return ENT_SCRIPT_OTHER;
	}
}

/* Marks that live inside words and carry no sound we keep: apostrophes,
 * ayn/hamza letters, Wade-Giles aspiration, Hebrew geresh (kept for the
 * rules: they are dropped after transliteration). */
static bool
is_inword_mark(UChar32 c)
{
	switch (c) {
	case 0x27:   /* ' */
	case 0x60:   /* ` */
	case 0xB4:   /* acute accent */
	case 0x2BB:  /* modifier turned comma */
	case 0x2BC:  /* modifier apostrophe */
	case 0x2BE:  /* modifier right half ring (hamza) */
	case 0x2BF:  /* modifier left half ring (ayn) */
	case 0x2018: /* left single quote */
	case 0x2019: /* right single quote */
	case 0x5F3:  /* Hebrew geresh */
	case 0x5F4:  /* Hebrew gershayim */
		return true;
	default:
		return false;
	}
}

static bool
is_word_char(UChar32 c)
{
	return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

/* How many Han or Hangul words f has (runs of one of the two scripts):
 * "习近平 Xi Jinping" has one, 조지 워싱턴 two. */
static size_t
count_syllabic_words(const UChar *f, int32_t nf)
{
	size_t n = 0;
	int32_t i = 0;
	enum ent_script prev = ENT_SCRIPT_NONE;

	while (i < nf) {
		UChar32 c;
		enum ent_script sc;

		U16_NEXT(f, i, nf, c);
		if (prev != ENT_SCRIPT_NONE && is_inword_mark(c))
			continue; /* inside a word, as ent_text_tokens has it */
		sc = is_word_char(c) ? script_of(c) : ENT_SCRIPT_NONE;
		if (sc != ENT_SCRIPT_HAN && sc != ENT_SCRIPT_HANGUL)
			sc = ENT_SCRIPT_NONE;
		n += sc != ENT_SCRIPT_NONE && sc != prev;
		prev = sc;
	}
	return n;
}

/* Append one folded word; cut to ENT_TEXT_TOKLEN_MAX at a character
 * boundary.  Silently ignores words past the limits. */
static void
toks_push(
    struct ent_text_toks *t, const char *s, size_t len, enum ent_script sc)
{
	char *d;

	if (len == 0 || t->n >= ENT_TEXT_TOKENS_MAX)
		return;
	if (len > ENT_TEXT_TOKLEN_MAX) {
		len = ENT_TEXT_TOKLEN_MAX;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		if (len == 0)
			return;
	}
	d = t->mem + t->used;
	memcpy(d, s, len);
	d[len] = '\0';
	t->v[t->n].s = d;
	t->v[t->n].len = (uint32_t)len;
	t->v[t->n].script = (uint8_t)sc;
	t->n++;
	t->used += len + 1;
}

/* Split ASCII output on anything but letters and digits, dropping
 * apostrophes, and push each piece. */
static void
push_ascii(struct ent_text_toks *t, const char *s, size_t n, enum ent_script sc)
{
	char w[ENT_TEXT_TOKLEN_MAX + 1];
	size_t i, k = 0;

	for (i = 0; i <= n; i++) {
		char c = i < n ? s[i] : ' ';

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (k < ENT_TEXT_TOKLEN_MAX)
				w[k++] = c;
		} else if (c == '\'' || c == '`') {
			continue;
		} else if (k > 0) {
			toks_push(t, w, k, sc);
			k = 0;
		}
	}
}

/* Transliterate one word (UTF-16) to ASCII into out (cap bytes).  Returns
 * the length, or -1 if the result is not ASCII (no Latin form) or ICU
 * failed.  Uses and fills the thread's cache. */
static int
translit_word(
    struct tstate *ts, const UChar *w, int32_t wlen, char *out, size_t cap)
{
	UChar buf[256];
	UChar *b = buf;
	int32_t bcap = (int32_t)(sizeof(buf) / sizeof(buf[0]));
	int32_t len, limit, i;
	uint32_t h = 2166136261u;
	struct cache_ent *ce = NULL;
	UErrorCode st = U_ZERO_ERROR;
	size_t k = 0;
	int rc = -1;

	if (wlen < CACHE_KEY) {
		for (i = 0; i < wlen; i++)
			h = (h ^ w[i]) * 16777619u;
		ce = &ts->cache[h % CACHE_N];
		if (ce->klen == wlen &&
		    memcmp(ce->key, w, (size_t)wlen * sizeof(UChar)) == 0) {
			if (ce->vlen == 0xFF)
				return -1;
			if (ce->vlen < cap) {
				memcpy(out, ce->val, ce->vlen);
				return ce->vlen;
			}
		}
	}
	/* Transliteration can grow text a lot (one Han character becomes a
	 * pinyin syllable); retry from the original on overflow. */
	for (;;) {
		if (wlen > bcap)
			goto grow;
		memcpy(b, w, (size_t)wlen * sizeof(UChar));
		len = wlen;
		limit = wlen;
		st = U_ZERO_ERROR;
		utrans_transUChars(ts->tr, b, &len, bcap, 0, &limit, &st);
		if (st != U_BUFFER_OVERFLOW_ERROR)
			break;
	grow:
		if (bcap > 1 << 20)
			goto out;
		bcap *= 4;
		if (b != buf)
			free(b);
		if ((b = malloc((size_t)bcap * sizeof(UChar))) == NULL) {
			b = buf;
			goto out;
		}
	}
	if (U_FAILURE(st))
		goto out;
	for (i = 0; i < len && i < bcap; i++) {
		UChar c = b[i];

		if (c >= 0x80) {
			if (is_inword_mark(c))
				continue;
			if (u_isalnum(c))
				goto out; /* a letter ICU could not romanise */
			c = ' ';
		}
		if (k + 1 < cap)
			out[k++] = (char)c;
	}
	rc = (int)k;
out:
	if (ce != NULL && (rc < 0 || (size_t)rc <= CACHE_VAL)) {
		memcpy(ce->key, w, (size_t)wlen * sizeof(UChar));
		ce->klen = (uint8_t)wlen;
		ce->vlen = rc < 0 ? 0xFF : (uint8_t)rc;
		if (rc > 0)
			memcpy(ce->val, out, (size_t)rc);
	}
	if (b != buf)
		free(b);
	return rc;
}

/* Push the original word (UTF-8) when it has no Latin form. */
static void
push_raw(
    struct ent_text_toks *t, const UChar *w, int32_t wlen, enum ent_script sc)
{
	char u8[ENT_TEXT_TOKLEN_MAX * 4 + 4];
	int32_t n = 0;
	UErrorCode st = U_ZERO_ERROR;

	if (wlen > ENT_TEXT_TOKLEN_MAX)
		wlen = ENT_TEXT_TOKLEN_MAX;
	u_strToUTF8(u8, (int32_t)sizeof(u8), &n, w, wlen, &st);
	if (U_SUCCESS(st) && n > 0 && (size_t)n < sizeof(u8))
		toks_push(t, u8, (size_t)n, sc);
}

/* Family names of two characters, in simplified and traditional Han and
 * in Hangul (family_name).  With one given syllable they are written as
 * one word before it: 欧阳东 is Ouyang Dong, not "ou yangdong", 남궁민
 * Namgung Min. */
static const char compound_surnames[] =
    "上官 东方 东郭 乐正 令狐 公孙 公孫 公羊 单于 南宫 "
    "南宮 司徒 司空 司馬 司马 呼延 單于 夏侯 太史 宇文 "
    "宗政 尉迟 尉遲 慕容 拓跋 東方 東郭 樂正 欧阳 歐陽 "
    "淳于 澹台 澹臺 濮阳 濮陽 独孤 獨孤 申屠 百里 端木 "
    "聞人 西門 西门 諸葛 诸葛 赫连 赫連 軒轅 轩辕 鍾離 "
    "鐘離 钟离 長孫 长孙 闻人 鮮于 鲜于 남궁 독고 동방 "
    "사공 서문 선우 제갈 황보 萬俟";

/* Family names whose reading is not the character's usual one, which is
 * what Any-Latin gives (曾 is Zeng as a name, ceng otherwise; 翟 Zhai,
 * not di): the reading as a family name, used for the first character
 * (or the two of a compound family name) of a Han name.  Characters with
 * two readings as family names (乐 Yue or Le) or often starting a foreign
 * name in Han (查 for Charles) are left to ICU. */
static const struct {
	const char *han, *latin;
} family_readings[] = {{"曾", "zeng"}, {"单", "shan"}, {"單", "shan"},
    {"解", "xie"}, {"仇", "qiu"}, {"朴", "piao"}, {"樸", "piao"}, {"区", "ou"},
    {"區", "ou"}, {"盖", "ge"}, {"蓋", "ge"}, {"缪", "miao"}, {"繆", "miao"},
    {"翟", "zhai"}, {"覃", "qin"}, {"种", "chong"}, {"種", "chong"},
    {"召", "shao"}, {"黑", "he"}, {"员", "yun"}, {"員", "yun"}, {"阚", "kan"},
    {"都", "du"}, {"能", "nai"}, {"佴", "nai"}, {"隗", "wei"}, {"祭", "zhai"},
    {"蕃", "pi"}, {"粘", "nian"}, {"秘", "bi"}, {"繁", "po"}, {"句", "gou"},
    {"重", "chong"}, {"薄", "bo"}, {"郇", "xun"}, {"卜", "bu"}, {"折", "she"},
    {"藏", "zang"}, {"尉迟", "yuchi"}, {"尉遲", "yuchi"}, {"单于", "chanyu"},
    {"單于", "chanyu"}, {"万俟", "moqi"}, {"萬俟", "moqi"}, {"澹台", "tantai"},
    {"澹臺", "tantai"}, {"乐正", "yuezheng"}, {"樂正", "yuezheng"}};

/* UTF-8 of the first n characters of w into buf (size 16). */
static bool
first_chars(const UChar *w, int32_t wlen, int32_t n, char *buf)
{
	int32_t i = 0, len = 0;
	UErrorCode st = U_ZERO_ERROR;

	U16_FWD_N(w, i, wlen, n);
	u_strToUTF8(buf, 16, &len, w, i, &st);
	return U_SUCCESS(st) && len > 0 && len < 16;
}

/* The family name of a Han or Hangul name of two to four characters:
 * how many characters it has (1, or 2 for a compound family name), and in
 * *reading its reading as a family name when that is not the usual one
 * (else NULL). */
static size_t
family_name(const UChar *w, int32_t wlen, const char **reading)
{
	char one[16], two[16];
	const char *p;
	size_t fam = 1, i, l;

	*reading = NULL;
	if (!first_chars(w, wlen, 1, one) || !first_chars(w, wlen, 2, two))
		return 1;
	l = strlen(two);
	for (p = compound_surnames; fam == 1 && (p = strstr(p, two)) != NULL;
	     p++)
		if ((p == compound_surnames || p[-1] == ' ') &&
		    (p[l] == ' ' || p[l] == '\0'))
			fam = 2;
	for (i = 0; i < sizeof(family_readings) / sizeof(family_readings[0]);
	     i++)
		if (strcmp(family_readings[i].han, fam == 2 ? two : one) == 0)
			*reading = family_readings[i].latin;
	return fam;
}

/* The syllables of a word of a foreign name in Hangul (fold_syllabic),
 * read closer to its Latin spelling.  Hangul writes a consonant with no
 * vowel after it as a syllable with the neutral vowel eu (Gregg is 그레그
 * "geulegeu", Flores 플로레스 "peulloleseu"): such a syllable keeps its
 * consonants only, "greg", "plles" (Korean names seldom have one).  It
 * has one letter for l and r, and no way to write a final r. */
static void
foreign_hangul(char syl[][16], size_t *sl, size_t ns)
{
	size_t k, j;
	bool bare[16] = {false}; /* a consonant alone now, no l after it */

	for (k = 0; k < ns; k++) {
		/* an l after the eu is the l of a cluster: 플 "peul" fl */
		size_t l = sl[k] - (sl[k] > 0 && syl[k][sl[k] - 1] == 'l');

		if (l < 3 || memcmp(syl[k] + l - 2, "eu", 2) != 0)
			continue;
		for (j = 0; j + 2 < l && !strchr("aeiouwy", syl[k][j]); j++)
			;
		if (j + 2 != l)
			continue;
		memmove(syl[k] + l - 2, syl[k] + l, sl[k] - l);
		bare[k] = l == sl[k];
		sl[k] -= 2;
		/* 즈 is a final z (Myles), not a j; 르 and 를 an r before a
		 * consonant (페르난도 Fernando, 카를로스 Carlos) */
		if (sl[k] == 1 && syl[k][0] == 'j')
			syl[k][0] = 'z';
		if (syl[k][0] == 'l')
			syl[k][0] = 'r';
	}
	/* a word's last ㅓ is the -er, -or of English (타일러 Tyler, 베이너
	 * Boehner): there is no r to write it with */
	if (sl[ns - 1] >= 2 && sl[ns - 1] < sizeof(syl[0]) - 1 &&
	    memcmp(syl[ns - 1] + sl[ns - 1] - 2, "eo", 2) == 0)
		syl[ns - 1][sl[ns - 1]++] = 'r';
	/* ㄹ between vowels or after a bare consonant is an r (테레사
	 * Theresa, 그레그 Gregg), doubled an l (이사벨라 "isabella", 플로
	 * "fl"); Any-Latin writes l for both */
	for (k = 1; k < ns; k++)
		if (sl[k] > 1 && syl[k][0] == 'l' && sl[k - 1] > 0 &&
		    (bare[k - 1] ||
		        strchr("aeiouwy", syl[k - 1][sl[k - 1] - 1]) != NULL))
			syl[k][0] = 'r';
}

/* Where a word stands among the Han and Hangul words of a name. */
enum syl_pos { SYL_ALONE, SYL_FIRST, SYL_NEXT };

/* Han and Hangul names are read one syllable per character; East Asian
 * names are a one-syllable family name and a (usually) two-syllable given
 * name written as one word in Latin: 习近平 -> xi jinping, 김정은 -> gim
 * jeongeun.  Four syllables split two and two, and so do three that begin
 * with a compound family name; longer runs (foreign names in Han) become
 * one word.  Only a name written as one word is split so: in a name of
 * several words each is a name part already (김 정은, 毛 泽东), and
 * foreign names are written word by word (조지 워싱턴 is George Washington,
 * "joji wosingteon", not "jo ji wo singteon").  The first of several
 * words may be the family name alone (曾 国藩): it takes its reading as a
 * name when it is one. */
static void
fold_syllabic(struct tstate *ts, struct ent_text_toks *t, const UChar *w,
    int32_t wlen, enum ent_script sc, enum syl_pos pos)
{
	char syl[16][16];
	size_t sl[16];
	int32_t i = 0;
	size_t ns = 0, g, k, split, fam = 1;
	const char *reading = NULL;
	char out[ENT_TEXT_TOKLEN_MAX + 1];

	while (i < wlen && ns < 16) {
		int32_t start = i;
		UChar32 c;
		int r;
		char tmp[32];

		U16_NEXT(w, i, wlen, c);
		(void)c;
		r = translit_word(ts, w + start, i - start, tmp, sizeof(tmp));
		if (r <= 0)
			continue;
		sl[ns] = 0;
		for (k = 0; k < (size_t)r && sl[ns] < sizeof(syl[0]) - 1; k++)
			if ((tmp[k] >= 'a' && tmp[k] <= 'z') ||
			    (tmp[k] >= '0' && tmp[k] <= '9'))
				syl[ns][sl[ns]++] = tmp[k];
			else if (tmp[k] >= 'A' && tmp[k] <= 'Z')
				syl[ns][sl[ns]++] = (char)(tmp[k] - 'A' + 'a');
		if (sl[ns] > 0)
			ns++;
	}
	if (ns == 0) {
		push_raw(t, w, wlen, sc);
		return;
	}
	/* each character read as one syllable: the first are a family name,
	 * or the whole first word of several is */
	if ((int32_t)ns == u_countChar32(w, wlen) &&
	    ((pos == SYL_ALONE && ns >= 2 && ns <= 4) ||
	        (pos == SYL_FIRST && ns <= 2))) {
		fam = family_name(w, wlen, &reading);
		if (pos == SYL_FIRST && fam != ns)
			reading = NULL; /* 乔治·华盛顿: not a family name */
		if (reading != NULL) {
			sl[0] = strlen(reading);
			memcpy(syl[0], reading, sl[0]);
			if (fam == 2)
				sl[1] = 0;
		}
	}
	/* a foreign name: several words, or one too long for a Korean
	 * name (피타고라스 Pythagoras) */
	if ((pos != SYL_ALONE || ns > 4) && sc == ENT_SCRIPT_HANGUL && ns >= 2)
		foreign_hangul(syl, sl, ns);
	if (pos != SYL_ALONE)
		split = ns; /* one word */
	else if (ns == 4 || (ns == 3 && fam == 2))
		split = 2;
	else if (ns >= 2 && ns <= 3)
		split = 1;
	else
		split = ns; /* 1 or > 4: one word */
	for (g = 0; g < 2; g++) {
		size_t from = g == 0 ? 0 : split, to = g == 0 ? split : ns;
		size_t n = 0;

		for (k = from; k < to; k++) {
			if (n + sl[k] > ENT_TEXT_TOKLEN_MAX)
				break;
			memcpy(out + n, syl[k], sl[k]);
			n += sl[k];
		}
		toks_push(t, out, n, sc);
	}
}

static void
fold_plain(struct tstate *ts, struct ent_text_toks *t, const UChar *w,
    int32_t wlen, enum ent_script sc)
{
	char out[ENT_TEXT_TOKLEN_MAX * 4 + 1];
	int r = translit_word(ts, w, wlen, out, sizeof(out));

	if (r < 0)
		push_raw(t, w, wlen, sc);
	else
		push_ascii(t, out, (size_t)r, sc);
}

/* Letters of the article and of the compounds written with it. */
enum {
	AR_ALIF = 0x627,
	AR_LAM = 0x644,
	AR_HEH = 0x647,
	AR_AIN = 0x639,
	AR_BEH = 0x628,
	AR_DAL = 0x62F,
	AR_YEH = 0x64A,
	AR_NOON = 0x646,
	FA_YEH = 0x6CC,   /* Persian and Urdu ya */
	UR_HEH = 0x6C1,   /* Urdu heh goal: اللہ */
	UR_HEH_DO = 0x6BE /* Urdu do-chashmi heh */
};

/* الله (also with Urdu heh) at w. */
static bool
is_allah(const UChar *w, int32_t wlen)
{
	return wlen == 4 && w[0] == AR_ALIF && w[1] == AR_LAM &&
	       w[2] == AR_LAM &&
	       (w[3] == AR_HEH || w[3] == UR_HEH || w[3] == UR_HEH_DO);
}

/* الدين / الدین at w. */
static bool
is_aldin(const UChar *w, int32_t wlen)
{
	return wlen == 5 && w[0] == AR_ALIF && w[1] == AR_LAM &&
	       w[2] == AR_DAL && (w[3] == AR_YEH || w[3] == FA_YEH) &&
	       w[4] == AR_NOON;
}

/* An Arabic-script word.  The article is written joined to its noun
 * (السيسي = al sisi), and the compounds built on it are often written as
 * one word: عبدالرحمن (Abd al-Rahman), نورالدين (Nur al-Din), نصرالله
 * (Nasr Allah).  Each is split the way the Latin side is
 * (src/match/ent_name.c splits Abdurrahman, Nuruddin, Nasrullah alike):
 * "abd" "al" "rhmn", "nur" "al" "din", "nsr" "allah". */
static void
fold_arabic(
    struct tstate *ts, struct ent_text_toks *t, const UChar *w, int32_t wlen)
{
	const enum ent_script sc = ENT_SCRIPT_ARABIC;

	if (is_allah(w, wlen)) {
		toks_push(t, "allah", 5, sc); /* الله is not al + lh */
		return;
	}
	/* عبدال...: the servant-of names */
	if (wlen >= 7 && w[0] == AR_AIN && w[1] == AR_BEH && w[2] == AR_DAL &&
	    w[3] == AR_ALIF && w[4] == AR_LAM) {
		toks_push(t, "abd", 3, sc);
		fold_arabic(ts, t, w + 3, wlen - 3);
		return;
	}
	/* ...الله and ...الدين joined to their first word */
	if (wlen >= 6 && is_allah(w + wlen - 4, 4)) {
		fold_plain(ts, t, w, wlen - 4, sc);
		toks_push(t, "allah", 5, sc);
		return;
	}
	if (wlen >= 7 && is_aldin(w + wlen - 5, 5)) {
		fold_plain(ts, t, w, wlen - 5, sc);
		toks_push(t, "al", 2, sc);
		toks_push(t, "din", 3, sc);
		return;
	}
	if (wlen >= 4 && w[0] == AR_ALIF && w[1] == AR_LAM) {
		toks_push(t, "al", 2, sc);
		w += 2;
		wlen -= 2;
	}
	fold_plain(ts, t, w, wlen, sc);
}

/* One word of the name; pos: where it stands among the name's Han and
 * Hangul words, if it is one. */
static void
fold_word(struct tstate *ts, struct ent_text_toks *t, const UChar *w,
    int32_t wlen, enum ent_script sc, enum syl_pos pos)
{
	char out[ENT_TEXT_TOKLEN_MAX * 4 + 1];
	int r;

	if (sc == ENT_SCRIPT_HAN || sc == ENT_SCRIPT_HANGUL) {
		fold_syllabic(ts, t, w, wlen, sc, pos);
		return;
	}
	if (sc == ENT_SCRIPT_ARABIC) {
		fold_arabic(ts, t, w, wlen);
		return;
	}
	r = translit_word(ts, w, wlen, out, sizeof(out));
	if (r < 0)
		push_raw(t, w, wlen, sc);
	else
		push_ascii(t, out, (size_t)r, sc);
}

/* Pure ASCII: no ICU needed. */
static void
tokens_ascii(const char *s, size_t n, struct ent_text_toks *t)
{
	char w[ENT_TEXT_TOKLEN_MAX + 1];
	size_t i, k = 0;
	bool alpha = false;

	for (i = 0; i <= n; i++) {
		char c = i < n ? s[i] : ' ';

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (k < ENT_TEXT_TOKLEN_MAX)
				w[k++] = c;
			alpha |= c >= 'a';
		} else if (c == '\'' || c == '`') {
			continue;
		} else if (k > 0) {
			toks_push(t, w, k,
			    alpha ? ENT_SCRIPT_LATIN : ENT_SCRIPT_NONE);
			k = 0;
			alpha = false;
		}
	}
}

/* UTF-8 -> UTF-16 -> NFKC_Casefold.  *out is malloc()ed. */
static int
to_folded16(const char *s, size_t n, UChar **out, int32_t *outlen)
{
	UChar *u = NULL, *f = NULL;
	int32_t nu = 0, nf, cap;
	UErrorCode st = U_ZERO_ERROR;
	int rc = ENT_EINVAL;

	u_strFromUTF8(NULL, 0, &nu, s, (int32_t)n, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		goto out;
	st = U_ZERO_ERROR;
	rc = ENT_ENOMEM;
	if ((u = malloc(((size_t)nu + 1) * sizeof(*u))) == NULL)
		goto out;
	u_strFromUTF8(u, nu + 1, NULL, s, (int32_t)n, &st);
	rc = ENT_EINVAL;
	if (U_FAILURE(st))
		goto out;
	/* NFKC can expand (ligatures, squared CJK words): leave room. */
	cap = nu * 4 + 16;
	for (;;) {
		rc = ENT_ENOMEM;
		if ((f = malloc((size_t)cap * sizeof(*f))) == NULL)
			goto out;
		st = U_ZERO_ERROR;
		nf = unorm2_normalize(nfkc_cf, u, nu, f, cap, &st);
		if (st != U_BUFFER_OVERFLOW_ERROR)
			break;
		free(f);
		f = NULL;
		cap = nf + 16;
	}
	rc = ENT_EINTERNAL;
	if (U_FAILURE(st))
		goto out;
	*out = f;
	*outlen = nf;
	f = NULL;
	rc = ENT_OK;
out:
	free(u);
	free(f);
	return rc;
}

int
ent_text_tokens(const char *s, size_t n, struct ent_text_toks *out)
{
	struct tstate *ts;
	UChar *f = NULL;
	int32_t nf = 0, i;
	UChar w[256];
	int32_t wlen = 0;
	enum ent_script wsc = ENT_SCRIPT_NONE;
	bool ascii = true;
	size_t k, nsyl, isyl = 0;
	int rc;

	if (s == NULL && n > 0)
		return ENT_EINVAL;
	if (n > ENT_TEXT_MAX)
		return ENT_ETOOBIG;
	if (!ent_utf8_valid(s, n))
		return ENT_EINVAL;
	out->n = 0;
	out->used = 0;
	for (k = 0; k < n && ascii; k++)
		ascii = (unsigned char)s[k] < 0x80;
	if (ascii) {
		tokens_ascii(s, n, out);
		return ENT_OK;
	}
	if ((rc = ent_text_init()) != ENT_OK)
		return rc;
	if ((ts = tstate_get()) == NULL)
		return ENT_ENOMEM;
	if ((rc = to_folded16(s, n, &f, &nf)) != ENT_OK)
		return rc;
	nsyl = count_syllabic_words(f, nf);
	for (i = 0; i <= nf && out->n < ENT_TEXT_TOKENS_MAX;) {
		UChar32 c = ' ';
		int32_t at = i;
		enum ent_script sc = ENT_SCRIPT_NONE;
		bool split;

		if (i < nf)
			U16_NEXT(f, i, nf, c);
		else
			i++;
		if (at < nf && is_inword_mark(c) && wlen > 0) {
			/* kept for the Hebrew geresh rules; dropped later */
			if (wsc == ENT_SCRIPT_HEBREW && wlen < 255)
				w[wlen++] = (UChar)c;
			continue;
		}
		if (at < nf && is_word_char(c)) {
			sc = script_of(c);
			split = wlen > 0 && sc != ENT_SCRIPT_NONE &&
			        wsc != ENT_SCRIPT_NONE && sc != wsc;
			if (!split) {
				if (wlen < 254)
					U16_APPEND_UNSAFE(w, wlen, c);
				if (wsc == ENT_SCRIPT_NONE)
					wsc = sc;
				continue;
			}
		}
		if (wlen > 0) {
			bool syll =
			    wsc == ENT_SCRIPT_HAN || wsc == ENT_SCRIPT_HANGUL;

			fold_word(ts, out, w, wlen, wsc,
			    nsyl == 1   ? SYL_ALONE
			    : isyl == 0 ? SYL_FIRST
			                : SYL_NEXT);
			isyl += syll;
		}
		wlen = 0;
		wsc = ENT_SCRIPT_NONE;
		if (at < nf && is_word_char(c)) {
			U16_APPEND_UNSAFE(w, wlen, c);
			wsc = sc;
		}
	}
	free(f);
	return ENT_OK;
}

int
ent_text_fold(const char *s, size_t n, char **out)
{
	struct ent_text_toks *t;
	char *r, *p;
	size_t i, len = 0;
	int rc;

	if ((t = malloc(sizeof(*t))) == NULL)
		return ENT_ENOMEM;
	if ((rc = ent_text_tokens(s, n, t)) != ENT_OK)
		goto out;
	for (i = 0; i < t->n; i++)
		len += t->v[i].len + 1;
	rc = ENT_ENOMEM;
	if ((r = malloc(len + 1)) == NULL)
		goto out;
	p = r;
	for (i = 0; i < t->n; i++) {
		if (i > 0)
			*p++ = ' ';
		memcpy(p, t->v[i].s, t->v[i].len);
		p += t->v[i].len;
	}
	*p = '\0';
	*out = r;
	rc = ENT_OK;
out:
	free(t);
	return rc;
}

int
ent_text_script(const char *s, size_t n, enum ent_script *out)
{
	size_t count[ENT_SCRIPT__COUNT] = {0};
	int32_t i = 0;
	size_t best = 0;
	int k;
	enum ent_script r = ENT_SCRIPT_NONE;

	if (s == NULL && n > 0)
		return ENT_EINVAL;
	if (n > ENT_TEXT_MAX)
		return ENT_ETOOBIG;
	if (!ent_utf8_valid(s, n))
		return ENT_EINVAL;
	while ((size_t)i < n) {
		UChar32 c;

		U8_NEXT_UNSAFE((const uint8_t *)s, i, c);
		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				count[ENT_SCRIPT_LATIN]++;
			continue;
		}
		if (u_isalpha(c))
			count[script_of(c)]++;
	}
	for (k = 1; k < ENT_SCRIPT__COUNT; k++)
		if (count[k] > best) {
			best = count[k];
			r = (enum ent_script)k;
		}
	*out = r;
	return ENT_OK;
}
