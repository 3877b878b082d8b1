/* SPDX-License-Identifier: BSD-3-Clause */
/* The logical CPU: interrupt masking and idling. */
#ifndef __UK_PLAT_LCPU_H__
#define __UK_PLAT_LCPU_H__

#include <uk/arch/types.h>

void ukplat_lcpu_enable_irq(void);
void ukplat_lcpu_disable_irq(void);
unsigned long ukplat_lcpu_save_irqf(void);
void ukplat_lcpu_restore_irqf(unsigned long flags);
int ukplat_lcpu_irqs_disabled(void);

/*
 * Idle: sleep until an interrupt arrives or the monotonic clock reaches
 * `until` (ns; 0 = no deadline), whichever is first. The platform arms
 * its one-shot timer for the deadline. Called and returns with
 * interrupts disabled; pending interrupts are handled before it returns.
 */
void ukplat_lcpu_halt_irq_until(__nsec until);

#endif /* __UK_PLAT_LCPU_H__ */
