/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lib/pthread: threads, mutexes, condition variables, keys, once,
 * rwlocks and semaphores, with their error cases, and stress runs
 * between threads (a checked counter, producer/consumer).
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <time.h>
#include <uk/test.h>

#define NSEC_PER_SEC 1000000000L

static long long now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (long long)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

/* An absolute time ms milliseconds from now on clock. */
static struct timespec in_ms(clockid_t clock, long ms)
{
	long long t = now_ns(clock) + ms * 1000000LL;

	return (struct timespec){ t / NSEC_PER_SEC, t % NSEC_PER_SEC };
}

/*
 * How far clock is past the absolute time ts: never negative after a
 * time-out. Measured against ts itself, not against a second reading
 * taken after it, because the guest clock may jump while the host
 * runs something else.
 */
static long long past(clockid_t clock, struct timespec ts)
{
	return now_ns(clock) - ((long long)ts.tv_sec * NSEC_PER_SEC +
				ts.tv_nsec);
}

static void *add_one(void *arg)
{
	return (void *)((long)arg + 1);
}

UK_TESTCASE(pthread, create_join)
{
	pthread_t t;
	void *ret = NULL;

	UK_TEST_EXPECT_ZERO(pthread_create(&t, NULL, add_one, (void *)41L));
	UK_TEST_EXPECT(!pthread_equal(t, pthread_self()));
	UK_TEST_EXPECT(pthread_equal(pthread_self(), pthread_self()));
	UK_TEST_EXPECT_ZERO(pthread_join(t, &ret));
	UK_TEST_EXPECT_SNUM_EQ((long)ret, 42);
	UK_TEST_EXPECT_SNUM_EQ(pthread_join(pthread_self(), NULL), EDEADLK);
	UK_TEST_EXPECT_SNUM_EQ(pthread_create(&t, NULL, NULL, NULL), EINVAL);
}

static void *exit_early(void *arg)
{
	pthread_exit(arg);
	return NULL;
}

static int detached_ran;

static void *detached_fn(void *arg)
{
	detached_ran++;
	return arg;
}

UK_TESTCASE(pthread, exit_detach_attr)
{
	pthread_attr_t a;
	pthread_t t;
	size_t sz;
	int st;
	void *ret;

	UK_TEST_EXPECT_ZERO(pthread_create(&t, NULL, exit_early, (void *)7L));
	UK_TEST_EXPECT_ZERO(pthread_join(t, &ret));
	UK_TEST_EXPECT_SNUM_EQ((long)ret, 7);

	UK_TEST_EXPECT_ZERO(pthread_attr_init(&a));
	UK_TEST_EXPECT_SNUM_EQ(pthread_attr_setstacksize(&a, 16), EINVAL);
	UK_TEST_EXPECT_ZERO(pthread_attr_setstacksize(&a, 65536));
	UK_TEST_EXPECT_ZERO(pthread_attr_getstacksize(&a, &sz));
	UK_TEST_EXPECT_UNUM_EQ(sz, 65536);
	UK_TEST_EXPECT_SNUM_EQ(pthread_attr_setdetachstate(&a, 99), EINVAL);
	UK_TEST_EXPECT_ZERO(pthread_attr_setdetachstate(
		&a, PTHREAD_CREATE_DETACHED));
	UK_TEST_EXPECT_ZERO(pthread_attr_getdetachstate(&a, &st));
	UK_TEST_EXPECT_SNUM_EQ(st, PTHREAD_CREATE_DETACHED);
	detached_ran = 0;
	UK_TEST_EXPECT_ZERO(pthread_create(&t, &a, detached_fn, NULL));
	UK_TEST_EXPECT_SNUM_EQ(pthread_join(t, NULL), EINVAL);
	sched_yield();
	UK_TEST_EXPECT_SNUM_EQ(detached_ran, 1);
	UK_TEST_EXPECT_ZERO(pthread_attr_destroy(&a));

	UK_TEST_EXPECT_ZERO(pthread_create(&t, NULL, detached_fn, NULL));
	UK_TEST_EXPECT_ZERO(pthread_detach(t));
	UK_TEST_EXPECT_SNUM_EQ(pthread_detach(t), EINVAL);
	sched_yield();
	UK_TEST_EXPECT_SNUM_EQ(detached_ran, 2);
}

