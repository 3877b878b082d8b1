/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of uksched with the linked scheduler policy (ukschedcoop). */
#include <errno.h>
#include <stdio.h>
#include <uk/alloc.h>
#include <uk/plat/paging.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/test.h>

static void set_int(void *arg)
{
	*(int *)arg = 42;
}

UK_TESTCASE(sched, create_join)
{
	int v = 0;
	struct uk_thread *t = uk_thread_create("t", set_int, &v, 0);

	if (!UK_TEST_EXPECT_NOT_NULL(t))
		return;
	UK_TEST_EXPECT_ZERO(uk_thread_join(t));
	UK_TEST_EXPECT_SNUM_EQ(v, 42);
	UK_TEST_EXPECT_SNUM_EQ(uk_thread_join(uk_thread_current()), -EINVAL);
}

struct log {
	char buf[32];
	unsigned int n;
};

static struct log rr_log;

static void rr_fn(void *arg)
{
	for (int i = 0; i < 3; i++) {
		rr_log.buf[rr_log.n++] = *(char *)arg;
		uk_sched_yield();
	}
}

/* Runnable threads take turns in creation order. */
UK_TESTCASE(sched, round_robin)
{
	static char a = 'a', b = 'b', c = 'c';
	struct uk_thread *t[3];

	rr_log.n = 0;
	t[0] = uk_thread_create("a", rr_fn, &a, 0);
	t[1] = uk_thread_create("b", rr_fn, &b, 0);
	t[2] = uk_thread_create("c", rr_fn, &c, 0);
	for (int i = 0; i < 3; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	rr_log.buf[rr_log.n] = 0;
	UK_TEST_EXPECT_SNUM_EQ(rr_log.n, 9);
	UK_TEST_EXPECT_ZERO(__builtin_strcmp(rr_log.buf, "abcabcabc"));
}

static __nsec sleep_base;

/*
 * Deadlines are taken from one base so the wake order does not depend on
 * how long the threads took to reach their sleep (a loaded host running
 * TCG can stall a guest for tens of milliseconds).
 */
static void sleeper(void *arg)
{
	int ms = *(int *)arg;

	uk_sched_sleep_until(sleep_base + ukarch_time_msec_to_nsec(ms));
	rr_log.buf[rr_log.n++] = (char)('0' + ms / 100);
}

/* Sleepers wake after their time, in deadline order. */
UK_TESTCASE(sched, sleep)
{
	static int ms[3] = { 300, 100, 200 };
	struct uk_thread *t[3];
	__nsec dt, t0;

	rr_log.n = 0;
	sleep_base = ukplat_monotonic_clock();
	for (int i = 0; i < 3; i++)
		t[i] = uk_thread_create("sleeper", sleeper, &ms[i], 0);
	for (int i = 0; i < 3; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	dt = ukplat_monotonic_clock() - sleep_base;
	rr_log.buf[rr_log.n] = 0;
	UK_TEST_EXPECT_ZERO(__builtin_strcmp(rr_log.buf, "123"));
	UK_TEST_EXPECT_SNUM_GE(dt, ukarch_time_msec_to_nsec(300));
	UK_TEST_EXPECT(dt < ukarch_time_sec_to_nsec(10));
	/* A relative sleep of the boot thread, through the idle thread. */
	t0 = ukplat_monotonic_clock();
	uk_sched_sleep_ns(ukarch_time_msec_to_nsec(5));
	UK_TEST_EXPECT_SNUM_GE(ukplat_monotonic_clock() - t0,
			       ukarch_time_msec_to_nsec(5));
}

static struct uk_waitq wq = UK_WAITQ_INITIALIZER;
static int items;

static void consumer(void *arg)
{
	int *got = arg;

	while (*got < 5) {
		uk_waitq_wait_event(&wq, items > 0);
		items--;
		(*got)++;
	}
}

UK_TESTCASE(sched, waitq)
{
	int got = 0;
	struct uk_thread *t = uk_thread_create("consumer", consumer, &got, 0);

	if (!UK_TEST_EXPECT_NOT_NULL(t))
		return;
	uk_sched_yield(); /* the consumer blocks */
	UK_TEST_EXPECT_ZERO(got);
	for (int i = 0; i < 5; i++) {
		items++;
		UK_TEST_EXPECT_SNUM_EQ(uk_waitq_wake_one(&wq), 1);
		uk_sched_yield();
		UK_TEST_EXPECT_SNUM_EQ(got, i + 1);
	}
	uk_thread_join(t);
	UK_TEST_EXPECT_ZERO(uk_waitq_wake_one(&wq));
}

static void tls_fn(void *arg)
{
	uk_thread_tls_set(arg);
	for (int i = 0; i < 3; i++) {
		uk_sched_yield();
		if (uk_thread_tls_get() != arg)
			*(int *)arg = -1;
	}
}

UK_TESTCASE(sched, tls)
{
	int a = 0, b = 0;
	void *mine = uk_thread_tls_get();
	struct uk_thread *ta = uk_thread_create("a", tls_fn, &a, 0);
	struct uk_thread *tb = uk_thread_create("b", tls_fn, &b, 0);

	if (ta)
		uk_thread_join(ta);
	if (tb)
		uk_thread_join(tb);
	UK_TEST_EXPECT_ZERO(a);
	UK_TEST_EXPECT_ZERO(b);
	UK_TEST_EXPECT_PTR_EQ(uk_thread_tls_get(), mine);
}

static void nop_fn(void *arg)
{
	(*(int *)arg)++;
	uk_sched_yield();
}

/* Many threads; joining frees everything they took. */
UK_TESTCASE(sched, many_threads_no_leak)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_thread *t[40];
	__ssz avail0 = uk_alloc_availmem(a);
	int count = 0;

	for (int i = 0; i < 40; i++)
		t[i] = uk_thread_create("many", nop_fn, &count, 4096);
	for (int i = 0; i < 40; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	UK_TEST_EXPECT_SNUM_EQ(count, 40);
#if CONFIG_LIBUKBOOT_HEAP_REGION
	/* A bump allocator never takes memory back. */
	printf("sched.many_threads_no_leak: heap is the region allocator, "
	       "which never frees: no leak check\n");
	UK_TEST_EXPECT(uk_alloc_availmem(a) < avail0);
#else
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_availmem(a), avail0);
#endif
}

/*
 * Where the platform makes guard pages, the page under each thread stack
 * is one (a second guard on it is refused) and is ordinary memory again
 * after the join; elsewhere the canary is all there is, and we say so.
 */
UK_TESTCASE(sched, stack_guard)
{
	unsigned long gs = ukplat_page_guard_size();
	int count = 0;
	struct uk_thread *t = uk_thread_create("guarded", nop_fn, &count, 0);
	void *mem;

	if (!UK_TEST_EXPECT_NOT_NULL(t))
		return;
	mem = t->stack_mem;
	if (!gs) {
		printf("sched.stack_guard: no guard pages on this platform "
		       "(ukplat_page_guard_size() = 0): canary only\n");
		UK_TEST_EXPECT_ZERO(t->guarded);
		UK_TEST_EXPECT_SNUM_EQ(ukplat_page_set_guard(mem, "x"),
				       -EOPNOTSUPP);
	} else {
		UK_TEST_EXPECT(t->guarded);
		UK_TEST_EXPECT_ZERO((uintptr_t)mem % gs);
		UK_TEST_EXPECT_PTR_EQ(t->stack, (char *)mem + gs);
		UK_TEST_EXPECT_SNUM_EQ(ukplat_page_set_guard(mem, "x"), -EBUSY);
		UK_TEST_EXPECT_SNUM_EQ(ukplat_page_clear_guard(t->stack),
				       -EINVAL);
	}
	uk_thread_join(t);
	UK_TEST_EXPECT_SNUM_EQ(count, 1);
	if (gs) {
		/* The join gave the page back: a guard can go there again. */
		UK_TEST_EXPECT_ZERO(ukplat_page_set_guard(mem, "again"));
		UK_TEST_EXPECT_ZERO(ukplat_page_clear_guard(mem));
	}
}

static __thread int tls_zero; /* .tbss */
static __thread int tls_init = 1234; /* .tdata */
static __thread char tls_tag[8] = "init"; /* .tdata, more than a word */

struct tls_result {
	int id, saw_initial, saw_own;
	void *addr;
};

static void tls_var_fn(void *arg)
{
	struct tls_result *r = arg;

	r->saw_initial = tls_zero == 0 && tls_init == 1234 &&
			 !__builtin_strcmp(tls_tag, "init");
	r->addr = &tls_zero;
	tls_tag[0] = (char)('0' + r->id);
	for (int i = 0; i < 5; i++) {
		tls_zero += r->id;
		tls_init += r->id;
		uk_sched_yield(); /* the other thread runs in between */
	}
	r->saw_own = tls_zero == 5 * r->id && tls_init == 1234 + 5 * r->id &&
		     tls_tag[0] == (char)('0' + r->id);
}

/*
 * __thread variables: each new thread starts from the initial values and
 * keeps its own copy across switches; the boot thread's is separate.
 */
UK_TESTCASE(sched, tls_vars)
{
	struct tls_result r[2] = { { .id = 1 }, { .id = 2 } };
	struct uk_thread *t[2];

	if (!uk_sched_tls_size()) {
		printf("sched.tls_vars: not run: this platform cannot set the "
		       "thread pointer (see the boot warning)\n");
		return;
	}
	tls_zero = 7;
	tls_init = 99;
	for (int i = 0; i < 2; i++)
		t[i] = uk_thread_create("tls", tls_var_fn, &r[i], 0);
	for (int i = 0; i < 2; i++)
		if (UK_TEST_EXPECT_NOT_NULL(t[i]))
			uk_thread_join(t[i]);
	for (int i = 0; i < 2; i++) {
		UK_TEST_EXPECT(r[i].saw_initial);
		UK_TEST_EXPECT(r[i].saw_own);
		UK_TEST_EXPECT(r[i].addr != (void *)&tls_zero);
	}
	UK_TEST_EXPECT(r[0].addr != r[1].addr);
	UK_TEST_EXPECT_SNUM_EQ(tls_zero, 7);
	UK_TEST_EXPECT_SNUM_EQ(tls_init, 99);
	UK_TEST_EXPECT_ZERO(__builtin_strcmp(tls_tag, "init"));
}
