/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stddef.h>
#include <time.h>
#include <uk/plat/time.h>

int clock_gettime(clockid_t clk_id, struct timespec *tp)
{
	__nsec now;

	switch (clk_id) {
	case CLOCK_REALTIME:
		now = ukplat_wall_clock();
		break;
	case CLOCK_MONOTONIC:
		now = ukplat_monotonic_clock();
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	tp->tv_sec = now / UKPLAT_NSEC_PER_SEC;
	tp->tv_nsec = now % UKPLAT_NSEC_PER_SEC;
	return 0;
}

time_t time(time_t *tloc)
{
	time_t now = ukplat_wall_clock() / UKPLAT_NSEC_PER_SEC;

	if (tloc)
		*tloc = now;
	return now;
}

clock_t clock(void)
{
	return (clock_t)(ukplat_monotonic_clock() /
			 (UKPLAT_NSEC_PER_SEC / CLOCKS_PER_SEC));
}
