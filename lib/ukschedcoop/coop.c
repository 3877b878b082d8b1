/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cooperative round-robin policy for uksched: a FIFO run queue, and an
 * idle thread that runs only when the queue is empty.
 */
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/plat/lcpu.h>
#include <uk/sched.h>

struct coop {
	struct uk_sched s;
	struct uk_thread *head, *tail;
	struct uk_thread *idle;
};

static struct coop coop;

static void coop_enqueue(struct uk_sched *s __unused, struct uk_thread *t)
{
	if (t == coop.idle)
		return;
	t->rq_next = NULL;
	if (coop.tail)
		coop.tail->rq_next = t;
	else
		coop.head = t;
	coop.tail = t;
}

static struct uk_thread *coop_pick(struct uk_sched *s __unused)
{
	struct uk_thread *t = coop.head;

	if (!t)
		return coop.idle;
	coop.head = t->rq_next;
	if (!coop.head)
		coop.tail = NULL;
	t->rq_next = NULL;
	return t;
}

static void idle_fn(void *arg __unused)
{
	for (;;) {
		ukplat_lcpu_disable_irq();
		_uk_sched_wake_expired();
		if (!coop.head)
			ukplat_lcpu_halt_irq_until(_uk_sched_next_deadline());
		/* Back to the threads that became runnable, if any. */
		_uk_sched_schedule();
		if (_uk_sched_irqs_on_at_boot())
			ukplat_lcpu_enable_irq();
	}
}

static int coop_init(struct uk_sched *s __unused)
{
	coop.idle = uk_thread_alloc("idle", idle_fn, NULL, 4096);
	return coop.idle ? 0 : -1;
}

static void coop_register(void)
{
	coop.s.init = coop_init;
	coop.s.enqueue = coop_enqueue;
	coop.s.pick = coop_pick;
	uk_sched_register(&coop.s);
}
UK_CTOR(coop_register);
