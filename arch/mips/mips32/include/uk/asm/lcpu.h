/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MIPS32r2 CPU control: interrupts are masked through CP0 Status.IE with
 * the r2 di/ei instructions, idling is wait. These are privileged: a
 * linuxu process must not call them (it gets SIGILL).
 */
#ifndef __UK_ASM_LCPU_H__
#define __UK_ASM_LCPU_H__

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <uk/asm/cp0.h>

static inline void ukarch_spinwait(void)
{
	/* r2 has no pause (that is MT/r2.5); a compiler barrier suffices. */
	__asm__ __volatile__("" ::: "memory");
}

/* Wait for an interrupt; wakes only for an enabled one (Status.IE). */
static inline void ukarch_halt(void)
{
	__asm__ __volatile__("wait" ::: "memory");
}

static inline void ukarch_irq_enable(void)
{
	__asm__ __volatile__("ei\n\tehb" ::: "memory");
}

static inline void ukarch_irq_disable(void)
{
	__asm__ __volatile__("di\n\tehb" ::: "memory");
}

/* Returns the old Status (only its IE bit matters to restore). */
static inline unsigned long ukarch_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("di %0\n\tehb" : "=r"(flags)::"memory");
	return flags;
}

static inline void ukarch_irq_restore(unsigned long flags)
{
	if (flags & ST_IE)
		ukarch_irq_enable();
}

static inline int ukarch_irqs_disabled(void)
{
	return !(mips32_cp0_read(CP0_STATUS) & ST_IE);
}

/* The CP0 cycle counter (32 bits; the platform knows its rate). */
static inline uint32_t ukarch_read_count(void)
{
	return (uint32_t)mips32_cp0_read(CP0_COUNT);
}
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_LCPU_H__ */
