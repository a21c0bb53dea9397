/* gen_watchlist.c - a deterministic generator of synthetic watchlists and
 * passenger lists, for the import and screening benchmarks.
 *
 * It writes persons of twenty naming cultures, each in its own script and in
 * Latin with the spellings real lists show (Mohammed / Muhammad / Mohamed,
 * Zhang / Chang, Müller / Mueller), plus organisations, passports and
 * Family / Associate / Membership links, as FtM JSON lines or our simple
 * CSV.  With --passengers it writes an airline-style passenger list in which
 * a chosen share of rows are perturbed copies of persons read from a
 * watchlist it produced earlier, and the rest are persons on no list.
 *
 * Everything is a pure function of the options: every person, document and
 * link draws from its own xoshiro256** stream keyed by (seed, pool, kind,
 * index), so person 42 is the same whatever --persons says, and a record
 * can be regenerated from its id alone.  The passenger list relies on that
 * to know a listed person's name parts and spellings.
 *
 * The "query" pool holds persons whose full names appear in no "list"
 * record under any seed and in any script: their family names come from
 * name stems reserved for it, and at start-up every (stem, suffix) pair
 * that could spell a token some list name uses is thrown out (see
 * pools_init()).  Benchmarks use those persons to count false alarms.
 *
 * This is a benchmark tool, not part of the product: it links no project
 * module, uses libc plus jansson (only to read --from files), and exits with
 * a message on out-of-memory or bad input rather than recovering. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define T(a) a, N(a)

/* Latin spellings kept per name part; longer products are cut, the same way
 * every time, so the cut is part of the deterministic output. */
#define NV 8
#define FL 112      /* bytes per spelling of one name part */
#define NCOMP 8     /* name parts per person */
#define NAMELEN 400 /* bytes of one rendered full name */
#define NALIAS 3

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

static void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("gen_watchlist: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n != 0 ? n : 1);

	if (p == NULL)
		die("out of memory");
	return p;
}

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n != 0 ? n : 1);

	if (q == NULL)
		die("out of memory");
	return q;
}

static char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* ---- random numbers ------------------------------------------------------
 * splitmix64 turns (seed, stream, index) into a xoshiro256** state.  Not
 * the C library's generator: its sequence differs between libraries, and
 * the output must be the same bytes everywhere. */

struct rng {
	uint64_t s[4];
};

/* Stream kinds: each kind of object draws from its own family of streams.
 * The values key the streams, so they are part of the output: never
 * renumber one, only add new ones at the end. */
enum {
	ST_PERSON = 1,
	ST_RELATIVE = 2,
	ST_ORG = 3,
	ST_LINKS = 4,
	ST_DOCS = 5,
	ST_PAX = 6,
	ST_PAXROW = 7,
	ST_DOCS_ONLY = 8,
};

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void
rng_init(
    struct rng *r, uint64_t seed, uint64_t pool, uint64_t kind, uint64_t index)
{
	uint64_t x = seed;
	int i;

	x = splitmix64(&x) ^ (pool * 0xd1b54a32d192ed03ULL);
	x = splitmix64(&x) ^ (kind * 0xaef17502108ef2d9ULL);
	x = splitmix64(&x) ^ index;
	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t res = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return res;
}

/* Uniform in [0, n), n >= 1, without modulo bias. */
static size_t
rng_below(struct rng *r, size_t n)
{
	uint64_t lim = (uint64_t)n, x, min = (0 - lim) % lim;

	do
		x = rng_next(r);
	while (x < min);
	return (size_t)(x % lim);
}

static double
rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

static bool
rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* Skewed towards the start of a table, where the common names are: the
 * smaller of two uniform draws, a density falling linearly from twice the
 * average at the first entry to nothing at the last.  Steeper skews made
 * the commonest names collide far more than a list of a million allows. */
static size_t
rng_skew(struct rng *r, size_t n)
{
	double u = rng_unit(r), v = rng_unit(r);

	return (size_t)((u < v ? u : v) * (double)n);
}

/* Half uniform, half skewed: given names are less concentrated than family
 * names in most cultures. */
static size_t
rng_mixed(struct rng *r, size_t n)
{
	return rng_chance(r, 0.5) ? rng_below(r, n) : rng_skew(r, n);
}

/* ---- output buffer ------------------------------------------------------ */

struct sbuf {
	char *p;
	size_t len, cap;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap != 0 ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->p = xrealloc(b->p, cap);
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void sb_fmt(struct sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sb_fmt(struct sbuf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		die("internal: formatted field too long");
	sb_add(b, tmp, (size_t)n);
}

/* Bounded string building for fixed-size name buffers: a name longer than
 * its buffer is a bug in the tables, not input, so it stops the program. */
static void
scat(char *dst, size_t cap, const char *src)
{
	size_t n = strlen(dst), m = strlen(src);

	if (n + m + 1 > cap)
		die("internal: name part '%s%s' too long", dst, src);
	memcpy(dst + n, src, m + 1);
}

static void
scpy(char *dst, size_t cap, const char *src)
{
	dst[0] = '\0';
	scat(dst, cap, src);
}

/* ---- UTF-8 and Latin folding --------------------------------------------
 * Latin spellings get ASCII variants ("Müller" -> "Muller", "Mueller";
 * "Nguyễn" -> "Nguyen"), which is what airline systems and old lists hold.
 * Only Latin letters fold; other scripts pass through unchanged. */

static size_t
utf8_dec(const char *s, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0 && (u[1] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x1f) << 6) | (u[1] & 0x3f);
		return 2;
	}
	if ((u[0] & 0xf0) == 0xe0 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x0f) << 12) |
		      ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
		return 3;
	}
	if ((u[0] & 0xf8) == 0xf0 && (u[1] & 0xc0) == 0x80 &&
	    (u[2] & 0xc0) == 0x80 && (u[3] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(u[0] & 0x07) << 18) |
		      ((uint32_t)(u[1] & 0x3f) << 12) |
		      ((uint32_t)(u[2] & 0x3f) << 6) | (u[3] & 0x3f);
		return 4;
	}
	*cp = 0xfffd; /* our tables are valid UTF-8; input files may not be */
	return 1;
}

/* U+00C0..U+00FF: the base letter; '*' marks the ones spelled out below. */
static const char latin1_base[] = "AAAAAA*CEEEEIIII"
                                  "DNOOOOO*OUUUUY**"
                                  "aaaaaa*ceeeeiiii"
                                  "dnooooo*ouuuuy*y";
/* U+0100..U+017F; '*' for the ligatures. */
static const char latin_ext_a[] = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHh"
                                  "IiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNnnNnOoOo"
                                  "Oo**RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYy"
                                  "YZzZzZzs";
_Static_assert(sizeof(latin1_base) - 1 == 64, "latin1 table");
_Static_assert(sizeof(latin_ext_a) - 1 == 128, "latin ext-a table");

static const struct {
	uint32_t cp;
	const char *simple, *german;
} fold_special[] = {
    {0xc4, "A", "Ae"},
    {0xd6, "O", "Oe"},
    {0xdc, "U", "Ue"},
    {0xe4, "a", "ae"},
    {0xf6, "o", "oe"},
    {0xfc, "u", "ue"},
    {0xc6, "AE", "AE"},
    {0xe6, "ae", "ae"},
    {0xd7, "x", "x"},
    {0xf7, "", ""},
    {0xde, "Th", "Th"},
    {0xdf, "ss", "ss"},
    {0xfe, "th", "th"},
    {0x132, "IJ", "IJ"},
    {0x133, "ij", "ij"},
    {0x152, "OE", "OE"},
    {0x153, "oe", "oe"},
    {0x1a0, "O", "O"},
    {0x1a1, "o", "o"},
    {0x1af, "U", "U"},
    {0x1b0, "u", "u"},
    {0x1e0c, "D", "D"},
    {0x1e0d, "d", "d"},
    {0x1e24, "H", "H"},
    {0x1e25, "h", "h"},
    {0x1e62, "S", "S"},
    {0x1e63, "s", "s"},
    {0x1e6c, "T", "T"},
    {0x1e6d, "t", "t"},
    {0x1e92, "Z", "Z"},
    {0x1e93, "z", "z"},
    {0x2019, "'", "'"},
    {0x2bc, "'", "'"},
    {0x2bb, "'", "'"},
};

/* Vietnamese letters U+1EA0..U+1EF9 come in runs per base vowel,
 * alternating capital and small. */
static const struct {
	uint32_t lo, hi;
	char base;
} viet_runs[] = {
    {0x1ea0, 0x1eb7, 'a'},
    {0x1eb8, 0x1ec7, 'e'},
    {0x1ec8, 0x1ecb, 'i'},
    {0x1ecc, 0x1ee3, 'o'},
    {0x1ee4, 0x1ef1, 'u'},
    {0x1ef2, 0x1ef9, 'y'},
};

/* The ASCII for one code point, in buf; NULL if it is not a Latin letter
 * we fold (it is then copied unchanged). */
static const char *
fold_cp(uint32_t cp, bool german, char buf[2])
{
	size_t i;

	for (i = 0; i < N(fold_special); i++)
		if (fold_special[i].cp == cp)
			return german ? fold_special[i].german
			              : fold_special[i].simple;
	if (cp >= 0x300 && cp <= 0x36f)
		return ""; /* combining accents */
	buf[1] = '\0';
	if (cp >= 0xc0 && cp <= 0xff) {
		buf[0] = latin1_base[cp - 0xc0];
		return buf;
	}
	if (cp >= 0x100 && cp <= 0x17f) {
		buf[0] = latin_ext_a[cp - 0x100];
		return buf;
	}
	for (i = 0; i < N(viet_runs); i++)
		if (cp >= viet_runs[i].lo && cp <= viet_runs[i].hi) {
			buf[0] = (char)((cp - viet_runs[i].lo) % 2 == 0
			                    ? viet_runs[i].base - 'a' + 'A'
			                    : viet_runs[i].base);
			return buf;
		}
	return NULL;
}

