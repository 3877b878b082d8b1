/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __ARM_TIMER_H__
#define __ARM_TIMER_H__

#include <uk/arch/types.h>

/*
 * The platform's one-shot timer: raise an interrupt once the monotonic
 * clock reaches `until` (ns); the interrupt handler disarms it. Returns
 * < 0 when `until` has passed and no interrupt may come (do not sleep).
 */
int arm_timer_set_deadline(__nsec until);

/* ARM generic timer (virtual timer), for machines that have one. */
int arm_gtimer_init(const void *fdt);

#endif /* __ARM_TIMER_H__ */
