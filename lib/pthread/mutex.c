/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mutexes on a uksched wait queue. Threads are cooperative, so the
 * fields change without atomics: nothing runs between a test and the
 * following update unless the thread blocks. A normal or default mutex
 * relocked by its owner returns EDEADLK: on one CPU with cooperative
 * threads that wait could never end.
 */
#include <errno.h>
#include <string.h>
#include <uk/essentials.h>
#include "pthread_impl.h"

_Static_assert(sizeof(((pthread_mutex_t *)0)->__waitq) ==
		       sizeof(struct uk_waitq),
	       "the wait queue fits its place in the type");

int pthread_mutexattr_init(pthread_mutexattr_t *a)
{
	if (!a)
		return EINVAL;
	memset(a, 0, sizeof(*a));
	a->is_initialized = 1;
	a->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *a)
{
	if (!a || !a->is_initialized)
		return EINVAL;
	a->is_initialized = 0;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *a, int type)
{
	if (!a || !a->is_initialized || type < PTHREAD_MUTEX_NORMAL ||
	    type > PTHREAD_MUTEX_DEFAULT)
		return EINVAL;
	a->type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *type)
{
	if (!a || !a->is_initialized || !type)
		return EINVAL;
	*type = a->type;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	if (!m || (a && !a->is_initialized))
		return EINVAL;
	memset(m, 0, sizeof(*m));
	m->__type = a ? a->type : PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	if (!m)
		return EINVAL;
	if (m->__owner)
		return EBUSY;
	return 0;
}

/* deadline: 0 blocks without limit, ~0 never blocks (trylock). */
static int mutex_lock(pthread_mutex_t *m, __nsec deadline, int try)
{
	struct __uk_pthread *self = uk_pthread_self();

	if (!m)
		return EINVAL;
	if (m->__owner == self) {
		if (m->__type != PTHREAD_MUTEX_RECURSIVE)
			return try ? EBUSY : EDEADLK;
		if (m->__count == ~0U)
			return EAGAIN;
		m->__count++;
		return 0;
	}
	while (m->__owner) {
		if (try)
			return EBUSY;
		if (!uk_waitq_wait_until(uk_pthread_wq(m->__waitq), deadline) &&
		    m->__owner)
			return ETIMEDOUT;
	}
	m->__owner = self;
	m->__count = 1;
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	return mutex_lock(m, 0, 0);
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	return mutex_lock(m, 0, 1);
}

int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
	__nsec deadline;
	int rc;

	/* The time is looked at only when the mutex is taken. */
	if (m && m->__owner == uk_pthread_self() &&
	    m->__type != PTHREAD_MUTEX_RECURSIVE)
		return EDEADLK;
	rc = mutex_lock(m, 0, 1);
	if (rc != EBUSY)
		return rc;
	do {
		rc = uk_pthread_deadline(CLOCK_REALTIME, abstime, &deadline);
		if (!rc)
			rc = mutex_lock(m, deadline, 0);
	} while (rc == ETIMEDOUT &&
		 !uk_pthread_reached(CLOCK_REALTIME, abstime));
	return rc;
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (!m)
		return EINVAL;
	if (m->__owner != uk_pthread_self())
		return EPERM;
	if (--m->__count)
		return 0;
	m->__owner = NULL;
	uk_waitq_wake_one(uk_pthread_wq(m->__waitq));
	return 0;
}
