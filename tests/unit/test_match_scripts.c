/* test_match_scripts.c - the name phenomena screening must handle, as
 * table-driven pairs: a listed name, a query, and whether the query must
 * reach the default threshold against that record.  All listed names sit
 * in one index (so rarity weights are realistic) and each query is
 * screened through the public API.
 *
 * Also: real data (skipped without ENTENTE_SHARED_DATA): the UN list's
 * original-script names find their Latin records. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ent_err.h"
#include "ent_match.h"
#include "ent_text.h"

struct pair {
	const char *schema;
	const char *listed;
	const char *query;
	bool match;
};

static const struct pair pairs[] = {
    /* scripts against each other */
    {"Person", "Vladimir Vladimirovich Putin", "Владимир Путин", true},
    {"Person", "Sergey Viktorovich Lavrov", "Сергей Викторович Лавров", true},
    {"Person", "Volodymyr Zelenskyy", "Володимир Зеленський", true},
    {"Person", "Osama bin Laden", "أسامة بن لادن", true},
    {"Person", "Saddam Hussein al-Tikriti", "صدام حسين التكريتي", true},
    {"Person", "Hidayatullah", "هدايت الله", true},
    {"Person", "Mohamed Ali", "محمد علي", true},
    {"Person", "Xi Jinping", "习近平", true},
    {"Person", "Kim Jong Un", "김정은", true},
    {"Person", "Alexis Tsipras", "Αλέξης Τσίπρας", true},
    {"Person", "Yitzhak Rabin", "יצחק רבין", true},
    {"Person", "Shimon Peres", "שמעון פרס", true},
    {"Person", "Ariel Sharon", "אריאל שרון", true},
    {"Person", "Christina Obergfoll", "כריסטינה אוברגפול", true},
    {"Person", "Barack Obama", "バラク・オバマ", true},
    {"Person", "Ouyang Dong", "欧阳东", true},
    {"Person", "Zhuge Liang", "諸葛亮", true},
    {"Person", "Sima Yi", "司马懿", true},
    {"Person", "Namgung Min", "남궁민", true},
    /* Hindi names as spelled in Latin letters (were 0.48, 0.12, 0.52) */
    {"Person", "Ajay Chauhan", "अजय चौहान", true},
    {"Person", "Dinesh Singh", "दिनेश सिंह", true},
    {"Person", "Krishna Kumar", "कृष्ण कुमार", true},
    /* Yahya Haqqani met "ajaya cauhana", folded letter for letter, at
     * 0.92 */
    {"Person", "يحيى حقانی", "अजय चौहान", false},
    /* two abjad words joined, a skeleton of two consonants, met one
     * Latin word at 0.92 */
    {"Person", "Gül Tekay", "اياد اغ غالي", false},
    {"Person", "IYAD AG GHALI", "اياد اغ غالي", true},
    {"Person", "Ahmet Dağay", "احمد ضیا آغا", false},
    {"Person", "AHMAD ZIA AGHA", "احمد ضیا آغا", true},
    {"Person", "Hwangbo Kwan", "황보관", true},
    {"Person", "Zeng Guofan", "曾国藩", true},
    {"Person", "Zhai Xin", "翟欣", true},
    /* foreign names in Hangul, word by word */
    {"Person", "Maria Lopez", "마리아 로페스", true},
    {"Person", "Simon Peter", "시몬 페터", true},
    {"Person", "Theresa Weld", "테레사 웰드", true},
    {"Person", "Gregg Sulkin", "그레그 설킨", true},
    {"Person", "Kevin Costner", "케빈 코스트너", true},
    {"Person", "Kim Jong Un", "김 정은", true},
    {"Person", "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", true},
    {"Person", "Margarita Simonyan", "Margarita Simonyán", true},
    /* romanisations of one script */
    {"Person", "Xi Jinping", "Hsi Chin-p'ing", true},
    {"Person", "Nikita Khrushchev", "Nikita Chruschtschow", true},
    {"Person", "Mohammed bin Salman", "Muhammad bin Salman", true},
    {"Person", "Bashar al-Assad", "Bachar el-Assad", true},
    {"Person", "Muammar Gaddafi", "Moammar Qadhafi", true},
    {"Person", "Hans Mueller", "Hans Müller", true},
    {"Person", "Aleksandr Lukashenko", "Alexander Lukaschenko", true},
    /* name order and comma forms */
    {"Person", "Joaquin GUZMAN LOERA", "GUZMAN LOERA, Joaquin", true},
    {"Person", "Mohammed bin Salman", "bin Salman Mohammed", true},
    {"Person", "Ahsan Iqbal", "IQBAL<<AHSAN", true},
    {"Person", "William W Frost", "Frost, William W.", true},
    /* missing or extra middle names and patronymics */
    {"Person", "Vladimir Vladimirovich Putin", "Vladimir Putin", true},
    {"Person", "Anjem Choudary", "Anjem Iftikhar Choudary", true},
    {"Person", "Boris de Pfeffel Johnson", "Boris Johnson", true},
    {"Person", "Malik Ruslanovich Barkhanoev", "Malik Magomedovich Barkhanoev",
        false},
    /* particles joined, split or dropped */
    {"Person", "Bashar al-Assad", "Bashar Alassad", true},
    {"Person", "Abdul Aziz Nooristani", "Abdulaziz Nooristani", true},
    {"Person", "Rafael van der Vaart", "Rafael Vandervaart", false},
    {"Person", "Rafael van der Vaart", "Rafael Vaart", true},
    {"Person", "Ursula von der Leyen", "Ursula Leyen", true},
    /* initials */
    {"Person", "Hans Joachim Friedrich", "Hans J Friedrich", true},
    {"Person", "Ali Akbar Velayati", "Ali A. Velayati", true},
    {"Person", "Nursultan Nazarbayev", "N. Nazarbayev", true},
    /* typos and OCR errors */
    {"Person", "Olaf Scholz", "Olaf Scholze", true},
    {"Person", "Igor Sechin", "I9or Sech1n", true},
    {"Person", "Alexander Lukashenko", "Alexandr Lukashnko", true},
    {"Person", "Justin Trudeau", "Justin Trudoau", true},
    {"Person", "Alisher Usmanov", "AlisherUsmanov", true},
    {"Person", "Nikolai Platonovich Patrushev", "Nikolai Patr ushev", true},
    /* different people */
    {"Person", "Olaf Scholz", "Octavian Scholz", false},
    {"Person", "Angela Merkel", "Angelo Mercaz", false},
    {"Person", "Frederik Richter", "Frank Richter", false},
    {"Person", "Raul Castro", "Raul Castillo", false},
    {"Person", "Michelle Obama", "Marie-Therese Obama", false},
    {"Person", "George Bush", "George Habbash", false},
    {"Person", "Khawla Barzan Ibrahim Hasan al-Tikriti",
        "Khawla Barzan Ibrahim Hasan al-Mashhadani", false},
    {"Person", "Muhammad bin Salman al-Rawi", "Salman bin Muhammad al-Rawi",
        false},
    {"Person", "Vladimir Putin", "Фуад Гулієв", false},
    {"Person", "Emma Daniels", "Emma LLC", false},
    /* organisations and legal forms */
    {"Company", "ACME Limited", "Acme LLC", true},
    {"Company", "Siemens AG", "Siemens Aktiengesellschaft", true},
    {"Company", "Gazprom", "OAO Gazprom", true},
    {"Company", "Open Joint Stock Company Gazprom", "OAO Gazprom", true},
    {"Company", "OOO Oboronnye Initsiativy", "Oboronnye Initsiativy OOO", true},
    {"Company", "A.B.C. Company", "ABC Co.", true},
    {"Company", "CRYSTALORD LTD", "CRYSTALORD LIMITED", true},
    {"Company", "Deutsche Bank AG", "Deutsche Bank GmbH", false},
    {"Company", "Sunrise Trading LLC", "Moonlight Trading LLC", false},
    {"Company", "Sunrise Holdings Ltd", "Sunset Capital Ltd", false},
    {"Company", "Brigade 44", "Brigade Forty-Four", true},
    {"Company", "First International Bank", "1st International Bank", true},
    {"Organization", "Al Qa'ida", "Al Qaeda", true},
    {"Organization", "Al-Qaida in Iraq", "Al-Shabaab", false},
    {"Vessel", "Hellenic Spirit", "MV Hellenic Spirit", true},
    /* nicknames: a known hypocoristic matches its full given name, and
     * only that one */
    {"Person", "Benjamin Netanyahu", "Bibi Netanyahu", true},
    {"Person", "Theodore Roosevelt", "Ted Roosevelt", true},
    {"Person", "William Jefferson Clinton", "Bill Clinton", true},
    {"Person", "Robert Mugabe", "Bob Mugabe", true},
    {"Person", "Hillary Clinton", "Bill Clinton", false},
    {"Person", "Benedetta Rossi", "Bibi Rossi", false},
    /* two-letter initials of a hyphenated or double given name */
    {"Person", "Jean-Claude Juncker", "JC Juncker", true},
    {"Person", "Jean-Claude Juncker", "JP Juncker", false},
    /* a legal form written joined to the name */
    {"Company", "Volkswagen AG", "VolkswagenAG", true},
    {"Company", "Volkswagen AG", "VolksbankAG", false},
    /* organisations: an extra distinctive word is another entity */
    {"Company", "Banco Bilbao S.A.", "Banco Bilbao Argentina S.A.", false},
    {"Company", "Rosneft Trading S.A.", "Rosneft Trading Services S.A.", false},
    {"Company", "Rosneft Trading S.A.", "Rosneft Trading SA", true},
    /* two middle names swapped costs a little; the first name moved is
     * another person */
    {"Person", "Reinaldo Lenin Gregorio Cerna Juarez",
        "Reinaldo Gregorio Lenin Cerna Juarez", true},
    {"Person", "Hasan bin Ahmad al-Ubaidi", "Ahmad bin Hasan al-Ubaidi", false},
    /* Han and Hangul against themselves: another syllable, another name */
    {"Person", "김정은", "김정은", true},
    {"Person", "毛泽东", "毛泽东", true},
    /* ... and alike-sounding characters are other characters: no
     * phonetic route between two Han or two Hangul names */
    {"Person", "贾新", "郗新", false},
    {"Person", "吉沢太郎", "柿沢太郎", false},
    /* a consonant in the same slot that is another phoneme keeps a
     * two-word name matching (a typo is possible) but lower than a
     * spelling variant: see consonant_swaps_score_below_spellings */
    {"Person", "Hasan Gokdemir", "Hasan Kokdemir", true},
    {"Person", "Katharina Weber", "Catharina Weber", true},
    {"Company", "Gazprom Neft", "Gasprom Neft", true},
    /* other first sounds, or more edits than the word's length allows:
     * other family names (typing errors rarely hit the first letter) */
    {"Person", "Rahul Gorkar", "Rahul Morkar", false},
    {"Person", "Fatma Ozcan", "Fatma Bozcan", false},
    {"Person", "Ksenia Olegovna Golubskaya", "Ksenia Olegovna Kolpakskaya",
        false},
    {"Person", "Vladimir Putin", "Wladimir Putin", true},
    {"Person", "Chinedu Okonkwo", "Chinedu Okonkow", true},
    /* across scripts: a one-consonant skeleton is weak, a known
     * reading still matches */
    {"Person", "Aly Hassan", "علي حسن", true},
    /* Arabic script against the Latin spellings of its languages: ض ذ ظ
     * are d, dh or z and ث th or s by language (Fazal, Kathim, Wasiq,
     * Sanaullah); ج is Egyptian g; final ى is i (Haqqani); medial waw and
     * ya are long vowels or w / y (Ayyub, Delawar, Yahya) */
    {"Person", "Fazal Rahim", "فضل رحيم", true},
    {"Person", "Rashid Taan Kathim", "رشيد طعان كاظم", true},
    {"Person", "Abdul-Haq Wassiq", "عبد الحق وثيق", true},
    {"Person", "Hassan Dahir Aweys", "حسن ظاهر عويس", true},
    {"Person", "Yahia Djouadi", "يحيى جوادي", true},
    {"Person", "Abdallah Ragab", "عبد الله رجب", true},
    {"Person", "Sanaullah Ghafari", "ثناء اللہ غفاری", true},   /* Urdu */
    {"Person", "Ayyub Bashir", "ایوب بشیر", true},              /* Persian */
    {"Person", "Muhammad Omar Zadran", "محمد عمر ځدران", true}, /* Pashto */
    /* the article assimilated and joined in compounds, on either side */
    {"Person", "Jalaluddin Haqqani", "جلال الدين حقانى", true},
    {"Person", "Shahabuddin Delawar", "شهاب الدين دلاور", true},
    {"Person", "Saduddin Sayyed", "سعد الدين سيد", true},
    {"Person", "Abdur Rehman Makki", "عبد الرحمن مكي", true},
    {"Person", "Noureddine Drissi", "نورالدين الدريسي", true},
    {"Person", "Najibullah Hidayatullah", "نجیب الله هدايت الله", true},
    {"Person", "Jalal-ud-Din Akhtar", "Jalaluddin Akhtar", true},
    {"Person", "Abdurrahman Wahid", "Abdul Rahman Wahid", true},
    {"Person", "Fazlurrahman Khalil", "Fazal ur Rehman Khalil", true},
    /* ... and names that share consonants but not letters stay apart:
     * jim is not kaf (Jamal / Kamel), a waw is not nothing (Ali /
     * Wali), Rahim is not Rahman, and a compound is one name */
    {"Person", "Mostafa Kamel", "جمال مصطفى", false},
    {"Person", "Wali Karimi", "علي كريمي", false},
    {"Person", "Fazal Rahman", "فضل رحيم", false},
    {"Person", "Zubair Noorzai", "ذاکر نورزی", false},
    {"Person", "Shamsuddin Haqqani", "شمس حقاني", false},
    /* a repeated name is a name of its own (father and grandfather may
     * share one); a repeated particle adds nothing */
    {"Person", "Yusuf Ahmed Ibrahim Warsame", "Yusuf Ibrahim Ibrahim Warsame",
        false},
    {"Person", "Ali Ali Farah", "Ali Farah", true},
    {"Person", "Karim Abd al-Hadi Yasin al-Juburi",
        "Karim Abd al-Hadi Yasin al-Dulaimi", false},
    /* Han and Hangul: one syllable other is one character other */
    {"Person", "王建国", "王建军", false},
    {"Person", "李明华", "李明辉", false},
    {"Person", "박지성", "박지선", false},
    {"Person", "박지성", "박지성", true},
    /* a tens word and a digit are one number */
    {"Organization", "Battalion 31", "Battalion Thirty 1", true},
    {"Organization", "Battalion 31", "Battalion Thirty 2", false},
    /* a legal phrase with one mistyped word, or cut at a field limit */
    {"Company", "Uralsk Turbine Works Joint Stock Company",
        "Uralsk Turbine Works Joint Stock Compa", true},
    {"Company", "Nordic Pulp Limited Liability Company",
        "Nordic Pulp Limitd Liability Company", true},
    {"Company", "Orion Joint Stock Company", "Orion Joint Venture Company",
        false},
    /* a qualifier in parentheses: a branch, not another company; another
     * qualifier in its place is another one */
    {"Company", "Meridian Bank AG", "Meridian Bank (Liechtenstein) AG", true},
    {"Company", "Meridian Trust (Cyprus) Ltd", "Meridian Trust (Malta) Ltd",
        false},
    /* "Family, Given" is read "Given Family" */
    {"Person", "Khalid bin Saeed al-Harbi", "AL-HARBI, Khalid bin Saeed", true},
    {"Person", "Saeed bin Khalid al-Harbi", "AL-HARBI, Khalid bin Saeed",
        false},
    {"Person", "Hamad bin Jassim Al Bin Thani", "AL BIN THANI, Hamad Jassim",
        true},
    /* another first syllable is another family name sharing a stem:
     * another first letter and another vowel, an onset that is another
     * sound written with two letters, or a consonant one side lacks ... */
    {"Person", "Hasan Cakdemir", "Hasan Kokdemir", false},
    {"Person", "Yasemin Saribulut", "Yasemin Zorbulut", false},
    {"Person", "Adebayo Olueze", "Adebayo Iloeze", false},
    {"Person", "Gita Goravala", "Gita Kharavala", false},
    {"Person", "Rajiv Wadwal", "Rajiv Phadwal", false},
    {"Person", "Mehmet Ozturk", "Mehmet Yazturk", false},
    {"Person", "Omer Ozkan", "Omer Sagcan", false},
    /* ... while spellings of one first sound keep matching */
    {"Person", "Osama Hamdan", "Usama Hamdan", true},
    {"Person", "Yevgeny Prigozhin", "Evgeny Prigozhin", true},
    {"Person", "Iosif Kobzon", "Yosif Kobzon", true},
    {"Person", "Pyotr Tchaikovsky", "Pyotr Chaikovsky", true},
    {"Person", "Hassan Nasrallah", "Assan Nasrallah", true},
    {"Person", "Ghulam Qorbani", "Ghulam Ghorbani", true},
    {"Organization", "'Ndrangheta", "Andrangheta", true},
    /* vowels and first letters romanised from another alphabet are not
     * judged so (English names in Cyrillic: Curtis / Кертис "kertis") */
    {"Person", "Curtis Cassady", "Кертис Кэссиди", true},
    /* a Han or Hangul word renders every syllable: a Latin word of more
     * syllables is another name (濮阳 Puyang is not 王 Wang) */
    {"Person", "王东", "Puyang Dong", false},
    {"Person", "김용", "Kim Aeyoung", false},
    {"Person", "王东", "Wang Dong", true},
    {"Person", "Wang Dong", "濮阳东", false},
    {"Person", "Wang Shihui", "濮阳世辉", false},
    {"Person", "Wang Jun", "王军", true},
    {"Person", "김정은", "Kim Jong-un", true},
    {"Person", "王东", "Wong Dong", true},
    /* the masculine and feminine forms of a Slavic family name */
    {"Person", "Yevgeny Morozov", "Yevgenia Morozova", false},
    {"Person", "Natalia Smirnova", "Natalya Smirnova", true},
    {"Person", "Jan Kowalski", "Janina Kowalska", false},
    /* particles the Arabic script writes joined: ابوال (Abu al-), the
     * Maghrebi بن (Ben); بندر (Bandar) stays whole */
    {"Person", "Samir Abou el Kheir Mansour", "سمير أبوالخير منصور", true},
    {"Person", "Samir Abou el Kheir Mansour", "سمير أبوالحسن منصور", false},
    {"Person", "Tarek ben Ali Benkirane", "طارق بن علي بنكيران", true},
    {"Person", "Tarek ben Ali Bendaoud", "طارق بن علي بنكيران", false},
    {"Person", "Bandar Saleh", "بندر صالح", true},
    /* الابن, "the son", is Junior */
    {"Person", "Antonio Rivera Santos Jr.", "أنطونيو ريفيرا سانتوس الإبن",
        true},
    {"Person", "Antonio Rivera Morales Jr.", "أنطونيو ريفيرا سانتوس الإبن",
        false},
    /* a particle written twice in a row is one word doubled */
    {"Person", "Abdul Ghani Lala Baradar", "عبد الغني لا لا برادر", true},
    {"Person", "Abdul Ghani Lala Baradar", "عبد الغني لا لا نوري", false},
    /* a Latin sh / zh may be s / z and the abjad h after it */
    {"Person", "Ishaq Mazhar", "إسحاق مظهر", true},
    {"Person", "Rashid Kamal", "رسيد كمال", false},
    /* a final ة may be read -at */
    {"Person", "Fatimat Bello", "فاطمة بلو", true},
    {"Person", "Aminat Bello", "أمين بلو", false},
    /* a different word is another person, even in a long name (a
     * looser reading of a word left over across scripts raised a tenth
     * of unlisted Arabic names against a million records) */
    {"Person", "Walid Nabil Faris al-Khatib", "وليد حمدان فارس الخطيب", false},
    {"Person", "Rami Mohammed al-Iraqi", "رامي محمد الزرقاوي", false},
    {"Person", "Nabil Khatib", "نبيه الخطيب", false},
    /* a legal word inside a person's name is a name (Tuareg Ag) */
    {"Person", "Bilal Ag Cherif", "بلال اغ الشريف", true},
    {"Person", "Bilal Ag Cherif", "بلال اغ حمدي", false},
    /* organisations: legal forms in Arabic letters; "for the ..." (لل)
     * names the trade; an acronym of the name's own words; Arabic
     * function words are their English ones */
    {"Company", "Rahma Ltd", "رحمة ليمتد", true},
    {"Company", "Rahma AG", "رحمة ليمتد", false},
    {"Company", "Dar al-Salam", "دار السلام للتجارة", true},
    {"Company", "Dar al-Salam", "دار السلام التجارية", false},
    {"Organization", "Harakat al-Shabab al-Mujahidin (HSM)",
        "حركة الشباب المجاهدين", true},
    {"Organization", "Atlas Relief Bureau (ARB)", "Atlas Relief Bureau", true},
    {"Organization", "Atlas Relief Bureau Alwan", "Atlas Relief Bureau", false},
    {"Organization", "Ansar al-Haqq in Sinai", "أنصار الحق في سيناء", true},
    {"Organization", "Ansar al-Haqq in Sinai", "أنصار الحق في ليبيا", false},
    {"Organization", "Jamaat al-Dawa wal-Irshad", "جماعة الدعوة والإرشاد",
        true},
    {"Organization", "Jamaat al-Dawa wal-Irshad", "جماعة الدعوة والجهاد",
        false},
    /* Russian kh and dzh for a foreign h and j */
    {"Person", "Hasan Jabbarov", "Хасан Джаббаров", true},
    {"Person", "Halil Jabbarov", "Хасан Джаббаров", false},
};

