/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Leaving the unikernel. Three ways, from the most to the least
 * informative:
 * - UHI semihosting exit(status) (CONFIG_MALTA_SEMIHOSTING_EXIT): QEMU
 *   started with -semihosting exits with that status. On a real board
 *   without a debug probe sdbbp traps: keep it off there.
 * - PIIX4 soft-off for status 0: QEMU exits with 0, the board powers off.
 * - a board reset for anything else (crash, non-zero status), after a
 *   last console line "malta: exit status N" or "malta: crash": with
 *   -no-reboot QEMU exits 0 too, so that line is what tells a caller
 *   (support/scripts/run/baremetal-mips32.sh) the status.
 */
#include <uk/essentials.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/bootstrap.h>
#include <malta/malta.h>

/* PIIX4 function 3 (power management) is device 10 on the Malta. */
#define PIIX4_DEV 10
#define PIIX4_FN_PM 3
#define PM_PMBA 0x40 /* I/O base of the PM registers */
#define PM_PMREGMISC 0x80 /* bit 0: PM I/O space enabled */
/* An otherwise unused ISA I/O range for the PM registers. */
#define PM_IO_BASE 0x1000
#define PM_PMCNTRL 0x04 /* 16-bit */
#define PMCNTRL_SUS_EN 0x2000 /* enter the SUS_TYP state (0 = soft-off) */

#define UHI_EXIT 1

static void uhi_exit(int status)
{
#if CONFIG_MALTA_SEMIHOSTING_EXIT
	/* UHI: operation in t9 ($25), argument in a0, then sdbbp 1. */
	register long op __asm__("$25") = UHI_EXIT;
	register long a0 __asm__("$4") = status;

	__asm__ __volatile__("sdbbp 1" : : "r"(op), "r"(a0) : "memory");
#else
	(void)status;
#endif
}

static void __noreturn piix4_poweroff(void)
{
	uint32_t misc;

	malta_pci_write32(PIIX4_DEV, PIIX4_FN_PM, PM_PMBA, PM_IO_BASE | 1);
	misc = malta_pci_read32(PIIX4_DEV, PIIX4_FN_PM, PM_PMREGMISC);
	malta_pci_write32(PIIX4_DEV, PIIX4_FN_PM, PM_PMREGMISC, misc | 1);
	malta_outw(PM_IO_BASE + PM_PMCNTRL, PMCNTRL_SUS_EN);
	/* Power is going away; if it does not, reset. */
	malta_reset();
}

void malta_reset(void)
{
	*(volatile uint32_t *)MALTA_SOFTRES = MALTA_SOFTRES_GO;
	for (;;)
		ukarch_halt();
}

void ukplat_terminate(int status)
{
	ukarch_irq_disable();
	uhi_exit(status);
	if (status == UKPLAT_STATUS_SUCCESS)
		piix4_poweroff();
	/* The run script reads this line: it must be a line of its own. */
	malta_newline();
	plat_puts("malta: exit status ");
	plat_putint(status);
	plat_puts("\n");
	malta_reset();
}

void ukplat_crash(void)
{
	ukarch_irq_disable();
	malta_newline();
	plat_puts("malta: crash\n");
	uhi_exit(UKPLAT_STATUS_CRASH);
	malta_reset();
}
