/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The x86_64 CPU layer (plat/shared/x86), shared by the PC platforms (kvm,
 * baremetal) and by Xen's x86_64 guests: CPU instructions, the TSS, guard
 * pages in the 4-level page tables, and the FS-base thread pointer. The
 * functions have x86_cpu_* names; each platform's <uk/plat/paging.h> and
 * <uk/plat/tls.h> call them (Xen only when it runs as a PVH guest).
 */
#ifndef __X86_CPU_H__
#define __X86_CPU_H__

#include <x86/cpu_defs.h>
#include <uk/essentials.h>

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ __volatile__("wrmsr"
			     :
			     : "c"(msr), "a"((uint32_t)v),
			       "d"((uint32_t)(v >> 32))
			     : "memory");
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ __volatile__("cpuid"
			     : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			     : "a"(leaf), "c"(sub));
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

/*
 * The page tables paging.c edits: a page directory of 2048 2-MiB entries
 * mapping 0-4 GiB, and a table of 4-KiB entries for the first 2 MiB. The
 * platform's entry code builds them (plat/shared/pc/entry32.S,
 * plat/xen/x86_64/entry.S for PVH).
 */
extern uint64_t x86_pd[];
extern uint64_t x86_pt0[];

/* --- tss.c ---------------------------------------------------------------- */
struct x86_idt_gate;
/*
 * Load a TSS whose IST 1 is a stack of its own, into the 16-byte GDT slot
 * gdt_tss with selector sel, and move the page-fault and double-fault
 * gates of idt onto it: a thread that overflowed into its guard page has
 * no stack left to take the exception on.
 */
void x86_tss_init(uint64_t gdt_tss[2], uint16_t sel, struct x86_idt_gate *idt);

/* --- paging.c and tls.c ---------------------------------------------------- */
unsigned long x86_cpu_page_guard_size(void);
int x86_cpu_page_set_guard(void *page, const char *owner);
int x86_cpu_page_clear_guard(void *page);

/* Where the image's parts are (physical = virtual), for W^X. */
struct x86_image_layout {
	uint64_t text, etext; /* code: read-only, executable */
	uint64_t erodata; /* [etext, erodata): read-only, no-execute */
	uint64_t ram_top; /* RAM ends here: unmapped up to the devices */
};
/*
 * Turn on W^X in the 0-4 GiB page tables: code read-only, read-only data
 * not writable, all else not executable, page 0 unmapped, and nothing
 * mapped from ram_top to 3 GiB (where a PC's devices start).
 */
void x86_cpu_paging_protect(const struct x86_image_layout *l);
/*
 * x86_cpu_paging_protect() for this image: its linker script's _etext
 * and _erodata (page-aligned), RAM up to the end of the highest memory
 * region. Called once the memory regions are known.
 */
void x86_cpu_paging_protect_image(void);
/* 1 if va is in a guard page (x86_cpu_page_set_guard); *owner its owner. */
int x86_guard_owner(uintptr_t va, const char **owner);
int x86_cpu_tlsp_set(uintptr_t tp);

#endif /* __X86_CPU_H__ */
