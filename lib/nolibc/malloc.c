/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The malloc family on ukalloc's default allocator, plus the string
 * functions that allocate. Only built when ukalloc is part of the image.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uk/alloc.h>

/* The default allocator, or NULL (errno ENOMEM) before there is one. */
static struct uk_alloc *allocator(void)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (!a)
		errno = ENOMEM;
	return a;
}

static void *check(void *ptr, int failed)
{
	if (failed)
		errno = ENOMEM;
	return ptr;
}

void *malloc(size_t size)
{
	struct uk_alloc *a = allocator();
	void *ptr;

	if (!a)
		return NULL;
	ptr = uk_malloc(a, size);
	return check(ptr, !ptr && size);
}

void *calloc(size_t nmemb, size_t size)
{
	struct uk_alloc *a = allocator();
	void *ptr;

	if (!a)
		return NULL;
	ptr = uk_calloc(a, nmemb, size);
	return check(ptr, !ptr && nmemb && size);
}

void *realloc(void *ptr, size_t size)
{
	struct uk_alloc *a = allocator();
	void *nptr;

	if (!a)
		return NULL;
	nptr = uk_realloc(a, ptr, size);
	return check(nptr, !nptr && size);
}

void free(void *ptr)
{
	/* Nothing can have been allocated before there was an allocator. */
	if (ptr)
		uk_free(uk_alloc_get_default(), ptr);
}

int posix_memalign(void **memptr, size_t alignment, size_t size)
{
	struct uk_alloc *a = uk_alloc_get_default();

	/* Reports through the return value; errno stays untouched. */
	if (!a)
		return ENOMEM;
	return uk_posix_memalign(a, memptr, alignment, size);
}

void *memalign(size_t alignment, size_t size)
{
	struct uk_alloc *a = allocator();
	void *ptr;

	if (!a)
		return NULL;
	if (!alignment || (alignment & (alignment - 1))) {
		errno = EINVAL;
		return NULL;
	}
	ptr = uk_memalign(a, alignment, size);
	return check(ptr, !ptr && size);
}

/* C11: any power-of-two alignment the implementation supports. */
void *aligned_alloc(size_t alignment, size_t size)
{
	return memalign(alignment, size);
}

char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = malloc(len + 1);

	if (!d)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

char *strdup(const char *s)
{
	return strndup(s, SIZE_MAX - 1);
}
