/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The memory-region table behind ukplat_memregion_count/get(), shared by
 * every platform: a platform's boot code only says which ranges its boot
 * information describes (plat/common/memregion.c).
 */
#ifndef __UK_PLAT_COMMON_MEMREGION_H__
#define __UK_PLAT_COMMON_MEMREGION_H__

#include <uk/plat/memory.h>

/* Room for a fragmented e820 map plus the image and boot data. */
#define PLAT_MEMREGION_MAX 32

/*
 * Append [base, base + len) to the table. An empty range is ignored.
 * Returns 0, or -1 when the table is full (the range is then lost: the
 * caller decides whether booting on is safe).
 */
int plat_memregion_add(uintptr_t base, size_t len, unsigned int flags,
		       const char *name);

#endif /* __UK_PLAT_COMMON_MEMREGION_H__ */
