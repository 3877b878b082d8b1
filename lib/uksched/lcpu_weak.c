/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt masking for platforms that have no interrupts to mask (linuxu
 * today): a software flag, so the scheduler's save/restore pairs and
 * assertions work the same everywhere. Weak: a platform's own
 * ukplat_lcpu_* replace these at link time.
 */
#include <uk/essentials.h>
#include <uk/plat/lcpu.h>

static int irqs_off;

__weak void ukplat_lcpu_enable_irq(void)
{
	irqs_off = 0;
}

__weak void ukplat_lcpu_disable_irq(void)
{
	irqs_off = 1;
}

__weak unsigned long ukplat_lcpu_save_irqf(void)
{
	unsigned long f = irqs_off;

	irqs_off = 1;
	return f;
}

__weak void ukplat_lcpu_restore_irqf(unsigned long flags)
{
	irqs_off = (int)flags;
}

__weak int ukplat_lcpu_irqs_disabled(void)
{
	return irqs_off;
}
