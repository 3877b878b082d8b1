/* SPDX-License-Identifier: BSD-3-Clause */
/* Memory regions of the arm platforms: RAM minus image and boot data. */
#include <uk/essentials.h>
#include <uk/plat/common/memregion.h>
#include <arm/setup.h>

#define ARM_PAGE 4096ULL
/* The 32-bit address space ends below 4 GiB. */
#define ARM_ADDR_LIMIT 0xfffff000ULL

static int add_region(uint64_t base, uint64_t end, unsigned int flags,
		      const char *name)
{
	if (end > ARM_ADDR_LIMIT)
		end = ARM_ADDR_LIMIT;
	if (end <= base)
		return 0;
	return plat_memregion_add((uintptr_t)base, (size_t)(end - base), flags,
				  name);
}

int arm_mem_add_ram(uint64_t base, uint64_t len,
		    const struct arm_mem_range *res, int nres)
{
	const struct arm_mem_range *sorted[PLAT_MEMREGION_MAX];
	uint64_t end = base + len, cur = base;
	int i, j, n = 0;

	/* Reserved ranges inside RAM, by address (insertion sort). */
	for (i = 0; i < nres && n < PLAT_MEMREGION_MAX; i++) {
		if (res[i].end <= base || res[i].base >= end)
			continue;
		for (j = n; j > 0 && sorted[j - 1]->base > res[i].base; j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = &res[i];
		n++;
	}
	for (i = 0; i < n; i++) {
		uint64_t rb = MAX(sorted[i]->base, base);
		uint64_t re = MIN(sorted[i]->end, end);
		int kernel = sorted[i]->base == (uintptr_t)__image_start;

		if (add_region(ALIGN_UP(cur, ARM_PAGE),
			       ALIGN_DOWN(rb, ARM_PAGE),
			       UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				       UKPLAT_MEMRF_WRITABLE,
			       "ram") ||
		    add_region(rb, re,
			       (kernel ? UKPLAT_MEMRF_KERNEL :
					 UKPLAT_MEMRF_RESERVED) |
				       UKPLAT_MEMRF_READABLE | sorted[i]->flags,
			       sorted[i]->name))
			return -1;
		cur = MAX(cur, re);
	}
	return add_region(ALIGN_UP(cur, ARM_PAGE), ALIGN_DOWN(end, ARM_PAGE),
			  UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				  UKPLAT_MEMRF_WRITABLE,
			  "ram");
}
