/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory map, all in kseg0: the first MiB belongs to the boot loader (its
 * vectors, stack and the argument strings we read at boot), then the
 * image (with .bss and both stacks), then free RAM up to the size the
 * boot loader reported (at most the 256 MiB below the Malta's I/O hole),
 * less the initrd where QEMU put it (near the top).
 */
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/putk.h>
#include <malta/malta.h>

#define LOW_RESERVED 0x100000UL
#define RAM_LOW_MAX 0x10000000UL

extern char __image_start[], _end[];

static void add_free(uintptr_t lo, uintptr_t hi)
{
	if (hi > lo)
		plat_memregion_add(lo, hi - lo,
				   UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
					   UKPLAT_MEMRF_WRITABLE,
				   "heap");
}

void malta_memory_init(uint32_t ramsize, uintptr_t initrd, size_t initrd_len)
{
	uintptr_t top, heap, lo, hi;

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
	if (initrd_len && (initrd < heap || initrd > top ||
			   initrd_len > top - initrd)) {
		plat_puts("malta: initrd outside free RAM ignored\n");
		initrd_len = 0;
	}
	if (!initrd_len) {
		add_free(heap, top);
		return;
	}
	plat_memregion_add(initrd, initrd_len,
			   UKPLAT_MEMRF_INITRD | UKPLAT_MEMRF_RESERVED |
				   UKPLAT_MEMRF_READABLE,
			   "initrd");
	lo = ALIGN_DOWN(initrd, __PAGE_SIZE);
	hi = ALIGN_UP(initrd + initrd_len, __PAGE_SIZE);
	add_free(heap, lo);
	add_free(hi, top);
}
