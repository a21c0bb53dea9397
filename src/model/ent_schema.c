/* ent_schema.c - the static table of schemata (FollowTheMoney subset plus
 * the police-specific Notice and Case).
 *
 * Property names follow FtM so that files from OpenSanctions, Aleph and
 * yente load unchanged.  Inheritance is by parent name; lookups walk up the
 * chain, which is at most four deep, so no index is needed. */
#include "ent_schema.h"

#include <string.h>

#define P(n, t)                                                                \
	{                                                                      \
		n, ENT_PT_##t, NULL                                            \
	}
#define R(n, s)                                                                \
	{                                                                      \
		n, ENT_PT_ENTITY, s                                            \
	}
#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct ent_prop thing_props[] = {
    P("name", NAME),
    P("alias", NAME),
    P("weakAlias", NAME),
    P("previousName", NAME),
    P("summary", TEXT),
    P("description", TEXT),
    P("notes", TEXT),
    P("country", COUNTRY),
    P("sourceUrl", URL),
    P("topics", TOPIC),
    P("keywords", STRING),
    P("address", ADDRESS),
    R("addressEntity", "Address"),
    P("program", STRING),
    P("createdAt", DATE),
    P("modifiedAt", DATE),
    P("retrievedAt", DATE),
    P("wikidataId", IDENTIFIER),
    P("publisher", STRING),
    P("alephUrl", URL),
    P("index", STRING),
    P("position", STRING),
};

static const struct ent_prop legal_props[] = {
    P("email", EMAIL),
    P("phone", PHONE),
    P("website", URL),
    P("legalForm", STRING),
    P("incorporationDate", DATE),
    P("dissolutionDate", DATE),
    P("taxNumber", IDENTIFIER),
    P("registrationNumber", IDENTIFIER),
    P("idNumber", IDENTIFIER),
    P("innCode", IDENTIFIER),
    P("ogrnCode", IDENTIFIER),
    P("leiCode", IDENTIFIER),
    P("vatCode", IDENTIFIER),
    P("jurisdiction", COUNTRY),
    P("mainCountry", COUNTRY),
    P("status", STRING),
    P("sector", STRING),
    P("classification", STRING),
    P("opencorporatesUrl", URL),
    P("uniqueEntityId", IDENTIFIER),
};

static const struct ent_prop person_props[] = {
    P("title", STRING),
    P("firstName", NAME),
    P("secondName", NAME),
    P("middleName", NAME),
    P("fatherName", NAME),
    P("motherName", NAME),
    P("lastName", NAME),
    P("nameSuffix", NAME),
    P("birthDate", DATE),
    P("birthPlace", STRING),
    P("birthCountry", COUNTRY),
    P("deathDate", DATE),
    P("nationality", COUNTRY),
    P("citizenship", COUNTRY),
    P("passportNumber", IDENTIFIER),
    P("socialSecurityNumber", IDENTIFIER),
    P("gender", GENDER),
    P("ethnicity", STRING),
    P("religion", STRING),
    P("height", NUMBER),
    P("weight", NUMBER),
    P("eyeColor", STRING),
    P("hairColor", STRING),
    P("appearance", TEXT),
    P("education", STRING),
    P("political", STRING),
    P("spokenLanguage", LANGUAGE),
    P("profession", STRING),
};

static const struct ent_prop org_props[] = {
    P("numEmployees", NUMBER),
};

static const struct ent_prop company_props[] = {
    P("capital", NUMBER),
    P("swiftBic", IDENTIFIER),
    P("voenCode", IDENTIFIER),
    P("ticker", IDENTIFIER),
    P("isinCode", IDENTIFIER),
};

static const struct ent_prop ident_props[] = {
    R("holder", "LegalEntity"),
    P("type", STRING),
    P("number", IDENTIFIER),
    P("country", COUNTRY),
    P("authority", STRING),
    P("startDate", DATE),
    P("endDate", DATE),
    P("summary", TEXT),
    P("notes", TEXT),
    P("sourceUrl", URL),
};

static const struct ent_prop passport_props[] = {
    P("surname", NAME),
    P("givenName", NAME),
    P("birthDate", DATE),
    P("birthPlace", STRING),
    P("gender", GENDER),
    P("personalNumber", IDENTIFIER),
    P("passportNumber", IDENTIFIER),
};

static const struct ent_prop vehicle_props[] = {
    P("registrationNumber", IDENTIFIER),
    P("type", STRING),
    P("model", STRING),
    P("make", STRING),
    R("owner", "LegalEntity"),
    R("operator", "LegalEntity"),
    P("buildDate", DATE),
    P("registrationDate", DATE),
    P("deregistrationDate", DATE),
    P("vinCode", IDENTIFIER),
    P("color", STRING),
};

