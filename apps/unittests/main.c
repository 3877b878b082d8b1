/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * unittests: runs every linked uktest suite. Arguments: suite=a,b to
 * select suites, uktest_fail=1 for the failing self-check, seed=N for
 * the randomized tests. Exit status 0 when all passed, 1 otherwise.
 */
#include <uk/test.h>

int main(int argc, char *argv[])
{
	return uk_test_run(argc, argv) ? 1 : 0;
}
