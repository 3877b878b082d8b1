/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of the ukalloc API layer on the default (boot) allocator. */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/test.h>
#include <uk/test_alloc.h>

UK_TESTCASE(alloc, default_registered)
{
	struct uk_alloc *a = uk_alloc_get_default(), *it;
	int found = 0;

	if (!UK_TEST_EXPECT_NOT_NULL(a))
		return;
	uk_alloc_foreach(it) found += it == a;
	UK_TEST_EXPECT_SNUM_EQ(found, 1);
	/* Registering again is harmless and keeps one entry. */
	UK_TEST_EXPECT_ZERO(uk_alloc_register(a));
	found = 0;
	uk_alloc_foreach(it) found += it == a;
	UK_TEST_EXPECT_SNUM_EQ(found, 1);
}

UK_TESTCASE(alloc, posix_memalign_rules)
{
	struct uk_alloc *a = uk_alloc_get_default();
	void *p = NULL;

	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &p, 3, 8), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &p, 2, 8),
			       sizeof(void *) > 2 ? EINVAL : 0);
	UK_TEST_EXPECT_ZERO(uk_posix_memalign(a, &p, 256, 100));
	if (UK_TEST_EXPECT_NOT_NULL(p)) {
		UK_TEST_EXPECT_ZERO((uintptr_t)p & 255);
		uk_free(a, p);
	}
	/* free(NULL) and realloc(NULL, n) follow the C rules. */
	uk_free(a, NULL);
	p = uk_realloc(a, NULL, 10);
	UK_TEST_EXPECT_NOT_NULL(p);
	UK_TEST_EXPECT_NULL(uk_realloc(a, p, 0));
}

UK_TESTCASE(alloc, stats)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_alloc_stats s0, s1;
	void *p;

#if CONFIG_LIBUKALLOC_STATS
	UK_TEST_EXPECT_ZERO(uk_alloc_stats_get(a, &s0));
	p = uk_malloc(a, 1000);
	UK_TEST_EXPECT_ZERO(uk_alloc_stats_get(a, &s1));
	UK_TEST_EXPECT_UNUM_EQ(s1.cur_nb_allocs, s0.cur_nb_allocs + 1);
	UK_TEST_EXPECT_SNUM_GE(s1.cur_mem_use, s0.cur_mem_use + 1000);
	UK_TEST_EXPECT_SNUM_GE(s1.max_mem_use, s1.cur_mem_use);
	UK_TEST_EXPECT_SNUM_GE(s1.max_nb_allocs, s1.cur_nb_allocs);
	uk_free(a, p);
	UK_TEST_EXPECT_ZERO(uk_alloc_stats_get(a, &s1));
	UK_TEST_EXPECT_UNUM_EQ(s1.cur_nb_allocs, s0.cur_nb_allocs);
	UK_TEST_EXPECT_UNUM_EQ(s1.tot_nb_frees, s0.tot_nb_frees + 1);
	UK_TEST_EXPECT_NULL(uk_malloc(a, SIZE_MAX / 2));
	UK_TEST_EXPECT_ZERO(uk_alloc_stats_get(a, &s1));
	UK_TEST_EXPECT_UNUM_EQ(s1.nb_enomem, s0.nb_enomem + 1);
#else
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_stats_get(a, &s0), -ENOTSUP);
	(void)s1;
	(void)p;
#endif
}

UK_TESTCASE(alloc, default_check)
{
	uk_test_alloc_check(uk_alloc_get_default(), 0);
}
