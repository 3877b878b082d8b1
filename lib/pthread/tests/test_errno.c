/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The C library's per-thread state under threads that interleave: errno
 * set by a failing call and read after other threads ran, strtok's
 * position, strerror and printf (a float conversion, which uses
 * per-thread big numbers), and that a thread's state is freed when it
 * ends (the allocator's count of live blocks comes back).
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <uk/test.h>

#define ROUNDS 50

struct worker {
	int err; /* the errno its failing call gives */
	const char *expect; /* what its snprintf must give */
	int bad; /* rounds where something else was found */
	int first_errno; /* errno when the thread started */
};

/* A call that fails with w->err (a system call's, a libc one's). */
static int fail_call(const struct worker *w)
{
	char c;
	static const char too_big[] = "999999999999999999999999";

	if (w->err == EBADF)
		return read(-1, &c, 1) == -1 ? 0 : -1;
	return strtol(too_big, NULL, 10) == LONG_MAX ? 0 : -1;
}

/*
 * Kernel code is built without the FPU registers on x86_64 (lib/newlib's
 * Makefile.uk): this function alone gets SSE, to pass doubles to printf.
 */
#if defined(__x86_64__)
#define WITH_FPU __attribute__((target("sse2")))
#else
#define WITH_FPU
#endif

static WITH_FPU void format_float(char *buf, size_t len, int err)
{
	snprintf(buf, len, "%s|%.1f|%f", strerror(err), err + 0.5, 1e30);
}

static void *errno_worker(void *arg)
{
	struct worker *w = arg;
	char text[64], buf[128], *tok;
	int i, n;

	w->first_errno = errno;
	for (i = 0; i < ROUNDS; i++) {
		if (fail_call(w))
			w->bad++;
		sched_yield();
		if (errno != w->err)
			w->bad++;
		/* strtok keeps its place per thread across the other's. */
		snprintf(text, sizeof(text), "%d,%d,%d", w->err, i, w->err);
		n = 0;
		for (tok = strtok(text, ","); tok; tok = strtok(NULL, ",")) {
			sched_yield();
			if (atoi(tok) != (n == 1 ? i : w->err))
				w->bad++;
			n++;
		}
		if (n != 3)
			w->bad++;
		format_float(buf, sizeof(buf), w->err);
		sched_yield();
		if (strcmp(buf, w->expect))
			w->bad++;
		if (errno != w->err)
			w->bad++;
	}
	return NULL;
}

static size_t live_blocks(void)
{
	return uk_alloc_get_default()->stats.cur_nb_allocs;
}

static void *nothing(void *arg)
{
	return arg;
}

UK_TESTCASE(pthread, errno_per_thread)
{
	struct worker a = {
		.err = EBADF,
		.expect = "Bad file number|9.5|"
			  "1000000000000000019884624838656.000000",
	};
	struct worker b = {
		.err = ERANGE,
		.expect = "Result too large|34.5|"
			  "1000000000000000019884624838656.000000",
	};
	pthread_t ta, tb;
	size_t before;

	UK_TEST_EXPECT_SNUM_EQ(EBADF, 9);
	UK_TEST_EXPECT_SNUM_EQ(ERANGE, 34);
	/* Once first: frees what earlier tests left (detached threads). */
	pthread_create(&ta, NULL, nothing, NULL);
	pthread_join(ta, NULL);
	before = live_blocks();
	errno = ENOEXEC;
	UK_TEST_EXPECT_ZERO(pthread_create(&ta, NULL, errno_worker, &a));
	UK_TEST_EXPECT_ZERO(pthread_create(&tb, NULL, errno_worker, &b));
	UK_TEST_EXPECT_ZERO(pthread_join(ta, NULL));
	UK_TEST_EXPECT_ZERO(pthread_join(tb, NULL));
	UK_TEST_EXPECT_SNUM_EQ(a.bad, 0);
	UK_TEST_EXPECT_SNUM_EQ(b.bad, 0);
	/* A new thread starts with errno 0; the main thread kept its own. */
	UK_TEST_EXPECT_SNUM_EQ(a.first_errno, 0);
	UK_TEST_EXPECT_SNUM_EQ(b.first_errno, 0);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOEXEC);
	UK_TEST_EXPECT_UNUM_EQ(live_blocks(), before);
}