static void
fold(const char *in, bool german, char *out, size_t cap)
{
	char one[2];
	const char *rep;
	uint32_t cp;
	size_t n;

	out[0] = '\0';
	while (*in != '\0') {
		n = utf8_dec(in, &cp);
		if (cp >= 0x80 && (rep = fold_cp(cp, german, one)) != NULL) {
			scat(out, cap, rep);
		} else {
			char tmp[5];

			memcpy(tmp, in, n);
			tmp[n] = '\0';
			scat(out, cap, tmp);
		}
		in += n;
	}
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static void
ascii_upper(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

/* ---- name tables ---------------------------------------------------------
 * A name part has a native spelling and Latin spellings separated by '|',
 * the first being the usual one.  For Latin-script cultures the native
 * spelling is the proper one ("Müller") and the Latin list, often NULL,
 * adds spellings folding cannot derive.  Family names are either whole
 * (the common ones, list pool only) or a stem plus a suffix; the stem
 * tables are split between the list pool and the query pool. */

struct frag {
	const char *nat, *lat;
	unsigned cls; /* stems: suffix class; syllables: 1 male, 2 female */
};

struct gname { /* a male given name, with the patronymics it yields */
	const char *nat, *lat;
	const char *pm, *pml, *pf, *pfl;
};

struct suffix {
	const char *nat, *lat;   /* masculine, or the only form */
	const char *fnat, *flat; /* feminine; NULL = the same */
	unsigned cls;            /* stem classes it follows; 0 = any */
};

struct share {
	const char *cc;
	unsigned w;
};

struct city {
	const char *cc, *nat, *lat;
};

/* The tables below are data: one short row holds several entries, which
 * reads better than one entry per line, so clang-format leaves them be. */
/* clang-format off */
#define G(n, l) {n, l, NULL, NULL, NULL, NULL}
#define F(n, l) {n, l, 0}
#define FC(n, l, c) {n, l, c}
#define L(n) {n, NULL, 0}

/* -- Russian -- */
static const struct share ru_cc[] = {{"ru", 84}, {"by", 8}, {"kz", 8}};
static const struct gname ru_male[] = {
    {"Александр", "Aleksandr|Alexander|Alexandre", "Александрович",
	"Aleksandrovich|Alexandrovich", "Александровна",
	"Aleksandrovna|Alexandrovna"},
    {"Сергей", "Sergey|Sergei|Serguei", "Сергеевич", "Sergeyevich|Sergeevich",
	"Сергеевна", "Sergeyevna|Sergeevna"},
    {"Дмитрий", "Dmitriy|Dmitry|Dmitri", "Дмитриевич",
	"Dmitriyevich|Dmitrievich", "Дмитриевна", "Dmitriyevna|Dmitrievna"},
    {"Андрей", "Andrey|Andrei", "Андреевич", "Andreyevich|Andreevich",
	"Андреевна", "Andreyevna|Andreevna"},
    {"Алексей", "Aleksey|Alexey|Aleksei|Alexei", "Алексеевич",
	"Alekseyevich|Alekseevich|Alexeyevich", "Алексеевна",
	"Alekseyevna|Alekseevna"},
    {"Владимир", "Vladimir|Wladimir", "Владимирович", "Vladimirovich",
	"Владимировна", "Vladimirovna"},
    {"Иван", "Ivan", "Иванович", "Ivanovich", "Ивановна", "Ivanovna"},
    {"Михаил", "Mikhail|Mihail|Michail", "Михайлович",
	"Mikhaylovich|Mikhailovich", "Михайловна", "Mikhaylovna|Mikhailovna"},
    {"Николай", "Nikolay|Nikolai", "Николаевич", "Nikolayevich|Nikolaevich",
	"Николаевна", "Nikolayevna|Nikolaevna"},
    {"Евгений", "Yevgeniy|Evgeny|Evgeniy|Evgueni", "Евгеньевич",
	"Yevgenyevich|Evgenievich|Evgenyevich", "Евгеньевна",
	"Yevgenyevna|Evgenievna"},
    {"Юрий", "Yuriy|Yury|Yuri|Iouri", "Юрьевич", "Yuryevich|Yurievich",
	"Юрьевна", "Yuryevna|Yurievna"},
    {"Олег", "Oleg", "Олегович", "Olegovich", "Олеговна", "Olegovna"},
    {"Игорь", "Igor", "Игоревич", "Igorevich", "Игоревна", "Igorevna"},
    {"Виктор", "Viktor|Victor", "Викторович", "Viktorovich", "Викторовна",
	"Viktorovna"},
    {"Павел", "Pavel", "Павлович", "Pavlovich", "Павловна", "Pavlovna"},
    {"Максим", "Maksim|Maxim", "Максимович", "Maksimovich|Maximovich",
	"Максимовна", "Maksimovna|Maximovna"},
    {"Антон", "Anton", "Антонович", "Antonovich", "Антоновна", "Antonovna"},
    {"Артём", "Artyom|Artem|Artiom", "Артёмович", "Artyomovich|Artemovich",
	"Артёмовна", "Artyomovna|Artemovna"},
    {"Борис", "Boris", "Борисович", "Borisovich", "Борисовна", "Borisovna"},
    {"Вадим", "Vadim", "Вадимович", "Vadimovich", "Вадимовна", "Vadimovna"},
    {"Валерий", "Valeriy|Valery|Valeri", "Валерьевич",
	"Valeryevich|Valerievich", "Валерьевна", "Valeryevna|Valerievna"},
    {"Василий", "Vasiliy|Vasily|Vassili", "Васильевич",
	"Vasilyevich|Vasilievich", "Васильевна", "Vasilyevna|Vasilievna"},
    {"Виталий", "Vitaliy|Vitaly|Vitali", "Витальевич",
	"Vitalyevich|Vitalievich", "Витальевна", "Vitalyevna|Vitalievna"},
    {"Вячеслав", "Vyacheslav|Viacheslav", "Вячеславович",
	"Vyacheslavovich|Viacheslavovich", "Вячеславовна", "Vyacheslavovna"},
    {"Геннадий", "Gennadiy|Gennady|Gennadi", "Геннадьевич",
	"Gennadyevich|Gennadievich", "Геннадьевна", "Gennadyevna|Gennadievna"},
    {"Георгий", "Georgiy|Georgy|Georgi", "Георгиевич",
	"Georgiyevich|Georgievich", "Георгиевна", "Georgiyevna|Georgievna"},
    {"Григорий", "Grigoriy|Grigory|Grigori", "Григорьевич",
	"Grigoryevich|Grigorievich", "Григорьевна", "Grigoryevna|Grigorievna"},
    {"Денис", "Denis", "Денисович", "Denisovich", "Денисовна", "Denisovna"},
    {"Егор", "Yegor|Egor", "Егорович", "Yegorovich|Egorovich", "Егоровна",
	"Yegorovna|Egorovna"},
    {"Илья", "Ilya|Ilia|Ilja", "Ильич", "Ilyich|Ilich", "Ильинична",
	"Ilyinichna|Ilinichna"},
    {"Кирилл", "Kirill|Kiril", "Кириллович", "Kirillovich", "Кирилловна",
	"Kirillovna"},
    {"Константин", "Konstantin|Constantin", "Константинович",
	"Konstantinovich", "Константиновна", "Konstantinovna"},
    {"Леонид", "Leonid", "Леонидович", "Leonidovich", "Леонидовна",
	"Leonidovna"},
    {"Никита", "Nikita", "Никитич", "Nikitich", "Никитична", "Nikitichna"},
    {"Пётр", "Pyotr|Petr|Piotr", "Петрович", "Petrovich", "Петровна",
	"Petrovna"},
    {"Роман", "Roman", "Романович", "Romanovich", "Романовна", "Romanovna"},
    {"Руслан", "Ruslan", "Русланович", "Ruslanovich", "Руслановна",
	"Ruslanovna"},
    {"Станислав", "Stanislav", "Станиславович", "Stanislavovich",
	"Станиславовна", "Stanislavovna"},
    {"Степан", "Stepan", "Степанович", "Stepanovich", "Степановна",
	"Stepanovna"},
    {"Тимур", "Timur", "Тимурович", "Timurovich", "Тимуровна", "Timurovna"},
    {"Фёдор", "Fyodor|Fedor|Fiodor", "Фёдорович", "Fyodorovich|Fedorovich",
	"Фёдоровна", "Fyodorovna|Fedorovna"},
    {"Ярослав", "Yaroslav|Iaroslav", "Ярославович", "Yaroslavovich",
	"Ярославовна", "Yaroslavovna"},
};
static const struct frag ru_female[] = {
    F("Елена", "Yelena|Elena"), F("Ольга", "Olga"), F("Наталья", "Natalya|Natalia"),
    F("Татьяна", "Tatyana|Tatiana"), F("Ирина", "Irina"),
    F("Светлана", "Svetlana"), F("Анна", "Anna"), F("Мария", "Mariya|Maria"),
    F("Екатерина", "Yekaterina|Ekaterina"), F("Юлия", "Yuliya|Yulia|Julia"),
    F("Анастасия", "Anastasiya|Anastasia"), F("Марина", "Marina"),
    F("Галина", "Galina"), F("Людмила", "Lyudmila|Ludmila"),
    F("Валентина", "Valentina"), F("Вера", "Vera"), F("Виктория", "Viktoriya|Victoria"),
    F("Дарья", "Darya|Daria"), F("Елизавета", "Yelizaveta|Elizaveta"),
    F("Ксения", "Kseniya|Ksenia"), F("Лариса", "Larisa"),
    F("Надежда", "Nadezhda"), F("Нина", "Nina"), F("Полина", "Polina"),
    F("Софья", "Sofya|Sofia"), F("Оксана", "Oksana"), F("Алла", "Alla"),
    F("Зоя", "Zoya"), F("Любовь", "Lyubov|Lubov"), F("Алина", "Alina"),
};
/* Stem classes: 1 hard (-ов, -ин, -ский), 2 soft (-ев, -ин). */
static const struct frag ru_root_list[] = {
    FC("Иван", "Ivan", 1), FC("Смирн", "Smirn", 1),
    FC("Кузнец", "Kuznets|Kuznec", 1), FC("Поп", "Pop", 1),
    FC("Петр", "Petr", 1), FC("Сокол", "Sokol", 1),
    FC("Михайл", "Mikhayl|Mikhail", 1), FC("Новик", "Novik", 1),
    FC("Фёдор", "Fyodor|Fedor", 1), FC("Мороз", "Moroz", 1),
    FC("Волк", "Volk", 1), FC("Алекс", "Aleks|Alex", 1),
    FC("Павл", "Pavl", 1), FC("Семён", "Semyon|Semen", 1),
    FC("Голуб", "Golub", 1), FC("Виноград", "Vinograd", 1),
    FC("Богдан", "Bogdan", 1), FC("Орл", "Orl", 1), FC("Макар", "Makar", 1),
    FC("Никит", "Nikit", 1), FC("Захар", "Zakhar|Sakhar", 1),
    FC("Зайц", "Zayts|Zaits", 1), FC("Сорок", "Sorok", 1),
    FC("Комар", "Komar", 1), FC("Баран", "Baran", 1), FC("Кулик", "Kulik", 1),
    FC("Бел", "Bel", 1), FC("Егор", "Yegor|Egor", 1), FC("Тарас", "Taras", 1),
    FC("Жук", "Zhuk", 1),
    FC("Черн", "Chern|Tchern", 1), FC("Крыл", "Kryl", 1),
    FC("Гром", "Grom", 1), FC("Тит", "Tit", 1),
    FC("Бык", "Byk", 1), FC("Лобан", "Loban", 1), FC("Давыд", "Davyd|David", 1),
    FC("Абрам", "Abram", 1), FC("Щерб", "Shcherb|Scherb", 1),
    FC("Калин", "Kalin", 1), FC("Рыбак", "Rybak", 1), FC("Филипп", "Filipp|Philipp", 1),
    FC("Карп", "Karp", 1), FC("Тихон", "Tikhon", 1),
    FC("Щук", "Shchuk|Schuk", 1),
    FC("Сухан", "Sukhan", 1), FC("Голован", "Golovan", 1),
    FC("Ермак", "Yermak|Ermak", 1),
    FC("Дрозд", "Drozd", 1), FC("Кабан", "Kaban", 1), FC("Медник", "Mednik", 1),
    FC("Серге", "Serge", 2), FC("Андре", "Andre", 2), FC("Никола", "Nikola", 2),
    FC("Дмитри", "Dmitri", 2), FC("Алексе", "Alekse|Alexe", 2),
    FC("Матве", "Matve", 2), FC("Тимофе", "Timofe", 2), FC("Лебед", "Lebed", 2),
    FC("Медвед", "Medved", 2), FC("Беля", "Belya|Belia", 2),
    FC("Гуля", "Gulya|Gulia", 2), FC("Яковл", "Yakovl|Jakovl", 2),
    FC("Ковал", "Koval", 2), FC("Соловь", "Solovy|Solovi", 2),
    FC("Григорь", "Grigory|Grigori", 2), FC("Василь", "Vasily|Vasili", 2),
    FC("Зу", "Zu", 2), FC("Горде", "Gorde", 2), FC("Афанась", "Afanasy|Afanasi", 2),
    FC("Мака", "Maka", 2), FC("Игнать", "Ignaty|Ignati", 2),
};
static const struct frag ru_root_query[] = {
    FC("Бурлак", "Burlak", 1), FC("Ветлуг", "Vetlug", 1),
    FC("Дергач", "Dergach", 1), FC("Ерш", "Yersh|Ersh", 1),
    FC("Жмур", "Zhmur", 1), FC("Колпак", "Kolpak", 1), FC("Лапт", "Lapt", 1),
    FC("Мохнат", "Mokhnat", 1), FC("Нагорн", "Nagorn", 1),
    FC("Перепел", "Perepel", 1), FC("Рыжак", "Ryzhak", 1),
    FC("Сухар", "Sukhar", 1), FC("Ухват", "Ukhvat", 1),
    FC("Хомяк", "Khomyak|Homyak", 1), FC("Цыплак", "Tsyplak", 1),
    FC("Шабал", "Shabal", 1), FC("Щегл", "Shchegl|Schegl", 1),
    FC("Ярц", "Yarts", 1), FC("Браг", "Brag", 1), FC("Вихр", "Vikhr", 1),
    FC("Глазун", "Glazun", 1), FC("Коростел", "Korostel", 2),
    FC("Кудря", "Kudrya|Kudria", 2), FC("Сверчк", "Sverchk", 1),
    FC("Пескар", "Peskar", 1), FC("Ковыл", "Kovyl", 1),
    FC("Тетер", "Teter", 1), FC("Зябл", "Zyabl|Ziabl", 1),
};
static const struct suffix ru_suf[] = {
    {"ов", "ov|off", "ова", "ova", 1},
    {"ев", "ev|yev", "ева", "eva|yeva", 2},
    {"ин", "in", "ина", "ina", 0},
    {"ский", "skiy|sky|ski", "ская", "skaya|skaia", 1},
};
static const struct city ru_city[] = {
    {"ru", "Москва", "Moskva|Moscow"},
    {"ru", "Санкт-Петербург", "Sankt-Peterburg|Saint Petersburg"},
    {"ru", "Новосибирск", "Novosibirsk"},
    {"ru", "Екатеринбург", "Yekaterinburg|Ekaterinburg"},
    {"ru", "Казань", "Kazan"}, {"ru", "Ростов-на-Дону", "Rostov-na-Donu"},
    {"by", "Минск", "Minsk"}, {"by", "Гомель", "Gomel|Homel"},
    {"kz", "Алма-Ата", "Alma-Ata|Almaty"}, {"kz", "Караганда", "Karaganda"},
};

/* -- Ukrainian -- */
static const struct share uk_cc[] = {{"ua", 100}};
static const struct gname uk_male[] = {
    {"Олександр", "Oleksandr|Aleksandr", "Олександрович",
	"Oleksandrovych|Aleksandrovich", "Олександрівна", "Oleksandrivna"},
    {"Андрій", "Andriy|Andrii|Andrey", "Андрійович",
	"Andriyovych|Andriiovych", "Андріївна", "Andriivna"},
    {"Богдан", "Bohdan|Bogdan", "Богданович", "Bohdanovych", "Богданівна",
	"Bohdanivna"},
    {"Василь", "Vasyl|Vasil", "Васильович", "Vasylovych", "Василівна",
	"Vasylivna"},
    {"Віктор", "Viktor", "Вікторович", "Viktorovych", "Вікторівна",
	"Viktorivna"},
    {"Володимир", "Volodymyr|Vladimir", "Володимирович", "Volodymyrovych",
	"Володимирівна", "Volodymyrivna"},
    {"Дмитро", "Dmytro|Dmitro", "Дмитрович", "Dmytrovych", "Дмитрівна",
	"Dmytrivna"},
    {"Іван", "Ivan", "Іванович", "Ivanovych", "Іванівна", "Ivanivna"},
    {"Ігор", "Ihor|Igor", "Ігорович", "Ihorovych", "Ігорівна", "Ihorivna"},
    {"Микола", "Mykola|Nikolai", "Миколайович", "Mykolaiovych|Mykolayovych",
	"Миколаївна", "Mykolaivna"},
    {"Михайло", "Mykhailo|Mykhaylo|Mikhail", "Михайлович", "Mykhailovych",
	"Михайлівна", "Mykhailivna"},
    {"Олег", "Oleh|Oleg", "Олегович", "Olehovych", "Олегівна", "Olehivna"},
    {"Олексій", "Oleksiy|Oleksii|Aleksey", "Олексійович",
	"Oleksiyovych|Oleksiiovych", "Олексіївна", "Oleksiivna"},
    {"Павло", "Pavlo", "Павлович", "Pavlovych", "Павлівна", "Pavlivna"},
    {"Петро", "Petro", "Петрович", "Petrovych", "Петрівна", "Petrivna"},
    {"Роман", "Roman", "Романович", "Romanovych", "Романівна", "Romanivna"},
    {"Сергій", "Serhiy|Serhii|Sergey", "Сергійович",
	"Serhiyovych|Serhiiovych", "Сергіївна", "Serhiivna"},
    {"Тарас", "Taras", "Тарасович", "Tarasovych", "Тарасівна", "Tarasivna"},
    {"Юрій", "Yuriy|Yurii", "Юрійович", "Yuriyovych|Yuriiovych", "Юріївна",
	"Yuriivna"},
    {"Ярослав", "Yaroslav", "Ярославович", "Yaroslavovych", "Ярославівна",
	"Yaroslavivna"},
    {"Степан", "Stepan", "Степанович", "Stepanovych", "Степанівна",
	"Stepanivna"},
    {"Остап", "Ostap", "Остапович", "Ostapovych", "Остапівна", "Ostapivna"},
    {"Максим", "Maksym|Maxim", "Максимович", "Maksymovych", "Максимівна",
	"Maksymivna"},
    {"Віталій", "Vitaliy|Vitalii", "Віталійович", "Vitaliyovych",
	"Віталіївна", "Vitaliivna"},
    {"Григорій", "Hryhoriy|Hryhorii|Grigoriy", "Григорович", "Hryhorovych",
	"Григорівна", "Hryhorivna"},
};
static const struct frag uk_female[] = {
    F("Олена", "Olena|Elena"), F("Оксана", "Oksana"), F("Наталія", "Nataliya|Natalia"),
    F("Тетяна", "Tetiana|Tetyana|Tatiana"), F("Ірина", "Iryna|Irina"),
    F("Юлія", "Yuliia|Yulia"), F("Ольга", "Olha|Olga"), F("Світлана", "Svitlana"),
    F("Людмила", "Liudmyla|Lyudmila"), F("Галина", "Halyna|Galina"),
    F("Катерина", "Kateryna"), F("Марія", "Mariia|Maria"), F("Анна", "Anna"),
    F("Вікторія", "Viktoriia|Viktoria"), F("Христина", "Khrystyna"),
    F("Софія", "Sofiia|Sofia"), F("Дарина", "Daryna"), F("Ганна", "Hanna"),
    F("Леся", "Lesia|Lesya"), F("Зоряна", "Zoriana|Zoryana"),
};
static const struct frag uk_fam[] = {
    F("Мельник", "Melnyk|Melnik"), F("Шевченко", "Shevchenko"),
    F("Бойко", "Boiko|Boyko"), F("Коваленко", "Kovalenko"),
    F("Бондаренко", "Bondarenko"), F("Ткаченко", "Tkachenko"),
    F("Кравченко", "Kravchenko"), F("Коваль", "Koval"),
    F("Олійник", "Oliinyk|Oliynyk"), F("Шевчук", "Shevchuk"),
    F("Поліщук", "Polishchuk"), F("Лисенко", "Lysenko|Lisenko"),
    F("Мороз", "Moroz"), F("Марченко", "Marchenko"),
    F("Савченко", "Savchenko"), F("Руденко", "Rudenko"),
    F("Кравець", "Kravets"), F("Петренко", "Petrenko"),
    F("Клименко", "Klymenko|Klimenko"), F("Левченко", "Levchenko"),
    F("Гончаренко", "Honcharenko|Goncharenko"), F("Ковальчук", "Kovalchuk"),
    F("Тимошенко", "Tymoshenko|Timoshenko"), F("Яценко", "Yatsenko"),
    F("Симоненко", "Symonenko|Simonenko"), F("Кузьменко", "Kuzmenko"),
};
/* Classes: 1 stems ending in a hushing consonant (-енко, -ук), 2 others. */
static const struct frag uk_root_list[] = {
    FC("Шевч", "Shevch", 1), FC("Кравч", "Kravch", 1), FC("Савч", "Savch", 1),
    FC("Марч", "March", 1), FC("Левч", "Levch", 1), FC("Ткач", "Tkach", 1),
    FC("Демч", "Demch", 1), FC("Юрч", "Yurch|Iurch", 1),
    FC("Бондар", "Bondar", 2), FC("Ковал", "Koval", 2),
    FC("Литвин", "Lytvyn|Litvin", 2), FC("Гнат", "Hnat|Gnat", 2),
    FC("Гаврил", "Havryl|Gavril", 2), FC("Дорош", "Dorosh", 2),
    FC("Пономар", "Ponomar", 2), FC("Остап", "Ostap", 2), FC("Карп", "Karp", 2),
    FC("Сидор", "Sydor|Sidor", 2), FC("Павл", "Pavl", 2),
    FC("Мирон", "Myron|Miron", 2), FC("Данил", "Danyl|Danil", 2),
    FC("Васил", "Vasyl|Vasil", 2), FC("Тимош", "Tymosh|Timosh", 2),
    FC("Степан", "Stepan", 2), FC("Назар", "Nazar", 2), FC("Руд", "Rud", 2),
    FC("Гордій", "Hordiy|Gordiy", 2), FC("Марк", "Mark", 2),
};
static const struct frag uk_root_query[] = {
    FC("Гуцал", "Hutsal|Gutsal", 2), FC("Дзюб", "Dziub|Dzyub", 2),
    FC("Жовт", "Zhovt", 2), FC("Кобзар", "Kobzar", 2),
    FC("Лозин", "Lozyn|Lozin", 2), FC("Нечипор", "Nechypor|Nechipor", 2),
    FC("Онищ", "Onyshch|Onishch", 1), FC("Пилип", "Pylyp|Pilip", 2),
    FC("Рябок", "Riabok|Ryabok", 2), FC("Сірик", "Siryk|Sirik", 2),
    FC("Трохим", "Trokhym|Trokhim", 2), FC("Цибул", "Tsybul|Tsibul", 2),
    FC("Шуляк", "Shuliak|Shulyak", 2), FC("Ярем", "Yarem|Iarem", 2),
    FC("Хоменч", "Khomench", 1), FC("Вернич", "Vernych", 1),
};
static const struct suffix uk_suf[] = {
    {"енко", "enko", NULL, NULL, 0},
    {"ук", "uk", NULL, NULL, 1},
    {"чук", "chuk", NULL, NULL, 2},
    {"ський", "skyi|sky|skiy", "ська", "ska", 2},
};
static const struct city uk_city[] = {
    {"ua", "Київ", "Kyiv|Kiev"}, {"ua", "Харків", "Kharkiv|Kharkov"},
    {"ua", "Одеса", "Odesa|Odessa"}, {"ua", "Львів", "Lviv|Lvov"},
    {"ua", "Дніпро", "Dnipro"}, {"ua", "Запоріжжя", "Zaporizhzhia|Zaporozhye"},
};

/* -- Arabic -- */
static const struct share ar_cc[] = {{"sa", 12}, {"iq", 14}, {"sy", 14},
    {"eg", 14}, {"jo", 6}, {"ye", 8}, {"ly", 6}, {"ae", 4}, {"lb", 5},
    {"ma", 6}, {"dz", 5}, {"tn", 4}, {"sd", 4}, {"kw", 2}, {"qa", 2}};
static const struct gname ar_male[] = {
    G("محمد", "Mohammed|Muhammad|Mohamed|Mohammad|Mohamad|Muhammed"),
    G("أحمد", "Ahmed|Ahmad"), G("علي", "Ali"), G("عمر", "Omar|Umar"),
    G("خالد", "Khaled|Khalid"), G("يوسف", "Youssef|Yusuf|Yousef|Yousif|Youcef"),
    G("إبراهيم", "Ibrahim|Ebrahim|Brahim"),
    G("مصطفى", "Mustafa|Mostafa|Moustafa"), G("حسن", "Hassan|Hasan"),
    G("حسين", "Hussein|Husayn|Hussain|Houssein"),
    G("محمود", "Mahmoud|Mahmud"),
    G("عبد الله", "Abdullah|Abdallah|Abd Allah|Abdulla"),
    G("عبد الرحمن", "Abdulrahman|Abdul Rahman|Abd al-Rahman|Abderrahmane"),
    G("عبد العزيز", "Abdulaziz|Abdul Aziz|Abd al-Aziz|Abdelaziz"),
    G("عبد الكريم", "Abdulkarim|Abdul Karim|Abdelkarim"),
    G("سعيد", "Said|Saeed|Sa'id"), G("فيصل", "Faisal|Faysal"),
    G("طارق", "Tariq|Tarek|Tarik"), G("ناصر", "Nasser|Nasir|Naser"),
    G("صالح", "Saleh|Salih"), G("عادل", "Adel|Adil"), G("كريم", "Karim|Kareem"),
    G("جمال", "Jamal|Gamal"), G("سامي", "Sami|Samy"), G("وليد", "Walid|Waleed"),
    G("ماجد", "Majed|Majid"), G("زياد", "Ziad|Ziyad"), G("رامي", "Rami|Ramy"),
    G("حمزة", "Hamza|Hamzah"), G("بلال", "Bilal"), G("أنس", "Anas"),
    G("عثمان", "Othman|Uthman|Osman"), G("سليمان", "Suleiman|Sulayman|Soliman"),
    G("إسماعيل", "Ismail|Ismael|Esmail"), G("ياسر", "Yasser|Yasir"),
    G("هشام", "Hisham|Hesham"), G("مراد", "Murad|Mourad"),
    G("نبيل", "Nabil|Nabeel"), G("أسامة", "Osama|Usama|Oussama"),
    G("جابر", "Jaber|Jabir"), G("منصور", "Mansour|Mansur"),
    G("راشد", "Rashid|Rashed"), G("سلطان", "Sultan"), G("عيسى", "Issa|Isa|Eissa"),
    G("موسى", "Musa|Moussa|Mousa"),
};
static const struct frag ar_female[] = {
    F("فاطمة", "Fatima|Fatma|Fatimah"), F("عائشة", "Aisha|Aysha|Aicha"),
    F("مريم", "Maryam|Mariam|Meriem"), F("زينب", "Zainab|Zeinab|Zaynab"),
    F("خديجة", "Khadija|Khadidja|Khadijah"), F("نور", "Nour|Noor|Nur"),
    F("ليلى", "Layla|Leila|Laila"), F("سارة", "Sara|Sarah"), F("هدى", "Huda|Hoda"),
    F("أمينة", "Amina|Aminah"), F("سلمى", "Salma"), F("رنا", "Rana"),
    F("ياسمين", "Yasmin|Yasmine|Jasmine"), F("هند", "Hind"),
    F("رقية", "Ruqayya|Roukaya"), F("أسماء", "Asma|Asmaa"), F("منى", "Mona|Muna"),
    F("إيمان", "Iman|Eman"), F("سعاد", "Souad|Suad"), F("نادية", "Nadia|Nadiya"),
    F("سميرة", "Samira|Sameera"), F("جميلة", "Jamila|Djamila"), F("حنان", "Hanan"),
    F("رشا", "Rasha"), F("وفاء", "Wafaa|Wafa"), F("هالة", "Hala"),
    F("شيماء", "Shaimaa|Shaima"), F("لمى", "Lama"), F("دعاء", "Doaa|Duaa"),
};
static const struct frag ar_fam[] = {
    F("الشمري", "al-Shammari|Al-Shammari|Shammari|al-Shamari"),
    F("العتيبي", "al-Otaibi|al-Utaybi|Otaibi"),
    F("القحطاني", "al-Qahtani|al-Kahtani|Qahtani"),
    F("الدوسري", "al-Dosari|al-Dawsari|Dosari"),
    F("الزهراني", "al-Zahrani|Zahrani"), F("الغامدي", "al-Ghamdi|Ghamdi"),
    F("الحربي", "al-Harbi|Harbi"), F("المطيري", "al-Mutairi|al-Mutayri|Mutairi"),
    F("التميمي", "al-Tamimi|at-Tamimi|Tamimi"),
    F("الجبوري", "al-Jubouri|al-Juburi|Jubouri"),
    F("الدليمي", "al-Dulaimi|al-Dulaymi|Dulaimi"),
    F("العبيدي", "al-Obaidi|al-Ubaydi|Obaidi"),
    F("الكبيسي", "al-Kubaisi|al-Kubaysi"), F("المصري", "al-Masri|el-Masry|Masri"),
    F("الحلبي", "al-Halabi|Halabi"), F("البغدادي", "al-Baghdadi|Baghdadi"),
    F("الحسيني", "al-Husseini|al-Husayni|Husseini"),
    F("الهاشمي", "al-Hashimi|el-Hachemi|Hashemi"),
    F("الأنصاري", "al-Ansari|Ansari"), F("السيد", "el-Sayed|al-Sayyid|Sayed"),
    F("الشريف", "al-Sharif|el-Cherif|Sharif"), F("حداد", "Haddad|Hadad"),
    F("خوري", "Khoury|Khouri|Khuri"), F("نجار", "Najjar|Naggar|Najar"),
    F("عباس", "Abbas"), F("حمدان", "Hamdan"), F("سالم", "Salem|Salim"),
    F("شاهين", "Shaheen|Chahine|Shahin"), F("نصر", "Nasr"),
    F("الخطيب", "al-Khatib|el-Khatib|Khatib"), F("الزين", "el-Zein|al-Zayn|Zein"),
    F("حجازي", "Hijazi|Hegazy|Higazi"), F("الساعدي", "al-Saadi|Saadi"),
    F("الراوي", "al-Rawi|Rawi"),
};
static const struct frag ar_root_list[] = {
    F("تكريت", "Tikrit|Takrit"), F("موصل", "Mawsil|Mosul"), F("بصر", "Basr"),
    F("كوف", "Kuf"), F("حمص", "Homs|Hims"), F("دمشق", "Dimashq"),
    F("نجد", "Najd"), F("يمن", "Yaman|Yemen"), F("عراق", "Iraq"),
    F("شام", "Sham|Cham"), F("مغرب", "Maghrib|Maghreb"),
    F("جزائر", "Jazair|Djazair"), F("ليب", "Lib"), F("سودان", "Sudan"),
    F("تونس", "Tunis"), F("قدس", "Quds|Kuds"), F("خليل", "Khalil"),
    F("زبيد", "Zubaid|Zubayd"), F("عنز", "Anaz|Enez"), F("شهر", "Shahr"),
    F("سبيع", "Subai|Subay"), F("رشيد", "Rashid|Rasheed"), F("عجم", "Ajm"),
    F("مر", "Murr"), F("كعب", "Kaab"), F("نعيم", "Nuaim|Nuaym"),
    F("جناب", "Janab"), F("عان", "An"), F("حديث", "Hadith"),
    F("كربول", "Karbul"), F("فهد", "Fahd"), F("خالد", "Khalid|Khaled"),
    F("عامر", "Amir|Ameer"), F("جبور", "Jubur"), F("سامرائ", "Samarra"),
    F("فلوج", "Falluj"), F("رمادي", "Ramad"), F("حسن", "Hasan|Hassan"),
    F("عبيد", "Ubaid|Obeid"), F("مالك", "Malik|Maliki"),
};
static const struct frag ar_root_query[] = {
    F("نابلس", "Nabuls"), F("كرك", "Karak"), F("بكر", "Bakr"),
    F("خزرج", "Khazraj"), F("حضرم", "Hadram"), F("بلوش", "Balush|Baloush"),
    F("سقاف", "Saqqaf|Sakkaf"), F("رفاع", "Rifa|Rifaa"),
    F("طرابلس", "Tarabuls"), F("ادريس", "Idris|Idrees"), F("عطار", "Attar"),
    F("صيرف", "Sayraf|Sairaf"), F("بيطار", "Baytar|Bitar"),
    F("حوران", "Hawran|Houran"), F("بقاع", "Biqa|Bekaa"),
    F("جولان", "Jawlan|Golan"), F("عسير", "Asir|Aseer"), F("تهام", "Tiham"),
    F("حمو", "Hamaw"), F("زرقاو", "Zarqaw"), F("شرقاو", "Sharqaw|Charkaw"),
};
static const struct suffix ar_suf[] = {{"ي", "i", NULL, NULL, 0}};
static const struct city ar_city[] = {
    {"sa", "الرياض", "Riyadh|Ar Riyad"}, {"sa", "جدة", "Jeddah|Jidda"},
    {"iq", "بغداد", "Baghdad"}, {"iq", "الموصل", "Mosul|Al Mawsil"},
    {"iq", "البصرة", "Basra|Al Basrah"}, {"sy", "دمشق", "Damascus|Dimashq"},
    {"sy", "حلب", "Aleppo|Halab"}, {"sy", "حمص", "Homs"},
    {"eg", "القاهرة", "Cairo|Al Qahirah"}, {"eg", "الإسكندرية", "Alexandria"},
    {"jo", "عمان", "Amman"}, {"ye", "صنعاء", "Sanaa|Sana'a"},
    {"ly", "طرابلس", "Tripoli|Tarabulus"}, {"ly", "بنغازي", "Benghazi"},
    {"ae", "دبي", "Dubai"}, {"lb", "بيروت", "Beirut|Bayrut"},
    {"ma", "الدار البيضاء", "Casablanca"}, {"dz", "الجزائر", "Algiers|Alger"},
    {"tn", "تونس", "Tunis"}, {"sd", "الخرطوم", "Khartoum"},
    {"kw", "الكويت", "Kuwait City"}, {"qa", "الدوحة", "Doha"},
};

/* -- Chinese -- */
static const struct share zh_cc[] = {{"cn", 85}, {"tw", 8}, {"sg", 4},
    {"hk", 3}};
static const struct frag zh_fam[] = {
    F("王", "Wang|Wong"), F("李", "Li|Lee"), F("张", "Zhang|Chang|Cheung"),
    F("刘", "Liu|Lau|Lew"), F("陈", "Chen|Chan|Tan"), F("杨", "Yang|Yeung"),
    F("黄", "Huang|Wong|Hwang"), F("赵", "Zhao|Chao|Chiu"), F("吴", "Wu|Ng|Woo"),
    F("周", "Zhou|Chou|Chow"), F("徐", "Xu|Hsu|Tsui"), F("孙", "Sun|Suen"),
    F("马", "Ma"), F("朱", "Zhu|Chu"), F("胡", "Hu"), F("郭", "Guo|Kuo|Kwok"),
    F("何", "He|Ho"), F("林", "Lin|Lam|Lim"), F("罗", "Luo|Lo|Law"),
    F("高", "Gao|Kao|Ko"), F("郑", "Zheng|Cheng"), F("梁", "Liang|Leung"),
    F("谢", "Xie|Hsieh|Tse"), F("宋", "Song|Sung"), F("唐", "Tang|T'ang"),
    F("许", "Xu|Hsu|Hui"), F("韩", "Han"), F("冯", "Feng|Fung"),
    F("邓", "Deng|Teng|Tang"), F("曹", "Cao|Ts'ao|Tso"),
    F("彭", "Peng|P'eng|Pang"), F("曾", "Zeng|Tseng|Tsang"),
    F("肖", "Xiao|Hsiao"), F("田", "Tian|T'ien"), F("董", "Dong|Tung"),
    F("袁", "Yuan"), F("潘", "Pan|Poon"), F("于", "Yu"),
    F("蒋", "Jiang|Chiang"), F("蔡", "Cai|Tsai|Choi"), F("余", "Yu|Yue"),
    F("杜", "Du|Tu"), F("叶", "Ye|Yeh|Yip"), F("程", "Cheng|Ch'eng"),
    F("苏", "Su|So"), F("魏", "Wei"), F("吕", "Lü|Lyu|Lu|Lui"),
    F("丁", "Ding|Ting"), F("任", "Ren|Jen|Yam"), F("沈", "Shen|Shum"),
    F("姚", "Yao"), F("卢", "Lu|Lo"), F("姜", "Jiang|Chiang|Keung"),
    F("崔", "Cui|Ts'ui|Tsui"), F("钟", "Zhong|Chung"), F("谭", "Tan|T'an|Tam"),
    F("陆", "Lu|Luk"), F("汪", "Wang"), F("范", "Fan"),
    F("金", "Jin|Chin|Kam"), F("石", "Shi|Shih|Shek"), F("廖", "Liao|Liu"),
    F("贾", "Jia|Chia"), F("夏", "Xia|Hsia|Ha"), F("韦", "Wei"), F("付", "Fu"),
    F("方", "Fang|Fong"), F("白", "Bai|Pai|Pak"), F("邹", "Zou|Tsou|Chau"),
    F("孟", "Meng"), F("熊", "Xiong|Hsiung|Hung"), F("秦", "Qin|Ch'in|Chun"),
    F("邱", "Qiu|Ch'iu|Yau"), F("江", "Jiang|Chiang|Kong"), F("尹", "Yin|Wan"),
    F("薛", "Xue|Hsueh|Sit"), F("闫", "Yan"), F("段", "Duan|Tuan"),
    F("雷", "Lei|Lui"), F("侯", "Hou|Hau"), F("龙", "Long|Lung"),
    F("史", "Shi|Shih|Sze"), F("陶", "Tao|T'ao"), F("黎", "Li|Lai"),
    F("贺", "He|Ho"), F("顾", "Gu|Ku|Koo"), F("毛", "Mao"), F("郝", "Hao"),
    F("龚", "Gong|Kung"), F("邵", "Shao"), F("万", "Wan|Man"), F("武", "Wu"),
    F("钱", "Qian|Ch'ien|Chin"), F("戴", "Dai|Tai"), F("严", "Yan|Yen|Yim"),
    F("欧阳", "Ouyang|Au-Yeung"), F("司马", "Sima|Szu-ma"),
};
/* Surnames reserved for the query pool: rare ones, and compound ones. */
static const struct frag zh_root_query[] = {
    F("缪", "Miao|Miu"), F("阚", "Kan|K'an"), F("蒯", "Kuai|K'uai"),
    F("笪", "Da|Ta"), F("郗", "Xi|Hsi"), F("訾", "Zi|Tzu"),
    F("诸葛", "Zhuge|Chu-ko"), F("公孙", "Gongsun|Kung-sun"),
    F("上官", "Shangguan|Shang-kuan"), F("东方", "Dongfang|Tung-fang"),
    F("皇甫", "Huangfu|Huang-fu"), F("宇文", "Yuwen|Yu-wen"),
    F("慕容", "Murong|Mu-jung"), F("令狐", "Linghu|Ling-hu"),
    F("尉迟", "Yuchi|Yu-ch'ih"), F("轩辕", "Xuanyuan|Hsuan-yuan"),
    F("端木", "Duanmu|Tuan-mu"), F("闻人", "Wenren|Wen-jen"),
    F("澹台", "Tantai|T'an-t'ai"), F("拓跋", "Tuoba|T'o-pa"),
    F("赫连", "Helian|Ho-lien"), F("呼延", "Huyan|Hu-yen"),
    F("南宫", "Nangong|Nan-kung"), F("申屠", "Shentu|Shen-t'u"),
    F("亓官", "Qiguan|Ch'i-kuan"), F("羊舌", "Yangshe|Yang-she"),
    F("禚", "Zhuo|Cho"), F("厍", "She"), F("佴", "Nai"), F("濮阳", "Puyang|P'u-yang"),
};
static const struct suffix empty_suf[] = {{"", "", NULL, NULL, 0}};
/* Characters for given names: pinyin|Wade-Giles; class 1 male, 2 female,
 * 3 either. */
static const struct frag zh_syl[] = {
    FC("伟", "Wei", 1), FC("芳", "Fang", 2), FC("娜", "Na", 2),
    FC("敏", "Min", 3), FC("静", "Jing|Ching", 2), FC("丽", "Li", 2),
    FC("强", "Qiang|Ch'iang", 1), FC("磊", "Lei", 1), FC("军", "Jun|Chün", 1),
    FC("洋", "Yang", 3), FC("勇", "Yong|Yung", 1), FC("艳", "Yan|Yen", 2),
    FC("杰", "Jie|Chieh", 1), FC("娟", "Juan|Chüan", 2), FC("涛", "Tao|T'ao", 1),
    FC("明", "Ming", 3), FC("超", "Chao|Ch'ao", 1), FC("秀", "Xiu|Hsiu", 2),
    FC("霞", "Xia|Hsia", 2), FC("平", "Ping|P'ing", 3), FC("刚", "Gang|Kang", 1),
    FC("桂", "Gui|Kuei", 2), FC("英", "Ying", 2), FC("华", "Hua", 3),
    FC("建", "Jian|Chien", 1), FC("国", "Guo|Kuo", 1), FC("文", "Wen", 3),
    FC("志", "Zhi|Chih", 1), FC("海", "Hai", 1), FC("林", "Lin", 3),
    FC("小", "Xiao|Hsiao", 3), FC("晓", "Xiao|Hsiao", 3), FC("红", "Hong|Hung", 2),
    FC("金", "Jin|Chin", 3), FC("玉", "Yu", 2), FC("春", "Chun|Ch'un", 3),
    FC("宇", "Yu", 1), FC("浩", "Hao", 1), FC("鹏", "Peng|P'eng", 1),
    FC("飞", "Fei", 1), FC("辉", "Hui", 1), FC("斌", "Bin|Pin", 1),
    FC("俊", "Jun|Chün", 1), FC("峰", "Feng", 1), FC("婷", "Ting|T'ing", 2),
    FC("雪", "Xue|Hsüeh", 2), FC("慧", "Hui", 2), FC("佳", "Jia|Chia", 3),
    FC("欣", "Xin|Hsin", 2), FC("梅", "Mei", 2), FC("琳", "Lin", 2),
    FC("颖", "Ying", 2), FC("倩", "Qian|Ch'ien", 2), FC("丹", "Dan|Tan", 2),
    FC("云", "Yun", 3), FC("荣", "Rong|Jung", 3), FC("德", "De|Te", 1),
    FC("成", "Cheng|Ch'eng", 1), FC("新", "Xin|Hsin", 3), FC("安", "An", 3),
    FC("东", "Dong|Tung", 1), FC("永", "Yong|Yung", 1), FC("庆", "Qing|Ch'ing", 3),
    FC("天", "Tian|T'ien", 1), FC("一", "Yi|I", 3), FC("子", "Zi|Tzu", 3),
    FC("嘉", "Jia|Chia", 3), FC("思", "Si|Ssu", 3), FC("泽", "Ze|Tse", 1),
    FC("博", "Bo|Po", 1), FC("雨", "Yu", 2), FC("晨", "Chen|Ch'en", 3),
    FC("凯", "Kai|K'ai", 1), FC("鑫", "Xin|Hsin", 1), FC("亮", "Liang", 1),
    FC("光", "Guang|Kuang", 1), FC("振", "Zhen|Chen", 1), FC("家", "Jia|Chia", 3),
    FC("世", "Shi|Shih", 1), FC("立", "Li", 3), FC("清", "Qing|Ch'ing", 3),
    FC("兰", "Lan", 2), FC("凤", "Feng", 2), FC("秋", "Qiu|Ch'iu", 2),
    FC("月", "Yue|Yüeh", 2), FC("翠", "Cui|Ts'ui", 2), FC("玲", "Ling", 2),
    FC("萍", "Ping|P'ing", 2), FC("燕", "Yan|Yen", 2), FC("琴", "Qin|Ch'in", 2),
    FC("莉", "Li", 2), FC("婉", "Wan", 2), FC("蓉", "Rong|Jung", 2),
    FC("洁", "Jie|Chieh", 2), FC("瑞", "Rui|Jui", 3), FC("达", "Da|Ta", 1),
    FC("宏", "Hong|Hung", 1), FC("伦", "Lun", 1), FC("毅", "Yi|I", 1),
    FC("彬", "Bin|Pin", 1), FC("昊", "Hao", 1), FC("轩", "Xuan|Hsüan", 1),
};
static const struct city zh_city[] = {
    {"cn", "北京", "Beijing|Peking"}, {"cn", "上海", "Shanghai"},
    {"cn", "广州", "Guangzhou|Canton"}, {"cn", "深圳", "Shenzhen"},
    {"cn", "成都", "Chengdu"}, {"cn", "武汉", "Wuhan"},
    {"cn", "福州", "Fuzhou|Foochow"}, {"tw", "台北", "Taipei|T'ai-pei"},
    {"tw", "高雄", "Kaohsiung"}, {"sg", "新加坡", "Singapore"},
    {"hk", "香港", "Hong Kong"},
};

/* -- Korean -- */
static const struct share ko_cc[] = {{"kr", 80}, {"kp", 20}};
static const struct frag ko_fam[] = {
    F("김", "Kim|Gim"), F("이", "Lee|Yi|Rhee|I"), F("박", "Park|Pak|Bak"),
    F("최", "Choi|Choe|Chey"), F("정", "Jung|Jeong|Chung|Chong"),
    F("강", "Kang|Gang"), F("조", "Cho|Jo"), F("윤", "Yoon|Yun"),
    F("장", "Jang|Chang"), F("임", "Lim|Im|Rim"), F("한", "Han"),
    F("오", "Oh|O"), F("서", "Seo|Suh|So"), F("신", "Shin|Sin"),
    F("권", "Kwon|Gwon"), F("황", "Hwang"), F("안", "Ahn|An"), F("송", "Song"),
    F("전", "Jeon|Jun|Chon"), F("홍", "Hong"), F("유", "Yoo|Yu|Ryu"),
    F("고", "Ko|Go"), F("문", "Moon|Mun"), F("양", "Yang|Ryang"),
    F("손", "Son|Sohn"), F("배", "Bae|Pae"), F("백", "Baek|Paek"),
    F("허", "Heo|Hur|Ho"), F("남", "Nam"), F("심", "Shim|Sim"),
    F("노", "Noh|No|Roh"), F("하", "Ha"), F("곽", "Kwak|Gwak"),
    F("성", "Sung|Seong"), F("차", "Cha"), F("주", "Joo|Ju|Chu"),
    F("우", "Woo|U"), F("구", "Koo|Gu|Ku"), F("민", "Min"), F("진", "Jin|Chin"),
    F("나", "Na|Ra"), F("지", "Ji|Chi"), F("엄", "Eom|Um|Uhm"), F("채", "Chae"),
    F("원", "Won"), F("천", "Cheon|Chun"), F("방", "Bang|Pang"),
    F("공", "Kong|Gong"), F("현", "Hyun|Hyeon"), F("함", "Ham"),
    F("변", "Byun|Byeon|Pyon"), F("염", "Yeom|Yum"), F("여", "Yeo|Yo|Ryeo"),
    F("추", "Choo|Chu"), F("도", "Do|To"), F("소", "So"), F("석", "Seok|Suk"),
    F("선", "Sun|Seon"), F("설", "Seol|Sul"), F("마", "Ma"), F("길", "Gil|Kil"),
    F("연", "Yeon|Yun"), F("위", "Wi|Wee"), F("표", "Pyo"),
    F("명", "Myung|Myeong"), F("기", "Ki|Gi"), F("반", "Ban|Pan"),
    F("왕", "Wang"), F("금", "Geum|Kum"), F("육", "Yuk|Yook"), F("인", "In"),
    F("맹", "Maeng"), F("제", "Je|Che"), F("모", "Mo"), F("국", "Kook|Guk"),
    F("은", "Eun|Un"), F("용", "Yong|Ryong"), F("남궁", "Namgung|Namkung"),
    F("황보", "Hwangbo|Hwangpo"), F("제갈", "Jegal|Chegal"),
    F("선우", "Sunwoo|Seonu"), F("독고", "Dokgo|Tokko"),
};
static const struct frag ko_root_query[] = {
    F("탁", "Tak|T'ak"), F("편", "Pyeon|Pyun"), F("봉", "Bong|Pong"),
    F("곡", "Gok|Kok"), F("묵", "Muk|Mook"), F("뇌", "Noe|Roe"),
    F("돈", "Don|Ton"), F("낭", "Nang"), F("견", "Gyeon|Kyon"),
    F("섭", "Seop|Sop"), F("애", "Ae"), F("엽", "Yeop|Yop"),
    F("팽", "Paeng"), F("빙", "Bing|Ping"), F("후", "Hu|Hoo"),
    F("삼", "Sam"), F("사공", "Sagong|Sakong"), F("서문", "Seomun|Somun"),
};
static const struct frag ko_syl[] = {
    FC("민", "Min", 3), FC("준", "Jun|Chun", 1), FC("서", "Seo|So", 3),
    FC("연", "Yeon|Yon", 2), FC("지", "Ji|Chi", 3), FC("현", "Hyun|Hyon", 3),
    FC("우", "Woo|U", 1), FC("수", "Su|Soo", 3), FC("영", "Young|Yong", 3),
    FC("진", "Jin|Chin", 3), FC("하", "Ha", 3), FC("은", "Eun|Un", 2),
    FC("호", "Ho", 1), FC("성", "Sung|Song", 1), FC("예", "Ye", 2),
    FC("재", "Jae|Chae", 1), FC("동", "Dong|Tong", 1), FC("혜", "Hye", 2),
    FC("상", "Sang", 1), FC("정", "Jung|Chong", 3), FC("윤", "Yoon|Yun", 3),
    FC("희", "Hee|Hui", 2), FC("경", "Kyung|Kyong", 3), FC("석", "Seok|Sok", 1),
    FC("훈", "Hoon|Hun", 1), FC("주", "Joo|Chu", 3), FC("태", "Tae|T'ae", 1),
    FC("원", "Won", 3), FC("철", "Chul|Ch'ol", 1), FC("미", "Mi", 2),
    FC("숙", "Sook|Suk", 2), FC("자", "Ja|Cha", 2), FC("혁", "Hyuk|Hyok", 1),
    FC("광", "Kwang", 1), FC("일", "Il", 1), FC("명", "Myung|Myong", 3),
    FC("승", "Seung|Sung", 1), FC("규", "Kyu|Gyu", 1), FC("소", "So", 2),
    FC("유", "Yoo|Yu", 3), FC("도", "Do|To", 1), FC("환", "Hwan", 1),
    FC("용", "Yong|Ryong", 1), FC("택", "Taek|T'aek", 1), FC("길", "Gil|Kil", 1),
    FC("선", "Sun|Son", 3), FC("남", "Nam", 1), FC("나", "Na", 2),
    FC("빈", "Bin|Pin", 3), FC("아", "Ah|A", 2), FC("라", "Ra|La", 2),
    FC("화", "Hwa", 2), FC("순", "Soon|Sun", 2), FC("옥", "Ok", 2),
    FC("란", "Ran|Lan", 2), FC("향", "Hyang", 2), FC("금", "Geum|Kum", 2),
    FC("국", "Kook|Kuk", 1), FC("기", "Ki|Gi", 1), FC("근", "Geun|Kun", 1),
    FC("범", "Beom|Pom", 1), FC("한", "Han", 1), FC("건", "Geon|Kon", 1),
};
static const struct city ko_city[] = {
    {"kr", "서울", "Seoul"}, {"kr", "부산", "Busan|Pusan"},
    {"kr", "인천", "Incheon|Inchon"}, {"kr", "대구", "Daegu|Taegu"},
    {"kr", "광주", "Gwangju|Kwangju"}, {"kp", "평양", "Pyongyang|P'yongyang"},
    {"kp", "함흥", "Hamhung|Hamheung"}, {"kp", "청진", "Chongjin|Cheongjin"},
};

/* -- Japanese -- */
static const struct share ja_cc[] = {{"jp", 100}};
static const struct gname ja_male[] = {
    G("太郎", "Tarō|Tarou"), G("健太", "Kenta"), G("翔太", "Shōta"),
    G("大輔", "Daisuke"), G("拓也", "Takuya"), G("健一", "Ken'ichi|Kenichi"),
    G("誠", "Makoto"), G("浩", "Hiroshi"), G("隆", "Takashi"),
    G("直樹", "Naoki"), G("和也", "Kazuya"), G("亮", "Ryō|Ryou"),
    G("悠斗", "Yūto|Yuuto"), G("蓮", "Ren"), G("大翔", "Hiroto"),
    G("陽太", "Yōta"), G("達也", "Tatsuya"), G("学", "Manabu"),
    G("修", "Osamu"), G("茂", "Shigeru"), G("清", "Kiyoshi"), G("勇", "Isamu"),
    G("剛", "Tsuyoshi|Takeshi"), G("一郎", "Ichirō|Ichirou"), G("健二", "Kenji"),
    G("正人", "Masato"), G("秀樹", "Hideki"), G("雄一", "Yūichi"),
    G("俊介", "Shunsuke"), G("翼", "Tsubasa"),
};
/* Parts of composed given names: class 1 male, 2 female. */
static const struct frag ja_first[] = {
    FC("健", "Ken", 1), FC("大", "Dai", 1), FC("翔", "Shō|Shou", 1),
    FC("拓", "Taku", 1), FC("浩", "Hiro", 1), FC("正", "Masa", 1),
    FC("雄", "Yū|Yuu", 1), FC("和", "Kazu", 3), FC("直", "Nao", 3),
    FC("秀", "Hide", 1), FC("達", "Tatsu", 1), FC("俊", "Shun", 1),
    FC("康", "Yasu", 1), FC("隆", "Taka", 1), FC("智", "Tomo", 3),
    FC("光", "Mitsu", 1), FC("勝", "Katsu", 1), FC("信", "Nobu", 1),
    FC("義", "Yoshi", 1), FC("武", "Take", 1), FC("幸", "Yuki", 1),
    FC("輝", "Teru", 1), FC("美", "Mi", 2), FC("恵", "Kei", 2),
    FC("由", "Yu", 2), FC("真", "Ma", 2), FC("裕", "Yū|Yuu", 2),
    FC("明", "Ake|Aki", 2), FC("陽", "Yō|You", 2), FC("千", "Chi", 2),
    FC("奈", "Na", 2), FC("彩", "Aya", 2), FC("早", "Sa", 2), FC("理", "Ri", 2),
    FC("紀", "Nori", 2), FC("久", "Hisa", 2), FC("幸", "Sachi", 2),
};
static const struct frag ja_second[] = {
    FC("太", "ta", 1), FC("一", "ichi", 1), FC("二", "ji", 1), FC("也", "ya", 1),
    FC("介", "suke", 1), FC("樹", "ki", 1), FC("人", "to", 1),
    FC("郎", "rō|ro|rou", 1), FC("斗", "to", 1), FC("司", "shi", 1),
    FC("夫", "o", 1), FC("彦", "hiko", 1), FC("治", "haru", 1),
    FC("平", "hei", 1), FC("吾", "go", 1), FC("志", "shi", 1),
    FC("子", "ko", 2), FC("美", "mi", 2), FC("恵", "e", 2), FC("香", "ka", 2),
    FC("代", "yo", 2), FC("江", "e", 2), FC("奈", "na", 2), FC("里", "ri", 2),
    FC("穂", "ho", 2), FC("菜", "na", 2), FC("希", "ki", 2), FC("乃", "no", 2),
    FC("佳", "ka", 2), FC("絵", "e", 2),
};
static const struct frag ja_female[] = {
    F("花子", "Hanako"), F("陽子", "Yōko|Youko"), F("恵子", "Keiko"),
    F("由美", "Yumi"), F("真由美", "Mayumi"), F("裕子", "Yūko|Yuuko"),
    F("美穂", "Miho"), F("愛", "Ai"), F("さくら", "Sakura"), F("結衣", "Yui"),
    F("陽菜", "Hina"), F("美咲", "Misaki"), F("葵", "Aoi"), F("明美", "Akemi"),
    F("久美子", "Kumiko"), F("直美", "Naomi"), F("智子", "Tomoko"),
    F("幸子", "Sachiko"), F("和子", "Kazuko"), F("千尋", "Chihiro"),
    F("舞", "Mai"), F("彩", "Aya"), F("香織", "Kaori"), F("奈々", "Nana"),
    F("麻衣", "Mai"),
};
static const struct frag ja_fam[] = {
    F("佐藤", "Satō|Satoh|Satou"), F("鈴木", "Suzuki"), F("高橋", "Takahashi"),
    F("田中", "Tanaka"), F("伊藤", "Itō|Itoh|Itou"), F("渡辺", "Watanabe"),
    F("山本", "Yamamoto"), F("中村", "Nakamura"), F("小林", "Kobayashi"),
    F("加藤", "Katō|Katoh"), F("吉田", "Yoshida"), F("山田", "Yamada"),
    F("佐々木", "Sasaki"), F("山口", "Yamaguchi"), F("松本", "Matsumoto"),
    F("井上", "Inoue"), F("木村", "Kimura"), F("林", "Hayashi"),
    F("斎藤", "Saitō|Saitoh"), F("清水", "Shimizu|Simizu"),
    F("山崎", "Yamazaki|Yamasaki"), F("森", "Mori"), F("池田", "Ikeda"),
    F("橋本", "Hashimoto"), F("阿部", "Abe"), F("石川", "Ishikawa"),
    F("山下", "Yamashita"), F("中島", "Nakajima|Nakashima"), F("石井", "Ishii"),
    F("小川", "Ogawa"), F("前田", "Maeda"), F("岡田", "Okada"),
    F("長谷川", "Hasegawa"), F("藤田", "Fujita|Huzita"), F("後藤", "Gotō|Gotoh"),
    F("近藤", "Kondō|Kondoh"), F("村上", "Murakami"), F("遠藤", "Endō|Endoh"),
    F("青木", "Aoki"), F("坂本", "Sakamoto"),
};
static const struct frag ja_root_list[] = {
    F("山", "Yama"), F("中", "Naka"), F("小", "Ko"), F("大", "Ō|O|Oh|Oo"),
    F("高", "Taka"), F("石", "Ishi"), F("松", "Matsu"), F("竹", "Take"),
    F("西", "Nishi"), F("東", "Higashi"), F("北", "Kita"), F("南", "Minami"),
    F("岡", "Oka"), F("藤", "Fuji|Huzi"), F("吉", "Yoshi"), F("長", "Naga"),
    F("新", "Nii|Shin"), F("今", "Ima"), F("宮", "Miya"), F("金", "Kane"),
    F("桜", "Sakura"), F("福", "Fuku|Huku"), F("平", "Hira"), F("久", "Ku"),
    F("秋", "Aki"), F("浅", "Asa"), F("市", "Ichi"), F("岩", "Iwa"),
    F("内", "Uchi"), F("上", "Ue|Kami"),
};
static const struct frag ja_root_query[] = {
    F("梶", "Kaji"), F("榊", "Sakaki"), F("鍋", "Nabe"), F("粟", "Awa"),
    F("鮫", "Same"), F("鷲", "Washi"), F("鶴", "Tsuru"), F("亀", "Kame"),
    F("猿", "Saru"), F("鹿", "Shika"), F("鳥", "Tori"), F("犬", "Inu"),
    F("牛", "Ushi"), F("柿", "Kaki"), F("梨", "Nashi"), F("桃", "Momo"),
    F("栗", "Kuri"), F("麦", "Mugi"), F("稲", "Ina"), F("菊", "Kiku"),
    F("萩", "Hagi"), F("芦", "Ashi"), F("荻", "Ogi"), F("蔵", "Kura"),
    F("堀", "Hori"), F("笹", "Sasa"), F("蓑", "Mino"), F("槙", "Maki"),
};
static const struct suffix ja_suf[] = {
    {"田", "da|ta", NULL, NULL, 0}, {"本", "moto", NULL, NULL, 0},
    {"川", "kawa|gawa", NULL, NULL, 0}, {"野", "no", NULL, NULL, 0},
    {"村", "mura", NULL, NULL, 0}, {"井", "i", NULL, NULL, 0},
    {"口", "guchi|kuchi", NULL, NULL, 0}, {"崎", "zaki|saki", NULL, NULL, 0},
    {"島", "shima|jima", NULL, NULL, 0}, {"山", "yama", NULL, NULL, 0},
    {"木", "ki|gi", NULL, NULL, 0}, {"原", "hara|wara", NULL, NULL, 0},
    {"沢", "zawa|sawa", NULL, NULL, 0}, {"谷", "tani|ya", NULL, NULL, 0},
    {"橋", "hashi|bashi", NULL, NULL, 0}, {"部", "be", NULL, NULL, 0},
    {"尾", "o", NULL, NULL, 0}, {"森", "mori", NULL, NULL, 0},
};
static const struct city ja_city[] = {
    {"jp", "東京", "Tōkyō|Tokyo"}, {"jp", "大阪", "Ōsaka|Osaka"},
    {"jp", "名古屋", "Nagoya"}, {"jp", "札幌", "Sapporo"},
    {"jp", "福岡", "Fukuoka"}, {"jp", "神戸", "Kōbe|Kobe"},
    {"jp", "京都", "Kyōto|Kyoto"},
};

/* -- Greek -- */
static const struct share el_cc[] = {{"gr", 85}, {"cy", 15}};
/* With the genitive that official documents give as the father's name. */
#define GG(n, l, g, gl) {n, l, g, gl, g, gl}
static const struct gname el_male[] = {
    GG("Γεώργιος", "Georgios|Giorgos|George|Yorgos", "Γεωργίου", "Georgiou"),
    GG("Δημήτριος", "Dimitrios|Dimitris|Demetrios", "Δημητρίου",
	"Dimitriou"),
    GG("Ιωάννης", "Ioannis|Giannis|Yiannis", "Ιωάννου", "Ioannou"),
    GG("Κωνσταντίνος", "Konstantinos|Kostas|Constantinos", "Κωνσταντίνου",
	"Konstantinou"),
    GG("Νικόλαος", "Nikolaos|Nikos|Nicholas", "Νικολάου", "Nikolaou"),
    GG("Παναγιώτης", "Panagiotis|Panayiotis|Panos", "Παναγιώτη",
	"Panagioti|Panayioti"),
    GG("Βασίλειος", "Vasileios|Vasilis|Vassilios", "Βασιλείου",
	"Vasileiou|Vasiliou"),
    GG("Χρήστος", "Christos|Hristos", "Χρήστου", "Christou|Hristou"),
    GG("Αθανάσιος", "Athanasios|Thanasis", "Αθανασίου", "Athanasiou"),
    GG("Μιχαήλ", "Michail|Michalis|Michael", "Μιχαήλ", "Michail"),
    GG("Ευάγγελος", "Evangelos|Vangelis", "Ευαγγέλου", "Evangelou"),
    GG("Σπυρίδων", "Spyridon|Spyros", "Σπυρίδωνος", "Spyridonos"),
    GG("Αντώνιος", "Antonios|Antonis", "Αντωνίου", "Antoniou"),
    GG("Ανδρέας", "Andreas", "Ανδρέα", "Andrea"),
    GG("Θεόδωρος", "Theodoros|Thodoris", "Θεοδώρου", "Theodorou"),
    GG("Εμμανουήλ", "Emmanouil|Manolis", "Εμμανουήλ", "Emmanouil"),
    GG("Ηλίας", "Ilias|Elias", "Ηλία", "Ilia"),
    GG("Στυλιανός", "Stylianos|Stelios", "Στυλιανού", "Stylianou"),
    GG("Αλέξανδρος", "Alexandros", "Αλεξάνδρου", "Alexandrou"),
    GG("Πέτρος", "Petros", "Πέτρου", "Petrou"),
    GG("Σταύρος", "Stavros", "Σταύρου", "Stavrou"),
    GG("Άγγελος", "Angelos|Aggelos", "Αγγέλου", "Angelou|Aggelou"),
    GG("Διονύσιος", "Dionysios|Dionisios", "Διονυσίου", "Dionysiou"),
    GG("Γρηγόριος", "Grigorios|Gregorios", "Γρηγορίου", "Grigoriou"),
    GG("Λάμπρος", "Lampros|Lambros", "Λάμπρου", "Lamprou|Lambrou"),
    GG("Ευστάθιος", "Efstathios|Stathis", "Ευσταθίου", "Efstathiou"),
    GG("Κυριάκος", "Kyriakos|Kiriakos", "Κυριάκου", "Kyriakou"),
    GG("Απόστολος", "Apostolos", "Αποστόλου", "Apostolou"),
};
static const struct frag el_female[] = {
    F("Μαρία", "Maria"), F("Ελένη", "Eleni|Helen"),
    F("Αικατερίνη", "Aikaterini|Ekaterini|Katerina"), F("Βασιλική", "Vasiliki"),
    F("Σοφία", "Sofia|Sophia"), F("Αγγελική", "Angeliki|Aggeliki"),
    F("Γεωργία", "Georgia"), F("Δήμητρα", "Dimitra"),
    F("Κωνσταντίνα", "Konstantina"), F("Παρασκευή", "Paraskevi"),
    F("Ευαγγελία", "Evangelia"), F("Ειρήνη", "Eirini|Irini|Irene"),
    F("Χριστίνα", "Christina|Hristina"), F("Αναστασία", "Anastasia"),
    F("Ιωάννα", "Ioanna"), F("Δέσποινα", "Despoina|Despina"),
    F("Θεοδώρα", "Theodora"), F("Αθηνά", "Athina|Athena"),
    F("Φωτεινή", "Foteini|Fotini"), F("Ευτυχία", "Eftychia|Eftihia"),
};
static const struct frag el_root_list[] = {
    F("Παπαδ", "Papad"), F("Νικολ", "Nikol"), F("Γεωργ", "Georg|Yeorg"),
    F("Δημητρ", "Dimitr"), F("Κωνσταντιν", "Konstantin|Constantin"),
    F("Αθανασ", "Athanas"), F("Χριστ", "Christ|Hrist"), F("Βασιλ", "Vasil|Vassil"),
    F("Ιωανν", "Ioann"), F("Αντων", "Anton"), F("Μιχαλ", "Michal|Mihal"),
    F("Σταυρ", "Stavr"), F("Πετρ", "Petr"), F("Ανδρε", "Andre"),
    F("Θεοδωρ", "Theodor"), F("Καραγιανν", "Karagiann|Karayann"),
    F("Καραμαν", "Karaman"), F("Οικονομ", "Oikonom|Ikonom"),
    F("Λαμπρ", "Lampr|Lambr"), F("Σπυρ", "Spyr|Spir"), F("Αλεξ", "Alex"),
    F("Μαυρ", "Mavr"), F("Κυριακ", "Kyriak|Kiriak"), F("Ευαγγελ", "Evangel"),
    F("Παναγ", "Panag|Panay"), F("Τσακ", "Tsak"), F("Ζαχαρ", "Zachar|Zahar"),
    F("Φωτ", "Fot"), F("Ηλι", "Ili"), F("Μανωλ", "Manol"),
    F("Στεφαν", "Stefan|Stephan"), F("Γιαννακ", "Giannak|Yannak"),
    F("Αργυρ", "Argyr|Argir"), F("Βλαστ", "Vlast"), F("Γκιν", "Gin|Gkin"),
    F("Δρακ", "Drak"), F("Καλαμ", "Kalam"), F("Κατσ", "Kats"),
    F("Λυμπερ", "Lymper|Limber"), F("Μαργαρ", "Margar"), F("Μελετ", "Melet"),
    F("Μπαλτ", "Balt|Mpalt"), F("Ναστ", "Nast"), F("Ξανθ", "Xanth"),
    F("Παπαγεωργ", "Papageorg"), F("Παπανικολ", "Papanikol"),
    F("Ραφτ", "Raft"), F("Σαραντ", "Sarant"), F("Σιδηρ", "Sidir"),
    F("Τζαννετ", "Tzannet"), F("Τριανταφυλλ", "Triantafyll"),
    F("Χαραλαμπ", "Charalamp|Haralamb"), F("Χριστοδουλ", "Christodoul"),
    F("Ψυχογ", "Psychog"),
};
static const struct frag el_root_query[] = {
    F("Ξεν", "Xen"), F("Ψαρ", "Psar"), F("Φλωρ", "Flor"), F("Μπουρ", "Bour|Mpour"),
    F("Ντουλ", "Doul|Ntoul"), F("Τζαν", "Tzan|Dzan"), F("Χατζ", "Chatz|Hatz"),
    F("Κουτσ", "Kouts"), F("Ρουσ", "Rous"), F("Σκορδ", "Skord"),
    F("Γαλαν", "Galan"), F("Βλαχ", "Vlach|Vlah"), F("Λιακ", "Liak"),
    F("Καλογερ", "Kaloger"), F("Τρυπ", "Tryp|Trip"), F("Κολοκυθ", "Kolokyth"),
};
static const struct suffix el_suf[] = {
    {"όπουλος", "opoulos", "οπούλου", "opoulou", 0},
    {"άκης", "akis", "άκη", "aki", 0},
    {"ίδης", "idis|ides", "ίδου", "idou", 0},
    {"άτος", "atos", "άτου", "atou", 0},
    {"ίου", "iou", NULL, NULL, 0},
    {"έλλης", "ellis|elis", "έλλη", "elli", 0},
    {"ούδης", "oudis", "ούδη", "oudi", 0},
};
static const struct city el_city[] = {
    {"gr", "Αθήνα", "Athina|Athens"}, {"gr", "Θεσσαλονίκη", "Thessaloniki"},
    {"gr", "Πάτρα", "Patra|Patras"}, {"gr", "Ηράκλειο", "Irakleio|Heraklion"},
    {"cy", "Λευκωσία", "Lefkosia|Nicosia"}, {"cy", "Λεμεσός", "Lemesos|Limassol"},
};

/* -- Hebrew -- */
static const struct share he_cc[] = {{"il", 100}};
static const struct gname he_male[] = {
    G("דוד", "David"), G("משה", "Moshe|Moishe"), G("יוסף", "Yosef|Yossi|Joseph"),
    G("אברהם", "Avraham|Abraham"), G("יצחק", "Yitzhak|Itzhak|Isaac"),
    G("יעקב", "Yaakov|Yaacov|Jacob"), G("שמואל", "Shmuel|Samuel"),
    G("דניאל", "Daniel"), G("מיכאל", "Michael|Mikhael"), G("אריאל", "Ariel"),
    G("איתי", "Itai|Itay"), G("נועם", "Noam"), G("עומר", "Omer"),
    G("יונתן", "Yonatan|Jonathan"), G("אליהו", "Eliyahu|Eliahu"),
    G("אורי", "Uri|Ori"), G("עידו", "Ido|Iddo"), G("רון", "Ron"), G("גיל", "Gil"),
    G("אבי", "Avi"), G("חיים", "Haim|Chaim|Hayim"), G("מאיר", "Meir"),
    G("שלמה", "Shlomo"), G("בנימין", "Binyamin|Benjamin"),
    G("אהרון", "Aharon|Aaron"), G("עמית", "Amit"), G("רפאל", "Refael|Raphael"),
    G("נתן", "Natan|Nathan"), G("אלון", "Alon"), G("ערן", "Eran"),
};
static const struct frag he_female[] = {
    F("שרה", "Sara|Sarah"), F("רחל", "Rachel|Rahel"), F("לאה", "Leah|Lea"),
    F("רבקה", "Rivka|Rebecca"), F("מיכל", "Michal"), F("נועה", "Noa"),
    F("תמר", "Tamar"), F("יעל", "Yael"), F("שירה", "Shira"),
    F("מאיה", "Maya|Maia"), F("אסתר", "Esther|Ester"), F("חנה", "Hana|Chana|Hannah"),
    F("רות", "Ruth|Rut"), F("אורית", "Orit"), F("דנה", "Dana"), F("ליאת", "Liat"),
    F("הילה", "Hila"), F("אביגיל", "Avigail|Abigail"), F("טל", "Tal"),
    F("אפרת", "Efrat|Ephrat"),
};
static const struct frag he_fam[] = {
    F("כהן", "Cohen|Kohen|Kahn"), F("לוי", "Levi|Levy"),
    F("מזרחי", "Mizrahi|Mizrachi"), F("פרץ", "Peretz|Perez"),
    F("ביטון", "Biton|Bitton"), F("דהן", "Dahan"), F("אברהם", "Avraham|Abraham"),
    F("פרידמן", "Friedman|Fridman"), F("אזולאי", "Azoulay|Azulai"),
    F("מלכה", "Malka"), F("אוחיון", "Ohayon"), F("חדד", "Hadad|Haddad"),
    F("גבאי", "Gabay|Gabbai"), F("יוסף", "Yosef"), F("אשכנזי", "Ashkenazi"),
    F("שפירא", "Shapira|Shapiro"), F("קליין", "Klein"), F("ויס", "Weiss|Vais"),
    F("רוזנברג", "Rosenberg"), F("שטרן", "Stern|Shtern"), F("כץ", "Katz|Kats"),
    F("סגל", "Segal|Segall"), F("גולן", "Golan"), F("בן דוד", "Ben David|Ben-David"),
    F("בן חיים", "Ben Haim|Ben-Haim"), F("אדלר", "Adler"), F("ברק", "Barak"),
    F("בן עמי", "Ben Ami|Ben-Ami"), F("בר לב", "Bar Lev|Bar-Lev"),
    F("בן צבי", "Ben Zvi|Ben-Zvi"), F("בר און", "Bar On|Bar-On"),
    F("בן שושן", "Ben Shoshan|Ben-Shushan"), F("בן שמעון", "Ben Shimon"),
    F("אלמוג", "Almog"), F("שמעוני", "Shimoni"), F("אבוטבול", "Abutbul"),
    F("אמסלם", "Amsalem"), F("אוחנה", "Ohana"), F("אלבז", "Elbaz"),
    F("טל", "Tal"), F("לנדאו", "Landau"), F("הורוביץ", "Horowitz|Hurvitz"),
    F("רבינוביץ", "Rabinovich|Rabinowitz"), F("קפלן", "Kaplan"),
    F("זכאי", "Zakai"), F("נחום", "Nahum"), F("שרעבי", "Sharabi"),
};
/* Stems keep medial letter forms: a suffix always follows them. */
static const struct frag he_root_list[] = {
    F("גולד", "Gold"), F("זילבר", "Silber|Zilber"), F("רוזנ", "Rosen"),
    F("ויינ", "Wein|Vein"), F("בלומ", "Blum"), F("אייזנ", "Eisen|Aizen"),
    F("גרינ", "Green|Grin"), F("שוורצ", "Schwartz|Shvarts"),
    F("הירש", "Hirsch|Hirsh"), F("ליכט", "Licht|Likht"), F("שיינ", "Schein|Shein"),
    F("לנד", "Land"), F("פרידל", "Friedl"), F("גוטמ", "Gutm"),
    F("אורנ", "Oren"), F("ברנ", "Bern|Bren"), F("וולפ", "Wolf|Volf"),
    F("גרוס", "Gross|Gros"), F("הופ", "Hoff|Hof"), F("זוננ", "Sonnen"),
    F("לוונ", "Lowen|Leven"), F("מילר", "Miller|Miler"), F("נוי", "Neu|Noy"),
    F("פלד", "Feld"), F("קרויז", "Kreuz|Kroyz"), F("שטרנ", "Stern|Shtern"),
    F("עמית", "Amit"), F("ספיר", "Sapir"),
};
static const struct frag he_root_query[] = {
    F("קופר", "Kupfer|Kuper"), F("מנדל", "Mandel"), F("פינק", "Fink"),
    F("רוט", "Roth|Rot"), F("שפיל", "Spiel|Shpil"), F("הולצ", "Holz|Holts"),
    F("אפל", "Apfel|Apel"), F("טננ", "Tannen|Tanen"), F("לבנ", "Leben|Leven"),
    F("קירש", "Kirsch|Kirsh"), F("מרגול", "Margol"), F("צוקר", "Zucker|Tsuker"),
};
static const struct suffix he_suf[] = {
    {"ברג", "berg|burg", NULL, NULL, 0}, {"שטיין", "stein|shtein", NULL, NULL, 0},
    {"מן", "man|mann", NULL, NULL, 0}, {"פלד", "feld", NULL, NULL, 0},
    {"באום", "baum|boim", NULL, NULL, 0}, {"טל", "thal|tal", NULL, NULL, 0},
    {"בלט", "blatt|blat", NULL, NULL, 0},
};
static const struct city he_city[] = {
    {"il", "ירושלים", "Yerushalayim|Jerusalem"}, {"il", "תל אביב", "Tel Aviv"},
    {"il", "חיפה", "Haifa|Hefa"}, {"il", "באר שבע", "Beersheba|Be'er Sheva"},
    {"il", "נתניה", "Netanya"}, {"il", "אשדוד", "Ashdod"},
};

/* -- Persian -- */
static const struct share fa_cc[] = {{"ir", 80}, {"af", 20}};
static const struct gname fa_male[] = {
    G("محمد", "Mohammad|Mohamad|Muhammad"), G("علی", "Ali"),
    G("حسین", "Hossein|Hosein|Hussein"), G("رضا", "Reza"), G("مهدی", "Mehdi|Mahdi"),
    G("امیر", "Amir"), G("حسن", "Hassan|Hasan"), G("ابوالفضل", "Abolfazl"),
    G("محمدرضا", "Mohammadreza|Mohammad Reza"), G("علیرضا", "Alireza"),
    G("سعید", "Saeed|Said"), G("مجید", "Majid"), G("مسعود", "Masoud|Masood"),
    G("جواد", "Javad"), G("احمد", "Ahmad"), G("مرتضی", "Morteza|Mortaza"),
    G("مصطفی", "Mostafa|Mustafa"), G("حمید", "Hamid"),
    G("داوود", "Davood|Davoud|Dawood"), G("بهروز", "Behrouz|Behruz"),
    G("فرهاد", "Farhad"), G("کامران", "Kamran"), G("پرویز", "Parviz"),
    G("داریوش", "Dariush|Daryoush"), G("بابک", "Babak"),
    G("سیاوش", "Siavash|Siyavash"), G("کوروش", "Kourosh|Kurosh"),
    G("اکبر", "Akbar"), G("اصغر", "Asghar"), G("ناصر", "Naser|Nasser"),
};
static const struct frag fa_female[] = {
    F("فاطمه", "Fatemeh|Fatima"), F("زهرا", "Zahra"), F("مریم", "Maryam"),
    F("زینب", "Zeinab|Zaynab"), F("معصومه", "Masoumeh|Masumeh"), F("سارا", "Sara"),
    F("نرگس", "Narges"), F("لیلا", "Leila|Layla"), F("شیرین", "Shirin"),
    F("پریسا", "Parisa"), F("مینا", "Mina"), F("نازنین", "Nazanin"),
    F("سمیرا", "Samira"), F("الهام", "Elham"), F("نسرین", "Nasrin"),
    F("فرشته", "Fereshteh"), F("مهسا", "Mahsa"), F("آزاده", "Azadeh"),
    F("سحر", "Sahar"), F("طاهره", "Tahereh"),
};
static const struct frag fa_fam[] = {
    F("محمدی", "Mohammadi"), F("حسینی", "Hosseini|Husseini"),
    F("احمدی", "Ahmadi"), F("رضایی", "Rezaei|Rezaee|Rezai"),
    F("موسوی", "Mousavi|Musavi|Moussavi"), F("جعفری", "Jafari"),
    F("کریمی", "Karimi"), F("رحیمی", "Rahimi"), F("کاظمی", "Kazemi"),
    F("هاشمی", "Hashemi"), F("قاسمی", "Ghasemi|Qasemi"),
    F("صادقی", "Sadeghi|Sadeqi"), F("عباسی", "Abbasi"), F("نوری", "Nouri|Noori"),
    F("طاهری", "Taheri"), F("رحمانی", "Rahmani"), F("مرادی", "Moradi"),
    F("سلطانی", "Soltani"), F("نجفی", "Najafi"), F("اکبری", "Akbari"),
    F("امیری", "Amiri"), F("شریفی", "Sharifi"), F("یزدانی", "Yazdani"),
    F("زارعی", "Zarei|Zareie"), F("میرزایی", "Mirzaei|Mirzai"),
    F("قربانی", "Ghorbani|Qorbani"), F("فرهادی", "Farhadi"),
    F("بهرامی", "Bahrami"), F("احمدی‌نژاد", "Ahmadinejad|Ahmadinezhad"),
};
static const struct frag fa_root_list[] = {
    F("حسین", "Hossein|Hosein"), F("احمد", "Ahmad"), F("کریم", "Karim"),
    F("رحیم", "Rahim"), F("جعفر", "Jafar"), F("قاسم", "Ghasem|Qasem"),
    F("صادق", "Sadegh|Sadeq"), F("عباس", "Abbas"), F("طاهر", "Taher"),
    F("اکبر", "Akbar"), F("امین", "Amin"), F("نصیر", "Nasir|Nassir"),
    F("بهرام", "Bahram"), F("فرهاد", "Farhad"), F("منصور", "Mansour|Mansur"),
    F("شریف", "Sharif"), F("یزدان", "Yazdan"), F("نظر", "Nazar"),
    F("سلیمان", "Soleiman|Soleyman"), F("یوسف", "Yousef|Yusef"),
    F("ابراهیم", "Ebrahim|Ibrahim"), F("اسماعیل", "Esmail|Ismail"),
    F("حیدر", "Heidar|Haidar"), F("نعمت", "Nemat"), F("مهر", "Mehr"),
    F("آذر", "Azar"), F("اسد", "Asad"), F("باقر", "Bagher|Baqer"),
    F("جلال", "Jalal"), F("کمال", "Kamal"), F("قربان", "Ghorban|Qorban"),
    F("نور", "Nour|Noor"), F("شیر", "Shir"), F("کاظم", "Kazem|Kazim"),
    F("هاشم", "Hashem|Hashim"),
};
static const struct frag fa_root_query[] = {
    F("تورج", "Touraj|Turaj"), F("ارژنگ", "Arzhang|Arjang"),
    F("فریبرز", "Fariborz"), F("سهراب", "Sohrab"), F("رستم", "Rostam|Rustam"),
    F("گودرز", "Goudarz|Gudarz"), F("اردشیر", "Ardeshir|Ardashir"),
    F("منوچهر", "Manouchehr|Manuchehr"), F("بیژن", "Bijan|Bizhan"),
    F("نادر", "Nader|Nadir"), F("افشین", "Afshin"), F("شاپور", "Shapour|Shapur"),
    F("کیومرث", "Kiumars|Kiomars"), F("جمشید", "Jamshid"),
    F("فریدون", "Fereydoun|Fereidoon"), F("هوشنگ", "Houshang|Hushang"),
};
static const struct frag fa_pre[] = {
    F("میر", "Mir|Mir-"), F("حاج\u200c", "Haj-|Haj|Hadj-"),
    F("سید", "Seyed|Seyed-|Sayed"), F("آقا", "Agha|Aqa"),
    F("ملا", "Molla|Mulla"), F("مشهدی\u200c", "Mashhadi-|Mashhadi"),
    F("کربلایی\u200c", "Karbalaei-|Karbalai"), F("امام", "Emam|Imam"),
    F("پیر", "Pir"), F("شاه", "Shah"), F("نیک", "Nik"),
    F("شیخ\u200c", "Sheikh-|Sheykh"),
};
static const struct suffix fa_suf[] = {
    {"ی", "i", NULL, NULL, 0}, {"\u200cزاده", "zadeh|zade", NULL, NULL, 0},
    {"\u200cپور", "pour|pur", NULL, NULL, 0},
    {"\u200cنژاد", "nejad|nezhad", NULL, NULL, 0},
    {"یان", "ian|yan", NULL, NULL, 0}, {"\u200cفر", "far", NULL, NULL, 0},
    {"لو", "lou|loo", NULL, NULL, 0},
};
static const struct city fa_city[] = {
    {"ir", "تهران", "Tehran|Teheran"}, {"ir", "مشهد", "Mashhad|Meshed"},
    {"ir", "اصفهان", "Esfahan|Isfahan"}, {"ir", "شیراز", "Shiraz"},
    {"ir", "تبریز", "Tabriz"}, {"af", "کابل", "Kabul"}, {"af", "هرات", "Herat"},
    {"af", "مزار شریف", "Mazar-i-Sharif|Mazar-e Sharif"},
};

/* -- Urdu (Pakistan) -- */
static const struct share ur_cc[] = {{"pk", 100}};
static const struct gname ur_male[] = {
    G("محمد", "Muhammad|Mohammad|Mohammed"), G("احمد", "Ahmed|Ahmad"),
    G("علی", "Ali"), G("عمران", "Imran"), G("عثمان", "Usman|Osman"),
    G("بلال", "Bilal"), G("حسن", "Hassan|Hasan"), G("حسین", "Hussain|Hussein"),
    G("عمر", "Umar|Omar"), G("فیصل", "Faisal"), G("کامران", "Kamran"),
    G("عرفان", "Irfan"), G("آصف", "Asif"), G("طارق", "Tariq"),
    G("شاہد", "Shahid"), G("زاہد", "Zahid"), G("خالد", "Khalid"),
    G("نعمان", "Nauman|Noman"), G("وقاص", "Waqas"), G("عادل", "Adil"),
    G("سلمان", "Salman"), G("فہد", "Fahad"), G("ندیم", "Nadeem|Nadim"),
    G("راشد", "Rashid"), G("اسد", "Asad"), G("جاوید", "Javed|Javaid"),
    G("پرویز", "Pervez|Parvez"), G("نواز", "Nawaz"), G("شہباز", "Shahbaz"),
    G("اعجاز", "Ijaz|Aijaz"),
};
static const struct frag ur_female[] = {
    F("فاطمہ", "Fatima"), F("عائشہ", "Ayesha|Aisha"), F("زینب", "Zainab"),
    F("مریم", "Maryam"), F("صائمہ", "Saima"), F("نادیہ", "Nadia"),
    F("ثمینہ", "Samina"), F("شازیہ", "Shazia"), F("رابعہ", "Rabia"),
    F("کرن", "Kiran"), F("نازیہ", "Nazia"), F("حنا", "Hina"), F("سدرہ", "Sidra"),
    F("ماریہ", "Maria"), F("عظمیٰ", "Uzma"), F("بشریٰ", "Bushra"),
    F("آمنہ", "Amna"), F("فرحانہ", "Farhana"), F("روبینہ", "Robina|Rubina"),
    F("شمیم", "Shamim"),
};
static const struct frag ur_fam[] = {
    F("خان", "Khan"), F("ملک", "Malik"), F("قریشی", "Qureshi|Quraishi|Koreshi"),
    F("چودھری", "Chaudhry|Chaudhary|Choudhry"), F("بٹ", "Butt|Bhat"),
    F("شیخ", "Sheikh|Shaikh"), F("اعوان", "Awan"), F("راجہ", "Raja"),
    F("مرزا", "Mirza"), F("صدیقی", "Siddiqui|Siddiqi"), F("انصاری", "Ansari"),
    F("بھٹی", "Bhatti"), F("گوندل", "Gondal"), F("ستی", "Satti"),
    F("عباسی", "Abbasi"), F("شاہ", "Shah"), F("گیلانی", "Gillani|Gilani"),
    F("نقوی", "Naqvi"), F("رضوی", "Rizvi"), F("زیدی", "Zaidi"),
    F("ہاشمی", "Hashmi"), F("آفریدی", "Afridi"), F("وزیر", "Wazir"),
    F("یوسفزئی", "Yousafzai|Yusufzai"),
};
static const struct frag ur_root_list[] = {
    F("احمد", "Ahmad"), F("یوسف", "Yousaf|Yusuf"), F("محمد", "Mohammad"),
    F("پوپل", "Popal"), F("اسحاق", "Ishaq"), F("علی", "Ali"),
    F("نور", "Noor|Nur"), F("بارک", "Barak"), F("اچک", "Achak"),
    F("کاکڑ", "Kakar"), F("در", "Durr|Dur"), F("سلطان", "Sultan"),
    F("لغار", "Leghar|Laghar"), F("مزار", "Mazar"), F("بگٹ", "Bugt"),
    F("مر", "Marr"), F("جمال", "Jamal"), F("رند", "Rind"),
    F("لودھ", "Lodh"), F("سوم", "Soom|Som"), F("ہوت", "Hot"),
    F("کھوس", "Khos"), F("ڈاہ", "Dah"), F("جتو", "Jato"), F("بھٹ", "Bhutt"),
    F("چیم", "Cheem"), F("گھمن", "Ghumman"), F("وڑائچ", "Warraich"),
    F("سندھ", "Sandh|Sindh"), F("ورک", "Virk"), F("باجو", "Bajw"),
    F("ٹوان", "Tiwan"), F("نون", "Noon"), F("کھر", "Khar"),
    F("مخدوم", "Makhdoom"), F("قیصر", "Qaisar|Kaiser"),
    F("منگل", "Mengal"), F("رئیس", "Raees|Rais"), F("کیان", "Kayan|Kiyan"),
    F("درانی", "Durran"), F("ہاشم", "Hashm"), F("بابر", "Babar"),
    F("غور", "Ghaur|Ghor"), F("سدوز", "Sadoz"), F("ناصر", "Nasir"),
    F("کھٹ", "Khatt"), F("شیر", "Sher"), F("اختر", "Akhtar"),
    F("لاشار", "Lashar"), F("رحمان", "Rehman|Rahman"), F("سرور", "Sarwar"),
    F("خلیل", "Khalil"), F("میمن", "Memon"), F("چانڈ", "Chand"),
};
static const struct frag ur_root_query[] = {
    F("خٹک", "Khattak"), F("مروت", "Marwat"), F("داوڑ", "Dawar|Dawer"),
    F("وردک", "Wardak"), F("ترین", "Tarin|Tareen"), F("مہمند", "Mohmand|Momand"),
    F("شینوار", "Shinwar"), F("بنگش", "Bangash"), F("اورکز", "Orakz"),
    F("تنول", "Tanol|Tanaul"), F("کنڈ", "Kund|Kundi"), F("گنڈاپور", "Gandapur"),
};
static const struct suffix ur_suf[] = {
    {"زئی", "zai|zay", NULL, NULL, 0}, {"ی", "i", NULL, NULL, 0},
    {"انی", "ani", NULL, NULL, 0}, {"ہ", "a", NULL, NULL, 0},
    {"وال", "wal", NULL, NULL, 0}, {"انہ", "ana", NULL, NULL, 0},
};
static const struct city ur_city[] = {
    {"pk", "کراچی", "Karachi"}, {"pk", "لاہور", "Lahore"},
    {"pk", "فیصل آباد", "Faisalabad"}, {"pk", "راولپنڈی", "Rawalpindi"},
    {"pk", "پشاور", "Peshawar"}, {"pk", "کوئٹہ", "Quetta"},
    {"pk", "ملتان", "Multan"},
};

/* -- Turkish -- */
static const struct share tr_cc[] = {{"tr", 100}};
static const struct gname tr_male[] = {
    G("Mehmet", "Mehmed"), G("Mustafa", NULL), G("Ahmet", "Ahmed"),
    G("Ali", NULL), G("Hüseyin", NULL), G("Hasan", NULL), G("İbrahim", NULL),
    G("İsmail", NULL), G("Osman", NULL), G("Yusuf", NULL), G("Murat", NULL),
    G("Ömer", NULL), G("Ramazan", NULL), G("Halil", NULL), G("Süleyman", NULL),
    G("Abdullah", NULL), G("Mahmut", NULL), G("Salih", NULL), G("Kemal", NULL),
    G("Recep", NULL), G("Emre", NULL), G("Burak", NULL), G("Serkan", NULL),
    G("Fatih", NULL), G("Hakan", NULL), G("Cem", NULL), G("Oğuz", NULL),
    G("Barış", NULL), G("Erdem", NULL), G("Tolga", NULL), G("Volkan", NULL),
};
static const struct frag tr_female[] = {
    L("Fatma"), L("Ayşe"), L("Emine"), L("Hatice"), L("Zeynep"), L("Elif"),
    L("Meryem"), L("Şerife"), L("Zehra"), L("Sultan"), L("Hanife"), L("Merve"),
    L("Özlem"), L("Esra"), L("Gül"), L("Derya"), L("Büşra"), L("Selin"),
    L("Ebru"), L("Aslı"), L("Yasemin"), L("Dilek"), L("Tuğba"),
};
static const struct frag tr_fam[] = {
    L("Yılmaz"), L("Kaya"), L("Demir"), L("Şahin"), L("Çelik"), L("Yıldız"),
    L("Yıldırım"), L("Öztürk"), L("Aydın"), L("Özdemir"), L("Arslan"),
    L("Doğan"), L("Kılıç"), L("Aslan"), L("Çetin"), L("Kara"), L("Koç"),
    L("Kurt"), L("Özkan"), L("Şimşek"), L("Polat"), L("Korkmaz"),
    L("Karataş"), L("Erdoğan"), L("Güneş"),
};
static const struct frag tr_root_list[] = {
    L("Öz"), L("Kara"), L("Ak"), L("Gök"), L("Er"), L("Ay"), L("Al"),
    L("Kal"), L("Bay"), L("Tek"), L("Şen"), L("Uy"), L("Çak"), L("Sarı"),
    L("Tan"), L("Us"), L("Taş"), L("Yurt"), L("Gül"), L("Bil"), L("Çağ"),
    L("Dem"), L("Ekin"), L("Gen"), L("Il"), L("Kor"), L("Oy"), L("Ser"),
    L("Yıl"), L("Dağ"), L("Ata"), L("Bal"), L("Can"), L("Demir"), L("Er"),
    L("Gün"), L("Han"), L("İl"), L("Karaca"), L("Kızıl"), L("Orhan"),
    L("Sevim"), L("Toprak"), L("Uz"), L("Yücel"),
};
static const struct frag tr_root_query[] = {
    L("Çil"), L("Dur"), L("Gür"), L("İnce"), L("Kök"), L("Mor"), L("Nur"),
    L("Pek"), L("Sağ"), L("Tuz"), L("Ulu"), L("Yaz"), L("Zor"), L("Boz"),
};
static const struct suffix tr_suf[] = {
    {"türk", NULL, NULL, NULL, 0}, {"demir", NULL, NULL, NULL, 0},
    {"kan", NULL, NULL, NULL, 0}, {"can", NULL, NULL, NULL, 0},
    {"soy", NULL, NULL, NULL, 0}, {"han", NULL, NULL, NULL, 0},
    {"taş", NULL, NULL, NULL, 0}, {"dağ", NULL, NULL, NULL, 0},
    {"yol", NULL, NULL, NULL, 0}, {"gün", NULL, NULL, NULL, 0},
    {"oğlu", NULL, NULL, NULL, 0}, {"el", NULL, NULL, NULL, 0},
    {"alp", NULL, NULL, NULL, 0}, {"kaya", NULL, NULL, NULL, 0},
    {"tepe", NULL, NULL, NULL, 0}, {"su", NULL, NULL, NULL, 0},
    {"yiğit", NULL, NULL, NULL, 0}, {"bulut", NULL, NULL, NULL, 0},
    {"er", NULL, NULL, NULL, 0}, {"men", NULL, NULL, NULL, 0},
    {"ay", NULL, NULL, NULL, 0}, {"baş", NULL, NULL, NULL, 0},
    {"göz", NULL, NULL, NULL, 0}, {"ateş", NULL, NULL, NULL, 0},
    {"ok", NULL, NULL, NULL, 0}, {"kurt", NULL, NULL, NULL, 0},
    {"doğan", NULL, NULL, NULL, 0}, {"tekin", NULL, NULL, NULL, 0},
    {"aslan", NULL, NULL, NULL, 0}, {"kılıç", NULL, NULL, NULL, 0},
    {"ekinci", NULL, NULL, NULL, 0}, {"kök", NULL, NULL, NULL, 0},
    {"oğuz", NULL, NULL, NULL, 0}, {"sever", NULL, NULL, NULL, 0},
    {"yurt", NULL, NULL, NULL, 0}, {"çay", NULL, NULL, NULL, 0},
    {"gül", NULL, NULL, NULL, 0}, {"ten", NULL, NULL, NULL, 0},
};
static const struct city tr_city[] = {
    {"tr", "İstanbul", NULL}, {"tr", "Ankara", NULL}, {"tr", "İzmir", NULL},
    {"tr", "Bursa", NULL}, {"tr", "Adana", NULL}, {"tr", "Gaziantep", NULL},
    {"tr", "Konya", NULL}, {"tr", "Diyarbakır", NULL},
};

/* -- Spanish -- */
static const struct share es_cc[] = {{"es", 20}, {"mx", 22}, {"co", 15},
    {"ar", 10}, {"ve", 8}, {"pe", 8}, {"cl", 6}, {"ec", 5}, {"gt", 3},
    {"cu", 3}};
static const struct gname es_male[] = {
    G("José", NULL), G("Juan", NULL), G("Luis", NULL), G("Carlos", NULL),
    G("Jorge", NULL), G("Miguel", NULL), G("Antonio", NULL),
    G("Francisco", NULL), G("Manuel", NULL), G("Pedro", NULL),
    G("Alejandro", NULL), G("Javier", "Xavier"), G("Fernando", NULL),
    G("Ricardo", NULL), G("Raúl", NULL), G("Sergio", NULL), G("Andrés", NULL),
    G("Diego", NULL), G("Pablo", NULL), G("Rafael", NULL), G("Eduardo", NULL),
    G("Roberto", NULL), G("Óscar", NULL), G("Héctor", NULL), G("Jesús", NULL),
    G("Alberto", NULL), G("Víctor", NULL), G("Gustavo", NULL),
    G("Joaquín", NULL), G("Ramón", NULL), G("Santiago", NULL),
    G("Gabriel", NULL), G("Ignacio", NULL), G("Emilio", NULL),
    G("Ernesto", NULL), G("Julio", NULL),
};
static const struct frag es_female[] = {
    L("María"), L("Carmen"), L("Ana"), L("Laura"), L("Lucía"), L("Isabel"),
    L("Marta"), L("Elena"), L("Rosa"), L("Patricia"), L("Sofía"),
    L("Valentina"), L("Camila"), L("Gabriela"), L("Andrea"), L("Daniela"),
    L("Paula"), L("Claudia"), L("Verónica"), L("Mónica"), L("Beatriz"),
    L("Teresa"), L("Pilar"), L("Dolores"), L("Guadalupe"), L("Alejandra"),
    L("Natalia"), L("Adriana"), L("Silvia"), L("Cristina"),
};
static const struct frag es_fam[] = {
    L("García"), L("Rodríguez"), L("González"), L("Fernández"), L("López"),
    L("Martínez"), L("Sánchez"), L("Pérez"), L("Gómez"), L("Martín"),
    L("Jiménez"), L("Ruiz"), L("Hernández"), L("Díaz"), L("Moreno"),
    L("Muñoz"), L("Álvarez"), L("Romero"), L("Alonso"), L("Gutiérrez"),
    L("Navarro"), L("Torres"), L("Domínguez"), L("Vázquez"), L("Ramos"),
    L("Gil"), L("Ramírez"), L("Serrano"), L("Blanco"), L("Molina"),
    L("Morales"), L("Suárez"), L("Ortega"), L("Delgado"), L("Castro"),
    L("Ortiz"), L("Rubio"), L("Marín"), L("Sanz"), L("Núñez"), L("Iglesias"),
    L("Medina"), L("Garrido"), L("Cortés"), L("Castillo"), L("Santos"),
    L("Lozano"), L("Guerrero"), L("Cano"), L("Prieto"), L("Méndez"),
    L("Cruz"), L("Flores"), L("Herrera"), L("Peña"), L("León"), L("Márquez"),
    L("Cabrera"), L("Vargas"), L("Reyes"), L("Aguilar"), L("Mendoza"),
    L("Rojas"), L("Chávez"), L("Contreras"), L("de la Cruz"), L("del Valle"),
    L("de la Fuente"), L("del Castillo"), L("de la Torre"),
    L("de los Santos"), L("del Río"),
};
static const struct frag es_root_list[] = {
    L("Villa"), L("Monte"), L("Castel"), L("Valde"), L("Buena"), L("Fuen"),
    L("Torre"), L("Peña"), L("Casa"), L("Agua"), L("Sala"), L("Campo"),
    L("Ribas"), L("Mira"),
};
static const struct frag es_root_query[] = {
    L("Cerro"), L("Arroyo"), L("Charca"), L("Ladera"), L("Llano"),
    L("Ribera"), L("Soto"), L("Vega"), L("Barranco"), L("Cañada"), L("Loma"),
    L("Páramo"),
};
static const struct suffix es_suf[] = {
    {"nueva", NULL, NULL, NULL, 0}, {"real", NULL, NULL, NULL, 0},
    {"verde", NULL, NULL, NULL, 0}, {"blanca", NULL, NULL, NULL, 0},
    {"alta", NULL, NULL, NULL, 0}, {"mayor", NULL, NULL, NULL, 0},
    {"lobos", NULL, NULL, NULL, 0}, {"franca", NULL, NULL, NULL, 0},
    {"rosa", NULL, NULL, NULL, 0}, {"seca", NULL, NULL, NULL, 0},
    {"llana", NULL, NULL, NULL, 0}, {"fría", NULL, NULL, NULL, 0},
    {"clara", NULL, NULL, NULL, 0}, {"hermosa", NULL, NULL, NULL, 0},
    {"negro", NULL, NULL, NULL, 0}, {"alegre", NULL, NULL, NULL, 0},
};
static const struct city es_city[] = {
    {"es", "Madrid", NULL}, {"es", "Barcelona", NULL}, {"es", "Sevilla", NULL},
    {"mx", "Ciudad de México", NULL}, {"mx", "Guadalajara", NULL},
    {"mx", "Culiacán", NULL}, {"co", "Bogotá", NULL}, {"co", "Medellín", NULL},
    {"co", "Cali", NULL}, {"ar", "Buenos Aires", NULL}, {"ar", "Rosario", NULL},
    {"ve", "Caracas", NULL}, {"pe", "Lima", NULL}, {"cl", "Santiago", NULL},
    {"ec", "Guayaquil", NULL}, {"gt", "Ciudad de Guatemala", NULL},
    {"cu", "La Habana", NULL},
};

/* -- Portuguese -- */
static const struct share pt_cc[] = {{"br", 70}, {"pt", 20}, {"ao", 5},
    {"mz", 5}};
static const struct gname pt_male[] = {
    G("João", NULL), G("José", NULL), G("Antônio", "António"),
    G("Francisco", NULL), G("Carlos", NULL), G("Paulo", NULL), G("Pedro", NULL),
    G("Lucas", NULL), G("Luiz", "Luís"), G("Marcos", NULL), G("Gabriel", NULL),
    G("Rafael", NULL), G("Daniel", NULL), G("Marcelo", NULL), G("Bruno", NULL),
    G("Eduardo", NULL), G("Felipe", NULL), G("Rodrigo", NULL),
    G("Fernando", NULL), G("Gustavo", NULL), G("Thiago", "Tiago"),
    G("Diego", NULL), G("Leonardo", NULL), G("Mateus", NULL),
    G("Vinícius", NULL), G("André", NULL), G("Ricardo", NULL), G("Sérgio", NULL),
    G("Fábio", NULL),
};
static const struct frag pt_female[] = {
    L("Maria"), L("Ana"), L("Francisca"), L("Antônia"), L("Adriana"),
    L("Juliana"), L("Márcia"), L("Fernanda"), L("Patrícia"), L("Aline"),
    L("Sandra"), L("Camila"), L("Amanda"), L("Bruna"), L("Jéssica"),
    L("Letícia"), L("Júlia"), L("Luciana"), L("Vanessa"), L("Mariana"),
    L("Gabriela"), L("Beatriz"), L("Larissa"), L("Conceição"), L("Rita"),
};
static const struct frag pt_fam[] = {
    F("Silva", NULL), F("Santos", NULL), F("Oliveira", NULL),
    F("Souza", "Sousa"), F("Rodrigues", NULL), F("Ferreira", NULL),
    F("Alves", NULL), F("Pereira", NULL), F("Lima", NULL), F("Gomes", NULL),
    F("Costa", NULL), F("Ribeiro", NULL), F("Martins", NULL),
    F("Carvalho", NULL), F("Almeida", NULL), F("Lopes", NULL),
    F("Soares", NULL), F("Fernandes", NULL), F("Vieira", NULL),
    F("Barbosa", NULL), F("Rocha", NULL), F("Dias", NULL),
    F("Nascimento", NULL), F("Andrade", NULL), F("Moreira", NULL),
    F("Nunes", NULL), F("Marques", NULL), F("Machado", NULL),
    F("Mendes", NULL), F("Freitas", NULL), F("Cardoso", NULL),
    F("Ramos", NULL), F("Gonçalves", NULL), F("Santana", NULL),
    F("Teixeira", NULL), F("Araújo", NULL), F("Correia", NULL),
    F("Pinto", NULL), F("Monteiro", NULL), F("Moura", NULL),
    F("da Silva", "Da Silva|Silva"), F("dos Santos", "Dos Santos|Santos"),
    F("de Oliveira", "De Oliveira|Oliveira"), F("de Souza", "De Souza|Souza"),
    F("da Costa", "Da Costa|Costa"), F("do Nascimento", "Do Nascimento"),
    F("de Jesus", "De Jesus"), F("das Neves", "Das Neves|Neves"),
    F("da Cruz", "Da Cruz"), F("dos Reis", "Dos Reis|Reis"),
};
static const struct frag pt_root_list[] = {
    L("Vila"), L("Monte"), L("Casa"), L("Castelo"), L("Porto"), L("Rio"),
    L("Campo"), L("Bela"), L("Mata"), L("Vale"), L("Bom"), L("Torre"),
    L("Barro"), L("Cruz"), L("Sol"), L("Mar"), L("Arco"), L("Ouro"),
    L("Prado"), L("Boa"),
};
static const struct frag pt_root_query[] = {
    L("Serra"), L("Ribeira"), L("Quinta"), L("Lagoa"), L("Fonte"),
    L("Ponte"), L("Pedra"), L("Várzea"), L("Aldeia"), L("Penha"),
};
static const struct suffix pt_suf[] = {
    {"nova", NULL, NULL, NULL, 0}, {"real", NULL, NULL, NULL, 0},
    {"verde", NULL, NULL, NULL, 0}, {"franca", NULL, NULL, NULL, 0},
    {"boa", NULL, NULL, NULL, 0}, {"negro", NULL, NULL, NULL, 0},
    {"alegre", NULL, NULL, NULL, 0}, {"mor", NULL, NULL, NULL, 0},
    {"grande", NULL, NULL, NULL, 0}, {"branco", NULL, NULL, NULL, 0},
    {"seco", NULL, NULL, NULL, 0}, {"lindo", NULL, NULL, NULL, 0},
};
static const struct city pt_city[] = {
    {"br", "São Paulo", NULL}, {"br", "Rio de Janeiro", NULL},
    {"br", "Salvador", NULL}, {"br", "Belo Horizonte", NULL},
    {"br", "Recife", NULL}, {"br", "Fortaleza", NULL}, {"pt", "Lisboa", NULL},
    {"pt", "Porto", NULL}, {"ao", "Luanda", NULL}, {"mz", "Maputo", NULL},
};

/* -- German -- */
static const struct share de_cc[] = {{"de", 75}, {"at", 15}, {"ch", 10}};
static const struct gname de_male[] = {
    G("Hans", NULL), G("Peter", NULL), G("Klaus", NULL), G("Jürgen", NULL),
    G("Wolfgang", NULL), G("Michael", NULL), G("Thomas", NULL),
    G("Andreas", NULL), G("Stefan", "Stephan"), G("Frank", NULL), G("Uwe", NULL),
    G("Dieter", NULL), G("Günter", "Günther"), G("Horst", NULL),
    G("Helmut", NULL), G("Manfred", NULL), G("Werner", NULL),
    G("Karl-Heinz", "Karlheinz"), G("Matthias", NULL), G("Markus", "Marcus"),
    G("Alexander", NULL), G("Jan", NULL), G("Tobias", NULL), G("Florian", NULL),
    G("Sebastian", NULL), G("Lukas", NULL), G("Maximilian", NULL),
    G("Jörg", NULL), G("Björn", NULL), G("Jens", NULL),
};
static const struct frag de_female[] = {
    L("Ursula"), L("Monika"), L("Petra"), L("Sabine"), L("Renate"),
    L("Helga"), L("Karin"), L("Brigitte"), L("Gisela"), L("Andrea"),
    L("Claudia"), L("Susanne"), L("Birgit"), L("Stefanie"), L("Julia"),
    L("Katharina"), L("Anna"), L("Lena"), L("Laura"), L("Sarah"), L("Jutta"),
    L("Gabriele"), L("Ingrid"), L("Christa"), L("Doris"), L("Heike"),
    L("Silke"), L("Anja"), L("Käthe"), L("Jana"),
};
static const struct frag de_fam[] = {
    L("Müller"), L("Schmidt"), L("Schneider"), L("Fischer"), L("Weber"),
    F("Meyer", "Meier|Mayer"), L("Wagner"), L("Becker"), L("Schulz"),
    L("Hoffmann"), L("Schäfer"), L("Koch"), L("Bauer"), L("Richter"),
    L("Klein"), L("Wolf"), L("Schröder"), L("Neumann"), L("Schwarz"),
    L("Zimmermann"), L("Braun"), L("Krüger"), L("Hofmann"), L("Hartmann"),
    L("Lange"), L("Schmitt"), L("Werner"), L("Schmitz"), L("Krause"),
    L("Lehmann"), L("Schmid"), L("Schulze"), L("Maier"), L("Köhler"),
    L("Herrmann"), L("König"), L("Walter"), L("Huber"), L("Kaiser"),
    L("Fuchs"), L("Peters"), L("Lang"), L("Scholz"), L("Möller"), L("Weiß"),
    L("Jung"), L("Hahn"), L("Schubert"), L("Vogel"), L("Friedrich"),
    L("Keller"), L("Günther"), L("Berger"), L("Winkler"), L("Roth"),
    L("Beck"), L("Lorenz"), L("Baumann"), L("Franke"), L("Albrecht"),
    L("Schuster"), L("Ludwig"), L("Böhm"), L("Winter"), L("Kraus"),
    L("Schumacher"), L("Krämer"), L("Vogt"), L("Jäger"), L("Sommer"),
    L("Groß"), L("Seidel"), L("Brandt"), L("Haas"), L("Schreiber"),
    L("Graf"), L("Dietrich"), L("Ziegler"), L("Kühn"), L("Pohl"), L("Engel"),
};
static const struct frag de_root_list[] = {
    L("Stein"), L("Berg"), L("Wald"), L("Hof"), L("Linden"), L("Rosen"),
    L("Schön"), L("Kirch"), L("Eich"), L("Holz"), L("Brand"), L("Lieb"),
    L("Grün"), L("Ober"), L("Nieder"), L("Alt"), L("Neu"), L("Hoch"),
    L("Kron"), L("Mühl"), L("Sonnen"), L("Feld"), L("Wein"), L("Kessel"),
    L("Löwen"), L("Gold"), L("Silber"), L("Eisen"), L("Bach"), L("Weiß"),
    L("Acker"), L("Blum"), L("Buch"), L("Busch"), L("Engel"), L("Fels"),
    L("Fried"), L("Frei"), L("Gut"), L("Hart"), L("Heim"), L("Lau"),
    L("Loh"), L("Mark"), L("Ost"), L("Rein"), L("Sand"), L("Stroh"),
    L("Wies"), L("Zell"),
};
static const struct frag de_root_query[] = {
    L("Apfel"), L("Birn"), L("Dachs"), L("Erl"), L("Gans"), L("Hasel"),
    L("Igel"), L("Kalk"), L("Lerch"), L("Moos"), L("Nuss"), L("Otter"),
    L("Quell"), L("Rehm"), L("Specht"), L("Tann"), L("Ulm"), L("Wachtel"),
    L("Zaun"), L("Dorn"),
};
static const struct suffix de_suf[] = {
    {"berg", NULL, NULL, NULL, 0}, {"mann", NULL, NULL, NULL, 0},
    {"bauer", NULL, NULL, NULL, 0}, {"hofer", NULL, NULL, NULL, 0},
    {"meier", NULL, NULL, NULL, 0}, {"müller", NULL, NULL, NULL, 0},
    {"stein", NULL, NULL, NULL, 0}, {"feld", NULL, NULL, NULL, 0},
    {"thal", NULL, NULL, NULL, 0}, {"huber", NULL, NULL, NULL, 0},
    {"ner", NULL, NULL, NULL, 0}, {"inger", NULL, NULL, NULL, 0},
    {"bach", NULL, NULL, NULL, 0}, {"dorf", NULL, NULL, NULL, 0},
    {"hausen", NULL, NULL, NULL, 0}, {"brück", NULL, NULL, NULL, 0},
    {"hammer", NULL, NULL, NULL, 0}, {"schmidt", NULL, NULL, NULL, 0},
    {"wald", NULL, NULL, NULL, 0}, {"reuther", NULL, NULL, NULL, 0},
    {"heimer", NULL, NULL, NULL, 0}, {"städter", NULL, NULL, NULL, 0},
    {"egger", NULL, NULL, NULL, 0}, {"leitner", NULL, NULL, NULL, 0},
    {"moser", NULL, NULL, NULL, 0},
};
static const struct city de_city[] = {
    {"de", "Berlin", NULL}, {"de", "Hamburg", NULL}, {"de", "München", NULL},
    {"de", "Köln", NULL}, {"de", "Frankfurt am Main", NULL},
    {"de", "Düsseldorf", NULL}, {"at", "Wien", NULL}, {"at", "Graz", NULL},
    {"ch", "Zürich", NULL}, {"ch", "Bern", NULL},
};

/* -- French -- */
static const struct share fr_cc[] = {{"fr", 75}, {"be", 10}, {"ch", 5},
    {"ca", 5}, {"lu", 5}};
static const struct gname fr_male[] = {
    G("Jean", NULL), G("Pierre", NULL), G("Michel", NULL), G("André", NULL),
    G("Philippe", NULL), G("Alain", NULL), G("Jacques", NULL),
    G("Bernard", NULL), G("François", NULL), G("Christophe", NULL),
    G("Daniel", NULL), G("Patrick", NULL), G("Nicolas", NULL),
    G("Frédéric", NULL), G("Laurent", NULL), G("Stéphane", NULL),
    G("Olivier", NULL), G("Éric", NULL), G("Sébastien", NULL), G("Julien", NULL),
    G("Thierry", NULL), G("Pascal", NULL), G("Vincent", NULL),
    G("Guillaume", NULL), G("Antoine", NULL), G("Mathieu", "Matthieu"),
    G("Hugo", NULL), G("Théo", NULL), G("Jean-Pierre", NULL),
    G("Jean-Luc", NULL), G("Jean-Claude", NULL), G("Jérôme", NULL),
};
static const struct frag fr_female[] = {
    L("Marie"), L("Jeanne"), L("Françoise"), L("Monique"), L("Catherine"),
    L("Nathalie"), L("Isabelle"), L("Sylvie"), L("Anne"), L("Martine"),
    L("Christine"), L("Sophie"), L("Valérie"), L("Sandrine"), L("Céline"),
    L("Aurélie"), L("Émilie"), L("Julie"), L("Camille"), L("Chloé"), L("Léa"),
    L("Manon"), L("Hélène"), L("Véronique"), L("Marie-Claire"),
    L("Anne-Sophie"), L("Geneviève"), L("Élise"), L("Mélanie"), L("Brigitte"),
};
static const struct frag fr_fam[] = {
    L("Martin"), L("Bernard"), L("Dubois"), L("Thomas"), L("Robert"),
    L("Richard"), L("Petit"), L("Durand"), L("Leroy"), L("Moreau"),
    L("Simon"), L("Laurent"), F("Lefèvre", "Lefebvre"), L("Michel"),
    L("David"), L("Bertrand"), L("Roux"), L("Vincent"), L("Fournier"),
    L("Morel"), L("Girard"), L("André"), L("Mercier"), L("Dupont"),
    L("Lambert"), L("Bonnet"), L("François"), L("Legrand"), L("Garnier"),
    L("Faure"), L("Rousseau"), L("Blanc"), L("Guérin"), L("Henry"),
    L("Roussel"), L("Perrin"), L("Morin"), L("Mathieu"), L("Clément"),
    L("Gauthier"), L("Dumont"), L("Fontaine"), L("Chevalier"), L("Robin"),
    L("Masson"), L("Gérard"), L("Boyer"), L("Denis"), L("Lemaire"),
    L("Duval"), L("Joly"), L("Roger"), L("Roche"), L("Noël"), L("Lucas"),
    L("Meunier"), L("Marchand"), L("Dufour"), L("Blanchard"), L("Barbier"),
    L("Brun"), L("Dumas"), L("Brunet"), L("Leroux"), L("Colin"), L("Renard"),
    L("Arnaud"), L("Caron"), L("Giraud"), L("Leclerc"), L("Vidal"),
    L("Bourgeois"), L("Lemoine"), L("Picard"), L("Fabre"), L("Dupuis"),
    L("Rivière"), L("Le Gall"), L("Prévost"), L("Benoît"),
};
static const struct frag fr_root_list[] = {
    L("Beau"), L("Belle"), L("Bon"), L("Grand"), L("Petit"), L("Long"),
    L("Haut"), L("Clair"), L("Mont"), L("Roche"), L("Ville"), L("Val"),
    L("Fon"), L("Champ"), L("Mar"), L("Bel"), L("Bois"), L("Cour"),
    L("Fleur"), L("Gros"), L("Haute"), L("Lande"), L("Marche"), L("Noir"),
    L("Pierre"), L("Plan"), L("Riche"), L("Rouge"), L("Sainte"), L("Vigne"),
    L("Verte"), L("Blanche"), L("Claire"), L("Dame"), L("Ferme"), L("Forte"),
    L("Mal"), L("Neuf"), L("Vieux"), L("Sable"),
};
static const struct frag fr_root_query[] = {
    L("Aube"), L("Brise"), L("Cerf"), L("Chaume"), L("Coudre"), L("Épine"),
    L("Frêne"), L("Genêt"), L("Houx"), L("Lierre"), L("Orme"), L("Saule"),
    L("Tilleul"), L("Ronce"),
};
static const struct suffix fr_suf[] = {
    {"champ", NULL, NULL, NULL, 0}, {"mont", NULL, NULL, NULL, 0},
    {"lieu", NULL, NULL, NULL, 0}, {"ville", NULL, NULL, NULL, 0},
    {"fort", NULL, NULL, NULL, 0}, {"pré", NULL, NULL, NULL, 0},
    {"val", NULL, NULL, NULL, 0}, {"court", NULL, NULL, NULL, 0},
    {"marais", NULL, NULL, NULL, 0}, {"fontaine", NULL, NULL, NULL, 0},
    {"chêne", NULL, NULL, NULL, 0}, {"bois", NULL, NULL, NULL, 0},
    {"pont", NULL, NULL, NULL, 0}, {"mare", NULL, NULL, NULL, 0},
    {"vert", NULL, NULL, NULL, 0}, {"fond", NULL, NULL, NULL, 0},
    {"lac", NULL, NULL, NULL, 0}, {"rive", NULL, NULL, NULL, 0},
    {"lande", NULL, NULL, NULL, 0}, {"mesnil", NULL, NULL, NULL, 0},
    {"fosse", NULL, NULL, NULL, 0}, {"puits", NULL, NULL, NULL, 0},
    {"champs", NULL, NULL, NULL, 0}, {"roche", NULL, NULL, NULL, 0},
    {"ferrand", NULL, NULL, NULL, 0},
};
static const struct city fr_city[] = {
    {"fr", "Paris", NULL}, {"fr", "Marseille", NULL}, {"fr", "Lyon", NULL},
    {"fr", "Toulouse", NULL}, {"fr", "Nice", NULL}, {"fr", "Nantes", NULL},
    {"be", "Bruxelles", NULL}, {"be", "Liège", NULL}, {"ch", "Genève", NULL},
    {"ca", "Montréal", NULL}, {"lu", "Luxembourg", NULL},
};

/* -- Dutch -- */
static const struct share nl_cc[] = {{"nl", 80}, {"be", 20}};
static const struct gname nl_male[] = {
    G("Jan", NULL), G("Pieter", "Peter"), G("Hendrik", NULL), G("Willem", NULL),
    G("Johannes", NULL), G("Cornelis", NULL), G("Gerrit", NULL),
    G("Dirk", NULL), G("Jacob", "Jakob"), G("Klaas", NULL), G("Maarten", NULL),
    G("Bram", NULL), G("Daan", NULL), G("Sem", NULL), G("Lucas", NULL),
    G("Thijs", "Thys"), G("Ruben", NULL), G("Joost", NULL), G("Sander", NULL),
    G("Bas", NULL), G("Wouter", NULL), G("Niels", NULL), G("Koen", NULL),
    G("Jeroen", NULL), G("Stijn", "Styn"), G("Joris", NULL), G("Tim", NULL),
    G("Rutger", NULL), G("Erik", NULL), G("Arjen", NULL),
};
static const struct frag nl_female[] = {
    L("Maria"), L("Anna"), L("Johanna"), L("Cornelia"), L("Wilhelmina"),
    L("Elisabeth"), L("Sanne"), L("Anouk"), L("Femke"), L("Lotte"), L("Eva"),
    L("Emma"), L("Julia"), L("Sophie"), L("Lisa"), L("Fleur"), L("Iris"),
    L("Marloes"), L("Ingrid"), L("Annemieke"), L("Marieke"), L("Inge"),
    L("Petra"), L("Ellen"), L("Wendy"), L("Linda"), L("Esther"), L("Saskia"),
    L("Mirjam"), L("Hanneke"),
};
static const struct frag nl_fam[] = {
    L("de Jong"), L("de Vries"), L("van den Berg"), L("van Dijk"),
    L("Bakker"), L("Janssen"), L("Visser"), L("Smit"), F("Meijer", "Meyer"),
    L("de Boer"), L("Mulder"), L("de Groot"), L("Bos"), L("Vos"), L("Peters"),
    L("Hendriks"), L("van Leeuwen"), L("Dekker"), L("Brouwer"), L("de Wit"),
    L("Dijkstra"), L("Smits"), L("de Graaf"), L("van der Meer"),
    L("van der Linden"), L("Kok"), L("Jacobs"), L("de Haan"), L("Vermeulen"),
    L("van den Heuvel"), L("van der Veen"), L("van den Broek"),
    L("de Bruijn"), L("de Bruin"), L("van der Heijden"), L("Schouten"),
    L("van Beek"), L("Willems"), L("van Vliet"), L("van de Ven"),
    L("Hoekstra"), L("Maas"), L("Verhoeven"), L("Koster"), L("van Dam"),
    L("van der Wal"), L("Prins"), L("Blom"), L("Huisman"), L("Peeters"),
};
/* Class 1 stems carry their particle and take no suffix; class 2 stems
 * take the Frisian and Low Saxon endings. */
static const struct frag nl_root_list[] = {
    FC("van Dijk", NULL, 1), FC("van der Beek", NULL, 1),
    FC("van Dam", NULL, 1), FC("van der Vliet", NULL, 1),
    FC("van den Bosch", NULL, 1), FC("van Hout", NULL, 1),
    FC("van Wijk", NULL, 1), FC("van der Zand", NULL, 1),
    FC("ter Horst", NULL, 1), FC("van Rijn", NULL, 1),
    FC("van der Linde", NULL, 1), FC("van de Molen", NULL, 1),
    FC("van Loon", NULL, 1), FC("ten Kate", NULL, 1),
    FC("van Houten", NULL, 1), FC("van der Laan", NULL, 1),
    FC("van Os", NULL, 1), FC("van Zanten", NULL, 1), FC("ter Haar", NULL, 1),
    FC("van Egmond", NULL, 1), FC("van der Velde", NULL, 1),
    FC("de Lange", NULL, 1), FC("van Rossum", NULL, 1),
    FC("van Gelder", NULL, 1), FC("van der Poel", NULL, 1),
    FC("van Doorn", NULL, 1), FC("de Ruiter", NULL, 1),
    FC("Hoek", NULL, 2), FC("Dijk", NULL, 2), FC("Veld", NULL, 2),
    FC("Brou", NULL, 2), FC("Wester", NULL, 2), FC("Oost", NULL, 2),
    FC("Hof", NULL, 2), FC("Zuider", NULL, 2), FC("Noord", NULL, 2),
    FC("Bouw", NULL, 2), FC("Krom", NULL, 2), FC("Hol", NULL, 2),
    FC("Vlie", NULL, 2), FC("Wiers", NULL, 2), FC("Hoog", NULL, 2),
    FC("Laag", NULL, 2), FC("Bol", NULL, 2), FC("Ooster", NULL, 2),
    FC("Rijks", NULL, 2), FC("Terp", NULL, 2), FC("Feen", NULL, 2),
    FC("Wijn", NULL, 2), FC("Groen", NULL, 2), FC("Zwart", NULL, 2),
    FC("Mol", NULL, 2), FC("Bijl", NULL, 2),
};
static const struct frag nl_root_query[] = {
    FC("van Akker", NULL, 1), FC("van den Brink", NULL, 1),
    FC("van der Dobbe", NULL, 1), FC("van Elzen", NULL, 1),
    FC("ter Goor", NULL, 1), FC("van de Kolk", NULL, 1),
    FC("van der Meent", NULL, 1), FC("van der Plas", NULL, 1),
    FC("van Schans", NULL, 1), FC("van der Sloot", NULL, 1),
    FC("Tuin", NULL, 2), FC("Weide", NULL, 2), FC("Zijl", NULL, 2),
    FC("Stroom", NULL, 2), FC("Riet", NULL, 2), FC("Kolk", NULL, 2),
};
static const struct suffix nl_suf[] = {
    {"", NULL, NULL, NULL, 1}, {"stra", NULL, NULL, NULL, 2},
    {"sma", NULL, NULL, NULL, 2}, {"inga", NULL, NULL, NULL, 2},
    {"huis", NULL, NULL, NULL, 2}, {"kamp", NULL, NULL, NULL, 2},
    {"man", NULL, NULL, NULL, 2}, {"ema", NULL, NULL, NULL, 2},
    {"veld", NULL, NULL, NULL, 2}, {"hof", NULL, NULL, NULL, 2},
    {"broek", NULL, NULL, NULL, 2}, {"horst", NULL, NULL, NULL, 2},
    {"dijk", NULL, NULL, NULL, 2},
};
static const struct city nl_city[] = {
    {"nl", "Amsterdam", NULL}, {"nl", "Rotterdam", NULL},
    {"nl", "Den Haag", NULL}, {"nl", "Utrecht", NULL},
    {"nl", "Eindhoven", NULL}, {"nl", "Groningen", NULL},
    {"be", "Antwerpen", NULL}, {"be", "Gent", NULL},
};

/* -- English -- */
static const struct share en_cc[] = {{"gb", 30}, {"us", 40}, {"ie", 8},
    {"au", 10}, {"ca", 7}, {"nz", 5}};
static const struct gname en_male[] = {
    G("James", NULL), G("John", NULL), G("Robert", NULL), G("Michael", NULL),
    G("William", NULL), G("David", NULL), G("Richard", NULL), G("Joseph", NULL),
    G("Thomas", NULL), G("Charles", NULL), G("Christopher", NULL),
    G("Daniel", NULL), G("Matthew", NULL), G("Anthony", NULL), G("Mark", NULL),
    G("Donald", NULL), G("Steven", "Stephen"), G("Paul", NULL),
    G("Andrew", NULL), G("Joshua", NULL), G("Kenneth", NULL), G("Kevin", NULL),
    G("Brian", "Bryan"), G("George", NULL), G("Timothy", NULL),
    G("Edward", NULL), G("Jason", NULL), G("Jeffrey", "Geoffrey"),
    G("Ryan", NULL), G("Jacob", NULL), G("Gary", NULL), G("Nicholas", NULL),
    G("Eric", NULL), G("Jonathan", NULL), G("Scott", NULL), G("Benjamin", NULL),
    G("Samuel", NULL), G("Patrick", NULL), G("Sean", "Shaun"), G("Liam", NULL),
    G("Connor", NULL), G("Oliver", NULL), G("Harry", NULL), G("Jack", NULL),
};
static const struct frag en_female[] = {
    L("Mary"), L("Patricia"), L("Jennifer"), L("Linda"), L("Elizabeth"),
    L("Barbara"), L("Susan"), L("Jessica"), L("Sarah"), L("Karen"), L("Lisa"),
    L("Nancy"), L("Margaret"), L("Sandra"), L("Ashley"), L("Kimberly"),
    L("Emily"), L("Donna"), L("Michelle"), L("Carol"), L("Amanda"),
    L("Melissa"), L("Deborah"), L("Stephanie"), L("Rebecca"), L("Sharon"),
    L("Laura"), L("Kathleen"), L("Amy"), L("Angela"), L("Helen"), L("Emma"),
    L("Olivia"), L("Sophie"), L("Chloe"), L("Siobhan"), L("Aoife"), L("Megan"),
};
static const struct frag en_fam[] = {
    L("Smith"), L("Johnson"), L("Williams"), L("Brown"), L("Jones"),
    L("Miller"), L("Davis"), L("Wilson"), L("Anderson"), L("Taylor"),
    L("Thomas"), L("Moore"), L("Jackson"), L("Martin"), L("Lee"),
    F("Thompson", "Thomson"), L("White"), L("Harris"), L("Clark"),
    L("Lewis"), L("Robinson"), L("Walker"), L("Young"), L("Allen"), L("King"),
    L("Wright"), L("Scott"), L("Hill"), L("Green"), L("Adams"), L("Baker"),
    L("Nelson"), L("Carter"), L("Mitchell"), L("Roberts"), L("Turner"),
    L("Phillips"), L("Campbell"), L("Parker"), L("Evans"), L("Edwards"),
    L("Collins"), L("Stewart"), L("Morris"), L("Murphy"), L("Cook"),
    L("Rogers"), L("Morgan"), L("Cooper"), L("Peterson"), L("Reed"),
    L("Bailey"), L("Bell"), L("Kelly"), L("Howard"), L("Ward"), L("Cox"),
    L("Richardson"), L("Wood"), L("Watson"), L("Brooks"), L("Bennett"),
    F("Gray", "Grey"), L("Hughes"), L("Price"), L("Foster"), L("O'Brien"),
    L("O'Connor"), L("O'Neill"), L("Walsh"), F("McCarthy", "MacCarthy"),
    F("MacDonald", "McDonald"), L("Murray"), L("Byrne"), L("Ryan"),
};
static const struct frag en_root_list[] = {
    L("Ash"), L("Black"), L("Brad"), L("Brook"), L("Cal"), L("Craw"),
    L("Dun"), L("Eller"), L("Fair"), L("Farn"), L("Hal"), L("Hart"),
    L("Hol"), L("Kings"), L("Lang"), L("Lock"), L("Mar"), L("Mill"),
    L("Moor"), L("North"), L("Ox"), L("Pen"), L("Rad"), L("Rock"),
    L("Shel"), L("South"), L("Stan"), L("Thorn"), L("Wal"), L("West"),
    L("Whit"), L("Bar"), L("Bell"), L("Bird"), L("Dor"), L("Even"),
    L("Ferr"), L("Gold"), L("Hamp"), L("Hunt"), L("Kirk"), L("Lin"),
    L("Mor"), L("New"), L("Old"), L("Pem"), L("Red"), L("Sand"), L("Sher"),
    L("Stock"), L("Sum"), L("Weather"), L("Win"),
};
static const struct frag en_root_query[] = {
    L("Ald"), L("Birch"), L("Chil"), L("Dray"), L("Elm"), L("Fen"),
    L("Gos"), L("Hazel"), L("Ivy"), L("Lyn"), L("Mere"), L("Nether"),
    L("Oak"), L("Quar"), L("Rye"), L("Sedge"), L("Tarn"), L("Wren"),
    L("Yar"), L("Heron"),
};
static const struct suffix en_suf[] = {
    {"by", NULL, NULL, NULL, 0}, {"ford", NULL, NULL, NULL, 0},
    {"ham", NULL, NULL, NULL, 0}, {"ley", NULL, NULL, NULL, 0},
    {"ton", NULL, NULL, NULL, 0}, {"wood", NULL, NULL, NULL, 0},
    {"worth", NULL, NULL, NULL, 0}, {"field", NULL, NULL, NULL, 0},
    {"well", NULL, NULL, NULL, 0}, {"wick", NULL, NULL, NULL, 0},
    {"more", NULL, NULL, NULL, 0}, {"dale", NULL, NULL, NULL, 0},
    {"ridge", NULL, NULL, NULL, 0}, {"brook", NULL, NULL, NULL, 0},
    {"ington", NULL, NULL, NULL, 0}, {"stone", NULL, NULL, NULL, 0},
    {"bury", NULL, NULL, NULL, 0}, {"combe", NULL, NULL, NULL, 0},
    {"hurst", NULL, NULL, NULL, 0}, {"shaw", NULL, NULL, NULL, 0},
};
static const struct city en_city[] = {
    {"gb", "London", NULL}, {"gb", "Manchester", NULL},
    {"gb", "Birmingham", NULL}, {"gb", "Glasgow", NULL},
    {"us", "New York", NULL}, {"us", "Chicago", NULL},
    {"us", "Los Angeles", NULL}, {"us", "Houston", NULL},
    {"us", "Miami", NULL}, {"ie", "Dublin", NULL}, {"ie", "Cork", NULL},
    {"au", "Sydney", NULL}, {"au", "Melbourne", NULL},
    {"ca", "Toronto", NULL}, {"ca", "Vancouver", NULL},
    {"nz", "Auckland", NULL},
};

/* -- Hindi (India) -- */
static const struct share hi_cc[] = {{"in", 100}};
static const struct gname hi_male[] = {
    G("राहुल", "Rahul"), G("अमित", "Amit"), G("राजेश", "Rajesh"),
    G("सुनील", "Sunil"), G("संजय", "Sanjay"), G("विजय", "Vijay"),
    G("अनिल", "Anil"), G("मनोज", "Manoj"), G("रवि", "Ravi"), G("सुरेश", "Suresh"),
    G("रमेश", "Ramesh"), G("अजय", "Ajay"), G("विकास", "Vikas"),
    G("दीपक", "Deepak|Dipak"), G("अशोक", "Ashok"), G("प्रकाश", "Prakash"),
    G("आनंद", "Anand"), G("अर्जुन", "Arjun"), G("राम", "Ram"),
    G("कृष्ण", "Krishna|Krishan"), G("गणेश", "Ganesh"), G("महेश", "Mahesh"),
    G("नरेश", "Naresh"), G("दिनेश", "Dinesh"), G("मुकेश", "Mukesh"),
    G("राजीव", "Rajiv|Rajeev"), G("संदीप", "Sandeep|Sandip"),
    G("प्रवीण", "Praveen|Pravin"), G("आदित्य", "Aditya"), G("विनोद", "Vinod"),
};
static const struct frag hi_female[] = {
    F("प्रिया", "Priya"), F("अंजलि", "Anjali"), F("सुनीता", "Sunita"),
    F("पूजा", "Pooja|Puja"), F("नेहा", "Neha"), F("कविता", "Kavita|Kavitha"),
    F("रीता", "Rita|Reeta"), F("गीता", "Geeta|Gita"), F("सीता", "Sita|Seeta"),
    F("लक्ष्मी", "Lakshmi|Laxmi"), F("आशा", "Asha"), F("उषा", "Usha"),
    F("मीना", "Meena|Mina"), F("राधा", "Radha"), F("सरिता", "Sarita"),
    F("ममता", "Mamta|Mamata"), F("दिव्या", "Divya"), F("स्वाति", "Swati"),
    F("शालिनी", "Shalini"), F("अर्चना", "Archana"),
};
static const struct frag hi_mid_m[] = {
    F("कुमार", "Kumar"), F("प्रसाद", "Prasad"), F("लाल", "Lal"),
    F("नाथ", "Nath"), F("चंद", "Chand"), F("सिंह", "Singh"), F("पाल", "Pal"),
    F("राज", "Raj"), F("देव", "Dev"), F("मोहन", "Mohan"),
    F("नारायण", "Narayan"), F("किशोर", "Kishore|Kishor"),
    F("प्रकाश", "Prakash"), F("शंकर", "Shankar"), F("गोपाल", "Gopal"),
    F("रतन", "Ratan"), F("भूषण", "Bhushan"), F("कांत", "Kant|Kanth"),
};
static const struct frag hi_mid_f[] = {
    F("कुमारी", "Kumari"), F("देवी", "Devi"), F("रानी", "Rani"),
    F("बाई", "Bai"), F("लता", "Lata"), F("प्रिया", "Priya"), F("लक्ष्मी", "Lakshmi"),
    F("ज्योति", "Jyoti"), F("कला", "Kala"), F("बाला", "Bala"),
};
static const struct frag hi_fam[] = {
    F("शर्मा", "Sharma"), F("वर्मा", "Verma|Varma"), F("गुप्ता", "Gupta"),
    F("सिंह", "Singh"), F("कुमार", "Kumar"), F("पटेल", "Patel"),
    F("यादव", "Yadav"), F("जैन", "Jain"), F("शाह", "Shah"),
    F("मिश्रा", "Mishra|Misra"), F("तिवारी", "Tiwari|Tewari"),
    F("पांडे", "Pandey|Pande"), F("चौहान", "Chauhan"),
    F("राठौर", "Rathore|Rathod"), F("ठाकुर", "Thakur"), F("जोशी", "Joshi"),
    F("मेहता", "Mehta"), F("अग्रवाल", "Agarwal|Aggarwal|Agrawal"),
    F("बंसल", "Bansal"), F("चौधरी", "Chaudhary|Choudhary"),
    F("रेड्डी", "Reddy"), F("नायर", "Nair"), F("मेनन", "Menon"),
    F("अय्यर", "Iyer|Ayyar"), F("राव", "Rao"), F("दास", "Das"),
    F("बनर्जी", "Banerjee|Banerji"), F("मुखर्जी", "Mukherjee|Mukherji"),
    F("चटर्जी", "Chatterjee|Chatterji"), F("घोष", "Ghosh"), F("सेन", "Sen"),
    F("भट्ट", "Bhatt|Bhat"), F("देसाई", "Desai"), F("कपूर", "Kapoor|Kapur"),
    F("खन्ना", "Khanna"), F("मल्होत्रा", "Malhotra"), F("सक्सेना", "Saxena"),
    F("श्रीवास्तव", "Srivastava|Shrivastava"), F("दुबे", "Dubey|Dube"),
    F("त्रिपाठी", "Tripathi"),
};
static const struct frag hi_root_list[] = {
    F("तेंदुल", "Tendul"), F("गावस", "Gavas"), F("आगर", "Agar"),
    F("पाल", "Pal"), F("नाड", "Nad"), F("रंग", "Rang"), F("दार", "Dar"),
    F("वाड", "Wad"), F("सोन", "Son"), F("लाल", "Lal"), F("चांद", "Chand"),
    F("भाट", "Bhat"), F("कोल", "Kol"), F("मान", "Man"), F("सावर", "Savar"),
    F("गोर", "Gor"), F("बाल", "Bal"), F("देव", "Dev"), F("नाग", "Nag"),
    F("शिर", "Shir"), F("भंड", "Bhand"), F("कुल", "Kul"), F("पुर", "Pur"),
    F("खांड", "Khand"), F("वाघ", "Wagh"), F("जाध", "Jadh"), F("मुल", "Mul"),
    F("साल", "Sal"), F("हांड", "Hand"), F("कार", "Kar"), F("गाय", "Gay"),
    F("तांब", "Tamb"), F("धार", "Dhar"), F("सेठ", "Seth"), F("भाग", "Bhag"),
    F("चित्र", "Chitr"), F("अंब", "Amb"), F("इंद", "Ind"), F("केश", "Kesh"),
    F("गिर", "Gir"), F("धन", "Dhan"), F("नार", "Nar"), F("पांड", "Pand"),
    F("बोर", "Bor"), F("माल", "Mal"), F("राज", "Raj"), F("शाह", "Shah"),
    F("सुर", "Sur"), F("हर", "Har"), F("जोग", "Jog"), F("दत्त", "Datt"),
    F("भोस", "Bhos"), F("लोख", "Lokh"), F("सार", "Sar"),
};
static const struct frag hi_root_query[] = {
    F("बेल", "Bel"), F("कोठ", "Koth"), F("झाव", "Jhav"), F("धुर", "Dhur"),
    F("फड", "Phad"), F("हिर", "Hir"), F("खर", "Khar"), F("मोर", "Mor"),
    F("नील", "Neel|Nil"), F("रूप", "Roop|Rup"), F("टाक", "Tak"), F("उज", "Uj"),
};
static const struct suffix hi_suf[] = {
    {"कर", "kar", NULL, NULL, 0}, {"वाला", "wala|walla", NULL, NULL, 0},
    {"वाल", "wal", NULL, NULL, 0}, {"ानी", "ani", NULL, NULL, 0},
    {"िया", "ia|iya", NULL, NULL, 0}, {"ेकर", "ekar", NULL, NULL, 0},
    {"वार", "war", NULL, NULL, 0}, {"दार", "dar", NULL, NULL, 0},
    {"े", "e", NULL, NULL, 0},
};
static const struct city hi_city[] = {
    {"in", "मुंबई", "Mumbai|Bombay"}, {"in", "दिल्ली", "Delhi"},
    {"in", "कोलकाता", "Kolkata|Calcutta"}, {"in", "चेन्नई", "Chennai|Madras"},
    {"in", "बेंगलुरु", "Bengaluru|Bangalore"}, {"in", "हैदराबाद", "Hyderabad"},
    {"in", "अहमदाबाद", "Ahmedabad"}, {"in", "जयपुर", "Jaipur"},
    {"in", "लखनऊ", "Lucknow"},
};

/* -- Nigerian -- */
static const struct share ng_cc[] = {{"ng", 100}};
static const struct gname ng_male[] = {
    G("Adebayo", NULL), G("Oluwaseun", NULL), G("Chukwuemeka", NULL),
    G("Emeka", NULL), G("Ibrahim", NULL), G("Musa", NULL),
    G("Abubakar", "Abubakr"), G("Babatunde", NULL), G("Olumide", NULL),
    G("Chinedu", NULL), G("Ikechukwu", NULL), G("Obinna", NULL),
    G("Tunde", NULL), G("Segun", NULL), G("Femi", NULL), G("Kunle", NULL),
    G("Yusuf", NULL), G("Aliyu", NULL), G("Sani", NULL), G("Usman", NULL),
    G("Uche", NULL), G("Nnamdi", NULL), G("Kelechi", NULL),
    G("Tochukwu", NULL), G("Godwin", NULL), G("Samuel", NULL),
    G("Emmanuel", NULL), G("Daniel", NULL), G("Olusegun", NULL),
    G("Ayodele", NULL),
};
static const struct frag ng_female[] = {
    L("Ngozi"), L("Chioma"), L("Adaeze"), L("Funmilayo"), L("Folake"),
    L("Aisha"), L("Fatima"), L("Hauwa"), L("Zainab"), L("Amina"),
    L("Blessing"), L("Grace"), L("Comfort"), L("Chiamaka"), L("Nneka"),
    L("Ifeoma"), L("Yetunde"), L("Titilayo"), L("Bukola"), L("Omolara"),
    L("Adunni"), L("Halima"), L("Hadiza"), L("Ebere"), L("Uchenna"),
    L("Temitope"), L("Oluwakemi"), L("Precious"), L("Patience"), L("Joy"),
};
static const struct frag ng_fam[] = {
    L("Okafor"), L("Okonkwo"), L("Nwankwo"), L("Eze"), L("Adeyemi"),
    L("Ogunleye"), L("Balogun"), L("Adebayo"), L("Olawale"), L("Bello"),
    L("Abubakar"), L("Mohammed"), L("Ibrahim"), L("Musa"), L("Yusuf"),
    L("Danjuma"), L("Okeke"), L("Obi"), L("Chukwu"), L("Nwosu"), L("Onyeka"),
    L("Ogbonna"), L("Uche"), L("Adewale"), L("Akinola"), L("Ojo"),
    L("Oladipo"), L("Afolabi"), L("Ogundipe"), L("Ibe"),
};
static const struct frag ng_root_list[] = {
    L("Ade"), L("Olu"), L("Ola"), L("Ogun"), L("Oye"), L("Ayo"), L("Fola"),
    L("Akin"), L("Oba"), L("Nwa"), L("Chukwu"), L("Oko"), L("Obi"), L("Ike"),
    L("Onye"), L("Uzo"), L("Ire"), L("Omo"), L("Bola"), L("Tola"),
    L("Kola"), L("Dayo"), L("Chi"), L("Ebere"), L("Ife"), L("Oni"),
};
static const struct frag ng_root_query[] = {
    L("Aja"), L("Bami"), L("Dara"), L("Ebi"), L("Fash"), L("Gbe"), L("Ilo"),
    L("Lanre"), L("Mofe"), L("Ubah"), L("Zik"), L("Kosi"),
};
static const struct suffix ng_suf[] = {
    {"bayo", NULL, NULL, NULL, 0}, {"wale", NULL, NULL, NULL, 0},
    {"tunde", NULL, NULL, NULL, 0}, {"kunle", NULL, NULL, NULL, 0},
    {"yemi", NULL, NULL, NULL, 0}, {"seun", NULL, NULL, NULL, 0},
    {"leye", NULL, NULL, NULL, 0}, {"mide", NULL, NULL, NULL, 0},
    {"dipo", NULL, NULL, NULL, 0}, {"labi", NULL, NULL, NULL, 0},
    {"nkwo", NULL, NULL, NULL, 0}, {"emeka", NULL, NULL, NULL, 0},
    {"nna", NULL, NULL, NULL, 0}, {"eze", NULL, NULL, NULL, 0},
    {"ndu", NULL, NULL, NULL, 0}, {"sanya", NULL, NULL, NULL, 0},
    {"tunji", NULL, NULL, NULL, 0}, {"kanmi", NULL, NULL, NULL, 0},
    {"sola", NULL, NULL, NULL, 0}, {"gbenga", NULL, NULL, NULL, 0},
    {"runmi", NULL, NULL, NULL, 0}, {"bisi", NULL, NULL, NULL, 0},
    {"deji", NULL, NULL, NULL, 0}, {"nweke", NULL, NULL, NULL, 0},
};
static const struct city ng_city[] = {
    {"ng", "Lagos", NULL}, {"ng", "Abuja", NULL}, {"ng", "Kano", NULL},
    {"ng", "Ibadan", NULL}, {"ng", "Port Harcourt", NULL},
    {"ng", "Enugu", NULL}, {"ng", "Kaduna", NULL}, {"ng", "Benin City", NULL},
};

/* -- Vietnamese -- */
static const struct share vi_cc[] = {{"vn", 100}};
static const struct gname vi_male[] = {
    G("Hùng", NULL), G("Dũng", NULL), G("Minh", NULL), G("Tuấn", NULL),
    G("Nam", NULL), G("Hải", NULL), G("Long", NULL), G("Sơn", NULL),
    G("Hoàng", NULL), G("Quang", NULL), G("Thắng", NULL), G("Bình", NULL),
    G("Phong", NULL), G("Trung", NULL), G("Cường", NULL), G("Khoa", NULL),
    G("Hiếu", NULL), G("Đạt", NULL), G("Phúc", NULL), G("Tài", NULL),
    G("Thành", NULL), G("Vinh", NULL), G("Huy", NULL), G("Kiên", NULL),
    G("Lâm", NULL), G("Tùng", NULL), G("Việt", NULL), G("An", NULL),
    G("Bảo", NULL), G("Duy", NULL),
};
static const struct frag vi_female[] = {
    L("Lan"), L("Hương"), L("Hoa"), L("Mai"), L("Linh"), L("Trang"),
    L("Thảo"), L("Hằng"), L("Ngọc"), L("Phương"), L("Nga"), L("Thủy"),
    L("Hạnh"), L("Yến"), L("Dung"), L("Vân"), L("Huyền"), L("Nhung"),
    L("Oanh"), L("Quỳnh"), L("Tâm"), L("Thư"), L("Vy"), L("Anh"), L("Chi"),
    L("My"), L("Nhi"), L("Uyên"), L("Hà"), L("Giang"),
};
static const struct frag vi_mid_m[] = {
    L("Văn"), L("Đức"), L("Minh"), L("Quốc"), L("Hữu"), L("Công"),
    L("Thanh"), L("Xuân"), L("Gia"), L("Đình"), L("Ngọc"), L("Trọng"),
};
static const struct frag vi_mid_f[] = {
    L("Thị"), L("Ngọc"), L("Thu"), L("Kim"), L("Thanh"), L("Mai"),
    L("Bích"), L("Hồng"), L("Phương"), L("Diệu"), L("Thùy"), L("Khánh"),
};
static const struct frag vi_fam[] = {
    L("Nguyễn"), L("Trần"), L("Lê"), L("Phạm"), L("Hoàng"), L("Huỳnh"),
    L("Phan"), L("Vũ"), L("Võ"), L("Đặng"), L("Bùi"), L("Đỗ"), L("Hồ"),
    L("Ngô"), L("Dương"), L("Lý"), L("Đinh"), L("Trương"), L("Lâm"),
    L("Mai"), L("Đoàn"), L("Cao"), L("Lưu"), L("Hà"), L("Tạ"), L("Tô"),
    L("Châu"), L("Quách"), L("Vương"), L("Thái"), L("Kiều"), L("Lương"),
};
static const struct frag vi_root_query[] = {
    L("Khổng"), L("Mạc"), L("Thạch"), L("Lạc"), L("Âu"), L("Ông"), L("Giáp"),
    L("Khúc"), L("Nghiêm"), L("Tiêu"), L("Doãn"), L("Bạch"), L("Diệp"),
    L("Ninh"), L("Phí"), L("Kha"), L("Mạnh"), L("Viên"), L("Ứng"), L("Lạng"),
};
static const struct city vi_city[] = {
    {"vn", "Hà Nội", NULL}, {"vn", "Thành phố Hồ Chí Minh", "Ho Chi Minh City"},
    {"vn", "Đà Nẵng", NULL}, {"vn", "Hải Phòng", NULL},
    {"vn", "Cần Thơ", NULL}, {"vn", "Huế", NULL},
};
/* clang-format on */

/* ---- cultures -------------------------------------------------------------
 * How names of a culture are assembled, in which script and order. */

enum {
	F_LATIN = 1,         /* native script is Latin */
	F_NOSPACE = 2,       /* native names are written without spaces */
	F_FAMFIRST = 4,      /* family name first */
	F_LATIN_WESTERN = 8, /* ... but last in Latin (Japanese) */
};

enum role { R_GIVEN, R_MIDDLE, R_FATHER, R_PARTICLE, R_FAMILY };

/* Joining the two parts of a composed given name. */
enum { GJ_PINYIN, GJ_HYPHEN, GJ_JOINED };

/* One part of a name with its native and Latin spellings; lat[0] is the
 * usual Latin spelling (for Latin-script cultures, the native one). */
struct comp {
	unsigned char role, nlat;
	char nat[FL];
	char lat[NV][FL];
};

enum { POOL_LIST, POOL_QUERY };
enum { FAM_TABLE, FAM_COMPOSED };

/* Where a family name came from: enough to rebuild it in either gender. */
struct famsrc {
	unsigned char kind, pool;
	uint16_t a, b, c; /* table entry, or stem, suffix and prefix + 1 */
};

struct culture;

struct person {
	const struct culture *cu;
	int pool;
	uint64_t idx;
	int64_t anchor; /* the person this one is a relative of, or -1 */
	struct famsrc anchor_fam;
	bool female, native_primary;
	struct famsrc fam[2];
	int nfam;
	struct comp comp[NCOMP];
	int ncomp;
	const char *cc;
	char birth[11];
	char passport[24], idnum[32];
	const struct city *city;
	char name[NAMELEN];
	char alias[NALIAS][NAMELEN];
	int nalias;
};

typedef void build_fn(struct person *, struct rng *);
static build_fn build_western, build_slavic, build_arabic, build_hispanic,
    build_syllabic, build_vietnamese;
static void dutch_spellings(struct comp *c);

struct culture {
	const char *code, *label;
	unsigned weight, flags;
	const struct share *cc;
	size_t ncc;
	const struct gname *male;
	size_t nmale;
	const struct frag *female;
	size_t nfemale;
	const struct frag *midm, *midf; /* own middle names (Văn, Kumar) */
	size_t nmidm, nmidf;
	const struct frag *syl, *syl2; /* parts of composed given names */
	size_t nsyl, nsyl2;            /* syl2 NULL: the same as syl */
	int gjoin;                     /* how they join: GJ_* */
	const struct frag *fam;
	size_t nfam;
	const struct frag *rootl, *rootq;
	size_t nrootl, nrootq;
	const struct suffix *suf;
	size_t nsuf;
	const struct frag *pre; /* optional prefixes of composed names */
	size_t npre;
	const char *art_nat, *art_lat; /* before composed family names */
	const char *pm_nat, *pm_lat, *pf_nat, *pf_lat; /* "bin", "bint" */
	const struct city *city;
	size_t ncity;
	build_fn *build;
	void (*hook)(struct comp *); /* extra Latin spellings */
	double p_native;             /* record's main name in native script */
	double p_table;              /* family name from the table */
	double p_middle, p_second, p_particle, p_prefix, p_father;
	double p_given_table; /* composed-given cultures: table name instead */
};

#define TAB(f, a) .f = a, .n##f = N(a)

static const struct culture cultures[] = {
    {.code = "ru",
        .label = "Russian",
        .weight = 8,
        TAB(cc, ru_cc),
        TAB(male, ru_male),
        TAB(female, ru_female),
        TAB(rootl, ru_root_list),
        TAB(rootq, ru_root_query),
        TAB(suf, ru_suf),
        TAB(city, ru_city),
        .build = build_slavic,
        .p_native = 0.7,
        .p_father = 1},
    {.code = "uk",
        .label = "Ukrainian",
        .weight = 4,
        TAB(cc, uk_cc),
        TAB(male, uk_male),
        TAB(female, uk_female),
        TAB(fam, uk_fam),
        TAB(rootl, uk_root_list),
        TAB(rootq, uk_root_query),
        TAB(suf, uk_suf),
        TAB(city, uk_city),
        .build = build_slavic,
        .p_native = 0.65,
        .p_table = 0.25,
        .p_father = 1},
    {.code = "ar",
        .label = "Arabic",
        .weight = 12,
        TAB(cc, ar_cc),
        TAB(male, ar_male),
        TAB(female, ar_female),
        TAB(fam, ar_fam),
        TAB(rootl, ar_root_list),
        TAB(rootq, ar_root_query),
        TAB(suf, ar_suf),
        .art_nat = "ال",
        .art_lat = "al-|Al-|el-|Al |",
        .pm_nat = "بن",
        .pm_lat = "bin|ibn|ben",
        .pf_nat = "بنت",
        .pf_lat = "bint",
        TAB(city, ar_city),
        .build = build_arabic,
        .p_native = 0.55,
        .p_table = 0.4,
        .p_particle = 0.35},
    {.code = "zh",
        .label = "Chinese",
        .weight = 7,
        .flags = F_NOSPACE | F_FAMFIRST,
        TAB(cc, zh_cc),
        TAB(syl, zh_syl),
        .gjoin = GJ_PINYIN,
        TAB(fam, zh_fam),
        TAB(rootq, zh_root_query),
        TAB(suf, empty_suf),
        TAB(city, zh_city),
        .build = build_syllabic,
        .p_native = 0.75,
        .p_table = 1,
        .p_second = 0.8},
    {.code = "ko",
        .label = "Korean",
        .weight = 3,
        .flags = F_NOSPACE | F_FAMFIRST,
        TAB(cc, ko_cc),
        TAB(syl, ko_syl),
        .gjoin = GJ_HYPHEN,
        TAB(fam, ko_fam),
        TAB(rootq, ko_root_query),
        TAB(suf, empty_suf),
        TAB(city, ko_city),
        .build = build_syllabic,
        .p_native = 0.65,
        .p_table = 1,
        .p_second = 0.92},
    {.code = "ja",
        .label = "Japanese",
        .weight = 2,
        .flags = F_NOSPACE | F_FAMFIRST | F_LATIN_WESTERN,
        TAB(cc, ja_cc),
        TAB(male, ja_male),
        TAB(female, ja_female),
        TAB(fam, ja_fam),
        TAB(rootl, ja_root_list),
        TAB(rootq, ja_root_query),
        TAB(suf, ja_suf),
        TAB(syl, ja_first),
        TAB(syl2, ja_second),
        .gjoin = GJ_JOINED,
        TAB(city, ja_city),
        .build = build_syllabic,
        .p_native = 0.65,
        .p_table = 0.4,
        .p_second = 1,
        .p_given_table = 0.3},
    {.code = "el",
        .label = "Greek",
        .weight = 2,
        TAB(cc, el_cc),
        TAB(male, el_male),
        TAB(female, el_female),
        TAB(rootl, el_root_list),
        TAB(rootq, el_root_query),
        TAB(suf, el_suf),
        TAB(city, el_city),
        .build = build_slavic,
        .p_native = 0.6,
        .p_father = 0.5},
    {.code = "he",
        .label = "Hebrew",
        .weight = 2,
        TAB(cc, he_cc),
        TAB(male, he_male),
        TAB(female, he_female),
        TAB(fam, he_fam),
        TAB(rootl, he_root_list),
        TAB(rootq, he_root_query),
        TAB(suf, he_suf),
        TAB(city, he_city),
        .build = build_western,
        .p_native = 0.6,
        .p_table = 0.3,
        .p_middle = 0.35},
    {.code = "fa",
        .label = "Persian",
        .weight = 5,
        TAB(cc, fa_cc),
        TAB(male, fa_male),
        TAB(female, fa_female),
        TAB(fam, fa_fam),
        TAB(rootl, fa_root_list),
        TAB(rootq, fa_root_query),
        TAB(suf, fa_suf),
        TAB(pre, fa_pre),
        TAB(city, fa_city),
        .build = build_western,
        .p_native = 0.6,
        .p_table = 0.15,
        .p_prefix = 0.45,
        .p_middle = 0.4},
    {.code = "ur",
        .label = "Urdu",
        .weight = 5,
        TAB(cc, ur_cc),
        TAB(male, ur_male),
        TAB(female, ur_female),
        TAB(fam, ur_fam),
        TAB(rootl, ur_root_list),
        TAB(rootq, ur_root_query),
        TAB(suf, ur_suf),
        TAB(city, ur_city),
        .build = build_western,
        .p_native = 0.35,
        .p_table = 0.25,
        .p_middle = 0.6},
    {.code = "tr",
        .label = "Turkish",
        .weight = 5,
        .flags = F_LATIN,
        TAB(cc, tr_cc),
        TAB(male, tr_male),
        TAB(female, tr_female),
        TAB(fam, tr_fam),
        TAB(rootl, tr_root_list),
        TAB(rootq, tr_root_query),
        TAB(suf, tr_suf),
        TAB(city, tr_city),
        .build = build_western,
        .p_table = 0.15,
        .p_middle = 0.5},
    {.code = "es",
        .label = "Spanish",
        .weight = 9,
        .flags = F_LATIN,
        TAB(cc, es_cc),
        TAB(male, es_male),
        TAB(female, es_female),
        TAB(fam, es_fam),
        TAB(rootl, es_root_list),
        TAB(rootq, es_root_query),
        TAB(suf, es_suf),
        TAB(city, es_city),
        .build = build_hispanic,
        .p_table = 0.6,
        .p_middle = 0.3,
        .p_second = 0.85},
    {.code = "pt",
        .label = "Portuguese",
        .weight = 6,
        .flags = F_LATIN,
        TAB(cc, pt_cc),
        TAB(male, pt_male),
        TAB(female, pt_female),
        TAB(fam, pt_fam),
        TAB(rootl, pt_root_list),
        TAB(rootq, pt_root_query),
        TAB(suf, pt_suf),
        TAB(city, pt_city),
        .build = build_hispanic,
        .p_table = 0.45,
        .p_middle = 0.35,
        .p_second = 0.6},
    {.code = "de",
        .label = "German",
        .weight = 4,
        .flags = F_LATIN,
        TAB(cc, de_cc),
        TAB(male, de_male),
        TAB(female, de_female),
        TAB(fam, de_fam),
        TAB(rootl, de_root_list),
        TAB(rootq, de_root_query),
        TAB(suf, de_suf),
        TAB(city, de_city),
        .build = build_western,
        .p_table = 0.3,
        .p_middle = 0.45},
    {.code = "fr",
        .label = "French",
        .weight = 4,
        .flags = F_LATIN,
        TAB(cc, fr_cc),
        TAB(male, fr_male),
        TAB(female, fr_female),
        TAB(fam, fr_fam),
        TAB(rootl, fr_root_list),
        TAB(rootq, fr_root_query),
        TAB(suf, fr_suf),
        TAB(city, fr_city),
        .build = build_western,
        .p_table = 0.3,
        .p_middle = 0.45},
    {.code = "nl",
        .label = "Dutch",
        .weight = 2,
        .flags = F_LATIN,
        TAB(cc, nl_cc),
        TAB(male, nl_male),
        TAB(female, nl_female),
        TAB(fam, nl_fam),
        TAB(rootl, nl_root_list),
        TAB(rootq, nl_root_query),
        TAB(suf, nl_suf),
        TAB(city, nl_city),
        .build = build_western,
        .hook = dutch_spellings,
        .p_table = 0.3,
        .p_middle = 0.6},
    {.code = "en",
        .label = "English",
        .weight = 8,
        .flags = F_LATIN,
        TAB(cc, en_cc),
        TAB(male, en_male),
        TAB(female, en_female),
        TAB(fam, en_fam),
        TAB(rootl, en_root_list),
        TAB(rootq, en_root_query),
        TAB(suf, en_suf),
        TAB(city, en_city),
        .build = build_western,
        .p_table = 0.3,
        .p_middle = 0.6},
    {.code = "hi",
        .label = "Hindi",
        .weight = 6,
        TAB(cc, hi_cc),
        TAB(male, hi_male),
        TAB(female, hi_female),
        TAB(fam, hi_fam),
        TAB(rootl, hi_root_list),
        TAB(rootq, hi_root_query),
        TAB(suf, hi_suf),
        TAB(midm, hi_mid_m),
        TAB(midf, hi_mid_f),
        TAB(city, hi_city),
        .build = build_western,
        .p_native = 0.4,
        .p_table = 0.25,
        .p_middle = 0.65},
    {.code = "ng",
        .label = "Nigerian",
        .weight = 4,
        .flags = F_LATIN,
        TAB(cc, ng_cc),
        TAB(male, ng_male),
        TAB(female, ng_female),
        TAB(fam, ng_fam),
        TAB(rootl, ng_root_list),
        TAB(rootq, ng_root_query),
        TAB(suf, ng_suf),
        TAB(city, ng_city),
        .build = build_western,
        .p_table = 0.2,
        .p_middle = 0.6},
    {.code = "vi",
        .label = "Vietnamese",
        .weight = 2,
        .flags = F_LATIN | F_FAMFIRST,
        TAB(cc, vi_cc),
        TAB(male, vi_male),
        TAB(female, vi_female),
        TAB(midm, vi_mid_m),
        TAB(midf, vi_mid_f),
        TAB(fam, vi_fam),
        TAB(rootq, vi_root_query),
        TAB(suf, empty_suf),
        TAB(city, vi_city),
        .build = build_vietnamese,
        .p_table = 1,
        .p_second = 0.5},
};
#define NCULT N(cultures)

/* Document and identity-number formats by country: 'a' a capital letter,
 * 'n' a digit, 'x' either; anything else is copied.  Close to what each
 * country issues, not exact. */
struct ccinfo {
	const char *cc, *passport, *idnum, *legal;
};

static const struct ccinfo ccinfos[] = {
    {"ae", "annnnnnn", "784-nnnn-nnnnnnn-n", "FZE"},
    {"af", "Pnnnnnnn", "nnnn-nnnn-nnnnn", "Ltd"},
    {"ao", "Nnnnnnnnn", "nnnnnnnnnaann", "Lda."},
    {"ar", "aaannnnnn", "nn.nnn.nnn", "S.A."},
    {"at", "annnnnnn", "nnnnnnnnnn", "GmbH"},
    {"au", "annnnnnn", "nnnnnnnnnn", "Pty Ltd"},
    {"be", "aannnnnn", "nn.nn.nn-nnn.nn", "SRL"},
    {"br", "aannnnnn", "nnn.nnn.nnn-nn", "Ltda."},
    {"by", "aannnnnnn", "nnnnnnnannnaan", "OOO"},
    {"ca", "aannnnnn", "nnn-nnn-nnn", "Inc."},
    {"ch", "annnnnnn", "756.nnnn.nnnn.nn", "AG"},
    {"cl", "annnnnnnn", "nn.nnn.nnn-n", "SpA"},
    {"cn", "Ennnnnnnn", "nnnnnnnnnnnnnnnnnn", "Co., Ltd."},
    {"co", "aannnnnnn", "nnnnnnnnnn", "S.A.S."},
    {"cu", "annnnnnn", "nnnnnnnnnnn", "S.A."},
    {"cy", "annnnnnnn", "nnnnnnnn", "Ltd"},
    {"de", "Cxxxxxxxx", "Lxxxxxxxx", "GmbH"},
    {"dz", "nnnnnnnnn", "nnnnnnnnnnnnnnnnnn", "SARL"},
    {"ec", "annnnnnn", "nnnnnnnnnn", "S.A."},
    {"eg", "Annnnnnnn", "nnnnnnnnnnnnnn", "S.A.E."},
    {"es", "aaannnnnn", "nnnnnnnna", "S.L."},
    {"fr", "nnaannnnn", "nnnnnnnnnnnn", "SARL"},
    {"gb", "nnnnnnnnn", "aannnnnna", "Ltd"},
    {"gr", "aannnnnnn", "aa nnnnnn", "A.E."},
    {"gt", "annnnnnnn", "nnnn nnnnn nnnn", "S.A."},
    {"hk", "Knnnnnnnn", "annnnnn(n)", "Ltd"},
    {"ie", "aannnnnnn", "nnnnnnnaa", "Ltd"},
    {"il", "nnnnnnnn", "nnnnnnnnn", "Ltd"},
    {"in", "annnnnnn", "nnnn nnnn nnnn", "Pvt. Ltd."},
    {"iq", "annnnnnnn", "nnnnnnnnnnnn", "Co."},
    {"ir", "annnnnnnn", "nnnnnnnnnn", "Co."},
    {"jo", "annnnnnn", "nnnnnnnnnn", "LLC"},
    {"jp", "aannnnnnn", "nnnnnnnnnnnn", "K.K."},
    {"kp", "nnnnnnnnn", "nnnnnnnnn", "Corporation"},
    {"kr", "Mnnnnnnnn", "nnnnnn-nnnnnnn", "Co., Ltd."},
    {"kw", "annnnnnn", "nnnnnnnnnnnn", "W.L.L."},
    {"kz", "Nnnnnnnnn", "nnnnnnnnnnnn", "TOO"},
    {"lb", "RLnnnnnnn", "nnnnnnnnnnnn", "S.A.L."},
    {"lu", "aannnnnn", "nnnnnnnnnnnnn", "S.à r.l."},
    {"ly", "annnnnnn", "nnnnnnnnnnnn", "Co."},
    {"ma", "aannnnnnn", "aannnnnn", "SARL"},
    {"mx", "annnnnnnn", "aaaannnnnnaaaaaann", "S.A. de C.V."},
    {"mz", "nnaannnnn", "nnnnnnnnnnnna", "Lda."},
    {"ng", "Annnnnnnn", "nnnnnnnnnnn", "Ltd"},
    {"nl", "aaxxxxxxn", "nnnnnnnnn", "B.V."},
    {"nz", "aannnnnn", "nnnnnnnnn", "Ltd"},
    {"pe", "nnnnnnnnn", "nnnnnnnn", "S.A.C."},
    {"pk", "aannnnnnn", "nnnnn-nnnnnnn-n", "(Pvt) Ltd"},
    {"pt", "annnnnn", "nnnnnnnn n aan", "Lda."},
    {"qa", "annnnnnn", "nnnnnnnnnnn", "W.L.L."},
    {"ru", "nnnnnnnnn", "nnnn nnnnnn", "OOO"},
    {"sa", "annnnnnn", "1nnnnnnnnn", "Co."},
    {"sd", "Pnnnnnnnn", "nnnnnnnnnnn", "Co. Ltd"},
    {"sg", "Ennnnnnna", "Snnnnnnna", "Pte. Ltd."},
    {"sy", "nnnnnnnnn", "nnnnnnnnnnn", "Co."},
    {"tn", "annnnnn", "nnnnnnnn", "SARL"},
    {"tr", "Unnnnnnnn", "nnnnnnnnnnn", "Ltd. Şti."},
    {"tw", "nnnnnnnnn", "annnnnnnnn", "Co., Ltd."},
    {"ua", "aannnnnn", "nnnnnnnnn", "TOV"},
    {"us", "nnnnnnnnn", "nnn-nn-nnnn", "LLC"},
    {"ve", "nnnnnnnnn", "V-nnnnnnnn", "C.A."},
    {"vn", "annnnnnn", "nnnnnnnnnnnn", "Co., Ltd."},
    {"ye", "nnnnnnnn", "nnnnnnnnnnn", "Co."},
};

static const struct ccinfo *
ccinfo_get(const char *cc)
{
	size_t i;

	for (i = 0; i < N(ccinfos); i++)
		if (strcmp(ccinfos[i].cc, cc) == 0)
			return &ccinfos[i];
	die("internal: no document format for country '%s'", cc);
}

static void
fill_pattern(struct rng *r, const char *pat, char *out, size_t cap)
{
	static const char alnum[] = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
	size_t i;

	for (i = 0; pat[i] != '\0' && i + 1 < cap; i++) {
		switch (pat[i]) {
		case 'a':
			out[i] = (char)('A' + rng_below(r, 26));
			break;
		case 'n':
			out[i] = (char)('0' + rng_below(r, 10));
			break;
		case 'x':
			out[i] = alnum[rng_below(r, sizeof(alnum) - 1)];
			break;
		default:
			out[i] = pat[i];
		}
	}
	out[i] = '\0';
}

/* ---- name parts ---------------------------------------------------------- */

static void
comp_add(struct comp *c, const char *s)
{
	int i;

	if (s[0] == '\0')
		return;
	for (i = 0; i < c->nlat; i++)
		if (strcmp(c->lat[i], s) == 0)
			return;
	if (c->nlat < NV)
		scpy(c->lat[c->nlat++], FL, s);
}

/* Split a '|' list into at most max spellings; empty items are kept (an
 * empty article spells "Tikriti" without "al-"), and NULL or "" yields one
 * empty item, so products over lists never come out empty. */
static int
split(const char *list, char out[][FL], int max)
{
	const char *p = list != NULL ? list : "", *e;
	int n = 0;
	size_t len;

	for (;;) {
		e = strchr(p, '|');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		if (len >= FL)
			die("internal: spelling too long in '%s'", list);
		if (n < max) {
			memcpy(out[n], p, len);
			out[n++][len] = '\0';
		}
		if (e == NULL)
			return n;
		p = e + 1;
	}
}

static void
comp_add_list(struct comp *c, const char *list)
{
	char sp[NV][FL];
	int i, n;

	if (list == NULL)
		return;
	n = split(list, sp, NV);
	for (i = 0; i < n; i++)
		comp_add(c, sp[i]);
}

/* Adds the spellings that follow from the listed ones: ASCII foldings (plain
 * and German), no apostrophes, and the culture's own rules. */
static void
comp_finish(struct comp *c, const struct culture *cu)
{
	char t[FL];
	int i, n = c->nlat;

	for (i = 0; i < n; i++) {
		fold(c->lat[i], false, t, sizeof(t));
		comp_add(c, t);
		fold(c->lat[i], true, t, sizeof(t));
		comp_add(c, t);
	}
	n = c->nlat;
	for (i = 0; i < n; i++) {
		const char *s = c->lat[i];
		size_t k = 0;

		if (strchr(s, '\'') == NULL)
			continue;
		for (; *s != '\0'; s++)
			if (*s != '\'')
				t[k++] = *s;
		t[k] = '\0';
		comp_add(c, t);
	}
	if (cu->hook != NULL)
		cu->hook(c);
	if (c->nlat == 0)
		die("internal: name part '%s' has no Latin spelling", c->nat);
}

static void
comp_from(struct comp *c, int role, const struct culture *cu, const char *nat,
    const char *lat)
{
	c->role = (unsigned char)role;
	c->nlat = 0;
	scpy(c->nat, FL, nat);
	if (cu->flags & F_LATIN)
		comp_add(c, nat);
	comp_add_list(c, lat);
	comp_finish(c, cu);
}

/* Dutch: "van der Berg" is also written "Van der Berg" and "Vanderberg",
 * and "ij" as "y". */
static void
dutch_spellings(struct comp *c)
{
	char t[FL];
	int i, n = c->nlat;

	for (i = 0; i < n; i++) {
		const char *s = c->lat[i], *p;
		size_t k = 0;

		if (s[0] >= 'a' && s[0] <= 'z' && strchr(s, ' ') != NULL) {
			scpy(t, FL, s);
			t[0] = (char)(t[0] - 'a' + 'A');
			comp_add(c, t);
			for (p = s; *p != '\0'; p++) {
				char ch = *p;

				if (ch == ' ')
					continue;
				if (k == 0 && ch >= 'a' && ch <= 'z')
					ch = (char)(ch - 'a' + 'A');
				else if (k > 0 && ch >= 'A' && ch <= 'Z')
					ch = (char)(ch - 'A' + 'a');
				t[k++] = ch;
			}
			t[k] = '\0';
			comp_add(c, t);
		}
		if (strstr(s, "ij") != NULL) {
			for (k = 0, p = s; *p != '\0'; p++) {
				if (p[0] == 'i' && p[1] == 'j') {
					t[k++] = 'y';
					p++;
				} else {
					t[k++] = *p;
				}
			}
			t[k] = '\0';
			comp_add(c, t);
		}
	}
}

static const struct frag *
stem_of(const struct culture *cu, int pool, size_t a)
{
	return pool == POOL_LIST ? &cu->rootl[a] : &cu->rootq[a];
}

static void
lower_first(char *s)
{
	if (s[0] >= 'A' && s[0] <= 'Z')
		s[0] = (char)(s[0] - 'A' + 'a');
}

static bool
ends_in_letter(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && s[n - 1] != ' ' && s[n - 1] != '-';
}

/* Builds a family name from its source, in the given gender.  Latin
 * spellings are the product article x prefix x stem x suffix; a prefix
 * spelled without a separator runs into the stem ("Mir" + "Hosseini" ->
 * "Mirhosseini"). */
static void
compose_family(const struct culture *cu, const struct famsrc *fs, bool female,
    struct comp *c)
{
	char rs[NV][FL], ss[NV][FL], as[NV][FL], ps[NV][FL], t[FL], r[FL];
	const struct frag *st, *pr = fs->c > 0 ? &cu->pre[fs->c - 1] : NULL;
	const struct suffix *sx;
	const char *snat, *slat;
	int nr, ns, na, np, i, j, k, m;

	if (fs->kind == FAM_TABLE) {
		comp_from(
		    c, R_FAMILY, cu, cu->fam[fs->a].nat, cu->fam[fs->a].lat);
		return;
	}
	st = stem_of(cu, fs->pool, fs->a);
	sx = &cu->suf[fs->b];
	snat = female && sx->fnat != NULL ? sx->fnat : sx->nat;
	slat = female && sx->fnat != NULL ? sx->flat : sx->lat;
	c->role = R_FAMILY;
	c->nlat = 0;
	scpy(c->nat, FL, cu->art_nat != NULL ? cu->art_nat : "");
	if (pr != NULL)
		scat(c->nat, FL, pr->nat);
	scat(c->nat, FL, st->nat);
	scat(c->nat, FL, snat);
	if (cu->flags & F_LATIN) {
		scpy(rs[0], FL, st->nat);
		nr = 1 + (st->lat != NULL ? split(st->lat, rs + 1, NV - 1) : 0);
	} else {
		nr = split(st->lat, rs, NV);
	}
	if (pr == NULL)
		np = split(NULL, ps, NV);
	else if (cu->flags & F_LATIN) {
		scpy(ps[0], FL, pr->nat);
		np = 1 + (pr->lat != NULL ? split(pr->lat, ps + 1, NV - 1) : 0);
	} else {
		np = split(pr->lat, ps, NV);
	}
	ns = split(slat != NULL ? slat : snat, ss, NV);
	na = split(cu->art_lat, as, NV);
	for (i = 0; i < nr; i++)
		for (m = 0; m < np; m++)
			for (j = 0; j < ns; j++)
				for (k = 0; k < na; k++) {
					scpy(r, FL, rs[i]);
					if (ends_in_letter(ps[m]))
						lower_first(r);
					scpy(t, FL, as[k]);
					scat(t, FL, ps[m]);
					scat(t, FL, r);
					scat(t, FL, ss[j]);
					comp_add(c, t);
				}
	comp_finish(c, cu);
}

/* A given name of one or two parts.  Pinyin joins them ("Xiaoming",
 * with an apostrophe before a vowel: "Xi'an") and also writes them apart;
 * Korean hyphenates ("Min-jun"); the second romanisation (Wade-Giles,
 * McCune-Reischauer) is hyphenated.  Japanese runs the parts together
 * ("Kenta", "Ken'ichi") in every spelling of each. */
static void
compose_syllables(
    const struct culture *cu, size_t i, size_t j, bool two, struct comp *c)
{
	const struct frag *second = cu->syl2 != NULL ? cu->syl2 : cu->syl;
	char a[NV][FL], b[NV][FL], t[FL], low[FL];
	int na, nb, k, m;

	c->role = R_GIVEN;
	c->nlat = 0;
	scpy(c->nat, FL, cu->syl[i].nat);
	na = split(cu->syl[i].lat, a, NV);
	if (!two) {
		for (k = 0; k < na; k++)
			comp_add(c, a[k]);
		comp_finish(c, cu);
		return;
	}
	scat(c->nat, FL, second[j].nat);
	nb = split(second[j].lat, b, NV);
	if (cu->gjoin == GJ_JOINED) {
		for (k = 0; k < na; k++)
			for (m = 0; m < nb; m++) {
				size_t n = strlen(a[k]);

				scpy(low, FL, b[m]);
				lower_first(low);
				scpy(t, FL, a[k]);
				if (n > 0 && a[k][n - 1] == 'n' &&
				    strchr("aeiouy", low[0]) != NULL)
					scat(t, FL, "'");
				scat(t, FL, low);
				comp_add(c, t);
			}
		comp_finish(c, cu);
		return;
	}
	for (k = 0; k < (na < nb ? nb : na) && k < 2; k++) {
		const char *x = a[k < na ? k : 0], *y = b[k < nb ? k : 0];

		scpy(low, FL, y);
		lower_first(low);
		if (k == 0 && cu->gjoin == GJ_PINYIN) {
			scpy(t, FL, x);
			if (strchr("aeo", low[0]) != NULL)
				scat(t, FL, "'");
			scat(t, FL, low);
			comp_add(c, t);
		}
		scpy(t, FL, x);
		scat(t, FL, "-");
		scat(t, FL, low);
		comp_add(c, t);
		if (k == 0) {
			scpy(t, FL, x);
			scat(t, FL, " ");
			scat(t, FL, y);
			comp_add(c, t);
			if (cu->gjoin == GJ_HYPHEN) {
				scpy(t, FL, x);
				scat(t, FL, low);
				comp_add(c, t);
			}
		}
	}
	comp_finish(c, cu);
}

/* ---- persons ----------------------------------------------------------- */

#define P_FEMALE 0.3    /* police lists are mostly men */
#define P_RELATIVE 0.04 /* persons generated as a relative of another */
#define P_ALIAS_LATIN 0.55
#define P_PASSPORT 0.45
#define P_IDNUM 0.15
#define P_BIRTHPLACE 0.4

/* Culture weights after --cultures, and per-culture query-pool family
 * names: set once in main before any generation. */
static unsigned cult_weight[NCULT], cult_total;
struct qcombo {
	uint16_t a, b, c;
};
static struct qcombo *qcombos[NCULT]; /* unprefixed ones first */
static size_t nqcombos[NCULT], nqplain[NCULT];

static size_t
culture_index(const struct culture *cu)
{
	return (size_t)(cu - cultures);
}

static const struct culture *
pick_culture(struct rng *r)
{
	size_t x = rng_below(r, cult_total), i;

	for (i = 0; i < NCULT; i++) {
		if (x < cult_weight[i])
			return &cultures[i];
		x -= cult_weight[i];
	}
	die("internal: culture weights");
}

static const char *
pick_cc(struct rng *r, const struct culture *cu)
{
	unsigned tot = 0, x;
	size_t i;

	for (i = 0; i < cu->ncc; i++)
		tot += cu->cc[i].w;
	x = (unsigned)rng_below(r, tot);
	for (i = 0; i < cu->ncc; i++) {
		if (x < cu->cc[i].w)
			return cu->cc[i].cc;
		x -= cu->cc[i].w;
	}
	return cu->cc[0].cc;
}

static bool
suffix_fits(const struct suffix *sx, const struct frag *stem)
{
	return sx->cls == 0 || stem->cls == 0 || (sx->cls & stem->cls) != 0;
}

static uint16_t
pick_suffix(struct rng *r, const struct culture *cu, const struct frag *stem)
{
	size_t i, n = 0, k;

	for (i = 0; i < cu->nsuf; i++)
		n += suffix_fits(&cu->suf[i], stem);
	if (n == 0)
		die("internal: no suffix fits stem '%s'", stem->nat);
	k = rng_below(r, n);
	for (i = 0; i < cu->nsuf; i++)
		if (suffix_fits(&cu->suf[i], stem) && k-- == 0)
			break;
	return (uint16_t)i;
}

static void
pick_family(
    struct rng *r, const struct culture *cu, int pool, struct famsrc *fs)
{
	fs->pool = (unsigned char)pool;
	if (pool == POOL_QUERY) {
		size_t ci = culture_index(cu), k;

		if (nqcombos[ci] == 0)
			die("internal: no query-pool family names for %s",
			    cu->label);
		/* Prefixes as often as in the list pool. */
		if (nqplain[ci] == 0 ||
		    (nqplain[ci] < nqcombos[ci] && rng_chance(r, cu->p_prefix)))
			k = nqplain[ci] +
			    rng_below(r, nqcombos[ci] - nqplain[ci]);
		else
			k = rng_below(r, nqplain[ci]);
		if (k >= nqcombos[ci])
			k = rng_below(r, nqcombos[ci]);
		fs->kind = FAM_COMPOSED;
		fs->a = qcombos[ci][k].a;
		fs->b = qcombos[ci][k].b;
		fs->c = qcombos[ci][k].c;
	} else if (cu->nfam > 0 &&
	           (cu->nrootl == 0 || rng_chance(r, cu->p_table))) {
		fs->kind = FAM_TABLE;
		fs->a = (uint16_t)rng_mixed(r, cu->nfam);
		fs->b = fs->c = 0;
	} else {
		fs->kind = FAM_COMPOSED;
		fs->a = (uint16_t)rng_below(r, cu->nrootl);
		fs->b = pick_suffix(r, cu, &cu->rootl[fs->a]);
		fs->c = cu->npre > 0 && rng_chance(r, cu->p_prefix)
		            ? (uint16_t)(1 + rng_below(r, cu->npre))
		            : 0;
	}
}

static struct comp *
add_comp(struct person *p)
{
	if (p->ncomp == NCOMP)
		die("internal: too many name parts");
	return &p->comp[p->ncomp++];
}

static void
given_from(
    struct comp *c, const struct culture *cu, bool female, size_t i, int role)
{
	if (female)
		comp_from(c, role, cu, cu->female[i].nat, cu->female[i].lat);
	else
		comp_from(c, role, cu, cu->male[i].nat, cu->male[i].lat);
}

/* A given or middle name unlike the ones the person already has. */
static void
add_given(struct person *p, struct rng *r, int role)
{
	const struct culture *cu = p->cu;
	size_t n = p->female ? cu->nfemale : cu->nmale, i;
	struct comp *c = add_comp(p);
	int tries, k;

	for (tries = 0;; tries++) {
		bool dup = false;

		i = rng_mixed(r, n);
		given_from(c, cu, p->female, i, role);
		for (k = 0; k < p->ncomp - 1; k++)
			dup |= strcmp(p->comp[k].nat, c->nat) == 0;
		if (!dup || tries == 3)
			return;
	}
}

static void
add_family(struct person *p, struct rng *r)
{
	struct famsrc fs;

	if (p->nfam == 0 && p->anchor >= 0)
		fs = p->anchor_fam; /* relatives share the family name */
	else
		pick_family(r, p->cu, p->pool, &fs);
	p->fam[p->nfam++] = fs;
	compose_family(p->cu, &fs, p->female, add_comp(p));
}

static void
build_western(struct person *p, struct rng *r)
{
	const struct culture *cu = p->cu;
	const struct frag *mid = p->female ? cu->midf : cu->midm;
	size_t nmid = p->female ? cu->nmidf : cu->nmidm;

	add_given(p, r, R_GIVEN);
	if (rng_chance(r, cu->p_middle)) {
		if (nmid > 0) { /* a culture's own middle names (Kumar, Devi) */
			const struct frag *m = &mid[rng_mixed(r, nmid)];

			comp_from(add_comp(p), R_MIDDLE, cu, m->nat, m->lat);
		} else {
			add_given(p, r, R_MIDDLE);
		}
	}
	add_family(p, r);
}

/* Given name, the father's name as a patronymic (Russian, Ukrainian) or
 * in the genitive (Greek), stored as fatherName, and the family name. */
static void
build_slavic(struct person *p, struct rng *r)
{
	const struct culture *cu = p->cu;
	const struct gname *g;

	add_given(p, r, R_GIVEN);
	if (rng_chance(r, cu->p_father)) {
		g = &cu->male[rng_mixed(r, cu->nmale)];
		comp_from(add_comp(p), R_FATHER, cu, p->female ? g->pf : g->pm,
		    p->female ? g->pfl : g->pml);
	}
	add_family(p, r);
}

/* Given name, sometimes "bin"/"bint", the father's name, sometimes the
 * grandfather's, and the family name. */
static void
build_arabic(struct person *p, struct rng *r)
{
	const struct culture *cu = p->cu;

	add_given(p, r, R_GIVEN);
	if (rng_chance(r, cu->p_particle))
		comp_from(add_comp(p), R_PARTICLE, cu,
		    p->female ? cu->pf_nat : cu->pm_nat,
		    p->female ? cu->pf_lat : cu->pm_lat);
	given_from(add_comp(p), cu, false, rng_mixed(r, cu->nmale), R_FATHER);
	if (rng_chance(r, 0.3))
		given_from(
		    add_comp(p), cu, false, rng_mixed(r, cu->nmale), R_MIDDLE);
	add_family(p, r);
}

/* One or two given names and one or two family names. */
static void
build_hispanic(struct person *p, struct rng *r)
{
	add_given(p, r, R_GIVEN);
	if (rng_chance(r, p->cu->p_middle))
		add_given(p, r, R_MIDDLE);
	add_family(p, r);
	if (rng_chance(r, p->cu->p_second))
		add_family(p, r);
}

/* Chinese, Korean, Japanese: a given name composed of one or two parts,
 * or (Japanese) sometimes one from the table of common names. */
static void
build_syllabic(struct person *p, struct rng *r)
{
	const struct culture *cu = p->cu;
	const struct frag *second = cu->syl2 != NULL ? cu->syl2 : cu->syl;
	size_t nsecond = cu->syl2 != NULL ? cu->nsyl2 : cu->nsyl;
	unsigned want = p->female ? 2 : 1;
	size_t i, j;
	bool two = rng_chance(r, cu->p_second);

	if (rng_chance(r, cu->p_given_table)) {
		add_given(p, r, R_GIVEN);
	} else {
		do
			i = rng_below(r, cu->nsyl);
		while ((cu->syl[i].cls & want) == 0);
		do
			j = rng_below(r, nsecond);
		while ((second[j].cls & want) == 0);
		compose_syllables(cu, i, j, two, add_comp(p));
	}
	add_family(p, r);
}

/* Family, middle (Văn, Thị ...), sometimes a second middle, given. */
static void
build_vietnamese(struct person *p, struct rng *r)
{
	const struct culture *cu = p->cu;
	const struct frag *mid = p->female ? cu->midf : cu->midm;
	size_t nmid = p->female ? cu->nmidf : cu->nmidm;
	const struct frag *m = &mid[rng_skew(r, nmid)];

	comp_from(add_comp(p), R_MIDDLE, cu, m->nat, m->lat);
	if (rng_chance(r, cu->p_second)) {
		m = &mid[rng_below(r, nmid)];
		comp_from(add_comp(p), R_MIDDLE, cu, m->nat, m->lat);
	}
	add_given(p, r, R_GIVEN);
	add_family(p, r);
}

/* ---- rendering ------------------------------------------------------------
 * A full name from its parts: native or Latin, one spelling per part, the
 * family name at its usual end or swapped, middle names kept or dropped. */

struct rendering {
	bool latin, swap, drop_middle, upper;
	unsigned char var[NCOMP];
};

static bool
is_middle(int role)
{
	return role == R_MIDDLE || role == R_FATHER || role == R_PARTICLE;
}

static void
render(
    const struct person *p, const struct rendering *rd, char *out, size_t cap)
{
	const struct culture *cu = p->cu;
	bool famfirst = (cu->flags & F_FAMFIRST) &&
	                !(rd->latin && (cu->flags & F_LATIN_WESTERN));
	bool nospace = !rd->latin && (cu->flags & F_NOSPACE);
	int pass, i;

	if (rd->swap)
		famfirst = !famfirst;
	out[0] = '\0';
	for (pass = 0; pass < 3; pass++) {
		for (i = 0; i < p->ncomp; i++) {
			const struct comp *c = &p->comp[i];
			bool fam = c->role == R_FAMILY;
			const char *s;

			if ((pass == 0 && !(fam && famfirst)) ||
			    (pass == 1 && fam) ||
			    (pass == 2 && !(fam && !famfirst)))
				continue;
			if (rd->drop_middle && is_middle(c->role))
				continue;
			s = rd->latin
			        ? c->lat[rd->var[i] < c->nlat ? rd->var[i] : 0]
			        : c->nat;
			if (s[0] == '\0')
				continue;
			if (out[0] != '\0' && !nospace)
				scat(out, cap, " ");
			scat(out, cap, s);
		}
	}
	if (rd->upper && is_ascii(out))
		ascii_upper(out);
}

/* Other spellings for some parts; false if the person has none. */
static bool
random_spelling(const struct person *p, struct rng *r, struct rendering *rd)
{
	int cand[NCOMP], n = 0, i, k;

	for (i = 0; i < p->ncomp; i++) {
		rd->var[i] = (unsigned char)rng_below(r, p->comp[i].nlat);
		if (p->comp[i].nlat > 1)
			cand[n++] = i;
	}
	if (n == 0)
		return false;
	k = cand[rng_below(r, (size_t)n)];
	rd->var[k] = (unsigned char)(1 + rng_below(r, p->comp[k].nlat - 1u));
	return true;
}

static void
add_alias(struct person *p, const char *s)
{
	int i;

	if (strcmp(s, p->name) == 0 || p->nalias == NALIAS)
		return;
	for (i = 0; i < p->nalias; i++)
		if (strcmp(p->alias[i], s) == 0)
			return;
	scpy(p->alias[p->nalias++], NAMELEN, s);
}

/* The record's name and aliases: native-script records often carry the
 * usual romanisation, sometimes another spelling too; Latin-script
 * records sometimes an ASCII spelling.  About 1.5 names per person. */
static void
person_names(struct person *p, struct rng *r)
{
	const struct culture *cu = p->cu;
	struct rendering rd;
	char buf[NAMELEN];

	memset(&rd, 0, sizeof(rd));
	p->native_primary =
	    (cu->flags & F_LATIN) || rng_chance(r, cu->p_native);
	rd.latin = !p->native_primary;
	render(p, &rd, p->name, sizeof(p->name));
	p->nalias = 0;
	if (!(cu->flags & F_LATIN)) {
		if (p->native_primary && rng_chance(r, P_ALIAS_LATIN)) {
			rd.latin = true;
			render(p, &rd, buf, sizeof(buf));
			add_alias(p, buf);
		}
		if (!p->native_primary && rng_chance(r, 0.4)) {
			rd.latin = false;
			render(p, &rd, buf, sizeof(buf));
			add_alias(p, buf);
		}
		if (rng_chance(r, 0.15)) {
			rd.latin = true;
			if (random_spelling(p, r, &rd)) {
				render(p, &rd, buf, sizeof(buf));
				add_alias(p, buf);
			}
		}
	} else if (rng_chance(r, 0.5)) {
		rd.latin = true;
		if (random_spelling(p, r, &rd)) {
			render(p, &rd, buf, sizeof(buf));
			add_alias(p, buf);
		}
	}
}

static bool
rel_flag(uint64_t seed, int pool, uint64_t idx, struct rng *r)
{
	rng_init(r, seed, (uint64_t)pool, ST_RELATIVE, idx);
	return rng_chance(r, P_RELATIVE);
}

/* The earlier person idx is generated as a relative of, or -1.  Anchors
 * are never relatives themselves, so following one is never recursive.
 * rr is left positioned for the link decisions of person idx. */
static int64_t
relative_anchor(uint64_t seed, int pool, uint64_t idx, struct rng *rr)
{
	struct rng tmp;
	uint64_t a;

	if (!rel_flag(seed, pool, idx, rr) || idx == 0)
		return -1;
	a = idx - 1 - rng_below(rr, idx < 8 ? (size_t)idx : 8);
	if (rel_flag(seed, pool, a, &tmp))
		return -1;
	return (int64_t)a;
}

struct ymd {
	int y, m, d;
};

static struct ymd
rand_date(struct rng *r, int y0, int span)
{
	static const int dim[] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	struct ymd t;
	int days;

	t.y = y0 + (int)rng_below(r, (size_t)span);
	t.m = 1 + (int)rng_below(r, 12);
	days = dim[t.m - 1] +
	       (t.m == 2 && t.y % 4 == 0 && (t.y % 100 != 0 || t.y % 400 == 0));
	t.d = 1 + (int)rng_below(r, (size_t)days);
	return t;
}

/* ISO 8601; the year is kept to four digits by construction. */
static void
fmt_date(char out[11], struct ymd t)
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)t.y % 10000u,
	    (unsigned)t.m % 100u, (unsigned)t.d % 100u);
}

