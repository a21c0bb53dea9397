/* ent_crypto.c - tokens, token hashes and the audit-chain hash (libsodium).
 *
 * This file is the only one that includes <sodium.h>.  It knows nothing of
 * users, roles or the audit table: it turns bytes into hashes and compares
 * them.  Context tags in front of every hashed message keep a token hash
 * from ever being mistaken for a chain hash and vice versa. */
#include "ent_crypto.h"

#include <sodium.h>
#include <string.h>

#include "ent_err.h"

const char ent_hash_genesis[ENT_HASH_HEX_SIZE] =
    "0000000000000000000000000000000000000000000000000000000000000000";

#define TOKEN_RAW_BYTES 32
#define TOKEN_LEN_MAX 256

static const char token_tag[] = "ent/token/v1";
static const char chain_tag[] = "ent/audit/v1";

int
ent_crypto_init(void)
{
	/* 0 = initialised now, 1 = already; -1 = cannot get entropy. */
	return sodium_init() < 0 ? ENT_EINTERNAL : ENT_OK;
}

int
ent_token_new(char out[ENT_TOKEN_SIZE])
{
	unsigned char raw[TOKEN_RAW_BYTES];
	size_t pre = sizeof(ENT_TOKEN_PREFIX) - 1;

	randombytes_buf(raw, sizeof(raw));
	memcpy(out, ENT_TOKEN_PREFIX, pre);
	sodium_bin2base64(out + pre, ENT_TOKEN_SIZE - pre, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	return ENT_OK;
}

/* A token carries 256 bits of entropy, so a brute-force search of the
 * stored hash is hopeless whatever the hash costs: a slow password hash
 * (Argon2) would add nothing but 64 MiB and ~50 ms to every request, which
 * the screening rate (thousands a second) cannot afford.  One BLAKE2b call
 * with a context tag as key is the right tool. */
int
ent_token_hash(const char *token, size_t len, char out[ENT_HASH_HEX_SIZE])
{
	unsigned char h[ENT_HASH_BYTES];
	size_t pre = sizeof(ENT_TOKEN_PREFIX) - 1;

	if (token == NULL || len <= pre || len > TOKEN_LEN_MAX ||
	    memcmp(token, ENT_TOKEN_PREFIX, pre) != 0)
		return ENT_EINVAL;
	if (crypto_generichash(h, sizeof(h), (const unsigned char *)token, len,
	        (const unsigned char *)token_tag, sizeof(token_tag) - 1) != 0)
		return ENT_EINTERNAL;
	sodium_bin2hex(out, ENT_HASH_HEX_SIZE, h, sizeof(h));
	return ENT_OK;
}

int
ent_chain_hash(const char *prev, const void *entry, size_t len,
    char out[ENT_HASH_HEX_SIZE])
{
	crypto_generichash_state st;
	unsigned char p[ENT_HASH_BYTES], h[ENT_HASH_BYTES];
	size_t plen;

	if (prev == NULL || strlen(prev) != ENT_HASH_HEX_LEN ||
	    sodium_hex2bin(
	        p, sizeof(p), prev, ENT_HASH_HEX_LEN, NULL, &plen, NULL) != 0 ||
	    plen != sizeof(p))
		return ENT_EINVAL;
	/* The tag goes in with its NUL so no tag can be a prefix of another
	 * message's bytes. */
	if (crypto_generichash_init(&st, NULL, 0, sizeof(h)) != 0 ||
	    crypto_generichash_update(&st, (const unsigned char *)chain_tag,
	        sizeof(chain_tag)) != 0 ||
	    crypto_generichash_update(&st, p, sizeof(p)) != 0 ||
	    crypto_generichash_update(&st, entry, len) != 0 ||
	    crypto_generichash_final(&st, h, sizeof(h)) != 0)
		return ENT_EINTERNAL;
	sodium_bin2hex(out, ENT_HASH_HEX_SIZE, h, sizeof(h));
	return ENT_OK;
}

bool
ent_hash_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL || strlen(a) != ENT_HASH_HEX_LEN ||
	    strlen(b) != ENT_HASH_HEX_LEN)
		return false;
	return sodium_memcmp(a, b, ENT_HASH_HEX_LEN) == 0;
}

void
ent_crypto_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
