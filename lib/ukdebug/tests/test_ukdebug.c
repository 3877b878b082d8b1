/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of ukdebug: the kernel message formatter (prefix, levels,
 * truncation, and the formats of uk_pr_*() through whichever C library is
 * linked), hex dumps into a buffer, and UK_ASSERT/UK_BUGON on conditions
 * that hold. Failing assertions and UK_CRASH end the image:
 * tests/apps/crashtest and tests/crash-*.sh cover them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <uk/assert.h>
#include <uk/hexdump.h>
#include <uk/print.h>
#include <uk/test.h>
#include "../printk.h"

static size_t fmt_msg(char *buf, size_t size, int prefix, int lvl,
		      const char *src, unsigned int line, const char *fmt, ...)
{
	va_list ap;
	size_t len;

	va_start(ap, fmt);
	len = ukdebug_printk_format(buf, size, prefix, lvl, src, line, fmt, ap);
	va_end(ap);
	return len;
}

/* One message without prefix must read expect. */
static void __printf(4, 5) check_msg(const char *file, unsigned int line,
				     const char *expect, const char *fmt, ...)
{
	char buf[128];
	va_list ap;
	size_t len;

	va_start(ap, fmt);
	len = ukdebug_printk_format(buf, sizeof(buf), 0, KLVL_INFO, NULL, 0,
				    fmt, ap);
	va_end(ap);
	if (len != uk_test_strlen(expect) || !uk_test_streq(buf, expect))
		_uk_test_fail(file, line,
			      "message \"%s\": expected \"%s\", got \"%s\"",
			      fmt, expect, buf);
}

