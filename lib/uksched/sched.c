/* SPDX-License-Identifier: BSD-3-Clause */
/* Threads, sleeping and wait queues: see include/uk/sched.h. */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/init.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/paging.h>
#include <uk/plat/time.h>
#include <uk/plat/tls.h>
#include <uk/print.h>
#include <uk/sched.h>
#include "tls.h"

#define STACK_CANARY 0x5ca1ab1eUL
#define STACK_ALIGN 16

static struct uk_sched *sched;
static struct uk_thread boot_thread = { .name = "main" };
static struct uk_thread *current = &boot_thread;
static struct uk_thread *sleepers; /* sorted by deadline */
static unsigned long switches;
static int irqs_on_at_boot; /* new threads start with this irq state */
static unsigned long guard_size; /* 0: the platform makes no guard pages */

int _uk_sched_irqs_on_at_boot(void)
{
	return irqs_on_at_boot;
}

void uk_sched_register(struct uk_sched *s)
{
	sched = s;
}

struct uk_sched *uk_sched_current(void)
{
	return sched;
}

struct uk_thread *uk_thread_current(void)
{
	return current;
}

unsigned long uk_sched_switch_count(void)
{
	return switches;
}

static void check_canary(struct uk_thread *t)
{
	if (t->stack && *(unsigned long *)t->stack != STACK_CANARY)
		UK_CRASH("uksched: stack overflow in thread %s\n", t->name);
}

void _uk_sched_schedule(void)
{
	struct uk_thread *prev = current, *next;

	UK_ASSERT(ukplat_lcpu_irqs_disabled());
	_uk_sched_wake_expired();
	next = sched->pick(sched);
	if (next == prev)
		return;
	check_canary(prev);
	switches++;
	current = next;
	if (next->tlsp)
		ukplat_tlsp_set(next->tlsp);
	ukarch_ctx_switch(&prev->ctx, &next->ctx);
}

static void make_runnable(struct uk_thread *t)
{
	t->state = UK_THREAD_RUNNABLE;
	sched->enqueue(sched, t);
}

static void waitq_remove(struct uk_waitq *wq, struct uk_thread *t)
{
	struct uk_thread **pp = &wq->head, *prev = NULL;

	while (*pp && *pp != t) {
		prev = *pp;
		pp = &(*pp)->wq_next;
	}
	if (!*pp)
		return;
	*pp = t->wq_next;
	if (wq->tail == t)
		wq->tail = prev;
	t->wq_next = NULL;
}

static void sleepers_insert(struct uk_thread *t, __nsec deadline)
{
	struct uk_thread **pp = &sleepers;

	t->wakeup = deadline;
	while (*pp && (*pp)->wakeup <= deadline)
		pp = &(*pp)->sleep_next;
	t->sleep_next = *pp;
	*pp = t;
}

static void sleepers_remove(struct uk_thread *t)
{
	struct uk_thread **pp = &sleepers;

	while (*pp && *pp != t)
		pp = &(*pp)->sleep_next;
	if (*pp)
		*pp = t->sleep_next;
	t->sleep_next = NULL;
	t->wakeup = 0;
}

void _uk_sched_wake_expired(void)
{
	__nsec now;

	if (!sleepers)
		return;
	now = ukplat_monotonic_clock();
	while (sleepers && sleepers->wakeup <= now) {
		struct uk_thread *t = sleepers;

		sleepers = t->sleep_next;
		t->sleep_next = NULL;
		t->wakeup = 0;
		if (t->wq) {
			/* A timed wait ran out: leave the queue too. */
			waitq_remove(t->wq, t);
			t->wq = NULL;
			t->timed_out = 1;
		}
		make_runnable(t);
	}
}

__nsec _uk_sched_next_deadline(void)
{
	return sleepers ? sleepers->wakeup : 0;
}

void uk_sched_yield(void)
{
	unsigned long flags = ukplat_lcpu_save_irqf();

	make_runnable(current);
	_uk_sched_schedule();
	ukplat_lcpu_restore_irqf(flags);
}

void uk_sched_sleep_until(__nsec deadline)
{
	unsigned long flags = ukplat_lcpu_save_irqf();

	if (deadline <= ukplat_monotonic_clock()) {
		ukplat_lcpu_restore_irqf(flags);
		uk_sched_yield();
		return;
	}
	current->state = UK_THREAD_BLOCKED;
	sleepers_insert(current, deadline);
	_uk_sched_schedule();
	ukplat_lcpu_restore_irqf(flags);
}

