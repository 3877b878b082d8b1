/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_LCPU_H__
#define __UK_ASM_LCPU_H__

#ifndef __ASSEMBLY__
#include <stdint.h>

#define X86_EFLAGS_IF (1UL << 9)

#ifdef CONFIG_PLAT_ONLY_USERSPACE
/* A Linux process cannot touch IF; the platform masks signals instead. */
#endif

static inline void ukarch_spinwait(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

static inline void ukarch_halt(void)
{
	__asm__ __volatile__("hlt" ::: "memory");
}

static inline void ukarch_irq_enable(void)
{
	__asm__ __volatile__("sti" ::: "memory");
}

static inline void ukarch_irq_disable(void)
{
	__asm__ __volatile__("cli" ::: "memory");
}

static inline unsigned long ukarch_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0; cli" : "=r"(flags)::"memory");
	return flags;
}

static inline void ukarch_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		ukarch_irq_enable();
}

static inline int ukarch_irqs_disabled(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(flags)::"memory");
	return !(flags & X86_EFLAGS_IF);
}

static inline uint64_t ukarch_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_LCPU_H__ */
