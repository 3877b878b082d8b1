/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * How the grant table's own frames get mapped on x86_64 (gnttab.c has
 * the table itself). PV: GNTTABOP_setup_table returns machine frames that
 * are mapped over the caller's pages with update_va_mapping. PVH: the
 * grant frames are placed at the caller's pages' frames with
 * XENMEM_add_to_physmap, like the shared info page.
 */
#include <uk/essentials.h>
#include <xen-abi.h>
#include "frames.h"

#define EINVAL 22
#define GNTTABOP_setup_table 2
#define MAX_FRAMES 64

struct setup_table {
	uint16_t dom;
	uint32_t nr_frames;
	int16_t status;
	unsigned long *frame_list;
};

long xen_gnttab_op(unsigned int cmd, void *uop, unsigned int count)
{
	return xen_hypercall3(XEN_HC_grant_table_op, cmd, (unsigned long)uop,
			      count);
}

static int map_pv(char *va, unsigned int nr)
{
	unsigned long frames[MAX_FRAMES];
	struct setup_table st = { .dom = XEN_DOMID_SELF,
				  .nr_frames = nr,
				  .frame_list = frames };
	unsigned int i;
	long rc;

	rc = xen_gnttab_op(GNTTABOP_setup_table, &st, 1);
	if (rc)
		return rc;
	if (st.status)
		return -EINVAL;
	for (i = 0; i < nr; i++) {
		/* Present, writable, accessed, dirty. */
		rc = xen_hypercall3(XEN_HC_update_va_mapping,
				    (unsigned long)va + i * XEN_PAGE_SIZE,
				    (frames[i] << XEN_PAGE_SHIFT) | 0x63,
				    XEN_UVMF_INVLPG);
		if (rc)
			return rc;
	}
	return 0;
}

static int map_pvh(char *va, unsigned int nr)
{
	struct xen_add_to_physmap x = { .domid = XEN_DOMID_SELF,
					.space = XEN_XENMAPSPACE_grant_table };
	unsigned int i;
	long rc;

	for (i = 0; i < nr; i++) {
		x.idx = i;
		x.gpfn = ((uintptr_t)va >> XEN_PAGE_SHIFT) + i;
		rc = xen_hypercall2(XEN_HC_memory_op, XEN_XENMEM_add_to_physmap,
				    (unsigned long)&x);
		if (rc)
			return rc;
	}
	return 0;
}

int xen_gnttab_map(void *va, unsigned int nr)
{
	if (!nr || nr > MAX_FRAMES || ((uintptr_t)va & (XEN_PAGE_SIZE - 1)))
		return -EINVAL;
	return xen_pvh ? map_pvh(va, nr) : map_pv(va, nr);
}
