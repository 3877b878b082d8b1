/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen guest on arm32. Xen's domain builder loads the zImage (head.S) and
 * enters plat/shared/arm's start.S in SVC mode with the MMU off and r2 =
 * the device tree, which describes everything: RAM (/memory), the GICv2
 * Xen emulates, the generic timer, the hypervisor node ("xen,xen") and
 * the command line (/chosen/bootargs).
 */
#include <uk/essentials.h>
#include <uk/fdt.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <arm/gic.h>
#include <arm/setup.h>
#include <arm/timer.h>
#include "xen-arm.h"

#define XEN_RAM_RANGES_MAX 8

static struct arm_mem_range ram[XEN_RAM_RANGES_MAX];
static int nram;

static void mem_init(const void *fdt)
{
	struct arm_mem_range res[2] = {
		{ (uintptr_t)__image_start, (uintptr_t)__image_end, "image",
		  0 },
		{ (uintptr_t)fdt, (uintptr_t)fdt + uk_fdt_size(fdt), "dtb", 0 },
	};
	int i;

	for (i = 0; i < nram; i++)
		if (arm_mem_add_ram(ram[i].base, ram[i].end - ram[i].base, res,
				    ARRAY_SIZE(res)))
			plat_puts("xen: too many memory regions\n");
}

void arm_plat_start(uint32_t r0 __unused, uint32_t r1 __unused, uint32_t r2)
{
	const void *fdt = (const void *)r2;
	const char *cmdline = NULL;
	int node;

	if (uk_fdt_check(fdt)) {
		plat_puts("xen: no device tree in r2\n");
		ukplat_crash();
	}
	nram = arm_fdt_ram(fdt, ram, ARRAY_SIZE(ram));
	if (nram < 0) {
		plat_puts("xen: too many memory ranges\n");
		nram = ARRAY_SIZE(ram);
	}
	xen_arm_mmu_init(ram, nram, fdt, uk_fdt_size(fdt));
	/*
	 * Without the node (a dom0less domain without "xen,enhanced") Xen
	 * still answers hypercalls, but there is no console ring: output
	 * goes to console_io only.
	 */
	if (uk_fdt_node_by_compatible(fdt, -1, "xen,xen") < 0)
		plat_puts("xen: no hypervisor node in the device tree\n");
	else
		xen_console_init();
	mem_init(fdt);
	if (arm_gicv2_init(fdt)) {
		plat_puts("xen: no GICv2 in the device tree\n");
		ukplat_crash();
	}
	if (arm_gtimer_init(fdt)) {
		plat_puts("xen: no generic timer\n");
		ukplat_crash();
	}
	xen_arm_time_init();
	node = uk_fdt_path_offset(fdt, "/chosen");
	if (node >= 0)
		cmdline = uk_fdt_getprop(fdt, node, "bootargs", NULL);
	/* Xen copies the domain's bootargs into its DTB whole. */
	ukplat_entry_cmdline(cmdline, 0);
}

/*
 * Xen's shutdown reason carries no number: status 0 powers off, any
 * other status is a crash, printed first so that the host can read it
 * (the same convention as on x86_64). Without a console ring no
 * toolstack reports the shutdown (a dom0less domain): then status 0 is
 * printed too, the only sign on Xen's console that the domain is done.
 */
void ukplat_terminate(int status)
{
	unsigned int reason = status ? XEN_SHUTDOWN_crash :
				       XEN_SHUTDOWN_poweroff;

	if (status || !xen_console_has_ring())
		xen_console_put_status(status);
	xen_console_flush();
	for (;;)
		xen_sched_op(XEN_SCHEDOP_shutdown, &reason);
}

void ukplat_crash(void)
{
	ukplat_terminate(UKPLAT_STATUS_CRASH);
}
