/* SPDX-License-Identifier: BSD-3-Clause */
/* linuxu start-up: arguments from the initial stack, then the boot library. */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <linuxu/setup.h>

#define AT_NULL 0
#define AT_HWCAP2 26

unsigned long linuxu_hwcap2;

/*
 * The environment goes to the C library's POSIX `environ` (nolibc and
 * newlib both define it; getenv() reads it). Weak, so that an image whose
 * C library has no environ at all still links; then it is dropped.
 */
extern char **environ __weak;

/* The auxiliary vector follows envp's NULL on the stack. */
static void linuxu_auxv_init(char **envp)
{
	long *p = (long *)envp;

	while (*p)
		p++;
	for (p++; p[0] != AT_NULL; p += 2)
		if (p[0] == AT_HWCAP2)
			linuxu_hwcap2 = (unsigned long)p[1];
}

void _linuxu_start(long *sp) __noreturn __used;

/* The initial stack: argc, argv[0..argc-1], NULL, envp[], NULL, auxv. */
void _linuxu_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)&sp[1];
	char **envp = argv + argc + 1;

	if (&environ)
		environ = envp;
	linuxu_auxv_init(envp);
	linuxu_memory_init(envp);
	linuxu_initrd_init(envp);
	linuxu_time_init();
	linuxu_fault_init();
	/* The kernel split the arguments: ukboot checks their number. */
	ukplat_entry_argv(argc, argv);
}

void ukplat_terminate(int status)
{
	linuxu_exit_group(status & 0xff);
}

void ukplat_crash(void)
{
	linuxu_exit_group(UKPLAT_STATUS_CRASH);
}
