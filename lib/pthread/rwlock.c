/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Read-write locks. __readers counts the readers holding it, -1 when a
 * writer does. Waiting writers go first: a new reader waits while one
 * is queued, so a stream of readers cannot starve a writer.
 */
#include <errno.h>
#include <string.h>
#include "pthread_impl.h"

int pthread_rwlockattr_init(pthread_rwlockattr_t *a)
{
	if (!a)
		return EINVAL;
	memset(a, 0, sizeof(*a));
	a->is_initialized = 1;
	return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *a)
{
	if (!a || !a->is_initialized)
		return EINVAL;
	a->is_initialized = 0;
	return 0;
}

int pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *a)
{
	if (!l || (a && !a->is_initialized))
		return EINVAL;
	memset(l, 0, sizeof(*l));
	return 0;
}

int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
	if (!l)
		return EINVAL;
	if (l->__readers || l->__writers_waiting)
		return EBUSY;
	return 0;
}

/* mode: 0 blocks (until deadline, 0: none), 1 try. */
static int rdlock(pthread_rwlock_t *l, int try, __nsec deadline)
{
	if (!l)
		return EINVAL;
	if (l->__readers < 0 && l->__owner == uk_pthread_self())
		return try ? EBUSY : EDEADLK;
	while (l->__readers < 0 || l->__writers_waiting) {
		if (try)
			return EBUSY;
		if (!uk_waitq_wait_until(uk_pthread_wq(l->__rwaitq),
					 deadline) &&
		    (l->__readers < 0 || l->__writers_waiting))
			return ETIMEDOUT;
	}
	l->__readers++;
	return 0;
}

static int wrlock(pthread_rwlock_t *l, int try, __nsec deadline)
{
	struct __uk_pthread *self = uk_pthread_self();
	int rc = 0;

	if (!l)
		return EINVAL;
	if (l->__readers < 0 && l->__owner == self)
		return try ? EBUSY : EDEADLK;
	if (l->__readers && try)
		return EBUSY;
	l->__writers_waiting++;
	while (l->__readers) {
		if (!uk_waitq_wait_until(uk_pthread_wq(l->__wwaitq),
					 deadline) &&
		    l->__readers) {
			rc = ETIMEDOUT;
			break;
		}
	}
	l->__writers_waiting--;
	if (rc) {
		/* Readers held back for this writer may go now. */
		if (!l->__writers_waiting && l->__readers >= 0)
			uk_waitq_wake_all(uk_pthread_wq(l->__rwaitq));
		return rc;
	}
	l->__readers = -1;
	l->__owner = self;
	return 0;
}

int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	return rdlock(l, 0, 0);
}

int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
	return rdlock(l, 1, 0);
}

int pthread_rwlock_timedrdlock(pthread_rwlock_t *l,
			       const struct timespec *abstime)
{
	__nsec deadline;
	int rc = rdlock(l, 1, 0);

	if (rc != EBUSY)
		return rc;
	do {
		rc = uk_pthread_deadline(CLOCK_REALTIME, abstime, &deadline);
		if (!rc)
			rc = rdlock(l, 0, deadline);
	} while (rc == ETIMEDOUT &&
		 !uk_pthread_reached(CLOCK_REALTIME, abstime));
	return rc;
}

int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
	return wrlock(l, 0, 0);
}

int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
	return wrlock(l, 1, 0);
}

int pthread_rwlock_timedwrlock(pthread_rwlock_t *l,
			       const struct timespec *abstime)
{
	__nsec deadline;
	int rc = wrlock(l, 1, 0);

	if (rc != EBUSY)
		return rc;
	do {
		rc = uk_pthread_deadline(CLOCK_REALTIME, abstime, &deadline);
		if (!rc)
			rc = wrlock(l, 0, deadline);
	} while (rc == ETIMEDOUT &&
		 !uk_pthread_reached(CLOCK_REALTIME, abstime));
	return rc;
}

int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	if (!l)
		return EINVAL;
	if (l->__readers < 0) {
		if (l->__owner != uk_pthread_self())
			return EPERM;
		l->__readers = 0;
		l->__owner = NULL;
	} else if (l->__readers > 0) {
		l->__readers--;
	} else {
		return EPERM;
	}
	if (l->__readers)
		return 0;
	if (l->__writers_waiting)
		uk_waitq_wake_one(uk_pthread_wq(l->__wwaitq));
	else
		uk_waitq_wake_all(uk_pthread_wq(l->__rwaitq));
	return 0;
}