/* A 64 KiB stack can hold what the default one may not. */
static void *big_frame(void *arg)
{
	volatile char buf[40000];

	buf[0] = 1;
	buf[sizeof(buf) - 1] = 2;
	return (void *)(long)(buf[0] + buf[sizeof(buf) - 1]);
}

UK_TESTCASE(pthread, stacksize_used)
{
	pthread_attr_t a;
	pthread_t t;
	void *ret;

	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 65536);
	UK_TEST_EXPECT_ZERO(pthread_create(&t, &a, big_frame, NULL));
	UK_TEST_EXPECT_ZERO(pthread_join(t, &ret));
	UK_TEST_EXPECT_SNUM_EQ((long)ret, 3);
}

UK_TESTCASE(pthread, mutex_types)
{
	pthread_mutex_t n = PTHREAD_MUTEX_INITIALIZER, r, e;
	pthread_mutexattr_t a;
	int type;

	UK_TEST_EXPECT_ZERO(pthread_mutex_lock(&n));
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_trylock(&n), EBUSY);
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_destroy(&n), EBUSY);
	UK_TEST_EXPECT_ZERO(pthread_mutex_unlock(&n));
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_unlock(&n), EPERM);

	pthread_mutexattr_init(&a);
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutexattr_settype(&a, 42), EINVAL);
	UK_TEST_EXPECT_ZERO(
		pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE));
	UK_TEST_EXPECT_ZERO(pthread_mutexattr_gettype(&a, &type));
	UK_TEST_EXPECT_SNUM_EQ(type, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&r, &a);
	UK_TEST_EXPECT_ZERO(pthread_mutex_lock(&r));
	UK_TEST_EXPECT_ZERO(pthread_mutex_lock(&r));
	UK_TEST_EXPECT_ZERO(pthread_mutex_trylock(&r));
	UK_TEST_EXPECT_ZERO(pthread_mutex_unlock(&r));
	UK_TEST_EXPECT_ZERO(pthread_mutex_unlock(&r));
	UK_TEST_EXPECT_ZERO(pthread_mutex_unlock(&r));
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_unlock(&r), EPERM);

	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&e, &a);
	UK_TEST_EXPECT_ZERO(pthread_mutex_lock(&e));
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_lock(&e), EDEADLK);
	UK_TEST_EXPECT_ZERO(pthread_mutex_unlock(&e));
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_unlock(&e), EPERM);
	UK_TEST_EXPECT_ZERO(pthread_mutex_destroy(&e));
	pthread_mutexattr_destroy(&a);
}

static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;

static void *unlock_foreign(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_unlock(&held);
}

static void *timedlock_held(void *arg)
{
	struct timespec ts = in_ms(CLOCK_REALTIME, 20);
	int rc = pthread_mutex_timedlock(&held, &ts);

	*(long long *)arg = past(CLOCK_REALTIME, ts);
	return (void *)(long)rc;
}

UK_TESTCASE(pthread, mutex_owner_timedlock)
{
	struct timespec bad = { 0, NSEC_PER_SEC };
	long long late = -1;
	pthread_t t;
	void *ret;

	pthread_mutex_lock(&held);
	pthread_create(&t, NULL, unlock_foreign, NULL);
	pthread_join(t, &ret);
	UK_TEST_EXPECT_SNUM_EQ((long)ret, EPERM);
	pthread_create(&t, NULL, timedlock_held, &late);
	pthread_join(t, &ret);
	UK_TEST_EXPECT_SNUM_EQ((long)ret, ETIMEDOUT);
	UK_TEST_EXPECT_SNUM_GE(late, 0);
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_timedlock(&held, &bad), EDEADLK);
	pthread_mutex_unlock(&held);
	UK_TEST_EXPECT_ZERO(pthread_mutex_timedlock(&held, &bad));
	pthread_mutex_unlock(&held);
}

