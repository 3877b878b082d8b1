/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_ATOMIC_H__
#define __UK_ASM_ATOMIC_H__
/*
 * MIPS32r2 uses GCC's __atomic builtins as they are: 8/16/32-bit
 * operations become ll/sc loops with sync barriers. 64-bit atomics are
 * not lock-free on a 32-bit MIPS (GCC calls libatomic, which we do not
 * link): use them only with interrupts disabled.
 */
#endif /* __UK_ASM_ATOMIC_H__ */
