/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of uklock; with uksched, contended cases between threads. */
#include <uk/lock.h>
#include <uk/plat/time.h>
#include <uk/test.h>

UK_TESTCASE(lock, mutex_single)
{
	struct uk_mutex m;

	uk_mutex_init(&m);
	UK_TEST_EXPECT(!uk_mutex_is_locked(&m));
	uk_mutex_lock(&m);
	UK_TEST_EXPECT(uk_mutex_is_locked(&m));
	UK_TEST_EXPECT_ZERO(uk_mutex_trylock(&m));
	uk_mutex_unlock(&m);
	UK_TEST_EXPECT_SNUM_EQ(uk_mutex_trylock(&m), 1);
	uk_mutex_unlock(&m);
}

UK_TESTCASE(lock, semaphore_single)
{
	struct uk_semaphore s;

	uk_semaphore_init(&s, 2);
	uk_semaphore_down(&s);
	UK_TEST_EXPECT_SNUM_EQ(uk_semaphore_down_try(&s), 1);
	UK_TEST_EXPECT_ZERO(uk_semaphore_down_try(&s));
	uk_semaphore_up(&s);
	UK_TEST_EXPECT_SNUM_EQ(s.count, 1);
}

/* A timed down that nobody ups runs out, and not early. */
UK_TESTCASE(lock, semaphore_timeout)
{
	struct uk_semaphore s;
	__nsec t0, limit = ukarch_time_msec_to_nsec(20);

	uk_semaphore_init(&s, 0);
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_ZERO(uk_semaphore_down_until(&s, t0 + limit));
	UK_TEST_EXPECT_SNUM_GE(ukplat_monotonic_clock() - t0, limit);
	uk_semaphore_up(&s);
	UK_TEST_EXPECT_SNUM_EQ(uk_semaphore_down_until(&s, t0), 1);
	UK_TEST_EXPECT_ZERO(s.count);
}

#if CONFIG_LIBUKSCHED
static struct uk_mutex mtx;
static int inside, max_inside, counter;

static void mutex_worker(void *arg __unused)
{
	for (int i = 0; i < 50; i++) {
		uk_mutex_lock(&mtx);
		inside++;
		if (inside > max_inside)
			max_inside = inside;
		uk_sched_yield(); /* others run and must block */
		counter++;
		inside--;
		uk_mutex_unlock(&mtx);
		uk_sched_yield();
	}
}

