/* SPDX-License-Identifier: BSD-3-Clause */
/* lib/pthread's internals, shared by its files. */
#ifndef __PTHREAD_IMPL_H__
#define __PTHREAD_IMPL_H__

#include <pthread.h>
#include <time.h>
#include <uk/arch/types.h>
#include <uk/sched.h>

#define UK_PTHREAD_KEYS_MAX 64
#define UK_PTHREAD_DESTRUCTOR_ITERATIONS 4

struct __uk_pthread {
	struct uk_thread *thread; /* NULL: not created by pthread_create */
	void *(*start)(void *);
	void *arg;
	void *retval;
	int detached;
	int exited;
	int joining; /* a pthread_join waits for it */
	const void *keys[UK_PTHREAD_KEYS_MAX];
	struct __uk_pthread *next; /* all threads known to lib/pthread */
	struct __uk_pthread *zombie_next; /* exited detached, to free */
};

/* The calling thread's pthread (made on first use for other threads). */
struct __uk_pthread *uk_pthread_self(void);
/* Every thread known to lib/pthread (for pthread_key_delete). */
struct __uk_pthread *uk_pthread_list(void);
/* Runs the key destructors of the calling thread (pthread_exit). */
void uk_pthread_keys_exit(struct __uk_pthread *self);

/*
 * The monotonic deadline for an absolute time on clock (CLOCK_REALTIME or
 * CLOCK_MONOTONIC): 0 with *deadline set, or EINVAL for a bad timespec.
 * A time already past gives the smallest deadline (1), never 0 ("none").
 */
int uk_pthread_deadline(clockid_t clock, const struct timespec *abstime,
			__nsec *deadline);

/*
 * Whether clock has reached the (valid) absolute time abstime. A wait
 * that timed out on its monotonic deadline checks this: CLOCK_REALTIME
 * may have been stepped back meanwhile (Xen adjusts its wall-clock base
 * at run time), and POSIX times out only when the clock itself reaches
 * abstime, so the caller computes a new deadline and waits again.
 */
int uk_pthread_reached(clockid_t clock, const struct timespec *abstime);

static inline struct uk_waitq *uk_pthread_wq(void **q)
{
	return (struct uk_waitq *)q;
}

#endif /* __PTHREAD_IMPL_H__ */