static int
setup(void **st)
{
	struct ent_index *ix;
	size_t i;

	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		struct ent_record *r = NULL;
		char id[16];

		snprintf(id, sizeof(id), "r%zu", i);
		assert_int_equal(
		    ent_record_new(id, pairs[i].schema, &r, NULL), ENT_OK);
		assert_int_equal(
		    ent_record_add(r, "name", pairs[i].listed, NULL), ENT_OK);
		assert_int_equal(ent_index_put(ix, r), ENT_OK);
		ent_record_free(r);
	}
	*st = ix;
	return 0;
}

static int
teardown(void **st)
{
	ent_index_free(*st);
	ent_text_cleanup();
	return 0;
}

static double
score_of(struct ent_index *ix, const struct pair *p, const char *id)
{
	const char *names[1] = {p->query};
	struct ent_query q = {.schema = p->schema, .names = names, .nnames = 1};
	struct ent_screen_opts o = {.all = true, .limit = 100};
	struct ent_hits *h = NULL;
	double s = 0;
	size_t j;

	assert_int_equal(ent_index_screen(ix, &q, &o, &h), ENT_OK);
	for (j = 0; j < h->n; j++)
		if (strcmp(h->hits[j].id, id) == 0)
			s = h->hits[j].score;
	ent_hits_free(h);
	return s;
}

