/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time for newlib: the wall and monotonic clocks of the platform, and
 * sleeping on the scheduler when there is one (else on the clock).
 */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include <uk/plat/time.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

#define NSEC_PER_SEC 1000000000LL

static void ns_to_timespec(__nsec ns, struct timespec *ts)
{
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
	switch (id) {
	case CLOCK_REALTIME:
		ns_to_timespec(ukplat_wall_clock(), ts);
		return 0;
	case CLOCK_MONOTONIC:
		ns_to_timespec(ukplat_monotonic_clock(), ts);
		return 0;
	default:
		errno = EINVAL;
		return -1;
	}
}

int clock_getres(clockid_t id, struct timespec *res)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
		if (res)
			*res = (struct timespec){ .tv_sec = 0, .tv_nsec = 1 };
		return 0;
	default:
		errno = EINVAL;
		return -1;
	}
}

int _gettimeofday(struct timeval *tv, void *tz)
{
	__nsec now = ukplat_wall_clock();

	if (tv) {
		tv->tv_sec = now / NSEC_PER_SEC;
		tv->tv_usec = (now % NSEC_PER_SEC) / 1000;
	}
	return 0;
}
extern __typeof__(_gettimeofday) gettimeofday
	__attribute__((weak, alias("_gettimeofday")));

/* clock() counts in CLOCKS_PER_SEC units of times(). */
clock_t _times(struct tms *buf)
{
	clock_t t = ukplat_monotonic_clock() / (NSEC_PER_SEC / CLOCKS_PER_SEC);

	if (buf)
		*buf = (struct tms){ .tms_utime = t };
	return t;
}
extern __typeof__(_times) times __attribute__((weak, alias("_times")));

static void sleep_ns(__nsec ns)
{
	__nsec until = ukplat_monotonic_clock() + ns;

#if CONFIG_LIBUKSCHED
	if (uk_sched_current()) {
		uk_sched_sleep_until(until);
		return;
	}
#endif
	while (ukplat_monotonic_clock() < until)
		;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (req->tv_sec < 0 || req->tv_nsec < 0 ||
	    req->tv_nsec >= NSEC_PER_SEC) {
		errno = EINVAL;
		return -1;
	}
	sleep_ns((__nsec)req->tv_sec * NSEC_PER_SEC + req->tv_nsec);
	if (rem)
		*rem = (struct timespec){ 0, 0 };
	return 0;
}

int usleep(useconds_t us)
{
	sleep_ns((__nsec)us * 1000);
	return 0;
}

unsigned int sleep(unsigned int s)
{
	sleep_ns((__nsec)s * NSEC_PER_SEC);
	return 0;
}
