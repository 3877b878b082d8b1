/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ARM generic timer (ARMv7-A ARM, chapter B8): the virtual counter is the
 * monotonic clock, the virtual timer's compare value the one-shot timer.
 * The virtual timer is the one a guest owns on any hypervisor.
 */
#include <uk/essentials.h>
#include <uk/fdt.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/arch/barrier.h>
#include <arm/cpu.h>
#include <arm/gic.h>
#include <arm/timer.h>

#define CNT_CTL_ENABLE (1 << 0)
#define CNT_CTL_IMASK (1 << 1)

/* "interrupts" of the timer node: secure, non-secure, virtual, hyp. */
#define GT_IRQ_VIRT_INDEX 2
#define GT_IRQ_VIRT_DEFAULT ARM_GIC_PPI(11)

static uint32_t freq;
static uint64_t boot_count;

#define read_cntfrq() ARM_CP15_READ(0, c14, c0, 0)
#define write_cntv_ctl(v) ARM_CP15_WRITE(0, c14, c3, 1, v)
#define write_cntv_cval(v) ARM_CP15_WRITE64(3, c14, v)

static uint64_t read_cntvct(void)
{
	isb();
	return ARM_CP15_READ64(1, c14);
}

/* Split so that neither product overflows 64 bits for centuries. */
static __nsec ticks_to_ns(uint64_t t)
{
	return (__nsec)((t / freq) * UKPLAT_NSEC_PER_SEC +
			(t % freq) * UKPLAT_NSEC_PER_SEC / freq);
}

static uint64_t ns_to_ticks(__nsec ns)
{
	uint64_t n = (uint64_t)ns;

	return (n / UKPLAT_NSEC_PER_SEC) * freq +
	       ((n % UKPLAT_NSEC_PER_SEC) * freq + UKPLAT_NSEC_PER_SEC - 1) /
		       UKPLAT_NSEC_PER_SEC;
}

__nsec ukplat_monotonic_clock(void)
{
	if (!freq)
		return 0;
	return ticks_to_ns(read_cntvct() - boot_count);
}

int arm_timer_set_deadline(__nsec until)
{
	/* The condition is count >= cval: a past deadline fires at once. */
	write_cntv_cval(boot_count + ns_to_ticks(until));
	write_cntv_ctl(CNT_CTL_ENABLE);
	isb();
	return 0;
}

static int gtimer_irq(void *arg __unused)
{
	/* One-shot: off until the next deadline. */
	write_cntv_ctl(0);
	isb();
	return 1;
}

int arm_gtimer_init(const void *fdt)
{
	unsigned long irq = GT_IRQ_VIRT_DEFAULT;
	const uint8_t *ints;
	int node, len;

	node = uk_fdt_node_by_compatible(fdt, -1, "arm,armv7-timer");
	freq = read_cntfrq();
	if (node >= 0) {
		/* Firmware that leaves CNTFRQ unset says it here. */
		if (!freq)
			freq = uk_fdt_getprop_u32(fdt, node, "clock-frequency",
						  0);
		/* Three cells per interrupt: type (1 = PPI), number, flags. */
		ints = uk_fdt_getprop(fdt, node, "interrupts", &len);
		if (ints && len >= 12 * (GT_IRQ_VIRT_INDEX + 1)) {
			const uint8_t *p = ints + 12 * GT_IRQ_VIRT_INDEX + 4;

			irq = ARM_GIC_PPI(((uint32_t)p[0] << 24) |
					  ((uint32_t)p[1] << 16) |
					  ((uint32_t)p[2] << 8) | p[3]);
		}
	}
	if (!freq)
		return -19; /* ENODEV */
	write_cntv_ctl(0);
	boot_count = read_cntvct();
	return ukplat_irq_register(irq, gtimer_irq, NULL);
}
