/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Raspberry Pi 2 start-up. The boot data in r2 is a device tree (Pi
 * firmware with device_tree=..., QEMU with -dtb), ATAGS (older firmware,
 * QEMU's raw-image loader) or nothing (QEMU's ELF loader): memory and
 * the command line come from whichever is there.
 */
#include <uk/essentials.h>
#include <uk/fdt.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <arm/cpu.h>
#include <arm/pl011.h>
#include <arm/semihost.h>
#include <arm/setup.h>
#include <uk/plat/common/putk.h>
#include "rpi2.h"

#define ATAG_NONE 0
#define ATAG_CORE 0x54410001U
#define ATAG_MEM 0x54410002U
#define ATAG_CMDLINE 0x54410009U
/*
 * QEMU's raspi2b writes ATAGS at 0x100 and its secondary cores' boot code
 * at 0x300, over the end of a command line longer than about 460 bytes:
 * a line in ATAGS must end below 0x300 (README.md, Arguments).
 */
#define ATAG_AREA_END 0x300U

#define GPFSEL1 0x04
#define GPIO_ALT0 4

#define PM_RSTC 0x1c
#define PM_RSTS 0x20
#define PM_WDOG 0x24
#define PM_PASSWORD 0x5a000000U
#define PM_PASSWORD_MASK 0xff000000U
#define PM_RSTC_FULLRESET 0x20
/*
 * PM_RSTS holds the partition the firmware boots after a reset, its six
 * bits spread over bits 0, 2, 4, 6, 8 and 10. Partition 63 (all six set)
 * tells the Pi firmware to halt instead of booting kernel7.img again.
 */
#define PM_RSTS_PARTITION_BITS 0x555U
#define PM_RSTS_PARTITION_HALT 0x555U

/* UART0 (PL011) on GPIO 14/15, which the firmware may have left as GPIO. */
static void rpi2_console_init(void)
{
	uint32_t sel = arm_mmio_read32(RPI2_GPIO + GPFSEL1);

	sel &= ~((7U << 12) | (7U << 15));
	sel |= (GPIO_ALT0 << 12) | (GPIO_ALT0 << 15);
	arm_mmio_write32(RPI2_GPIO + GPFSEL1, sel);
	arm_pl011_init(RPI2_UART0, RPI2_UART_CLOCK, RPI2_UART_BAUD);
}

static int atags_valid(const uint32_t *t)
{
	return t && ((uintptr_t)t & 3) == 0 && (uintptr_t)t < RPI2_LOAD_ADDR &&
	       t[0] >= 2 && t[1] == ATAG_CORE;
}

/* Walk ATAGS for memory and the command line. */
static void atags_parse(const uint32_t *t, uint64_t *ram_base,
			uint64_t *ram_len, const char **cmdline)
{
	/* Tags sit below the image: a size that leaves that area ends them. */
	const uint32_t *end = (const uint32_t *)RPI2_LOAD_ADDR;

	while (end - t >= 2 && t[0] >= 2 && t[0] <= (uint32_t)(end - t) &&
	       t[1] != ATAG_NONE) {
		if (t[1] == ATAG_MEM && t[0] >= 4) {
			*ram_len = t[2];
			*ram_base = t[3];
		} else if (t[1] == ATAG_CMDLINE) {
			*cmdline = (const char *)&t[2];
		}
		t += t[0];
	}
}

static void fdt_parse(const void *fdt, uint64_t *ram_base, uint64_t *ram_len,
		      const char **cmdline)
{
	int node = uk_fdt_path_offset(fdt, "/memory");

	if (node >= 0)
		uk_fdt_reg(fdt, node, 0, ram_base, ram_len);
	node = uk_fdt_path_offset(fdt, "/chosen");
	if (node >= 0)
		*cmdline = uk_fdt_getprop(fdt, node, "bootargs", NULL);
}

void arm_plat_start(uint32_t r0 __unused, uint32_t r1 __unused, uint32_t r2)
{
	uint64_t ram_base = 0, ram_len = RPI2_RAM_DEFAULT;
	const char *cmdline = NULL;
	size_t cmdline_max = 0;
	const void *fdt = NULL;
	struct arm_mem_range res[3] = {
		{ 0, RPI2_LOAD_ADDR, "boot", 0 },
		{ (uintptr_t)__image_start, (uintptr_t)__image_end, "image",
		  0 },
		{ 0, 0, "dtb", 0 },
	};

	rpi2_console_init();
	if (!uk_fdt_check((const void *)r2)) {
		fdt = (const void *)r2;
		fdt_parse(fdt, &ram_base, &ram_len, &cmdline);
		res[2].base = r2;
		res[2].end = r2 + uk_fdt_size(fdt);
	} else if (atags_valid((const uint32_t *)r2)) {
		atags_parse((const uint32_t *)r2, &ram_base, &ram_len,
			    &cmdline);
		if (cmdline && (uintptr_t)cmdline < ATAG_AREA_END)
			cmdline_max = ATAG_AREA_END - (uintptr_t)cmdline;
	}
	if (arm_mem_add_ram(ram_base, ram_len, res, ARRAY_SIZE(res)))
		plat_puts("rpi2: too many memory regions\n");
	rpi2_intc_init();
	if (rpi2_systimer_init()) {
		plat_puts("rpi2: cannot set up the system timer\n");
		ukplat_crash();
	}
	/* A device tree holds the whole line; ATAGS up to 0x300. */
	ukplat_entry_cmdline(cmdline, cmdline_max);
}

/* Full reset through the watchdog, due in 16 ticks (~250 us). */
static void __noreturn rpi2_watchdog_reset(void)
{
	arm_mmio_write32(RPI2_PM + PM_WDOG, PM_PASSWORD | 16);
	arm_mmio_write32(RPI2_PM + PM_RSTC, PM_PASSWORD | PM_RSTC_FULLRESET);
	for (;;)
		__asm__ __volatile__("cpsid if; wfi");
}

/*
 * The board cannot cut its own power. A watchdog reset with boot
 * partition 63 in PM_RSTS makes the firmware stop there (the closest to
 * off a Pi gets) rather than boot kernel7.img again; QEMU's raspi2b
 * model turns the same request into a shutdown, so it exits (0) even
 * without -no-reboot.
 */
static void __noreturn rpi2_halt(void)
{
	uint32_t rsts = arm_mmio_read32(RPI2_PM + PM_RSTS);

	rsts &= ~(PM_PASSWORD_MASK | PM_RSTS_PARTITION_BITS);
	arm_mmio_write32(RPI2_PM + PM_RSTS,
			 PM_PASSWORD | rsts | PM_RSTS_PARTITION_HALT);
	rpi2_watchdog_reset();
}

void ukplat_terminate(int status)
{
#if CONFIG_BAREMETAL_ARM32_SEMIHOSTING
	/* Only semihosting can hand a status out; returns if unavailable. */
	arm_semihost_exit(status);
#else
	(void)status;
#endif
	rpi2_halt();
}

/*
 * A crash says so on the console and hands out UKPLAT_STATUS_CRASH where
 * semihosting can carry it; then the board halts too: rebooting would
 * only run into the same crash again.
 */
void ukplat_crash(void)
{
	plat_puts("rpi2: crashed\n");
#if CONFIG_BAREMETAL_ARM32_SEMIHOSTING
	arm_semihost_exit(UKPLAT_STATUS_CRASH);
#endif
	rpi2_halt();
}
