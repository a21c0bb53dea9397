/* ent_country.h - ISO 3166-1 alpha-2 country codes and their names.
 *
 * Codes are stored lower case, as FollowTheMoney does ("ru", "pk").  Besides
 * the ISO list we accept the user-assigned codes FtM uses: "xk" (Kosovo),
 * "eu" (European Union), "zz" (global / unknown), and the codes of states
 * that no longer exist but still appear on lists as nationalities: "su"
 * (Soviet Union), "yu" (Yugoslavia), "cs" (Serbia and Montenegro), "an"
 * (Netherlands Antilles).  The table is static, so
 * everything here is thread-safe. */
#ifndef ENT_COUNTRY_H
#define ENT_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

/* True if code is a known alpha-2 code, in any case. */
bool ent_country_valid(const char *code);

/* The lower-case code for an English country name as the UN, OFAC and EU
 * lists write it ("Russian Federation", "Iran (Islamic Republic of)",
 * "Viet Nam", "Syria"), case- and punctuation-insensitive; an alpha-2 or
 * alpha-3 code is accepted too.  NULL if unknown.  Static result. */
const char *ent_country_from_name(const char *name);

/* The English short name for a code ("ru" -> "Russia"); NULL if unknown. */
const char *ent_country_name(const char *code);

#endif /* ENT_COUNTRY_H */
