/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Plain POSIX, built both as a unikernel (newlib + lib/pthread) and
 * natively (glibc): mutex lock/unlock pairs per second in one thread,
 * and round trips per second of a ping-pong between two threads on two
 * condition variables. Prints "mutex_pairs_per_s N" and
 * "condvar_roundtrips_per_s N". argv[1], argv[2]: the counts.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ping = PTHREAD_COND_INITIALIZER;
static pthread_cond_t pong = PTHREAD_COND_INITIALIZER;
static long turn, rounds;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *ponger(void *arg)
{
	long i;

	(void)arg;
	pthread_mutex_lock(&m);
	for (i = 0; i < rounds; i++) {
		while (!(turn & 1))
			pthread_cond_wait(&ping, &m);
		turn++;
		pthread_cond_signal(&pong);
	}
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(int argc, char *argv[])
{
	long pairs = argc > 1 ? atol(argv[1]) : 2000000;
	long i, sink = 0;
	pthread_t t;
	double t0, t1;

	rounds = argc > 2 ? atol(argv[2]) : 100000;
	if (pairs <= 0 || rounds <= 0) {
		fprintf(stderr, "usage: pthreadbench [PAIRS [ROUNDS]] (> 0)\n");
		return 2;
	}
	t0 = now();
	for (i = 0; i < pairs; i++) {
		pthread_mutex_lock(&m);
		sink += i;
		pthread_mutex_unlock(&m);
	}
	t1 = now();
	printf("mutex_pairs_per_s %.0f\n", pairs / (t1 - t0));

	if (pthread_create(&t, NULL, ponger, NULL)) {
		fprintf(stderr, "pthread_create failed\n");
		return 1;
	}
	t0 = now();
	pthread_mutex_lock(&m);
	for (i = 0; i < rounds; i++) {
		turn++;
		pthread_cond_signal(&ping);
		while (turn & 1)
			pthread_cond_wait(&pong, &m);
	}
	pthread_mutex_unlock(&m);
	t1 = now();
	pthread_join(t, NULL);
	printf("condvar_roundtrips_per_s %.0f\n", rounds / (t1 - t0));
	return sink == (pairs - 1) * pairs / 2 && turn == 2 * rounds ? 0 : 1;
}
