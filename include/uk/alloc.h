/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukalloc: the allocator API. An allocator fills a struct uk_alloc with its
 * operations, calls uk_alloc_init() (which supplies generic versions of the
 * optional ones) and is registered with uk_alloc_register(). Everyone else
 * allocates through the uk_* wrappers below, which also keep statistics.
 *
 * Bringing up memory at boot (the allocator's own init consumes the first
 * region, further regions are handed over with uk_alloc_addmem()):
 *
 *	struct uk_alloc *a = NULL;
 *
 *	ukplat_memregion_foreach(&md, i) {
 *		if (!(md.flags & UKPLAT_MEMRF_FREE))
 *			continue;
 *		if (!a)
 *			a = uk_allocbbuddy_init((void *)md.base, md.len);
 *		else
 *			uk_alloc_addmem(a, (void *)md.base, md.len);
 *	}
 *	if (a)
 *		uk_alloc_register(a);
 *
 * The first allocator registered becomes the default one (used by libc's
 * malloc()) until uk_alloc_set_default() picks another. Registering twice
 * is harmless, and allocator constructors such as uk_allocbbuddy_init()
 * register what they create, so the last step above is a no-op for them.
 *
 * No locking: callers serialise, as with any libc allocator on one CPU.
 * The allocator passed to the wrappers must not be NULL.
 */
#ifndef __UK_ALLOC_H__
#define __UK_ALLOC_H__

#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <uk/essentials.h>

#define UK_ALLOC_PAGE_SHIFT __PAGE_SHIFT
#define UK_ALLOC_PAGE_SIZE __PAGE_SIZE

struct uk_alloc;

/* The operations of an allocator; `a` is the allocator itself. */
typedef void *(*uk_alloc_malloc_func_t)(struct uk_alloc *a, size_t size);
typedef void *(*uk_alloc_calloc_func_t)(struct uk_alloc *a, size_t nmemb,
					size_t size);
typedef void *(*uk_alloc_realloc_func_t)(struct uk_alloc *a, void *ptr,
					 size_t size);
/* align is a power of two (any, even below the natural alignment). */
typedef void *(*uk_alloc_memalign_func_t)(struct uk_alloc *a, size_t align,
					  size_t size);
typedef void (*uk_alloc_free_func_t)(struct uk_alloc *a, void *ptr);
/* The usable size of a live block (at least what was asked for). */
typedef size_t (*uk_alloc_getsize_func_t)(struct uk_alloc *a, const void *ptr);
/* Page-aligned runs of whole pages; pfree gets the count palloc got. */
typedef void *(*uk_alloc_palloc_func_t)(struct uk_alloc *a,
					unsigned long npages);
typedef void (*uk_alloc_pfree_func_t)(struct uk_alloc *a, void *ptr,
				      unsigned long npages);
/* A byte count, or < 0 (-ENOTSUP) when the allocator cannot tell. */
typedef __ssz (*uk_alloc_memsize_func_t)(struct uk_alloc *a);
/* Gives the allocator [base, base + len); 0 or a negative errno. */
typedef int (*uk_alloc_addmem_func_t)(struct uk_alloc *a, void *base,
				      size_t len);

struct uk_alloc_stats {
	size_t cur_mem_use; /* bytes in live blocks (usable sizes) */
	size_t max_mem_use; /* peak of cur_mem_use */
	size_t cur_nb_allocs; /* live blocks */
	size_t max_nb_allocs; /* peak of cur_nb_allocs */
	size_t tot_nb_allocs; /* successful allocations, ever */
	size_t tot_nb_frees;
	size_t nb_enomem; /* failed allocations */
};

struct uk_alloc {
	/* Mandatory: malloc, memalign, free, getsize. */
	uk_alloc_malloc_func_t malloc;
	uk_alloc_memalign_func_t memalign;
	uk_alloc_free_func_t free;
	uk_alloc_getsize_func_t getsize;
	/* Optional: NULL ones get a generic version from uk_alloc_init(). */
	uk_alloc_calloc_func_t calloc;
	uk_alloc_realloc_func_t realloc;
	uk_alloc_palloc_func_t palloc;
	uk_alloc_pfree_func_t pfree;
	/* Optional: the wrappers return -ENOTSUP when NULL. */
	uk_alloc_memsize_func_t maxalloc; /* largest block possible now */
	uk_alloc_memsize_func_t availmem; /* free bytes in total */
	uk_alloc_addmem_func_t addmem;

	/* Owned by the API layer. */
	struct uk_alloc *next;
	struct uk_alloc_stats stats;
};

/*
 * Completes an allocator whose implementation filled its operations: adds
 * the generic optional ones and clears the statistics. Call it before the
 * allocator is used. -EINVAL when a mandatory operation is missing.
 */
int uk_alloc_init(struct uk_alloc *a);

/*
 * Adds a to the list of allocators; the first one becomes the default.
 * 0 also when a is registered already; -EINVAL if it is not initialised.
 */
int uk_alloc_register(struct uk_alloc *a);
/* NULL until an allocator is registered. */
struct uk_alloc *uk_alloc_get_default(void);
void uk_alloc_set_default(struct uk_alloc *a);

extern struct uk_alloc *_uk_alloc_head;
#define uk_alloc_foreach(iter) \
	for ((iter) = _uk_alloc_head; (iter); (iter) = (iter)->next)

