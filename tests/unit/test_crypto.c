/* test_crypto.c - tokens, token hashes and the audit-chain hash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "ent_crypto.h"
#include "ent_err.h"

static int
setup(void **state)
{
	(void)state;
	return ent_crypto_init() == ENT_OK ? 0 : -1;
}

static void
tokens_are_prefixed_urlsafe_and_distinct(void **state)
{
	char a[ENT_TOKEN_SIZE], b[ENT_TOKEN_SIZE];
	size_t i;

	(void)state;
	assert_int_equal(ent_token_new(a), ENT_OK);
	assert_int_equal(ent_token_new(b), ENT_OK);
	assert_int_equal(strlen(a), ENT_TOKEN_SIZE - 1);
	assert_memory_equal(a, "ent_", 4);
	assert_string_not_equal(a, b);
	for (i = 4; a[i] != '\0'; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		                       "abcdefghijklmnopqrstuvwxyz0123456789-_",
		    a[i]));
}

static void
token_hash_is_stable_and_depends_on_every_byte(void **state)
{
	char tok[ENT_TOKEN_SIZE], h1[ENT_HASH_HEX_SIZE], h2[ENT_HASH_HEX_SIZE];

	(void)state;
	assert_int_equal(ent_token_new(tok), ENT_OK);
	assert_int_equal(ent_token_hash(tok, strlen(tok), h1), ENT_OK);
	assert_int_equal(ent_token_hash(tok, strlen(tok), h2), ENT_OK);
	assert_true(ent_hash_equal(h1, h2));
	assert_int_equal(strlen(h1), ENT_HASH_HEX_LEN);
	tok[10] = tok[10] == 'A' ? 'B' : 'A';
	assert_int_equal(ent_token_hash(tok, strlen(tok), h2), ENT_OK);
	assert_false(ent_hash_equal(h1, h2));
}

static void
token_hash_rejects_foreign_and_oversized_tokens(void **state)
{
	char h[ENT_HASH_HEX_SIZE], big[300];

	(void)state;
	assert_int_equal(ent_token_hash("Basic abc", 9, h), ENT_EINVAL);
	assert_int_equal(ent_token_hash("ent_", 4, h), ENT_EINVAL);
	assert_int_equal(ent_token_hash(NULL, 0, h), ENT_EINVAL);
	memset(big, 'a', sizeof(big));
	memcpy(big, "ent_", 4);
	assert_int_equal(ent_token_hash(big, sizeof(big), h), ENT_EINVAL);
}

static void
chain_hash_depends_on_prev_and_entry(void **state)
{
	char h1[ENT_HASH_HEX_SIZE], h2[ENT_HASH_HEX_SIZE];
	char h3[ENT_HASH_HEX_SIZE], h4[ENT_HASH_HEX_SIZE];

	(void)state;
	assert_int_equal(
	    ent_chain_hash(ent_hash_genesis, "abc", 3, h1), ENT_OK);
	assert_int_equal(
	    ent_chain_hash(ent_hash_genesis, "abc", 3, h2), ENT_OK);
	assert_true(ent_hash_equal(h1, h2));
	assert_int_equal(
	    ent_chain_hash(ent_hash_genesis, "abd", 3, h3), ENT_OK);
	assert_false(ent_hash_equal(h1, h3));
	assert_int_equal(ent_chain_hash(h1, "abc", 3, h4), ENT_OK);
	assert_false(ent_hash_equal(h1, h4));
	/* Different from the token hash of the same bytes: the tags differ. */
	assert_int_equal(ent_token_hash("ent_abc", 7, h2), ENT_OK);
	assert_int_equal(
	    ent_chain_hash(ent_hash_genesis, "ent_abc", 7, h3), ENT_OK);
	assert_false(ent_hash_equal(h2, h3));
}

static void
chain_hash_rejects_malformed_prev(void **state)
{
	char h[ENT_HASH_HEX_SIZE];

	(void)state;
	assert_int_equal(ent_chain_hash("00", "x", 1, h), ENT_EINVAL);
	assert_int_equal(ent_chain_hash(NULL, "x", 1, h), ENT_EINVAL);
	assert_int_equal(ent_chain_hash("zz00000000000000000000000000000000000"
	                                "000000000000000000000000000",
	                     "x", 1, h),
	    ENT_EINVAL);
}

static void
hash_equal_refuses_null_and_short(void **state)
{
	(void)state;
	assert_false(ent_hash_equal(NULL, ent_hash_genesis));
	assert_false(ent_hash_equal("00", "00"));
	assert_true(ent_hash_equal(ent_hash_genesis, ent_hash_genesis));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tokens_are_prefixed_urlsafe_and_distinct),
	    cmocka_unit_test(token_hash_is_stable_and_depends_on_every_byte),
	    cmocka_unit_test(token_hash_rejects_foreign_and_oversized_tokens),
	    cmocka_unit_test(chain_hash_depends_on_prev_and_entry),
	    cmocka_unit_test(chain_hash_rejects_malformed_prev),
	    cmocka_unit_test(hash_equal_refuses_null_and_short),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
