/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wall clock of an arm32 Xen guest. The monotonic clock and the one-shot
 * timer are the generic timer's (lib/armgtimer/gtimer.c). Xen keeps
 * the wall-clock time of the domain's start (its virtual counter's zero)
 * in shared_info, which the guest first maps into one of its own pages.
 */
#include <uk/essentials.h>
#include <uk/arch/barrier.h>
#include <uk/plat/time.h>
#include <arm/cpu.h>
#include "xen-arm.h"

/* The frame Xen's shared_info replaces (a page of the image's .bss). */
static uint8_t shared_page[XEN_PAGE_SIZE] __align(XEN_PAGE_SIZE);
static __nsec wall_base;

static __nsec counter_ns(void)
{
	uint64_t freq = ARM_CP15_READ(0, c14, c0, 0); /* CNTFRQ */
	uint64_t t;

	if (!freq)
		return 0;
	isb();
	t = ARM_CP15_READ64(1, c14); /* CNTVCT */
	return (__nsec)((t / freq) * UKPLAT_NSEC_PER_SEC +
			(t % freq) * UKPLAT_NSEC_PER_SEC / freq);
}

void xen_arm_time_init(void)
{
	struct xen_arm_add_to_physmap xatp = {
		.domid = XEN_DOMID_SELF,
		.space = XEN_XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)shared_page >> XEN_PAGE_SHIFT,
	};
	volatile struct xen_arm_shared_info *si =
		(volatile struct xen_arm_shared_info *)shared_page;
	uint32_t version;
	__nsec wc;

	if (xen_hypercall(XEN_HC_memory_op, XEN_XENMEM_add_to_physmap,
			  (unsigned long)&xatp, 0, 0, 0))
		return;
	/* An odd version: Xen is updating it. */
	do {
		version = si->wc_version;
		smp_rmb();
		wc = (__nsec)((((uint64_t)si->wc_sec_hi << 32) | si->wc_sec) *
				      UKPLAT_NSEC_PER_SEC +
			      si->wc_nsec);
		smp_rmb();
	} while ((version & 1) || version != si->wc_version);
	/* Wall time at the monotonic clock's zero (the timer's start). */
	wall_base = wc + counter_ns() - ukplat_monotonic_clock();
}

__nsec ukplat_wall_clock(void)
{
	return wall_base + ukplat_monotonic_clock();
}
