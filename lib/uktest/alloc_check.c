/* SPDX-License-Identifier: BSD-3-Clause */
/* Allocator checks shared by the allocator suites (see test_alloc.h). */
#include <string.h>
#include <uk/test.h>
#include <uk/test_alloc.h>

#define STRESS_SLOTS 64

struct shadow {
	uint8_t *p;
	size_t size;
	uint8_t fill;
};

static int stats_of(struct uk_alloc *a, struct uk_alloc_stats *st)
{
	memset(st, 0, sizeof(*st));
	return uk_alloc_stats_get(a, st);
}

void uk_test_alloc_check(struct uk_alloc *a, unsigned int flags)
{
	struct uk_alloc_stats s0, s1;
	__ssz avail0 = uk_alloc_availmem(a);
	int have_stats = !stats_of(a, &s0);
	uint8_t *p, *q;
	size_t i;

	UK_TEST_EXPECT_SNUM_GT(avail0, 0);

	p = uk_malloc(a, 100);
	if (UK_TEST_EXPECT_NOT_NULL(p)) {
		UK_TEST_EXPECT_SNUM_GE(a->getsize(a, p), 100);
		UK_TEST_EXPECT_ZERO((uintptr_t)p % sizeof(void *));
		UK_TEST_EXPECT_SNUM_GT(avail0, uk_alloc_availmem(a));
		memset(p, 0xa5, 100);
		if (have_stats) {
			stats_of(a, &s1);
			UK_TEST_EXPECT_UNUM_EQ(s1.cur_nb_allocs,
					       s0.cur_nb_allocs + 1);
			UK_TEST_EXPECT_UNUM_EQ(s1.tot_nb_allocs,
					       s0.tot_nb_allocs + 1);
			UK_TEST_EXPECT_UNUM_EQ(s1.cur_mem_use,
					       s0.cur_mem_use +
						       a->getsize(a, p));
		}
		uk_free(a, p);
	}
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_availmem(a), avail0);

	/* Alignments from 1 to 64 KiB. */
	for (i = 1; i <= 65536; i <<= 1) {
		p = uk_memalign(a, i, 24);
		if (!UK_TEST_EXPECT_NOT_NULL(p))
			continue;
		UK_TEST_EXPECT_ZERO((uintptr_t)p & (i - 1));
		uk_free(a, p);
	}
	UK_TEST_EXPECT_NULL(uk_memalign(a, 3, 16));

	/* calloc zeroes, also memory that was dirty before. */
	p = uk_malloc(a, 256);
	if (UK_TEST_EXPECT_NOT_NULL(p)) {
		memset(p, 0xff, 256);
		uk_free(a, p);
	}
	p = uk_calloc(a, 16, 16);
	if (UK_TEST_EXPECT_NOT_NULL(p)) {
		for (i = 0; i < 256 && !p[i]; i++)
			;
		UK_TEST_EXPECT_UNUM_EQ(i, 256);
		uk_free(a, p);
	}
	/* Overflowing nmemb * size must fail, not wrap. */
	UK_TEST_EXPECT_NULL(uk_calloc(a, SIZE_MAX / 2, 4));

	/* realloc keeps the content, grown and shrunk. */
	p = uk_malloc(a, 40);
	if (UK_TEST_EXPECT_NOT_NULL(p)) {
		for (i = 0; i < 40; i++)
			p[i] = (uint8_t)i;
		q = uk_realloc(a, p, 5000);
		if (UK_TEST_EXPECT_NOT_NULL(q)) {
			for (i = 0; i < 40 && q[i] == (uint8_t)i; i++)
				;
			UK_TEST_EXPECT_UNUM_EQ(i, 40);
			p = uk_realloc(a, q, 10);
			if (UK_TEST_EXPECT_NOT_NULL(p)) {
				for (i = 0; i < 10 && p[i] == (uint8_t)i; i++)
					;
				UK_TEST_EXPECT_UNUM_EQ(i, 10);
			}
		}
		uk_free(a, p ? p : q);
	}

	/* Too big fails and is counted. */
	UK_TEST_EXPECT_NULL(uk_malloc(a, (size_t)avail0 * 2));

	if (!(flags & UK_TEST_ALLOC_NO_PALLOC)) {
		p = uk_palloc(a, 3);
		if (UK_TEST_EXPECT_NOT_NULL(p)) {
			UK_TEST_EXPECT_ZERO((uintptr_t)p &
					    (UK_ALLOC_PAGE_SIZE - 1));
			memset(p, 1, 3 * UK_ALLOC_PAGE_SIZE);
			uk_pfree(a, p, 3);
		}
	}

	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_availmem(a), avail0);
	if (have_stats) {
		stats_of(a, &s1);
		UK_TEST_EXPECT_UNUM_EQ(s1.cur_nb_allocs, s0.cur_nb_allocs);
		UK_TEST_EXPECT_UNUM_EQ(s1.cur_mem_use, s0.cur_mem_use);
		UK_TEST_EXPECT_UNUM_EQ(s1.tot_nb_allocs - s0.tot_nb_allocs,
				       s1.tot_nb_frees - s0.tot_nb_frees);
		UK_TEST_EXPECT_SNUM_GE(s1.nb_enomem, s0.nb_enomem + 2);
		UK_TEST_EXPECT_SNUM_GE(s1.max_mem_use, 5000);
	}
	(void)flags;
}

