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

void x86_mem_add_ram(uint64_t base, uint64_t len)
{
	const unsigned int free = UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				  UKPLAT_MEMRF_WRITABLE;
	uint64_t end = base + len;
	uint64_t img_lo = (uintptr_t)_image_start;
	uint64_t img_hi = ALIGN_UP((uintptr_t)_end, PAGE);

	if (end < base) /* wraps */
		end = ~0ULL;
	base = MAX(base, LOW_LIMIT);
	end = MIN(end, HIGH_LIMIT);
	if (end <= base)
		return;
	/* The parts below and above the image. */
	if (base < img_lo)
		region_add(base, MIN(end, img_lo), free, "ram");
	if (end > img_hi)
		region_add(MAX(base, img_hi), end, free, "ram");
}
