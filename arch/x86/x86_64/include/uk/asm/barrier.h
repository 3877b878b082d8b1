/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_BARRIER_H__
#define __UK_ASM_BARRIER_H__

#define mb() __asm__ __volatile__("mfence" ::: "memory")
#define rmb() __asm__ __volatile__("lfence" ::: "memory")
#define wmb() __asm__ __volatile__("sfence" ::: "memory")

#endif /* __UK_ASM_BARRIER_H__ */
