/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of the TLSF allocator: an instance of its own on memory
 * taken from the default allocator, unit checks and a randomized stress
 * test (seed=N on the command line, default 1).
 */
#include <uk/alloc.h>
#include <uk/alloctlsf.h>
#include <uk/test.h>
#include <uk/test_alloc.h>

#define HEAP_PAGES 256 /* 1 MiB with 4 KiB pages */

static struct uk_alloc *tlsf_instance(void)
{
	static struct uk_alloc *a;
	void *mem;

	if (a)
		return a;
	mem = uk_palloc(uk_alloc_get_default(), HEAP_PAGES);
	if (!mem)
		return NULL;
	a = uk_alloctlsf_init(mem, HEAP_PAGES * UK_ALLOC_PAGE_SIZE);
	return a;
}

UK_TESTCASE(alloctlsf, unit)
{
	struct uk_alloc *a = tlsf_instance();

	if (UK_TEST_EXPECT_NOT_NULL(a))
		uk_test_alloc_check(a, 0);
}

UK_TESTCASE(alloctlsf, stress)
{
	struct uk_alloc *a = tlsf_instance();

	if (UK_TEST_EXPECT_NOT_NULL(a))
		uk_test_alloc_stress(a, uk_test_arg_ulong("seed", 1), 20000,
				     64 * 1024);
}

UK_TESTCASE(alloctlsf, addmem)
{
	struct uk_alloc *a = tlsf_instance();
	void *more = uk_palloc(uk_alloc_get_default(), 32);
	__ssz before;

	if (!UK_TEST_EXPECT_NOT_NULL(a) || !UK_TEST_EXPECT_NOT_NULL(more))
		return;
	before = uk_alloc_availmem(a);
	UK_TEST_EXPECT_ZERO(uk_alloc_addmem(a, more, 32 * UK_ALLOC_PAGE_SIZE));
	UK_TEST_EXPECT_SNUM_GT(uk_alloc_availmem(a), before);
	uk_test_alloc_stress(a, uk_test_arg_ulong("seed", 1) + 1, 5000,
			     128 * 1024);
}
