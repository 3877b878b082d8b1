/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pthread_create and the thread lifecycle on uksched threads. A pthread
 * is a struct __uk_pthread (pthread_t points to it) kept in the uksched
 * thread's per-thread pointer. A detached thread that exits cannot free
 * its own stack: it goes on a zombie list that the next create, detach
 * or join frees (uk_thread_join of an exited thread returns at once).
 */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <uk/assert.h>
#include <uk/essentials.h>
#include <uk/print.h>
#include "pthread_impl.h"

static struct __uk_pthread *all_threads;
static struct __uk_pthread *zombies;
static unsigned int running; /* created by pthread_create, not exited */

struct __uk_pthread *uk_pthread_list(void)
{
	return all_threads;
}

static void list_remove(struct __uk_pthread *p)
{
	struct __uk_pthread **pp;

	for (pp = &all_threads; *pp; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			return;
		}
}

static void reap_zombies(void)
{
	struct __uk_pthread *z;

	while ((z = zombies)) {
		zombies = z->zombie_next;
		uk_thread_join(z->thread);
		free(z);
	}
}

struct __uk_pthread *uk_pthread_self(void)
{
	struct uk_thread *t = uk_thread_current();
	struct __uk_pthread *p = t->tls;

	if (p)
		return p;
	/* The main thread, or one made by uk_thread_create. */
	p = calloc(1, sizeof(*p));
	if (!p)
		UK_CRASH("pthread: no memory for the thread of %s\n",
			 t->name ? t->name : "?");
	p->next = all_threads;
	all_threads = p;
	t->tls = p;
	return p;
}

static void start(void *arg)
{
	struct __uk_pthread *p = arg;

	pthread_exit(p->start(p->arg));
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*fn)(void *), void *arg)
{
	struct __uk_pthread *p;
	size_t stack_size = 0;

	if (!thread || !fn)
		return EINVAL;
	if (attr) {
		if (!attr->is_initialized || attr->stackaddr)
			return EINVAL;
		stack_size = attr->stacksize;
	}
	uk_pthread_self(); /* the creator becomes a pthread too */
	reap_zombies();
	p = calloc(1, sizeof(*p));
	if (!p)
		return EAGAIN;
	p->start = fn;
	p->arg = arg;
	p->detached = attr && attr->detachstate == PTHREAD_CREATE_DETACHED;
	p->thread = uk_thread_alloc("pthread", start, p, stack_size);
	if (!p->thread) {
		free(p);
		return EAGAIN;
	}
	p->thread->tls = p;
	p->next = all_threads;
	all_threads = p;
	running++;
	*thread = p;
	uk_thread_start(p->thread);
	return 0;
}

void pthread_exit(void *retval)
{
	struct __uk_pthread *self = uk_pthread_self();

	uk_pthread_keys_exit(self);
	self->retval = retval;
	if (!self->thread) {
		/*
		 * The main thread: the process lives on until the other
		 * threads are done, then ends with status 0.
		 */
		while (running)
			uk_sched_yield();
		exit(0);
	}
	self->exited = 1;
	running--;
	if (self->detached) {
		list_remove(self);
		self->zombie_next = zombies;
		zombies = self;
	}
	uk_thread_exit();
}

int pthread_join(pthread_t p, void **retval)
{
	struct __uk_pthread *self = uk_pthread_self();

	if (!p)
		return ESRCH;
	if (p == self)
		return EDEADLK;
	if (!p->thread || p->detached || p->joining)
		return EINVAL;
	p->joining = 1;
	uk_thread_join(p->thread);
	if (retval)
		*retval = p->retval;
	list_remove(p);
	free(p);
	reap_zombies();
	return 0;
}

int pthread_detach(pthread_t p)
{
	if (!p)
		return ESRCH;
	if (p->detached || p->joining)
		return EINVAL;
	p->detached = 1;
	if (p->exited && p->thread) {
		list_remove(p);
		p->zombie_next = zombies;
		zombies = p;
		if (p != uk_pthread_self())
			reap_zombies();
	}
	return 0;
}

