/* ent_country.c - ISO 3166-1 alpha-2 codes, their names and the variants
 * sanctions lists write.
 *
 * Two static tables, both sorted so lookups are binary searches and the
 * module needs no initialisation (hence thread-safe):
 *   countries: alpha-2 code, alpha-3 code and English short name, by code;
 *   names:     a normalised name key -> alpha-2 code, by key.
 * A name key is the name folded to lower-case ASCII (accents dropped:
 * "Türkiye" -> "turkiye"), apostrophes removed, "&" read as "and", "St"
 * as "saint", the word "the" dropped and what is left of the words joined
 * without spaces.  That makes "Viet Nam" and "Vietnam", "Côte d'Ivoire"
 * and "Cote d Ivoire", "Bahamas, The" and "Bahamas" the same key, so the
 * table needs one entry per real variant, not per spelling of it.
 *
 * Besides ISO's current codes the table holds FtM's user-assigned xk
 * (Kosovo), eu and zz (global), and four codes ISO keeps reserved for
 * countries that are gone but still appear as nationalities on old list
 * entries: su (Soviet Union), yu (Yugoslavia), cs (Serbia and
 * Montenegro), an (Netherlands Antilles).
 *
 * The names table was built from the ISO/UN names (UNTERM short and formal,
 * CLDR) plus the spellings and demonyms seen in the UN, OFAC and EU lists;
 * test_country.c checks that it is sorted and that every key is in
 * normalised form. */
#include "ent_country.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct country {
	const char *code;   /* alpha-2, lower case */
	const char *alpha3; /* lower case */
	const char *name;   /* English short name */
};

struct country_name {
	const char *key;  /* normalised, see name_key() */
	const char *code; /* alpha-2, lower case */
};

