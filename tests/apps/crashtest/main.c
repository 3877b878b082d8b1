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
 *   stackoverflow  a thread ("recurser") that recurses without end (needs
 *              uksched; the platform's guard page or uksched's canary
 *              must catch it)
 *   mainoverflow  main() itself recurses without end: the guard page
 *              under main's stack (CONFIG_LIBUKBOOT_MAIN_STACK_KB)
 *              must catch it
 *   canary     a buffer overrun of a local array: in an image built with
 *              the stack protector (Build options, CONFIG_STACKPROTECTOR_*)
 *              the canary check reports it
 *   nullwrite  a write to address 0 (the NULL page must be unmapped)
 *   textwrite  a write into the program's own code (.text must be
 *              read-only)
 *   execdata   a call into a function-return instruction kept in .data
 *              (data must not be executable)
 *   execstack  the same, copied onto the stack first
 *   rodatawrite  a write into read-only data (.rodata must be read-only);
 *              with CONFIG_APPCRASHTEST_BIG, into its last page, 9 MiB
 *              into the image
 *
 * It prints "crashtest: KIND" before crashing, and "crashtest: no crash"
 * (status 1) if it is still alive afterwards. Plain C: no arch or
 * platform code.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

/* The compiler must not see through these, or it would fold the crash. */
static volatile int zero;
static volatile unsigned long fault_addr = CONFIG_APPCRASHTEST_FAULT_ADDR;

/* Each level keeps a page on the stack and uses it after the call. */
static unsigned long recurse(unsigned long n)
{
	volatile char buf[4096];

	buf[0] = (char)n;
	buf[sizeof(buf) - 1] = (char)n;
	if (n == 0)
		return buf[0];
	return recurse(n + 1) + buf[sizeof(buf) - 1];
}

#if CONFIG_LIBUKSCHED
static void recurser(void *arg __unused)
{
	printf("recursed %lu\n", recurse(1));
}
#endif

/* A local array and a copy past its end: the stack protector's case. */
static void __attribute__((noinline)) overrun(volatile size_t n)
{
	char buf[16];

	memset(buf, 0x41, n);
	__asm__ __volatile__("" : : "r"(buf) : "memory");
}

/*
 * A function that only returns, as machine code: executed from data or
 * from the stack it must fault. If it runs, the call comes back and the
 * program says "no crash".
 */
static unsigned char ret_code[8] = {
#if defined(__x86_64__)
	0xc3, /* ret */
#elif defined(__arm__) && defined(__thumb__)
	0x70, 0x47, /* bx lr */
#elif defined(__arm__)
	0x1e, 0xff, 0x2f, 0xe1, /* bx lr */
#elif defined(__mips__) && defined(__MIPSEB__)
	0x03, 0xe0, 0x00, 0x08, 0, 0, 0, 0, /* jr ra; nop */
#elif defined(__mips__)
	0x08, 0x00, 0xe0, 0x03, 0, 0, 0, 0, /* jr ra; nop */
#endif
};

/* What crash=rodatawrite writes to. */
#if CONFIG_APPCRASHTEST_BIG
/*
 * An image far past 2 MiB, as big programs make: 3 MiB of code (no-ops
 * that main() runs through) and 6 MiB of read-only data.
 */
static const char big_ro[6 << 20] = { 1 };
#define RO_TARGET (&big_ro[sizeof(big_ro) - 1])
void crashtest_big_text(void);
__asm__(".pushsection .text.crashtest_big, \"ax\"\n"
	".globl crashtest_big_text\n"
	".type crashtest_big_text, @function\n"
	"crashtest_big_text:\n"
	".fill 3 << 20, 1, 0x90\n" /* nop */
	"ret\n"
	".popsection\n");
#else
static const char ro_byte = 1;
#define RO_TARGET (&ro_byte)
#endif

static void __attribute__((noinline)) call_code(unsigned char *code)
{
	uintptr_t a = (uintptr_t)code;

#if defined(__arm__) && defined(__thumb__)
	a |= 1; /* stay in Thumb state */
#endif
	__asm__ __volatile__("" : "+r"(a) : : "memory");
	((void (*)(void))a)();
}

static void __attribute__((noinline)) exec_stack(void)
{
	unsigned char code[sizeof(ret_code)];

	memcpy(code, ret_code, sizeof(code));
	call_code(code);
}

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
#if CONFIG_APPCRASHTEST_BIG
	crashtest_big_text();
	printf("crashtest: ran 3 MiB of code, read-only data byte %d\n",
	       big_ro[0]);
#endif
	if (!kind) {
		printf("usage: crash=assert|pagefault|divzero|undef|"
		       "stackoverflow|mainoverflow|canary|nullwrite|"
		       "textwrite|rodatawrite|execdata|execstack "
		       "[addr=ADDR]\n");
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
	} else if (!strcmp(kind, "stackoverflow")) {
#if CONFIG_LIBUKSCHED
		struct uk_thread *t =
			uk_thread_create("recurser", recurser, NULL, 0);

		if (!t) {
			printf("crashtest: no thread\n");
			return 2;
		}
		uk_thread_join(t);
#else
		printf("crashtest: stackoverflow needs uksched\n");
		return 2;
#endif
	} else if (!strcmp(kind, "mainoverflow")) {
		printf("recursed %lu\n", recurse(1));
	} else if (!strcmp(kind, "canary")) {
		overrun(64);
	} else if (!strcmp(kind, "nullwrite")) {
		*(volatile int *)(uintptr_t)zero = 1;
	} else if (!strcmp(kind, "textwrite")) {
		volatile unsigned char *p =
			(volatile unsigned char *)(uintptr_t)&recurse;

		*p = *p;
	} else if (!strcmp(kind, "rodatawrite")) {
		*(volatile char *)(uintptr_t)RO_TARGET = 2;
	} else if (!strcmp(kind, "execdata")) {
		call_code(ret_code);
	} else if (!strcmp(kind, "execstack")) {
		exec_stack();
	} else {
		printf("crashtest: unknown crash '%s'\n", kind);
		return 2;
	}
	printf("crashtest: no crash\n");
	return 1;
}
