/* SPDX-License-Identifier: BSD-3-Clause */
/* Leaving the unikernel: exit(), abort() and failed assertions. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>

#define ATEXIT_MAX 32

static void (*atexit_fns[ATEXIT_MAX])(void);
static int atexit_count;

int atexit(void (*function)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_fns[atexit_count++] = function;
	return 0;
}

void exit(int status)
{
	/* Pop one at a time: a handler may itself register another. */
	while (atexit_count > 0)
		atexit_fns[--atexit_count]();
	ukplat_terminate(status);
}

void _Exit(int status)
{
	ukplat_terminate(status);
}

void abort(void)
{
	/* Straight to the console: stdio may be what is broken. */
	ukplat_coutk("abort()\n", 8);
	ukplat_crash();
}

void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *func)
{
	fprintf(stderr, "Assertion failed: %s (%s: %s: %u)\n", expr, file, func,
		line);
	abort();
}
