/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_BARRIER_H__
#define __UK_ASM_BARRIER_H__

/* Ordering between CPUs and devices: the full system domain. */
#define mb() __asm__ __volatile__("dsb sy" ::: "memory")
/* ARMv7 has no load-only barrier option: loads need the full one. */
#define rmb() __asm__ __volatile__("dsb sy" ::: "memory")
#define wmb() __asm__ __volatile__("dsb st" ::: "memory")

/* Ordering of normal memory between CPUs (inner shareable). */
#define smp_mb() __asm__ __volatile__("dmb ish" ::: "memory")
#define smp_rmb() __asm__ __volatile__("dmb ish" ::: "memory")
#define smp_wmb() __asm__ __volatile__("dmb ishst" ::: "memory")

/* After a system register write, before relying on its effect. */
#define isb() __asm__ __volatile__("isb" ::: "memory")
#define dsb() __asm__ __volatile__("dsb sy" ::: "memory")
#define dmb() __asm__ __volatile__("dmb sy" ::: "memory")

#endif /* __UK_ASM_BARRIER_H__ */
