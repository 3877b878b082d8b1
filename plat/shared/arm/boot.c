/* SPDX-License-Identifier: BSD-3-Clause */
/* From the boot command line to ukplat_entry(argc, argv). */
#include <uk/essentials.h>
#include <uk/argparse.h>
#include <uk/plat/bootstrap.h>
#include <arm/setup.h>

#define ARM_CMDLINE_MAX 1024
#define ARM_ARGV_MAX 64

static char cmdline_buf[ARM_CMDLINE_MAX];
static char *argv[ARM_ARGV_MAX + 1];

void arm_boot_main(const char *cmdline)
{
	size_t i = 0;
	int argc;

	/* The parser splits in place: work on a copy of the boot data. */
	if (cmdline)
		for (; i < sizeof(cmdline_buf) - 1 && cmdline[i]; i++)
			cmdline_buf[i] = cmdline[i];
	cmdline_buf[i] = '\0';
	argv[0] = UK_APP_NAME;
	argc = 1 + uk_argnparse(cmdline_buf, sizeof(cmdline_buf), &argv[1],
				ARM_ARGV_MAX - 1);
	argv[argc] = NULL;
	ukplat_entry(argc, argv);
}
