/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_MEMORY_H__
#define __UK_PLAT_MEMORY_H__

#include <uk/essentials.h>

/* Region flags */
#define UKPLAT_MEMRF_FREE 0x01 /* free RAM, for the allocators */
#define UKPLAT_MEMRF_RESERVED 0x02 /* firmware, devices, boot data */
#define UKPLAT_MEMRF_KERNEL 0x04 /* the image itself */
/*
 * The initial ramdisk the boot loader handed over (a multiboot or PVH
 * module, Arm's /chosen linux,initrd-*, Xen's ramdisk=, linuxu's
 * UK_INITRD file), in place and mapped. Never FREE: the allocators leave
 * it alone. At most one region carries this flag.
 */
#define UKPLAT_MEMRF_INITRD 0x08
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

/*
 * The initrd region (UKPLAT_MEMRF_INITRD) into *d: 0 when there is one,
 * -1 when the image was booted without an initrd.
 */
static inline int ukplat_memregion_initrd(struct ukplat_memregion_desc *d)
{
	int i;

	for (i = 0; ukplat_memregion_get(i, d) == 0; i++)
		if (d->flags & UKPLAT_MEMRF_INITRD)
			return 0;
	return -1;
}

#define ukplat_memregion_foreach(d, i) \
	for ((i) = 0; ukplat_memregion_get((i), (d)) == 0; (i)++)

#endif /* __UK_PLAT_MEMORY_H__ */
