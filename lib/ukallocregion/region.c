/* SPDX-License-Identifier: BSD-3-Clause */
/* Region (bump) allocator: see include/uk/allocregion.h. */
#include <string.h>
#include <uk/allocregion.h>

struct region {
	struct uk_alloc a;
	uintptr_t start, top, end;
	size_t live;
};

struct block_hdr {
	uintptr_t prev_top; /* top of the region before this block */
	size_t size;
};

#define MIN_ALIGN (sizeof(struct block_hdr) > 8 ? sizeof(struct block_hdr) : 8)

static void *region_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	struct region *r = (struct region *)a;
	struct block_hdr *h;
	uintptr_t p;

	if (!size)
		return NULL;
	if (align < MIN_ALIGN)
		align = MIN_ALIGN;
	/* Keep tops aligned so headers are too; reject wrap-arounds. */
	if (size > r->end - r->top || align > r->end - r->top)
		return NULL;
	p = ALIGN_UP(r->top + sizeof(*h), align);
	size = ALIGN_UP(size, MIN_ALIGN);
	if (p < r->top || p > r->end || size > r->end - p)
		return NULL;
	h = (struct block_hdr *)p - 1;
	h->prev_top = r->top;
	h->size = size;
	r->top = p + size;
	r->live++;
	return (void *)p;
}

static void *region_malloc(struct uk_alloc *a, size_t size)
{
	return region_memalign(a, MIN_ALIGN, size);
}

static void region_free(struct uk_alloc *a, void *ptr)
{
	struct region *r = (struct region *)a;
	struct block_hdr *h = (struct block_hdr *)ptr - 1;

	if (!ptr)
		return;
	if ((uintptr_t)ptr + h->size == r->top)
		r->top = h->prev_top;
	if (--r->live == 0)
		r->top = r->start;
}

static size_t region_getsize(struct uk_alloc *a __unused, const void *ptr)
{
	return ((const struct block_hdr *)ptr - 1)->size;
}

/* The last block grows or shrinks in place. */
static void *region_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	struct region *r = (struct region *)a;
	struct block_hdr *h = (struct block_hdr *)ptr - 1;
	void *n;

	if ((uintptr_t)ptr + h->size == r->top &&
	    size <= r->end - (uintptr_t)ptr) {
		h->size = ALIGN_UP(size, MIN_ALIGN);
		r->top = (uintptr_t)ptr + h->size;
		return ptr;
	}
	n = region_malloc(a, size);
	if (!n)
		return NULL;
	memcpy(n, ptr, MIN(size, h->size));
	region_free(a, ptr);
	return n;
}

static __ssz region_availmem(struct uk_alloc *a)
{
	struct region *r = (struct region *)a;

	return (__ssz)(r->end - r->top);
}

struct uk_alloc *uk_allocregion_init(void *base, size_t len)
{
	uintptr_t b = ALIGN_UP((uintptr_t)base, MIN_ALIGN);
	struct region *r = (struct region *)b;

	if (len < (b - (uintptr_t)base) + sizeof(*r) + 64)
		return NULL;
	memset(r, 0, sizeof(*r));
	r->a.malloc = region_malloc;
	r->a.memalign = region_memalign;
	r->a.free = region_free;
	r->a.getsize = region_getsize;
	r->a.realloc = region_realloc;
	r->a.availmem = region_availmem;
	r->a.maxalloc = region_availmem;
	r->start = ALIGN_UP(b + sizeof(*r), MIN_ALIGN);
	r->top = r->start;
	r->end = ALIGN_DOWN((uintptr_t)base + len, MIN_ALIGN);
	if (uk_alloc_init(&r->a) < 0)
		return NULL;
	uk_alloc_register(&r->a);
	return &r->a;
}
