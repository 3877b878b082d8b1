/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Anonymous mappings from the default allocator's page runs. Each
 * mapping keeps one byte per page (mapped, protected); a page range
 * unmapped inside a run becomes a guard page where the platform has
 * them, and the run goes back to the allocator when its last page is
 * unmapped (the allocator frees runs whole, as palloc gave them).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <uk/alloc.h>
#include <uk/arch/types.h>
#include <uk/asm/arch.h>
#include <uk/plat/paging.h>

#define PAGE __PAGE_SIZE

#define PG_MAPPED 1
#define PG_GUARDED 2 /* a guard page now (PROT_NONE or unmapped) */

struct mapping {
	char *base;
	unsigned long npages, live;
	struct mapping *next;
	unsigned char pg[];
};

static struct mapping *mappings;

static void *fail_ptr(int err)
{
	errno = err;
	return MAP_FAILED;
}

static int fail(int err)
{
	errno = err;
	return -1;
}

static int can_guard(void)
{
	return ukplat_page_guard_size() == PAGE;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct uk_alloc *a = uk_alloc_get_default();
	unsigned long n, i;
	struct mapping *m;

	(void)addr; /* a hint only, as POSIX allows */
	if (!len || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return fail_ptr(EINVAL);
	if (!(flags & MAP_ANONYMOUS))
		return fail_ptr(ENODEV); /* no file mappings */
	if ((flags & MAP_FIXED) || (flags & MAP_SHARED) ||
	    !(flags & MAP_PRIVATE) || fd != -1 || off != 0)
		return fail_ptr(EINVAL);
	if (prot == PROT_NONE && !can_guard())
		return fail_ptr(ENOTSUP);
	if (len > (size_t)-1 - PAGE)
		return fail_ptr(ENOMEM);
	n = (len + PAGE - 1) / PAGE;
	m = malloc(sizeof(*m) + n);
	if (!m || !a)
		goto nomem;
	m->base = uk_palloc(a, n);
	if (!m->base)
		goto nomem;
	memset(m->base, 0, n * PAGE);
	m->npages = m->live = n;
	for (i = 0; i < n; i++) {
		m->pg[i] = PG_MAPPED;
		if (prot == PROT_NONE &&
		    !ukplat_page_set_guard(m->base + i * PAGE, "mmap PROT_NONE"))
			m->pg[i] |= PG_GUARDED;
	}
	m->next = mappings;
	mappings = m;
	return m->base;
nomem:
	free(m);
	return fail_ptr(ENOMEM);
}

/* The mapping holding [p, p + len), len > 0 and page aligned. */
static struct mapping *find(char *p, size_t len)
{
	struct mapping *m;

	for (m = mappings; m; m = m->next)
		if (p >= m->base && p < m->base + m->npages * PAGE)
			return len <= (size_t)(m->base + m->npages * PAGE - p) ?
				       m : NULL;
	return NULL;
}

static int check_range(void *addr, size_t len)
{
	if (((uintptr_t)addr & (PAGE - 1)) || !len ||
	    len > (size_t)-1 - PAGE)
		return EINVAL;
	return 0;
}

int munmap(void *addr, size_t len)
{
	struct mapping *m, **pp;
	unsigned long first, n, i;

	if (check_range(addr, len))
		return fail(EINVAL);
	len = (len + PAGE - 1) & ~(PAGE - 1);
	m = find(addr, len);
	if (!m)
		return 0; /* POSIX: nothing mapped there is no error */
	first = ((char *)addr - m->base) / PAGE;
	n = len / PAGE;
	for (i = first; i < first + n; i++) {
		if (!(m->pg[i] & PG_MAPPED))
			continue;
		m->pg[i] &= ~PG_MAPPED;
		m->live--;
		if (!(m->pg[i] & PG_GUARDED) && can_guard() &&
		    !ukplat_page_set_guard(m->base + i * PAGE, "munmap"))
			m->pg[i] |= PG_GUARDED;
	}
	if (m->live)
		return 0;
	for (i = 0; i < m->npages; i++)
		if (m->pg[i] & PG_GUARDED)
			ukplat_page_clear_guard(m->base + i * PAGE);
	for (pp = &mappings; *pp != m; pp = &(*pp)->next)
		;
	*pp = m->next;
	uk_pfree(uk_alloc_get_default(), m->base, m->npages);
	free(m);
	return 0;
}

int mprotect(void *addr, size_t len, int prot)
{
	unsigned long first, n, i;
	struct mapping *m;

	if (check_range(addr, len) ||
	    (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
		return fail(EINVAL);
	len = (len + PAGE - 1) & ~(PAGE - 1);
	m = find(addr, len);
	if (!m)
		return fail(ENOMEM);
	first = ((char *)addr - m->base) / PAGE;
	n = len / PAGE;
	for (i = first; i < first + n; i++)
		if (!(m->pg[i] & PG_MAPPED))
			return fail(ENOMEM);
	/* The platform can only make pages all or nothing. */
	if (prot != PROT_NONE &&
	    (prot & (PROT_READ | PROT_WRITE)) != (PROT_READ | PROT_WRITE))
		return fail(ENOTSUP);
	if (prot == PROT_NONE && !can_guard())
		return fail(ENOTSUP);
	for (i = first; i < first + n; i++) {
		char *pg = m->base + i * PAGE;

		if (prot == PROT_NONE && !(m->pg[i] & PG_GUARDED)) {
			if (ukplat_page_set_guard(pg, "mmap PROT_NONE"))
				return fail(ENOMEM);
			m->pg[i] |= PG_GUARDED;
		} else if (prot != PROT_NONE && (m->pg[i] & PG_GUARDED)) {
			ukplat_page_clear_guard(pg);
			m->pg[i] &= ~PG_GUARDED;
		}
	}
	return 0;
}