pthread_t pthread_self(void)
{
	return uk_pthread_self();
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

int sched_yield(void)
{
	uk_sched_yield();
	return 0;
}

void pthread_yield(void)
{
	uk_sched_yield();
}

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	if (!once || !fn)
		return EINVAL;
	/* init_executed: 0 not run, 1 running (maybe blocked), 2 done. */
	if (once->init_executed == 0) {
		once->init_executed = 1;
		fn();
		once->init_executed = 2;
		return 0;
	}
	while (once->init_executed == 1)
		uk_sched_yield();
	return 0;
}

/* Attributes. */

int pthread_attr_init(pthread_attr_t *a)
{
	if (!a)
		return EINVAL;
	memset(a, 0, sizeof(*a));
	a->is_initialized = 1;
	a->stacksize = 0; /* 0: uksched's default */
	a->detachstate = PTHREAD_CREATE_JOINABLE;
	a->inheritsched = PTHREAD_INHERIT_SCHED;
	a->contentionscope = PTHREAD_SCOPE_SYSTEM;
	return 0;
}

int pthread_attr_destroy(pthread_attr_t *a)
{
	if (!a || !a->is_initialized)
		return EINVAL;
	a->is_initialized = 0;
	return 0;
}

int pthread_attr_setstacksize(pthread_attr_t *a, size_t size)
{
	if (!a || !a->is_initialized || size < PTHREAD_STACK_MIN ||
	    size > 0x40000000)
		return EINVAL;
	a->stacksize = size;
	return 0;
}

int pthread_attr_getstacksize(const pthread_attr_t *a, size_t *size)
{
	if (!a || !a->is_initialized || !size)
		return EINVAL;
	*size = a->stacksize ? (size_t)a->stacksize :
			       CONFIG_LIBUKSCHED_STACK_SIZE;
	return 0;
}

int pthread_attr_setdetachstate(pthread_attr_t *a, int state)
{
	if (!a || !a->is_initialized ||
	    (state != PTHREAD_CREATE_DETACHED &&
	     state != PTHREAD_CREATE_JOINABLE))
		return EINVAL;
	a->detachstate = state;
	return 0;
}

int pthread_attr_getdetachstate(const pthread_attr_t *a, int *state)
{
	if (!a || !a->is_initialized || !state)
		return EINVAL;
	*state = a->detachstate;
	return 0;
}

/* One priority and one policy: the cooperative round robin. */
int pthread_attr_setschedparam(pthread_attr_t *a,
			       const struct sched_param *param)
{
	if (!a || !a->is_initialized || !param)
		return EINVAL;
	if (param->sched_priority != 0)
		return ENOTSUP;
	a->schedparam = *param;
	return 0;
}

int pthread_attr_getschedparam(const pthread_attr_t *a,
			       struct sched_param *param)
{
	if (!a || !a->is_initialized || !param)
		return EINVAL;
	*param = a->schedparam;
	return 0;
}

int pthread_attr_setguardsize(pthread_attr_t *a, size_t size)
{
	/* uksched decides: one guard page where there is paging. */
	return (!a || !a->is_initialized) ? EINVAL : 0;
}

int pthread_attr_getguardsize(const pthread_attr_t *a, size_t *size)
{
	if (!a || !a->is_initialized || !size)
		return EINVAL;
	*size = 0;
	return 0;
}

int pthread_setname_np(pthread_t p, const char *name)
{
	if (!p || !p->thread)
		return ESRCH;
	/* uksched keeps the pointer: the name must outlive the thread. */
	p->thread->name = name;
	return 0;
}

int pthread_getname_np(pthread_t p, char *buf, size_t len)
{
	const char *name;

	if (!p)
		return ESRCH;
	name = p->thread ? p->thread->name : uk_thread_current()->name;
	if (!name)
		name = "";
	if (strlen(name) >= len)
		return ERANGE;
	strcpy(buf, name);
	return 0;
}

int pthread_setconcurrency(int level)
{
	return level < 0 ? EINVAL : 0;
}

int pthread_getconcurrency(void)
{
	return 0;
}
