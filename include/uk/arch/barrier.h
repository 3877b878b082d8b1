/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ARCH_BARRIER_H__
#define __UK_ARCH_BARRIER_H__

/* The arch defines mb(), rmb(), wmb() in <uk/asm/barrier.h>. */
#include <uk/asm/barrier.h>

#define barrier() __asm__ __volatile__("" ::: "memory")

#endif /* __UK_ARCH_BARRIER_H__ */
