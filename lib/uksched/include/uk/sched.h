/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uksched: threads on one CPU. The policy (which runnable thread runs
 * next, what runs when none is runnable) is a struct uk_sched registered
 * by a scheduler library (ukschedcoop); this library does the rest:
 * thread stacks, the context switch (ukarch_ctx_*), sleeping, wait queues.
 *
 * Thread-local data: compiled __thread variables, each thread with its own
 * copy initialised from the image's template (the boot thread's from the
 * first early initcall on; see tls.c), where the platform can set the
 * thread pointer (uk_sched_tls_size() != 0 when the image has any); and
 * one pointer per thread, uk_thread_current()->tls (uk_thread_tls_get/set).
 * Where the platform has paging (ukplat_page_guard_size() != 0), a guard
 * page lies under each thread stack: an overflow faults at once and the
 * platform's fault report names the thread. Everywhere, a canary word at
 * the bottom of each stack is checked at every switch, and a thread that
 * overwrote it crashes the system with its name.
 * Queues are touched with interrupts disabled, so interrupt handlers may
 * wake threads (uk_waitq_wake_*); nothing else here is for handlers.
 */
#ifndef __UK_SCHED_H__
#define __UK_SCHED_H__

#include <stddef.h>
#include <uk/arch/types.h>
#include <uk/asm/ctx.h>
#include <uk/essentials.h>
#include <uk/intr.h>
#include <uk/plat/lcpu.h>

struct uk_thread;

struct uk_waitq {
	struct uk_thread *head, *tail;
};

#define UK_WAITQ_INITIALIZER \
	{                    \
		NULL, NULL   \
	}
static inline void uk_waitq_init(struct uk_waitq *wq)
{
	wq->head = wq->tail = NULL;
}

#define UK_THREAD_RUNNABLE 0
#define UK_THREAD_BLOCKED 1
#define UK_THREAD_EXITED 2

struct uk_thread {
	struct ukarch_ctx ctx;
	const char *name;
	void *stack; /* lowest usable byte; NULL for the boot thread */
	size_t stack_size;
	void *stack_mem; /* what was allocated: guard page + stack */
	int guarded; /* the page under stack is a guard page */
	void (*fn)(void *);
	void *arg;
	int state;
	__nsec wakeup; /* when sleeping: the deadline */
	struct uk_thread *rq_next; /* the scheduler's run queue */
	struct uk_thread *wq_next; /* a wait queue */
	struct uk_waitq *wq; /* the wait queue it is on, if any */
	int timed_out; /* its last uk_waitq_wait_until ran out */
	struct uk_thread *sleep_next; /* the sleep list */
	struct uk_waitq exit_wq; /* joiners */
	void *tls; /* thread-local data pointer */
	void *tls_area; /* the __thread variables (uk/asm/tls.h) */
	uintptr_t tlsp; /* thread pointer value; 0: none */
	void *libc; /* the C library's state for it; NULL: the global one */
	struct uk_thread *intr_next; /* in uk_waitq_wait_intr() */
	int interrupted; /* uk_sched_interrupt_waiters() woke it */
};

struct uk_sched {
	/* Set up (e.g. create the idle thread); called once at boot. */
	int (*init)(struct uk_sched *s);
	/* t became runnable. */
	void (*enqueue)(struct uk_sched *s, struct uk_thread *t);
	/* The thread to run next; never NULL (an idle thread at worst). */
	struct uk_thread *(*pick)(struct uk_sched *s);
};

/* Called by the scheduler library from a constructor (UK_CTOR). */
void uk_sched_register(struct uk_sched *s);
struct uk_sched *uk_sched_current(void);

struct uk_thread *uk_thread_current(void);

/*
 * A new thread running fn(arg) on a stack of stack_size bytes (0: the
 * default, CONFIG_LIBUKSCHED_STACK_SIZE). It is runnable at once and
 * must be joined to free it. NULL when memory is short.
 */
struct uk_thread *uk_thread_create(const char *name, void (*fn)(void *),
				   void *arg, size_t stack_size);
/* The same, not started: uk_thread_start() makes it runnable. */
struct uk_thread *uk_thread_alloc(const char *name, void (*fn)(void *),
				  void *arg, size_t stack_size);
void uk_thread_start(struct uk_thread *t);
/* Ends the calling thread (returning from fn does the same). */
void uk_thread_exit(void) __noreturn;
/* Waits until t exited, then frees it. 0, or -EINVAL for oneself. */
int uk_thread_join(struct uk_thread *t);

/*
 * The C library's per-thread state (errno, its buffers), in t->libc. The
 * C library defines these; the defaults here keep none. init runs when a
 * thread is made, in its creator (nonzero: the thread is not made);
 * exit runs in the thread itself as it ends, to free it. The boot thread
 * has none: it uses the C library's global state.
 */
