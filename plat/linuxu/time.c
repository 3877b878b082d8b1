/* SPDX-License-Identifier: BSD-3-Clause */
/* Monotonic time from the host's CLOCK_MONOTONIC, zero at start-up. */
#include <uk/plat/time.h>
#include <linuxu/setup.h>

static __nsec boot_ns;

static __nsec clock_ns(int clk)
{
	struct linuxu_timespec ts;

	if (linuxu_clock_gettime(clk, &ts) < 0)
		return 0;
	return (__nsec)ts.tv_sec * UKPLAT_NSEC_PER_SEC + ts.tv_nsec;
}

void linuxu_time_init(void)
{
	boot_ns = clock_ns(LINUXU_CLOCK_MONOTONIC);
}

__nsec ukplat_monotonic_clock(void)
{
	return clock_ns(LINUXU_CLOCK_MONOTONIC) - boot_ns;
}

__nsec ukplat_wall_clock(void)
{
	return clock_ns(LINUXU_CLOCK_REALTIME);
}
