/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of uk_argnparse(): word splitting, quotes, escapes and limits. */
#include <stddef.h>
#include <uk/argparse.h>
#include <uk/test.h>

#define MAXARGS 8

/*
 * Parses a copy of line (the parser writes into it) and compares with the
 * n expected arguments; argv[n] must be NULL.
 */
static void check_split(const char *file, unsigned int line, const char *in,
			int n, const char *const *expect)
{
	char buf[128];
	char *argv[MAXARGS + 1];
	size_t i;
	int argc, k;

	for (i = 0; in[i] && i < sizeof(buf) - 1; i++)
		buf[i] = in[i];
	buf[i] = '\0';
	for (k = 0; k <= MAXARGS; k++)
		argv[k] = (char *)"unset";
	argc = uk_argnparse(buf, sizeof(buf), argv, MAXARGS);
	if (argc != n) {
		_uk_test_fail(file, line, "\"%s\": %d arguments, expected %d",
			      in, argc, n);
		return;
	}
	for (k = 0; k < n; k++)
		if (!uk_test_streq(argv[k], expect[k]))
			_uk_test_fail(
				file, line,
				"\"%s\": argv[%d] is \"%s\", expected \"%s\"",
				in, k, argv[k], expect[k]);
	if (argv[n])
		_uk_test_fail(file, line, "\"%s\": argv[%d] is not NULL", in,
			      n);
}

#define SPLIT(in, ...)                                                 \
	do {                                                           \
		static const char *const __e[] = { __VA_ARGS__ };      \
		check_split(__FILE__, __LINE__, in,                    \
			    (int)(sizeof(__e) / sizeof(__e[0])), __e); \
	} while (0)
#define SPLIT_NONE(in) check_split(__FILE__, __LINE__, in, 0, NULL)

UK_TESTCASE(argparse, words_and_blanks)
{
	SPLIT("app", "app");
	SPLIT("app a b c", "app", "a", "b", "c");
	SPLIT("  app   a\tb \t\n c  ", "app", "a", "b", "c");
	SPLIT("a\v\f\rb", "a", "b");
	SPLIT("x=1 suite=a,b", "x=1", "suite=a,b");
	SPLIT_NONE("");
	SPLIT_NONE("    ");
	SPLIT_NONE(" \t\n ");
}

UK_TESTCASE(argparse, quotes)
{
	SPLIT("'a b' \"c d\"", "a b", "c d");
	SPLIT("a\"b c\"d", "ab cd");
	SPLIT("a'b c'd e", "ab cd", "e");
	SPLIT("'it''s'", "its");
	SPLIT("\"'x'\" '\"y\"'", "'x'", "\"y\"");
	SPLIT("'a  \t b'", "a  \t b");
	/* Empty quotes are an empty argument. */
	SPLIT("'' x \"\"", "", "x", "");
	SPLIT("''", "");
	SPLIT("a \"\" b", "a", "", "b");
	SPLIT("a\"\"b", "ab");
}

/* A line the parser refuses, with the error it gives. */
static void check_refused(const char *file, unsigned int line, const char *in,
			  int maxcount, int err)
{
	char buf[64];
	char *argv[MAXARGS + 1];
	size_t i;
	int rc;

	for (i = 0; in[i] && i < sizeof(buf) - 1; i++)
		buf[i] = in[i];
	buf[i] = '\0';
	rc = uk_argnparse(buf, sizeof(buf), argv, maxcount);
	if (rc != err)
		_uk_test_fail(file, line, "\"%s\": returned %d, expected %d",
			      in, rc, err);
}

#define REFUSED(in, maxcount, err) \
	check_refused(__FILE__, __LINE__, in, maxcount, err)

UK_TESTCASE(argparse, refused)
{
	/* An unterminated quote is an error, not an argument cut short. */
	REFUSED("a 'b c", MAXARGS, UK_ARGPARSE_EQUOTE);
	REFUSED("\"abc  ", MAXARGS, UK_ARGPARSE_EQUOTE);
	REFUSED("x '", MAXARGS, UK_ARGPARSE_EQUOTE);
	REFUSED("\"a\\\"", MAXARGS, UK_ARGPARSE_EQUOTE);
	/* One argument too many is an error, not a dropped argument. */
	REFUSED("a b c d", 3, UK_ARGPARSE_ETOOMANY);
	REFUSED("a b c 'd e'", 3, UK_ARGPARSE_ETOOMANY);
	/* Exactly maxcount, with blanks after: accepted. */
	char buf[32] = "a b c d e f g h  ";
	char *argv[MAXARGS];

	UK_TEST_EXPECT_SNUM_EQ(uk_argnparse(buf, sizeof(buf), argv, MAXARGS),
			       MAXARGS);
	UK_TEST_EXPECT_STR_EQ(argv[MAXARGS - 1], "h");
}

