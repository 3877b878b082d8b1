/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of nolibc: the printf engine, number parsing, qsort, the malloc
 * family, ctype, errno, string.h and getenv. Expected values are literals
 * worked out by hand (and checked against glibc where the two agree),
 * never results of the function under test.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/test.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

static void own_fill(void *p, unsigned char c, size_t n)
{
	unsigned char *b = p;

	while (n--)
		*b++ = c;
}

/* vsnprintf into a large buffer: result and return value must match. */
static void __printf(4, 5) check_fmt(const char *file, unsigned int line,
				     const char *expect, const char *fmt, ...)
{
	char buf[160];
	va_list ap;
	int ret;

	own_fill(buf, 0x5a, sizeof(buf));
	va_start(ap, fmt);
	ret = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (ret != (int)uk_test_strlen(expect) || !uk_test_streq(buf, expect))
		_uk_test_fail(
			file, line,
			"format \"%s\": expected \"%s\" (%d), got \"%s\" (%d)",
			fmt, expect, (int)uk_test_strlen(expect), buf, ret);
}

#define FMT(expect, fmt, ...) \
	check_fmt(__FILE__, __LINE__, expect, fmt, ##__VA_ARGS__)

/* Picks the expected text by the width of long (ILP32 or LP64). */
#define BY_LONG(s32, s64) (sizeof(long) == 8 ? (s64) : (s32))
#define BY_PTR(s32, s64) (sizeof(void *) == 8 ? (s64) : (s32))

UK_TESTCASE(nolibc, printf_signed)
{
	FMT("0", "%d", 0);
	FMT("42 -42", "%d %i", 42, -42);
	FMT("2147483647", "%d", INT_MAX);
	FMT("-2147483648", "%d", INT_MIN);
	FMT("-2147483648", "%i", INT_MIN);
	FMT("+5 +0 -5", "%+d %+d %+d", 5, 0, -5);
	FMT(" 5 -5", "% d % d", 5, -5);
	FMT("-1 127", "%hhd %hhd", 255, 127);
	FMT("-32768", "%hd", 32768);
	FMT(BY_LONG("-2147483648", "-9223372036854775808"), "%ld", LONG_MIN);
	FMT(BY_LONG("2147483647", "9223372036854775807"), "%li", LONG_MAX);
	FMT("-9223372036854775808", "%lld", LLONG_MIN);
	FMT("9223372036854775807", "%lli", LLONG_MAX);
	FMT("-1234567890123", "%lld", -1234567890123LL);
	FMT("-5", "%zd", (ptrdiff_t)-5);
	FMT("-7", "%td", (ptrdiff_t)-7);
	FMT("-9223372036854775808", "%jd", (intmax_t)INT64_MIN);
}

UK_TESTCASE(nolibc, printf_unsigned)
{
	FMT("0 4294967295", "%u %u", 0U, UINT_MAX);
	FMT("4294967295", "%u", (unsigned int)-1);
	FMT("255", "%hhu", 0x1ffU);
	FMT("1", "%hu", 65537U);
	FMT(BY_LONG("4294967295", "18446744073709551615"), "%lu", ULONG_MAX);
	FMT("18446744073709551615", "%llu", ULLONG_MAX);
	FMT(BY_LONG("4294967295", "18446744073709551615"), "%zu",
	    (size_t)SIZE_MAX);
	FMT("ff FF", "%x %X", 255U, 255U);
	FMT("deadbeef DEADBEEF", "%x %X", 0xdeadbeefU, 0xdeadbeefU);
	FMT("0xff 0XFF 0", "%#x %#X %#x", 255U, 255U, 0U);
	FMT("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	FMT("FFFFFFFFFFFFFFFF", "%llX", ULLONG_MAX);
	FMT(BY_LONG("ffffffff", "ffffffffffffffff"), "%lx", ULONG_MAX);
	FMT("ffffffff", "%zx", (size_t)0xffffffffU);
	FMT("10 0 777", "%o %o %o", 8U, 0U, 0777U);
	FMT("010 0 0777", "%#o %#o %#o", 8U, 0U, 0777U);
	FMT("1777777777777777777777", "%llo", ULLONG_MAX);
	FMT("37777777777", "%o", UINT_MAX);
}

UK_TESTCASE(nolibc, printf_width_precision)
{
	FMT("   42|", "%5d|", 42);
	FMT("42   |", "%-5d|", 42);
	FMT("00042", "%05d", 42);
	FMT("-0042", "%05d", -42);
	FMT("+0042", "%+05d", 42);
	FMT("007", "%.3d", 7);
	FMT("-007", "%.3d", -7);
	FMT("    -007|", "%8.3d|", -7);
	FMT("-007    |", "%-8.3d|", -7);
	FMT("12345", "%.3d", 12345);
	FMT("12345", "%3d", 12345);
	/* Precision 0 with the value 0: no digits at all. */
	FMT("||", "|%.0d|", 0);
	FMT("|     |", "|%5.0d|", 0);
	FMT("||", "|%.0x|", 0U);
	FMT("|0|", "|%#.0o|", 0U);
	FMT("|1|", "|%.0d|", 1);
	FMT("0000beef", "%08x", 0xbeefU);
	FMT("0x00beef", "%#08x", 0xbeefU);
	FMT("    0xbeef", "%#10x", 0xbeefU);
	FMT("0001750", "%07o", 1000U);
	FMT("  -9223372036854775808", "%22lld", LLONG_MIN);
	FMT("-0000000000000000001", "%020lld", -1LL);
	FMT("     4294967295", "%15zu", (size_t)0xffffffffU);
	FMT("42   |", "%-*d|", 5, 42);
	/* A negative width from '*' means left adjustment. */
	FMT("42   |", "%*d|", -5, 42);
	FMT("0042", "%.*d", 4, 42);
	/* A negative precision from '*' is no precision. */
	FMT("42", "%.*d", -1, 42);
}

/*
 * '0' is ignored with a precision or '-' (the formats go through a
 * volatile pointer: gcc would warn about these literals).
 */
UK_TESTCASE(nolibc, printf_zero_ignored)
{
	const char *volatile fmt = "%05.3d|%-05d|";

	FMT("  007|7    |", fmt, 7, 7);
	fmt = "%-05d|%08.0d|";
	FMT("-42  |        |", fmt, -42, 0);
}

UK_TESTCASE(nolibc, printf_strings_chars)
{
	const char *volatile null_str = NULL;
	char buf[8];
	int ret;

	FMT("abc", "%s", "abc");
	FMT("", "%s", "");
	FMT("  abc|", "%5s|", "abc");
	FMT("abc  |", "%-5s|", "abc");
	FMT("ab", "%.2s", "abc");
	FMT("    a|", "%5.1s|", "abc");
	FMT("abc", "%.10s", "abc");
	FMT("ab|", "%.*s|", 2, "abcdef");
	FMT("abcdef", "%2s", "abcdef");
	FMT("A", "%c", 'A');
	FMT("  A|", "%3c|", 'A');
	FMT("A  |", "%-3c|", 'A');
	FMT("\xe9", "%c", 0xe9);
	FMT("%", "%%");
	FMT("100% sure", "%d%% %s", 100, "sure");
	FMT("a%b%%c", "a%%b%%%%c");
	FMT("no conversion", "no conversion");
	/* nolibc's choices where C leaves it to the implementation. */
	FMT("(null)", "%s", null_str);

	/* %c of 0 writes a NUL byte and counts it. */
	own_fill(buf, 'x', sizeof(buf));
	ret = snprintf(buf, sizeof(buf), "a%cb", 0);
	UK_TEST_EXPECT_SNUM_EQ(ret, 3);
	UK_TEST_EXPECT(buf[0] == 'a' && buf[1] == '\0' && buf[2] == 'b' &&
		       buf[3] == '\0' && buf[4] == 'x');
}

UK_TESTCASE(nolibc, printf_pointer)
{
	FMT("0x1234", "%p", (void *)0x1234);
	FMT(BY_PTR("0xffffffff", "0xffffffffffffffff"), "%p",
	    (void *)UINTPTR_MAX);
	FMT("     0xabc|", "%10p|", (void *)0xabc);
	FMT("0xabc     |", "%-10p|", (void *)0xabc);
	/* nolibc prints NULL as a number too (glibc says "(nil)"). */
	FMT("0x0", "%p", NULL);
}

UK_TESTCASE(nolibc, printf_truncation)
{
	char buf[16];
	int ret;

	/* What does not fit is counted in the return value. */
	own_fill(buf, 'x', sizeof(buf));
	ret = snprintf(buf, 5, "%d", 123456);
	UK_TEST_EXPECT_SNUM_EQ(ret, 6);
	UK_TEST_EXPECT_STR_EQ(buf, "1234");
	UK_TEST_EXPECT(buf[5] == 'x');

	own_fill(buf, 'x', sizeof(buf));
	ret = snprintf(buf, 4, "%-6s|", "ab");
	UK_TEST_EXPECT_SNUM_EQ(ret, 7);
	UK_TEST_EXPECT_STR_EQ(buf, "ab ");

	own_fill(buf, 'x', sizeof(buf));
	ret = snprintf(buf, 8, "%s and %s", "this", "that");
	UK_TEST_EXPECT_SNUM_EQ(ret, 13);
	UK_TEST_EXPECT_STR_EQ(buf, "this an");
	UK_TEST_EXPECT(buf[8] == 'x');

	/* Exactly fitting: size = length + 1. */
	ret = snprintf(buf, 4, "%s", "abc");
	UK_TEST_EXPECT_SNUM_EQ(ret, 3);
	UK_TEST_EXPECT_STR_EQ(buf, "abc");

	/* Size 1: only the NUL. */
	own_fill(buf, 'x', sizeof(buf));
	ret = snprintf(buf, 1, "abc");
	UK_TEST_EXPECT_SNUM_EQ(ret, 3);
	UK_TEST_EXPECT(buf[0] == '\0' && buf[1] == 'x');

	/* Size 0: nothing written, not even a NUL; NULL is allowed. */
	own_fill(buf, 'x', sizeof(buf));
	ret = snprintf(buf, 0, "%d", 12);
	UK_TEST_EXPECT_SNUM_EQ(ret, 2);
	UK_TEST_EXPECT(buf[0] == 'x');
	ret = snprintf(NULL, 0, "%s=%lld", "key", LLONG_MIN);
	UK_TEST_EXPECT_SNUM_EQ(ret, 24);

	/* sprintf: no size. */
	ret = sprintf(buf, "%03d:%x", 9, 0xabU);
	UK_TEST_EXPECT_SNUM_EQ(ret, 6);
	UK_TEST_EXPECT_STR_EQ(buf, "009:ab");
}

UK_TESTCASE(nolibc, printf_unsupported)
{
	const char *volatile fmt = "x=%f y=%d";
	char buf[32];
	int ret;

	/* No floating point: the rest is not printed, -1 and EINVAL. */
	errno = 0;
	ret = snprintf(buf, sizeof(buf), fmt, 1.5, 3);
	UK_TEST_EXPECT_SNUM_EQ(ret, -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_STR_EQ(buf, "x=%f");
}

/* printf to the console: longer than its 128-byte staging buffer. */
UK_TESTCASE(nolibc, printf_console)
{
	char line[201];
	int ret;

	own_fill(line, '=', 200);
	line[200] = '\0';
	ret = printf("nolibc.printf_console: %s %d\n", line, 12345);
	UK_TEST_EXPECT_SNUM_EQ(ret, 23 + 200 + 7);
	ret = printf("%s", "");
	UK_TEST_EXPECT_SNUM_EQ(ret, 0);
}

UK_TESTCASE(nolibc, strtol_bases)
{
	const char *s;
	char *end;

	s = "123";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 10), 123);
	UK_TEST_EXPECT_PTR_EQ(end, s + 3);
	s = " \t\n -42xyz";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 10), -42);
	UK_TEST_EXPECT_PTR_EQ(end, s + 7);
	s = "+7 ";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 0), 7);
	UK_TEST_EXPECT_PTR_EQ(end, s + 2);
	s = "0x1F";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 16), 31);
	UK_TEST_EXPECT_PTR_EQ(end, s + 4);
	UK_TEST_EXPECT_SNUM_EQ(strtol("0X1f", NULL, 0), 31);
	UK_TEST_EXPECT_SNUM_EQ(strtol("-0x10", NULL, 0), -16);
	UK_TEST_EXPECT_SNUM_EQ(strtol("1f", NULL, 16), 31);
	s = "0755";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 0), 493);
	UK_TEST_EXPECT_PTR_EQ(end, s + 4);
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, NULL, 8), 493);
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, NULL, 10), 755);
	s = "0789";
	/* Base 0 takes 0 as octal: parsing stops at the 8. */
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 0), 7);
	UK_TEST_EXPECT_PTR_EQ(end, s + 2);
	s = "0";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 0), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 1);
	/* "0x" without a hex digit: the 0 is the number. */
	s = "0xg";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 16), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 1);
	s = "0x";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 0), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s + 1);
	UK_TEST_EXPECT_SNUM_EQ(strtol("zz", NULL, 36), 1295);
	UK_TEST_EXPECT_SNUM_EQ(strtol("ZZ", NULL, 36), 1295);
	UK_TEST_EXPECT_SNUM_EQ(strtol("101", NULL, 2), 5);
	UK_TEST_EXPECT_SNUM_EQ(strtol("12", NULL, 2), 1);
	/* No digits: 0, and endptr is the start of the string. */
	s = "";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 10), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s);
	s = "   -";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 10), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s);
	s = "abc";
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 10), 0);
	UK_TEST_EXPECT_PTR_EQ(end, s);
	/* An invalid base: EINVAL. */
	s = "12";
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 1), 0);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_PTR_EQ(end, s);
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, NULL, 37), 0);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
}