/* The longest name we try to match; a longer input is no country. */
#define NAME_KEY_MAX 128

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct country countries[] = {
    {"ad", "and", "Andorra"},
    {"ae", "are", "United Arab Emirates"},
    {"af", "afg", "Afghanistan"},
    {"ag", "atg", "Antigua and Barbuda"},
    {"ai", "aia", "Anguilla"},
    {"al", "alb", "Albania"},
    {"am", "arm", "Armenia"},
    {"an", "ant", "Netherlands Antilles"},
    {"ao", "ago", "Angola"},
    {"aq", "ata", "Antarctica"},
    {"ar", "arg", "Argentina"},
    {"as", "asm", "American Samoa"},
    {"at", "aut", "Austria"},
    {"au", "aus", "Australia"},
    {"aw", "abw", "Aruba"},
    {"ax", "ala", "Aland Islands"},
    {"az", "aze", "Azerbaijan"},
    {"ba", "bih", "Bosnia and Herzegovina"},
    {"bb", "brb", "Barbados"},
    {"bd", "bgd", "Bangladesh"},
    {"be", "bel", "Belgium"},
    {"bf", "bfa", "Burkina Faso"},
    {"bg", "bgr", "Bulgaria"},
    {"bh", "bhr", "Bahrain"},
    {"bi", "bdi", "Burundi"},
    {"bj", "ben", "Benin"},
    {"bl", "blm", "Saint Barthelemy"},
    {"bm", "bmu", "Bermuda"},
    {"bn", "brn", "Brunei"},
    {"bo", "bol", "Bolivia"},
    {"bq", "bes", "Caribbean Netherlands"},
    {"br", "bra", "Brazil"},
    {"bs", "bhs", "Bahamas"},
    {"bt", "btn", "Bhutan"},
    {"bv", "bvt", "Bouvet Island"},
    {"bw", "bwa", "Botswana"},
    {"by", "blr", "Belarus"},
    {"bz", "blz", "Belize"},
    {"ca", "can", "Canada"},
    {"cc", "cck", "Cocos (Keeling) Islands"},
    {"cd", "cod", "DR Congo"},
    {"cf", "caf", "Central African Republic"},
    {"cg", "cog", "Congo"},
    {"ch", "che", "Switzerland"},
    {"ci", "civ", "Cote d'Ivoire"},
    {"ck", "cok", "Cook Islands"},
    {"cl", "chl", "Chile"},
    {"cm", "cmr", "Cameroon"},
    {"cn", "chn", "China"},
    {"co", "col", "Colombia"},
    {"cr", "cri", "Costa Rica"},
    {"cs", "scg", "Serbia and Montenegro"},
    {"cu", "cub", "Cuba"},
    {"cv", "cpv", "Cape Verde"},
    {"cw", "cuw", "Curacao"},
    {"cx", "cxr", "Christmas Island"},
    {"cy", "cyp", "Cyprus"},
    {"cz", "cze", "Czechia"},
    {"de", "deu", "Germany"},
    {"dj", "dji", "Djibouti"},
    {"dk", "dnk", "Denmark"},
    {"dm", "dma", "Dominica"},
    {"do", "dom", "Dominican Republic"},
    {"dz", "dza", "Algeria"},
    {"ec", "ecu", "Ecuador"},
    {"ee", "est", "Estonia"},
    {"eg", "egy", "Egypt"},
    {"eh", "esh", "Western Sahara"},
    {"er", "eri", "Eritrea"},
    {"es", "esp", "Spain"},
    {"et", "eth", "Ethiopia"},
    {"eu", "eue", "European Union"},
    {"fi", "fin", "Finland"},
    {"fj", "fji", "Fiji"},
    {"fk", "flk", "Falkland Islands"},
    {"fm", "fsm", "Micronesia"},
    {"fo", "fro", "Faroe Islands"},
    {"fr", "fra", "France"},
    {"ga", "gab", "Gabon"},
    {"gb", "gbr", "United Kingdom"},
    {"gd", "grd", "Grenada"},
    {"ge", "geo", "Georgia"},
    {"gf", "guf", "French Guiana"},
    {"gg", "ggy", "Guernsey"},
    {"gh", "gha", "Ghana"},
    {"gi", "gib", "Gibraltar"},
    {"gl", "grl", "Greenland"},
    {"gm", "gmb", "Gambia"},
    {"gn", "gin", "Guinea"},
    {"gp", "glp", "Guadeloupe"},
    {"gq", "gnq", "Equatorial Guinea"},
    {"gr", "grc", "Greece"},
    {"gs", "sgs", "South Georgia and the South Sandwich Islands"},
    {"gt", "gtm", "Guatemala"},
    {"gu", "gum", "Guam"},
    {"gw", "gnb", "Guinea-Bissau"},
    {"gy", "guy", "Guyana"},
    {"hk", "hkg", "Hong Kong"},
    {"hm", "hmd", "Heard and McDonald Islands"},
    {"hn", "hnd", "Honduras"},
    {"hr", "hrv", "Croatia"},
    {"ht", "hti", "Haiti"},
    {"hu", "hun", "Hungary"},
    {"id", "idn", "Indonesia"},
    {"ie", "irl", "Ireland"},
    {"il", "isr", "Israel"},
    {"im", "imn", "Isle of Man"},
    {"in", "ind", "India"},
    {"io", "iot", "British Indian Ocean Territory"},
    {"iq", "irq", "Iraq"},
    {"ir", "irn", "Iran"},
    {"is", "isl", "Iceland"},
    {"it", "ita", "Italy"},
    {"je", "jey", "Jersey"},
    {"jm", "jam", "Jamaica"},
    {"jo", "jor", "Jordan"},
    {"jp", "jpn", "Japan"},
    {"ke", "ken", "Kenya"},
    {"kg", "kgz", "Kyrgyzstan"},
    {"kh", "khm", "Cambodia"},
    {"ki", "kir", "Kiribati"},
    {"km", "com", "Comoros"},
    {"kn", "kna", "Saint Kitts and Nevis"},
    {"kp", "prk", "North Korea"},
    {"kr", "kor", "South Korea"},
    {"kw", "kwt", "Kuwait"},
    {"ky", "cym", "Cayman Islands"},
    {"kz", "kaz", "Kazakhstan"},
    {"la", "lao", "Laos"},
    {"lb", "lbn", "Lebanon"},
    {"lc", "lca", "Saint Lucia"},
    {"li", "lie", "Liechtenstein"},
    {"lk", "lka", "Sri Lanka"},
    {"lr", "lbr", "Liberia"},
    {"ls", "lso", "Lesotho"},
    {"lt", "ltu", "Lithuania"},
    {"lu", "lux", "Luxembourg"},
    {"lv", "lva", "Latvia"},
    {"ly", "lby", "Libya"},
    {"ma", "mar", "Morocco"},
    {"mc", "mco", "Monaco"},
    {"md", "mda", "Moldova"},
    {"me", "mne", "Montenegro"},
    {"mf", "maf", "Saint Martin"},
    {"mg", "mdg", "Madagascar"},
    {"mh", "mhl", "Marshall Islands"},
    {"mk", "mkd", "North Macedonia"},
    {"ml", "mli", "Mali"},
    {"mm", "mmr", "Myanmar"},
    {"mn", "mng", "Mongolia"},
    {"mo", "mac", "Macao"},
    {"mp", "mnp", "Northern Mariana Islands"},
    {"mq", "mtq", "Martinique"},
    {"mr", "mrt", "Mauritania"},
    {"ms", "msr", "Montserrat"},
    {"mt", "mlt", "Malta"},
    {"mu", "mus", "Mauritius"},
    {"mv", "mdv", "Maldives"},
    {"mw", "mwi", "Malawi"},
    {"mx", "mex", "Mexico"},
    {"my", "mys", "Malaysia"},
    {"mz", "moz", "Mozambique"},
    {"na", "nam", "Namibia"},
    {"nc", "ncl", "New Caledonia"},
    {"ne", "ner", "Niger"},
    {"nf", "nfk", "Norfolk Island"},
    {"ng", "nga", "Nigeria"},
    {"ni", "nic", "Nicaragua"},
    {"nl", "nld", "Netherlands"},
    {"no", "nor", "Norway"},
    {"np", "npl", "Nepal"},
    {"nr", "nru", "Nauru"},
    {"nu", "niu", "Niue"},
    {"nz", "nzl", "New Zealand"},
    {"om", "omn", "Oman"},
    {"pa", "pan", "Panama"},
    {"pe", "per", "Peru"},
    {"pf", "pyf", "French Polynesia"},
    {"pg", "png", "Papua New Guinea"},
    {"ph", "phl", "Philippines"},
    {"pk", "pak", "Pakistan"},
    {"pl", "pol", "Poland"},
    {"pm", "spm", "Saint Pierre and Miquelon"},
    {"pn", "pcn", "Pitcairn"},
    {"pr", "pri", "Puerto Rico"},
    {"ps", "pse", "Palestine"},
    {"pt", "prt", "Portugal"},
    {"pw", "plw", "Palau"},
    {"py", "pry", "Paraguay"},
    {"qa", "qat", "Qatar"},
    {"re", "reu", "Reunion"},
    {"ro", "rou", "Romania"},
    {"rs", "srb", "Serbia"},
    {"ru", "rus", "Russia"},
    {"rw", "rwa", "Rwanda"},
    {"sa", "sau", "Saudi Arabia"},
    {"sb", "slb", "Solomon Islands"},
    {"sc", "syc", "Seychelles"},
    {"sd", "sdn", "Sudan"},
    {"se", "swe", "Sweden"},
    {"sg", "sgp", "Singapore"},
    {"sh", "shn", "Saint Helena"},
    {"si", "svn", "Slovenia"},
    {"sj", "sjm", "Svalbard and Jan Mayen"},
    {"sk", "svk", "Slovakia"},
    {"sl", "sle", "Sierra Leone"},
    {"sm", "smr", "San Marino"},
    {"sn", "sen", "Senegal"},
    {"so", "som", "Somalia"},
    {"sr", "sur", "Suriname"},
    {"ss", "ssd", "South Sudan"},
    {"st", "stp", "Sao Tome and Principe"},
    {"su", "sun", "Soviet Union"},
    {"sv", "slv", "El Salvador"},
    {"sx", "sxm", "Sint Maarten"},
    {"sy", "syr", "Syria"},
    {"sz", "swz", "Eswatini"},
    {"tc", "tca", "Turks and Caicos Islands"},
    {"td", "tcd", "Chad"},
    {"tf", "atf", "French Southern Territories"},
    {"tg", "tgo", "Togo"},
    {"th", "tha", "Thailand"},
    {"tj", "tjk", "Tajikistan"},
    {"tk", "tkl", "Tokelau"},
    {"tl", "tls", "Timor-Leste"},
    {"tm", "tkm", "Turkmenistan"},
    {"tn", "tun", "Tunisia"},
    {"to", "ton", "Tonga"},
    {"tr", "tur", "Turkey"},
    {"tt", "tto", "Trinidad and Tobago"},
    {"tv", "tuv", "Tuvalu"},
    {"tw", "twn", "Taiwan"},
    {"tz", "tza", "Tanzania"},
    {"ua", "ukr", "Ukraine"},
    {"ug", "uga", "Uganda"},
    {"um", "umi", "U.S. Minor Outlying Islands"},
    {"us", "usa", "United States"},
    {"uy", "ury", "Uruguay"},
    {"uz", "uzb", "Uzbekistan"},
    {"va", "vat", "Vatican City"},
    {"vc", "vct", "Saint Vincent and the Grenadines"},
    {"ve", "ven", "Venezuela"},
    {"vg", "vgb", "British Virgin Islands"},
    {"vi", "vir", "U.S. Virgin Islands"},
    {"vn", "vnm", "Vietnam"},
    {"vu", "vut", "Vanuatu"},
    {"wf", "wlf", "Wallis and Futuna"},
    {"ws", "wsm", "Samoa"},
    {"xk", "xkx", "Kosovo"},
    {"ye", "yem", "Yemen"},
    {"yt", "myt", "Mayotte"},
    {"yu", "yug", "Yugoslavia"},
    {"za", "zaf", "South Africa"},
    {"zm", "zmb", "Zambia"},
    {"zw", "zwe", "Zimbabwe"},
    {"zz", "zzz", "Global"},
};

