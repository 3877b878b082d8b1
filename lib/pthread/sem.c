/* SPDX-License-Identifier: BSD-3-Clause */
/* Unnamed POSIX semaphores on a wait queue; errors through errno. */
#include <errno.h>
#include <semaphore.h>
#include <string.h>
#include <uk/essentials.h>
#include "pthread_impl.h"

_Static_assert(sizeof(((sem_t *)0)->__waitq) == sizeof(struct uk_waitq),
	       "the wait queue fits its place in the type");

static int fail(int err)
{
	errno = err;
	return -1;
}

int sem_init(sem_t *s, int pshared, unsigned int value)
{
	if (!s || value > SEM_VALUE_MAX)
		return fail(EINVAL);
	/* One process: a process-shared semaphore is a private one. */
	(void)pshared;
	memset(s, 0, sizeof(*s));
	s->__value = value;
	return 0;
}

int sem_destroy(sem_t *s)
{
	if (!s)
		return fail(EINVAL);
	if (uk_pthread_wq(s->__waitq)->head)
		return fail(EBUSY);
	return 0;
}

int sem_trywait(sem_t *s)
{
	if (!s)
		return fail(EINVAL);
	if (!s->__value)
		return fail(EAGAIN);
	s->__value--;
	return 0;
}

/* A signal handler that runs meanwhile ends it with EINTR (POSIX). */
static int sem_wait_until(sem_t *s, __nsec deadline)
{
	int rc = uk_waitq_wait_event_intr(uk_pthread_wq(s->__waitq),
					  s->__value, deadline, 0);

	if (rc < 0)
		return fail(EINTR);
	if (!rc)
		return fail(ETIMEDOUT);
	s->__value--;
	return 0;
}

int sem_wait(sem_t *s)
{
	if (!s)
		return fail(EINVAL);
	return sem_wait_until(s, 0);
}

int sem_timedwait(sem_t *__restrict s,
		  const struct timespec *__restrict abstime)
{
	__nsec deadline;
	int rc;

	if (!s)
		return fail(EINVAL);
	if (s->__value) {
		s->__value--;
		return 0;
	}
	do {
		rc = uk_pthread_deadline(CLOCK_REALTIME, abstime, &deadline);
		if (rc)
			return fail(rc);
		rc = sem_wait_until(s, deadline);
	} while (rc && errno == ETIMEDOUT &&
		 !uk_pthread_reached(CLOCK_REALTIME, abstime));
	return rc;
}

int sem_post(sem_t *s)
{
	if (!s)
		return fail(EINVAL);
	if (s->__value == SEM_VALUE_MAX)
		return fail(EOVERFLOW);
	s->__value++;
	uk_waitq_wake_one(uk_pthread_wq(s->__waitq));
	return 0;
}

int sem_getvalue(sem_t *__restrict s, int *__restrict value)
{
	if (!s || !value)
		return fail(EINVAL);
	*value = (int)s->__value;
	return 0;
}
