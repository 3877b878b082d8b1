/* SPDX-License-Identifier: BSD-3-Clause */
/* RAM as the device tree describes it, for the arm platforms that have one. */
#include <uk/essentials.h>
#include <uk/fdt.h>
#include <arm/setup.h>

int arm_fdt_ram(const void *fdt, struct arm_mem_range *ram, int max)
{
	int node, i, n = 0;

	/* Every reg entry of every top-level node of device_type "memory". */
	for (node = uk_fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = uk_fdt_next_node(fdt, node, NULL)) {
		const char *type =
			uk_fdt_getprop(fdt, node, "device_type", NULL);
		uint64_t base, len;

		if (!type || type[0] != 'm' || uk_fdt_parent(fdt, node) != 0)
			continue;
		for (i = 0; !uk_fdt_reg(fdt, node, i, &base, &len); i++) {
			if (n == max)
				return -1;
			ram[n++] = (struct arm_mem_range){ base, base + len,
							   "ram" };
		}
	}
	return n;
}
