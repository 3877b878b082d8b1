/* SPDX-License-Identifier: BSD-3-Clause */
/* One heap region, mapped from the host at start-up. */
#include <uk/plat/common/memregion.h>
#include <uk/plat/bootstrap.h>
#include <linuxu/setup.h>

void linuxu_memory_init(void)
{
	static const char msg[] = "linuxu: cannot map the heap\n";
	size_t len = (size_t)CONFIG_LINUXU_HEAP_SIZE_MB << 20;
	void *base = linuxu_mmap_anon(len);

	if (!base) {
		linuxu_write(2, msg, sizeof(msg) - 1);
		linuxu_exit_group(UKPLAT_STATUS_CRASH);
	}
	plat_memregion_add((uintptr_t)base, len,
			   UKPLAT_MEMRF_FREE | UKPLAT_MEMRF_READABLE |
				   UKPLAT_MEMRF_WRITABLE,
			   "heap");
}
