/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guard pages (<uk/plat/paging.h>) of a Linux process: mprotect() the
 * page to no access and back. The kernel cannot tell us which pages we
 * protected, so a small table remembers them (and their owners, which
 * fault.c names when a thread's stack overflows into its guard).
 */
#include <uk/plat/paging.h>
#include <linuxu/setup.h>

/* 4 KiB on every arch linuxu runs on (x86_64, arm, mips o32). */
#define PAGE 4096UL
#define MAX_GUARDS 256
#define LINUXU_EINVAL 22
#define LINUXU_EBUSY 16
#define LINUXU_ENOMEM 12

static struct {
	void *page;
	const char *owner;
} guards[MAX_GUARDS];

static int find(void *page)
{
	for (int i = 0; i < MAX_GUARDS; i++)
		if (guards[i].page == page)
			return i;
	return -1;
}

unsigned long ukplat_page_guard_size(void)
{
	return PAGE;
}

int ukplat_page_set_guard(void *page, const char *owner)
{
	long r;
	int i;

	if ((unsigned long)page % PAGE || !page)
		return -LINUXU_EINVAL;
	if (find(page) >= 0)
		return -LINUXU_EBUSY;
	i = find(NULL);
	if (i < 0)
		return -LINUXU_ENOMEM;
	r = linuxu_mprotect(page, PAGE, 0);
	if (r < 0)
		return (int)r;
	guards[i].page = page;
	guards[i].owner = owner;
	return 0;
}

int ukplat_page_clear_guard(void *page)
{
	long r;
	int i = page ? find(page) : -1;

	if (i < 0)
		return -LINUXU_EINVAL;
	r = linuxu_mprotect(page, PAGE, LINUXU_PROT_READ | LINUXU_PROT_WRITE);
	if (r < 0)
		return (int)r;
	guards[i].page = NULL;
	return 0;
}

int linuxu_guard_owner(void *addr, const char **owner)
{
	void *page = (void *)((unsigned long)addr & ~(PAGE - 1));
	int i;

	/* Page 0 is no guard: find(NULL) would match a free slot. */
	if (!page)
		return 0;
	i = find(page);
	if (i < 0)
		return 0;
	*owner = guards[i].owner;
	return 1;
}