/* Passports run ten years (five for minors); 29 February moves to the
 * 28th in a year that has none. */
static void
fmt_expiry(char out[11], struct ymd issued, int years)
{
	issued.y += years;
	if (issued.m == 2 && issued.d == 29)
		issued.d = 28;
	fmt_date(out, issued);
}

static void
person_make(struct person *p, uint64_t seed, int pool, uint64_t idx)
{
	struct rng r, rr;
	const struct city *cands[32];
	size_t nc = 0, i;
	double u;

	rng_init(&r, seed, (uint64_t)pool, ST_PERSON, idx);
	p->pool = pool;
	p->idx = idx;
	p->nfam = 0;
	p->ncomp = 0;
	p->anchor = relative_anchor(seed, pool, idx, &rr);
	if (p->anchor >= 0) {
		struct person *a = xmalloc(sizeof(*a));

		person_make(a, seed, pool, (uint64_t)p->anchor);
		p->cu = a->cu;
		p->cc = a->cc;
		p->anchor_fam = a->fam[0];
		free(a);
	} else {
		p->cu = pick_culture(&r);
		p->cc = pick_cc(&r, p->cu);
	}
	p->female = rng_chance(&r, P_FEMALE);
	p->cu->build(p, &r);
	person_names(p, &r);

	/* 1940-2005; one in seven only known to the year, a few to the
	 * month, as in real notices. */
	fmt_date(p->birth, rand_date(&r, 1940, 66));
	u = rng_unit(&r);
	if (u < 0.14)
		p->birth[4] = '\0';
	else if (u < 0.17)
		p->birth[7] = '\0';

	p->passport[0] = p->idnum[0] = '\0';
	if (rng_chance(&r, P_PASSPORT))
		fill_pattern(&r, ccinfo_get(p->cc)->passport, p->passport,
		    sizeof(p->passport));
	if (rng_chance(&r, P_IDNUM))
		fill_pattern(
		    &r, ccinfo_get(p->cc)->idnum, p->idnum, sizeof(p->idnum));
	p->city = NULL;
	if (rng_chance(&r, P_BIRTHPLACE)) {
		for (i = 0; i < p->cu->ncity && nc < N(cands); i++)
			if (strcmp(p->cu->city[i].cc, p->cc) == 0)
				cands[nc++] = &p->cu->city[i];
		p->city = nc > 0 ? cands[rng_below(&r, nc)]
		                 : &p->cu->city[rng_below(&r, p->cu->ncity)];
	}
}