static const struct country_name names[] = {
    {"afgan", "af"},
    {"afghan", "af"},
    {"afghani", "af"},
    {"afghanistan", "af"},
    {"alandislands", "ax"},
    {"albania", "al"},
    {"albanian", "al"},
    {"algeria", "dz"},
    {"algerian", "dz"},
    {"america", "us"},
    {"american", "us"},
    {"americansamoa", "as"},
    {"andorra", "ad"},
    {"andorran", "ad"},
    {"angola", "ao"},
    {"angolan", "ao"},
    {"anguilla", "ai"},
    {"antarctica", "aq"},
    {"antiguaandbarbuda", "ag"},
    {"arabrepublicofegypt", "eg"},
    {"argentina", "ar"},
    {"argentine", "ar"},
    {"argentinerepublic", "ar"},
    {"argentinian", "ar"},
    {"armenia", "am"},
    {"armenian", "am"},
    {"aruba", "aw"},
    {"aruban", "aw"},
    {"australia", "au"},
    {"australian", "au"},
    {"austria", "at"},
    {"austrian", "at"},
    {"azerbaijan", "az"},
    {"azerbaijani", "az"},
    {"azeri", "az"},
    {"bahamas", "bs"},
    {"bahamian", "bs"},
    {"bahrain", "bh"},
    {"bahraini", "bh"},
    {"bahrein", "bh"},
    {"bangladesh", "bd"},
    {"bangladeshi", "bd"},
    {"barbados", "bb"},
    {"basotho", "ls"},
    {"belarus", "by"},
    {"belarusian", "by"},
    {"belarussian", "by"},
    {"belgian", "be"},
    {"belgium", "be"},
    {"belize", "bz"},
    {"belizean", "bz"},
    {"belorussia", "by"},
    {"benin", "bj"},
    {"beninese", "bj"},
    {"bermuda", "bm"},
    {"bermudian", "bm"},
    {"bhutan", "bt"},
    {"bhutanese", "bt"},
    {"bissauguinean", "gw"},
    {"bolivarianrepublicofvenezuela", "ve"},
    {"bolivia", "bo"},
    {"bolivian", "bo"},
    {"boliviaplurinationalstateof", "bo"},
    {"bonairesinteustatiusandsaba", "bq"},
    {"bosnia", "ba"},
    {"bosniaandherzegovina", "ba"},
    {"bosniaherzegovina", "ba"},
    {"bosnian", "ba"},
    {"botswana", "bw"},
    {"botswanan", "bw"},
    {"bouvetisland", "bv"},
    {"brazil", "br"},
    {"brazilian", "br"},
    {"britain", "gb"},
    {"british", "gb"},
    {"britishindianoceanterritory", "io"},
    {"britishvirginislands", "vg"},
    {"brunei", "bn"},
    {"bruneian", "bn"},
    {"bruneidarussalam", "bn"},
    {"bulgaria", "bg"},
    {"bulgarian", "bg"},
    {"burkina", "bf"},
    {"burkinabe", "bf"},
    {"burkinafaso", "bf"},
    {"burma", "mm"},
    {"burmese", "mm"},
    {"burundi", "bi"},
    {"burundian", "bi"},
    {"bvi", "vg"},
    {"byelorussia", "by"},
    {"caboverde", "cv"},
    {"cambodia", "kh"},
    {"cambodian", "kh"},
    {"cameroon", "cm"},
    {"cameroonian", "cm"},
    {"canada", "ca"},
    {"canadian", "ca"},
    {"capeverde", "cv"},
    {"capeverdean", "cv"},
    {"car", "cf"},
    {"caribbeannetherlands", "bq"},
    {"cayman", "ky"},
    {"caymanian", "ky"},
    {"caymanislands", "ky"},
    {"centralafrican", "cf"},
    {"centralafricanrep", "cf"},
    {"centralafricanrepublic", "cf"},
    {"ceylon", "lk"},
    {"chad", "td"},
    {"chadian", "td"},
    {"chile", "cl"},
    {"chilean", "cl"},
    {"china", "cn"},
    {"chinahongkongsar", "hk"},
    {"chinahongkongspecialadministrativeregion", "hk"},
    {"chinamacaosar", "mo"},
    {"chinamacaospecialadministrativeregion", "mo"},
    {"chinapeoplesrepublicof", "cn"},
    {"chinese", "cn"},
    {"chinesetaipei", "tw"},
    {"christmasisland", "cx"},
    {"cocosislands", "cc"},
    {"cocoskeelingislands", "cc"},
    {"colombia", "co"},
    {"colombian", "co"},
    {"commonwealthofbahamas", "bs"},
    {"commonwealthofdominica", "dm"},
    {"comorian", "km"},
    {"comoroislands", "km"},
    {"comoros", "km"},
    {"congo", "cg"},
    {"congobrazzaville", "cg"},
    {"congodemocraticrepublicof", "cd"},
    {"congokinshasa", "cd"},
    {"congolesedrc", "cd"},
    {"congorepublicof", "cg"},
    {"cookislands", "ck"},
    {"cooperativerepublicofguyana", "gy"},
    {"costarica", "cr"},
    {"costarican", "cr"},
    {"cotedivoire", "ci"},
    {"croatia", "hr"},
    {"croatian", "hr"},
    {"cuba", "cu"},
    {"cuban", "cu"},
    {"curacao", "cw"},
    {"cypriot", "cy"},
    {"cyprus", "cy"},
    {"czech", "cz"},
    {"czechia", "cz"},
    {"czechrepublic", "cz"},
    {"dane", "dk"},
    {"danish", "dk"},
    {"democraticpeoplesrepublicofkorea", "kp"},
    {"democraticrepublicofcongo", "cd"},
    {"democraticrepublicofsaotomeandprincipe", "st"},
    {"democraticrepublicoftimorleste", "tl"},
    {"democraticsocialistrepublicofsrilanka", "lk"},
    {"denmark", "dk"},
    {"djibouti", "dj"},
    {"djiboutian", "dj"},
    {"dominica", "dm"},
    {"dominican", "do"},
    {"dominicanrep", "do"},
    {"dominicanrepublic", "do"},
    {"dprk", "kp"},
    {"drc", "cd"},
    {"drcongo", "cd"},
    {"dutch", "nl"},
    {"easternrepublicofuruguay", "uy"},
    {"easttimor", "tl"},
    {"easttimorese", "tl"},
    {"ecuador", "ec"},
    {"ecuadorean", "ec"},
    {"ecuadorian", "ec"},
    {"egypt", "eg"},
    {"egyptian", "eg"},
    {"elsalvador", "sv"},
    {"emirates", "ae"},
    {"emirati", "ae"},
    {"england", "gb"},
    {"english", "gb"},
    {"equatoguinean", "gq"},
    {"equatorialguinea", "gq"},
    {"equatorialguinean", "gq"},
    {"eritrea", "er"},
    {"eritrean", "er"},
    {"estonia", "ee"},
    {"estonian", "ee"},
    {"eswatini", "sz"},
    {"ethiopia", "et"},
    {"ethiopian", "et"},
    {"eu", "eu"},
    {"europeanunion", "eu"},
    {"exussr", "su"},
    {"falklandislands", "fk"},
    {"faroeislands", "fo"},
    {"federaldemocraticrepublicofethiopia", "et"},
    {"federalrepublicofgermany", "de"},
    {"federalrepublicofnigeria", "ng"},
    {"federalrepublicofsomalia", "so"},
    {"federalrepublicofyugoslavia", "yu"},
    {"federatedstatesofmicronesia", "fm"},
    {"federativerepublicofbrazil", "br"},
    {"fiji", "fj"},
    {"fijian", "fj"},
    {"filipina", "ph"},
    {"filipino", "ph"},
    {"finland", "fi"},
    {"finn", "fi"},
    {"finnish", "fi"},
    {"formersovietunion", "su"},
    {"formeryugoslavrepublicofmacedonia", "mk"},
    {"france", "fr"},
    {"french", "fr"},
    {"frenchguiana", "gf"},
    {"frenchpolynesia", "pf"},
    {"frenchrepublic", "fr"},
    {"frenchsouthernterritories", "tf"},
    {"fyrom", "mk"},
    {"gabon", "ga"},
    {"gabonese", "ga"},
    {"gaboneserepublic", "ga"},
    {"gambia", "gm"},
    {"gambian", "gm"},
    {"gaza", "ps"},
    {"gazastrip", "ps"},
    {"georgia", "ge"},
    {"georgian", "ge"},
    {"german", "de"},
    {"germany", "de"},
    {"ghana", "gh"},
    {"ghanaian", "gh"},
    {"gibraltar", "gi"},
    {"global", "zz"},
    {"grandduchyofluxembourg", "lu"},
    {"greatbritain", "gb"},
    {"greece", "gr"},
    {"greek", "gr"},
    {"greenland", "gl"},
    {"grenada", "gd"},
    {"guadeloupe", "gp"},
    {"guam", "gu"},
    {"guatemala", "gt"},
    {"guatemalan", "gt"},
    {"guernsey", "gg"},
    {"guinea", "gn"},
    {"guineabissau", "gw"},
    {"guinean", "gn"},
    {"guyana", "gy"},
    {"guyanese", "gy"},
    {"haiti", "ht"},
    {"haitian", "ht"},
    {"hashemitekingdomofjordan", "jo"},
    {"heardandmcdonaldislands", "hm"},
    {"heardislandandmcdonaldislands", "hm"},
    {"hellenicrepublic", "gr"},
    {"holland", "nl"},
    {"holysee", "va"},
    {"holyseevaticancitystate", "va"},
    {"honduran", "hn"},
    {"honduras", "hn"},
    {"hongkong", "hk"},
    {"hongkongchina", "hk"},
    {"hongkonger", "hk"},
    {"hongkongsar", "hk"},
    {"hungarian", "hu"},
    {"hungary", "hu"},
    {"iceland", "is"},
    {"icelander", "is"},
    {"icelandic", "is"},
    {"independentstateofpapuanewguinea", "pg"},
    {"independentstateofsamoa", "ws"},
    {"india", "in"},
    {"indian", "in"},
    {"indonesia", "id"},
    {"indonesian", "id"},
    {"international", "zz"},
    {"iran", "ir"},
    {"iranian", "ir"},
    {"iranislamicrepublicof", "ir"},
    {"iraq", "iq"},
    {"iraqi", "iq"},
    {"ireland", "ie"},
    {"irish", "ie"},
    {"islamicrepublicofafghanistan", "af"},
    {"islamicrepublicofiran", "ir"},
    {"islamicrepublicofmauritania", "mr"},
    {"islamicrepublicofpakistan", "pk"},
    {"isleofman", "im"},
    {"israel", "il"},
    {"israeli", "il"},
    {"italian", "it"},
    {"italy", "it"},
    {"ivorian", "ci"},
    {"ivorycoast", "ci"},
    {"jamaica", "jm"},
    {"jamaican", "jm"},
    {"japan", "jp"},
    {"japanese", "jp"},
    {"jersey", "je"},
    {"jordan", "jo"},
    {"jordanian", "jo"},
    {"kampuchea", "kh"},
    {"kazakh", "kz"},
    {"kazakhstan", "kz"},
    {"kazakhstani", "kz"},
    {"kazakstan", "kz"},
    {"kenya", "ke"},
    {"kenyan", "ke"},
    {"kingdomofbahrain", "bh"},
    {"kingdomofbelgium", "be"},
    {"kingdomofbhutan", "bt"},
    {"kingdomofcambodia", "kh"},
    {"kingdomofdenmark", "dk"},
    {"kingdomofeswatini", "sz"},
    {"kingdomoflesotho", "ls"},
    {"kingdomofmorocco", "ma"},
    {"kingdomofnetherlands", "nl"},
    {"kingdomofnorway", "no"},
    {"kingdomofsaudiarabia", "sa"},
    {"kingdomofspain", "es"},
    {"kingdomofsweden", "se"},
    {"kingdomofthailand", "th"},
    {"kingdomoftonga", "to"},
    {"kirghiz", "kg"},
    {"kirgizia", "kg"},
    {"kiribati", "ki"},
    {"kittitian", "kn"},
    {"kiwi", "nz"},
    {"koreademocraticpeoplesrepublicof", "kp"},
    {"koreadpr", "kp"},
    {"koreanorth", "kp"},
    {"korearepublicof", "kr"},
    {"koreasouth", "kr"},
    {"kosovan", "xk"},
    {"kosovar", "xk"},
    {"kosovo", "xk"},
    {"ksa", "sa"},
    {"kuwait", "kw"},
    {"kuwaiti", "kw"},
    {"kyrgyz", "kg"},
    {"kyrgyzrepublic", "kg"},
    {"kyrgyzstan", "kg"},
    {"kyrgyzstani", "kg"},
    {"lao", "la"},
    {"laopdr", "la"},
    {"laopeoplesdemocraticrepublic", "la"},
    {"laos", "la"},
    {"laotian", "la"},
    {"latvia", "lv"},
    {"latvian", "lv"},
    {"lebanese", "lb"},
    {"lebaneserepublic", "lb"},
    {"lebanon", "lb"},
    {"lesotho", "ls"},
    {"liberia", "lr"},
    {"liberian", "lr"},
    {"libya", "ly"},
    {"libyan", "ly"},
    {"libyanarabjamahiriya", "ly"},
    {"libyastateof", "ly"},
    {"liechtenstein", "li"},
    {"liechtensteiner", "li"},
    {"lithuania", "lt"},
    {"lithuanian", "lt"},
    {"luxembourg", "lu"},
    {"luxembourger", "lu"},
    {"luxembourgish", "lu"},
    {"macao", "mo"},
    {"macaosar", "mo"},
    {"macau", "mo"},
    {"macauchina", "mo"},
    {"macedonia", "mk"},
    {"macedoniaformeryugoslavrepublicof", "mk"},
    {"macedonian", "mk"},
    {"madagascar", "mg"},
    {"mainlandchina", "cn"},
    {"malagasy", "mg"},
    {"malawi", "mw"},
    {"malawian", "mw"},
    {"malaysia", "my"},
    {"malaysian", "my"},
    {"maldives", "mv"},
    {"maldivian", "mv"},
    {"mali", "ml"},
    {"malian", "ml"},
    {"malta", "mt"},
    {"maltese", "mt"},
    {"manisleof", "im"},
    {"manx", "im"},
    {"marshallese", "mh"},
    {"marshallislands", "mh"},
    {"martinique", "mq"},
    {"mauritania", "mr"},
    {"mauritanian", "mr"},
    {"mauritian", "mu"},
    {"mauritius", "mu"},
    {"mayotte", "yt"},
    {"mexican", "mx"},
    {"mexico", "mx"},
    {"micronesia", "fm"},
    {"micronesiafederatedstatesof", "fm"},
    {"micronesian", "fm"},
    {"moldova", "md"},
    {"moldovan", "md"},
    {"moldovarepublicof", "md"},
    {"monacan", "mc"},
    {"monaco", "mc"},
    {"monegasque", "mc"},
    {"mongolia", "mn"},
    {"mongolian", "mn"},
    {"montenegrin", "me"},
    {"montenegro", "me"},
    {"montserrat", "ms"},
    {"moroccan", "ma"},
    {"morocco", "ma"},
    {"mosotho", "ls"},
    {"motswana", "bw"},
    {"mozambican", "mz"},
    {"mozambique", "mz"},
    {"myanmar", "mm"},
    {"myanmarburma", "mm"},
    {"myanmarese", "mm"},
    {"namibia", "na"},
    {"namibian", "na"},
    {"nauru", "nr"},
    {"nepal", "np"},
    {"nepalese", "np"},
    {"nepali", "np"},
    {"netherlands", "nl"},
    {"netherlandsantillean", "an"},
    {"netherlandsantilles", "an"},
    {"netherlandskingdomof", "nl"},
    {"nevisian", "kn"},
    {"newcaledonia", "nc"},
    {"newzealand", "nz"},
    {"newzealander", "nz"},
    {"nicaragua", "ni"},
    {"nicaraguan", "ni"},
    {"niger", "ne"},
    {"nigeria", "ng"},
    {"nigerian", "ng"},
    {"nigerien", "ne"},
    {"niue", "nu"},
    {"nivanuatu", "vu"},
    {"norfolkisland", "nf"},
    {"northernireland", "gb"},
    {"northernmarianaislands", "mp"},
    {"northkorea", "kp"},
    {"northkorean", "kp"},
    {"northmacedonia", "mk"},
    {"northmacedonian", "mk"},
    {"northmacedoniarepublicof", "mk"},
    {"norway", "no"},
    {"norwegian", "no"},
    {"occupiedpalestinianterritory", "ps"},
    {"oman", "om"},
    {"omani", "om"},
    {"pakistan", "pk"},
    {"pakistani", "pk"},
    {"palau", "pw"},
    {"palauan", "pw"},
    {"palestine", "ps"},
    {"palestinestateof", "ps"},
    {"palestinian", "ps"},
    {"palestinianauthority", "ps"},
    {"palestinianterritories", "ps"},
    {"palestinianterritory", "ps"},
    {"panama", "pa"},
    {"panamanian", "pa"},
    {"papuanewguinea", "pg"},
    {"papuanewguinean", "pg"},
    {"paraguay", "py"},
    {"paraguayan", "py"},
    {"peoplesdemocraticrepublicofalgeria", "dz"},
    {"peoplesrepublicofbangladesh", "bd"},
    {"peoplesrepublicofchina", "cn"},
    {"persia", "ir"},
    {"persian", "ir"},
    {"peru", "pe"},
    {"peruvian", "pe"},
    {"philippine", "ph"},
    {"philippines", "ph"},
    {"pitcairn", "pn"},
    {"plurinationalstateofbolivia", "bo"},
    {"poland", "pl"},
    {"pole", "pl"},
    {"polish", "pl"},
    {"portugal", "pt"},
    {"portuguese", "pt"},
    {"portugueserepublic", "pt"},
    {"prc", "cn"},
    {"principalityofandorra", "ad"},
    {"principalityofliechtenstein", "li"},
    {"principalityofmonaco", "mc"},
    {"puertorico", "pr"},
    {"qatar", "qa"},
    {"qatari", "qa"},
    {"republicofalbania", "al"},
    {"republicofangola", "ao"},
    {"republicofarmenia", "am"},
    {"republicofaustria", "at"},
    {"republicofazerbaijan", "az"},
    {"republicofbelarus", "by"},
    {"republicofbenin", "bj"},
    {"republicofbotswana", "bw"},
    {"republicofbulgaria", "bg"},
    {"republicofburundi", "bi"},
    {"republicofcaboverde", "cv"},
    {"republicofcameroon", "cm"},
    {"republicofchad", "td"},
    {"republicofchile", "cl"},
    {"republicofchina", "tw"},
    {"republicofcolombia", "co"},
    {"republicofcongo", "cg"},
    {"republicofcostarica", "cr"},
    {"republicofcroatia", "hr"},
    {"republicofcuba", "cu"},
    {"republicofcyprus", "cy"},
    {"republicofdjibouti", "dj"},
    {"republicofecuador", "ec"},
    {"republicofelsalvador", "sv"},
    {"republicofequatorialguinea", "gq"},
    {"republicofestonia", "ee"},
    {"republicoffiji", "fj"},
    {"republicoffinland", "fi"},
    {"republicofgambia", "gm"},
    {"republicofghana", "gh"},
    {"republicofguatemala", "gt"},
    {"republicofguinea", "gn"},
    {"republicofguineabissau", "gw"},
    {"republicofhaiti", "ht"},
    {"republicofhonduras", "hn"},
    {"republicoficeland", "is"},
    {"republicofindia", "in"},
    {"republicofindonesia", "id"},
    {"republicofiraq", "iq"},
    {"republicofireland", "ie"},
    {"republicofitaly", "it"},
    {"republicofkazakhstan", "kz"},
    {"republicofkenya", "ke"},
    {"republicofkiribati", "ki"},
    {"republicofkorea", "kr"},
    {"republicofkosovo", "xk"},
    {"republicoflatvia", "lv"},
    {"republicofliberia", "lr"},
    {"republicoflithuania", "lt"},
    {"republicofmadagascar", "mg"},
    {"republicofmalawi", "mw"},
    {"republicofmaldives", "mv"},
    {"republicofmali", "ml"},
    {"republicofmalta", "mt"},
    {"republicofmarshallislands", "mh"},
    {"republicofmauritius", "mu"},
    {"republicofmoldova", "md"},
    {"republicofmozambique", "mz"},
    {"republicofnamibia", "na"},
    {"republicofnauru", "nr"},
    {"republicofnicaragua", "ni"},
    {"republicofniger", "ne"},
    {"republicofnorthmacedonia", "mk"},
    {"republicofpalau", "pw"},
    {"republicofpanama", "pa"},
    {"republicofparaguay", "py"},
    {"republicofperu", "pe"},
    {"republicofphilippines", "ph"},
    {"republicofpoland", "pl"},
    {"republicofrwanda", "rw"},
    {"republicofsanmarino", "sm"},
    {"republicofsenegal", "sn"},
    {"republicofserbia", "rs"},
    {"republicofseychelles", "sc"},
    {"republicofsierraleone", "sl"},
    {"republicofsingapore", "sg"},
    {"republicofslovenia", "si"},
    {"republicofsouthafrica", "za"},
    {"republicofsouthsudan", "ss"},
    {"republicofsudan", "sd"},
    {"republicofsuriname", "sr"},
    {"republicoftajikistan", "tj"},
    {"republicoftrinidadandtobago", "tt"},
    {"republicoftunisia", "tn"},
    {"republicofturkey", "tr"},
    {"republicofturkiye", "tr"},
    {"republicofuganda", "ug"},
    {"republicofunionofmyanmar", "mm"},
    {"republicofuzbekistan", "uz"},
    {"republicofvanuatu", "vu"},
    {"republicofyemen", "ye"},
    {"republicofzambia", "zm"},
    {"republicofzimbabwe", "zw"},
    {"reunion", "re"},
    {"romania", "ro"},
    {"romanian", "ro"},
    {"rumania", "ro"},
    {"russia", "ru"},
    {"russian", "ru"},
    {"russianfederation", "ru"},
    {"russiarussianfederation", "ru"},
    {"rwanda", "rw"},
    {"rwandan", "rw"},
    {"saintbarthelemy", "bl"},
    {"sainthelena", "sh"},
    {"saintkittsandnevis", "kn"},
    {"saintlucia", "lc"},
    {"saintlucian", "lc"},
    {"saintmartin", "mf"},
    {"saintmartinfrenchpart", "mf"},
    {"saintpierreandmiquelon", "pm"},
    {"saintvincentandgrenadines", "vc"},
    {"salvadoran", "sv"},
    {"salvadorean", "sv"},
    {"sammarinese", "sm"},
    {"samoa", "ws"},
    {"samoan", "ws"},
    {"sanmarino", "sm"},
    {"saotomean", "st"},
    {"saotomeandprincipe", "st"},
    {"saudi", "sa"},
    {"saudiarabia", "sa"},
    {"saudiarabian", "sa"},
    {"scotland", "gb"},
    {"scottish", "gb"},
    {"senegal", "sn"},
    {"senegalese", "sn"},
    {"serb", "rs"},
    {"serbia", "rs"},
    {"serbiaandmontenegro", "cs"},
    {"serbian", "rs"},
    {"seychelles", "sc"},
    {"seychellois", "sc"},
    {"siam", "th"},
    {"sierraleone", "sl"},
    {"sierraleonean", "sl"},
    {"singapore", "sg"},
    {"singaporean", "sg"},
    {"sintmaarten", "sx"},
    {"sintmaartendutchpart", "sx"},
    {"slovak", "sk"},
    {"slovakia", "sk"},
    {"slovakian", "sk"},
    {"slovakrepublic", "sk"},
    {"slovene", "si"},
    {"slovenia", "si"},
    {"slovenian", "si"},
    {"socialistfederalrepublicofyugoslavia", "yu"},
    {"socialistrepublicofvietnam", "vn"},
    {"solomonislander", "sb"},
    {"solomonislands", "sb"},
    {"somali", "so"},
    {"somalia", "so"},
    {"somalian", "so"},
    {"southafrica", "za"},
    {"southafrican", "za"},
    {"southgeorgiaandsouthsandwichislands", "gs"},
    {"southkorea", "kr"},
    {"southkorean", "kr"},
    {"southsudan", "ss"},
    {"southsudanese", "ss"},
    {"soviet", "su"},
    {"sovietunion", "su"},
    {"spain", "es"},
    {"spaniard", "es"},
    {"spanish", "es"},
    {"srilanka", "lk"},
    {"srilankan", "lk"},
    {"stateoferitrea", "er"},
    {"stateofisrael", "il"},
    {"stateofkuwait", "kw"},
    {"stateoflibya", "ly"},
    {"stateofpalestine", "ps"},
    {"stateofqatar", "qa"},
    {"sudan", "sd"},
    {"sudanese", "sd"},
    {"sultanateofoman", "om"},
    {"surinam", "sr"},
    {"suriname", "sr"},
    {"surinamese", "sr"},
    {"svalbardandjanmayen", "sj"},
    {"svalbardandjanmayenislands", "sj"},
    {"swazi", "sz"},
    {"swaziland", "sz"},
    {"swede", "se"},
    {"sweden", "se"},
    {"swedish", "se"},
    {"swiss", "ch"},
    {"swissconfederation", "ch"},
    {"switzerland", "ch"},
    {"syria", "sy"},
    {"syrian", "sy"},
    {"syrianarabrep", "sy"},
    {"syrianarabrepublic", "sy"},
    {"tadjikistan", "tj"},
    {"taiwan", "tw"},
    {"taiwanese", "tw"},
    {"taiwanprovinceofchina", "tw"},
    {"taiwanrepublicofchina", "tw"},
    {"tajik", "tj"},
    {"tajikistan", "tj"},
    {"tajikistani", "tj"},
    {"tanzania", "tz"},
    {"tanzanian", "tz"},
    {"tanzaniaunitedrepublicof", "tz"},
    {"thai", "th"},
    {"thailand", "th"},
    {"timorese", "tl"},
    {"timorleste", "tl"},
    {"tobagonian", "tt"},
    {"togo", "tg"},
    {"togolese", "tg"},
    {"togoleserepublic", "tg"},
    {"tokelau", "tk"},
    {"tonga", "to"},
    {"tongan", "to"},
    {"trinidadandtobago", "tt"},
    {"trinidadian", "tt"},
    {"tunisia", "tn"},
    {"tunisian", "tn"},
    {"turkey", "tr"},
    {"turkish", "tr"},
    {"turkiye", "tr"},
    {"turkmen", "tm"},
    {"turkmenian", "tm"},
    {"turkmenistan", "tm"},
    {"turksandcaicosislands", "tc"},
    {"tuvalu", "tv"},
    {"uae", "ae"},
    {"uganda", "ug"},
    {"ugandan", "ug"},
    {"uk", "gb"},
    {"ukraine", "ua"},
    {"ukrainian", "ua"},
    {"unionofcomoros", "km"},
    {"unionofsovietsocialistrepublics", "su"},
    {"unitedarabemirates", "ae"},
    {"unitedkingdom", "gb"},
    {"unitedkingdomofgreatbritainandnorthernireland", "gb"},
    {"unitedmexicanstates", "mx"},
    {"unitedrepublicoftanzania", "tz"},
    {"unitedstates", "us"},
    {"unitedstatesminoroutlyingislands", "um"},
    {"unitedstatesofamerica", "us"},
    {"unitedstatesvirginislands", "vi"},
    {"uruguay", "uy"},
    {"uruguayan", "uy"},
    {"us", "us"},
    {"usa", "us"},
    {"uscitizen", "us"},
    {"usminoroutlyingislands", "um"},
    {"usoutlyingislands", "um"},
    {"ussr", "su"},
    {"usvirginislands", "vi"},
    {"uzbek", "uz"},
    {"uzbekistan", "uz"},
    {"uzbekistani", "uz"},
    {"vanuatu", "vu"},
    {"vanuatuan", "vu"},
    {"vatican", "va"},
    {"vaticancity", "va"},
    {"vaticancitystate", "va"},
    {"venezuela", "ve"},
    {"venezuelabolivarianrepublicof", "ve"},
    {"venezuelan", "ve"},
    {"vietnam", "vn"},
    {"vietnamese", "vn"},
    {"vincentian", "vc"},
    {"virginislandsbritish", "vg"},
    {"virginislandsus", "vi"},
    {"wales", "gb"},
    {"wallisandfutuna", "wf"},
    {"wallisandfutunaislands", "wf"},
    {"welsh", "gb"},
    {"westbank", "ps"},
    {"westbankandgaza", "ps"},
    {"westernsahara", "eh"},
    {"westernsamoa", "ws"},
    {"westgermany", "de"},
    {"worldwide", "zz"},
    {"yemen", "ye"},
    {"yemenarabrepublic", "ye"},
    {"yemeni", "ye"},
    {"yugoslav", "yu"},
    {"yugoslavia", "yu"},
    {"zaire", "cd"},
    {"zambia", "zm"},
    {"zambian", "zm"},
    {"zimbabwe", "zw"},
    {"zimbabwean", "zw"},
};

