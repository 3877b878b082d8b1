/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of the region allocator on memory from the default allocator:
 * the shared unit checks and stress test (the region is reclaimed once
 * nothing is live), and the documented free rules.
 */
#include <uk/allocregion.h>
#include <uk/test.h>
#include <uk/test_alloc.h>

#define HEAP_PAGES 256 /* 1 MiB with 4 KiB pages */

static struct uk_alloc *region_instance(void)
{
	static struct uk_alloc *a;
	void *mem;

	if (a)
		return a;
	mem = uk_palloc(uk_alloc_get_default(), HEAP_PAGES);
	if (mem)
		a = uk_allocregion_init(mem, HEAP_PAGES * UK_ALLOC_PAGE_SIZE);
	return a;
}

UK_TESTCASE(allocregion, unit)
{
	struct uk_alloc *a = region_instance();

	if (UK_TEST_EXPECT_NOT_NULL(a))
		uk_test_alloc_check(a, UK_TEST_ALLOC_NO_REUSE);
}

UK_TESTCASE(allocregion, free_rules)
{
	struct uk_alloc *a = region_instance();
	__ssz avail0, av;
	char *p, *q;

	if (!UK_TEST_EXPECT_NOT_NULL(a))
		return;
	avail0 = uk_alloc_availmem(a);
	p = uk_malloc(a, 100);
	q = uk_malloc(a, 100);
	if (!UK_TEST_EXPECT_NOT_NULL(p) || !UK_TEST_EXPECT_NOT_NULL(q))
		return;
	UK_TEST_EXPECT(q > p);
	/* Freeing an older block gives nothing back... */
	av = uk_alloc_availmem(a);
	uk_free(a, p);
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_availmem(a), av);
	/* ...freeing the last live one gives back the whole region. */
	uk_free(a, q);
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_availmem(a), avail0);
	/* The most recent block is given back at once. */
	p = uk_malloc(a, 100);
	q = uk_malloc(a, 1000);
	av = uk_alloc_availmem(a);
	uk_free(a, q);
	UK_TEST_EXPECT_SNUM_GE(uk_alloc_availmem(a), av + 1000);
	UK_TEST_EXPECT_PTR_EQ(uk_malloc(a, 1000), q);
	uk_free(a, q);
	uk_free(a, p);
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_availmem(a), avail0);
}

UK_TESTCASE(allocregion, stress)
{
	struct uk_alloc *a = region_instance();

	if (UK_TEST_EXPECT_NOT_NULL(a))
		uk_test_alloc_stress(a, uk_test_arg_ulong("seed", 1), 5000,
				     16 * 1024);
}
