/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupting calls that wait. A call that blocks (a console, pipe or
 * socket read, nanosleep, sem_wait...) asks uk_intr_check() between two
 * looks at what it waits for, and waits no later than uk_intr_deadline().
 * The signal library (lib/signal) provides both when it is in the image:
 * the check runs the handlers of the signals that are pending and not
 * blocked (an expired alarm timer included) and says how the call goes
 * on. Without it nothing ever interrupts a wait. With uksched, the
 * waits themselves are uk_waitq_wait_event_intr() (uk/sched.h).
 */
#ifndef __UK_INTR_H__
#define __UK_INTR_H__

#include <uk/arch/types.h>

/* uk_intr_check(): no handler ran. */
#define UK_INTR_NONE 0
/* Handlers ran, all with SA_RESTART: a read or write goes on waiting. */
#define UK_INTR_RESTART 1
/* A handler without SA_RESTART ran: the call ends with EINTR. */
#define UK_INTR_EINTR 2

/* Defined by lib/signal; weak references, NULL without it. */
int _uk_intr_check(void) __attribute__((weak));
__nsec _uk_intr_deadline(void) __attribute__((weak));

/* Runs what is pending: UK_INTR_NONE, UK_INTR_RESTART or UK_INTR_EINTR. */
static inline int uk_intr_check(void)
{
	return _uk_intr_check ? _uk_intr_check() : UK_INTR_NONE;
}

/* When the next timer signal is due (monotonic clock), 0: none. */
static inline __nsec uk_intr_deadline(void)
{
	return _uk_intr_deadline ? _uk_intr_deadline() : 0;
}

/* Whether a call that restarts (with SA_RESTART) or not must end. */
static inline int uk_intr_ends(int intr, int restartable)
{
	return intr == UK_INTR_EINTR ||
	       (intr == UK_INTR_RESTART && !restartable);
}

#endif /* __UK_INTR_H__ */
