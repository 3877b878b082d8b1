/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guard pages (<uk/plat/paging.h>) in the boot page tables of entry32.S,
 * which map 0-4 GiB with 2-MiB pages. A guard needs 4-KiB granularity:
 * the 2-MiB page around it is split into a page table taken from a small
 * pool, and merged back when its last guard is cleared. The first 2 MiB
 * always have their own table (x86_pt0, for the NULL guard of setup.c).
 *
 * A guard's entry is not present; the bits the CPU ignores then hold a
 * marker and the owner's name pointer, so the fault report can say whose
 * stack overflowed (x86_guard_owner).
 *
 * x86_pd is the platform's: entry32.S for kvm and baremetal, the PVH entry
 * of plat/xen (same layout).
 *
 * W^X (x86_cpu_paging_protect, once at boot): the image's code read-only
 * and executable, its read-only data read-only and not executable, all
 * else not executable (EFER.NXE; the XD bit, 63, of an entry), page 0 and
 * the RAM-less space up to the device area unmapped. A 2-MiB page that
 * holds one attribute gets one entry; only the pages a boundary falls in
 * (NULL page, image start, end of code, end of read-only data) get 4-KiB
 * tables, so any image size needs at most two more tables.
 */
#include <uk/plat/paging.h>
#include <uk/plat/memory.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/common/putk.h>
#include <x86/cpu.h>

#define PAGE 4096UL
#define LARGE (2UL << 20)
#define MAPPED_TOP (1ULL << 32)
/* Page tables for split 2-MiB pages: up to 16 MiB of stacks spread out. */
#define PT_POOL 8
/* In a not-present entry: bit 9 (ignored by the CPU) marks a guard, bits
 * 12-51 hold the owner's name pointer (below 4 GiB here). */
#define GUARD_MARK 0x200ULL
#define GUARD_OWNER_SHIFT 12

/* Entries carry Accessed and Dirty: the CPU has no need to set them. */
#define PTE_AD 0x060ULL
#define PTE_XD (1ULL << 63)
/* From here the PC's 32-bit space holds devices (PCI, IOAPIC, LAPIC). */
#define DEVICE_BASE 0xC0000000ULL
#define EFER_NXE (1 << 11)
/* Without CR0.WP the kernel (ring 0) writes to read-only pages at will. */
#define CR0_WP (1UL << 16)

#define X86_EINVAL 22
#define X86_EBUSY 16
#define X86_ENOMEM 12

static uint64_t pt_pool[PT_POOL][512] __align(4096);
static unsigned int pt_guards[PT_POOL]; /* guards in each pool table */
static int pt_used[PT_POOL];
/* The XD bit when EFER.NXE is on, else 0: data entries carry it. */
static uint64_t pte_xd;
/* 4-KiB tables for the 2-MiB pages an image boundary falls in. */
static uint64_t pt_image[2][512] __align(4096);

static void flush_all(void)
{
	__asm__ __volatile__("mov %%cr3, %%rax; mov %%rax, %%cr3"
			     :
			     :
			     : "rax", "memory");
}

