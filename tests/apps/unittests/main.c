/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * unittests: runs every linked uktest suite. Arguments: suite=a,b to
 * select suites, uktest_fail=1 for the failing self-check, seed=N for
 * the randomized tests, stress_div=N to shorten them, getenv_check=1 when
 * the environment holds UK_TEST_ENV=a=b,c and UK_TEST_ENVX=other (linuxu,
 * see nolibc.getenv). Exit status 0 when all passed, 1 otherwise.
 * bench=alloc / bench=sched / bench=idle run a benchmark instead
 * (bench.c).
 */
#include <string.h>
#include <uk/test.h>
#include "bench.h"

int main(int argc, char *argv[])
{
	int failed = uk_test_run(argc, argv);
	const char *b = uk_test_arg("bench");

	if (b && !strcmp(b, "alloc"))
		bench_alloc();
	else if (b && !strcmp(b, "sched"))
		bench_sched();
	else if (b && !strcmp(b, "idle"))
		bench_idle();
	return failed ? 1 : 0;
}