void uk_sched_sleep_ns(__nsec ns)
{
	uk_sched_sleep_until(ukplat_monotonic_clock() + ns);
}

int uk_waitq_wait_until(struct uk_waitq *wq, __nsec deadline)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	int woken;

	current->state = UK_THREAD_BLOCKED;
	current->wq_next = NULL;
	current->wq = wq;
	current->timed_out = 0;
	if (wq->tail)
		wq->tail->wq_next = current;
	else
		wq->head = current;
	wq->tail = current;
	if (deadline)
		sleepers_insert(current, deadline);
	_uk_sched_schedule();
	woken = !current->timed_out;
	ukplat_lcpu_restore_irqf(flags);
	return woken;
}

void uk_waitq_wait(struct uk_waitq *wq)
{
	uk_waitq_wait_until(wq, 0);
}

/* Threads in uk_waitq_wait_intr(). */
static struct uk_thread *intr_waiters;

int uk_waitq_wait_intr(struct uk_waitq *wq, __nsec deadline)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	struct uk_thread **pp;
	int woken;

	current->interrupted = 0;
	current->intr_next = intr_waiters;
	intr_waiters = current;
	woken = uk_waitq_wait_until(wq, deadline);
	for (pp = &intr_waiters; *pp != current; pp = &(*pp)->intr_next)
		;
	*pp = current->intr_next;
	current->intr_next = NULL;
	if (current->interrupted)
		woken = -1;
	ukplat_lcpu_restore_irqf(flags);
	return woken;
}

void uk_sched_interrupt_waiters(void)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	struct uk_thread *t;

	for (t = intr_waiters; t; t = t->intr_next) {
		if (t->state != UK_THREAD_BLOCKED || t->interrupted)
			continue;
		t->interrupted = 1;
		if (t->wq) {
			waitq_remove(t->wq, t);
			t->wq = NULL;
		}
		if (t->wakeup)
			sleepers_remove(t);
		make_runnable(t);
	}
	ukplat_lcpu_restore_irqf(flags);
}

int _uk_waitq_intr_step(struct uk_waitq *wq, __nsec deadline, int restartable,
			unsigned long irqf, int *checked)
{
	__nsec until = deadline, sig;
	int intr;

	if (!*checked) {
		/* Handlers run with interrupts as the caller had them. */
		ukplat_lcpu_restore_irqf(irqf);
		intr = uk_intr_check();
		ukplat_lcpu_disable_irq();
		if (uk_intr_ends(intr, restartable))
			return -EINTR;
		/*
		 * cond is looked at again before the wait: a handler or
		 * an interrupt may have made it true meanwhile.
		 */
		*checked = 1;
		return 1;
	}
	*checked = 0;
	sig = uk_intr_deadline();
	if (sig && (!until || sig < until))
		until = sig;
	if (!uk_waitq_wait_intr(wq, until) && deadline &&
	    ukplat_monotonic_clock() >= deadline)
		return 0;
	return 1;
}

static struct uk_thread *waitq_pop(struct uk_waitq *wq)
{
	struct uk_thread *t = wq->head;

	if (t) {
		wq->head = t->wq_next;
		if (!wq->head)
			wq->tail = NULL;
		t->wq_next = NULL;
		t->wq = NULL;
		/* Woken before its deadline: off the sleep list. */
		if (t->wakeup)
			sleepers_remove(t);
	}
	return t;
}

int uk_waitq_wake_one(struct uk_waitq *wq)
{
	unsigned long flags = ukplat_lcpu_save_irqf();
	struct uk_thread *t = waitq_pop(wq);

	if (t)
		make_runnable(t);
	ukplat_lcpu_restore_irqf(flags);
	return t != NULL;
}

int uk_waitq_wake_all(struct uk_waitq *wq)
{
	int n = 0;

	while (uk_waitq_wake_one(wq))
		n++;
	return n;
}

__weak int uk_thread_libc_init(struct uk_thread *t __unused)
{
	return 0;
}

__weak void uk_thread_libc_exit(struct uk_thread *t __unused)
{
}

static void thread_entry(void *arg)
{
	struct uk_thread *t = arg;

	/* Switches happen with interrupts off; undo that for a new thread. */
	if (irqs_on_at_boot)
		ukplat_lcpu_enable_irq();
	t->fn(t->arg);
	uk_thread_exit();
}

