/* ent_record.h - one record: an FtM entity plus the node's metadata.
 *
 * A record has an id, a schema and properties; each property holds one or
 * more string values.  Properties are kept sorted by name and values are
 * unique per property in insertion order, so two records with the same
 * content always serialise to the same bytes.  Values are stored already
 * normalised (country codes lower case, dates trimmed) by ent_record_add().
 *
 * A record is owned by whoever created it and is not thread-safe; share it
 * read-only or not at all. */
#ifndef ENT_RECORD_H
#define ENT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ent_diag.h"
#include "ent_schema.h"

/* The longest id, value and number of values we accept: bounds on input. */
#define ENT_ID_MAX 256
#define ENT_VALUE_MAX 65536
#define ENT_VALUES_MAX 4096

/* What police data rules attach to a record.  Strings are owned by the
 * record (free()d with it) and may be NULL when unset. */
struct ent_meta {
	char *agency;       /* owning agency, "PK-FIA" */
	int64_t version;    /* 1 on creation, +1 on every change */
	char *created;      /* ISO 8601 UTC, set by the store */
	char *updated;      /* ISO 8601 UTC, set by the store */
	char *legal_basis;  /* e.g. "RPD art. 10" */
	char *handling;     /* handling code, e.g. "H2" */
	char *distribution; /* who may see it; "all" when NULL */
	char *review_by;    /* ISO 8601 date */
	char *expires;      /* ISO 8601 date */
};

struct ent_pvals {
	const struct ent_prop *prop; /* borrowed from the static schema table */
	char **vals;                 /* owned */
	size_t n, cap;
};

struct ent_record {
	char *id;                        /* owned */
	const struct ent_schema *schema; /* static */
	struct ent_pvals *props;         /* owned, sorted by prop->name */
	size_t nprops, cap;
	struct ent_meta meta;
};

/* Create an empty record.  id must be 1..ENT_ID_MAX bytes of letters,
 * digits and "-_.:/"; schema must be concrete.  *out only on ENT_OK. */
int ent_record_new(const char *id, const char *schema, struct ent_record **out,
    struct ent_diag *d);
void ent_record_free(struct ent_record *r); /* NULL-safe */

/* Validate, normalise and append a value to property prop.  Unknown
 * property or invalid value: ENT_EINVAL with d saying which and why.
 * An empty value (after trimming) is ignored; a duplicate is ignored. */
int ent_record_add(struct ent_record *r, const char *prop, const char *value,
    struct ent_diag *d);
int ent_record_addn(struct ent_record *r, const char *prop, const char *value,
    size_t len, struct ent_diag *d);

/* The same with the property already looked up with ent_schema_prop() on
 * r's schema: for decoders that add many values of one property. */
int ent_record_addp(struct ent_record *r, const struct ent_prop *p,
    const char *value, size_t len, struct ent_diag *d);

/* Values of a property; NULL with *n = 0 if none.  Borrowed. */
char *const *ent_record_get(
    const struct ent_record *r, const char *prop, size_t *n);
/* The first value of prop or NULL.  Borrowed. */
const char *ent_record_first(const struct ent_record *r, const char *prop);

/* A short label for people: the first name, number or id.  Borrowed. */
const char *ent_record_caption(const struct ent_record *r);

/* Check what needs the whole record: required properties (an edge must name
 * both ends), at least one name for a named thing.  ENT_EINVAL with d. */
int ent_record_check(const struct ent_record *r, struct ent_diag *d);

/* Call fn for every value of an ENT_PT_ENTITY property: the references
 * this record makes to others.  Stops at and returns fn's first non-zero. */
int ent_record_each_ref(const struct ent_record *r,
    int (*fn)(void *ctx, const char *prop, const char *id), void *ctx);

/* True if a and b hold the same schema, properties and values (meta is not
 * compared). */
bool ent_record_same_content(
    const struct ent_record *a, const struct ent_record *b);

/* Set a metadata string field, copying value (NULL clears it).  The field
 * is one of the char * members of r->meta. */
int ent_meta_set(char **field, const char *value);
/* Copy every field of src into dst (dst's old strings are freed). */
int ent_meta_copy(struct ent_meta *dst, const struct ent_meta *src);
void ent_meta_fini(struct ent_meta *m);

/* True if s is a valid record id (see ent_record_new). */
bool ent_id_valid(const char *s);

/* ENT_OK if s is an ISO 8601 date, possibly partial; ENT_EINVAL with d. */
int ent_date_check(const char *s, struct ent_diag *d);

#endif /* ENT_RECORD_H */