static const struct ent_prop vessel_props[] = {
    P("imoNumber", IDENTIFIER),
    P("mmsi", IDENTIFIER),
    P("callSign", IDENTIFIER),
    P("flag", COUNTRY),
    P("tonnage", NUMBER),
    P("grossRegisteredTonnage", NUMBER),
    P("navigationArea", STRING),
    P("pastFlags", COUNTRY),
    P("pastTypes", STRING),
};

static const struct ent_prop airplane_props[] = {
    P("serialNumber", IDENTIFIER),
    P("icaoCode", IDENTIFIER),
    P("manufacturer", STRING),
};

static const struct ent_prop address_props[] = {
    P("full", ADDRESS),
    P("remarks", TEXT),
    P("postOfficeBox", STRING),
    P("street", STRING),
    P("street2", STRING),
    P("city", STRING),
    P("postalCode", STRING),
    P("region", STRING),
    P("state", STRING),
    P("latitude", NUMBER),
    P("longitude", NUMBER),
};

static const struct ent_prop phone_props[] = {
    P("number", PHONE),
    R("holder", "LegalEntity"),
    P("type", STRING),
};

static const struct ent_prop email_props[] = {
    P("emailAddress", EMAIL),
    R("holder", "LegalEntity"),
};

static const struct ent_prop bank_props[] = {
    P("bankName", STRING),
    P("accountNumber", IDENTIFIER),
    P("iban", IDENTIFIER),
    P("bic", IDENTIFIER),
    P("accountType", STRING),
    R("holder", "LegalEntity"),
    P("balance", NUMBER),
    P("bankAddress", ADDRESS),
};

/* Intervals: edges and other dated things share these. */
static const struct ent_prop interval_props[] = {
    P("startDate", DATE),
    P("endDate", DATE),
    P("date", DATE),
    P("summary", TEXT),
    P("description", TEXT),
    P("recordId", STRING),
    P("sourceUrl", URL),
    P("publisher", STRING),
    P("modifiedAt", DATE),
    P("retrievedAt", DATE),
    P("notes", TEXT),
    P("role", STRING),
    P("status", STRING),
};

static const struct ent_prop family_props[] = {
    R("person", "Person"),
    R("relative", "Person"),
    P("relationship", STRING),
};

static const struct ent_prop associate_props[] = {
    R("person", "Person"),
    R("associate", "Person"),
    P("relationship", STRING),
};

static const struct ent_prop membership_props[] = {
    R("member", "LegalEntity"),
    R("organization", "Organization"),
};

static const struct ent_prop ownership_props[] = {
    R("owner", "LegalEntity"),
    R("asset", "Thing"),
    P("percentage", STRING),
    P("sharesCount", NUMBER),
    P("ownershipType", STRING),
};

static const struct ent_prop directorship_props[] = {
    R("director", "LegalEntity"),
    R("organization", "Organization"),
};

static const struct ent_prop unknown_props[] = {
    R("subject", "Thing"),
    R("object", "Thing"),
};

static const struct ent_prop sanction_props[] = {
    R("entity", "Thing"),
    P("authority", STRING),
    P("authorityId", STRING),
    P("unscId", STRING),
    P("program", STRING),
    P("programId", STRING),
    P("provisions", STRING),
    P("reason", TEXT),
    P("country", COUNTRY),
    P("listingDate", DATE),
    P("duration", STRING),
};

/* Notice: an INTERPOL-style notice or a national alert about a subject. */
static const struct ent_prop notice_props[] = {
    R("subject", "Thing"),
    P("noticeType", STRING),
    P("reference", STRING),
    P("issuingAgency", STRING),
    P("charges", TEXT),
    P("action", TEXT),
    P("issueDate", DATE),
    P("country", COUNTRY),
};

/* Case: an investigation grouping records. */
static const struct ent_prop case_props[] = {
    P("name", NAME),
    P("reference", STRING),
    P("caseType", STRING),
    R("subjects", "Thing"),
    P("country", COUNTRY),
    P("crime", STRING),
};

static const char *const cap_name[] = {"name", "alias", NULL};
static const char *const cap_ident[] = {"number", "passportNumber", NULL};
static const char *const cap_addr[] = {"full", "city", NULL};
static const char *const cap_phone[] = {"number", NULL};
static const char *const cap_email[] = {"emailAddress", NULL};
static const char *const cap_bank[] = {"iban", "accountNumber", NULL};
static const char *const cap_vehicle[] = {
    "name", "registrationNumber", "vinCode", NULL};
