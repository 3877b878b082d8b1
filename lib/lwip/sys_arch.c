/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system layer on uksched and uklock: semaphores are
 * uk_semaphore with uk_semaphore_down_until for lwIP's time-outs (its
 * core thread waits for a message or its next timer; select() and
 * SO_RCVTIMEO wait with time-outs), mailboxes a ring of pointers between
 * two of them, mutexes uk_mutex.
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
#include <uk/random.h>
#include <uk/sched.h>

static void sem_init(struct uk_lwip_sem *s, long count)
{
	uk_semaphore_init(&s->s, count);
	s->valid = 1;
}

/* Time waited in ms, or SYS_ARCH_TIMEOUT; timeout_ms 0 waits forever. */
static u32_t sem_wait(struct uk_lwip_sem *s, u32_t timeout_ms)
{
	__nsec start = ukplat_monotonic_clock(), deadline = 0;

	if (timeout_ms)
		deadline = start + (__nsec)timeout_ms * 1000000LL;
	if (!uk_semaphore_down_until(&s->s, deadline))
		return SYS_ARCH_TIMEOUT;
	return (u32_t)((ukplat_monotonic_clock() - start) / 1000000LL);
}

static int sem_trywait(struct uk_lwip_sem *s)
{
	return uk_semaphore_down_try(&s->s);
}

static void sem_signal(struct uk_lwip_sem *s)
{
	uk_semaphore_up(&s->s);
}

/* Nothing to set up: uksched and uklock work before lwIP starts. */
void sys_init(void)
{
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
	LWIP_ASSERT("semaphore freed with waiters", !sem->s.wq.head);
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
		    !mbox->used.s.wq.head && !mbox->free.s.wq.head);
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

/* Ports, DHCP and DNS ids: unpredictable ones (RFC 6056) from ukrandom. */
uint32_t uk_lwip_rand(void)
{
	return uk_random_u32();
}
