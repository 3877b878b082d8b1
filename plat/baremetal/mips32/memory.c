/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory map, all in kseg0: the first MiB belongs to the boot loader (its
 * vectors, stack and the argument strings we read at boot), then the
 * image (with .bss and both stacks), then free RAM up to the size the
 * boot loader reported (at most the 256 MiB below the Malta's I/O hole).
 */
#include <uk/plat/memory.h>
#include <malta/malta.h>

#define LOW_RESERVED 0x100000UL
#define RAM_LOW_MAX 0x10000000UL

extern char __image_start[], _end[];

static struct ukplat_memregion_desc regions[3];
static int nregions;

void malta_memory_init(uint32_t ramsize)
{
	uintptr_t top, heap;

	if (ramsize > RAM_LOW_MAX)
		ramsize = RAM_LOW_MAX;
	top = KSEG0 + ramsize;
	regions[nregions++] = (struct ukplat_memregion_desc){
		.base = KSEG0,
		.len = LOW_RESERVED,
		.flags = UKPLAT_MEMRF_RESERVED | UKPLAT_MEMRF_READABLE,
		.name = "bootloader",
	};
	regions[nregions++] = (struct ukplat_memregion_desc){
		.base = (uintptr_t)__image_start,
		.len = (uintptr_t)_end - (uintptr_t)__image_start,
		.flags = UKPLAT_MEMRF_KERNEL | UKPLAT_MEMRF_READABLE |
			 UKPLAT_MEMRF_WRITABLE,
		.name = "image",
	};
	heap = ALIGN_UP((uintptr_t)_end, __PAGE_SIZE);
	if (top > heap)
		regions[nregions++] = (struct ukplat_memregion_desc){
			.base = heap,
			.len = top - heap,
			.flags = UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				 UKPLAT_MEMRF_WRITABLE,
			.name = "heap",
		};
}

int ukplat_memregion_count(void)
{
	return nregions;
}

int ukplat_memregion_get(int i, struct ukplat_memregion_desc *d)
{
	if (i < 0 || i >= nregions)
		return -1;
	*d = regions[i];
	return 0;
}