UK_TESTCASE(lock, mutex_contended)
{
	struct uk_thread *t[3];

	uk_mutex_init(&mtx);
	inside = max_inside = counter = 0;
	for (int i = 0; i < 3; i++)
		t[i] = uk_thread_create("mtx", mutex_worker, NULL, 0);
	for (int i = 0; i < 3; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	UK_TEST_EXPECT_SNUM_EQ(counter, 150);
	UK_TEST_EXPECT_SNUM_EQ(max_inside, 1);
	UK_TEST_EXPECT(!uk_mutex_is_locked(&mtx));
}

/* Bounded buffer: producer and consumer on two semaphores. */
static struct uk_semaphore slots, filled;
static int ring[4], head, tail, consumed_sum;

static void producer(void *arg __unused)
{
	for (int i = 1; i <= 100; i++) {
		uk_semaphore_down(&slots);
		ring[head++ % 4] = i;
		uk_semaphore_up(&filled);
	}
}

static void consumer(void *arg __unused)
{
	for (int i = 1; i <= 100; i++) {
		uk_semaphore_down(&filled);
		if (ring[tail++ % 4] != i)
			consumed_sum = -100000;
		consumed_sum += i;
		uk_semaphore_up(&slots);
	}
}

UK_TESTCASE(lock, semaphore_bounded_buffer)
{
	struct uk_thread *c, *p;

	uk_semaphore_init(&slots, 4);
	uk_semaphore_init(&filled, 0);
	head = tail = consumed_sum = 0;
	c = uk_thread_create("cons", consumer, NULL, 0);
	p = uk_thread_create("prod", producer, NULL, 0);
	if (UK_TEST_EXPECT_NOT_NULL(c))
		uk_thread_join(c);
	if (UK_TEST_EXPECT_NOT_NULL(p))
		uk_thread_join(p);
	UK_TEST_EXPECT_SNUM_EQ(consumed_sum, 5050);
	UK_TEST_EXPECT_SNUM_EQ(slots.count, 4);
	UK_TEST_EXPECT_ZERO(filled.count);
}

static struct uk_condvar cv;
static int ready, woken;

static void cv_waiter(void *arg __unused)
{
	uk_mutex_lock(&mtx);
	while (!ready)
		uk_condvar_wait(&cv, &mtx);
	woken++;
	uk_mutex_unlock(&mtx);
}

UK_TESTCASE(lock, condvar)
{
	struct uk_thread *t[3];

	uk_mutex_init(&mtx);
	uk_condvar_init(&cv);
	ready = woken = 0;
	for (int i = 0; i < 3; i++)
		t[i] = uk_thread_create("cv", cv_waiter, NULL, 0);
	uk_sched_yield();
	UK_TEST_EXPECT_ZERO(woken);
	/* A signal without the condition wakes one, which waits again. */
	uk_condvar_signal(&cv);
	uk_sched_yield();
	UK_TEST_EXPECT_ZERO(woken);
	uk_mutex_lock(&mtx);
	ready = 1;
	uk_condvar_broadcast(&cv);
	uk_mutex_unlock(&mtx);
	for (int i = 0; i < 3; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	UK_TEST_EXPECT_SNUM_EQ(woken, 3);
}
/* trylock from another thread fails while the boot thread holds it. */
static struct uk_mutex held;
static int try_result;

static void try_fn(void *arg __unused)
{
	try_result = uk_mutex_trylock(&held);
}

/* The mutex goes to its waiters in arrival order, one at a time. */
static char order[8];
static int norder;

static void handoff_fn(void *arg)
{
	uk_mutex_lock(&held);
	order[norder++] = *(char *)arg;
	uk_sched_yield(); /* still held: nobody else may enter */
	order[norder++] = *(char *)arg;
	uk_mutex_unlock(&held);
}

UK_TESTCASE(lock, mutex_trylock_handoff)
{
	static char id[3] = { 'a', 'b', 'c' };
	struct uk_thread *t[3], *tt;

	uk_mutex_init(&held);
	uk_mutex_lock(&held);
	try_result = -1;
	tt = uk_thread_create("try", try_fn, NULL, 0);
	if (UK_TEST_EXPECT_NOT_NULL(tt))
		uk_thread_join(tt);
	UK_TEST_EXPECT_ZERO(try_result);

	norder = 0;
	for (int i = 0; i < 3; i++)
		t[i] = uk_thread_create("handoff", handoff_fn, &id[i], 0);
	uk_sched_yield(); /* all three block on the mutex */
	UK_TEST_EXPECT_ZERO(norder);
	uk_mutex_unlock(&held);
	for (int i = 0; i < 3; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	order[norder] = 0;
	UK_TEST_EXPECT_ZERO(__builtin_strcmp(order, "aabbcc"));
	UK_TEST_EXPECT(!uk_mutex_is_locked(&held));
}

/* Counting: n ups let exactly n of the blocked downs through. */
static struct uk_semaphore counted;
static int passed;

static void down_fn(void *arg __unused)
{
	uk_semaphore_down(&counted);
	passed++;
}

UK_TESTCASE(lock, semaphore_counting)
{
	struct uk_thread *t[4];

	uk_semaphore_init(&counted, 1);
	passed = 0;
	for (int i = 0; i < 4; i++)
		t[i] = uk_thread_create("down", down_fn, NULL, 0);
	uk_sched_yield();
	UK_TEST_EXPECT_SNUM_EQ(passed, 1);
	UK_TEST_EXPECT_ZERO(uk_semaphore_down_try(&counted));
	uk_semaphore_up(&counted);
	uk_semaphore_up(&counted);
	uk_sched_yield();
	uk_sched_yield();
	UK_TEST_EXPECT_SNUM_EQ(passed, 3);
	uk_semaphore_up(&counted);
	uk_semaphore_up(&counted); /* one more than there are waiters */
	for (int i = 0; i < 4; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	UK_TEST_EXPECT_SNUM_EQ(passed, 4);
	UK_TEST_EXPECT_SNUM_EQ(counted.count, 1);
	UK_TEST_EXPECT_SNUM_EQ(uk_semaphore_down_try(&counted), 1);
}

/* One broadcast wakes every waiter blocked at that moment (no ready flag
 * to re-check: each waiter waits exactly once). */
static struct uk_condvar bcv;
static int bwoken;

static void bcast_fn(void *arg __unused)
{
	uk_mutex_lock(&held);
	uk_condvar_wait(&bcv, &held);
	bwoken++;
	uk_mutex_unlock(&held);
}

UK_TESTCASE(lock, condvar_broadcast_all)
{
	struct uk_thread *t[4];

	uk_mutex_init(&held);
	uk_condvar_init(&bcv);
	bwoken = 0;
	for (int i = 0; i < 4; i++)
		t[i] = uk_thread_create("bcast", bcast_fn, NULL, 0);
	uk_sched_yield(); /* all four wait */
	UK_TEST_EXPECT_ZERO(bwoken);
	uk_mutex_lock(&held);
	uk_condvar_broadcast(&bcv);
	uk_mutex_unlock(&held);
	for (int i = 0; i < 4; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	UK_TEST_EXPECT_SNUM_EQ(bwoken, 4);
}
/* An up from another thread ends a timed down early; the waiter is then
 * off the sleep list, so its next timed down keeps its own deadline. */
static struct uk_semaphore late;

static void late_up(void *arg __unused)
{
	uk_sched_sleep_ns(ukarch_time_msec_to_nsec(10));
	uk_semaphore_up(&late);
}

UK_TESTCASE(lock, semaphore_timed_wakeup)
{
	struct uk_thread *t;
	__nsec t0, long_wait = ukarch_time_sec_to_nsec(30);

	uk_semaphore_init(&late, 0);
	t = uk_thread_create("up", late_up, NULL, 0);
	if (!UK_TEST_EXPECT_NOT_NULL(t))
		return;
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_SNUM_EQ(uk_semaphore_down_until(&late, t0 + long_wait),
			       1);
	UK_TEST_EXPECT(ukplat_monotonic_clock() - t0 < long_wait);
	uk_thread_join(t);
	t0 = ukplat_monotonic_clock();
	UK_TEST_EXPECT_ZERO(uk_semaphore_down_until(
		&late, t0 + ukarch_time_msec_to_nsec(15)));
	UK_TEST_EXPECT_SNUM_GE(ukplat_monotonic_clock() - t0,
			       ukarch_time_msec_to_nsec(15));
}
#endif