/* The part of the record's name in its main script ("" if none). */
static const char *
part_of(const struct person *p, int role, int nth)
{
	int i;

	for (i = 0; i < p->ncomp; i++)
		if (p->comp[i].role == role && nth-- == 0)
			return p->native_primary ? p->comp[i].nat
			                         : p->comp[i].lat[0];
	return "";
}

static void
family_of(const struct person *p, bool latin, char *out, size_t cap)
{
	int i;

	out[0] = '\0';
	for (i = 0; i < p->ncomp; i++) {
		if (p->comp[i].role != R_FAMILY)
			continue;
		if (out[0] != '\0')
			scat(out, cap, " ");
		scat(out, cap, latin ? p->comp[i].lat[0] : p->comp[i].nat);
	}
}

static const char *
birthplace_of(const struct person *p, char *buf, size_t cap)
{
	char sp[1][FL];

	if (p->city == NULL)
		return "";
	if (p->native_primary || p->city->lat == NULL)
		return p->city->nat;
	split(p->city->lat, sp, 1);
	scpy(buf, cap, sp[0]);
	return buf;
}

/* ---- ids ------------------------------------------------------------------
 * "s<seed>-<kind><index>", with a "q" before the kind for the query pool:
 * s1-p42 is person 42 of seed 1, s1-d42 its passport. */

