/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The memory-region table every platform fills at boot, before
 * ukplat_entry(), and ukboot reads to set up its allocator. Boot is
 * single-threaded, so the table needs no lock.
 */
#include <uk/plat/common/memregion.h>

static struct ukplat_memregion_desc regions[PLAT_MEMREGION_MAX];
static int nregions;

int plat_memregion_add(uintptr_t base, size_t len, unsigned int flags,
		       const char *name)
{
	if (!len)
		return 0;
	if (nregions == PLAT_MEMREGION_MAX)
		return -1;
	regions[nregions++] = (struct ukplat_memregion_desc){
		.base = base,
		.len = len,
		.flags = flags,
		.name = name,
	};
	return 0;
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
