/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guard pages (<uk/plat/paging.h>) for both kinds of guest.
 *
 * PVH: its entry.S builds the PC platforms' page tables (x86_pd, 2-MiB
 * pages below 4 GiB), so plat/shared/x86/paging.c does the work.
 *
 * PV: the page tables belong to Xen (read-only to us) and map the guest's
 * pages in 4-KiB pages from _image_start on (memory.c). A guard is made
 * with update_va_mapping to a zero entry, and mapped back from the
 * pfn-to-mfn list. A zero entry has no room for the owner's name, so a
 * small table keeps it.
 */
#include <uk/essentials.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/paging.h>
#include <xen-abi.h>
#include <x86/cpu.h>
#include "xen-x86.h"

#define PAGE 4096UL
#define PV_GUARDS 256
/* Present, writable, accessed, dirty. */
#define PV_PTE_FLAGS 0x63UL

#define XEN_EINVAL 22
#define XEN_EBUSY 16
#define XEN_ENOMEM 12

extern char _image_start[];

static struct {
	uintptr_t va; /* 0: free slot */
	const char *owner;
} pv_guards[PV_GUARDS];

static int pv_find(uintptr_t va)
{
	for (int i = 0; i < PV_GUARDS; i++)
		if (pv_guards[i].va == va)
			return i;
	return -1;
}

/* A page of ours that the initial page tables map (none is page 0). */
static int pv_valid(uintptr_t va)
{
	uintptr_t base = (uintptr_t)_image_start;

	return va % PAGE == 0 && va >= base &&
	       va < base + xen_start_info->nr_pages * PAGE;
}

unsigned long ukplat_page_guard_size(void)
{
	return xen_pvh ? x86_cpu_page_guard_size() : PAGE;
}

int ukplat_page_set_guard(void *page, const char *owner)
{
	uintptr_t va = (uintptr_t)page;
	unsigned long flags;
	int i, rc = 0;

	if (xen_pvh)
		return x86_cpu_page_set_guard(page, owner);
	if (!pv_valid(va))
		return -XEN_EINVAL;
	flags = ukplat_lcpu_save_irqf();
	if (pv_find(va) >= 0)
		rc = -XEN_EBUSY;
	else if ((i = pv_find(0)) < 0)
		rc = -XEN_ENOMEM;
	else if (xen_hypercall3(XEN_HC_update_va_mapping, va, 0,
				XEN_UVMF_INVLPG))
		rc = -XEN_EINVAL; /* not mapped in 4-KiB pages */
	else
		pv_guards[i].va = va, pv_guards[i].owner = owner;
	ukplat_lcpu_restore_irqf(flags);
	return rc;
}

int ukplat_page_clear_guard(void *page)
{
	uintptr_t va = (uintptr_t)page;
	const unsigned long *p2m;
	unsigned long flags, pte;
	int i, rc = 0;

	if (xen_pvh)
		return x86_cpu_page_clear_guard(page);
	if (!pv_valid(va))
		return -XEN_EINVAL;
	p2m = (const unsigned long *)xen_start_info->mfn_list;
	pte = p2m[(va - (uintptr_t)_image_start) / PAGE] << 12 | PV_PTE_FLAGS;
	flags = ukplat_lcpu_save_irqf();
	i = pv_find(va);
	if (i < 0 ||
	    xen_hypercall3(XEN_HC_update_va_mapping, va, pte, XEN_UVMF_INVLPG))
		rc = -XEN_EINVAL;
	else
		pv_guards[i].va = 0;
	ukplat_lcpu_restore_irqf(flags);
	return rc;
}

int xen_guard_owner(uintptr_t va, const char **owner)
{
	int i;

	if (xen_pvh)
		return x86_guard_owner(va, owner);
	if (va < PAGE) /* pv_find(0) finds a free slot */
		return 0;
	i = pv_find(va & ~(PAGE - 1));
	if (i < 0)
		return 0;
	*owner = pv_guards[i].owner;
	return 1;
}