#define MSG(expect, fmt, ...) \
	check_msg(__FILE__, __LINE__, expect, fmt, ##__VA_ARGS__)

#define BY_LONG(s32, s64) (sizeof(long) == 8 ? (s64) : (s32))

/*
 * The formats uk_pr_*() promises, with results C fixes (no %p of NULL or
 * %s of NULL), so they hold with nolibc and newlib alike.
 */
UK_TESTCASE(ukdebug, printk_formats)
{
	MSG("42 -42 7", "%d %i %u", 42, -42, 7U);
	MSG("-2147483648 4294967295", "%d %u", INT32_MIN, 0xffffffffU);
	MSG("ff FF 17", "%x %X %o", 255U, 255U, 15U);
	MSG("0x1234", "%p", (void *)0x1234);
	MSG("abc|z|%", "%s|%c|%%", "abc", 'z');
	MSG(BY_LONG("-2147483648", "-9223372036854775808"), "%ld",
	    (long)(BY_LONG(INT32_MIN, INT64_MIN)));
	MSG("-9223372036854775808 18446744073709551615", "%lld %llu",
	    (long long)INT64_MIN, (unsigned long long)UINT64_MAX);
	MSG("123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
	MSG("4096 fff", "%zu %zx", (size_t)4096, (size_t)0xfff);
	MSG("   42|42   |00042|-0042", "%5d|%-5d|%05d|%05d", 42, 42, 42, -42);
	MSG("007|  abc|ab|a  |", "%.3d|%5s|%.2s|%-3s|", 7, "abc", "abc", "a");
	MSG("0000beef|0xbeef|||", "%08x|%#x|%.0d|%.0u|", 0xbeefU, 0xbeefU, 0,
	    0U);
	MSG("  -007", "%6.3d", -7);
}

/* "[sssss.uuuuuu] " at the start of s: a right-aligned second count. */
static int time_prefix_len(const char *s)
{
	int i, digits = 0;

	if (s[0] != '[')
		return -1;
	/* At least five columns of seconds, spaces before digits. */
	for (i = 1; s[i] == ' '; i++)
		;
	for (; s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (!digits || i < 6 || s[i++] != '.')
		return -1;
	for (digits = 0; s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (digits != 6 || s[i] != ']' || s[i + 1] != ' ')
		return -1;
	return i + 2;
}

/* The text after the time prefix (which must be there if configured). */
static const char *after_time(const char *s)
{
#if CONFIG_LIBUKDEBUG_PRINTK_TIME
	int n = time_prefix_len(s);

	if (n < 0) {
		UK_TEST_FAIL("no time prefix in \"%s\"", s);
		return s;
	}
	return s + n;
#else
	return s;
#endif
}

UK_TESTCASE(ukdebug, printk_prefix)
{
	static const char *const names[] = { "CRIT: ", "ERR: ", "Warn: ",
					     "Info: ", "Debug: " };
	char buf[128], want[64];
	size_t len;
	int lvl;

	for (lvl = KLVL_CRIT; lvl <= KLVL_DEBUG; lvl++) {
		len = fmt_msg(buf, sizeof(buf), 1, lvl, NULL, 0, "x=%d\n", 5);
		snprintf(want, sizeof(want), "%sx=5\n", names[lvl]);
		if (!UK_TEST_EXPECT(uk_test_streq(after_time(buf), want)))
			UK_TEST_FAIL("level %d: \"%s\"", lvl, buf);
		UK_TEST_EXPECT_UNUM_EQ(len, uk_test_strlen(buf));
	}
	/* With the source place. */
	fmt_msg(buf, sizeof(buf), 1, KLVL_WARN, "lib/a.c", 42, "%s", "hi");
	UK_TEST_EXPECT_STR_EQ(after_time(buf), "Warn: lib/a.c:42: hi");
	/* A level out of range gets no name. */
	fmt_msg(buf, sizeof(buf), 1, 9, NULL, 0, "plain");
	UK_TEST_EXPECT_STR_EQ(after_time(buf), "plain");
	/* A continued line gets no prefix at all. */
	len = fmt_msg(buf, sizeof(buf), 0, KLVL_ERR, "f.c", 1, "more\n");
	UK_TEST_EXPECT_STR_EQ(buf, "more\n");
	UK_TEST_EXPECT_UNUM_EQ(len, 5);
#if CONFIG_LIBUKDEBUG_PRINTK_TIME
	/* The checker itself rejects what is not a time prefix. */
	UK_TEST_EXPECT_SNUM_EQ(time_prefix_len("[    0.000123] x"), 15);
	UK_TEST_EXPECT_SNUM_EQ(time_prefix_len("[12345.000123] x"), 15);
	UK_TEST_EXPECT_SNUM_EQ(time_prefix_len("[    0.00012] x"), -1);
	UK_TEST_EXPECT_SNUM_EQ(time_prefix_len("[  0.000123] x"), -1);
	UK_TEST_EXPECT_SNUM_EQ(time_prefix_len("Info: x"), -1);
#endif
}

UK_TESTCASE(ukdebug, printk_truncation)
{
	char buf[32];
	size_t len;

	/* 31 characters fit a 32-byte buffer exactly. */
	len = fmt_msg(buf, sizeof(buf), 0, KLVL_INFO, NULL, 0, "%s",
		      "0123456789012345678901234567890");
	UK_TEST_EXPECT_UNUM_EQ(len, 31);
	UK_TEST_EXPECT_STR_EQ(buf, "0123456789012345678901234567890");
	/* One more: cut, and the end says so. */
	len = fmt_msg(buf, sizeof(buf), 0, KLVL_INFO, NULL, 0, "%s%d",
		      "0123456789012345678901234567890", 1);
	UK_TEST_EXPECT_UNUM_EQ(len, 31);
	UK_TEST_EXPECT_STR_EQ(buf, "0123456789012345678901234[...]\n");
	/* A long prefix does not overrun the buffer either. */
	len = fmt_msg(buf, sizeof(buf), 1, KLVL_DEBUG,
		      "a/very/long/source/file/name.c", 12345, "%s", "text");
	UK_TEST_EXPECT(len < sizeof(buf));
	UK_TEST_EXPECT_UNUM_EQ(len, uk_test_strlen(buf));
	UK_TEST_EXPECT_STR_EQ(buf + len - 6, "[...]\n");
}

/* uk_hexdumpsn must produce expect exactly and return its length. */
static void check_dump(const char *file, unsigned int line, const char *expect,
		       const void *data, size_t len, int flags,
		       unsigned int groupsize, unsigned int linelen)
{
	char buf[512];
	size_t n;

	n = uk_hexdumpsn(buf, sizeof(buf), data, len, flags, groupsize,
			 linelen);
	if (n != uk_test_strlen(expect) || !uk_test_streq(buf, expect))
		_uk_test_fail(file, line, "hexdump: expected\n%sgot (%u)\n%s",
			      expect, (unsigned int)n, buf);
}

#define DUMP(expect, ...) check_dump(__FILE__, __LINE__, expect, __VA_ARGS__)

static const unsigned char hx1[22] = "0123456789abcdef\x00\x7f\x80\xff\x20\x41";

/* Expected texts from `hexdump -C` on the same bytes. */
UK_TESTCASE(ukdebug, hexdump_canonical)
{
	static unsigned char zeros_x[65];

	zeros_x[64] = 'x';
	DUMP("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  "
	     "|0123456789abcdef|\n"
	     "00000010  00 7f 80 ff 20 41                                 "
	     "|.... A|\n"
	     "00000016\n",
	     hx1, sizeof(hx1), UK_HXDF_ASCIISEC | UK_HXDF_COMPRESS, 1, 16);
	DUMP("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  "
	     "|................|\n"
	     "*\n"
	     "00000040  78                                                "
	     "|x|\n"
	     "00000041\n",
	     zeros_x, sizeof(zeros_x), UK_HXDF_ASCIISEC | UK_HXDF_COMPRESS, 1,
	     16);
	DUMP("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  "
	     "|................|\n"
	     "*\n"
	     "00000030\n",
	     zeros_x, 48, UK_HXDF_ASCIISEC | UK_HXDF_COMPRESS, 1, 16);
	DUMP("00000000  48 69                                             "
	     "|Hi|\n"
	     "00000002\n",
	     "Hi", 2, UK_HXDF_ASCIISEC | UK_HXDF_COMPRESS, 1, 16);
	/* Nothing to dump: nothing printed, not even the end offset. */
	DUMP("", "", 0, UK_HXDF_ASCIISEC | UK_HXDF_COMPRESS, 1, 16);
}

UK_TESTCASE(ukdebug, hexdump_shapes)
{
	static const unsigned char b8[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static unsigned char zeros[40];
	char buf[128], want[64];
	size_t n;

	/* No ASCII column: no trailing blanks; no compression. */
	DUMP("00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66\n"
	     "00000010  00 7f 80 ff 20 41\n",
	     hx1, sizeof(hx1), 0, 1, 16);
	DUMP("00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00\n"
	     "00000010  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00\n"
	     "00000020  00 00 00 00 00 00 00 00\n",
	     zeros, sizeof(zeros), 0, 1, 16);
	/* Groups of 2 and 4, 8 bytes a line. */
	DUMP("00000000  0102 0304  0506 0708\n", b8, 8, 0, 2, 8);
	DUMP("00000000  01020304 05060708\n", b8, 8, 0, 4, 16);
	/* GRPFLIP: each group as a little-endian number. */
	DUMP("00000000  04030201 08070605\n", b8, 8, UK_HXDF_GRPFLIP, 4, 16);
	DUMP("00000000  0807060504030201\n", b8, 8, UK_HXDF_GRPFLIP, 8, 16);
	DUMP("00000000  01 02 03  04 05 06\n"
	     "00000006  07 08\n",
	     b8, 8, 0, 1, 6);
	/* Shapes that do not fit fall back to 1 and 16. */
	DUMP("00000000  01 02 03 04 05 06 07 08\n", b8, 8, 0, 3, 100);

	/* ADDR: the data's address, in full width, instead of 0. */
	n = (size_t)snprintf(want, sizeof(want), "%0*lx  01 02\n",
			     (int)(2 * sizeof(uintptr_t)),
			     (unsigned long)(uintptr_t)b8);
	DUMP(want, b8, 2, UK_HXDF_ADDR, 1, 16);
	UK_TEST_EXPECT_UNUM_EQ(n, 2 * sizeof(uintptr_t) + 8);

	/* Like snprintf: cut to the buffer, the full length returned. */
	buf[10] = 'x';
	n = uk_hexdumpsn(buf, 10, b8, 8, 0, 1, 16);
	UK_TEST_EXPECT_UNUM_EQ(n, 34);
	UK_TEST_EXPECT_STR_EQ(buf, "00000000 ");
	UK_TEST_EXPECT(buf[10] == 'x');
	n = uk_hexdumpsn(NULL, 0, b8, 8, 0, 1, 16);
	UK_TEST_EXPECT_UNUM_EQ(n, 34);
}

/* Conditions that hold: no crash, evaluated once when checks are on. */
UK_TESTCASE(ukdebug, assert_true)
{
	int n = 0;

	UK_ASSERT(1);
	UK_ASSERT(++n == 1);
	UK_BUGON(0);
	UK_BUGON(++n == 0);
#if CONFIG_LIBUKDEBUG_ENABLE_ASSERT
	UK_TEST_EXPECT_SNUM_EQ(n, 2);
#else
	/* Compiled out: the conditions are not even evaluated. */
	UK_TEST_EXPECT_SNUM_EQ(n, 0);
#endif
}

/* uk_pr_*() and the console hex dump run (their output is not read). */
UK_TESTCASE(ukdebug, printk_console)
{
	uk_pr_info("ukdebug.printk_console: %s %d\n", "info", 1);
	uk_pr_debug("ukdebug.printk_console: debug, shown at level Debug\n");
	uk_hexdumpk(KLVL_INFO, "ukdebug", 7, UK_HXDF_ASCIISEC, 1, 16);
}
