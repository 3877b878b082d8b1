/* SPDX-License-Identifier: BSD-3-Clause */
/* Mutex, semaphore and condition variable: see include/uk/lock.h. */
#include <uk/assert.h>
#include <uk/lock.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>

#if CONFIG_LIBUKSCHED
#define self() ((void *)uk_thread_current())
#define irq_save() ukplat_lcpu_save_irqf()
#define irq_restore(f) ukplat_lcpu_restore_irqf(f)
#else
/*
 * Single-threaded: any non-NULL owner will do, and nothing runs between
 * a check and an update (interrupt handlers must not use these locks;
 * linuxu has no interrupt masking to call).
 */
#define self() ((void *)1)
#define irq_save() 0UL
#define irq_restore(f) ((void)(f))
#endif

void uk_mutex_init(struct uk_mutex *m)
{
	m->owner = NULL;
#if CONFIG_LIBUKSCHED
	uk_waitq_init(&m->wq);
#endif
}

int uk_mutex_trylock(struct uk_mutex *m)
{
	unsigned long f = irq_save();
	int ok = !m->owner;

	if (ok)
		m->owner = self();
	irq_restore(f);
	return ok;
}

void uk_mutex_lock(struct uk_mutex *m)
{
	if (m->owner == self())
		UK_CRASH("uklock: mutex %p locked twice by its owner\n", m);
#if CONFIG_LIBUKSCHED
	/* Cooperative: the owner check and the wait cannot be interleaved. */
	while (!uk_mutex_trylock(m))
		uk_waitq_wait(&m->wq);
#else
	uk_mutex_trylock(m);
#endif
}

void uk_mutex_unlock(struct uk_mutex *m)
{
	UK_ASSERT(m->owner == self());
	m->owner = NULL;
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_one(&m->wq);
#endif
}

void uk_semaphore_init(struct uk_semaphore *s, long count)
{
	s->count = count;
#if CONFIG_LIBUKSCHED
	uk_waitq_init(&s->wq);
#endif
}

int uk_semaphore_down_try(struct uk_semaphore *s)
{
	unsigned long f = irq_save();
	int ok = s->count > 0;

	if (ok)
		s->count--;
	irq_restore(f);
	return ok;
}

#if CONFIG_LIBUKSCHED
/* With interrupts off (uk_waitq_wait_event*): an up() from an interrupt
 * handler cannot slip between the test and the wait. */
static int sem_take(struct uk_semaphore *s)
{
	if (s->count <= 0)
		return 0;
	s->count--;
	return 1;
}
#endif

void uk_semaphore_down(struct uk_semaphore *s)
{
#if CONFIG_LIBUKSCHED
	uk_waitq_wait_event(&s->wq, sem_take(s));
#else
	if (!uk_semaphore_down_try(s))
		UK_CRASH("uklock: semaphore %p empty, no thread to fill it\n",
			 s);
#endif
}

int uk_semaphore_down_until(struct uk_semaphore *s, __nsec deadline)
{
#if CONFIG_LIBUKSCHED
	return uk_waitq_wait_event_until(&s->wq, sem_take(s), deadline);
#else
	if (uk_semaphore_down_try(s))
		return 1;
	if (!deadline)
		UK_CRASH("uklock: semaphore %p empty, no thread to fill it\n",
			 s);
	/* Nothing else runs: only the clock can end the wait. */
	while (ukplat_monotonic_clock() < deadline)
		;
	return 0;
#endif
}

void uk_semaphore_up(struct uk_semaphore *s)
{
	unsigned long f = irq_save();

	s->count++;
	irq_restore(f);
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_one(&s->wq);
#endif
}

void uk_condvar_init(struct uk_condvar *c)
{
#if CONFIG_LIBUKSCHED
	uk_waitq_init(&c->wq);
#else
	c->unused = 0;
#endif
}

void uk_condvar_wait(struct uk_condvar *c, struct uk_mutex *m)
{
#if CONFIG_LIBUKSCHED
	/* No switch between unlock and wait: a signal cannot be missed. */
	unsigned long f = irq_save();

	uk_mutex_unlock(m);
	uk_waitq_wait(&c->wq);
	irq_restore(f);
	uk_mutex_lock(m);
#else
	UK_CRASH("uklock: condvar %p wait without threads (mutex %p)\n", c, m);
#endif
}

void uk_condvar_signal(struct uk_condvar *c)
{
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_one(&c->wq);
#else
	(void)c;
#endif
}

void uk_condvar_broadcast(struct uk_condvar *c)
{
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_all(&c->wq);
#else
	(void)c;
#endif
}
