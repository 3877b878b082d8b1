/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory map of a PV guest. Xen's initial page tables map the image, the
 * boot data after it (start_info, the console and xenstore pages, the
 * pfn-to-mfn list, the page tables themselves) and a little more, all
 * linearly from pseudo-physical page 0 at the link address. The guest gets
 * nr_pages pages in all, but only the mapped ones are usable without
 * building page tables: the heap is the pages after the boot data that the
 * initial page tables map, found by walking them.
 */
#include <uk/essentials.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/xen.h>
#include <xen-abi.h>

extern char _image_start[], _end[];

#define PTE_PRESENT 0x1UL
#define PTE_LARGE 0x80UL
#define PTE_MFN(e) (((e) >> 12) & ((1UL << 40) - 1))
#define SIF_MOD_START_PFN (1 << 3)

static unsigned long va_of_pfn(unsigned long pfn)
{
	return (unsigned long)_image_start + (pfn << XEN_PAGE_SHIFT);
}

/* Is va mapped by the current (initial) page tables? */
static int va_mapped(unsigned long va)
{
	const unsigned long *t = (const unsigned long *)xen_start_info->pt_base;
	unsigned long e, pfn;
	int level;

	for (level = 3; level >= 0; level--) {
		e = t[(va >> (XEN_PAGE_SHIFT + 9 * level)) & 511];
		if (!(e & PTE_PRESENT))
			return 0;
		if (level == 0 || (level == 1 && (e & PTE_LARGE)))
			return 1;
		pfn = XEN_M2P[PTE_MFN(e)];
		if (pfn >= xen_start_info->nr_pages)
			return 0;
		t = (const unsigned long *)va_of_pfn(pfn);
	}
	return 0;
}

static unsigned long max_ul(unsigned long a, unsigned long b)
{
	return a > b ? a : b;
}

void xen_memory_init(void)
{
	struct xen_start_info *si = xen_start_info;
	unsigned long boot_end, end, limit, mod;

	plat_memregion_add((uintptr_t)_image_start,
			   (uintptr_t)_end - (uintptr_t)_image_start,
			   UKPLAT_MEMRF_KERNEL | UKPLAT_MEMRF_READABLE |
				   UKPLAT_MEMRF_WRITABLE,
			   "image");
	/* Everything Xen put after the image, whatever the builder's order. */
	boot_end = (unsigned long)_end;
	boot_end = max_ul(boot_end, (unsigned long)si + XEN_PAGE_SIZE);
	boot_end = max_ul(boot_end,
			  si->pt_base + si->nr_pt_frames * XEN_PAGE_SIZE);
	boot_end = max_ul(boot_end, si->mfn_list + si->nr_pages * 8);
	if (si->mod_len) {
		mod = si->flags & SIF_MOD_START_PFN ? va_of_pfn(si->mod_start) :
						      si->mod_start;
		boot_end = max_ul(boot_end, mod + si->mod_len);
		/* ramdisk= of the xl config: the initrd, mapped in place. */
		plat_memregion_add((uintptr_t)mod, si->mod_len,
				   UKPLAT_MEMRF_INITRD | UKPLAT_MEMRF_RESERVED |
					   UKPLAT_MEMRF_READABLE,
				   "initrd");
	}
	if (!(si->flags & XEN_SIF_INITDOMAIN)) {
		boot_end = max_ul(boot_end,
				  va_of_pfn(XEN_M2P[si->console.domu.mfn] + 1));
		boot_end =
			max_ul(boot_end, va_of_pfn(XEN_M2P[si->store_mfn] + 1));
	}
	/* Xen's boot stack page follows the page tables: keep it too. */
	boot_end = (boot_end + 2 * XEN_PAGE_SIZE - 1) & ~(XEN_PAGE_SIZE - 1);
	plat_memregion_add((uintptr_t)_end, boot_end - (uintptr_t)_end,
			   UKPLAT_MEMRF_RESERVED | UKPLAT_MEMRF_READABLE,
			   "xen boot data");

	limit = va_of_pfn(si->nr_pages);
	for (end = boot_end; end < limit && va_mapped(end);
	     end += XEN_PAGE_SIZE)
		;
	plat_memregion_add(boot_end, end - boot_end,
			   UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				   UKPLAT_MEMRF_WRITABLE,
			   "heap");
}

/* PV: the p2m list start_info names; PVH: the low 4 GiB are 1:1. */
unsigned long ukplat_xen_virt_to_frame(const void *va)
{
	unsigned long pfn;

	if (xen_pvh)
		return (uintptr_t)va >> XEN_PAGE_SHIFT;
	pfn = ((uintptr_t)va - (uintptr_t)_image_start) >> XEN_PAGE_SHIFT;
	return ((const unsigned long *)xen_start_info->mfn_list)[pfn];
}
