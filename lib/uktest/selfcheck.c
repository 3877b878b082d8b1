/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of uktest itself: the expectation macros pass on true values,
 * evaluate their arguments once, and report failures (the failing test
 * runs only with CONFIG_LIBUKTEST_SELFCHECK_FAIL or uktest_fail=1, so a
 * host runner can check that failures reach the summary and exit status).
 */
#include <stddef.h>
#include <uk/test.h>

UK_TESTCASE(uktest, expect_true_values)
{
	int x = 3, n = 0;

	UK_TEST_EXPECT(x == 3);
	UK_TEST_EXPECT_ZERO(x - 3);
	UK_TEST_EXPECT_NOT_NULL(&x);
	UK_TEST_EXPECT_NULL(NULL);
	UK_TEST_EXPECT_PTR_EQ(&x, &x);
	UK_TEST_EXPECT_SNUM_EQ(-5, x - 8);
	UK_TEST_EXPECT_UNUM_EQ(~0ULL, 0ULL - 1);
	UK_TEST_EXPECT_SNUM_GE(x, 3);
	UK_TEST_EXPECT_SNUM_GT(x, 2);
	/* Arguments with side effects are evaluated once. */
	UK_TEST_EXPECT_SNUM_EQ(++n, 1);
	UK_TEST_EXPECT_SNUM_EQ(n, 1);
}

UK_TESTCASE(uktest, rand_deterministic)
{
	uint32_t s1 = 42, s2 = 42, s3 = 43;
	uint32_t a = uk_test_rand(&s1);

	UK_TEST_EXPECT_UNUM_EQ(a, uk_test_rand(&s2));
	UK_TEST_EXPECT(a != uk_test_rand(&s3));
	UK_TEST_EXPECT(uk_test_rand(&s1) != a);
}

_UK_TESTCASE(uktest, selfcheck_fail, UK_TEST_F_SELFCHECK_FAIL)
{
	int one = 1;

	UK_TEST_EXPECT_SNUM_EQ(one, 2);
}
