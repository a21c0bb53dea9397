/* ent_schema.h - the schemata records may take, and their properties.
 *
 * FollowTheMoney-style: a schema has a name, a parent it extends, and
 * properties, each with a type.  Every property is multi-valued.  The table
 * is static and immutable, so all of this is thread-safe. */
#ifndef ENT_SCHEMA_H
#define ENT_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

enum ent_ptype {
	ENT_PT_STRING,     /* short free text */
	ENT_PT_TEXT,       /* long free text (notes, summary) */
	ENT_PT_NAME,       /* a name of a person, organisation or thing */
	ENT_PT_DATE,       /* ISO 8601, possibly partial: 1975, 1975-04 */
	ENT_PT_COUNTRY,    /* ISO 3166-1 alpha-2, stored lower case */
	ENT_PT_IDENTIFIER, /* document, registration or account number */
	ENT_PT_ENTITY,     /* the id of another record */
	ENT_PT_GENDER,     /* male, female, other */
	ENT_PT_EMAIL,
	ENT_PT_PHONE,
	ENT_PT_URL,
	ENT_PT_NUMBER,
	ENT_PT_TOPIC,    /* FtM topic: crime.terror, wanted, sanction ... */
	ENT_PT_ADDRESS,  /* a full postal address in one string */
	ENT_PT_LANGUAGE, /* ISO 639 code */
	ENT_PT__COUNT
};

struct ent_prop {
	const char *name;
	enum ent_ptype type;
	const char *range; /* ENT_PT_ENTITY: the schema referenced, or NULL */
};

struct ent_schema {
	const char *name;
	const char *parent;           /* NULL for the root, Thing */
	const struct ent_prop *props; /* own properties, not inherited */
	size_t nprops;
	bool abstract;              /* no record may use it directly */
	bool edge;                  /* a link between two records */
	const char *edge_source;    /* edge: the property naming one end */
	const char *edge_target;    /* edge: the property naming the other */
	const char *const *caption; /* properties tried, in order, for a
	                               caption; NULL-terminated */
};

/* NULL if there is no schema of that name (case-sensitive, "Person"). */
const struct ent_schema *ent_schema_get(const char *name);

/* Look the property up in s and its ancestors; NULL if s has none. */
const struct ent_prop *ent_schema_prop(
    const struct ent_schema *s, const char *name);

/* The parent schema, or NULL for the root. */
const struct ent_schema *ent_schema_parent(const struct ent_schema *s);

/* True if s is ancestor or s itself ("Person" is a "LegalEntity"). */
bool ent_schema_is_a(const struct ent_schema *s, const char *ancestor);

/* All schemata, for listing: i in [0, ent_schema_count()). */
size_t ent_schema_count(void);
const struct ent_schema *ent_schema_at(size_t i);

/* The name of a property type ("date", "country"...), for messages. */
const char *ent_ptype_name(enum ent_ptype t);

#endif /* ENT_SCHEMA_H */