static void
each_pair_matches_or_not_as_labelled(void **st)
{
	size_t i, bad = 0;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		char id[16];
		double s;

		snprintf(id, sizeof(id), "r%zu", i);
		s = score_of(*st, &pairs[i], id);
		if ((s >= ENT_SCREEN_THRESHOLD_DEFAULT) != pairs[i].match) {
			print_error("%s: '%s' vs '%s' scored %.3f\n",
			    pairs[i].match ? "missed" : "false match",
			    pairs[i].query, pairs[i].listed, s);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
name_score_is_symmetric_enough_and_bounded(void **st)
{
	double a, b;

	(void)st;
	assert_int_equal(
	    ent_name_score("Person", "Osama bin Laden", "Usama bin Ladin", &a),
	    ENT_OK);
	assert_int_equal(
	    ent_name_score("Person", "Usama bin Ladin", "Osama bin Laden", &b),
	    ENT_OK);
	assert_true(a >= ENT_SCREEN_THRESHOLD_DEFAULT);
	assert_true(b >= ENT_SCREEN_THRESHOLD_DEFAULT);
	assert_true(a <= 1.0 && b <= 1.0);
	assert_int_equal(ent_name_score("Person", "", "", &a), ENT_OK);
	assert_true(a == 0.0);
	assert_int_equal(ent_name_score("Nope", "a", "b", &a), ENT_EINVAL);
	assert_int_equal(ent_name_score(NULL, "\xff", "b", &a), ENT_EINVAL);
}

/* Birth date, nationality and gender as evidence: a listed person with a
 * full birth date and a query whose full date is years away is another
 * person even with the same name; dates one year apart, a year with one
 * digit mistyped and day/month swapped are the same date.  A nationality
 * conflict counts only when both sides have one. */
struct qual_case {
	const char *name, *dob, *nat, *gender;
	bool match;
	const char *feature; /* must be present on the record's hit, or NULL */
};

static const struct qual_case qual_cases[] = {
    {"Krishna Darani", "1980-05-12", "in", "male", true, "dob_exact"},
    {"Krishna Darani", "1995-01-30", "in", "male", false, "dob_conflict"},
    {"Krishna Darani", "1963-08-21", NULL, NULL, false, "dob_conflict"},
    {"Krishna Darani", "1981-05-12", "in", NULL, true, "dob_conflict"},
    {"Krishna Darani", "1986-05-12", "in", NULL, true, "dob_conflict"},
    {"Krishna Darani", "1908-05-12", NULL, NULL, true, "dob_conflict"},
    {"Krishna Darani", "1986-06-12", NULL, NULL, false, "dob_conflict"},
    /* one typo in a full date: the same date; two parts other: not */
    {"Krishna Darani", "1980-05-19", "in", NULL, true, "dob_conflict"},
    {"Krishna Darani", "1980-07-12", "in", NULL, true, "dob_conflict"},
    {"Krishna Darani", "1980-07-19", "in", NULL, false, "dob_conflict"},
    {"Krishna Darani", "1981-02-03", "in", NULL, false, "dob_conflict"},
    {"Krishna Darani", "1980-12-05", "in", NULL, true, "dob_day_month_swapped"},
    {"Krishna Darani", "1980", NULL, NULL, true, "dob_year"},
    {"Krishna Dhurani", "1962-03-04", "in", "male", false, NULL},
    /* gender alone (often mis-keyed) lowers, does not decide */
    {"Krishna Darani", "1980-05-12", "in", "female", true, "gender_conflict"},
    {"Krishna Darani", "1999-05-12", "in", "female", false, "gender_conflict"},
    /* a year-only date one year off may be an estimate: penalised,
     * not decisive; more than a year off is another person */
    {"Hasan Gokdemir", "1975-03-02", "tr", NULL, true, "dob_year"},
    {"Hasan Gokdemir", "1976-01-01", "tr", NULL, true, "dob_conflict"},
    {"Hasan Gokdemir", "1974", "tr", NULL, true, "dob_conflict"},
    {"Hasan Gokdemir", "1977-01-01", "tr", NULL, false, "dob_conflict"},
    {"Hasan Gokdemir", "1990-01-01", "tr", NULL, false, "dob_conflict"},
    /* nationality: a conflict lowers, never decides alone */
    {"Anna Berger", NULL, "de", NULL, true, "nationality_conflict"},
    {"Anna Berger", NULL, "at", NULL, true, "nationality_match"},
    {"Anna Berger", "1931-02-03", "de", NULL, false, "nationality_conflict"},
    {"Peter Kaiser", NULL, "de", NULL, true, NULL},
};

static double
qual_score(
    struct ent_index *ix, const struct qual_case *c, const char *want_feature)
{
	const char *names[1] = {c->name};
	struct ent_query q = {.schema = "Person",
	    .names = names,
	    .nnames = 1,
	    .birth_date = c->dob,
	    .nationality = c->nat,
	    .gender = c->gender};
	struct ent_screen_opts o = {.all = true, .limit = 10};
	struct ent_hits *h = NULL;
	double s = 0;
	size_t j, k;
	bool seen = want_feature == NULL;

	assert_int_equal(ent_index_screen(ix, &q, &o, &h), ENT_OK);
	if (h->n > 0) {
		s = h->hits[0].score;
		for (k = 0; k < h->hits[0].nfeatures; k++) {
			const struct ent_feature *f = &h->hits[0].features[k];

			seen |= want_feature != NULL &&
			        strcmp(f->name, want_feature) == 0;
			/* every feature explains itself */
			assert_non_null(f->detail);
			assert_true(f->detail[0] != '\0');
		}
	}
	for (j = 0; j < h->n; j++)
		assert_true(h->hits[j].score >= 0 && h->hits[j].score <= 1);
	if (!seen)
		print_error("'%s' %s: no %s\n", c->name, c->dob ? c->dob : "-",
		    want_feature);
	assert_true(seen);
	ent_hits_free(h);
	return s;
}

static void
birth_date_nationality_gender_are_evidence(void **st)
{
	static const char *const listed[][5] = {
	    {"q1", "Krishna Darani", "1980-05-12", "in", "male"},
	    {"q2", "Hasan Gokdemir", "1975", "tr", "male"},
	    {"q3", "Anna Berger", "1990-02-03", "at", "female"},
	    {"q4", "Peter Kaiser", "1966-07-21", NULL, "male"},
	};
	struct ent_index *ix;
	size_t i, bad = 0;
	double base, conflict;

	(void)st;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < sizeof(listed) / sizeof(listed[0]); i++) {
		struct ent_record *r = NULL;

		assert_int_equal(
		    ent_record_new(listed[i][0], "Person", &r, NULL), ENT_OK);
		assert_int_equal(
		    ent_record_add(r, "name", listed[i][1], NULL), ENT_OK);
		assert_int_equal(
		    ent_record_add(r, "birthDate", listed[i][2], NULL), ENT_OK);
		if (listed[i][3] != NULL)
			assert_int_equal(ent_record_add(r, "nationality",
			                     listed[i][3], NULL),
			    ENT_OK);
		assert_int_equal(
		    ent_record_add(r, "gender", listed[i][4], NULL), ENT_OK);
		assert_int_equal(ent_index_put(ix, r), ENT_OK);
		ent_record_free(r);
	}
	for (i = 0; i < sizeof(qual_cases) / sizeof(qual_cases[0]); i++) {
		const struct qual_case *c = &qual_cases[i];
		double s = qual_score(ix, c, c->feature);

		if ((s >= ENT_SCREEN_THRESHOLD_DEFAULT) != c->match) {
			print_error("%s: '%s' born %s (%s) scored %.3f\n",
			    c->match ? "missed" : "false match", c->name,
			    c->dob ? c->dob : "-", c->nat ? c->nat : "-", s);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
	/* a conflicting full date pulls an exact name well below the
	 * threshold; a year-only conflict costs less */
	base = qual_score(ix,
	    &(struct qual_case){"Krishna Darani", NULL, NULL, NULL, true, NULL},
	    NULL);
	conflict = qual_score(ix,
	    &(struct qual_case){
	        "Krishna Darani", "2001-11-30", NULL, NULL, false, NULL},
	    "dob_conflict");
	assert_true(conflict <= base - 0.30);
	assert_true(qual_score(ix,
	                &(struct qual_case){"Hasan Gokdemir", "1976-01-01",
	                    NULL, NULL, true, NULL},
	                "dob_conflict") > base - 0.30);
	ent_index_free(ix);
}

/* A consonant that is another phoneme in the same slot (k/g, t/d, b/p)
 * makes a near-namesake, scored below vowel or spelling variants (c/k,
 * s/z) and romanisation digraphs (sh/sch). */
static void
consonant_swaps_score_below_spellings(void **st)
{
	static const char *const swaps[][2] = {
	    {"Hasan Kokdemir", "Hasan Gokdemir"},
	    {"Tarek Kandil", "Tarek Gandil"},
	    {"Maria Dietrich", "Maria Tietrich"},
	    {"Ivan Petrov", "Ivan Betrov"},
	};
	static const char *const spellings[][2] = {
	    {"Hasan Kokdemir", "Hasan Kokdemyr"},
	    {"Katharina Weber", "Catharina Weber"},
	    {"Anna Gonzales", "Anna Gonzalez"},
	    {"Aleksandr Lukashenko", "Aleksandr Lukaschenko"},
	    {"Ahmed Zaki", "Ahmed Zakki"},
	};
	size_t i;
	double s;

	(void)st;
	for (i = 0; i < sizeof(swaps) / sizeof(swaps[0]); i++) {
		assert_int_equal(
		    ent_name_score("Person", swaps[i][0], swaps[i][1], &s),
		    ENT_OK);
		if (s > 0.85)
			print_error("swap %s / %s: %.3f\n", swaps[i][0],
			    swaps[i][1], s);
		assert_true(s <= 0.85);
		assert_true(s >= ENT_SCREEN_THRESHOLD_DEFAULT);
	}
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		assert_int_equal(ent_name_score("Person", spellings[i][0],
		                     spellings[i][1], &s),
		    ENT_OK);
		if (s < 0.90)
			print_error("spelling %s / %s: %.3f\n", spellings[i][0],
			    spellings[i][1], s);
		assert_true(s >= 0.90);
	}
}

/* Across scripts equal skeletons are all a transliteration can show:
 * an Arabic-script query that the Latin record explains word for word
 * outranks an Arabic-script namesake that shares fewer words exactly. */
static void
cross_script_coverage_outranks_partial_exact(void **st)
{
	static const char *const listed[][2] = {
	    {"lat", "Yusuf Ahmad Salim"},
	    {"ara", "يوسف أحمد"},
	    {"ara3", "يوسف أحمد الحربي"},
	};
	const char *names[1] = {"يوسف أحمد سالم"};
	struct ent_query q = {.schema = "Person", .names = names, .nnames = 1};
	struct ent_hits *h = NULL;
	struct ent_index *ix;
	size_t i;

	(void)st;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < sizeof(listed) / sizeof(listed[0]); i++) {
		struct ent_record *r = NULL;

		assert_int_equal(
		    ent_record_new(listed[i][0], "Person", &r, NULL), ENT_OK);
		assert_int_equal(
		    ent_record_add(r, "name", listed[i][1], NULL), ENT_OK);
		assert_int_equal(ent_index_put(ix, r), ENT_OK);
		ent_record_free(r);
	}
	assert_int_equal(ent_index_screen(ix, &q, NULL, &h), ENT_OK);
	assert_true(h->n >= 1);
	assert_string_equal(h->hits[0].id, "lat");
	assert_true(h->hits[0].match);
	for (i = 1; i < h->n; i++)
		assert_true(h->hits[i].score < h->hits[0].score);
	ent_hits_free(h);
	ent_index_free(ix);
}

/* A short abjad word that a short Latin word spells letter for letter
 * (عيسى / Isa) is evidence: the son "Isa Karim Haddad" outranks his
 * father "Karim Haddad" for the son's full name, and the father is still
 * first for the father's. */
static void
short_cross_script_word_outranks_its_absence(void **st)
{
	static const char *const listed[][2] = {
	    {"son", "Isa Karim Haddad"},
	    {"father", "Karim Haddad"},
	};
	static const char *const query[][2] = {
	    {"عيسى كريم حداد", "son"},
	    {"كريم حداد", "father"},
	};
	struct ent_index *ix;
	size_t i;

	(void)st;
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	for (i = 0; i < sizeof(listed) / sizeof(listed[0]); i++) {
		struct ent_record *r = NULL;

		assert_int_equal(
		    ent_record_new(listed[i][0], "Person", &r, NULL), ENT_OK);
		assert_int_equal(
		    ent_record_add(r, "name", listed[i][1], NULL), ENT_OK);
		assert_int_equal(ent_index_put(ix, r), ENT_OK);
		ent_record_free(r);
	}
	for (i = 0; i < sizeof(query) / sizeof(query[0]); i++) {
		const char *names[1] = {query[i][0]};
		struct ent_query q = {
		    .schema = "Person", .names = names, .nnames = 1};
		struct ent_hits *h = NULL;

		assert_int_equal(ent_index_screen(ix, &q, NULL, &h), ENT_OK);
		assert_true(h->n >= 1);
		assert_string_equal(h->hits[0].id, query[i][1]);
		assert_true(h->n < 2 || h->hits[1].score < h->hits[0].score);
		ent_hits_free(h);
	}
	ent_index_free(ix);
}

/* UN consolidated list: NAME_ORIGINAL_SCRIPT -> the Latin record. */
static void
un_original_script_names_find_their_latin_records(void **st)
{
	const char *dir = getenv("ENTENTE_SHARED_DATA");
	char path[4096], *buf = NULL, *p, *e;
	FILE *f;
	long n;
	size_t found = 0, total = 0;
	struct ent_index *ix;

	(void)st;
	if (dir == NULL) {
		print_message("ENTENTE_SHARED_DATA unset: skipped\n");
		skip();
	}
	snprintf(path, sizeof(path),
	    "%s/sanctions/un_consolidated/UN_consolidated_2026-02-27.xml", dir);
	if ((f = fopen(path, "rb")) == NULL) {
		print_message("%s absent: skipped\n", path);
		skip();
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	assert_int_equal(ent_index_new(&ix), ENT_OK);
	/* pass 1: Latin names of each INDIVIDUAL; pass 2: screen originals */
	for (int pass = 0; pass < 2; pass++) {
		size_t k = 0;

		for (p = strstr(buf, "<INDIVIDUAL>"); p != NULL;
		     p = strstr(e, "<INDIVIDUAL>"), k++) {
			char latin[512] = "", orig[512] = "", id[32];
			static const char *const tags[] = {"FIRST_NAME",
			    "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"};
			char *o;
			size_t t;

			if ((e = strstr(p, "</INDIVIDUAL>")) == NULL)
				break;
			*e = '\0';
			for (t = 0; t < 4; t++) {
				char open[32], *s, *z;

				snprintf(open, sizeof(open), "<%s>", tags[t]);
				if ((s = strstr(p, open)) == NULL)
					continue;
				s += strlen(open);
				if ((z = strchr(s, '<')) == NULL)
					continue;
				snprintf(latin + strlen(latin),
				    sizeof(latin) - strlen(latin), "%s%.*s",
				    latin[0] ? " " : "", (int)(z - s), s);
			}
			if ((o = strstr(p, "<NAME_ORIGINAL_SCRIPT>")) != NULL) {
				char *z;

				o += strlen("<NAME_ORIGINAL_SCRIPT>");
				if ((z = strchr(o, '<')) != NULL)
					snprintf(orig, sizeof(orig), "%.*s",
					    (int)(z - o), o);
			}
			*e = '<';
			e++;
			snprintf(id, sizeof(id), "un-%zu", k);
			if (pass == 0 && latin[0] != '\0') {
				struct ent_record *r = NULL;

				if (ent_record_new(id, "Person", &r, NULL) ==
				        ENT_OK &&
				    ent_record_add(r, "name", latin, NULL) ==
				        ENT_OK)
					assert_int_equal(
					    ent_index_put(ix, r), ENT_OK);
				ent_record_free(r);
			} else if (pass == 1 && orig[0] != '\0' &&
			           latin[0] != '\0') {
				const char *names[1] = {orig};
				struct ent_query q = {.schema = "Person",
				    .names = names,
				    .nnames = 1};
				struct ent_hits *h = NULL;

				total++;
				if (ent_index_screen(ix, &q, NULL, &h) ==
				        ENT_OK &&
				    h->n > 0 && strcmp(h->hits[0].id, id) == 0)
					found++;
				else if (getenv("ENTENTE_DEBUG") != NULL)
					print_message(
					    "miss: %s | %s | %s %.3f\n", orig,
					    latin,
					    h && h->n ? h->hits[0].caption
					              : "-",
					    h && h->n ? h->hits[0].score : 0);
				ent_hits_free(h);
			}
		}
	}
	print_message(
	    "UN original script: %zu of %zu at rank 1\n", found, total);
	assert_true(total > 100);
	/* a floor well under the benchmark's figure: catches regressions */
	assert_true((double)found >= 0.90 * (double)total);
	ent_index_free(ix);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        each_pair_matches_or_not_as_labelled, setup, teardown),
	    cmocka_unit_test(name_score_is_symmetric_enough_and_bounded),
	    cmocka_unit_test(birth_date_nationality_gender_are_evidence),
	    cmocka_unit_test(consonant_swaps_score_below_spellings),
	    cmocka_unit_test(cross_script_coverage_outranks_partial_exact),
	    cmocka_unit_test(short_cross_script_word_outranks_its_absence),
	    cmocka_unit_test(un_original_script_names_find_their_latin_records),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
