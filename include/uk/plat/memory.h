/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_MEMORY_H__
#define __UK_PLAT_MEMORY_H__

#include <uk/essentials.h>

/* Region flags */
#define UKPLAT_MEMRF_FREE 0x01 /* free RAM, for the allocators */
#define UKPLAT_MEMRF_RESERVED 0x02 /* firmware, devices, boot data */
#define UKPLAT_MEMRF_KERNEL 0x04 /* the image itself */
#define UKPLAT_MEMRF_READABLE 0x10
#define UKPLAT_MEMRF_WRITABLE 0x20

struct ukplat_memregion_desc {
	uintptr_t base;
	size_t len;
	unsigned int flags;
	const char *name;
};

/* Number of regions the platform knows of. */
int ukplat_memregion_count(void);
/* Copy region i into *d; 0 on success, < 0 when i is out of range. */
int ukplat_memregion_get(int i, struct ukplat_memregion_desc *d);

#define ukplat_memregion_foreach(d, i) \
	for ((i) = 0; ukplat_memregion_get((i), (d)) == 0; (i)++)

#endif /* __UK_PLAT_MEMORY_H__ */