/*
 * The stack, with a guard page under it where the platform has paging:
 * [guard][stack ... top]. Where the guard cannot be made the page stays
 * (so freeing is the same) and only the canary watches the bottom.
 */
static int stack_alloc(struct uk_alloc *a, struct uk_thread *t)
{
	if (!guard_size) {
		t->stack_mem = uk_memalign(a, STACK_ALIGN, t->stack_size);
		t->stack = t->stack_mem;
		return t->stack ? 0 : -ENOMEM;
	}
	t->stack_mem = uk_memalign(a, guard_size, guard_size + t->stack_size);
	if (!t->stack_mem)
		return -ENOMEM;
	t->stack = (char *)t->stack_mem + guard_size;
	t->guarded = !ukplat_page_set_guard(t->stack_mem, t->name);
	return 0;
}

static void stack_free(struct uk_alloc *a, struct uk_thread *t)
{
	/* A guard that cannot be cleared must not go back to the heap. */
	if (t->guarded && ukplat_page_clear_guard(t->stack_mem))
		UK_CRASH("uksched: cannot clear the stack guard of %s\n",
			 t->name);
	uk_free(a, t->stack_mem);
}

struct uk_thread *uk_thread_alloc(const char *name, void (*fn)(void *),
				  void *arg, size_t stack_size)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_thread *t;

	if (!stack_size)
		stack_size = CONFIG_LIBUKSCHED_STACK_SIZE;
	stack_size =
		ALIGN_UP(stack_size, guard_size ? guard_size : STACK_ALIGN);
	if (!a || stack_size < 1024)
		return NULL;
	t = uk_calloc(a, 1, sizeof(*t));
	if (!t)
		return NULL;
	t->name = name;
	t->stack_size = stack_size;
	if (stack_alloc(a, t)) {
		uk_free(a, t);
		return NULL;
	}
	if (_uk_tls_alloc(a, t)) {
		stack_free(a, t);
		uk_free(a, t);
		return NULL;
	}
	if (uk_thread_libc_init(t)) {
		_uk_tls_free(a, t);
		stack_free(a, t);
		uk_free(a, t);
		return NULL;
	}
	*(unsigned long *)t->stack = STACK_CANARY;
	t->fn = fn;
	t->arg = arg;
	t->state = UK_THREAD_BLOCKED;
	ukarch_ctx_init(&t->ctx, (uintptr_t)t->stack + stack_size, thread_entry,
			t);
	return t;
}

void uk_thread_start(struct uk_thread *t)
{
	unsigned long flags = ukplat_lcpu_save_irqf();

	make_runnable(t);
	ukplat_lcpu_restore_irqf(flags);
}

struct uk_thread *uk_thread_create(const char *name, void (*fn)(void *),
				   void *arg, size_t stack_size)
{
	struct uk_thread *t = uk_thread_alloc(name, fn, arg, stack_size);

	if (t)
		uk_thread_start(t);
	return t;
}

void uk_thread_exit(void)
{
	UK_ASSERT(current != &boot_thread);
	/* While the thread can still run C library code. */
	uk_thread_libc_exit(current);
	ukplat_lcpu_disable_irq();
	current->state = UK_THREAD_EXITED;
	uk_waitq_wake_all(&current->exit_wq);
	_uk_sched_schedule();
	UK_CRASH("uksched: exited thread %s resumed\n", current->name);
}

int uk_thread_join(struct uk_thread *t)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (t == current || t == &boot_thread)
		return -EINVAL;
	uk_waitq_wait_event(&t->exit_wq, t->state == UK_THREAD_EXITED);
	/* t is off every queue and will never run again. */
	check_canary(t);
	_uk_tls_free(a, t);
	stack_free(a, t);
	uk_free(a, t);
	return 0;
}

static int uk_sched_boot_init(void)
{
	if (!sched) {
		uk_pr_err("uksched: no scheduler library (ukschedcoop)\n");
		return -ENODEV;
	}
	boot_thread.state = UK_THREAD_RUNNABLE;
	guard_size = ukplat_page_guard_size();
	if (_uk_tls_boot(uk_alloc_get_default(), &boot_thread))
		return -ENOMEM;
	irqs_on_at_boot = !ukplat_lcpu_irqs_disabled();
	return sched->init ? sched->init(sched) : 0;
}
uk_early_initcall(uk_sched_boot_init);
