/* SPDX-License-Identifier: BSD-3-Clause */
/* The uktest runner: walks .uk_testtab, prints results and a summary. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/test.h>

#if CONFIG_LIBUKTEST_SELFCHECK_FAIL
#define SELFCHECK_FAIL 1
#else
#define SELFCHECK_FAIL 0
#endif

extern const struct uk_testcase uk_testtab_start[], uk_testtab_end[];

const struct uk_testcase *_uk_test_current;
static unsigned int cur_failures;
static int test_argc;
static char **test_argv;

void _uk_test_fail(const char *file, unsigned int line, const char *fmt, ...)
{
	const struct uk_testcase *t = _uk_test_current;
	va_list ap;

	cur_failures++;
	printf("[ FAIL ] %s.%s: %s:%u: ", t ? t->suite : "?", t ? t->name : "?",
	       file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

size_t uk_test_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int uk_test_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

const char *uk_test_arg(const char *key)
{
	size_t n = strlen(key);

	for (int i = 1; i < test_argc; i++)
		if (!strncmp(test_argv[i], key, n) && test_argv[i][n] == '=')
			return test_argv[i] + n + 1;
	return NULL;
}

unsigned long uk_test_arg_ulong(const char *key, unsigned long dflt)
{
	const char *v = uk_test_arg(key);

	return v && *v ? strtoul(v, NULL, 0) : dflt;
}

/* Is suite in the comma-separated list? An empty list selects all. */
static int suite_selected(const char *list, const char *suite)
{
	size_t n = strlen(suite);

	if (!list || !*list)
		return 1;
	while (*list) {
		const char *end = strchr(list, ',');
		size_t len = end ? (size_t)(end - list) : strlen(list);

		if (len == n && !strncmp(list, suite, n))
			return 1;
		if (!end)
			break;
		list = end + 1;
	}
	return 0;
}

int uk_test_run(int argc, char *argv[])
{
	const struct uk_testcase *t;
	unsigned int passed = 0, failed = 0;
	const char *suites;
	int with_fail;

	test_argc = argc;
	test_argv = argv;
	suites = uk_test_arg("suite");
	if (!suites)
		suites = CONFIG_LIBUKTEST_SUITES;
	with_fail = SELFCHECK_FAIL || uk_test_arg_ulong("uktest_fail", 0);

	for (t = uk_testtab_start; t < uk_testtab_end; t++) {
		if (!suite_selected(suites, t->suite))
			continue;
		if ((t->flags & UK_TEST_F_SELFCHECK_FAIL) && !with_fail)
			continue;
		_uk_test_current = t;
		cur_failures = 0;
		t->func();
		if (cur_failures) {
			failed++;
		} else {
			passed++;
			printf("[ PASS ] %s.%s\n", t->suite, t->name);
		}
	}
	_uk_test_current = NULL;
	printf("uktest: %u passed, %u failed\n", passed, failed);
	return (int)failed;
}
