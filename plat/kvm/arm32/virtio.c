/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Where virtio devices are on arm32 kvm (QEMU's virt): "virtio,mmio"
 * nodes of the device tree, each with one GIC SPI. Probed by an init
 * function, once the heap exists.
 */
#include <uk/fdt.h>
#include <uk/init.h>
#include <arm/gic.h>
#include <virtio/virtio.h>

extern const void *kvm_arm_fdt;

/* The GIC interrupt id of a node's first interrupt (3 cells: type, nr,
 * flags; type 0 is an SPI, 1 a PPI). */
static unsigned long fdt_irq(const void *fdt, int node)
{
	const uint32_t *p;
	int len;

	p = uk_fdt_getprop(fdt, node, "interrupts", &len);
	if (!p || len < 12)
		return VIRTIO_NO_IRQ;
	return __builtin_bswap32(p[0]) == 0 ?
		       ARM_GIC_SPI(__builtin_bswap32(p[1])) :
		       ARM_GIC_PPI(__builtin_bswap32(p[1]));
}

static int kvm_virtio_init(void)
{
	const void *fdt = kvm_arm_fdt;
	int node = -1;

	if (!fdt)
		return 0;
	while ((node = uk_fdt_node_by_compatible(fdt, node, "virtio,mmio")) >=
	       0) {
		uint64_t base, size;

		if (uk_fdt_reg(fdt, node, 0, &base, &size))
			continue;
		virtio_mmio_probe((uintptr_t)base, size, fdt_irq(fdt, node));
	}
	return 0;
}

uk_plat_initcall(kvm_virtio_init);
