/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Xen console of a PV guest (ring code in plat/xen/common/console.c).
 * An unprivileged domain's console ring is the page start_info names by
 * machine frame (its pseudo-physical frame comes from the M2P table); the
 * initial domain has no ring: it writes through HYPERVISOR_console_io,
 * which Xen refuses to anyone else.
 */
#include <uk/essentials.h>
#include <xen-abi.h>

extern char _image_start[];

void xen_console_init(void)
{
	struct xen_start_info *si = xen_start_info;
	unsigned long pfn;

	if (si->flags & XEN_SIF_INITDOMAIN)
		return;
	pfn = XEN_M2P[si->console.domu.mfn];
	if (pfn >= si->nr_pages)
		return;
	xen_console_set_ring(_image_start + (pfn << XEN_PAGE_SHIFT),
			     si->console.domu.evtchn);
}