static void
make_id(char *out, size_t cap, uint64_t seed, int pool, char kind, uint64_t n)
{
	snprintf(out, cap, "s%" PRIu64 "-%s%c%" PRIu64, seed,
	    pool == POOL_QUERY ? "q" : "", kind, n);
}

static bool
parse_id(const char *id, uint64_t *seed, int *pool, uint64_t *idx)
{
	char *end;
	unsigned long long s, i;

	if (id[0] != 's' || id[1] < '0' || id[1] > '9')
		return false;
	errno = 0;
	s = strtoull(id + 1, &end, 10);
	if (errno != 0 || *end != '-')
		return false;
	end++;
	*pool = POOL_LIST;
	if (*end == 'q') {
		*pool = POOL_QUERY;
		end++;
	}
	if (*end != 'p' || end[1] < '0' || end[1] > '9')
		return false;
	i = strtoull(end + 1, &end, 10);
	if (errno != 0 || *end != '\0')
		return false;
	*seed = s;
	*idx = i;
	return true;
}

/* ---- FtM JSON and CSV -------------------------------------------------- */

static void
json_str(struct sbuf *b, const char *s)
{
	const char *run = s;

	sb_add(b, "\"", 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c != '"' && c != '\\' && c >= 0x20)
			continue;
		sb_add(b, run, (size_t)(s - run));
		if (c == '"' || c == '\\') {
			char e[2] = {'\\', (char)c};

			sb_add(b, e, 2);
		} else {
			sb_fmt(b, "\\u%04x", c);
		}
		run = s + 1;
	}
	sb_add(b, run, (size_t)(s - run));
	sb_add(b, "\"", 1);
}

