/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uktest: unit tests that run inside the unikernel.
 *
 *	UK_TESTCASE(alloc, malloc_zero)
 *	{
 *		UK_TEST_EXPECT_NULL(uk_malloc(a, 0));
 *	}
 *
 * A test case is an entry in the .uk_testtab section (sorted by suite and
 * name, see sections.lds.h), so linking the file is all it takes. A
 * failed expectation prints "[ FAIL ] suite.name: file:line: ..." with the
 * values and the test goes on; a test with no failure prints
 * "[ PASS ] suite.name". uk_test_run() ends with the summary line
 * "uktest: N passed, N failed" and returns the number of failed tests.
 */
#ifndef __UK_TEST_H__
#define __UK_TEST_H__

#include <uk/essentials.h>

/* Run only when the failing self-check is asked for. */
#define UK_TEST_F_SELFCHECK_FAIL 0x1

struct uk_testcase {
	const char *suite;
	const char *name;
	void (*func)(void);
	unsigned long flags;
};

#define _UK_TESTCASE(suite, name, flags)                                       \
	static void UK_CONCAT(__uk_test_, UK_CONCAT(suite, __##name))(void);   \
	static const struct uk_testcase __used __section(".uk_testtab." #suite \
							 "." #name)            \
		UK_CONCAT(__uk_testent_, UK_CONCAT(suite, __##name)) = {       \
			#suite, #name,                                         \
			UK_CONCAT(__uk_test_, UK_CONCAT(suite, __##name)),     \
			(flags)                                                \
		};                                                             \
	static void UK_CONCAT(__uk_test_, UK_CONCAT(suite, __##name))(void)

#define UK_TESTCASE(suite, name) _UK_TESTCASE(suite, name, 0)

/* Records a failure of the running test; fmt describes what was expected. */
void _uk_test_fail(const char *file, unsigned int line, const char *fmt, ...)
	__printf(3, 4);

#define UK_TEST_FAIL(fmt, ...) \
	_uk_test_fail(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

/* Each macro evaluates its arguments once and is true when it passed. */
#define UK_TEST_EXPECT(cond)                                \
	({                                                  \
		int __ok = !!(cond);                        \
		if (!__ok)                                  \
			UK_TEST_FAIL("expected %s", #cond); \
		__ok;                                       \
	})
#define UK_TEST_EXPECT_ZERO(x) UK_TEST_EXPECT_SNUM_EQ(x, 0)
#define UK_TEST_EXPECT_NULL(x) UK_TEST_EXPECT_PTR_EQ(x, NULL)
#define UK_TEST_EXPECT_NOT_NULL(x)                                \
	({                                                        \
		const void *__p = (x);                            \
		if (!__p)                                         \
			UK_TEST_FAIL("expected %s not NULL", #x); \
		__p != NULL;                                      \
	})
#define UK_TEST_EXPECT_PTR_EQ(x, y)                                         \
	({                                                                  \
		const void *__a = (x), *__b = (y);                          \
		if (__a != __b)                                             \
			UK_TEST_FAIL("expected %s == %s: %p != %p", #x, #y, \
				     __a, __b);                             \
		__a == __b;                                                 \
	})
#define UK_TEST_EXPECT_SNUM_EQ(x, y)                                        \
	({                                                                  \
		long long __a = (long long)(x), __b = (long long)(y);       \
		if (__a != __b)                                             \
			UK_TEST_FAIL("expected %s == %s: %lld != %lld", #x, \
				     #y, __a, __b);                         \
		__a == __b;                                                 \
	})
#define UK_TEST_EXPECT_UNUM_EQ(x, y)                                        \
	({                                                                  \
		unsigned long long __a = (unsigned long long)(x),           \
				   __b = (unsigned long long)(y);           \
		if (__a != __b)                                             \
			UK_TEST_FAIL("expected %s == %s: %llu != %llu", #x, \
				     #y, __a, __b);                         \
		__a == __b;                                                 \
	})
#define UK_TEST_EXPECT_SNUM_GE(x, y)                                           \
	({                                                                     \
		long long __a = (long long)(x), __b = (long long)(y);          \
		if (__a < __b)                                                 \
			UK_TEST_FAIL("expected %s >= %s: %lld < %lld", #x, #y, \
				     __a, __b);                                \
		__a >= __b;                                                    \
	})
#define UK_TEST_EXPECT_SNUM_GT(x, y)                                           \
	({                                                                     \
		long long __a = (long long)(x), __b = (long long)(y);          \
		if (__a <= __b)                                                \
			UK_TEST_FAIL("expected %s > %s: %lld <= %lld", #x, #y, \
				     __a, __b);                                \
		__a > __b;                                                     \
	})

/*
 * Byte-wise string length and equality that use no string.h: the suites
 * of the C libraries test that very string.h.
 */
size_t uk_test_strlen(const char *s);
int uk_test_streq(const char *a, const char *b);
#define UK_TEST_EXPECT_STR_EQ(x, y)                                         \
	({                                                                  \
		const char *__a = (x), *__b = (y);                          \
		int __ok = uk_test_streq(__a, __b);                         \
		if (!__ok)                                                  \
			UK_TEST_FAIL("expected %s == %s: \"%s\" != \"%s\"", \
				     #x, #y, __a, __b);                     \
		__ok;                                                       \
	})

/*
 * Runs the selected tests. Arguments understood: suite=a,b (only these
 * suites), uktest_fail=1 (the failing self-check too); others are kept
 * for uk_test_arg(). Returns the number of failed tests.
 */
int uk_test_run(int argc, char *argv[]);

/* The value of a "key=value" argument given to uk_test_run(), or NULL. */
const char *uk_test_arg(const char *key);
unsigned long uk_test_arg_ulong(const char *key, unsigned long dflt);

/* A small deterministic generator (xorshift32) for randomized tests. */
static inline uint32_t uk_test_rand(uint32_t *state)
{
	uint32_t x = *state ? *state : 0x9e3779b9u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

#endif /* __UK_TEST_H__ */
