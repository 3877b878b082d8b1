/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of ukrandom: the ChaCha20 block function against RFC 8439's test
 * vectors (2.3.2 and A.1 #1), that the generator is seeded and
 * gives different output each time, and getrandom()'s contract.
 */
#include <errno.h>
#include <string.h>
#include <uk/random.h>
#include <uk/test.h>
#if CONFIG_LIBUKRANDOM_GETRANDOM
#include <sys/random.h>
#endif

static void check_block(const uint32_t key[8], uint32_t counter,
			const uint32_t nonce[3], const uint32_t expect[16])
{
	uint32_t out[16];
	int i;

	uk_chacha20_block(key, counter, nonce, out);
	for (i = 0; i < 16; i++)
		if (out[i] != expect[i])
			UK_TEST_FAIL("word %d: expected %08x, got %08x", i,
				     (unsigned int)expect[i],
				     (unsigned int)out[i]);
}

/* RFC 8439 2.3.2: key 00 01 .. 1f, counter 1, nonce 000000090000004a00000000. */
UK_TESTCASE(ukrandom, chacha20_rfc8439_2_3_2)
{
	static const uint32_t key[8] = { 0x03020100, 0x07060504, 0x0b0a0908,
					 0x0f0e0d0c, 0x13121110, 0x17161514,
					 0x1b1a1918, 0x1f1e1d1c };
	static const uint32_t nonce[3] = { 0x09000000, 0x4a000000, 0 };
	static const uint32_t expect[16] = {
		0xe4e7f110, 0x15593bd1, 0x1fdd0f50, 0xc47120a3,
		0xc7f4d1c7, 0x0368c033, 0x9aaa2204, 0x4e6cd4c3,
		0x466482d2, 0x09aa9f07, 0x05d7c214, 0xa2028bd9,
		0xd19c12b5, 0xb94e16de, 0xe883d0cb, 0x4e3c50a2,
	};

	check_block(key, 1, nonce, expect);
}

/* RFC 8439 A.1 test vector #1: all-zero key and nonce, counter 0
 * (key stream 76 b8 e0 ad a0 f1 3d 90 ...). */
UK_TESTCASE(ukrandom, chacha20_rfc8439_a1_1)
{
	static const uint32_t key[8] = { 0 };
	static const uint32_t nonce[3] = { 0 };
	static const uint32_t expect[16] = {
		0xade0b876, 0x903df1a0, 0xe56a5d40, 0x28bd8653,
		0xb819d2bd, 0x1aed8da0, 0xccef36a8, 0xc70d778b,
		0x7c5941da, 0x8d485751, 0x3fe02477, 0x374ad8b8,
		0xf4b8436a, 0x1ca11815, 0x69b687c3, 0x8665eeb2,
	};

	check_block(key, 0, nonce, expect);
}

UK_TESTCASE(ukrandom, seeded_and_changing)
{
	uint8_t a[100], b[100];
	unsigned int i, same = 0, zero = 0;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	uk_random_fill(a, sizeof(a));
	uk_random_fill(b, sizeof(b));
	for (i = 0; i < sizeof(a); i++) {
		same += a[i] == b[i];
		zero += a[i] == 0;
	}
	/* 100 random bytes: about 0.4 equal or zero on average. */
	UK_TEST_EXPECT(same < 10);
	UK_TEST_EXPECT(zero < 10);
	UK_TEST_EXPECT(!uk_test_streq(uk_random_source_name(), "none"));
	UK_TEST_EXPECT(uk_random_u32() != uk_random_u32() ||
		       uk_random_u32() != uk_random_u32());
}

/* Every bit of the output is set about half the time. */
UK_TESTCASE(ukrandom, bit_balance)
{
	unsigned int ones[32] = { 0 }, i, b;

	for (i = 0; i < 2048; i++) {
		uint32_t v = uk_random_u32();

		for (b = 0; b < 32; b++)
			ones[b] += (v >> b) & 1;
	}
	/* mean 1024, sd 22.6: 8 sd either way */
	for (b = 0; b < 32; b++)
		if (ones[b] < 843 || ones[b] > 1205)
			UK_TEST_FAIL("bit %u set %u times in 2048", b, ones[b]);
}

#if CONFIG_LIBUKRANDOM_GETRANDOM
UK_TESTCASE(ukrandom, getrandom)
{
	uint8_t buf[300];
	unsigned int i, zero = 0;

	memset(buf, 0, sizeof(buf));
	UK_TEST_EXPECT_SNUM_EQ(getrandom(buf, sizeof(buf), 0), 300);
	for (i = 0; i < sizeof(buf); i++)
		zero += buf[i] == 0;
	UK_TEST_EXPECT(zero < 20);
	UK_TEST_EXPECT_SNUM_EQ(getrandom(buf, 7, GRND_NONBLOCK | GRND_RANDOM),
			       7);
	UK_TEST_EXPECT_SNUM_EQ(getrandom(buf, 0, 0), 0);
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(getrandom(buf, 8, 0x80), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
}
#endif
