/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Xen console of an arm32 guest: the PV console ring (ring code in
 * plat/xen/common/console.c) whose guest frame and event channel are HVM
 * parameters. Until the ring is known, and in a domain that has none (the
 * initial domain), output goes to Xen's own console through
 * HYPERVISOR_console_io, which only the initial domain or a debug build of
 * Xen prints (CONFIG_XEN_ARM32_EARLY_CONSOLE).
 */
#include <uk/essentials.h>
#include <xen-console.h>
#include "xen-arm.h"

static int hvm_param(uint32_t index, uint64_t *value)
{
	struct xen_arm_hvm_param p = {
		.domid = XEN_DOMID_SELF,
		.index = index,
	};
	long rc = xen_hypercall(XEN_HC_hvm_op, XEN_HVMOP_get_param,
				(unsigned long)&p, 0, 0, 0);

	*value = p.value;
	return (int)rc;
}

void xen_console_init(void)
{
	uint64_t pfn, port;

	if (hvm_param(XEN_HVM_PARAM_CONSOLE_PFN, &pfn) || !pfn ||
	    hvm_param(XEN_HVM_PARAM_CONSOLE_EVTCHN, &port))
		return;
	/* A 32-bit guest reaches only the low 4 GiB. */
	if (pfn >> (32 - XEN_PAGE_SHIFT))
		return;
	xen_arm_mmu_map_normal(pfn << XEN_PAGE_SHIFT);
	xen_console_set_ring((void *)(uintptr_t)(pfn << XEN_PAGE_SHIFT),
			     (uint32_t)port);
}
