/* test_text.c - folding, transliteration and word splitting (ent_text). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ent_err.h"
#include "ent_text.h"

static char *
fold(const char *s)
{
	char *out = NULL;

	assert_int_equal(ent_text_fold(s, strlen(s), &out), ENT_OK);
	return out;
}

static void
expect_fold(const char *in, const char *want)
{
	char *got = fold(in);

	if (strcmp(got, want) != 0)
		fail_msg("fold('%s') = '%s', want '%s'", in, got, want);
	free(got);
}

static void
latin_is_lowered_and_stripped_of_diacritics(void **st)
{
	(void)st;
	expect_fold("Müller-Lüdenscheidt", "muller ludenscheidt");
	expect_fold("Straße", "strasse");
	expect_fold("François HOLLANDE", "francois hollande");
	expect_fold("ﬁne Ærø", "fine aero");
	expect_fold("Recep Tayyip Erdoğan", "recep tayyip erdogan");
}

static void
apostrophes_join_and_punctuation_splits(void **st)
{
	(void)st;
	expect_fold("Al Qa'ida", "al qaida");
	expect_fold("GUZMAN LOERA, Joaquin", "guzman loera joaquin");
	expect_fold("IQBAL<<AHSAN", "iqbal ahsan");
	expect_fold("Hsi Chin-p'ing", "hsi chin ping");
	expect_fold("  \t ", "");
}

static void
cyrillic_uses_english_style_romanisation(void **st)
{
	(void)st;
	expect_fold("Усама бен Ладен", "usama ben laden");
	expect_fold("Уинстон Уиллард", "winston willard");
	expect_fold("Ульяна", "ulyana");
	expect_fold("Хрущёв", "khrushchyov");
	expect_fold("Жуков", "zhukov");
	expect_fold("Володимир Зеленський", "volodimir zelenskiy");
}

static void
arabic_and_hebrew_fold_to_consonant_spellings(void **st)
{
	(void)st;
	expect_fold("أسامة بن لادن", "asama bn ladn");
	/* the article is split off the noun */
	expect_fold("عبد الفتاح السيسي", "abd al ftah al sisi");
	expect_fold("عبد الله", "abd allah");
	expect_fold("پرویز مشرف", "pruiz mshrf");
	/* the letters spelt d, dh or z (th or s) by language fold to dh
	 * (th), which name matching reads as either */
	expect_fold("فضل كاظم ذاکر", "fdhl kadhm dhakr");
	expect_fold("ثاقب", "thaqb");
	/* compounds written as one word split as the Latin side does */
	expect_fold("عبدالرحمن", "abd al rhmn");
	expect_fold("نورالدين", "nur al din");
	expect_fold("نصرالله", "nsr allah");
	expect_fold("ثناء اللہ", "thna allah"); /* Urdu heh */
	expect_fold("ځدران", "zdran");          /* Pashto dze */
	/* a word that merely begins like one stays whole */
	expect_fold("عبده", "abdh");
	expect_fold("בנימין נתניהו", "bnimin ntnihu");
	/* a last he is a vowel; an aleph before vav or yod only carries it */
	expect_fold("כריסטינה", "kristina");
	expect_fold("אוגוסטו", "ugustu");
	expect_fold("איתן", "itn");
	expect_fold("יוסף", "yusf"); /* a final pe is always f */
	expect_fold("ג'ורג' וושינגטון", "jurj wshingtun");
}

/* Hindi names as they are spelled in Latin letters, not letter for letter
 * (ISO 15919 would give "ajaya cauhana", "dinesa sinha"). */