/* Latin-1 Supplement and Latin Extended-A (U+00C0..U+017F) folded to
 * ASCII: one letter per code point; '?' marks the few that fold to two
 * letters (see fold2) and ' ' those that are not letters (× ÷). */
static const char fold_c0[] = "AAAAAA?CEEEEIIII"
                              "DNOOOOO OUUUUY??"
                              "aaaaaa?ceeeeiiii"
                              "dnooooo ouuuuy?y";
static const char fold_100[] = "AaAaAaCcCcCcCcDd"
                               "DdEeEeEeEeEeGgGg"
                               "GgGgHhHhIiIiIiIi"
                               "IiIiJjKkkLlLlLlL"
                               "lLlNnNnNnnNnOoOo"
                               "Oo??RrRrRrSsSsSs"
                               "SsTtTtTtUuUuUuUu"
                               "UuUuWwYyYZzZzZzs";

static const struct {
	uint32_t cp;
	const char *ascii;
} fold2[] = {
    {0xc6, "ae"},
    {0xde, "th"},
    {0xdf, "ss"},
    {0xe6, "ae"},
    {0xfe, "th"},
    {0x152, "oe"},
    {0x153, "oe"},
};

/* Decode one UTF-8 sequence at s; returns its length, 0 if malformed. */
static size_t
utf8_next(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		return *cp >= 0x80 ? 2 : 0;
	}
	if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x0f) << 12) |
		      ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
		return *cp >= 0x800 ? 3 : 0;
	}
	return 0;
}

