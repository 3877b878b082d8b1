/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system layer on uksched and uklock.
 *
 * uksched has no "wait on a queue until a deadline", and lwIP needs one
 * (its core thread waits for a message or its next timer; select() and
 * SO_RCVTIMEO wait with time-outs). So semaphores keep their own FIFO of
 * waiters, each blocked on a private wait queue: a signal hands the count
 * to the first waiter and wakes exactly that thread; a timer thread wakes
 * the waiters whose deadline passed. The timer thread sleeps until the
 * earliest deadline, but at most TIMER_TICK at a time, because a waiter
 * with an earlier deadline may arrive while it sleeps and it cannot be
 * woken early: a time-out may fire up to TIMER_TICK late, a signal is
 * never late.
 *
 * The scheduler is cooperative; lists are still changed with interrupts
 * off so that nothing here depends on that.
 */
#include <errno.h>
#include <string.h>
#include <lwip/opt.h>
#include <lwip/err.h>
#include <lwip/sys.h>
#include <arch/sys_arch.h>
#include <uk/alloc.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <uk/assert.h>
#include <uk/print.h>
#include <uk/sched.h>

#define TIMER_TICK (10 * 1000 * 1000LL) /* ns */

enum { W_WAITING, W_SIGNALLED, W_TIMEDOUT };

struct uk_lwip_waiter {
	struct uk_waitq wq;
	struct uk_lwip_waiter *next; /* in the semaphore's FIFO */
	struct uk_lwip_waiter *tnext; /* in the timer's list, by deadline */
	struct uk_lwip_sem *sem;
	__nsec deadline; /* 0: none */
	int state;
};

static struct uk_lwip_waiter *timed; /* sorted by deadline */
static struct uk_waitq timer_wq = UK_WAITQ_INITIALIZER;
static struct uk_thread *timer_thread;

/* With interrupts off. */
static void sem_unlink(struct uk_lwip_waiter *w)
{
	struct uk_lwip_sem *s = w->sem;
	struct uk_lwip_waiter **pp = &s->head, *prev = NULL;

	while (*pp && *pp != w) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	if (!*pp)
		return;
	*pp = w->next;
	if (s->tail == w)
		s->tail = prev;
}

static void timer_unlink(struct uk_lwip_waiter *w)
{
	struct uk_lwip_waiter **pp = &timed;

	while (*pp && *pp != w)
		pp = &(*pp)->tnext;
	if (*pp)
		*pp = w->tnext;
}

static void timer_main(void *arg __unused)
{
	unsigned long flags;
	__nsec now, until;

	for (;;) {
		flags = ukplat_lcpu_save_irqf();
		now = ukplat_monotonic_clock();
		while (timed && timed->deadline <= now) {
			struct uk_lwip_waiter *w = timed;

			timed = w->tnext;
			/* Signalled but not yet run: it has the count, and
			 * a time-out now would lose it. */
			if (w->state != W_WAITING)
				continue;
			sem_unlink(w);
			w->state = W_TIMEDOUT;
			uk_waitq_wake_one(&w->wq);
		}
		if (!timed) {
			/* Still with interrupts off: no wake-up lost. */
			while (!timed)
				uk_waitq_wait(&timer_wq);
			ukplat_lcpu_restore_irqf(flags);
			continue;
		}
		until = timed->deadline;
		if (until > now + TIMER_TICK)
			until = now + TIMER_TICK;
		ukplat_lcpu_restore_irqf(flags);
		uk_sched_sleep_until(until);
	}
}

static void sem_init(struct uk_lwip_sem *s, long count)
{
	s->count = count;
	s->head = s->tail = NULL;
	s->valid = 1;
}

/* Time waited in ms, or SYS_ARCH_TIMEOUT; timeout_ms 0 waits forever. */
static u32_t sem_wait(struct uk_lwip_sem *s, u32_t timeout_ms)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	struct uk_lwip_waiter w, **pp;
	__nsec start;

	if (s->count > 0) {
		s->count--;
		ukplat_lcpu_restore_irqf(flags);
		return 0;
	}
	start = ukplat_monotonic_clock();
	uk_waitq_init(&w.wq);
	w.next = NULL;
	w.sem = s;
	w.state = W_WAITING;
	w.deadline = 0;
	if (s->tail)
		s->tail->next = &w;
	else
		s->head = &w;
	s->tail = &w;
	if (timeout_ms) {
		w.deadline = start + (__nsec)timeout_ms * 1000000LL;
		for (pp = &timed; *pp && (*pp)->deadline <= w.deadline;
		     pp = &(*pp)->tnext)
			;
		w.tnext = *pp;
		*pp = &w;
		uk_waitq_wake_one(&timer_wq);
	}
	while (w.state == W_WAITING)
		uk_waitq_wait(&w.wq);
	if (w.deadline && w.state == W_SIGNALLED)
		timer_unlink(&w);
	ukplat_lcpu_restore_irqf(flags);
	if (w.state == W_TIMEDOUT)
		return SYS_ARCH_TIMEOUT;
	return (u32_t)((ukplat_monotonic_clock() - start) / 1000000LL);
}

static int sem_trywait(struct uk_lwip_sem *s)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	int ok = s->count > 0;

	if (ok)
		s->count--;
	ukplat_lcpu_restore_irqf(flags);
	return ok;
}

static void sem_signal(struct uk_lwip_sem *s)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	struct uk_lwip_waiter *w = s->head;

	if (w) {
		/* The count goes straight to the first waiter. */
		s->head = w->next;
		if (!s->head)
			s->tail = NULL;
		w->state = W_SIGNALLED;
		uk_waitq_wake_one(&w->wq);
	} else {
		s->count++;
	}
	ukplat_lcpu_restore_irqf(flags);
}

