/* SPDX-License-Identifier: BSD-3-Clause */
/* Absolute POSIX time-outs as monotonic deadlines for wait queues. */
#include <errno.h>
#include <uk/plat/time.h>
#include "pthread_impl.h"

#define NSEC_PER_SEC 1000000000LL

int uk_pthread_deadline(clockid_t clock, const struct timespec *abstime,
			__nsec *deadline)
{
	__nsec now_mono = ukplat_monotonic_clock();
	long long abs, now;

	if (!abstime || abstime->tv_nsec < 0 ||
	    abstime->tv_nsec >= NSEC_PER_SEC || abstime->tv_sec < 0)
		return EINVAL;
	abs = (long long)abstime->tv_sec * NSEC_PER_SEC + abstime->tv_nsec;
	if (clock == CLOCK_MONOTONIC)
		now = now_mono;
	else if (clock == CLOCK_REALTIME)
		now = ukplat_wall_clock();
	else
		return EINVAL;
	if (abs <= now)
		*deadline = 1;
	else
		*deadline = now_mono + (abs - now);
	return 0;
}

int uk_pthread_reached(clockid_t clock, const struct timespec *abstime)
{
	long long abs =
		(long long)abstime->tv_sec * NSEC_PER_SEC + abstime->tv_nsec;
	long long now = clock == CLOCK_MONOTONIC ? ukplat_monotonic_clock() :
						   ukplat_wall_clock();

	return now >= abs;
}
