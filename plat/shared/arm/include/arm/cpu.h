/* SPDX-License-Identifier: BSD-3-Clause */
/* CP15 registers and device memory access shared by the arm platforms. */
#ifndef __ARM_CPU_H__
#define __ARM_CPU_H__

#include <stdint.h>
#include <uk/arch/barrier.h>

#define ARM_CP15_READ(op1, crn, crm, op2)                                     \
	({                                                                    \
		uint32_t __v;                                                 \
		__asm__ __volatile__("mrc p15, " #op1 ", %0, " #crn ", " #crm \
				     ", " #op2                                \
				     : "=r"(__v));                            \
		__v;                                                          \
	})
#define ARM_CP15_WRITE(op1, crn, crm, op2, v)                         \
	__asm__ __volatile__("mcr p15, " #op1 ", %0, " #crn ", " #crm \
			     ", " #op2 ::"r"((uint32_t)(v))           \
			     : "memory")

/* 64-bit CP15 registers (generic timer). */
#define ARM_CP15_READ64(op1, crm)                                        \
	({                                                               \
		uint32_t __lo, __hi;                                     \
		__asm__ __volatile__("mrrc p15, " #op1 ", %0, %1, " #crm \
				     : "=r"(__lo), "=r"(__hi));          \
		((uint64_t)__hi << 32) | __lo;                           \
	})
#define ARM_CP15_WRITE64(op1, crm, v)                                \
	__asm__ __volatile__("mcrr p15, " #op1                       \
			     ", %0, %1, " #crm ::"r"((uint32_t)(v)), \
			     "r"((uint32_t)((uint64_t)(v) >> 32))    \
			     : "memory")

/* Device registers: volatile 32-bit accesses, never split or merged. */
static inline uint32_t arm_mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void arm_mmio_write32(uintptr_t addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

#endif /* __ARM_CPU_H__ */
