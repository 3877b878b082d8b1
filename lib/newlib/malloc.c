/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newlib is built with MALLOC_PROVIDED (its own allocator left out): the
 * malloc family, and the reentrant _r forms newlib's stdio calls, go to
 * the default ukalloc allocator, whose statistics then count them.
 */
#include <errno.h>
#include <malloc.h>
#include <reent.h>
#include <stdlib.h>
#include <uk/alloc.h>
#include <uk/plat/console.h>

static struct uk_alloc *allocator(struct _reent *r)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (!a)
		r->_errno = ENOMEM;
	return a;
}

/*
 * The first allocation the heap cannot serve is said once on the console
 * (the program may handle ENOMEM, but a crash that follows is explained).
 */
static void *checked(struct _reent *r, void *ptr, int asked)
{
	static const char msg[] =
		"newlib: out of memory: the heap cannot serve an allocation "
		"(ENOMEM); give the image more memory (make run UK_MEM=..., "
		"uk-run's UK_MEM)\n";
	static int said;

	if (!ptr && asked) {
		r->_errno = ENOMEM;
		if (!said) {
			said = 1;
			ukplat_coutk(msg, sizeof(msg) - 1);
		}
	}
	return ptr;
}

void *_malloc_r(struct _reent *r, size_t size)
{
	struct uk_alloc *a = allocator(r);

	return a ? checked(r, uk_malloc(a, size), size != 0) : NULL;
}

void *_calloc_r(struct _reent *r, size_t nmemb, size_t size)
{
	struct uk_alloc *a = allocator(r);

	return a ? checked(r, uk_calloc(a, nmemb, size), nmemb && size) : NULL;
}

void *_realloc_r(struct _reent *r, void *ptr, size_t size)
{
	struct uk_alloc *a = allocator(r);

	return a ? checked(r, uk_realloc(a, ptr, size), size != 0) : NULL;
}

void *_memalign_r(struct _reent *r, size_t align, size_t size)
{
	struct uk_alloc *a = allocator(r);

	if (!a)
		return NULL;
	if (!align || (align & (align - 1))) {
		r->_errno = EINVAL;
		return NULL;
	}
	return checked(r, uk_memalign(a, align, size), 1);
}

void _free_r(struct _reent *r, void *ptr)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (ptr && a)
		uk_free(a, ptr);
}

size_t _malloc_usable_size_r(struct _reent *r, void *ptr)
{
	struct uk_alloc *a = uk_alloc_get_default();

	return ptr && a ? a->getsize(a, ptr) : 0;
}

void *malloc(size_t size)
{
	return _malloc_r(_REENT, size);
}

void *calloc(size_t nmemb, size_t size)
{
	return _calloc_r(_REENT, nmemb, size);
}

void *realloc(void *ptr, size_t size)
{
	return _realloc_r(_REENT, ptr, size);
}

void *memalign(size_t align, size_t size)
{
	return _memalign_r(_REENT, align, size);
}

void *aligned_alloc(size_t align, size_t size)
{
	return _memalign_r(_REENT, align, size);
}

int posix_memalign(void **memptr, size_t align, size_t size)
{
	struct uk_alloc *a = uk_alloc_get_default();
	void *p;

	if (!align || (align & (align - 1)) || align % sizeof(void *))
		return EINVAL;
	if (!a)
		return ENOMEM;
	p = uk_memalign(a, align, size);
	if (!p)
		return ENOMEM;
	*memptr = p;
	return 0;
}

void free(void *ptr)
{
	_free_r(_REENT, ptr);
}

size_t malloc_usable_size(void *ptr)
{
	return _malloc_usable_size_r(_REENT, ptr);
}
