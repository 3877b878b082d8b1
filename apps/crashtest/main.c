/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * crashtest: crashes on purpose, so tests can check the crash report and
 * the exit status of each platform and architecture. Argument crash=KIND:
 *
 *   assert     a failed assert()
 *   pagefault  a read from an address with nothing mapped there
 *              (CONFIG_APPCRASHTEST_FAULT_ADDR, or the argument addr=ADDR)
 *   divzero    an integer division by zero (traps on x86; other CPUs may
 *              not trap at all)
 *   undef      an undefined instruction (__builtin_trap())
 *
 * It prints "crashtest: KIND" before crashing, and "crashtest: no crash"
 * (status 1) if it is still alive afterwards. Plain C: no arch or
 * platform code.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The compiler must not see through these, or it would fold the crash. */
static volatile int zero;
static volatile unsigned long fault_addr = CONFIG_APPCRASHTEST_FAULT_ADDR;

int main(int argc, char *argv[])
{
	const char *kind = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "crash=", 6))
			kind = argv[i] + 6;
		else if (!strncmp(argv[i], "addr=", 5))
			fault_addr = strtoul(argv[i] + 5, NULL, 0);
	}
	if (!kind) {
		printf("usage: crash=assert|pagefault|divzero|undef [addr=ADDR]\n");
		return 2;
	}
	if (!strcmp(kind, "pagefault"))
		printf("crashtest: pagefault (reading 0x%lx)\n", fault_addr);
	else
		printf("crashtest: %s\n", kind);
	fflush(stdout);

	if (!strcmp(kind, "assert")) {
		assert(zero == 1);
	} else if (!strcmp(kind, "pagefault")) {
		printf("read %d\n", *(volatile int *)fault_addr);
	} else if (!strcmp(kind, "divzero")) {
		volatile int one = 1;

		printf("1 / 0 = %d\n", one / zero);
	} else if (!strcmp(kind, "undef")) {
		__builtin_trap();
	} else {
		printf("crashtest: unknown crash '%s'\n", kind);
		return 2;
	}
	printf("crashtest: no crash\n");
	return 1;
}