/* Stress: N threads x M lock/unlock, yielding inside the section. */
#define STRESS_THREADS 8
#define STRESS_ROUNDS 2000
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static int inside;
static int overlaps;

static void *count_up(void *arg)
{
	long i;

	(void)arg;
	for (i = 0; i < STRESS_ROUNDS; i++) {
		pthread_mutex_lock(&counter_lock);
		if (inside++)
			overlaps++;
		long c = counter;

		if (!(i % 7))
			sched_yield(); /* others run and must wait */
		counter = c + 1;
		inside--;
		pthread_mutex_unlock(&counter_lock);
		if (!(i % 3))
			sched_yield();
	}
	return NULL;
}

UK_TESTCASE(pthread, stress_counter)
{
	pthread_t t[STRESS_THREADS];
	int i;

	counter = 0;
	for (i = 0; i < STRESS_THREADS; i++)
		UK_TEST_EXPECT_ZERO(pthread_create(&t[i], NULL, count_up,
						   NULL));
	for (i = 0; i < STRESS_THREADS; i++)
		UK_TEST_EXPECT_ZERO(pthread_join(t[i], NULL));
	UK_TEST_EXPECT_SNUM_EQ(counter, STRESS_THREADS * STRESS_ROUNDS);
	UK_TEST_EXPECT_ZERO(overlaps);
}

/* Producer/consumer on a small ring with two condition variables. */
#define RING 4
#define ITEMS 3000
#define CONSUMERS 3
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static long ring[RING];
static int ring_head, ring_count, producers_done;
static long consumed_sum, consumed_count;

static void *produce(void *arg)
{
	long i;

	(void)arg;
	for (i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&ring_lock);
		while (ring_count == RING)
			pthread_cond_wait(&not_full, &ring_lock);
		ring[(ring_head + ring_count++) % RING] = i;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&ring_lock);
	}
	pthread_mutex_lock(&ring_lock);
	producers_done = 1;
	pthread_cond_broadcast(&not_empty);
	pthread_mutex_unlock(&ring_lock);
	return NULL;
}

static void *consume(void *arg)
{
	long n = 0;

	(void)arg;
	pthread_mutex_lock(&ring_lock);
	for (;;) {
		while (!ring_count && !producers_done)
			pthread_cond_wait(&not_empty, &ring_lock);
		if (!ring_count)
			break;
		consumed_sum += ring[ring_head];
		ring_head = (ring_head + 1) % RING;
		ring_count--;
		consumed_count++;
		n++;
		pthread_cond_signal(&not_full);
		if (!(n % 5)) {
			pthread_mutex_unlock(&ring_lock);
			sched_yield();
			pthread_mutex_lock(&ring_lock);
		}
	}
	pthread_mutex_unlock(&ring_lock);
	return (void *)n;
}

UK_TESTCASE(pthread, producer_consumer)
{
	pthread_t p, c[CONSUMERS];
	long total = 0;
	void *n;
	int i;

	for (i = 0; i < CONSUMERS; i++)
		pthread_create(&c[i], NULL, consume, NULL);
	pthread_create(&p, NULL, produce, NULL);
	pthread_join(p, NULL);
	for (i = 0; i < CONSUMERS; i++) {
		pthread_join(c[i], &n);
		total += (long)n;
	}
	UK_TEST_EXPECT_SNUM_EQ(total, ITEMS);
	UK_TEST_EXPECT_SNUM_EQ(consumed_count, ITEMS);
	UK_TEST_EXPECT_SNUM_EQ(consumed_sum, (long)ITEMS * (ITEMS + 1) / 2);
}

/* A timed wait with no signaller, through its spurious wake-ups. */
static int cond_wait_out(pthread_cond_t *c, pthread_mutex_t *m,
			 const struct timespec *ts)
{
	int rc;

	while (!(rc = pthread_cond_timedwait(c, m, ts)))
		;
	return rc;
}

