/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __ARM_GIC_H__
#define __ARM_GIC_H__

/* Interrupt ids: SGIs 0-15, PPIs 16-31 (per CPU), SPIs from 32. */
#define ARM_GIC_PPI(n) (16 + (n))
#define ARM_GIC_SPI(n) (32 + (n))

/*
 * Find the GICv2 in the device tree ("arm,cortex-a15-gic" and friends),
 * set it up with every line masked and make it the interrupt controller.
 */
int arm_gicv2_init(const void *fdt);

#endif /* __ARM_GIC_H__ */