/* One property with its non-empty values; nothing if there are none. */
static void
json_prop(struct sbuf *b, bool *first, const char *name,
    const char *const *vals, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (vals[i] == NULL || vals[i][0] == '\0')
			continue;
		if (k++ == 0) {
			sb_str(b, *first ? "" : ",");
			*first = false;
			json_str(b, name);
			sb_add(b, ":[", 2);
		} else {
			sb_add(b, ",", 1);
		}
		json_str(b, vals[i]);
	}
	if (k > 0)
		sb_add(b, "]", 1);
}

static void
json_one(struct sbuf *b, bool *first, const char *name, const char *val)
{
	json_prop(b, first, name, &val, 1);
}

static void
json_begin(struct sbuf *b, const char *id, const char *schema)
{
	sb_str(b, "{\"id\":");
	json_str(b, id);
	sb_str(b, ",\"schema\":");
	json_str(b, schema);
	sb_str(b, ",\"properties\":{");
}

static void
json_end(struct sbuf *b)
{
	sb_str(b, "}}\n");
}

static void
csv_field(struct sbuf *b, const char *s, bool last)
{
	if (strpbrk(s, ",\"\r\n") != NULL) {
		sb_add(b, "\"", 1);
		for (; *s != '\0'; s++)
			sb_add(b, s, 1 + (*s == '"')); /* doubles quotes */
		sb_add(b, "\"", 1);
	} else {
		sb_str(b, s);
	}
	sb_add(b, last ? "\n" : ",", 1);
}

