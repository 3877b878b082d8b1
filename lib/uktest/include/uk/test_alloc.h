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

#endif /* __UK_TEST_ALLOC_H__ */
