/* SPDX-License-Identifier: BSD-3-Clause */
/* RAM as the device tree describes it, for the arm platforms that have one. */
#include <uk/essentials.h>
#include <uk/fdt.h>
#include <uk/plat/memory.h>
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
							   "ram", 0 };
		}
	}
	return n;
}

/* A big-endian property of one or two cells. */
static int fdt_cells(const void *fdt, int node, const char *name,
		     uint64_t *v)
{
	const uint8_t *p;
	int len, i;

	p = uk_fdt_getprop(fdt, node, name, &len);
	if (!p || (len != 4 && len != 8))
		return -1;
	*v = 0;
	for (i = 0; i < len; i++)
		*v = (*v << 8) | p[i];
	return 0;
}

int arm_fdt_initrd(const void *fdt, struct arm_mem_range *r)
{
	int node = uk_fdt_path_offset(fdt, "/chosen");
	uint64_t start, end;

	if (node < 0 || fdt_cells(fdt, node, "linux,initrd-start", &start) ||
	    fdt_cells(fdt, node, "linux,initrd-end", &end) || end <= start)
		return -1;
	*r = (struct arm_mem_range){ start, end, "initrd",
				     UKPLAT_MEMRF_INITRD };
	return 0;
}