void sys_init(void)
{
	if (!timer_thread)
		timer_thread =
			uk_thread_create("lwip-timer", timer_main, NULL, 4096);
	if (!timer_thread)
		UK_CRASH("lwip: no memory for the timer thread\n");
}

u32_t sys_now(void)
{
	return (u32_t)(ukplat_monotonic_clock() / 1000000LL);
}

sys_prot_t sys_arch_protect(void)
{
	return ukplat_lcpu_save_irqf();
}

void sys_arch_unprotect(sys_prot_t pval)
{
	ukplat_lcpu_restore_irqf(pval);
}

/* --- Semaphores ----------------------------------------------------------- */

err_t sys_sem_new(sys_sem_t *sem, u8_t count)
{
	sem_init(sem, count);
	return ERR_OK;
}

void sys_sem_free(sys_sem_t *sem)
{
	LWIP_ASSERT("semaphore freed with waiters", sem->head == NULL);
	sem->valid = 0;
}

void sys_sem_signal(sys_sem_t *sem)
{
	sem_signal(sem);
}

u32_t sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout)
{
	return sem_wait(sem, timeout);
}

/* --- Mutexes -------------------------------------------------------------- */

err_t sys_mutex_new(sys_mutex_t *mutex)
{
	uk_mutex_init(&mutex->m);
	mutex->valid = 1;
	return ERR_OK;
}

void sys_mutex_free(sys_mutex_t *mutex)
{
	mutex->valid = 0;
}

void sys_mutex_lock(sys_mutex_t *mutex)
{
	uk_mutex_lock(&mutex->m);
}

void sys_mutex_unlock(sys_mutex_t *mutex)
{
	uk_mutex_unlock(&mutex->m);
}

/* --- Mailboxes ------------------------------------------------------------ */

err_t sys_mbox_new(sys_mbox_t *mbox, int size)
{
	if (size <= 0)
		size = 32;
	mbox->msgs = uk_calloc(uk_alloc_get_default(), size, sizeof(void *));
	if (!mbox->msgs) {
		mbox->valid = 0;
		return ERR_MEM;
	}
	mbox->size = size;
	mbox->first = mbox->count = 0;
	sem_init(&mbox->used, 0);
	sem_init(&mbox->free, size);
	mbox->valid = 1;
	return ERR_OK;
}

void sys_mbox_free(sys_mbox_t *mbox)
{
	LWIP_ASSERT("mailbox freed with waiters",
		    !mbox->used.head && !mbox->free.head);
	uk_free(uk_alloc_get_default(), mbox->msgs);
	mbox->msgs = NULL;
	mbox->valid = 0;
}

/* A slot is reserved (free semaphore taken). */
static void mbox_put(sys_mbox_t *mbox, void *msg)
{
	unsigned long flags = ukplat_lcpu_save_irqf();

	mbox->msgs[(mbox->first + mbox->count) % mbox->size] = msg;
	mbox->count++;
	ukplat_lcpu_restore_irqf(flags);
	sem_signal(&mbox->used);
}

/* A message is reserved (used semaphore taken). */
static void *mbox_get(sys_mbox_t *mbox)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	void *msg = mbox->msgs[mbox->first];

	mbox->first = (mbox->first + 1) % mbox->size;
	mbox->count--;
	ukplat_lcpu_restore_irqf(flags);
	sem_signal(&mbox->free);
	return msg;
}

void sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
	sem_wait(&mbox->free, 0);
	mbox_put(mbox, msg);
}

err_t sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
	if (!sem_trywait(&mbox->free))
		return ERR_MEM;
	mbox_put(mbox, msg);
	return ERR_OK;
}

err_t sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
	return sys_mbox_trypost(mbox, msg);
}

u32_t sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout)
{
	u32_t waited = sem_wait(&mbox->used, timeout);
	void *m;

	if (waited == SYS_ARCH_TIMEOUT)
		return SYS_ARCH_TIMEOUT;
	m = mbox_get(mbox);
	if (msg)
		*msg = m;
	return waited;
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
	void *m;

	if (!sem_trywait(&mbox->used))
		return SYS_MBOX_EMPTY;
	m = mbox_get(mbox);
	if (msg)
		*msg = m;
	return 0;
}

/* --- Threads -------------------------------------------------------------- */

sys_thread_t sys_thread_new(const char *name, lwip_thread_fn thread, void *arg,
			    int stacksize, int prio __unused)
{
	struct uk_thread *t;

	t = uk_thread_create(name, thread, arg, stacksize > 0 ? stacksize : 0);
	if (!t)
		UK_CRASH("lwip: no memory for thread %s\n", name);
	return t;
}

/* --- Heap and random numbers ---------------------------------------------- */

void *uk_lwip_malloc(size_t size)
{
	return uk_malloc(uk_alloc_get_default(), size);
}

void *uk_lwip_calloc(size_t n, size_t size)
{
	return uk_calloc(uk_alloc_get_default(), n, size);
}

void uk_lwip_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

/* xorshift64*, seeded from the clocks: ports and sequence numbers must
 * differ from boot to boot, not be secret. */
uint32_t uk_lwip_rand(void)
{
	static uint64_t x;

	if (!x)
		x = (uint64_t)ukplat_wall_clock() ^
		    ((uint64_t)ukplat_monotonic_clock() << 21) ^
		    0x9e3779b97f4a7c15ULL;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	return (uint32_t)((x * 0x2545f4914f6cdd1dULL) >> 32);
}
