/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory regions: the image itself, then the RAM that the boot loader's
 * memory map lists, less the first MiB (BIOS data, EBDA, option ROMs, boot
 * structures), less the image (its .bss holds the boot stack and the page
 * tables), and cut at 4 GiB (what the boot page tables map). Free regions
 * go to the allocator (lib/ukboot).
 *
 * The boot loader's own data (multiboot info, memory map, command line;
 * PVH start_info) may lie in free RAM: setup.c copies what it needs before
 * ukplat_entry() hands the regions out.
 */
#include <uk/plat/common/memregion.h>
#include <pc/pc.h>

#define LOW_LIMIT 0x100000ULL
#define HIGH_LIMIT 0x100000000ULL
#define PAGE 4096ULL

static void region_add(uint64_t base, uint64_t end, unsigned int flags,
		       const char *name)
{
	base = ALIGN_UP(base, PAGE);
	end = ALIGN_DOWN(end, PAGE);
	if (end <= base)
		return;
	/* A full table drops the range: less heap, still a safe boot. */
	plat_memregion_add((uintptr_t)base, (size_t)(end - base), flags, name);
}

void x86_mem_init(void)
{
	region_add((uintptr_t)_image_start, ALIGN_UP((uintptr_t)_end, PAGE),
		   UKPLAT_MEMRF_KERNEL | UKPLAT_MEMRF_READABLE |
			   UKPLAT_MEMRF_WRITABLE,
		   "image");
}

/* The initrd's pages, [lo, hi); empty without one. */
static uint64_t initrd_lo, initrd_hi;

void x86_mem_set_initrd(uint64_t base, uint64_t len)
{
	if (initrd_hi || !len)
		return;
	if (base + len < base || base + len > HIGH_LIMIT) {
		plat_puts(X86_PC_PLAT ": initrd above 4 GiB ignored\n");
		return;
	}
	/* The archive starts at base exactly: no rounding there. */
	plat_memregion_add((uintptr_t)base, (size_t)len,
			   UKPLAT_MEMRF_INITRD | UKPLAT_MEMRF_RESERVED |
				   UKPLAT_MEMRF_READABLE,
			   "initrd");
	initrd_lo = ALIGN_DOWN(base, PAGE);
	initrd_hi = ALIGN_UP(base + len, PAGE);
}

/* Adds [base, end) as free RAM less the hole [lo, hi). */
static void add_around(uint64_t base, uint64_t end, uint64_t lo, uint64_t hi,
		       int next_hole);

static void add_free(uint64_t base, uint64_t end, int hole)
{
	const unsigned int free = UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				  UKPLAT_MEMRF_WRITABLE;

	if (end <= base)
		return;
	switch (hole) {
	case 0: /* the image */
		add_around(base, end, (uintptr_t)_image_start,
			   ALIGN_UP((uintptr_t)_end, PAGE), 1);
		break;
	case 1: /* the initrd */
		add_around(base, end, initrd_lo, initrd_hi, 2);
		break;
	default:
		region_add(base, end, free, "ram");
	}
}

static void add_around(uint64_t base, uint64_t end, uint64_t lo, uint64_t hi,
		       int next_hole)
{
	if (hi <= lo || end <= lo || base >= hi) {
		add_free(base, end, next_hole);
		return;
	}
	/* The parts below and above the hole. */
	if (base < lo)
		add_free(base, lo, next_hole);
	if (end > hi)
		add_free(hi, end, next_hole);
}

void x86_mem_add_ram(uint64_t base, uint64_t len)
{
	uint64_t end = base + len;

	if (end < base) /* wraps */
		end = ~0ULL;
	base = MAX(base, LOW_LIMIT);
	end = MIN(end, HIGH_LIMIT);
	add_free(base, end, 0);
}
