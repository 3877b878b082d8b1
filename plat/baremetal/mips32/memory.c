/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory map, all in kseg0: the first MiB belongs to the boot loader (its
 * vectors, stack and the argument strings we read at boot), then the
 * image (with .bss and both stacks), then free RAM up to the size the
 * boot loader reported (at most the 256 MiB below the Malta's I/O hole).
 */
#include <uk/plat/common/memregion.h>
#include <malta/malta.h>

#define LOW_RESERVED 0x100000UL
#define RAM_LOW_MAX 0x10000000UL

extern char __image_start[], _end[];

void malta_memory_init(uint32_t ramsize)
{
	uintptr_t top, heap;

	if (ramsize > RAM_LOW_MAX)
		ramsize = RAM_LOW_MAX;
	top = KSEG0 + ramsize;
	plat_memregion_add(KSEG0, LOW_RESERVED,
			   UKPLAT_MEMRF_RESERVED | UKPLAT_MEMRF_READABLE,
			   "bootloader");
	plat_memregion_add((uintptr_t)__image_start,
			   (uintptr_t)_end - (uintptr_t)__image_start,
			   UKPLAT_MEMRF_KERNEL | UKPLAT_MEMRF_READABLE |
				   UKPLAT_MEMRF_WRITABLE,
			   "image");
	heap = ALIGN_UP((uintptr_t)_end, __PAGE_SIZE);
	if (top > heap)
		plat_memregion_add(heap, top - heap,
				   UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
					   UKPLAT_MEMRF_WRITABLE,
				   "heap");
}
