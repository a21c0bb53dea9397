/* ent_crypto.h - the node's uses of cryptography, behind one header.
 *
 * libsodium is used only in ent_crypto.c.  What this module offers:
 *   - API tokens: "ent_" followed by 32 random bytes in unpadded base64url;
 *   - token hashes: what the users table stores instead of the token;
 *   - the audit-chain hash: BLAKE2b-256 over a context tag, the previous
 *     entry's hash and the canonical bytes of an entry;
 *   - constant-time comparison of hashes.
 * Hashes travel as lower-case hex strings of ENT_HASH_HEX_LEN characters so
 * they can be stored, printed and compared as text.
 *
 * Thread-safety: call ent_crypto_init() once before threads start; every
 * other function is then safe to call from any thread. */
#ifndef ENT_CRYPTO_H
#define ENT_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

#define ENT_HASH_BYTES 32
#define ENT_HASH_HEX_LEN (2 * ENT_HASH_BYTES)
/* A buffer for a hex hash and its NUL. */
#define ENT_HASH_HEX_SIZE (ENT_HASH_HEX_LEN + 1)
/* "ent_" + base64url(32 bytes) without padding (43) + NUL. */
#define ENT_TOKEN_SIZE (4 + 43 + 1)
#define ENT_TOKEN_PREFIX "ent_"

/* The hash that precedes the first audit entry: 64 zeros. */
extern const char ent_hash_genesis[ENT_HASH_HEX_SIZE];

/* Initialise libsodium.  ENT_OK, or ENT_EINTERNAL if it cannot run (no
 * entropy source).  Idempotent. */
int ent_crypto_init(void);

/* A new random API token into out (ENT_TOKEN_SIZE bytes).  The caller
 * should wipe it with ent_crypto_wipe() once it has been shown. */
int ent_token_new(char out[ENT_TOKEN_SIZE]);

/* The hash of a token of len bytes, as hex, into out.  Tokens that do not
 * start with "ent_" or are longer than 256 bytes are ENT_EINVAL (so a
 * request can never make us hash megabytes). */
int ent_token_hash(const char *token, size_t len, char out[ENT_HASH_HEX_SIZE]);

/* The hash of an audit entry: BLAKE2b-256("ent/audit/v1\0" || prev ||
 * entry), prev being the previous entry's hash as hex (64 characters,
 * ent_hash_genesis for the first).  ENT_EINVAL if prev is not such hex. */
int ent_chain_hash(const char *prev, const void *entry, size_t len,
    char out[ENT_HASH_HEX_SIZE]);

/* True if a and b are equal hex hashes, compared in constant time.  Either
 * being NULL or of the wrong length compares unequal. */
bool ent_hash_equal(const char *a, const char *b);

/* Overwrite n bytes at p with zeros in a way the compiler cannot drop. */
void ent_crypto_wipe(void *p, size_t n);

#endif /* ENT_CRYPTO_H */
