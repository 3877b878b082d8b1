/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PVH start-up (entry.S: _xen_pvh_start, long mode with the low 4 GiB
 * mapped 1:1). Xen's interfaces are reached the HVM way: the hypercall
 * page is installed by writing its address to the MSR that CPUID names,
 * the shared info page is placed into our physical space with
 * XENMEM_add_to_physmap, and the console ring comes from HVM parameters.
 * Memory and the command line come from hvm_start_info.
 */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/memory.h>
#include <x86/cpu.h>
#include <x86/pvh.h>
#include <xen-abi.h>

#define FOUR_GIB 0x100000000UL

extern char _image_start[], _etext[], _erodata[], _end[];

int xen_pvh;

void xen_pvh_start_c(unsigned long si_pa) __noreturn __used;

/* Xen's CPUID leaves start at 0x40000000 or, next to Viridian, higher. */
static int hypercall_page_init(void)
{
	uint32_t base, r[4];

	for (base = 0x40000000; base < 0x40010000; base += 0x100) {
		cpuid(base, 0, r);
		/* "XenVMMXenVMM" */
		if (r[1] != 0x566e6558 || r[2] != 0x65584d4d ||
		    r[3] != 0x4d4d566e || r[0] < base + 2)
			continue;
		cpuid(base + 2, 0, r);
		wrmsr(r[1], (uintptr_t)xen_hypercall_page);
		return 0;
	}
	return -1;
}

static long hvm_param(uint32_t index, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = XEN_DOMID_SELF, .index = index };
	long rc = xen_hypercall2(XEN_HC_hvm_op, XEN_HVMOP_get_param,
				 (unsigned long)&p);

	*value = p.value;
	return rc;
}

static unsigned long max_ul(unsigned long a, unsigned long b)
{
	return a > b ? a : b;
}

static void pvh_memory_init(const struct hvm_start_info *si)
{
	const struct hvm_memmap_entry *m;
	unsigned long boot_end, base, end;
	uint32_t i;

	plat_memregion_add((uintptr_t)_image_start, _end - _image_start,
			   UKPLAT_MEMRF_KERNEL | UKPLAT_MEMRF_READABLE |
				   UKPLAT_MEMRF_WRITABLE,
			   "image");
	/* Xen's toolstack puts start_info, the command line and the memory
	 * map after the image: the heap starts past all of them. */
	boot_end = max_ul((uintptr_t)_end, (uintptr_t)si + sizeof(*si));
	if (si->cmdline_paddr)
		boot_end = max_ul(boot_end, si->cmdline_paddr + XEN_MAX_GUEST_CMDLINE);
	if (si->version >= 1 && si->memmap_paddr)
		boot_end =
			max_ul(boot_end, si->memmap_paddr + si->memmap_entries *
								    sizeof(*m));
	if (si->nr_modules) {
		/* The first module is ramdisk= of the xl config: the initrd. */
		const struct hvm_modlist_entry *mod =
			(const void *)(uintptr_t)si->modlist_paddr;

		boot_end = max_ul(boot_end, si->modlist_paddr + 4096);
		if (mod->size && mod->paddr + mod->size <= FOUR_GIB) {
			boot_end = max_ul(boot_end, mod->paddr + mod->size);
			plat_memregion_add((uintptr_t)mod->paddr, mod->size,
					   UKPLAT_MEMRF_INITRD |
						   UKPLAT_MEMRF_RESERVED |
						   UKPLAT_MEMRF_READABLE,
					   "initrd");
		}
	}
	boot_end = (boot_end + XEN_PAGE_SIZE - 1) & ~(XEN_PAGE_SIZE - 1);
	plat_memregion_add((uintptr_t)_end, boot_end - (uintptr_t)_end,
			   UKPLAT_MEMRF_RESERVED | UKPLAT_MEMRF_READABLE,
			   "xen boot data");
	if (si->version < 1 || !si->memmap_paddr)
		return;
	m = (const struct hvm_memmap_entry *)(uintptr_t)si->memmap_paddr;
	for (i = 0; i < si->memmap_entries; i++) {
		if (m[i].type != 1)
			continue;
		/* RAM above the boot data and below 4 GiB (what is mapped). */
		base = max_ul(m[i].addr, boot_end);
		end = m[i].addr + m[i].size;
		if (end > FOUR_GIB)
			end = FOUR_GIB;
		base = (base + XEN_PAGE_SIZE - 1) & ~(XEN_PAGE_SIZE - 1);
		end &= ~(XEN_PAGE_SIZE - 1);
		if (end > base)
			plat_memregion_add(base, end - base,
					   UKPLAT_MEMRF_FREE |
						   UKPLAT_MEMRF_READABLE |
						   UKPLAT_MEMRF_WRITABLE,
					   "heap");
	}
}

void xen_pvh_start_c(unsigned long si_pa)
{
	const struct hvm_start_info *si = (const void *)si_pa;
	struct xen_add_to_physmap xatp = {
		.domid = XEN_DOMID_SELF,
		.space = XEN_XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)xen_shared_info_page >> XEN_PAGE_SHIFT,
	};
	uint64_t pfn, port;

	xen_pvh = 1;
	xen_pvh_traps_init();
	/* No console yet: nothing to say if this fails. */
	if (si->magic != XEN_HVM_START_MAGIC || hypercall_page_init())
		for (;;)
			__asm__ __volatile__("hlt");
	if (hvm_param(XEN_HVM_PARAM_CONSOLE_PFN, &pfn) == 0 &&
	    hvm_param(XEN_HVM_PARAM_CONSOLE_EVTCHN, &port) == 0 && pfn &&
	    pfn < (FOUR_GIB >> XEN_PAGE_SHIFT))
		xen_console_set_ring((void *)(uintptr_t)(pfn << XEN_PAGE_SHIFT),
				     (uint32_t)port);
	if (hvm_param(XEN_HVM_PARAM_STORE_PFN, &pfn) == 0 &&
	    hvm_param(XEN_HVM_PARAM_STORE_EVTCHN, &port) == 0 && pfn &&
	    pfn < (FOUR_GIB >> XEN_PAGE_SHIFT)) {
		xen_store_ring = (void *)(uintptr_t)(pfn << XEN_PAGE_SHIFT);
		xen_store_port = (uint32_t)port;
	}
	if (xen_hypercall2(XEN_HC_memory_op, XEN_XENMEM_add_to_physmap,
			   (unsigned long)&xatp)) {
		plat_puts("xen: cannot map the shared info page\n");
		ukplat_crash();
	}
	xen_shared_info = (struct xen_shared_info *)xen_shared_info_page;
	pvh_memory_init(si);
	/*
	 * W^X on the PC's page tables (entry.S builds them): Xen's special
	 * pages (console and store rings) sit below 4 GiB, above the
	 * unmapped RAM-less space that ends at 3 GiB.
	 */
	x86_cpu_paging_protect_image();
	xen_boot_finish(si->cmdline_paddr ?
				(const char *)(uintptr_t)si->cmdline_paddr :
				NULL);
}