/* A cell of several values, separated by ';' as our CSV reader expects. */
static void
csv_multi(struct sbuf *b, const char *const *vals, size_t n, bool last)
{
	struct sbuf t = {0};
	size_t i;

	sb_str(&t, "");
	for (i = 0; i < n; i++) {
		if (vals[i] == NULL || vals[i][0] == '\0')
			continue;
		if (t.len > 0)
			sb_add(&t, ";", 1);
		sb_str(&t, vals[i]);
	}
	csv_field(b, t.p, last);
	free(t.p);
}

static const char person_csv_header[] =
    "id,schema,name,alias,first_name,last_name,middleName,fatherName,"
    "birth_date,birth_place,nationality,gender,passport_number,id_number,"
    "country\n";

static void
emit_person(struct sbuf *b, const struct person *p, uint64_t seed, bool csv)
{
	char id[64], fam[NAMELEN], place[FL];
	const char *alias[NALIAS], *mid[NCOMP];
	const char *gender = p->female ? "female" : "male";
	size_t nmid = 0;
	int i;
	bool first = true;

	make_id(id, sizeof(id), seed, p->pool, 'p', p->idx);
	for (i = 0; i < p->nalias; i++)
		alias[i] = p->alias[i];
	for (i = 0; i < p->ncomp; i++)
		if (p->comp[i].role == R_MIDDLE) {
			mid[nmid] = part_of(p, R_MIDDLE, (int)nmid);
			nmid++;
		}
	family_of(p, !p->native_primary, fam, sizeof(fam));
	if (csv) {
		csv_field(b, id, false);
		csv_field(b, "Person", false);
		csv_field(b, p->name, false);
		csv_multi(b, alias, (size_t)p->nalias, false);
		csv_field(b, part_of(p, R_GIVEN, 0), false);
		csv_field(b, fam, false);
		csv_multi(b, mid, nmid, false);
		csv_field(b, part_of(p, R_FATHER, 0), false);
		csv_field(b, p->birth, false);
		csv_field(b, birthplace_of(p, place, sizeof(place)), false);
		csv_field(b, p->cc, false);
		csv_field(b, gender, false);
		csv_field(b, p->passport, false);
		csv_field(b, p->idnum, false);
		csv_field(b, "", true);
		return;
	}
	json_begin(b, id, "Person");
	json_one(b, &first, "name", p->name);
	json_prop(b, &first, "alias", alias, (size_t)p->nalias);
	json_one(b, &first, "firstName", part_of(p, R_GIVEN, 0));
	json_prop(b, &first, "middleName", mid, nmid);
	json_one(b, &first, "fatherName", part_of(p, R_FATHER, 0));
	json_one(b, &first, "lastName", fam);
	json_one(b, &first, "birthDate", p->birth);
	json_one(
	    b, &first, "birthPlace", birthplace_of(p, place, sizeof(place)));
	json_one(b, &first, "nationality", p->cc);
	json_one(b, &first, "gender", gender);
	json_one(b, &first, "passportNumber", p->passport);
	json_one(b, &first, "idNumber", p->idnum);
	json_end(b);
}

/* The passport behind a person's passportNumber, with the machine-readable
 * data an MRZ carries: Latin surname and given name, birth date, sex. */
static void
emit_passport(struct sbuf *b, const struct person *p, uint64_t seed)
{
	char id[64], holder[64], fam[NAMELEN], issued[11], expires[11];
	const char *given = "";
	struct rng r;
	struct ymd t;
	int i, years;
	bool first = true;

	make_id(id, sizeof(id), seed, p->pool, 'd', p->idx);
	make_id(holder, sizeof(holder), seed, p->pool, 'p', p->idx);
	family_of(p, true, fam, sizeof(fam));
	for (i = 0; i < p->ncomp; i++)
		if (p->comp[i].role == R_GIVEN)
			given = p->comp[i].lat[0];
	rng_init(&r, seed, (uint64_t)p->pool, ST_DOCS, p->idx);
	t = rand_date(&r, 2015, 10);
	fmt_date(issued, t);
	years = t.y - (int)strtol(p->birth, NULL, 10) < 18 ? 5 : 10;
	fmt_expiry(expires, t, years);
	json_begin(b, id, "Passport");
	json_one(b, &first, "holder", holder);
	json_one(b, &first, "number", p->passport);
	json_one(b, &first, "country", p->cc);
	json_one(b, &first, "surname", fam);
	json_one(b, &first, "givenName", given);
	json_one(b, &first, "birthDate", p->birth);
	json_one(b, &first, "gender", p->female ? "female" : "male");
	json_one(b, &first, "startDate", issued);
	json_one(b, &first, "endDate", expires);
	json_end(b);
}

/* ---- organisations and links ----------------------------------------- */

static const char *const org_adj[] = {"Golden", "Silver", "Northern", "Eastern",
    "Western", "Southern", "Crescent", "Phoenix", "Delta", "Atlas", "Nova",
    "Orient", "Global", "United", "Royal", "Pacific", "Atlantic", "Baltic",
    "Caspian", "Continental", "Imperial", "Liberty", "Pioneer", "Summit",
    "Horizon", "Falcon", "Eagle", "Lion", "Star", "Sun", "Blue", "Red", "Black",
    "White", "Green", "Iron", "Ocean", "Desert", "Mountain", "River"};
static const char *const org_noun[] = {"Trading", "Logistics", "Shipping",
    "Holdings", "Import-Export", "Group", "Investments", "Consulting",
    "Construction", "Petroleum", "Minerals", "Textiles", "Transport", "Finance",
    "Security", "Travel", "Foundation", "Brotherhood", "Network", "Partners",
    "Industries", "Energy", "Agro", "Pharma", "Maritime", "Exchange", "Motors",
    "Electronics", "Cargo", "Charity"};
static const char *const rel_male[] = {
    "brother", "son", "cousin", "nephew", "father"};
static const char *const rel_female[] = {
    "sister", "daughter", "cousin", "niece", "mother"};
static const char *const assoc_rel[] = {"associate", "business partner",
    "accomplice", "courier", "financier", "co-defendant", "bodyguard"};
static const char *const member_role[] = {
    "member", "leader", "financier", "recruiter", "logistics", "founder"};

static void
emit_org(struct sbuf *b, uint64_t seed, int pool, uint64_t idx, bool csv)
{
	struct rng r;
	const struct culture *cu;
	const char *cc, *legal;
	char id[64], name[NAMELEN], bare[NAMELEN];
	bool first = true;

	rng_init(&r, seed, (uint64_t)pool, ST_ORG, idx);
	cu = pick_culture(&r);
	cc = pick_cc(&r, cu);
	legal = ccinfo_get(cc)->legal;
	if (rng_chance(&r, 0.55)) {
		struct famsrc fs;
		struct comp c;

		pick_family(&r, cu, pool, &fs);
		compose_family(cu, &fs, false, &c);
		scpy(bare, sizeof(bare), c.lat[0]);
	} else {
		scpy(bare, sizeof(bare), org_adj[rng_below(&r, N(org_adj))]);
	}
	scat(bare, sizeof(bare), " ");
	scat(bare, sizeof(bare), org_noun[rng_below(&r, N(org_noun))]);
	snprintf(name, sizeof(name), "%s %s", bare, legal);
	make_id(id, sizeof(id), seed, pool, 'o', idx);
	if (!rng_chance(&r, 0.25))
		bare[0] = '\0';
	if (csv) {
		csv_field(b, id, false);
		csv_field(b, "Organization", false);
		csv_field(b, name, false);
		csv_field(b, bare, false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, "", false);
		csv_field(b, cc, true);
		return;
	}
	json_begin(b, id, "Organization");
	json_one(b, &first, "name", name);
	json_one(b, &first, "alias", bare);
	json_one(b, &first, "country", cc);
	json_end(b);
}

static void
emit_link(struct sbuf *b, uint64_t seed, int pool, char kind, uint64_t n,
    const char *schema, const char *p1, char k1, uint64_t i1, const char *p2,
    char k2, uint64_t i2, const char *p3, const char *v3)
{
	char id[64], a[64], c[64];
	bool first = true;

	make_id(id, sizeof(id), seed, pool, kind, n);
	make_id(a, sizeof(a), seed, pool, k1, i1);
	make_id(c, sizeof(c), seed, pool, k2, i2);
	json_begin(b, id, schema);
	json_one(b, &first, p1, a);
	json_one(b, &first, p2, c);
	json_one(b, &first, p3, v3);
	json_end(b);
}

/* ---- options ------------------------------------------------------------ */

enum { FMT_FTM, FMT_CSV };

struct opts {
	uint64_t persons, orgs, seed, docs_only, passengers;
	double links, hit_rate;
	int pool, format;
	bool orgs_set, links_set, documents, docs_only_set, stats;
	const char *from, *truth, *cultures;
};

static FILE *out_fp;

static void
flush_buf(struct sbuf *b)
{
	if (b->len > 0 && fwrite(b->p, 1, b->len, out_fp) != b->len)
		die("write error: %s", strerror(errno));
	b->len = 0;
}

struct famlink {
	uint64_t anchor, rel;
	const char *relationship;
};

struct stats {
	uint64_t persons, names, passports, orgs, links;
	uint64_t per_culture[NCULT];
};

/* Persons (each followed by its passport), organisations, then links, so
 * every reference points back to a record already written. */
static void
run_list(const struct opts *o, struct stats *st)
{
	struct sbuf b = {0};
	struct person *p = xmalloc(sizeof(*p));
	struct famlink *fl = NULL;
	size_t nfl = 0, capfl = 0;
	uint64_t i, nassoc, nmember, target;
	double q_family = o->links * 0.4 / (P_RELATIVE * (1 - P_RELATIVE));
	bool csv = o->format == FMT_CSV;
	struct rng r;

	if (q_family > 1)
		q_family = 1;
	if (csv)
		sb_str(&b, person_csv_header);
	for (i = 0; i < o->persons; i++) {
		person_make(p, o->seed, o->pool, i);
		emit_person(&b, p, o->seed, csv);
		st->persons++;
		st->names += 1 + (uint64_t)p->nalias;
		st->per_culture[culture_index(p->cu)]++;
		if (o->documents && p->passport[0] != '\0') {
			emit_passport(&b, p, o->seed);
			st->passports++;
		}
		if (p->anchor >= 0) {
			rng_init(
			    &r, o->seed, (uint64_t)o->pool, ST_LINKS, i + 1);
			if (rng_chance(&r, q_family)) {
				if (nfl == capfl) {
					capfl = capfl ? capfl * 2 : 1024;
					fl = xrealloc(fl, capfl * sizeof(*fl));
				}
				fl[nfl].anchor = (uint64_t)p->anchor;
				fl[nfl].rel = i;
				fl[nfl].relationship =
				    p->female
				        ? rel_female[rng_below(
				              &r, N(rel_female))]
				        : rel_male[rng_below(&r, N(rel_male))];
				nfl++;
			}
		}
		if (b.len > (1u << 16))
			flush_buf(&b);
	}
	for (i = 0; i < o->orgs; i++) {
		emit_org(&b, o->seed, o->pool, i, csv);
		st->orgs++;
		if (b.len > (1u << 16))
			flush_buf(&b);
	}
	for (i = 0; i < nfl; i++) {
		emit_link(&b, o->seed, o->pool, 'f', i, "Family", "person", 'p',
		    fl[i].anchor, "relative", 'p', fl[i].rel, "relationship",
		    fl[i].relationship);
		if (b.len > (1u << 16))
			flush_buf(&b);
	}
	/* The rest of the edge budget: associates and memberships, with
	 * whatever Family could not cover going to associates. */
	target = (uint64_t)(o->links * (double)o->persons + 0.5);
	nmember = o->orgs > 0 ? (uint64_t)(0.2 * (double)target + 0.5) : 0;
	nassoc = target > nfl + nmember ? target - nfl - nmember : 0;
	if (o->persons < 2)
		nassoc = 0;
	if (o->persons == 0)
		nmember = 0;
	rng_init(&r, o->seed, (uint64_t)o->pool, ST_LINKS, 0);
	for (i = 0; i < nassoc; i++) {
		uint64_t a = rng_below(&r, o->persons), c;

		do
			c = rng_below(&r, o->persons);
		while (c == a);
		emit_link(&b, o->seed, o->pool, 'a', i, "Associate", "person",
		    'p', a, "associate", 'p', c, "relationship",
		    assoc_rel[rng_below(&r, N(assoc_rel))]);
		if (b.len > (1u << 16))
			flush_buf(&b);
	}
	for (i = 0; i < nmember; i++) {
		uint64_t a = rng_below(&r, o->persons);
		uint64_t c = rng_below(&r, o->orgs);

		emit_link(&b, o->seed, o->pool, 'm', i, "Membership", "member",
		    'p', a, "organization", 'o', c, "role",
		    member_role[rng_below(&r, N(member_role))]);
		if (b.len > (1u << 16))
			flush_buf(&b);
	}
	st->links = nfl + nassoc + nmember;
	flush_buf(&b);
	free(b.p);
	free(fl);
	free(p);
}

/* Passports alone, for the document benchmark: number, country, dates. */
static void
run_docs(const struct opts *o)
{
	struct sbuf b = {0};
	struct rng r;
	struct ymd t;
	uint64_t i;
	char id[64], num[24], issued[11], expires[11];
	bool csv = o->format == FMT_CSV;

	if (csv)
		sb_str(&b, "id,schema,number,country,startDate,endDate\n");
	for (i = 0; i < o->docs_only; i++) {
		const struct culture *cu;
		const char *cc;
		bool first = true;

		rng_init(&r, o->seed, POOL_LIST, ST_DOCS_ONLY, i);
		cu = pick_culture(&r);
		cc = pick_cc(&r, cu);
		fill_pattern(&r, ccinfo_get(cc)->passport, num, sizeof(num));
		t = rand_date(&r, 2015, 10);
		fmt_date(issued, t);
		fmt_expiry(expires, t, 10);
		make_id(id, sizeof(id), o->seed, POOL_LIST, 'x', i);
		if (csv) {
			csv_field(&b, id, false);
			csv_field(&b, "Passport", false);
			csv_field(&b, num, false);
			csv_field(&b, cc, false);
			csv_field(&b, issued, false);
			csv_field(&b, expires, true);
		} else {
			json_begin(&b, id, "Passport");
			json_one(&b, &first, "number", num);
			json_one(&b, &first, "country", cc);
			json_one(&b, &first, "startDate", issued);
			json_one(&b, &first, "endDate", expires);
			json_end(&b);
		}
		if (b.len > (1u << 16))
			flush_buf(&b);
	}
	flush_buf(&b);
	free(b.p);
}