static bool
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
	       cp == 0x2bc;
}

/* Append what code point cp contributes to a key at out[*n]: letters and
 * digits lower case, ' ' for a word break, nothing for an apostrophe
 * ("People's", "Côte d’Ivoire").  False if cp cannot be part of a country
 * name we know (another script) or the key is full. */
static bool
fold_cp(uint32_t cp, char *out, size_t *n)
{
	const char *add = NULL;
	char one[2] = {0, 0};
	size_t i, k;

	if (is_apostrophe(cp))
		return true;
	if (cp == '&')
		add = " and ";
	else if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			one[0] = (char)(cp - 'A' + 'a');
		else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			one[0] = (char)cp;
		else
			one[0] = ' ';
	} else if (cp >= 0xc0 && cp < 0x180) {
		one[0] = cp < 0x100 ? fold_c0[cp - 0xc0] : fold_100[cp - 0x100];
		if (one[0] == '?') {
			for (i = 0; i < N(fold2); i++)
				if (fold2[i].cp == cp)
					add = fold2[i].ascii;
		} else if (one[0] >= 'A' && one[0] <= 'Z')
			one[0] = (char)(one[0] - 'A' + 'a');
	} else if (cp < 0xc0 || (cp >= 0x2010 && cp <= 0x2015))
		one[0] = ' '; /* Latin-1 punctuation and spaces, dashes */
	else
		return false;
	if (add == NULL)
		add = one;
	k = strlen(add);
	if (*n + k >= NAME_KEY_MAX)
		return false;
	memcpy(out + *n, add, k);
	*n += k;
	return true;
}

