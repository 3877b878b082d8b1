/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Condition variables: a wait queue. Releasing the mutex and starting to
 * wait cannot be separated by another thread (cooperative threads), so
 * no wake-up is lost in between.
 */
#include <errno.h>
#include <string.h>
#include <uk/intr.h>
#include <uk/plat/time.h>
#include "pthread_impl.h"

/* __clock 0 is the default, CLOCK_REALTIME. */
static clockid_t cond_clock(const pthread_cond_t *c)
{
	return c->__clock ? (clockid_t)c->__clock : CLOCK_REALTIME;
}

int pthread_condattr_init(pthread_condattr_t *a)
{
	if (!a)
		return EINVAL;
	memset(a, 0, sizeof(*a));
	a->is_initialized = 1;
	a->clock = CLOCK_REALTIME;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *a)
{
	if (!a || !a->is_initialized)
		return EINVAL;
	a->is_initialized = 0;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *a, clockid_t clock)
{
	if (!a || !a->is_initialized ||
	    (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC))
		return EINVAL;
	a->clock = clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *__restrict a,
			      clockid_t *__restrict clock)
{
	if (!a || !a->is_initialized || !clock)
		return EINVAL;
	*clock = a->clock;
	return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
	if (!c || (a && !a->is_initialized))
		return EINVAL;
	memset(c, 0, sizeof(*c));
	c->__clock = a ? (int)a->clock : 0;
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	if (!c)
		return EINVAL;
	if (uk_pthread_wq(c->__waitq)->head)
		return EBUSY;
	return 0;
}

static int cond_wait(pthread_cond_t *c, pthread_mutex_t *m, __nsec deadline)
{
	__nsec until = deadline, sig;
	unsigned int count;
	int woken;

	if (!c || !m)
		return EINVAL;
	if (m->__owner != uk_pthread_self())
		return EPERM;
	count = m->__count;
	m->__count = 1;
	pthread_mutex_unlock(m);
	/* Up to the next signal timer too, whose handler then runs. */
	sig = uk_intr_deadline();
	if (sig && (!until || sig < until))
		until = sig;
	woken = uk_waitq_wait_intr(uk_pthread_wq(c->__waitq), until);
	if (woken <= 0)
		uk_intr_check();
	pthread_mutex_lock(m);
	m->__count = count;
	/* After a signal: a spurious wake-up (POSIX: never EINTR). */
	if (woken <= 0 && deadline && ukplat_monotonic_clock() >= deadline)
		return ETIMEDOUT;
	return 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return cond_wait(c, m, 0);
}

int pthread_cond_timedwait(pthread_cond_t *__restrict c,
			   pthread_mutex_t *__restrict m,
			   const struct timespec *__restrict abstime)
{
	__nsec deadline;
	int rc;

	if (!c)
		return EINVAL;
	rc = uk_pthread_deadline(cond_clock(c), abstime, &deadline);
	if (rc)
		return rc;
	rc = cond_wait(c, m, deadline);
	/*
	 * Timed out on the deadline while the clock was stepped back: a
	 * spurious wake-up, which the caller's predicate loop absorbs.
	 * Waiting again here could miss a signal sent meanwhile.
	 */
	if (rc == ETIMEDOUT && !uk_pthread_reached(cond_clock(c), abstime))
		return 0;
	return rc;
}

int pthread_cond_signal(pthread_cond_t *c)
{
	if (!c)
		return EINVAL;
	uk_waitq_wake_one(uk_pthread_wq(c->__waitq));
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	if (!c)
		return EINVAL;
	uk_waitq_wake_all(uk_pthread_wq(c->__waitq));
	return 0;
}