/* ---- the query pool -------------------------------------------------------
 * Every token any list-pool name can contain, in any script or spelling,
 * goes into a set (as 64-bit hashes: a false hit only rejects a usable
 * query name, never admits a bad one).  A query family name is kept only
 * if each of its spellings has a token outside the set, and, for scripts
 * written without spaces, a first character no list family name starts
 * with.  Since every full name contains its family name, no query full
 * name can then equal a list one, whatever the seed. */

struct hset {
	uint64_t *slot;
	size_t cap, n;
};

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 32;
	return h | 1; /* 0 marks an empty slot */
}

static void
hset_add(struct hset *h, uint64_t k)
{
	size_t i;

	if (2 * (h->n + 1) > h->cap) {
		struct hset g = {NULL, h->cap ? h->cap * 2 : 4096, 0};

		g.slot = xmalloc(g.cap * sizeof(*g.slot));
		memset(g.slot, 0, g.cap * sizeof(*g.slot));
		for (i = 0; i < h->cap; i++)
			if (h->slot[i] != 0)
				hset_add(&g, h->slot[i]);
		free(h->slot);
		*h = g;
	}
	for (i = k & (h->cap - 1); h->slot[i] != 0; i = (i + 1) & (h->cap - 1))
		if (h->slot[i] == k)
			return;
	h->slot[i] = k;
	h->n++;
}

static bool
hset_has(const struct hset *h, uint64_t k)
{
	size_t i;

	if (h->cap == 0)
		return false;
	for (i = k & (h->cap - 1); h->slot[i] != 0; i = (i + 1) & (h->cap - 1))
		if (h->slot[i] == k)
			return true;
	return false;
}

/* Tokens as a matcher would see them: ASCII-folded, lower case, without
 * apostrophes, split at spaces, hyphens and commas.  Calls fn for each;
 * stops early when fn returns true, and returns whether it did. */
static bool
each_token(
    const char *form, bool (*fn)(void *, const char *, size_t), void *ctx)
{
	char f[NAMELEN], tok[NAMELEN];
	size_t k = 0, i;

	fold(form, false, f, sizeof(f));
	for (i = 0;; i++) {
		char c = f[i];

		if (c == '\0' || c == ' ' || c == '-' || c == ',') {
			if (k > 0 && fn(ctx, tok, k))
				return true;
			k = 0;
			if (c == '\0')
				return false;
			continue;
		}
		if (c == '\'')
			continue;
		tok[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
}

static bool
tok_add(void *ctx, const char *t, size_t n)
{
	hset_add(ctx, hash_bytes(t, n));
	return false;
}

static bool
tok_new(void *ctx, const char *t, size_t n)
{
	return !hset_has(ctx, hash_bytes(t, n));
}

struct cpset {
	uint32_t *cp;
	size_t n, cap;
};

static uint32_t
first_cp(const char *s)
{
	uint32_t cp;

	utf8_dec(s, &cp);
	return cp;
}

static bool
cpset_has(const struct cpset *s, uint32_t cp)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->cp[i] == cp)
			return true;
	return false;
}

static void
list_comp(struct hset *h, struct cpset *cps, const struct culture *cu,
    const struct comp *c)
{
	int i;

	each_token(c->nat, tok_add, h);
	for (i = 0; i < c->nlat; i++)
		each_token(c->lat[i], tok_add, h);
	if (cps != NULL && (cu->flags & F_NOSPACE) && c->nat[0] != '\0' &&
	    !cpset_has(cps, first_cp(c->nat))) {
		if (cps->n == cps->cap) {
			cps->cap = cps->cap ? cps->cap * 2 : 64;
			cps->cp =
			    xrealloc(cps->cp, cps->cap * sizeof(*cps->cp));
		}
		cps->cp[cps->n++] = first_cp(c->nat);
	}
}

static bool
query_ok(const struct hset *h, const struct cpset *cps,
    const struct culture *cu, const struct comp *c)
{
	int i;

	if (!each_token(c->nat, tok_new, (void *)(uintptr_t)h))
		return false;
	for (i = 0; i < c->nlat; i++)
		if (!each_token(c->lat[i], tok_new, (void *)(uintptr_t)h))
			return false;
	return !(cu->flags & F_NOSPACE) || !cpset_has(cps, first_cp(c->nat));
}

/* Builds the list token set over all cultures (whatever --cultures says),
 * then the usable query family names of each culture.  With report set,
 * prints how many there are. */
static void
pools_init(bool report)
{
	struct hset h = {0};
	struct cpset cps = {0};
	struct comp *c = xmalloc(sizeof(*c));
	struct famsrc fs;
	size_t ci, i, j;
	int g;

	for (ci = 0; ci < NCULT; ci++) {
		const struct culture *cu = &cultures[ci];

		for (i = 0; i < cu->nmale; i++) {
			given_from(c, cu, false, i, R_GIVEN);
			list_comp(&h, NULL, cu, c);
			for (g = 0; g < 2 && cu->male[i].pm != NULL; g++) {
				comp_from(c, R_FATHER, cu,
				    g ? cu->male[i].pf : cu->male[i].pm,
				    g ? cu->male[i].pfl : cu->male[i].pml);
				list_comp(&h, NULL, cu, c);
			}
		}
		for (i = 0; i < cu->nfemale; i++) {
			given_from(c, cu, true, i, R_GIVEN);
			list_comp(&h, NULL, cu, c);
		}
		for (i = 0; i < cu->nmidm + cu->nmidf; i++) {
			const struct frag *m = i < cu->nmidm
			                           ? &cu->midm[i]
			                           : &cu->midf[i - cu->nmidm];

			comp_from(c, R_MIDDLE, cu, m->nat, m->lat);
			list_comp(&h, NULL, cu, c);
		}
		for (i = 0; i < cu->nsyl; i++) {
			compose_syllables(cu, i, 0, false, c);
			list_comp(&h, NULL, cu, c);
			for (j = 0; j < (cu->syl2 ? cu->nsyl2 : cu->nsyl);
			     j++) {
				compose_syllables(cu, i, j, true, c);
				list_comp(&h, NULL, cu, c);
			}
		}
		if (cu->pm_nat != NULL) {
			comp_from(c, R_PARTICLE, cu, cu->pm_nat, cu->pm_lat);
			list_comp(&h, NULL, cu, c);
			comp_from(c, R_PARTICLE, cu, cu->pf_nat, cu->pf_lat);
			list_comp(&h, NULL, cu, c);
		}
		fs.kind = FAM_TABLE;
		fs.pool = POOL_LIST;
		fs.b = fs.c = 0;
		for (i = 0; i < cu->nfam; i++) {
			fs.a = (uint16_t)i;
			compose_family(cu, &fs, false, c);
			list_comp(&h, &cps, cu, c);
		}
		fs.kind = FAM_COMPOSED;
		for (i = 0; i < cu->nrootl; i++)
			for (j = 0; j < cu->nsuf; j++) {
				if (!suffix_fits(&cu->suf[j], &cu->rootl[i]))
					continue;
				fs.a = (uint16_t)i;
				fs.b = (uint16_t)j;
				for (fs.c = 0; fs.c <= cu->npre; fs.c++)
					for (g = 0; g < 2; g++) {
						compose_family(
						    cu, &fs, g != 0, c);
						list_comp(&h, &cps, cu, c);
					}
			}
	}
	for (i = 0; i < N(org_adj); i++)
		each_token(org_adj[i], tok_add, &h);
	for (i = 0; i < N(org_noun); i++)
		each_token(org_noun[i], tok_add, &h);
	for (i = 0; i < N(ccinfos); i++)
		each_token(ccinfos[i].legal, tok_add, &h);

	fs.kind = FAM_COMPOSED;
	fs.pool = POOL_QUERY;
	for (ci = 0; ci < NCULT; ci++) {
		const struct culture *cu = &cultures[ci];
		size_t total = 0;

		qcombos[ci] =
		    xmalloc((cu->nrootq * cu->nsuf * (cu->npre + 1) + 1) *
		            sizeof(*qcombos[ci]));
		for (i = 0; i < cu->nrootq; i++)
			for (j = 0; j < cu->nsuf; j++)
				for (fs.c = 0; fs.c <= cu->npre; fs.c++) {
					bool ok = true;

					if (!suffix_fits(
					        &cu->suf[j], &cu->rootq[i]))
						continue;
					total++;
					fs.a = (uint16_t)i;
					fs.b = (uint16_t)j;
					for (g = 0; g < 2 && ok; g++) {
						compose_family(
						    cu, &fs, g != 0, c);
						ok = query_ok(&h, &cps, cu, c);
					}
					if (ok)
						qcombos[ci][nqcombos[ci]++] =
						    (struct qcombo){
						        fs.a, fs.b, fs.c};
				}
		/* Stable partition: unprefixed names first. */
		{
			struct qcombo *tmp =
			    xmalloc((nqcombos[ci] + 1) * sizeof(*tmp));
			size_t n = 0;

			for (i = 0; i < nqcombos[ci]; i++)
				if (qcombos[ci][i].c == 0)
					tmp[n++] = qcombos[ci][i];
			nqplain[ci] = n;
			for (i = 0; i < nqcombos[ci]; i++)
				if (qcombos[ci][i].c != 0)
					tmp[n++] = qcombos[ci][i];
			free(qcombos[ci]);
			qcombos[ci] = tmp;
		}
		if (report)
			fprintf(stderr,
			    "%-10s query family names %4zu of %4zu usable\n",
			    cu->label, nqcombos[ci], total);
	}
	if (report)
		fprintf(stderr, "list-pool name tokens: %zu\n", h.n);
	free(h.slot);
	free(cps.cp);
	free(c);
}

/* ---- passenger lists ----------------------------------------------------- */

#define PAX_NAMES 8

/* A listed person as read from the --from file. */
struct paxsrc {
	char *id, *birth, *cc, *gender, *passport;
	char *names[PAX_NAMES];
	int nnames;
};

static void
paxsrc_free(struct paxsrc *s)
{
	int i;

	free(s->id);
	free(s->birth);
	free(s->cc);
	free(s->gender);
	free(s->passport);
	for (i = 0; i < s->nnames; i++)
		free(s->names[i]);
	memset(s, 0, sizeof(*s));
}

static char *
first_value(json_t *props, const char *key)
{
	json_t *v = json_object_get(props, key), *s;

	if (!json_is_array(v) || json_array_size(v) == 0)
		return NULL;
	s = json_array_get(v, 0);
	return json_is_string(s) ? xstrdup(json_string_value(s)) : NULL;
}

static void
add_names(struct paxsrc *s, json_t *props, const char *key)
{
	json_t *v = json_object_get(props, key), *e;
	size_t i;

	if (!json_is_array(v))
		return;
	json_array_foreach(v, i, e)
	{
		if (json_is_string(e) && s->nnames < PAX_NAMES &&
		    json_string_value(e)[0] != '\0')
			s->names[s->nnames++] = xstrdup(json_string_value(e));
	}
}

/* Reads the Persons of an FtM file and keeps k of them chosen uniformly
 * (reservoir sampling, so memory stays at k records however big the file
 * is).  Returns how many persons the file holds. */
static uint64_t
read_sample(const char *path, struct paxsrc *res, size_t k, struct rng *r)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	uint64_t lineno = 0, seen = 0;

	if (fp == NULL)
		die("%s: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, fp)) >= 0) {
		json_error_t err;
		json_t *rec, *props;
		struct paxsrc s;
		const char *schema, *id;
		size_t slot;

		lineno++;
		if (strstr(line, "\"Person\"") == NULL)
			continue; /* cheap: most other lines are links */
		/* Algorithm R: the n-th person replaces a random slot with
		 * probability k/n.  Persons are recognised by the string
		 * "Person" and the slot drawn before parsing, so only kept
		 * lines are parsed; a kept line that is no person after all
		 * is taken back, which stays deterministic. */
		slot = seen < k ? (size_t)seen : rng_below(r, (size_t)seen + 1);
		seen++;
		if (slot >= k)
			continue;
		rec = json_loadb(line, (size_t)len, 0, &err);
		if (rec == NULL)
			die("%s:%" PRIu64 ": %s", path, lineno, err.text);
		schema = json_string_value(json_object_get(rec, "schema"));
		id = json_string_value(json_object_get(rec, "id"));
		props = json_object_get(rec, "properties");
		if (schema == NULL || strcmp(schema, "Person") != 0 ||
		    id == NULL || !json_is_object(props)) {
			json_decref(rec);
			seen--;
			continue;
		}
		memset(&s, 0, sizeof(s));
		s.id = xstrdup(id);
		add_names(&s, props, "name");
		add_names(&s, props, "alias");
		s.birth = first_value(props, "birthDate");
		s.cc = first_value(props, "nationality");
		s.gender = first_value(props, "gender");
		s.passport = first_value(props, "passportNumber");
		json_decref(rec);
		if (s.nnames == 0) {
			paxsrc_free(&s);
			seen--;
			continue;
		}
		paxsrc_free(&res[slot]);
		res[slot] = s;
	}
	if (ferror(fp))
		die("%s: %s", path, strerror(errno));
	free(line);
	fclose(fp);
	return seen;
}

/* One typing error: a letter dropped, doubled, swapped with the next or
 * replaced (ASCII letters only; other scripts get the first three). */
static void
typo(char *s, struct rng *r)
{
	size_t off[NAMELEN], len[NAMELEN], n = 0, i, k, cl, op;
	char orig[NAMELEN], t[NAMELEN];
	uint32_t cp;

	scpy(orig, sizeof(orig), s);
	for (i = 0; s[i] != '\0'; i += cl) {
		cl = utf8_dec(s + i, &cp);
		if (cp != ' ' && cp != '-' && cp != '\'' && cp != ',') {
			off[n] = i;
			len[n++] = cl;
		}
	}
	if (n < 3)
		return;
	k = rng_below(r, n);
	t[0] = '\0';
	op = rng_below(r, 4);
	if (op == 2 && !(k + 1 < n && off[k + 1] == off[k] + len[k]))
		op = 3; /* no next letter in this word to swap with */
	switch (op) {
	case 0: /* drop */
		memcpy(t, s, off[k]);
		t[off[k]] = '\0';
		scat(t, sizeof(t), s + off[k] + len[k]);
		break;
	case 1: /* double */
		memcpy(t, s, off[k] + len[k]);
		t[off[k] + len[k]] = '\0';
		scat(t, sizeof(t), s + off[k]);
		break;
	case 2: /* swap with the next letter of the same word */
		memcpy(t, s, off[k]);
		memcpy(t + off[k], s + off[k + 1], len[k + 1]);
		memcpy(t + off[k] + len[k + 1], s + off[k], len[k]);
		t[off[k] + len[k] + len[k + 1]] = '\0';
		scat(t, sizeof(t), s + off[k + 1] + len[k + 1]);
		break;
	default: /* replace */
		scpy(t, sizeof(t), s);
		if (len[k] == 1 && ((t[off[k]] | 0x20) >= 'a') &&
		    ((t[off[k]] | 0x20) <= 'z')) {
			char c = (char)('a' + rng_below(r, 26));

			t[off[k]] = (t[off[k]] >= 'a') ? c : (char)(c - 32);
		} else {
			memmove(t + off[k], t + off[k] + len[k],
			    strlen(t + off[k] + len[k]) + 1);
		}
	}
	if (strcmp(t, orig) == 0) /* same letter swapped or drawn */
		memmove(t + off[k], t + off[k] + len[k],
		    strlen(t + off[k] + len[k]) + 1);
	scpy(s, NAMELEN, t);
}

static void
label(struct sbuf *l, const char *what)
{
	if (l->len > 0)
		sb_add(l, ";", 1);
	sb_str(l, what);
}

/* A passenger's name from a person we can regenerate: usually Latin, in
 * some other spelling or order, sometimes without middle names; typos only
 * on listed persons, so that no unlisted name can turn into a listed one. */
static void
pax_render(
    const struct person *p, struct rng *r, bool hit, char *out, struct sbuf *l)
{
	const struct culture *cu = p->cu;
	struct rendering rd;
	bool mid = false;
	int i;

	memset(&rd, 0, sizeof(rd));
	if (cu->flags & F_LATIN)
		rd.latin = true;
	else if (p->native_primary)
		rd.latin = rng_chance(r, 0.85);
	else
		rd.latin = !rng_chance(r, 0.25);
	if (!(cu->flags & F_LATIN) && rd.latin != !p->native_primary)
		label(l, "script");
	if (rd.latin && rng_chance(r, 0.4) && random_spelling(p, r, &rd))
		label(l, (cu->flags & F_LATIN) ? "spelling" : "romanisation");
	if (rng_chance(r, 0.25)) {
		rd.swap = true;
		label(l, "order");
	}
	for (i = 0; i < p->ncomp; i++)
		mid |= is_middle(p->comp[i].role);
	if (mid && rng_chance(r, 0.3)) {
		rd.drop_middle = true;
		label(l, "middle");
	}
	rd.upper = rd.latin && rng_chance(r, 0.3);
	render(p, &rd, out, NAMELEN);
	if (hit && rng_chance(r, 0.2)) {
		typo(out, r);
		label(l, "typo");
	}
}

/* The same for a record we cannot regenerate: work on its strings. */
static void
pax_render_strings(
    const struct paxsrc *s, struct rng *r, char *out, struct sbuf *l)
{
	char tok[32][NAMELEN / 4], *save = NULL, *w, buf[NAMELEN];
	int n = 0, i, last;
	bool drop;

	if (s->nnames > 1 && rng_chance(r, 0.5)) {
		scpy(buf, sizeof(buf),
		    s->names[1 + rng_below(r, (size_t)s->nnames - 1)]);
		label(l, "alias");
	} else {
		scpy(buf, sizeof(buf), s->names[0]);
	}
	for (w = strtok_r(buf, " ", &save); w != NULL && n < 32;
	     w = strtok_r(NULL, " ", &save))
		scpy(tok[n++], sizeof(tok[0]), w);
	last = n - 1;
	out[0] = '\0';
	if (n >= 2 && rng_chance(r, 0.25)) {
		scat(out, NAMELEN, tok[last]);
		last--;
		label(l, "order");
	}
	drop = n >= 3 && rng_chance(r, 0.3);
	if (drop)
		label(l, "middle");
	for (i = 0; i <= last; i++) {
		if (drop && i != 0 && i != n - 1)
			continue;
		if (out[0] != '\0')
			scat(out, NAMELEN, " ");
		scat(out, NAMELEN, tok[i]);
	}
	if (is_ascii(out) && rng_chance(r, 0.3))
		ascii_upper(out);
	if (rng_chance(r, 0.2)) {
		typo(out, r);
		label(l, "typo");
	}
}

static const char *
year_only(const char *birth, struct rng *r, char *buf, struct sbuf *l)
{
	if (birth == NULL)
		return "";
	if (strlen(birth) == 10 && rng_chance(r, 0.15)) {
		memcpy(buf, birth, 4);
		buf[4] = '\0';
		if (l != NULL)
			label(l, "year");
		return buf;
	}
	return birth;
}

static void
run_passengers(const struct opts *o)
{
	size_t nhit = (size_t)((double)o->passengers * o->hit_rate + 0.5);
	struct paxsrc *src = xmalloc((nhit + 1) * sizeof(*src));
	unsigned char *is_hit = xmalloc(o->passengers + 1);
	struct person *p = xmalloc(sizeof(*p));
	struct sbuf b = {0}, t = {0}, l = {0};
	FILE *tf = NULL;
	uint64_t i, seen = 0, next_hit = 0, next_query = 0;
	struct rng r;

	memset(src, 0, (nhit + 1) * sizeof(*src));
	if (nhit > 0) {
		rng_init(&r, o->seed, POOL_LIST, ST_PAX, 1);
		seen = read_sample(o->from, src, nhit, &r);
		if (seen < nhit)
			die("%s holds %" PRIu64
			    " persons; %zu hits need as many",
			    o->from, seen, nhit);
	}
	/* Which rows are hits: the first nhit, shuffled (Fisher-Yates). */
	memset(is_hit, 0, o->passengers);
	memset(is_hit, 1, nhit);
	rng_init(&r, o->seed, POOL_LIST, ST_PAX, 0);
	for (i = o->passengers; i > 1; i--) {
		size_t j = rng_below(&r, (size_t)i);
		unsigned char x = is_hit[i - 1];

		is_hit[i - 1] = is_hit[j];
		is_hit[j] = x;
	}
	if (o->truth != NULL) {
		if ((tf = fopen(o->truth, "w")) == NULL)
			die("%s: %s", o->truth, strerror(errno));
		fputs("passenger_id,record_id,variations\n", tf);
	}
	sb_str(&b, "id,name,birth_date,nationality,gender,document_number,"
	           "document_country\n");
	for (i = 0; i < o->passengers; i++) {
		char id[32], name[NAMELEN], year[8], doc[24];
		const char *birth, *cc, *gender, *record = "", *num;
		uint64_t gseed, gidx;
		int gpool;

		snprintf(id, sizeof(id), "pax-%07" PRIu64, i + 1);
		rng_init(&r, o->seed, POOL_LIST, ST_PAXROW, i);
		l.len = 0;
		sb_str(&l, "");
		if (is_hit[i]) {
			const struct paxsrc *s = &src[next_hit++];

			record = s->id;
			if (parse_id(s->id, &gseed, &gpool, &gidx) &&
			    (person_make(p, gseed, gpool, gidx),
			        strcmp(p->name, s->names[0]) == 0))
				pax_render(p, &r, true, name, &l);
			else
				pax_render_strings(s, &r, name, &l);
			birth = year_only(s->birth, &r, year, &l);
			cc = s->cc != NULL ? s->cc : "";
			gender = s->gender != NULL ? s->gender : "";
			num = s->passport;
		} else {
			person_make(p, o->seed, POOL_QUERY, next_query++);
			pax_render(p, &r, false, name, &l);
			birth = year_only(p->birth, &r, year, NULL);
			cc = p->cc;
			gender = p->female ? "female" : "male";
			num = p->passport[0] != '\0' ? p->passport : NULL;
		}
		/* Half the listed travel on the listed passport; the rest,
		 * and anyone without one, on a new number. */
		if (num == NULL || (is_hit[i] && rng_chance(&r, 0.5)) ||
		    cc[0] == '\0') {
			const struct ccinfo *ci = NULL;
			size_t k;

			for (k = 0; k < N(ccinfos) && cc[0] != '\0'; k++)
				if (strcmp(ccinfos[k].cc, cc) == 0)
					ci = &ccinfos[k];
			fill_pattern(&r,
			    ci != NULL ? ci->passport : "annnnnnnn", doc,
			    sizeof(doc));
			num = doc;
		}
		csv_field(&b, id, false);
		csv_field(&b, name, false);
		csv_field(&b, birth, false);
		csv_field(&b, cc, false);
		csv_field(&b, gender, false);
		csv_field(&b, num, false);
		csv_field(&b, cc, true);
		if (tf != NULL) {
			t.len = 0;
			csv_field(&t, id, false);
			csv_field(&t, record, false);
			csv_field(&t, is_hit[i] ? l.p : "", true);
			if (fwrite(t.p, 1, t.len, tf) != t.len)
				die("%s: %s", o->truth, strerror(errno));
		}
		if (b.len > (1u << 16))
			flush_buf(&b);
	}
	flush_buf(&b);
	if (tf != NULL && fclose(tf) != 0)
		die("%s: %s", o->truth, strerror(errno));
	for (i = 0; i < nhit; i++)
		paxsrc_free(&src[i]);
	free(src);
	free(is_hit);
	free(p);
	free(b.p);
	free(t.p);
	free(l.p);
}

/* ---- command line -----------------------------------------------------------
 */

static const char usage_text[] =
    "usage: gen_watchlist [options] > FILE\n"
    "  --persons N        persons to generate (default 1000)\n"
    "  --seed S           random seed (default 1); same options, same bytes\n"
    "  --orgs N           organisations (default persons/50)\n"
    "  --links F          about F x persons Family/Associate/Membership\n"
    "                     links (default 0.05)\n"
    "  --documents        also a Passport record for each person with a\n"
    "                     passport number (about 45%)\n"
    "  --documents-only N only N Passport records\n"
    "  --pool list|query  query: persons whose full names are in no list\n"
    "                     record of any seed (default list)\n"
    "  --format ftm|csv   FtM JSON lines (default) or our simple CSV\n"
    "  --cultures a,b     only these naming cultures (codes: --stats)\n"
    "  --passengers N     write a passenger-list CSV instead, with\n"
    "  --hit-rate R       a share R of rows perturbed copies of persons\n"
    "  --from FILE        read from this FtM file (made by this program)\n"
    "  --truth FILE       and write which row is which record to FILE\n"
    "  --stats            print counts and the query pool to stderr\n";

static void
parse_u64(const char *opt, const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-')
		die("%s: '%s' is not a non-negative integer", opt, s);
	*out = v;
}

static void
parse_share(const char *opt, const char *s, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(v >= 0 && v <= 1))
		die("%s: '%s' is not a number between 0 and 1", opt, s);
	*out = v;
}

static void
o_persons(struct opts *o, const char *a)
{
	parse_u64("--persons", a, &o->persons);
}
static void
o_seed(struct opts *o, const char *a)
{
	parse_u64("--seed", a, &o->seed);
}
static void
o_orgs(struct opts *o, const char *a)
{
	parse_u64("--orgs", a, &o->orgs);
	o->orgs_set = true;
}
static void
o_links(struct opts *o, const char *a)
{
	parse_share("--links", a, &o->links);
	o->links_set = true;
}
static void
o_documents(struct opts *o, const char *a)
{
	(void)a;
	o->documents = true;
}
static void
o_docs_only(struct opts *o, const char *a)
{
	parse_u64("--documents-only", a, &o->docs_only);
	o->docs_only_set = true;
}
static void
o_passengers(struct opts *o, const char *a)
{
	parse_u64("--passengers", a, &o->passengers);
}
static void
o_hit_rate(struct opts *o, const char *a)
{
	parse_share("--hit-rate", a, &o->hit_rate);
}
static void
o_from(struct opts *o, const char *a)
{
	o->from = a;
}
static void
o_truth(struct opts *o, const char *a)
{
	o->truth = a;
}
static void
o_cultures(struct opts *o, const char *a)
{
	o->cultures = a;
}
static void
o_stats(struct opts *o, const char *a)
{
	(void)a;
	o->stats = true;
}

static void
o_pool(struct opts *o, const char *a)
{
	if (strcmp(a, "list") == 0)
		o->pool = POOL_LIST;
	else if (strcmp(a, "query") == 0)
		o->pool = POOL_QUERY;
	else
		die("--pool: '%s' is neither list nor query", a);
}

static void
o_format(struct opts *o, const char *a)
{
	if (strcmp(a, "ftm") == 0)
		o->format = FMT_FTM;
	else if (strcmp(a, "csv") == 0)
		o->format = FMT_CSV;
	else
		die("--format: '%s' is neither ftm nor csv", a);
}

static void
o_help(struct opts *o, const char *a)
{
	(void)o;
	(void)a;
	fputs(usage_text, stdout);
	exit(0);
}

static const struct optdef {
	const char *name;
	bool arg;
	void (*fn)(struct opts *, const char *);
} optdefs[] = {
    {"--persons", true, o_persons},
    {"--seed", true, o_seed},
    {"--orgs", true, o_orgs},
    {"--links", true, o_links},
    {"--documents", false, o_documents},
    {"--documents-only", true, o_docs_only},
    {"--pool", true, o_pool},
    {"--format", true, o_format},
    {"--passengers", true, o_passengers},
    {"--hit-rate", true, o_hit_rate},
    {"--from", true, o_from},
    {"--truth", true, o_truth},
    {"--cultures", true, o_cultures},
    {"--stats", false, o_stats},
    {"--help", false, o_help},
    {"-h", false, o_help},
};

static void
parse_opts(int argc, char **argv, struct opts *o)
{
	int i;
	size_t k;

	memset(o, 0, sizeof(*o));
	o->persons = 1000;
	o->seed = 1;
	o->links = 0.05;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *eq = strchr(a, '=');
		size_t n = eq != NULL ? (size_t)(eq - a) : strlen(a);

		for (k = 0; k < N(optdefs); k++)
			if (strlen(optdefs[k].name) == n &&
			    strncmp(optdefs[k].name, a, n) == 0)
				break;
		if (k == N(optdefs)) {
			fputs(usage_text, stderr);
			die("unknown option '%s'", a);
		}
		if (!optdefs[k].arg) {
			if (eq != NULL)
				die("%s takes no value", optdefs[k].name);
			optdefs[k].fn(o, NULL);
		} else if (eq != NULL) {
			optdefs[k].fn(o, eq + 1);
		} else if (i + 1 < argc) {
			optdefs[k].fn(o, argv[++i]);
		} else {
			die("%s needs a value", optdefs[k].name);
		}
	}
	if (!o->orgs_set)
		o->orgs = o->persons / 50;
	if (o->format == FMT_CSV) {
		/* Our CSV holds one flat record per row: no links, and
		 * passports only on their own (--documents-only). */
		if (o->documents)
			die("--documents needs --format ftm (CSV rows cannot "
			    "point at their holder); use --documents-only");
		if (o->links_set && o->links > 0)
			die("--links needs --format ftm");
		o->links = 0;
	}
	if (o->passengers > 0 && o->hit_rate > 0 && o->from == NULL)
		die("--passengers with --hit-rate above 0 needs --from FILE");
	if (o->passengers == 0 && (o->from != NULL || o->truth != NULL))
		die("--from and --truth go with --passengers");
	if (o->persons > 0xffffffffULL || o->orgs > 0xffffffffULL)
		die("at most 4294967295 persons and organisations");
}

static void
set_weights(const char *list)
{
	size_t i;

	cult_total = 0;
	for (i = 0; i < NCULT; i++) {
		const char *p = list;
		size_t n = strlen(cultures[i].code);
		bool on = list == NULL;

		while (p != NULL && !on) {
			on = strncmp(p, cultures[i].code, n) == 0 &&
			     (p[n] == ',' || p[n] == '\0');
			p = strchr(p, ',');
			p = p != NULL ? p + 1 : NULL;
		}
		cult_weight[i] = on ? cultures[i].weight : 0;
		cult_total += cult_weight[i];
	}
	if (cult_total == 0)
		die("--cultures: no known culture in '%s' (see --stats)", list);
}

int
main(int argc, char **argv)
{
	static char obuf[1 << 16];
	struct opts o;
	struct stats st;
	size_t i;

	parse_opts(argc, argv, &o);
	set_weights(o.cultures);
	out_fp = stdout;
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	memset(&st, 0, sizeof(st));
	if (o.pool == POOL_QUERY || o.passengers > 0 || o.stats)
		pools_init(o.stats);
	if (o.passengers > 0)
		run_passengers(&o);
	else if (o.docs_only_set)
		run_docs(&o);
	else
		run_list(&o, &st);
	if (fflush(stdout) != 0 || ferror(stdout))
		die("write error: %s", strerror(errno));
	if (o.stats && o.passengers == 0 && !o.docs_only_set) {
		fprintf(stderr,
		    "persons %" PRIu64 ", names per person %.2f, passports "
		    "%" PRIu64 ", organisations %" PRIu64 ", links %" PRIu64
		    "\n",
		    st.persons,
		    st.persons ? (double)st.names / (double)st.persons : 0.0,
		    st.passports, st.orgs, st.links);
		for (i = 0; i < NCULT; i++)
			fprintf(stderr, "  %s %-10s %8" PRIu64 "\n",
			    cultures[i].code, cultures[i].label,
			    st.per_culture[i]);
	}
	for (i = 0; i < NCULT; i++)
		free(qcombos[i]);
	return 0;
}