static void flush_page(uintptr_t va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

/* The pool index of the table that maps 2-MiB page pdi, -1 if none. */
static int pool_index(unsigned int pdi)
{
	uint64_t e = x86_pd[pdi];

	if (!(e & X86_PTE_P) || (e & X86_PTE_PS))
		return -1;
	for (int i = 0; i < PT_POOL; i++)
		if (pt_used[i] && (e & ~0xfffULL) == (uintptr_t)pt_pool[i])
			return i;
	return -1;
}

/* The 4-KiB entry of va, splitting its 2-MiB page if needed; NULL when
 * no table is left. */
static uint64_t *pte_of(uintptr_t va, int split)
{
	unsigned int pdi = va / LARGE;
	uint64_t e = x86_pd[pdi];
	int i;

	if (!(e & X86_PTE_P))
		return NULL;
	if (!(e & X86_PTE_PS))
		return (uint64_t *)(uintptr_t)(e & ~0xfffULL) +
		       (va / PAGE) % 512;
	if (!split)
		return NULL;
	for (i = 0; i < PT_POOL && pt_used[i]; i++)
		;
	if (i == PT_POOL)
		return NULL;
	pt_used[i] = 1;
	pt_guards[i] = 0;
	/* Same rights as the 2-MiB page (PS is PAT in a 4-KiB entry). */
	for (unsigned int j = 0; j < 512; j++)
		pt_pool[i][j] = (pdi * LARGE + j * PAGE) |
				(e & (X86_PTE_P | X86_PTE_RW | PTE_AD |
				      PTE_XD));
	x86_pd[pdi] = (uintptr_t)pt_pool[i] | X86_PTE_P | X86_PTE_RW;
	/* The 2-MiB translation may be cached anywhere in the range. */
	flush_all();
	return pt_pool[i] + (va / PAGE) % 512;
}

unsigned long x86_cpu_page_guard_size(void)
{
	return PAGE;
}

int x86_cpu_page_set_guard(void *page, const char *owner)
{
	uintptr_t va = (uintptr_t)page, o = (uintptr_t)owner;
	unsigned long flags;
	uint64_t *pte;
	int i;

	if (va % PAGE || va < PAGE || va >= MAPPED_TOP)
		return -X86_EINVAL;
	flags = ukplat_lcpu_save_irqf();
	pte = pte_of(va, 1);
	if (!pte) {
		ukplat_lcpu_restore_irqf(flags);
		return -X86_ENOMEM;
	}
	if (!(*pte & X86_PTE_P)) {
		ukplat_lcpu_restore_irqf(flags);
		return -X86_EBUSY;
	}
	if (o >= (1ULL << 40))
		o = 0;
	*pte = GUARD_MARK | ((uint64_t)o << GUARD_OWNER_SHIFT);
	i = pool_index(va / LARGE);
	if (i >= 0)
		pt_guards[i]++;
	flush_page(va);
	ukplat_lcpu_restore_irqf(flags);
	return 0;
}

int x86_cpu_page_clear_guard(void *page)
{
	uintptr_t va = (uintptr_t)page;
	unsigned int pdi = va / LARGE;
	unsigned long flags;
	uint64_t *pte;
	int i;

	if (va % PAGE || va < PAGE || va >= MAPPED_TOP)
		return -X86_EINVAL;
	flags = ukplat_lcpu_save_irqf();
	pte = pte_of(va, 0);
	if (!pte || (*pte & X86_PTE_P) || !(*pte & GUARD_MARK)) {
		ukplat_lcpu_restore_irqf(flags);
		return -X86_EINVAL;
	}
	/* Guards are in data: writable, not executable. */
	*pte = va | X86_PTE_P | X86_PTE_RW | PTE_AD | pte_xd;
	flush_page(va);
	i = pool_index(pdi);
	if (i >= 0 && !--pt_guards[i]) {
		/* Last guard gone: back to one 2-MiB page. */
		x86_pd[pdi] = pdi * LARGE | X86_PTE_P | X86_PTE_RW |
			      X86_PTE_PS | PTE_AD | pte_xd;
		flush_all();
		pt_used[i] = 0;
	}
	ukplat_lcpu_restore_irqf(flags);
	return 0;
}

int x86_guard_owner(uintptr_t va, const char **owner)
{
	uint64_t *pte;

	if (va >= MAPPED_TOP)
		return 0;
	pte = pte_of(va, 0);
	if (!pte || (*pte & X86_PTE_P) || !(*pte & GUARD_MARK))
		return 0;
	*owner = (const char *)(uintptr_t)(*pte >> GUARD_OWNER_SHIFT);
	return 1;
}

/* The rights of the 4-KiB page at pa; 0: not mapped. */
static uint64_t page_rights(uint64_t pa, const struct x86_image_layout *l)
{
	if (pa < PAGE || (pa >= l->ram_top && pa < DEVICE_BASE))
		return 0;
	if (pa >= l->text && pa < l->etext)
		return X86_PTE_P | PTE_AD;
	if (pa >= l->etext && pa < l->erodata)
		return X86_PTE_P | PTE_AD | pte_xd;
	return X86_PTE_P | X86_PTE_RW | PTE_AD | pte_xd;
}

void x86_cpu_paging_protect(const struct x86_image_layout *l)
{
	struct x86_image_layout r = *l;
	uint64_t cuts[4];
	uint32_t id[4];
	unsigned int used = 0;

	cpuid(0x80000000, 0, id);
	if (id[0] >= 0x80000001) {
		cpuid(0x80000001, 0, id);
		if (id[3] & (1U << 20)) {
			wrmsr(X86_MSR_EFER, rdmsr(X86_MSR_EFER) | EFER_NXE);
			pte_xd = PTE_XD;
		}
	}
	if (!pte_xd)
		plat_puts("x86: this CPU has no NX (XD) bit: "
			  "data and stacks stay executable\n");
	r.ram_top = ALIGN_UP(r.ram_top, LARGE);
	cuts[0] = PAGE;
	cuts[1] = r.text;
	cuts[2] = r.etext;
	cuts[3] = r.erodata;
	for (unsigned int pdi = 0; pdi < MAPPED_TOP / LARGE; pdi++) {
		uint64_t base = (uint64_t)pdi * LARGE, first, e;
		uint64_t *pt = NULL;
		int same = 1;

		first = page_rights(base, &r);
		/* ram_top and DEVICE_BASE are 2-MiB aligned. */
		for (unsigned int k = 0; k < ARRAY_SIZE(cuts); k++)
			if (cuts[k] > base && cuts[k] < base + LARGE)
				same = 0;
		if (same) {
			x86_pd[pdi] = first ? base | first | X86_PTE_PS : 0;
			continue;
		}
		/* A table already there (the boot one of the first 2 MiB)
		 * is reused, else one of pt_image. */
		e = x86_pd[pdi];
		if ((e & X86_PTE_P) && !(e & X86_PTE_PS))
			pt = (uint64_t *)(uintptr_t)(e & 0x000ffffffffff000ULL);
		else if (used < ARRAY_SIZE(pt_image))
			pt = pt_image[used++];
		if (!pt)
			continue; /* cannot happen: three boundaries at most */
		for (unsigned int j = 0; j < 512; j++) {
			uint64_t rights = page_rights(base + j * PAGE, &r);

			pt[j] = rights ? (base + j * PAGE) | rights : 0;
		}
		x86_pd[pdi] = (uintptr_t)pt | X86_PTE_P | X86_PTE_RW | PTE_AD;
	}
	__asm__ __volatile__("mov %%cr0, %%rax; or %0, %%rax; mov %%rax, %%cr0"
			     :
			     : "r"(CR0_WP)
			     : "rax", "memory");
	flush_all();
}

/* Both the PC's and Xen's linker scripts define these. */
extern char _image_start[], _etext[], _erodata[];

void x86_cpu_paging_protect_image(void)
{
	struct x86_image_layout l = {
		.text = (uintptr_t)_image_start,
		.etext = (uintptr_t)_etext,
		.erodata = (uintptr_t)_erodata,
	};
	struct ukplat_memregion_desc d;
	int i;

	ukplat_memregion_foreach(&d, i)
		if (d.base + d.len > l.ram_top)
			l.ram_top = d.base + d.len;
	x86_cpu_paging_protect(&l);
}