/* Every byte of a block holds fill + its offset. */
static void fill_block(struct shadow *s)
{
	for (size_t i = 0; i < s->size; i++)
		s->p[i] = (uint8_t)(s->fill + i);
}

static int check_block(const struct shadow *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s->p[i] != (uint8_t)(s->fill + i)) {
			UK_TEST_FAIL("block %p+%zu: byte %u, expected %u", s->p,
				     i, s->p[i], (uint8_t)(s->fill + i));
			return 0;
		}
	return 1;
}

static int overlaps(const struct shadow *tab, unsigned int self,
		    const uint8_t *p, size_t size)
{
	for (unsigned int i = 0; i < STRESS_SLOTS; i++) {
		if (i == self || !tab[i].p)
			continue;
		if (p < tab[i].p + tab[i].size && tab[i].p < p + size) {
			UK_TEST_FAIL("block %p+%zu overlaps live %p+%zu", p,
				     size, tab[i].p, tab[i].size);
			return 1;
		}
	}
	return 0;
}

void uk_test_alloc_stress(struct uk_alloc *a, uint32_t seed, unsigned int iters,
			  size_t max_size)
{
	struct shadow tab[STRESS_SLOTS];
	struct uk_alloc_stats s0, s1;
	__ssz avail0 = uk_alloc_availmem(a);
	int have_stats = !stats_of(a, &s0);
	uint32_t r = seed ? seed : 1;
	unsigned int ok = 0, nomem = 0, errors = 0;

	/*
	 * stress_div=N on the command line divides the work, for machines
	 * where memory access is slow (this host's software KVM).
	 */
	iters /= (unsigned int)MAX(uk_test_arg_ulong("stress_div", 1), 1UL);
	max_size /= MAX(uk_test_arg_ulong("stress_div", 1), 1UL);
	if (max_size < 1024)
		max_size = 1024;
	memset(tab, 0, sizeof(tab));
	for (unsigned int it = 0; it < iters && errors < 5; it++) {
		unsigned int slot = uk_test_rand(&r) % STRESS_SLOTS;
		struct shadow *s = &tab[slot];
		uint32_t op = uk_test_rand(&r);
		/* Mostly small blocks, sometimes large ones. */
		size_t size = (op & 0xf0) ? uk_test_rand(&r) % 512 + 1 :
					    uk_test_rand(&r) % max_size + 1;
		size_t align = (size_t)1 << (uk_test_rand(&r) % 13);
		uint8_t *p;

		if (s->p && (op & 3) != 3) {
			errors += !check_block(s, s->size);
			uk_free(a, s->p);
			s->p = NULL;
			continue;
		}
		if (s->p) { /* realloc, content kept up to the smaller size */
			p = uk_realloc(a, s->p, size);
			if (!p) {
				nomem++;
				continue;
			}
			s->p = p;
			errors += !check_block(s, MIN(size, s->size));
		} else {
			switch ((op >> 2) & 3) {
			case 0:
				p = uk_memalign(a, align, size);
				break;
			case 1:
				p = uk_calloc(a, 1, size);
				if (p)
					for (size_t i = 0; i < size; i++)
						if (p[i]) {
							UK_TEST_FAIL(
								"calloc %p+%zu not zero",
								p, i);
							errors++;
							break;
						}
				align = 1;
				break;
			default:
				p = uk_malloc(a, size);
				align = sizeof(void *);
				break;
			}
			if (!p) {
				nomem++;
				continue;
			}
			if ((uintptr_t)p & (align - 1)) {
				UK_TEST_FAIL("%p not aligned to %zu", p, align);
				errors++;
			}
			if (a->getsize(a, p) < size) {
				UK_TEST_FAIL("getsize %zu < %zu",
					     a->getsize(a, p), size);
				errors++;
			}
			s->p = p;
		}
		s->size = size;
		s->fill = (uint8_t)(op >> 8);
		errors += overlaps(tab, slot, s->p, size);
		fill_block(s);
		ok++;
	}
	for (unsigned int i = 0; i < STRESS_SLOTS; i++)
		if (tab[i].p) {
			check_block(&tab[i], tab[i].size);
			uk_free(a, tab[i].p);
		}
	UK_TEST_EXPECT_ZERO(errors);
	/* The test must have done real work, not just failed. */
	UK_TEST_EXPECT_SNUM_GT(ok, iters / 4);
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_availmem(a), avail0);
	if (have_stats) {
		stats_of(a, &s1);
		UK_TEST_EXPECT_UNUM_EQ(s1.cur_nb_allocs, s0.cur_nb_allocs);
		UK_TEST_EXPECT_UNUM_EQ(s1.cur_mem_use, s0.cur_mem_use);
	}
	(void)nomem;
}
