/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * kvm on arm32 = QEMU's virt machine: everything is found in the device
 * tree (memory, command line, PL011, GIC, timer, RTC, PSCI). The DTB is
 * in r2 for a raw image; for an ELF QEMU passes nothing but puts the DTB
 * at the start of RAM, below our link address (see kvm.lds.S).
 */
#include <uk/essentials.h>
#include <uk/fdt.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>
#include <arm/cpu.h>
#include <arm/gic.h>
#include <arm/pl011.h>
#include <arm/psci.h>
#include <arm/semihost.h>
#include <arm/setup.h>
#include <uk/plat/common/putk.h>
#include <arm/timer.h>

#define VIRT_DTB_FALLBACK 0x40000000UL
/* Used before the device tree is read, and if it names no UART. */
#define VIRT_PL011_FALLBACK 0x09000000UL
#define PL031_RTCDR 0x00
/* /memory reg entries taken (QEMU's virt machine has one). */
#define KVM_RAM_RANGES_MAX 8

static __nsec wall_at_boot;
/* For the drivers probed later (arm32/virtio.c). */
const void *kvm_arm_fdt;

static void kvm_console_init(const void *fdt)
{
	uint64_t base = VIRT_PL011_FALLBACK;
	int node = uk_fdt_node_by_compatible(fdt, -1, "arm,pl011");

	if (node >= 0)
		uk_fdt_reg(fdt, node, 0, &base, NULL);
	arm_pl011_init((uintptr_t)base, 0, 0);
}

static void kvm_mem_init(const void *fdt)
{
	struct arm_mem_range res[3] = {
		{ (uintptr_t)__image_start, (uintptr_t)__image_end, "image",
		  0 },
		{ (uintptr_t)fdt, (uintptr_t)fdt + uk_fdt_size(fdt), "dtb", 0 },
	};
	struct arm_mem_range ram[KVM_RAM_RANGES_MAX];
	int n = arm_fdt_ram(fdt, ram, ARRAY_SIZE(ram));
	int nres = 2, i;

	/* QEMU's -initrd: kept out of the free RAM. */
	if (!arm_fdt_initrd(fdt, &res[2]))
		nres = 3;

	if (n < 0) {
		plat_puts("kvm: too many memory ranges\n");
		n = ARRAY_SIZE(ram);
	}
	for (i = 0; i < n; i++)
		if (arm_mem_add_ram(ram[i].base, ram[i].end - ram[i].base, res,
				    nres))
			plat_puts("kvm: too many memory regions\n");
}

/* The PL031 RTC counts seconds since the epoch; read it once. */
static void kvm_rtc_init(const void *fdt)
{
	int node = uk_fdt_node_by_compatible(fdt, -1, "arm,pl031");
	uint64_t base;

	if (node < 0 || uk_fdt_reg(fdt, node, 0, &base, NULL))
		return;
	wall_at_boot = ukarch_time_sec_to_nsec(
			       arm_mmio_read32((uintptr_t)base + PL031_RTCDR)) -
		       ukplat_monotonic_clock();
}

__nsec ukplat_wall_clock(void)
{
	return wall_at_boot + ukplat_monotonic_clock();
}

void arm_plat_start(uint32_t r0 __unused, uint32_t r1 __unused, uint32_t r2)
{
	const void *fdt = (const void *)r2;
	const char *cmdline = NULL;
	int node;

	arm_pl011_init(VIRT_PL011_FALLBACK, 0, 0);
	if (uk_fdt_check(fdt))
		fdt = (const void *)VIRT_DTB_FALLBACK;
	if (uk_fdt_check(fdt)) {
		plat_puts("kvm: no device tree found\n");
		ukplat_crash();
	}
	kvm_console_init(fdt);
	arm_psci_init(fdt);
	kvm_mem_init(fdt);
	if (arm_gicv2_init(fdt)) {
		plat_puts("kvm: no GICv2 in the device tree\n");
		ukplat_crash();
	}
	if (arm_gtimer_init(fdt)) {
		plat_puts("kvm: no generic timer\n");
		ukplat_crash();
	}
	kvm_rtc_init(fdt);
	kvm_arm_fdt = fdt;
	node = uk_fdt_path_offset(fdt, "/chosen");
	if (node >= 0)
		cmdline = uk_fdt_getprop(fdt, node, "bootargs", NULL);
	/* QEMU puts -append into the DTB whole: no loader limit. */
	ukplat_entry_cmdline(cmdline, 0);
}

static void __noreturn kvm_power_off(int status)
{
#if CONFIG_KVM_ARM32_SEMIHOSTING
	/* Only semihosting can hand QEMU a status; returns if unavailable. */
	arm_semihost_exit(status);
#endif
	arm_psci_call(ARM_PSCI_SYSTEM_OFF, 0, 0, 0);
	/* No PSCI: stop here. */
	for (;;)
		__asm__ __volatile__("cpsid if; wfi");
}

void ukplat_terminate(int status)
{
	kvm_power_off(status);
}

void ukplat_crash(void)
{
	plat_puts("kvm: crashed\n");
	kvm_power_off(UKPLAT_STATUS_CRASH);
}