static const char *const cap_rel[] = {"relationship", NULL};
static const char *const cap_none[] = {NULL};
static const char *const cap_notice[] = {"reference", "noticeType", NULL};
static const char *const cap_case[] = {"name", "reference", NULL};
static const char *const cap_sanction[] = {"program", "authority", NULL};

#define S(nm, par, pr, abs, cap)                                               \
	{                                                                      \
		nm, par, pr, N(pr), abs, false, NULL, NULL, cap                \
	}
#define E(nm, par, pr, src, dst, cap)                                          \
	{                                                                      \
		nm, par, pr, N(pr), false, true, src, dst, cap                 \
	}

static const struct ent_schema schemata[] = {
    S("Thing", NULL, thing_props, true, cap_name),
    S("LegalEntity", "Thing", legal_props, false, cap_name),
    S("Person", "LegalEntity", person_props, false, cap_name),
    S("Organization", "LegalEntity", org_props, false, cap_name),
    S("Company", "Organization", company_props, false, cap_name),
    S("Identification", "Interval", ident_props, false, cap_ident),
    S("Passport", "Identification", passport_props, false, cap_ident),
    S("Vehicle", "Thing", vehicle_props, false, cap_vehicle),
    S("Vessel", "Vehicle", vessel_props, false, cap_vehicle),
    S("Airplane", "Vehicle", airplane_props, false, cap_vehicle),
    S("Address", "Thing", address_props, false, cap_addr),
    S("Phone", "Interval", phone_props, false, cap_phone),
    S("Email", "Interval", email_props, false, cap_email),
    S("BankAccount", "Thing", bank_props, false, cap_bank),
    S("Interval", NULL, interval_props, true, cap_none),
    E("Family", "Interval", family_props, "person", "relative", cap_rel),
    E("Associate", "Interval", associate_props, "person", "associate", cap_rel),
    E("Membership", "Interval", membership_props, "member", "organization",
        cap_none),
    E("Ownership", "Interval", ownership_props, "owner", "asset", cap_none),
    E("Directorship", "Interval", directorship_props, "director",
        "organization", cap_none),
    E("UnknownLink", "Interval", unknown_props, "subject", "object", cap_none),
    S("Sanction", "Interval", sanction_props, false, cap_sanction),
    S("Notice", "Interval", notice_props, false, cap_notice),
    S("Case", "Interval", case_props, false, cap_case),
};

static const char *const ptype_names[ENT_PT__COUNT] = {
    [ENT_PT_STRING] = "string",
    [ENT_PT_TEXT] = "text",
    [ENT_PT_NAME] = "name",
    [ENT_PT_DATE] = "date",
    [ENT_PT_COUNTRY] = "country",
    [ENT_PT_IDENTIFIER] = "identifier",
    [ENT_PT_ENTITY] = "entity",
    [ENT_PT_GENDER] = "gender",
    [ENT_PT_EMAIL] = "email",
    [ENT_PT_PHONE] = "phone",
    [ENT_PT_URL] = "url",
    [ENT_PT_NUMBER] = "number",
    [ENT_PT_TOPIC] = "topic",
    [ENT_PT_ADDRESS] = "address",
    [ENT_PT_LANGUAGE] = "language",
};

const struct ent_schema *
ent_schema_get(const char *name)
{
	size_t i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < N(schemata); i++)
		if (strcmp(schemata[i].name, name) == 0)
			return &schemata[i];
	return NULL;
}

const struct ent_schema *
ent_schema_parent(const struct ent_schema *s)
{
	return s->parent != NULL ? ent_schema_get(s->parent) : NULL;
}

const struct ent_prop *
ent_schema_prop(const struct ent_schema *s, const char *name)
{
	size_t i;

	/* Comparing the first byte before the whole name makes this linear
	 * scan cheap enough for the decoder's hot path. */
	for (; s != NULL; s = ent_schema_parent(s))
		for (i = 0; i < s->nprops; i++)
			if (s->props[i].name[0] == name[0] &&
			    strcmp(s->props[i].name, name) == 0)
				return &s->props[i];
	return NULL;
}

bool
ent_schema_is_a(const struct ent_schema *s, const char *ancestor)
{
	for (; s != NULL; s = ent_schema_parent(s))
		if (strcmp(s->name, ancestor) == 0)
			return true;
	return false;
}

size_t
ent_schema_count(void)
{
	return N(schemata);
}

const struct ent_schema *
ent_schema_at(size_t i)
{
	return i < N(schemata) ? &schemata[i] : NULL;
}

const char *
ent_ptype_name(enum ent_ptype t)
{
	return (unsigned)t < ENT_PT__COUNT ? ptype_names[t] : "unknown";
}
