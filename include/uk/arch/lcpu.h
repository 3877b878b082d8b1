/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CPU control: the arch provides, in <uk/asm/lcpu.h>,
 *   ukarch_halt()          wait for an interrupt (hlt, wfi, wait)
 *   ukarch_irq_disable() / ukarch_irq_enable()
 *   ukarch_irq_save() / ukarch_irq_restore(flags)
 *   ukarch_irqs_disabled()
 *   ukarch_spinwait()      a pause hint for busy loops
 * On linuxu these are user-space safe (signals stand for interrupts).
 */
#ifndef __UK_ARCH_LCPU_H__
#define __UK_ARCH_LCPU_H__

#include <uk/arch/types.h>
#include <uk/asm/lcpu.h>

#endif /* __UK_ARCH_LCPU_H__ */
