/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Atomics. GCC's __atomic builtins lower to the right instructions on every
 * supported arch (lock-prefixed ops on x86_64, ldrex/strex on ARMv7, ll/sc on
 * MIPS32); an arch overrides an operation in <uk/asm/atomic.h> when needed.
 */
#ifndef __UK_ARCH_ATOMIC_H__
#define __UK_ARCH_ATOMIC_H__

#include <uk/asm/atomic.h>

#define uk_load_n(p) __atomic_load_n(p, __ATOMIC_SEQ_CST)
#define uk_store_n(p, v) __atomic_store_n(p, v, __ATOMIC_SEQ_CST)
#define uk_fetch_add(p, v) __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST)
#define uk_fetch_sub(p, v) __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST)
#define uk_inc(p) __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST)
#define uk_dec(p) __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST)
#define uk_exchange_n(p, v) __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST)
#define uk_compare_exchange_n(p, expected, desired)                            \
	__atomic_compare_exchange_n(p, expected, desired, 0, __ATOMIC_SEQ_CST, \
				    __ATOMIC_SEQ_CST)
#define uk_test_and_set_bit(nr, p) \
	((__atomic_fetch_or((p), 1UL << (nr), __ATOMIC_SEQ_CST) >> (nr)) & 1)
#define uk_clear_bit(nr, p) \
	((void)__atomic_fetch_and((p), ~(1UL << (nr)), __ATOMIC_SEQ_CST))

#endif /* __UK_ARCH_ATOMIC_H__ */
