/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of uklock; with uksched, contended cases between threads. */
#include <uk/lock.h>
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
#endif
