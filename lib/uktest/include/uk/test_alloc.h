/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Allocator checks shared by the allocator suites: uk_test_alloc_check()
 * runs unit tests on any struct uk_alloc, uk_test_alloc_stress() a
 * randomized stress test. Both report through the running uktest case.
 */
#ifndef __UK_TEST_ALLOC_H__
#define __UK_TEST_ALLOC_H__

#include <uk/alloc.h>

/* Allocator properties the checks must respect. */
#define UK_TEST_ALLOC_NO_REUSE 0x1 /* freed blocks are not reused (region) */
#define UK_TEST_ALLOC_NO_PALLOC 0x2

/* Basic behaviour: sizes, alignment, calloc, realloc, statistics. */
void uk_test_alloc_check(struct uk_alloc *a, unsigned int flags);

/*
 * iters random operations (malloc, memalign, calloc, realloc, free) with
 * random sizes up to max_size and alignments up to 4096, from seed. Keeps
 * a shadow table of live blocks: no two overlap, every byte written is
 * read back, and once all is freed availmem and the statistics are back
 * where they started.
 */
void uk_test_alloc_stress(struct uk_alloc *a, uint32_t seed, unsigned int iters,
			  size_t max_size);

/*
 * The suite every general-purpose allocator gets: an instance of its own,
 * initialised by init(base, len) on `pages` pages of the default
 * allocator, then unit checks, a stress run (seed=N on the command line)
 * and a second region added with addmem.
 */
#define UK_TEST_ALLOC_SUITE(suite, init, pages)                               \
	static struct uk_alloc *suite##_instance(void)                         \
	{                                                                      \
		static struct uk_alloc *a;                                     \
		void *mem;                                                     \
                                                                               \
		if (a)                                                         \
			return a;                                              \
		mem = uk_palloc(uk_alloc_get_default(), (pages));              \
		if (mem)                                                       \
			a = init(mem, (pages) * UK_ALLOC_PAGE_SIZE);           \
		return a;                                                      \
	}                                                                      \
	UK_TESTCASE(suite, unit)                                               \
	{                                                                      \
		struct uk_alloc *a = suite##_instance();                       \
                                                                               \
		if (UK_TEST_EXPECT_NOT_NULL(a))                                \
			uk_test_alloc_check(a, 0);                             \
	}                                                                      \
	UK_TESTCASE(suite, stress)                                             \
	{                                                                      \
		struct uk_alloc *a = suite##_instance();                       \
                                                                               \
		if (UK_TEST_EXPECT_NOT_NULL(a))                                \
			uk_test_alloc_stress(a, uk_test_arg_ulong("seed", 1),  \
					     20000, 64 * 1024);                \
	}                                                                      \
	UK_TESTCASE(suite, addmem)                                             \
	{                                                                      \
		struct uk_alloc *a = suite##_instance();                       \
		void *more = uk_palloc(uk_alloc_get_default(), 32);            \
		__ssz before;                                                  \
                                                                               \
		if (!UK_TEST_EXPECT_NOT_NULL(a) ||                             \
		    !UK_TEST_EXPECT_NOT_NULL(more))                            \
			return;                                                \
		before = uk_alloc_availmem(a);                                 \
		UK_TEST_EXPECT_ZERO(                                           \
			uk_alloc_addmem(a, more, 32 * UK_ALLOC_PAGE_SIZE));    \
		UK_TEST_EXPECT_SNUM_GT(uk_alloc_availmem(a), before);          \
		uk_test_alloc_stress(a, uk_test_arg_ulong("seed", 1) + 1,      \
				     5000, 128 * 1024);                        \
	}

#endif /* __UK_TEST_ALLOC_H__ */
