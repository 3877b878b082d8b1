/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Malta C start-up: console, memory map, time, interrupts, then the boot
 * library. The boot loader's arguments (YAMON convention, which QEMU's
 * -kernel boot stub follows): argc, argv (QEMU: argv[0] = the kernel's
 * file name, argv[1] = the whole -append string; YAMON: one word each),
 * envp (pointers to alternating names and values, NULL-terminated), and
 * in a3 the RAM size (QEMU only; YAMON's "memsize" variable otherwise).
 * With -semihosting, QEMU sets a0 = -1 (UHI's "ask the host for the
 * arguments") but still fills argv, with envp right after it: argc is
 * then taken as envp - argv.
 * The words after argv[0] are joined with spaces into the command line
 * that lib/ukboot splits, so quoting works with QEMU's -append. With
 * -initrd, QEMU's stub puts "rd_start=0x<kseg0 address> rd_size=<bytes>"
 * in front of that line (as Linux on the Malta expects); those two words
 * are taken off here and name the initrd.
 */
#include <uk/plat/bootstrap.h>
#include <malta/malta.h>

/*
 * QEMU's Malta boot stub writes each argv string into a slot of this
 * many bytes (ENVP_ENTRY_SIZE), cutting -append without a word.
 */
#define MALTA_LOADER_ARG_MAX 256
/* More words than this and the loader's argv is taken for garbage. */
#define MAX_ARGS 1024
/* One more than ukboot takes: a line too long for it stays too long. */
#define CMDLINE_MAX (CONFIG_LIBUKBOOT_CMDLINE_MAX + 1)
#define RAM_MIN 0x100000U /* below this the a3 value is not a size */
#define RAM_DEFAULT 0x2000000U /* 32 MiB when the loader says nothing */
#define BOOT_DATA_END 0x10000000U /* boot data lies in the low 256 MiB */

void malta_start(long argc, char **argv, char **envp, uint32_t a3) __noreturn;

static char cmdline[CMDLINE_MAX];

/* A boot loader pointer: kseg0 or kseg1, below the I/O hole. */
static int boot_ptr_ok(const void *p)
{
	uintptr_t a = (uintptr_t)p;

	return (a >= KSEG0 && a < KSEG0 + BOOT_DATA_END) ||
	       (a >= KSEG1 && a < KSEG1 + BOOT_DATA_END);
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static const char *env_get(char **envp, const char *name)
{
	if (!boot_ptr_ok(envp))
		return NULL;
	for (int i = 0; i < 256 && boot_ptr_ok(envp[i]); i += 2)
		if (boot_ptr_ok(envp[i + 1]) && str_eq(envp[i], name))
			return envp[i + 1];
	return NULL;
}

/* YAMON writes memsize in decimal, or in hex with 0x. */
static uint32_t parse_u32(const char *s)
{
	uint32_t v = 0, base = 10;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	for (; *s; s++) {
		uint32_t d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && (*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
			d = (*s | 0x20) - 'a' + 10;
		else
			break;
		v = v * base + d;
	}
	return v;
}

static uint32_t ram_size(char **envp, uint32_t a3)
{
	const char *ms;

	if (a3 >= RAM_MIN && !(a3 & (RAM_MIN - 1)))
		return a3;
	ms = env_get(envp, "memsize");
	if (ms && parse_u32(ms) >= RAM_MIN)
		return parse_u32(ms);
	return RAM_DEFAULT;
}

/*
 * The loader's words joined into cmdline[]; returns the loader's limit
 * to check the line against (see ukplat_entry_cmdline()).
 */
static size_t build_cmdline(long argc, char **argv, char **envp)
{
	size_t len = 0, longest = 0;

	if (argc < 0 && boot_ptr_ok(argv) && envp > argv &&
	    envp - argv <= MAX_ARGS)
		argc = envp - argv;
	/* Copied out of the loader's memory, which the heap may reuse. */
	if (argc > 1 && argc <= MAX_ARGS && boot_ptr_ok(argv)) {
		for (long i = 1; i < argc; i++) {
			const char *s = argv[i];
			size_t n = 0;

			if (!boot_ptr_ok(s))
				break;
			if (len && len < CMDLINE_MAX - 1)
				cmdline[len++] = ' ';
			for (; s[n] && len < CMDLINE_MAX - 1; n++)
				cmdline[len++] = s[n];
			if (n > longest)
				longest = n;
		}
	}
	cmdline[len] = '\0';
	/* Only a word that filled its slot may have been cut. */
	return longest >= MALTA_LOADER_ARG_MAX - 1 ? MALTA_LOADER_ARG_MAX : 0;
}

/*
 * Parses the number after prefix at the start of *s (decimal, or hex after
 * 0x) and moves *s past it and one space; 0 when the word is not there.
 */
static int take_word(char **s, const char *prefix, uint64_t *v)
{
	char *p = *s;
	unsigned int base = 10, digits = 0;

	while (*prefix)
		if (*p++ != *prefix++)
			return 0;
	if (p[0] == '0' && p[1] == 'x') {
		base = 16;
		p += 2;
	}
	for (*v = 0;; p++, digits++) {
		unsigned int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else
			break;
		*v = *v * base + d;
	}
	if (!digits || (*p && *p != ' '))
		return 0;
	*s = *p ? p + 1 : p;
	return 1;
}

/* Takes QEMU's initrd words off the front of cmdline[]. */
static void take_initrd(uintptr_t *base, size_t *len)
{
	char *s = cmdline, *d = cmdline;
	uint64_t start, size;

	*base = 0;
	*len = 0;
	if (!take_word(&s, "rd_start=", &start) ||
	    !take_word(&s, "rd_size=", &size))
		return;
	/* A kseg0 address, sign-extended to 64 bits by QEMU. */
	*base = (uintptr_t)(uint32_t)start;
	*len = (size_t)size;
	while ((*d++ = *s++))
		;
}

void malta_start(long argc, char **argv, char **envp, uint32_t a3)
{
	size_t loader_max, initrd_len;
	uintptr_t initrd;

	malta_console_init();
	/* The loader's strings lie in its reserved first MiB: read first. */
	loader_max = build_cmdline(argc, argv, envp);
	take_initrd(&initrd, &initrd_len);
	malta_memory_init(ram_size(envp, a3), initrd, initrd_len);
	malta_time_init();
	malta_rtc_init();
	malta_irq_init();
	ukplat_entry_cmdline(cmdline, loader_max);
}