/* Generic operations built on malloc, memalign, free and getsize. */
void *uk_calloc_generic(struct uk_alloc *a, size_t nmemb, size_t size);
void *uk_realloc_generic(struct uk_alloc *a, void *ptr, size_t size);
void *uk_palloc_generic(struct uk_alloc *a, unsigned long npages);
void uk_pfree_generic(struct uk_alloc *a, void *ptr, unsigned long npages);

/*
 * Statistics, when CONFIG_LIBUKALLOC_STATS is set: the wrappers below
 * report every allocation and release to these.
 */
void _uk_alloc_stats_alloc(struct uk_alloc *a, size_t bytes);
void _uk_alloc_stats_free(struct uk_alloc *a, size_t bytes);
void _uk_alloc_stats_enomem(struct uk_alloc *a);
/* Copies a's statistics; -ENOTSUP when they are not kept. */
int uk_alloc_stats_get(struct uk_alloc *a, struct uk_alloc_stats *dst);

#if CONFIG_LIBUKALLOC_STATS
#define __uk_alloc_stats(x) x
#else
#define __uk_alloc_stats(x) ((void)0)
#endif

static inline void __uk_alloc_count(struct uk_alloc *a, void *ptr,
				    size_t request)
{
	/* A NULL for a zero-byte request is a valid answer, no failure. */
	if (ptr)
		__uk_alloc_stats(_uk_alloc_stats_alloc(a, a->getsize(a, ptr)));
	else if (request)
		__uk_alloc_stats(_uk_alloc_stats_enomem(a));
	(void)a;
	(void)request;
}

static inline void *uk_malloc(struct uk_alloc *a, size_t size)
{
	void *ptr = a->malloc(a, size);

	__uk_alloc_count(a, ptr, size);
	return ptr;
}

static inline void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size)
{
	void *ptr = a->calloc(a, nmemb, size);

	__uk_alloc_count(a, ptr, nmemb && size);
	return ptr;
}

/* Any power-of-two alignment; NULL for one that is not. */
static inline void *uk_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	void *ptr;

	if (!align || (align & (align - 1)))
		return NULL;
	ptr = a->memalign(a, align, size);
	__uk_alloc_count(a, ptr, size);
	return ptr;
}

/* POSIX rules: align is a power of two and a multiple of sizeof(void *). */
static inline int uk_posix_memalign(struct uk_alloc *a, void **memptr,
				    size_t align, size_t size)
{
	void *ptr;

	if (!align || (align & (align - 1)) || align % sizeof(void *))
		return EINVAL;
	ptr = a->memalign(a, align, size);
	__uk_alloc_count(a, ptr, size);
	if (!ptr && size)
		return ENOMEM;
	*memptr = ptr;
	return 0;
}

static inline void uk_free(struct uk_alloc *a, void *ptr)
{
	if (!ptr)
		return;
	__uk_alloc_stats(_uk_alloc_stats_free(a, a->getsize(a, ptr)));
	a->free(a, ptr);
}

/*
 * realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL.
 * On failure the old block stays allocated and unchanged.
 */
static inline void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	size_t old __maybe_unused;
	void *nptr;

	if (!ptr)
		return uk_malloc(a, size);
	if (!size) {
		uk_free(a, ptr);
		return NULL;
	}
	__uk_alloc_stats(old = a->getsize(a, ptr));
	nptr = a->realloc(a, ptr, size);
	if (nptr) {
		/* Accounted as a release of the old block and a new one. */
		__uk_alloc_stats(_uk_alloc_stats_free(a, old));
		__uk_alloc_stats(_uk_alloc_stats_alloc(a, a->getsize(a, nptr)));
	} else {
		__uk_alloc_stats(_uk_alloc_stats_enomem(a));
	}
	return nptr;
}

static inline void *uk_palloc(struct uk_alloc *a, unsigned long npages)
{
	void *ptr = NULL;

	/* Reject counts whose byte size does not fit a size_t. */
	if (npages && npages <= (SIZE_MAX >> UK_ALLOC_PAGE_SHIFT))
		ptr = a->palloc(a, npages);
	if (ptr)
		__uk_alloc_stats(_uk_alloc_stats_alloc(
			a, (size_t)npages << UK_ALLOC_PAGE_SHIFT));
	else if (npages)
		__uk_alloc_stats(_uk_alloc_stats_enomem(a));
	return ptr;
}

static inline void uk_pfree(struct uk_alloc *a, void *ptr, unsigned long npages)
{
	if (!ptr || !npages)
		return;
	__uk_alloc_stats(
		_uk_alloc_stats_free(a, (size_t)npages << UK_ALLOC_PAGE_SHIFT));
	a->pfree(a, ptr, npages);
}

static inline int uk_alloc_addmem(struct uk_alloc *a, void *base, size_t len)
{
	return a->addmem ? a->addmem(a, base, len) : -ENOTSUP;
}

static inline __ssz uk_alloc_maxalloc(struct uk_alloc *a)
{
	return a->maxalloc ? a->maxalloc(a) : -ENOTSUP;
}

static inline __ssz uk_alloc_availmem(struct uk_alloc *a)
{
	return a->availmem ? a->availmem(a) : -ENOTSUP;
}

/* The same in whole pages. */
static inline long uk_alloc_pmaxalloc(struct uk_alloc *a)
{
	__ssz n = uk_alloc_maxalloc(a);

	return n < 0 ? n : (long)(n >> UK_ALLOC_PAGE_SHIFT);
}

static inline long uk_alloc_pavailmem(struct uk_alloc *a)
{
	__ssz n = uk_alloc_availmem(a);

	return n < 0 ? n : (long)(n >> UK_ALLOC_PAGE_SHIFT);
}

#endif /* __UK_ALLOC_H__ */