static void
devanagari_folds_as_hindi_names_are_spelled(void **st)
{
	(void)st;
	expect_fold("अजय चौहान", "ajay chauhan"); /* last a dropped, ch */
	expect_fold("दिनेश सिंह", "dinesh singh");  /* sh, a last ngh */
	expect_fold("राहुल शर्मा", "rahul sharma");
	expect_fold("आशीष", "ashish");
	expect_fold("शक", "shak");
	expect_fold("पंच", "panch");   /* a last च too */
	expect_fold("पहाड़", "pahar"); /* and a consonant with a nukta */
	/* a word ending in a cluster keeps its a */
	expect_fold("मित्र", "mitra");
	expect_fold("कृष्ण", "krishna"); /* and ृ is ri */
	expect_fold("अमृत", "amrit");
	expect_fold("सुनीता", "sunita"); /* a written vowel stays */
}

static void
han_and_hangul_group_family_and_given_name(void **st)
{
	(void)st;
	expect_fold("习近平", "xi jinping");
	expect_fold("김정은", "gim jeongeun");
	/* a compound family name keeps its two syllables together */
	expect_fold("欧阳东", "ouyang dong");
	expect_fold("諸葛亮", "zhuge liang");
	expect_fold("남궁민", "namgung min");
	expect_fold("李阳东", "li yangdong");
	expect_fold("司马相如", "sima xiangru");
	/* a family name read as one, not as the character's usual reading */
	expect_fold("曾国藩", "zeng guofan");
	expect_fold("翟欣", "zhai xin");
	expect_fold("尉迟恭", "yuchi gong");
	expect_fold("国曾", "guo ceng");
	/* only a name in one Han or Hangul word is split family + given:
	 * in several, each word is a name part (foreign names word by word) */
	expect_fold("조지 워싱턴", "joji wosingteon");
	expect_fold("乔治·华盛顿", "qiaozhi huashengdun");
	expect_fold("김 정은", "gim jeongeun");
	expect_fold("김'정은", "gim jeongeun"); /* a mark inside one word */
	expect_fold("习近平 Xi Jinping", "xi jinping xi jinping");
	/* a foreign name in Hangul: no added eu, ㄹ as r or l, 즈 as z */
	expect_fold("그레그 설킨", "greg seolkin");
	expect_fold("테레사 웰드", "teresa weld");
	expect_fold("이사벨라 버드", "isabella beod");
	expect_fold("밀톤 플로레스", "milton pllores");
	expect_fold("마일즈 케네디", "mailz kenedi");
	expect_fold("존 타일러", "jon tailleor");
	expect_fold("페르난도 알론소", "pernando allonso");
	expect_fold("피타고라스", "pitagoras");
	/* the first of several words may be the family name alone */
	expect_fold("曾 国藩", "zeng guofan");
	expect_fold("尉迟 恭", "yuchi gong");
	expect_fold("王 曾", "wang ceng");
	expect_fold("Αλέξης Τσίπρας", "alexes tsipras");
	expect_fold("バラク・オバマ", "baraku obama");
}

static void
script_detection_names_the_majority_script(void **st)
{
	enum ent_script s;

	(void)st;
	assert_int_equal(ent_text_script("Ivan Иванов Петров",
	                     strlen("Ivan Иванов Петров"), &s),
	    ENT_OK);
	assert_int_equal(s, ENT_SCRIPT_CYRILLIC);
	assert_int_equal(
	    ent_text_script("习近平", strlen("习近平"), &s), ENT_OK);
	assert_int_equal(s, ENT_SCRIPT_HAN);
	assert_int_equal(ent_text_script("123", 3, &s), ENT_OK);
	assert_int_equal(s, ENT_SCRIPT_NONE);
	assert_string_equal(ent_script_name(ENT_SCRIPT_ARABIC), "arabic");
}

