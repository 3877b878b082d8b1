/* SPDX-License-Identifier: BSD-3-Clause */
/* GICv2 distributor and CPU interface (ARM IHI 0048B). */
#include <uk/essentials.h>
#include <uk/fdt.h>
#include <arm/cpu.h>
#include <arm/gic.h>
#include <arm/irq.h>

#define GICD_CTLR 0x000
#define GICD_TYPER 0x004
#define GICD_ISENABLER 0x100
#define GICD_ICENABLER 0x180
#define GICD_ICPENDR 0x280
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_ICFGR 0xc00

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_BPR 0x08
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10

#define GIC_SPURIOUS 1020
/* All lines at one middle priority; the mask lets every one through. */
#define GIC_PRIO 0xa0a0a0a0U
#define GIC_PMR_ALL 0xf0

static const char *const gic_compat[] = { "arm,cortex-a15-gic",
					  "arm,cortex-a7-gic", "arm,gic-400",
					  "arm,cortex-a9-gic" };

static uintptr_t gicd, gicc;
static unsigned int nlines;

static int gic_enable(unsigned long irq)
{
	if (irq >= nlines || irq >= GIC_SPURIOUS)
		return -22; /* EINVAL */
	arm_mmio_write32(gicd + GICD_ISENABLER + 4 * (irq / 32),
			 1U << (irq % 32));
	return 0;
}

static void gic_handle(void)
{
	for (;;) {
		uint32_t iar = arm_mmio_read32(gicc + GICC_IAR);
		uint32_t id = iar & 0x3ff;

		if (id >= GIC_SPURIOUS)
			break;
		arm_irq_dispatch(id);
		arm_mmio_write32(gicc + GICC_EOIR, iar);
	}
}

static const struct arm_intc gic_ops = {
	.enable = gic_enable,
	.handle = gic_handle,
};

int arm_gicv2_init(const void *fdt)
{
	uint64_t d, c;
	unsigned int i;
	int node = -1;

	for (i = 0; i < ARRAY_SIZE(gic_compat) && node < 0; i++)
		node = uk_fdt_node_by_compatible(fdt, -1, gic_compat[i]);
	if (node < 0 || uk_fdt_reg(fdt, node, 0, &d, NULL) ||
	    uk_fdt_reg(fdt, node, 1, &c, NULL))
		return -19; /* ENODEV */
	gicd = (uintptr_t)d;
	gicc = (uintptr_t)c;

	arm_mmio_write32(gicd + GICD_CTLR, 0);
	nlines = 32 * ((arm_mmio_read32(gicd + GICD_TYPER) & 0x1f) + 1);
	for (i = 0; i < nlines; i += 32) {
		arm_mmio_write32(gicd + GICD_ICENABLER + i / 8, ~0U);
		arm_mmio_write32(gicd + GICD_ICPENDR + i / 8, ~0U);
	}
	for (i = 0; i < nlines; i += 4)
		arm_mmio_write32(gicd + GICD_IPRIORITYR + i, GIC_PRIO);
	/* SPIs go to CPU 0 (the banked SGI/PPI targets are read-only). */
	for (i = 32; i < nlines; i += 4)
		arm_mmio_write32(gicd + GICD_ITARGETSR + i, 0x01010101U);
	arm_mmio_write32(gicd + GICD_CTLR, 1);

	arm_mmio_write32(gicc + GICC_PMR, GIC_PMR_ALL);
	arm_mmio_write32(gicc + GICC_BPR, 0);
	arm_mmio_write32(gicc + GICC_CTLR, 1);
	arm_irq_set_controller(&gic_ops);
	return 0;
}
