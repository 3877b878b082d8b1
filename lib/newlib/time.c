/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time for newlib: the wall and monotonic clocks of the platform, and
 * sleeping on the scheduler when there is one (else on the clock), which
 * a signal handler interrupts (uk/intr.h).
 */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include <uk/intr.h>
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

/*
 * Sleeps ns on the monotonic clock: 0, or -EINTR when a signal handler
 * ran meanwhile (never restarted, as on Linux), with *left the time that
 * was left.
 */
static int sleep_ns(__nsec ns, __nsec *left)
{
	__nsec until = ukplat_monotonic_clock() + ns, now;
	int rc = 0;

#if CONFIG_LIBUKSCHED
	if (uk_sched_current()) {
		/* A queue nobody wakes: only the deadline or a signal. */
		struct uk_waitq none = UK_WAITQ_INITIALIZER;

		if (uk_waitq_wait_event_intr(&none, 0, until, 0) < 0)
			rc = -EINTR;
	} else
#endif
	{
		while (ukplat_monotonic_clock() < until) {
			if (uk_intr_check() != UK_INTR_NONE) {
				rc = -EINTR;
				break;
			}
		}
	}
	now = ukplat_monotonic_clock();
	*left = rc && now < until ? until - now : 0;
	return rc;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	__nsec left;

	if (req->tv_sec < 0 || req->tv_nsec < 0 ||
	    req->tv_nsec >= NSEC_PER_SEC) {
		errno = EINVAL;
		return -1;
	}
	if (sleep_ns((__nsec)req->tv_sec * NSEC_PER_SEC + req->tv_nsec,
		     &left)) {
		if (rem)
			ns_to_timespec(left, rem);
		errno = EINTR;
		return -1;
	}
	if (rem)
		*rem = (struct timespec){ 0, 0 };
	return 0;
}

int usleep(useconds_t us)
{
	__nsec left;

	if (sleep_ns((__nsec)us * 1000, &left)) {
		errno = EINTR;
		return -1;
	}
	return 0;
}

/* The seconds left, rounded up, when a signal handler ended it. */
unsigned int sleep(unsigned int s)
{
	__nsec left;

	sleep_ns((__nsec)s * NSEC_PER_SEC, &left);
	return (unsigned int)((left + NSEC_PER_SEC - 1) / NSEC_PER_SEC);
}