UK_TESTCASE(argparse, escapes)
{
	SPLIT("a\\ b c", "a b", "c");
	SPLIT("\\'x\\\"", "'x\"");
	SPLIT("\"a\\\"b\" \"c\\\\d\"", "a\"b", "c\\d");
	SPLIT("\"\\$x\" \\$y '\\$z' $w=1", "$x", "$y", "\\$z", "$w=1");
	/* Other backslashes in "..." stay; in '...' all do. */
	SPLIT("\"a\\nb\"", "a\\nb");
	SPLIT("'a\\'", "a\\");
	/* A backslash at the very end is dropped. */
	SPLIT("ab\\", "ab");
}

UK_TESTCASE(argparse, limits)
{
	char buf[32] = "a b c d e";
	char *argv[4] = { NULL, NULL, NULL, (char *)"canary" };
	int argc;

	/* At most maxcount pointers; no NULL stored past them; one more
	 * argument is an error. */
	argc = uk_argnparse(buf, sizeof(buf), argv, 3);
	UK_TEST_EXPECT_SNUM_EQ(argc, UK_ARGPARSE_ETOOMANY);
	UK_TEST_EXPECT(uk_test_streq(argv[0], "a") &&
		       uk_test_streq(argv[1], "b") &&
		       uk_test_streq(argv[2], "c"));
	UK_TEST_EXPECT_STR_EQ(argv[3], "canary");

	/* Room for one more: argv[argc] is NULL. */
	char buf2[16] = "a b c";
	char *argv2[5] = { NULL, NULL, NULL, (char *)"x", (char *)"canary" };

	argc = uk_argnparse(buf2, sizeof(buf2), argv2, 4);
	UK_TEST_EXPECT_SNUM_EQ(argc, 3);
	UK_TEST_EXPECT_NULL(argv2[3]);
	UK_TEST_EXPECT_STR_EQ(argv2[4], "canary");

	/* maxlen stops the parse; every argument stays terminated. */
	char buf3[16] = "abc defgh";

	argc = uk_argnparse(buf3, 6, argv2, 4);
	UK_TEST_EXPECT_SNUM_EQ(argc, 2);
	UK_TEST_EXPECT(uk_test_streq(argv2[0], "abc") &&
		       uk_test_streq(argv2[1], "d"));
	UK_TEST_EXPECT(buf3[5] == '\0' && buf3[6] == 'f');

	char buf4[8] = "abc def";

	argc = uk_argnparse(buf4, 5, argv2, 4);
	UK_TEST_EXPECT_SNUM_EQ(argc, 1);
	UK_TEST_EXPECT_STR_EQ(argv2[0], "abc");

	/* Nothing to do: 0, and nothing written. */
	argv2[0] = (char *)"canary";
	UK_TEST_EXPECT_SNUM_EQ(uk_argnparse(NULL, 16, argv2, 4), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_argnparse(buf2, 0, argv2, 4), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_argnparse(buf2, sizeof(buf2), argv2, 0), 0);
	UK_TEST_EXPECT_STR_EQ(argv2[0], "canary");
	/* An empty line: argc 0 and argv[0] NULL. */
	char empty[4] = "";

	UK_TEST_EXPECT_SNUM_EQ(uk_argnparse(empty, sizeof(empty), argv2, 4), 0);
	UK_TEST_EXPECT_NULL(argv2[0]);
}

/* A realistic boot line as the platforms hand it over. */
UK_TESTCASE(argparse, command_line)
{
	SPLIT("unittests seed=7 suite=nolibc,argparse msg=\"hello world\" "
	      "path='/a b/c' -- x",
	      "unittests", "seed=7", "suite=nolibc,argparse", "msg=hello world",
	      "path=/a b/c", "--", "x");
}