/* The key of name (see the top of the file) into key[NAME_KEY_MAX].
 * False if name cannot be a known country name. */
static bool
name_key(const char *name, char *key)
{
	char folded[NAME_KEY_MAX];
	const unsigned char *s = (const unsigned char *)name;
	size_t n = 0, k = 0, len, w;
	uint32_t cp;
	const char *p, *word;

	while (*s != '\0') {
		if ((len = utf8_next(s, &cp)) == 0 || !fold_cp(cp, folded, &n))
			return false;
		s += len;
	}
	folded[n] = '\0';
	/* Words: drop "the", read "st" as "saint", join the rest. */
	for (p = folded; *p != '\0'; p += w) {
		p += strspn(p, " ");
		if ((w = strcspn(p, " ")) == 0)
			break;
		word = p;
		if (w == 3 && memcmp(p, "the", 3) == 0)
			continue;
		if (w == 2 && memcmp(p, "st", 2) == 0)
			word = "saint";
		len = word == p ? w : 5;
		if (k + len >= NAME_KEY_MAX)
			return false;
		memcpy(key + k, word, len);
		k += len;
	}
	key[k] = '\0';
	return k > 0;
}

static int
cmp_code(const void *k, const void *e)
{
	return strcmp(k, ((const struct country *)e)->code);
}