int uk_thread_libc_init(struct uk_thread *t);
void uk_thread_libc_exit(struct uk_thread *t);

static inline void *uk_thread_tls_get(void)
{
	return uk_thread_current()->tls;
}

static inline void uk_thread_tls_set(void *p)
{
	uk_thread_current()->tls = p;
}

void uk_sched_yield(void);
/* Sleep on the monotonic clock (ukplat_monotonic_clock). */
void uk_sched_sleep_until(__nsec deadline);
void uk_sched_sleep_ns(__nsec ns);

/* Block the caller on wq until woken. Re-check the condition after. */
void uk_waitq_wait(struct uk_waitq *wq);
/*
 * Block the caller on wq until woken (1) or until the monotonic clock
 * reaches deadline (0); deadline 0 means no time limit.
 */
int uk_waitq_wait_until(struct uk_waitq *wq, __nsec deadline);
/* Wake the first waiter; 1 if there was one. */
int uk_waitq_wake_one(struct uk_waitq *wq);
/* Wake all waiters; how many. */
int uk_waitq_wake_all(struct uk_waitq *wq);

/*
 * Wait until cond holds. cond is tested with interrupts off: a wake-up
 * from an interrupt handler between the test and the wait would be lost.
 */
#define uk_waitq_wait_event(wq, cond)                               \
	do {                                                        \
		unsigned long __wq_flags = ukplat_lcpu_save_irqf(); \
		while (!(cond))                                     \
			uk_waitq_wait(wq);                          \
		ukplat_lcpu_restore_irqf(__wq_flags);               \
	} while (0)

/*
 * The same with a time limit: evaluates to 1 when cond holds, 0 when the
 * deadline passed first (deadline 0: none).
 */
#define uk_waitq_wait_event_until(wq, cond, deadline)               \
	({                                                          \
		unsigned long __wq_flags = ukplat_lcpu_save_irqf(); \
		int __wq_ok = 1;                                    \
		while (!(cond)) {                                   \
			if (!uk_waitq_wait_until(wq, deadline)) {   \
				__wq_ok = !!(cond);                 \
				break;                              \
			}                                           \
		}                                                   \
		ukplat_lcpu_restore_irqf(__wq_flags);               \
		__wq_ok;                                            \
	})

/*
 * A wait that a signal may interrupt (uk/intr.h): uk_waitq_wait_until()
 * that uk_sched_interrupt_waiters() also ends (then -1), e.g. when a
 * signal timer is set, so that the waiter looks at its deadline again.
 */
int uk_waitq_wait_intr(struct uk_waitq *wq, __nsec deadline);
void uk_sched_interrupt_waiters(void);
/* One step of uk_waitq_wait_event_intr(); called with interrupts off. */
int _uk_waitq_intr_step(struct uk_waitq *wq, __nsec deadline,
			int restartable, unsigned long irqf, int *checked);

/*
 * Wait until cond holds (1), or the deadline passed (0; deadline 0:
 * none), or a signal handler ran that ends the call (-EINTR): one
 * without SA_RESTART, or any when restartable is 0. Signals are looked
 * at before each wait, with interrupts as the caller had them, and cond
 * again after that; the wait ends by the next signal timer's expiry.
 */
#define uk_waitq_wait_event_intr(wq, cond, deadline, restartable)         \
	({                                                                \
		unsigned long __wi_flags = ukplat_lcpu_save_irqf();       \
		int __wi_rc = 1, __wi_checked = 0;                        \
		while (!(cond)) {                                         \
			__wi_rc = _uk_waitq_intr_step(wq, deadline,       \
						      restartable,        \
						      __wi_flags,         \
						      &__wi_checked);     \
			if (__wi_rc <= 0)                                 \
				break;                                    \
		}                                                         \
		if (__wi_rc == 0)                                         \
			__wi_rc = !!(cond);                               \
		ukplat_lcpu_restore_irqf(__wi_flags);                     \
		__wi_rc;                                                  \
	})

/*
 * Bytes of __thread variables each thread gets; 0 when the image has none
 * or the platform cannot set a thread pointer (then they must not be used).
 */
size_t uk_sched_tls_size(void);

/* Context switches done so far (for benchmarks). */
unsigned long uk_sched_switch_count(void);

/* For scheduler libraries: called with interrupts disabled. */
void _uk_sched_schedule(void);
/* Makes sleepers whose deadline passed runnable. */
void _uk_sched_wake_expired(void);
/* The earliest sleep deadline, 0 if none. */
__nsec _uk_sched_next_deadline(void);
/* Whether interrupts were enabled when the scheduler started. */
int _uk_sched_irqs_on_at_boot(void);

#endif /* __UK_SCHED_H__ */
