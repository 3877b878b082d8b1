/* SPDX-License-Identifier: BSD-3-Clause */
/* Allocator registry, generic operations and statistics. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>

struct uk_alloc *_uk_alloc_head;
static struct uk_alloc *uk_alloc_default;

int uk_alloc_init(struct uk_alloc *a)
{
	if (!a || !a->malloc || !a->memalign || !a->free || !a->getsize)
		return -EINVAL;
	if (!a->calloc)
		a->calloc = uk_calloc_generic;
	if (!a->realloc)
		a->realloc = uk_realloc_generic;
	/* palloc and pfree only make sense as a pair. */
	if (!a->palloc || !a->pfree) {
		a->palloc = uk_palloc_generic;
		a->pfree = uk_pfree_generic;
	}
	a->next = NULL;
	memset(&a->stats, 0, sizeof(a->stats));
	return 0;
}

int uk_alloc_register(struct uk_alloc *a)
{
	struct uk_alloc **pp;

	/* An allocator without its operations would crash the first user. */
	if (!a || !a->malloc || !a->calloc || !a->realloc || !a->palloc)
		return -EINVAL;
	/* Registering twice is harmless: allocators may register themselves. */
	for (pp = &_uk_alloc_head; *pp; pp = &(*pp)->next) {
		if (*pp == a)
			return 0;
	}
	/* Append, so that the iteration order is the registration order. */
	a->next = NULL;
	*pp = a;
	if (!uk_alloc_default)
		uk_alloc_default = a;
	return 0;
}

struct uk_alloc *uk_alloc_get_default(void)
{
	return uk_alloc_default;
}

void uk_alloc_set_default(struct uk_alloc *a)
{
	uk_alloc_default = a;
}

void *uk_calloc_generic(struct uk_alloc *a, size_t nmemb, size_t size)
{
	void *ptr;

	if (size && nmemb > SIZE_MAX / size)
		return NULL;
	ptr = a->malloc(a, nmemb * size);
	if (ptr)
		memset(ptr, 0, nmemb * size);
	return ptr;
}

void *uk_realloc_generic(struct uk_alloc *a, void *ptr, size_t size)
{
	size_t old;
	void *nptr;

	if (!ptr)
		return a->malloc(a, size);
	if (!size) {
		a->free(a, ptr);
		return NULL;
	}
	/* Still large enough: keep the block. */
	old = a->getsize(a, ptr);
	if (size <= old)
		return ptr;
	nptr = a->malloc(a, size);
	if (!nptr)
		return NULL;
	memcpy(nptr, ptr, old);
	a->free(a, ptr);
	return nptr;
}

void *uk_palloc_generic(struct uk_alloc *a, unsigned long npages)
{
	if (npages > (SIZE_MAX >> UK_ALLOC_PAGE_SHIFT))
		return NULL;
	return a->memalign(a, UK_ALLOC_PAGE_SIZE,
			   (size_t)npages << UK_ALLOC_PAGE_SHIFT);
}

void uk_pfree_generic(struct uk_alloc *a, void *ptr,
		      unsigned long npages __unused)
{
	a->free(a, ptr);
}

void _uk_alloc_stats_alloc(struct uk_alloc *a, size_t bytes)
{
	struct uk_alloc_stats *s = &a->stats;

	s->tot_nb_allocs++;
	s->cur_nb_allocs++;
	if (s->cur_nb_allocs > s->max_nb_allocs)
		s->max_nb_allocs = s->cur_nb_allocs;
	s->cur_mem_use += bytes;
	if (s->cur_mem_use > s->max_mem_use)
		s->max_mem_use = s->cur_mem_use;
}

void _uk_alloc_stats_free(struct uk_alloc *a, size_t bytes)
{
	struct uk_alloc_stats *s = &a->stats;

	s->tot_nb_frees++;
	s->cur_nb_allocs--;
	s->cur_mem_use -= bytes;
}

void _uk_alloc_stats_enomem(struct uk_alloc *a)
{
	a->stats.nb_enomem++;
}

int uk_alloc_stats_get(struct uk_alloc *a, struct uk_alloc_stats *dst)
{
#if CONFIG_LIBUKALLOC_STATS
	*dst = a->stats;
	return 0;
#else
	(void)a;
	(void)dst;
	return -ENOTSUP;
#endif
}