UK_TESTCASE(nolibc, strtol_range)
{
	const char *s;
	char *end;

	/* The limits themselves are no error. */
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(
		strtol(BY_LONG("2147483647", "9223372036854775807"), NULL, 10),
		LONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(
		strtol(BY_LONG("-2147483648", "-9223372036854775808"), NULL,
		       10),
		LONG_MIN);
	UK_TEST_EXPECT_SNUM_EQ(errno, 0);
	/* One past them saturates with ERANGE. */
	UK_TEST_EXPECT_SNUM_EQ(
		strtol(BY_LONG("2147483648", "9223372036854775808"), NULL, 10),
		LONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(
		strtol(BY_LONG("-2147483649", "-9223372036854775809"), NULL,
		       10),
		LONG_MIN);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
	/* endptr still goes past every digit. */
	s = "99999999999999999999999x";
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(strtol(s, &end, 10), LONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
	UK_TEST_EXPECT_PTR_EQ(end, s + 23);
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(strtol("-0x8000000000000000000", NULL, 0),
			       LONG_MIN);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);

	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(strtoll("-9223372036854775808", NULL, 10),
			       LLONG_MIN);
	UK_TEST_EXPECT_SNUM_EQ(strtoll("0x7fffffffffffffff", NULL, 16),
			       LLONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, 0);
	UK_TEST_EXPECT_SNUM_EQ(strtoll("9223372036854775808", NULL, 10),
			       LLONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
}

UK_TESTCASE(nolibc, strtoul)
{
	const char *s;
	char *end;

	errno = 0;
	s = "4294967295 ";
	UK_TEST_EXPECT_UNUM_EQ(strtoul(s, &end, 10), 4294967295UL);
	UK_TEST_EXPECT_PTR_EQ(end, s + 10);
	UK_TEST_EXPECT_UNUM_EQ(strtoul("ffffffff", NULL, 16), 0xffffffffUL);
	UK_TEST_EXPECT_UNUM_EQ(strtoul("0xABC", NULL, 0), 0xabc);
	UK_TEST_EXPECT_UNUM_EQ(strtoul("017", NULL, 0), 15);
	UK_TEST_EXPECT_UNUM_EQ(strtoul("017", NULL, 10), 17);
	/* A '-' negates in the unsigned type, without an error. */
	UK_TEST_EXPECT_UNUM_EQ(strtoul("-1", NULL, 10), ULONG_MAX);
	UK_TEST_EXPECT_UNUM_EQ(strtoul("-2", NULL, 10), ULONG_MAX - 1);
	UK_TEST_EXPECT_SNUM_EQ(errno, 0);
	UK_TEST_EXPECT_UNUM_EQ(strtoul("18446744073709551615", NULL, 10),
			       ULONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, sizeof(long) == 8 ? 0 : ERANGE);
	errno = 0;
	UK_TEST_EXPECT_UNUM_EQ(strtoul("18446744073709551616", NULL, 10),
			       ULONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
	errno = 0;
	UK_TEST_EXPECT_UNUM_EQ(strtoull("18446744073709551615", NULL, 10),
			       ULLONG_MAX);
	UK_TEST_EXPECT_UNUM_EQ(strtoull("1777777777777777777777", NULL, 8),
			       ULLONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, 0);
	UK_TEST_EXPECT_UNUM_EQ(strtoull("0x10000000000000000", NULL, 0),
			       ULLONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
}

UK_TESTCASE(nolibc, atoi)
{
	UK_TEST_EXPECT_SNUM_EQ(atoi("0"), 0);
	UK_TEST_EXPECT_SNUM_EQ(atoi("  -123abc"), -123);
	UK_TEST_EXPECT_SNUM_EQ(atoi("+45"), 45);
	UK_TEST_EXPECT_SNUM_EQ(atoi("abc"), 0);
	UK_TEST_EXPECT_SNUM_EQ(atoi(""), 0);
	/* Always decimal: no octal or hex prefix. */
	UK_TEST_EXPECT_SNUM_EQ(atoi("010"), 10);
	UK_TEST_EXPECT_SNUM_EQ(atoi("0x10"), 0);
	UK_TEST_EXPECT_SNUM_EQ(atoi("2147483647"), INT_MAX);
	UK_TEST_EXPECT_SNUM_EQ(atoi("-2147483648"), INT_MIN);
	UK_TEST_EXPECT_SNUM_EQ(atol("-99999"), -99999);
	UK_TEST_EXPECT_SNUM_EQ(atoll("-9223372036854775807"), -LLONG_MAX);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int cmp_uchar(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

struct rec24 {
	uint64_t key;
	uint64_t check1;
	uint64_t check2;
};

static int cmp_rec(const void *a, const void *b)
{
	uint64_t x = ((const struct rec24 *)a)->key;
	uint64_t y = ((const struct rec24 *)b)->key;

	return (x > y) - (x < y);
}

#define QN 300

/* Sorted, and the same multiset of values (a histogram of 0..63). */
UK_TESTCASE(nolibc, qsort_int)
{
	static int v[QN];
	unsigned int before[64] = { 0 }, after[64] = { 0 };
	uint32_t r = 17;
	int i, sorted = 1, same = 1;

	for (i = 0; i < QN; i++) {
		v[i] = (int)(uk_test_rand(&r) % 64) - 32;
		before[v[i] + 32]++;
	}
	qsort(v, QN, sizeof(v[0]), cmp_int);
	for (i = 0; i < QN; i++) {
		if (i && v[i - 1] > v[i])
			sorted = 0;
		if (v[i] < -32 || v[i] > 31)
			same = 0;
		else
			after[v[i] + 32]++;
	}
	for (i = 0; i < 64; i++)
		if (before[i] != after[i])
			same = 0;
	UK_TEST_EXPECT(sorted);
	UK_TEST_EXPECT(same);

	/* All equal, already sorted, reversed, 0 and 1 elements. */
	for (i = 0; i < QN; i++)
		v[i] = 5;
	qsort(v, QN, sizeof(v[0]), cmp_int);
	for (i = 0; i < QN && v[i] == 5; i++)
		;
	UK_TEST_EXPECT_SNUM_EQ(i, QN);
	for (i = 0; i < QN; i++)
		v[i] = QN - i;
	qsort(v, QN, sizeof(v[0]), cmp_int);
	for (i = 0; i < QN && v[i] == i + 1; i++)
		;
	UK_TEST_EXPECT_SNUM_EQ(i, QN);
	qsort(v, QN, sizeof(v[0]), cmp_int);
	for (i = 0; i < QN && v[i] == i + 1; i++)
		;
	UK_TEST_EXPECT_SNUM_EQ(i, QN);
	v[0] = 9;
	v[1] = 3;
	qsort(v, 1, sizeof(v[0]), cmp_int);
	qsort(v, 0, sizeof(v[0]), cmp_int);
	qsort(NULL, 0, sizeof(v[0]), cmp_int);
	UK_TEST_EXPECT(v[0] == 9 && v[1] == 3);
	v[0] = 2;
	v[1] = 1;
	qsort(v, 2, sizeof(v[0]), cmp_int);
	UK_TEST_EXPECT(v[0] == 1 && v[1] == 2);
}

UK_TESTCASE(nolibc, qsort_size1)
{
	static unsigned char b[QN];
	unsigned int before[256] = { 0 }, after[256] = { 0 };
	uint32_t r = 99;
	int i, sorted = 1, same = 1;

	for (i = 0; i < QN; i++) {
		b[i] = (unsigned char)uk_test_rand(&r);
		before[b[i]]++;
	}
	qsort(b, QN, 1, cmp_uchar);
	for (i = 0; i < QN; i++) {
		if (i && b[i - 1] > b[i])
			sorted = 0;
		after[b[i]]++;
	}
	for (i = 0; i < 256; i++)
		if (before[i] != after[i])
			same = 0;
	UK_TEST_EXPECT(sorted);
	UK_TEST_EXPECT(same);
}

/* 24-byte records move whole: each keeps its check words. */
UK_TESTCASE(nolibc, qsort_size24)
{
	static struct rec24 v[QN];
	uint64_t sum_before = 0, sum_after = 0;
	uint32_t r = 4242;
	int i, sorted = 1, intact = 1;

	for (i = 0; i < QN; i++) {
		/* Few distinct keys: many duplicates. */
		v[i].key = (uint64_t)(uk_test_rand(&r) % 40) << 33;
		v[i].check1 = v[i].key * 3 + 1;
		v[i].check2 = ~v[i].key;
		sum_before += v[i].key >> 33;
	}
	UK_TEST_EXPECT_UNUM_EQ(sizeof(v[0]), 24);
	qsort(v, QN, sizeof(v[0]), cmp_rec);
	for (i = 0; i < QN; i++) {
		if (i && v[i - 1].key > v[i].key)
			sorted = 0;
		if (v[i].check1 != v[i].key * 3 + 1 || v[i].check2 != ~v[i].key)
			intact = 0;
		sum_after += v[i].key >> 33;
	}
	UK_TEST_EXPECT(sorted);
	UK_TEST_EXPECT(intact);
	UK_TEST_EXPECT_UNUM_EQ(sum_after, sum_before);
}

UK_TESTCASE(nolibc, malloc_free)
{
	unsigned char *p, *q;
	size_t i;
	int ok = 1;

	p = malloc(1000);
	if (!UK_TEST_EXPECT_NOT_NULL(p))
		return;
	/* Suitably aligned for any object type. */
	UK_TEST_EXPECT_ZERO((uintptr_t)p % _Alignof(max_align_t));
	for (i = 0; i < 1000; i++)
		p[i] = (unsigned char)i;
	q = malloc(1000);
	if (UK_TEST_EXPECT_NOT_NULL(q)) {
		/* Two live blocks do not overlap. */
		UK_TEST_EXPECT(q + 1000 <= p || p + 1000 <= q);
		own_fill(q, 0xee, 1000);
		free(q);
	}
	for (i = 0; i < 1000; i++)
		if (p[i] != (unsigned char)i)
			ok = 0;
	UK_TEST_EXPECT(ok);
	free(p);
	free(NULL);

	errno = 0;
	UK_TEST_EXPECT_NULL(malloc(SIZE_MAX));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	errno = 0;
	UK_TEST_EXPECT_NULL(malloc(SIZE_MAX / 2));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	/* malloc(0): NULL or a block that free() takes. */
	free(malloc(0));

	p = (unsigned char *)strdup("dup me");
	if (UK_TEST_EXPECT_NOT_NULL(p)) {
		UK_TEST_EXPECT_STR_EQ((char *)p, "dup me");
		free(p);
	}
	p = (unsigned char *)strndup("dup me", 3);
	if (UK_TEST_EXPECT_NOT_NULL(p)) {
		UK_TEST_EXPECT_STR_EQ((char *)p, "dup");
		free(p);
	}
}

UK_TESTCASE(nolibc, calloc)
{
	const size_t half = (size_t)1 << (4 * sizeof(size_t));
	unsigned char *p;
	size_t i;
	int zero = 1;

	/* Dirty a block first, so calloc likely gets dirty memory back. */
	p = malloc(4096);
	if (p) {
		own_fill(p, 0xa5, 4096);
		free(p);
	}
	p = calloc(512, 8);
	if (!UK_TEST_EXPECT_NOT_NULL(p))
		return;
	for (i = 0; i < 4096; i++)
		if (p[i])
			zero = 0;
	UK_TEST_EXPECT(zero);
	free(p);

	/* nmemb * size overflows: NULL and ENOMEM, never a short block. */
	errno = 0;
	UK_TEST_EXPECT_NULL(calloc(SIZE_MAX / 2 + 2, 2));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	errno = 0;
	UK_TEST_EXPECT_NULL(calloc(half, half));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	errno = 0;
	UK_TEST_EXPECT_NULL(calloc(half + 1, half - 1));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	free(calloc(0, 16));
	free(calloc(16, 0));
}

UK_TESTCASE(nolibc, realloc)
{
	unsigned char *p, *q;
	size_t i;
	int ok = 1;

	/* realloc(NULL, n) is malloc(n). */
	p = realloc(NULL, 32);
	if (!UK_TEST_EXPECT_NOT_NULL(p))
		return;
	for (i = 0; i < 32; i++)
		p[i] = (unsigned char)(i * 7);
	/* Growing keeps the content. */
	q = realloc(p, 20000);
	if (!UK_TEST_EXPECT_NOT_NULL(q)) {
		free(p);
		return;
	}
	for (i = 0; i < 32; i++)
		if (q[i] != (unsigned char)(i * 7))
			ok = 0;
	UK_TEST_EXPECT(ok);
	own_fill(q + 32, 0x11, 20000 - 32);
	/* Shrinking keeps the part that is left. */
	p = realloc(q, 8);
	if (!UK_TEST_EXPECT_NOT_NULL(p)) {
		free(q);
		return;
	}
	for (i = 0; i < 8; i++)
		if (p[i] != (unsigned char)(i * 7))
			ok = 0;
	UK_TEST_EXPECT(ok);
	/* A failing realloc leaves the block alone. */
	errno = 0;
	UK_TEST_EXPECT_NULL(realloc(p, SIZE_MAX / 2));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	UK_TEST_EXPECT(p[0] == 0 && p[7] == 49);
	/* Size 0 frees the block and returns NULL (documented). */
	errno = 0;
	UK_TEST_EXPECT_NULL(realloc(p, 0));
	UK_TEST_EXPECT_SNUM_EQ(errno, 0);
}

/*
 * The "C" locale's classes, spelled out: the table the ctype functions
 * must agree with for every byte value.
 */
enum {
	C_DIGIT = 1,
	C_UPPER = 2,
	C_LOWER = 4,
	C_SPACE = 8,
	C_PUNCT = 16,
	C_BLANK = 32,
	C_CNTRL = 64,
	C_XDIGIT = 128
};

static void ctype_table(unsigned int t[256])
{
	static const char punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
	const char *s;
	int c;

	for (c = 0; c < 256; c++)
		t[c] = 0;
	for (c = '0'; c <= '9'; c++)
		t[c] |= C_DIGIT | C_XDIGIT;
	for (s = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"; *s; s++)
		t[(unsigned char)*s] |= C_UPPER;
	for (s = "abcdefghijklmnopqrstuvwxyz"; *s; s++)
		t[(unsigned char)*s] |= C_LOWER;
	for (s = "abcdefABCDEF"; *s; s++)
		t[(unsigned char)*s] |= C_XDIGIT;
	for (s = " \t\n\v\f\r"; *s; s++)
		t[(unsigned char)*s] |= C_SPACE;
	for (s = punct; *s; s++)
		t[(unsigned char)*s] |= C_PUNCT;
	t[' '] |= C_BLANK;
	t['\t'] |= C_BLANK;
	for (c = 0; c < 32; c++)
		t[c] |= C_CNTRL;
	t[127] |= C_CNTRL;
}

UK_TESTCASE(nolibc, ctype)
{
	unsigned int t[256];
	unsigned int bad = 0;
	int c;

	ctype_table(t);
	UK_TEST_EXPECT_UNUM_EQ(sizeof("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
			       33);
	for (c = 0; c < 256; c++) {
		int alpha = !!(t[c] & (C_UPPER | C_LOWER));
		int alnum = alpha || (t[c] & C_DIGIT);
		int graph = alnum || (t[c] & C_PUNCT);
		int up = (t[c] & C_LOWER) ? c - 32 : c;
		int lo = (t[c] & C_UPPER) ? c + 32 : c;
		int ok = !!isdigit(c) == !!(t[c] & C_DIGIT) &&
			 !!isalpha(c) == alpha && !!isalnum(c) == alnum &&
			 !!isupper(c) == !!(t[c] & C_UPPER) &&
			 !!islower(c) == !!(t[c] & C_LOWER) &&
			 !!isspace(c) == !!(t[c] & C_SPACE) &&
			 !!isblank(c) == !!(t[c] & C_BLANK) &&
			 !!ispunct(c) == !!(t[c] & C_PUNCT) &&
			 !!iscntrl(c) == !!(t[c] & C_CNTRL) &&
			 !!isxdigit(c) == !!(t[c] & C_XDIGIT) &&
			 !!isgraph(c) == graph &&
			 !!isprint(c) == (graph || c == ' ') &&
			 !!isascii(c) == (c < 128) && toupper(c) == up &&
			 tolower(c) == lo;

		if (!ok && bad++ < 4)
			UK_TEST_FAIL("ctype disagrees on %d (0x%02x)", c, c);
	}
	UK_TEST_EXPECT_UNUM_EQ(bad, 0);
	/* EOF is in no class and maps to itself. */
	UK_TEST_EXPECT(!isdigit(EOF) && !isalpha(EOF) && !isspace(EOF) &&
		       !isprint(EOF) && !iscntrl(EOF) && !isascii(EOF));
	UK_TEST_EXPECT_SNUM_EQ(toupper(EOF), EOF);
	UK_TEST_EXPECT_SNUM_EQ(tolower(EOF), EOF);
}

/* Not named errno: with threads that is a macro (include/errno.h). */
UK_TESTCASE(nolibc, errno_value)
{
	/* An lvalue that keeps its value; success does not clear it. */
	errno = 1234;
	UK_TEST_EXPECT_SNUM_EQ(errno, 1234);
	UK_TEST_EXPECT_SNUM_EQ(strtol("5", NULL, 10), 5);
	UK_TEST_EXPECT_SNUM_EQ(errno, 1234);
	errno = 0;
	UK_TEST_EXPECT_NULL(malloc(SIZE_MAX));
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	/* Linux's generic numbers on every arch. */
	UK_TEST_EXPECT_SNUM_EQ(EINVAL, 22);
	UK_TEST_EXPECT_SNUM_EQ(ERANGE, 34);
	UK_TEST_EXPECT_SNUM_EQ(ENOMEM, 12);
	UK_TEST_EXPECT_STR_EQ(strerror(0), "Success");
	UK_TEST_EXPECT(uk_test_streq(strerror(ERANGE),
				     "Numerical result out of range"));
	UK_TEST_EXPECT_STR_EQ(strerror(ENOMEM), "Cannot allocate memory");
	UK_TEST_EXPECT_STR_EQ(strerror(-1), "Unknown error");
	UK_TEST_EXPECT_STR_EQ(strerror(100000), "Unknown error");
	errno = EIO;
	FMT("Input/output error", "%m");
}

#if CONFIG_LIBUKSCHED
/* Each thread's errno is its own, across switches. */
struct errno_thread {
	int value, bad, start;
};

static void errno_thread_fn(void *arg)
{
	struct errno_thread *t = arg;
	int i;

	t->start = errno;
	for (i = 0; i < 20; i++) {
		errno = t->value + i;
		uk_sched_yield();
		if (errno != t->value + i)
			t->bad++;
	}
}

UK_TESTCASE(nolibc, errno_per_thread)
{
	struct errno_thread a = { .value = 1000 }, b = { .value = 2000 };
	struct uk_thread *ta, *tb;

	errno = 77;
	ta = uk_thread_create("errno-a", errno_thread_fn, &a, 0);
	tb = uk_thread_create("errno-b", errno_thread_fn, &b, 0);
	UK_TEST_EXPECT_NOT_NULL(ta);
	UK_TEST_EXPECT_NOT_NULL(tb);
	if (!ta || !tb)
		return;
	uk_thread_join(ta);
	uk_thread_join(tb);
	UK_TEST_EXPECT_SNUM_EQ(a.bad, 0);
	UK_TEST_EXPECT_SNUM_EQ(b.bad, 0);
	UK_TEST_EXPECT_SNUM_EQ(a.start, 0);
	UK_TEST_EXPECT_SNUM_EQ(b.start, 0);
	UK_TEST_EXPECT_SNUM_EQ(errno, 77);
}
#endif

static void pattern(unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (unsigned char)(i * 13 + 1);
}

static int same_mem(const unsigned char *a, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

/* Compare by words: under a software KVM every instruction counts. */
typedef unsigned long __attribute__((may_alias)) test_word_t;

/* A loop, never a memcpy() call (the library's -fno-tree-loop-...). */
static void own_copy(unsigned char *dst, const unsigned char *src, size_t n)
{
	while (n--)
		*dst++ = *src++;
}

static int same_words(const void *a, const void *b, size_t n)
{
	const test_word_t *wa = a, *wb = b;

	for (size_t i = 0; i < n / sizeof(test_word_t); i++)
		if (wa[i] != wb[i])
			return 0;
	return 1;
}

UK_TESTCASE(nolibc, memcpy_memmove)
{
	unsigned char a[128] __attribute__((aligned(sizeof(test_word_t))));
	unsigned char b[128] __attribute__((aligned(sizeof(test_word_t))));
	unsigned char pat[128];
	char s[16];
	unsigned int bad = 0;
	size_t d, o, n;

	/*
	 * Every alignment and length up to 40, both overlap directions.
	 * b holds what a must become; after each case only the n bytes
	 * at 20 + d can differ from the pattern, so only they are reset,
	 * while the compare covers all of a to catch stray writes.
	 */
	pattern(pat, sizeof(pat));
	pattern(a, sizeof(a));
	pattern(b, sizeof(b));
	for (d = 0; d < 16; d++) {
		for (o = 0; o < 16; o++) {
			for (n = 0; n <= 40; n++) {
				if (memmove(a + 20 + d, a + 20 + o, n) !=
				    a + 20 + d)
					bad++;
				own_copy(b + 20 + d, pat + 20 + o, n);
				if (!same_words(a, b, sizeof(a)))
					bad++;
				own_copy(a + 20 + d, pat + 20 + d, n);
				own_copy(b + 20 + d, pat + 20 + d, n);
			}
		}
	}
	/* The resets above left a as the pattern again. */
	if (!same_mem(a, pat, sizeof(a)))
		bad++;
	UK_TEST_EXPECT_UNUM_EQ(bad, 0);
	bad = 0;

	for (o = 0; o < 8; o++) {
		/* Source and destination never overlap for memcpy. */
		for (n = 0; n <= 56; n++) {
			pattern(a, sizeof(a));
			own_fill(b, 0, sizeof(b));
			own_fill(a + 64, 0, 64);
			if (memcpy(a + 64 + o % 3, a + o, n) != a + 64 + o % 3)
				bad++;
			pattern(b, 64);
			own_copy(b + 64 + o % 3, b + o, n);
			if (!same_mem(a, b, sizeof(a)))
				bad++;
		}
	}
	UK_TEST_EXPECT_UNUM_EQ(bad, 0);

	/* The classic examples, written out. */
	own_fill(s, 0, sizeof(s));
	memcpy(s, "0123456789", 10);
	memmove(s + 2, s, 6);
	UK_TEST_EXPECT_STR_EQ(s, "0101234589");
	memcpy(s, "0123456789", 10);
	memmove(s, s + 2, 6);
	UK_TEST_EXPECT_STR_EQ(s, "2345676789");
}

UK_TESTCASE(nolibc, memset_memcmp)
{
	unsigned char b[64];
	size_t i;
	int ok = 1;

	own_fill(b, 0x11, sizeof(b));
	UK_TEST_EXPECT_PTR_EQ(memset(b + 3, 0x1ff, 50), b + 3);
	for (i = 0; i < sizeof(b); i++)
		if (b[i] != ((i >= 3 && i < 53) ? 0xff : 0x11))
			ok = 0;
	UK_TEST_EXPECT(ok);
	memset(b, 0, 0);
	UK_TEST_EXPECT(b[0] == 0x11);

	UK_TEST_EXPECT_ZERO(memcmp("abc", "abc", 3));
	UK_TEST_EXPECT_ZERO(memcmp("abc", "abd", 2));
	UK_TEST_EXPECT_ZERO(memcmp("x", "y", 0));
	UK_TEST_EXPECT(memcmp("abc", "abd", 3) < 0);
	UK_TEST_EXPECT(memcmp("abd", "abc", 3) > 0);
	/* Bytes compare as unsigned char. */
	UK_TEST_EXPECT(memcmp("\x80", "\x01", 1) > 0);
	UK_TEST_EXPECT(memcmp("a\0b", "a\0c", 3) < 0);
}

UK_TESTCASE(nolibc, strlen_strcmp)
{
	char buf[80];
	unsigned int bad = 0;
	size_t o, n;

	UK_TEST_EXPECT_UNUM_EQ(strlen(""), 0);
	UK_TEST_EXPECT_UNUM_EQ(strlen("abc"), 3);
	UK_TEST_EXPECT_UNUM_EQ(strlen("ab\0cd"), 2);
	/* Word-sized tricks must not matter: every start and length. */
	for (o = 0; o < 8; o++) {
		for (n = 0; n < 64; n++) {
			own_fill(buf, 'a', sizeof(buf));
			buf[o + n] = '\0';
			if (strlen(buf + o) != n)
				bad++;
		}
	}
	UK_TEST_EXPECT_UNUM_EQ(bad, 0);
	UK_TEST_EXPECT_UNUM_EQ(strnlen("abcdef", 3), 3);
	UK_TEST_EXPECT_UNUM_EQ(strnlen("ab", 3), 2);

	UK_TEST_EXPECT_ZERO(strcmp("", ""));
	UK_TEST_EXPECT_ZERO(strcmp("abc", "abc"));
	UK_TEST_EXPECT(strcmp("abc", "abd") < 0);
	UK_TEST_EXPECT(strcmp("abd", "abc") > 0);
	UK_TEST_EXPECT(strcmp("abc", "ab") > 0);
	UK_TEST_EXPECT(strcmp("ab", "abc") < 0);
	UK_TEST_EXPECT(strcmp("", "a") < 0);
	UK_TEST_EXPECT(strcmp("\xff", "a") > 0);
	UK_TEST_EXPECT_ZERO(strncmp("abcx", "abcy", 3));
	UK_TEST_EXPECT(strncmp("abcx", "abcy", 4) < 0);
	UK_TEST_EXPECT(strncmp("abc", "abd", 3) < 0);
	UK_TEST_EXPECT(strncmp("b", "abc", 5) > 0);
	UK_TEST_EXPECT(strncmp("ab", "abc", 5) < 0);
	UK_TEST_EXPECT_ZERO(strncmp("x", "y", 0));
	/* Nothing is compared past the first NUL. */
	UK_TEST_EXPECT_ZERO(strncmp("ab\0x", "ab\0y", 4));
	UK_TEST_EXPECT(strncmp("\x80", "\x7f", 1) > 0);
}

UK_TESTCASE(nolibc, strchr_strstr)
{
	static const char s[] = "hello world";
	/* A byte above 0x7f, whether char is signed or not. */
	static const char hi[] = "a\xe9";

	UK_TEST_EXPECT_PTR_EQ(strchr(s, 'o'), s + 4);
	UK_TEST_EXPECT_PTR_EQ(strchr(s, 'h'), s);
	UK_TEST_EXPECT_NULL(strchr(s, 'z'));
	/* The terminator can be searched for. */
	UK_TEST_EXPECT_PTR_EQ(strchr(s, '\0'), s + 11);
	/* c is converted to char. */
	UK_TEST_EXPECT_PTR_EQ(strchr(s, 'w' + 256), s + 6);
	UK_TEST_EXPECT_PTR_EQ(strchr(hi, 0xe9), hi + 1);
	UK_TEST_EXPECT_PTR_EQ(strrchr(hi, 0xe9), hi + 1);
	UK_TEST_EXPECT_PTR_EQ(strrchr(s, 'o'), s + 7);
	UK_TEST_EXPECT_PTR_EQ(strrchr(s, 'h'), s);
	UK_TEST_EXPECT_PTR_EQ(strrchr(s, 'd'), s + 10);
	UK_TEST_EXPECT_NULL(strrchr(s, 'z'));
	UK_TEST_EXPECT_PTR_EQ(strrchr(s, '\0'), s + 11);
	UK_TEST_EXPECT_NULL(strrchr("", 'a'));

	UK_TEST_EXPECT_PTR_EQ(strstr(s, "world"), s + 6);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "o"), s + 4);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "o w"), s + 4);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, ""), s);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, s), s);
	UK_TEST_EXPECT_NULL(strstr(s, "worlds"));
	UK_TEST_EXPECT_NULL(strstr(s, "hello world!"));
	UK_TEST_EXPECT_NULL(strstr("", "a"));
	UK_TEST_EXPECT_NULL(strstr(s, "wx"));
	/* A partial match right before the real one. */
	static const char t[] = "aaab";

	UK_TEST_EXPECT_PTR_EQ(strstr(t, "aab"), t + 1);
	UK_TEST_EXPECT_PTR_EQ(strstr(t, "b"), t + 3);
}

UK_TESTCASE(nolibc, strncpy_strcat)
{
	char d[12];

	/* strncpy pads with NULs up to n, and no further. */
	own_fill(d, 'X', sizeof(d));
	UK_TEST_EXPECT_PTR_EQ(strncpy(d, "ab", 6), d);
	UK_TEST_EXPECT(same_mem((unsigned char *)d,
				(const unsigned char *)"ab\0\0\0\0XX", 8));
	/* A source as long as n or longer: no NUL at all. */
	own_fill(d, 'X', sizeof(d));
	strncpy(d, "abcdefgh", 4);
	UK_TEST_EXPECT(same_mem((unsigned char *)d,
				(const unsigned char *)"abcdXX", 6));
	own_fill(d, 'X', sizeof(d));
	strncpy(d, "abc", 3);
	UK_TEST_EXPECT(
		same_mem((unsigned char *)d, (const unsigned char *)"abcX", 4));
	own_fill(d, 'X', sizeof(d));
	strncpy(d, "abc", 0);
	UK_TEST_EXPECT(d[0] == 'X');

	own_fill(d, 'X', sizeof(d));
	d[0] = '\0';
	UK_TEST_EXPECT_PTR_EQ(strcat(d, "foo"), d);
	UK_TEST_EXPECT_STR_EQ(d, "foo");
	strcat(d, "");
	strcat(d, "bar");
	UK_TEST_EXPECT_STR_EQ(d, "foobar");
	UK_TEST_EXPECT(d[7] == 'X');
	strncat(d, "bazzz", 3);
	UK_TEST_EXPECT_STR_EQ(d, "foobarbaz");
	UK_TEST_EXPECT_PTR_EQ(strcpy(d, "x"), d);
	UK_TEST_EXPECT(uk_test_streq(d, "x") && d[2] == 'o');
}

/*
 * The environment. tests/unittests.sh runs the linuxu images with
 * UK_TEST_ENV=a=b,c and UK_TEST_ENVX=other in the process environment and
 * the argument getenv_check=1; elsewhere (no argument) only names nobody
 * sets are looked up.
 */
UK_TESTCASE(nolibc, getenv)
{
	const char *v;

	UK_TEST_EXPECT_NULL(getenv("UK_TEST_ENV_NEVER_SET"));
	UK_TEST_EXPECT_NULL(getenv(""));
	UK_TEST_EXPECT_NULL(getenv("UK_TEST_ENV=a"));
	if (!uk_test_arg_ulong("getenv_check", 0)) {
		/* Without an environment, nothing is set at all. */
		if (!environ)
			UK_TEST_EXPECT_NULL(getenv("PATH"));
		return;
	}
	if (!UK_TEST_EXPECT_NOT_NULL(environ))
		return;
	v = getenv("UK_TEST_ENV");
	if (UK_TEST_EXPECT_NOT_NULL(v))
		UK_TEST_EXPECT_STR_EQ(v, "a=b,c");
	v = getenv("UK_TEST_ENVX");
	if (UK_TEST_EXPECT_NOT_NULL(v))
		UK_TEST_EXPECT_STR_EQ(v, "other");
	/* A prefix of a name is not that name. */
	UK_TEST_EXPECT_NULL(getenv("UK_TEST_EN"));
}
