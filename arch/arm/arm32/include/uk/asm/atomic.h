/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_ATOMIC_H__
#define __UK_ASM_ATOMIC_H__
/*
 * ARMv7-A: GCC's __atomic builtins become ldrex/strex loops with dmb
 * around them (ldrexd/strexd for 64-bit values), which is what we want;
 * no override is needed.
 */
#endif /* __UK_ASM_ATOMIC_H__ */
