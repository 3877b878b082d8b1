/* SPDX-License-Identifier: BSD-3-Clause */
/* linuxu start-up: arguments from the initial stack, then the boot library. */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <linuxu/setup.h>

#define AT_NULL 0
#define AT_HWCAP2 26

unsigned long linuxu_hwcap2;

/* The auxiliary vector follows argv's and envp's NULLs on the stack. */
static void linuxu_auxv_init(long *sp)
{
	long *p = sp + 1 + sp[0] + 1;

	while (*p)
		p++;
	for (p++; p[0] != AT_NULL; p += 2)
		if (p[0] == AT_HWCAP2)
			linuxu_hwcap2 = (unsigned long)p[1];
}

void _linuxu_start(long *sp) __noreturn __used;

void _linuxu_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)&sp[1];

	linuxu_auxv_init(sp);
	linuxu_memory_init();
	linuxu_time_init();
	linuxu_fault_init();
	ukplat_entry(argc, argv);
}

void ukplat_terminate(int status)
{
	linuxu_exit_group(status & 0xff);
}

void ukplat_crash(void)
{
	linuxu_exit_group(UKPLAT_STATUS_CRASH);
}