static void
invalid_utf8_and_nul_are_rejected(void **st)
{
	struct ent_text_toks *t = malloc(sizeof(*t));
	char *out = (char *)0x1;
	enum ent_script s;

	(void)st;
	assert_int_equal(ent_text_tokens("ab\xff", 3, t), ENT_EINVAL);
	assert_int_equal(ent_text_tokens("a\0b", 3, t), ENT_EINVAL);
	assert_int_equal(ent_text_tokens("\xc0\xaf", 2, t), ENT_EINVAL);
	assert_int_equal(ent_text_fold("\xed\xa0\x80", 3, &out), ENT_EINVAL);
	assert_ptr_equal(out, (char *)0x1); /* untouched on error */
	assert_int_equal(ent_text_script("\xff", 1, &s), ENT_EINVAL);
	assert_int_equal(ent_text_tokens(NULL, 1, t), ENT_EINVAL);
	assert_int_equal(ent_text_tokens(NULL, 0, t), ENT_OK);
	assert_int_equal(t->n, 0);
	free(t);
}

static void
huge_inputs_are_bounded(void **st)
{
	struct ent_text_toks *t = malloc(sizeof(*t));
	size_t n = ENT_TEXT_MAX + 1, i;
	char *big = malloc(n + 1);

	(void)st;
	memset(big, 'a', n);
	big[n] = '\0';
	assert_int_equal(ent_text_tokens(big, n, t), ENT_ETOOBIG);
	/* 10 kB of one word: cut to ENT_TEXT_TOKLEN_MAX */
	assert_int_equal(ent_text_tokens(big, 10000, t), ENT_OK);
	assert_int_equal(t->n, 1);
	assert_int_equal(t->v[0].len, ENT_TEXT_TOKLEN_MAX);
	/* 1,000 words: the first ENT_TEXT_TOKENS_MAX are kept */
	for (i = 0; i < 2000; i++)
		big[i] = (i % 2) ? ' ' : 'x';
	assert_int_equal(ent_text_tokens(big, 2000, t), ENT_OK);
	assert_int_equal(t->n, ENT_TEXT_TOKENS_MAX);
	/* 10 kB of Arabic: transliteration growth is handled */
	for (i = 0; i + 2 <= 10000; i += 2) {
		big[i] = (char)0xd8;
		big[i + 1] = (char)0xb3; /* س */
	}
	assert_int_equal(ent_text_tokens(big, 10000, t), ENT_OK);
	assert_int_equal(t->n, 1);
	/* 10 kB of Han characters with spaces */
	{
		size_t k = 0;

		while (k + 4 <= 10000) {
			memcpy(big + k, "\xe5\xad\xa6 ", 4); /* 学 */
			k += 4;
		}
		assert_int_equal(ent_text_tokens(big, k, t), ENT_OK);
		assert_int_equal(t->n, ENT_TEXT_TOKENS_MAX);
	}
	free(big);
	free(t);
}

static void *
fold_many(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 300; i++) {
		char *out = NULL;

		const char *in = "Усама бен Ладен 习近平 أسامة";

		if (ent_text_fold(in, strlen(in), &out) != ENT_OK ||
		    strcmp(out, "usama ben laden xi jinping asama") != 0) {
			free(out);
			return (void *)1;
		}
		free(out);
	}
	return NULL;
}

static void
folding_is_thread_safe(void **st)
{
	pthread_t th[4];
	void *r;
	int i;

	(void)st;
	for (i = 0; i < 4; i++)
		assert_int_equal(
		    pthread_create(&th[i], NULL, fold_many, NULL), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(th[i], &r), 0);
		assert_null(r);
	}
}

static int
teardown(void **st)
{
	(void)st;
	ent_text_cleanup();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(latin_is_lowered_and_stripped_of_diacritics),
	    cmocka_unit_test(apostrophes_join_and_punctuation_splits),
	    cmocka_unit_test(cyrillic_uses_english_style_romanisation),
	    cmocka_unit_test(arabic_and_hebrew_fold_to_consonant_spellings),
	    cmocka_unit_test(devanagari_folds_as_hindi_names_are_spelled),
	    cmocka_unit_test(han_and_hangul_group_family_and_given_name),
	    cmocka_unit_test(script_detection_names_the_majority_script),
	    cmocka_unit_test(invalid_utf8_and_nul_are_rejected),
	    cmocka_unit_test(huge_inputs_are_bounded),
	    cmocka_unit_test(folding_is_thread_safe),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
