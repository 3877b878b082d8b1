/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Micro-benchmarks run by bench/alloc.sh and bench/sched.sh (argument
 * bench=alloc, bench=sched or bench=idle). Lines: "bench: NAME VALUE UNIT".
 */
#include <stdio.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#if CONFIG_LIBUKALLOCREGION
#include <uk/allocregion.h>
#endif
#if CONFIG_LIBUKALLOCTLSF
#include <uk/alloctlsf.h>
#endif
#include <uk/plat/time.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif
#include <uk/test.h>
#include "bench.h"

#define HEAP_PAGES 256
#define SLOTS 16

/*
 * malloc/free pairs with mixed sizes (16 B to 4 KiB, a fixed random
 * sequence), 16 blocks live at a time; the host program in
 * bench/alloc.sh does the same with glibc.
 */
static void bench_alloc_one(const char *name, struct uk_alloc *a,
			    unsigned long pairs)
{
	void *live[SLOTS] = { 0 };
	uint32_t r = 12345;
	__nsec t0, dt;

	if (!a) {
		printf("bench: alloc_%s failed to set up\n", name);
		return;
	}
	t0 = ukplat_monotonic_clock();
	for (unsigned long i = 0; i < pairs; i++) {
		unsigned int s = i % SLOTS;
		size_t size = 16 + uk_test_rand(&r) % 4081;

		uk_free(a, live[s]);
		live[s] = uk_malloc(a, size);
	}
	for (unsigned int s = 0; s < SLOTS; s++)
		uk_free(a, live[s]);
	dt = ukplat_monotonic_clock() - t0;
	printf("bench: alloc_%s %llu pairs/s\n", name,
	       (unsigned long long)(pairs * 1000000000ULL /
				    (unsigned long long)(dt ? dt : 1)));
}

static struct uk_alloc *heap(void)
{
	return uk_palloc(uk_alloc_get_default(), HEAP_PAGES);
}

void bench_alloc(void)
{
	unsigned long n = uk_test_arg_ulong("pairs", 1000000);
	void *m;

	m = heap();
	bench_alloc_one("bbuddy",
			m ? uk_allocbbuddy_init(m, HEAP_PAGES * 4096UL) : NULL,
			n);
#if CONFIG_LIBUKALLOCREGION
	m = heap();
	bench_alloc_one("region",
			m ? uk_allocregion_init(m, HEAP_PAGES * 4096UL) : NULL,
			n);
#endif
#if CONFIG_LIBUKALLOCTLSF
	m = heap();
	bench_alloc_one("tlsf",
			m ? uk_alloctlsf_init(m, HEAP_PAGES * 4096UL) : NULL,
			n);
#endif
}

#if CONFIG_LIBUKSCHED
static volatile int stop;

static void yielder(void *arg __unused)
{
	while (!stop)
		uk_sched_yield();
}

/* Two threads yielding to each other: each yield is one switch. */
void bench_sched(void)
{
	unsigned long n = uk_test_arg_ulong("switches", 1000000);
	struct uk_thread *t;
	unsigned long s0;
	__nsec t0, dt;

	stop = 0;
	t = uk_thread_create("yielder", yielder, NULL, 0);
	if (!t) {
		printf("bench: sched failed to set up\n");
		return;
	}
	s0 = uk_sched_switch_count();
	t0 = ukplat_monotonic_clock();
	while (uk_sched_switch_count() - s0 < n)
		uk_sched_yield();
	dt = ukplat_monotonic_clock() - t0;
	n = uk_sched_switch_count() - s0;
	stop = 1;
	uk_thread_join(t);
	printf("bench: ctx_switches %llu switches/s\n",
	       (unsigned long long)(n * 1000000000ULL /
				    (unsigned long long)(dt ? dt : 1)));
}

/* The boot thread sleeps idle_ms (1000): the host measures the CPU time
 * the idle thread burns meanwhile. */
void bench_idle(void)
{
	unsigned long ms = uk_test_arg_ulong("idle_ms", 1000);
	__nsec t0 = ukplat_monotonic_clock();

	uk_sched_sleep_ns(ms * 1000000ULL);
	printf("bench: idle_slept %llu ms\n",
	       (unsigned long long)((ukplat_monotonic_clock() - t0) /
				    1000000ULL));
}
#else
void bench_sched(void)
{
	printf("bench: sched needs CONFIG_LIBUKSCHED\n");
}

void bench_idle(void)
{
	printf("bench: idle needs CONFIG_LIBUKSCHED\n");
}
#endif
