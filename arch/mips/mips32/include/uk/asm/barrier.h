/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_BARRIER_H__
#define __UK_ASM_BARRIER_H__

/*
 * MIPS32 has one completion barrier, sync (stype 0), which orders all
 * loads and stores; the lighter stypes are optional in r2, so every
 * barrier is a full one.
 */
#define mb() __asm__ __volatile__("sync" ::: "memory")
#define rmb() mb()
#define wmb() mb()

#endif /* __UK_ASM_BARRIER_H__ */
