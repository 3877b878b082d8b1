/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uklock: a mutex (not recursive; only the owner unlocks), a counting
 * semaphore and a condition variable, blocking on uksched wait queues.
 * Without CONFIG_LIBUKSCHED the same API works single-threaded; a wait
 * that could never end crashes (see Config.uk). Not for interrupt
 * handlers, except uk_semaphore_up().
 */
#ifndef __UK_LOCK_H__
#define __UK_LOCK_H__

#include <uk/arch/types.h>
#include <uk/essentials.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

struct uk_mutex {
	void *owner; /* the holding thread, NULL when free */
#if CONFIG_LIBUKSCHED
	struct uk_waitq wq;
#endif
};

struct uk_semaphore {
	long count;
#if CONFIG_LIBUKSCHED
	struct uk_waitq wq;
#endif
};

struct uk_condvar {
#if CONFIG_LIBUKSCHED
	struct uk_waitq wq;
#else
	int unused;
#endif
};

void uk_mutex_init(struct uk_mutex *m);
void uk_mutex_lock(struct uk_mutex *m);
/* 1 if taken, 0 if held by someone. */
int uk_mutex_trylock(struct uk_mutex *m);
void uk_mutex_unlock(struct uk_mutex *m);
static inline int uk_mutex_is_locked(const struct uk_mutex *m)
{
	return m->owner != NULL;
}

void uk_semaphore_init(struct uk_semaphore *s, long count);
void uk_semaphore_down(struct uk_semaphore *s);
/* 1 if taken, 0 if the count was zero. */
int uk_semaphore_down_try(struct uk_semaphore *s);
/*
 * Take one, waiting at most until the monotonic clock reaches deadline
 * (0: no limit). 1 if taken, 0 if the deadline passed first.
 */
int uk_semaphore_down_until(struct uk_semaphore *s, __nsec deadline);
void uk_semaphore_up(struct uk_semaphore *s);

void uk_condvar_init(struct uk_condvar *c);
/* Unlocks m, waits for a signal, locks m again. */
void uk_condvar_wait(struct uk_condvar *c, struct uk_mutex *m);
void uk_condvar_signal(struct uk_condvar *c);
void uk_condvar_broadcast(struct uk_condvar *c);

#endif /* __UK_LOCK_H__ */
