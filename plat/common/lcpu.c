/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt masking of the logical CPU for platforms that run privileged
 * (kvm, baremetal, xen HVM): the same on every arch, through the arch's
 * own primitives. Idling (ukplat_lcpu_halt_irq_until) needs the
 * platform's timer and stays with each platform.
 */
#include <uk/plat/lcpu.h>
#include <uk/arch/lcpu.h>

void ukplat_lcpu_enable_irq(void)
{
	ukarch_irq_enable();
}

void ukplat_lcpu_disable_irq(void)
{
	ukarch_irq_disable();
}

unsigned long ukplat_lcpu_save_irqf(void)
{
	return ukarch_irq_save();
}

void ukplat_lcpu_restore_irqf(unsigned long flags)
{
	ukarch_irq_restore(flags);
}

int ukplat_lcpu_irqs_disabled(void)
{
	return ukarch_irqs_disabled();
}
