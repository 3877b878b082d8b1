/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_TIME_H__
#define __UK_PLAT_TIME_H__

#include <uk/arch/types.h>

#define UKPLAT_NSEC_PER_SEC 1000000000LL
#define ukarch_time_sec_to_nsec(s) ((__nsec)(s)*UKPLAT_NSEC_PER_SEC)
#define ukarch_time_msec_to_nsec(m) ((__nsec)(m)*1000000LL)
#define ukarch_time_usec_to_nsec(u) ((__nsec)(u)*1000LL)

/* Nanoseconds since boot; never goes back. */
__nsec ukplat_monotonic_clock(void);
/* Nanoseconds since the Unix epoch, where the platform knows it; else 0-based. */
__nsec ukplat_wall_clock(void);

#endif /* __UK_PLAT_TIME_H__ */