UK_TESTCASE(pthread, cond_timedwait)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER, cm;
	pthread_condattr_t a;
	struct timespec ts, bad = { 0, -1 };
	clockid_t clock;

	pthread_mutex_lock(&m);
	ts = in_ms(CLOCK_REALTIME, 20);
	UK_TEST_EXPECT_SNUM_EQ(cond_wait_out(&c, &m, &ts), ETIMEDOUT);
	UK_TEST_EXPECT_SNUM_GE(past(CLOCK_REALTIME, ts), 0);
	/* The mutex is held again after a time-out. */
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_trylock(&m), EBUSY);
	UK_TEST_EXPECT_SNUM_EQ(pthread_cond_timedwait(&c, &m, &bad), EINVAL);

	pthread_condattr_init(&a);
	UK_TEST_EXPECT_SNUM_EQ(pthread_condattr_setclock(&a, 12345), EINVAL);
	UK_TEST_EXPECT_ZERO(pthread_condattr_setclock(&a, CLOCK_MONOTONIC));
	UK_TEST_EXPECT_ZERO(pthread_condattr_getclock(&a, &clock));
	UK_TEST_EXPECT_SNUM_EQ(clock, CLOCK_MONOTONIC);
	pthread_cond_init(&cm, &a);
	ts = in_ms(CLOCK_MONOTONIC, 15);
	UK_TEST_EXPECT_SNUM_EQ(cond_wait_out(&cm, &m, &ts), ETIMEDOUT);
	UK_TEST_EXPECT_SNUM_GE(past(CLOCK_MONOTONIC, ts), 0);
	pthread_mutex_unlock(&m);
	UK_TEST_EXPECT_SNUM_EQ(pthread_cond_wait(&c, &m), EPERM);
	UK_TEST_EXPECT_ZERO(pthread_cond_destroy(&cm));
}

static pthread_key_t key_a, key_b;
static int dtor_calls;
static long dtor_sum;

static void dtor(void *v)
{
	dtor_calls++;
	dtor_sum += (long)v;
}

static void *use_keys(void *arg)
{
	if (pthread_getspecific(key_a))
		return (void *)1L;
	pthread_setspecific(key_a, arg);
	pthread_setspecific(key_b, (void *)100L);
	return pthread_getspecific(key_a) == arg ? NULL : (void *)2L;
}

