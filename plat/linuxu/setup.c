/* SPDX-License-Identifier: BSD-3-Clause */
/* linuxu start-up: arguments from the initial stack, then the boot library. */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <linuxu/setup.h>

void _linuxu_start(long *sp) __noreturn __used;

void _linuxu_start(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)&sp[1];

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
