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
 */
#include <uk/plat/paging.h>
#include <uk/plat/lcpu.h>
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

#define X86_EINVAL 22
#define X86_EBUSY 16
#define X86_ENOMEM 12

static uint64_t pt_pool[PT_POOL][512] __align(4096);
static unsigned int pt_guards[PT_POOL]; /* guards in each pool table */
static int pt_used[PT_POOL];

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
	for (unsigned int j = 0; j < 512; j++)
		pt_pool[i][j] = (pdi * LARGE + j * PAGE) | X86_PTE_P |
				X86_PTE_RW;
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
	*pte = va | X86_PTE_P | X86_PTE_RW;
	flush_page(va);
	i = pool_index(pdi);
	if (i >= 0 && !--pt_guards[i]) {
		/* Last guard gone: back to one 2-MiB page. */
		x86_pd[pdi] = pdi * LARGE | X86_PTE_P | X86_PTE_RW | X86_PTE_PS;
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