UK_TESTCASE(pthread, keys)
{
	pthread_t t1, t2;
	void *r1, *r2;

	UK_TEST_EXPECT_ZERO(pthread_key_create(&key_a, dtor));
	UK_TEST_EXPECT_ZERO(pthread_key_create(&key_b, NULL));
	UK_TEST_EXPECT_ZERO(pthread_setspecific(key_a, (void *)5L));
	dtor_calls = 0;
	dtor_sum = 0;
	pthread_create(&t1, NULL, use_keys, (void *)10L);
	pthread_create(&t2, NULL, use_keys, (void *)20L);
	pthread_join(t1, &r1);
	pthread_join(t2, &r2);
	UK_TEST_EXPECT_NULL(r1);
	UK_TEST_EXPECT_NULL(r2);
	/* Destructors ran for key_a only, with each thread's value. */
	UK_TEST_EXPECT_SNUM_EQ(dtor_calls, 2);
	UK_TEST_EXPECT_SNUM_EQ(dtor_sum, 30);
	UK_TEST_EXPECT_SNUM_EQ((long)pthread_getspecific(key_a), 5);
	UK_TEST_EXPECT_ZERO(pthread_key_delete(key_a));
	UK_TEST_EXPECT_SNUM_EQ(pthread_key_delete(key_a), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(pthread_setspecific(key_a, NULL), EINVAL);
	UK_TEST_EXPECT_ZERO(pthread_key_delete(key_b));
}

static int once_runs;

static void once_fn(void)
{
	once_runs++;
	sched_yield(); /* others calling pthread_once must wait */
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void *call_once(void *arg)
{
	(void)arg;
	pthread_once(&once, once_fn);
	return (void *)(long)once_runs;
}

UK_TESTCASE(pthread, once)
{
	pthread_t t[3];
	void *r;
	int i;

	for (i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, call_once, NULL);
	for (i = 0; i < 3; i++) {
		pthread_join(t[i], &r);
		UK_TEST_EXPECT_SNUM_EQ((long)r, 1);
	}
	UK_TEST_EXPECT_SNUM_EQ(once_runs, 1);
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

static void *try_write(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_rwlock_trywrlock(&rw);
}

static void *try_read(void *arg)
{
	long rc = pthread_rwlock_tryrdlock(&rw);

	(void)arg;
	if (!rc)
		pthread_rwlock_unlock(&rw);
	return (void *)rc;
}

UK_TESTCASE(pthread, rwlock)
{
	struct timespec ts;
	pthread_t t;
	void *r;

	UK_TEST_EXPECT_ZERO(pthread_rwlock_rdlock(&rw));
	UK_TEST_EXPECT_ZERO(pthread_rwlock_rdlock(&rw));
	pthread_create(&t, NULL, try_write, NULL);
	pthread_join(t, &r);
	UK_TEST_EXPECT_SNUM_EQ((long)r, EBUSY);
	pthread_create(&t, NULL, try_read, NULL);
	pthread_join(t, &r);
	UK_TEST_EXPECT_ZERO((long)r);
	UK_TEST_EXPECT_ZERO(pthread_rwlock_unlock(&rw));
	UK_TEST_EXPECT_ZERO(pthread_rwlock_unlock(&rw));
	UK_TEST_EXPECT_SNUM_EQ(pthread_rwlock_unlock(&rw), EPERM);

	UK_TEST_EXPECT_ZERO(pthread_rwlock_wrlock(&rw));
	UK_TEST_EXPECT_SNUM_EQ(pthread_rwlock_wrlock(&rw), EDEADLK);
	pthread_create(&t, NULL, try_read, NULL);
	pthread_join(t, &r);
	UK_TEST_EXPECT_SNUM_EQ((long)r, EBUSY);
	UK_TEST_EXPECT_SNUM_EQ(pthread_rwlock_destroy(&rw), EBUSY);
	UK_TEST_EXPECT_ZERO(pthread_rwlock_unlock(&rw));
	UK_TEST_EXPECT_ZERO(pthread_rwlock_rdlock(&rw));
	ts = in_ms(CLOCK_REALTIME, 10);
	UK_TEST_EXPECT_SNUM_EQ(pthread_rwlock_timedwrlock(&rw, &ts),
			       ETIMEDOUT);
	UK_TEST_EXPECT_ZERO(pthread_rwlock_unlock(&rw));
	UK_TEST_EXPECT_ZERO(pthread_rwlock_destroy(&rw));
}

static sem_t sem;

static void *post_later(void *arg)
{
	(void)arg;
	sched_yield();
	sem_post(&sem);
	return NULL;
}

UK_TESTCASE(pthread, semaphores)
{
	struct timespec ts, bad = { 0, NSEC_PER_SEC + 1 };
	pthread_t t;
	int v;

	UK_TEST_EXPECT_SNUM_EQ(sem_init(&sem, 0, 0x80000000U), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_ZERO(sem_init(&sem, 0, 1));
	UK_TEST_EXPECT_ZERO(sem_trywait(&sem));
	UK_TEST_EXPECT_SNUM_EQ(sem_trywait(&sem), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EAGAIN);
	ts = in_ms(CLOCK_REALTIME, 20);
	UK_TEST_EXPECT_SNUM_EQ(sem_timedwait(&sem, &ts), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ETIMEDOUT);
	UK_TEST_EXPECT_SNUM_GE(past(CLOCK_REALTIME, ts), 0);
	UK_TEST_EXPECT_SNUM_EQ(sem_timedwait(&sem, &bad), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	pthread_create(&t, NULL, post_later, NULL);
	UK_TEST_EXPECT_ZERO(sem_wait(&sem));
	pthread_join(t, NULL);
	UK_TEST_EXPECT_ZERO(sem_post(&sem));
	UK_TEST_EXPECT_ZERO(sem_post(&sem));
	UK_TEST_EXPECT_ZERO(sem_getvalue(&sem, &v));
	UK_TEST_EXPECT_SNUM_EQ(v, 2);
	UK_TEST_EXPECT_ZERO(sem_destroy(&sem));
}
