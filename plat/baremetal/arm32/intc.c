/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts on the BCM2836: the BCM2835 ("GPU") controller gathers the
 * peripherals' lines (numbered 0-63 here, its two banks), and the
 * BCM2836 per-core controller forwards them to a core as one source.
 * Lines are acknowledged at their device; this only masks and dispatches.
 */
#include <uk/essentials.h>
#include <arm/cpu.h>
#include <arm/irq.h>
#include "rpi2.h"

#define IC_PENDING1 0x04
#define IC_PENDING2 0x08
#define IC_FIQ_CONTROL 0x0c
#define IC_ENABLE1 0x10
#define IC_ENABLE2 0x14
#define IC_DISABLE1 0x1c
#define IC_DISABLE2 0x20
#define IC_DISABLE_BASIC 0x24

#define LOCAL_GPU_ROUTING 0x0c
#define LOCAL_CORE0_IRQ_SOURCE 0x60
#define LOCAL_SRC_GPU (1 << 8)

#define RPI2_NIRQ 64

static uint32_t enabled[2];

static int intc_enable(unsigned long irq)
{
	if (irq >= RPI2_NIRQ)
		return -22; /* EINVAL */
	enabled[irq / 32] |= 1U << (irq % 32);
	arm_mmio_write32(RPI2_IC + (irq < 32 ? IC_ENABLE1 : IC_ENABLE2),
			 1U << (irq % 32));
	return 0;
}

static void intc_handle(void)
{
	uint32_t src = arm_mmio_read32(RPI2_LOCAL + LOCAL_CORE0_IRQ_SOURCE);
	uint32_t pend;
	int bank;

	if (!(src & LOCAL_SRC_GPU))
		return;
	for (bank = 0; bank < 2; bank++) {
		pend = arm_mmio_read32(RPI2_IC +
				       (bank ? IC_PENDING2 : IC_PENDING1)) &
		       enabled[bank];
		while (pend) {
			int bit = __builtin_ctz(pend);

			pend &= pend - 1;
			arm_irq_dispatch(bank * 32 + bit);
		}
	}
}

static const struct arm_intc intc_ops = {
	.enable = intc_enable,
	.handle = intc_handle,
};

int rpi2_intc_init(void)
{
	arm_mmio_write32(RPI2_IC + IC_FIQ_CONTROL, 0);
	arm_mmio_write32(RPI2_IC + IC_DISABLE1, ~0U);
	arm_mmio_write32(RPI2_IC + IC_DISABLE2, ~0U);
	arm_mmio_write32(RPI2_IC + IC_DISABLE_BASIC, ~0U);
	/* GPU interrupts to core 0's IRQ. */
	arm_mmio_write32(RPI2_LOCAL + LOCAL_GPU_ROUTING, 0);
	arm_irq_set_controller(&intc_ops);
	return 0;
}