static int
cmp_key(const void *k, const void *e)
{
	return strcmp(k, ((const struct country_name *)e)->key);
}

/* The entry for an alpha-2 code in any case, or NULL. */
static const struct country *
by_code(const char *code)
{
	char lc[3];

	if (code == NULL || strlen(code) != 2)
		return NULL;
	lc[0] = (char)(code[0] | 0x20);
	lc[1] = (char)(code[1] | 0x20);
	lc[2] = '\0';
	return bsearch(
	    lc, countries, N(countries), sizeof(countries[0]), cmp_code);
}

bool
ent_country_valid(const char *code)
{
	return by_code(code) != NULL;
}

const char *
ent_country_name(const char *code)
{
	const struct country *c = by_code(code);

	return c != NULL ? c->name : NULL;
}

const char *
ent_country_from_name(const char *name)
{
	char key[NAME_KEY_MAX];
	const struct country *c;
	const struct country_name *cn;
	size_t i;

	if (name == NULL || !name_key(name, key))
		return NULL;
	if ((c = by_code(key)) != NULL)
		return c->code;
	/* Alpha-3 codes: 250 rows, and only for three-letter input. */
	if (strlen(key) == 3)
		for (i = 0; i < N(countries); i++)
			if (strcmp(countries[i].alpha3, key) == 0)
				return countries[i].code;
	cn = bsearch(key, names, N(names), sizeof(names[0]), cmp_key);
	return cn != NULL ? cn->code : NULL;
}

/* For test_country.c: ENT_OK-style 0 if both tables are sorted without
 * duplicates, every key is its own normal form and every code it names
 * exists; otherwise the 1-based index of the first bad names row, or -1
 * for the countries table. */
int ent__country_check_tables(void);

int
ent__country_check_tables(void)
{
	char key[NAME_KEY_MAX];
	size_t i;

	for (i = 1; i < N(countries); i++)
		if (strcmp(countries[i - 1].code, countries[i].code) >= 0)
			return -1;
	for (i = 0; i < N(names); i++) {
		if (i > 0 && strcmp(names[i - 1].key, names[i].key) >= 0)
			return (int)i + 1;
		if (!name_key(names[i].key, key) ||
		    strcmp(key, names[i].key) != 0 ||
		    by_code(names[i].code) == NULL)
			return (int)i + 1;
	}
	return 0;
}
