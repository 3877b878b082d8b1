/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_LCPU_H__
#define __UK_ASM_LCPU_H__

#include <uk/asm/arch.h>

#ifndef __ASSEMBLY__
#include <stdint.h>

/*
 * In user mode (linuxu) cps is a no-op and mrs reads only the flags the
 * kernel lets a process see, so these are harmless there.
 */
static inline void ukarch_spinwait(void)
{
	__asm__ __volatile__("yield" ::: "memory");
}

/* Waits for an interrupt; wakes on a pending one even while masked. */
static inline void ukarch_halt(void)
{
	__asm__ __volatile__("dsb sy; wfi" ::: "memory");
}

static inline void ukarch_irq_enable(void)
{
	__asm__ __volatile__("cpsie i" ::: "memory");
}

static inline void ukarch_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" ::: "memory");
}

static inline unsigned long ukarch_read_cpsr(void)
{
	unsigned long cpsr;

	__asm__ __volatile__("mrs %0, cpsr" : "=r"(cpsr)::"memory");
	return cpsr;
}

static inline unsigned long ukarch_irq_save(void)
{
	unsigned long flags = ukarch_read_cpsr();

	ukarch_irq_disable();
	return flags;
}

static inline void ukarch_irq_restore(unsigned long flags)
{
	if (!(flags & ARM_PSR_I))
		ukarch_irq_enable();
}

static inline int ukarch_irqs_disabled(void)
{
	return !!(ukarch_read_cpsr() & ARM_PSR_I);
}
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_LCPU_H__ */
