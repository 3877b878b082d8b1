/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen grant tables, version 1 (plat/xen/gnttab): this domain's table of
 * grants, each letting one other domain map or copy one of our pages.
 * Frame numbers are what ukplat_xen_virt_to_frame() (uk/plat/xen.h)
 * returns. Errors are negative errnos; uk_gnttab_copy_from_grant() also
 * returns Xen's GNTST_* status (negative) when the copy itself failed.
 */
#ifndef __UK_GNTTAB_H__
#define __UK_GNTTAB_H__

#include <uk/arch/types.h>

typedef uint32_t uk_grant_ref_t;

/* Entry flags (grant_entry_v1.flags). */
#define UK_GTF_permit_access 0x1
#define UK_GTF_readonly 0x4
#define UK_GTF_reading 0x8 /* set by Xen while the grantee maps it */
#define UK_GTF_writing 0x10

/* Set up and map the table; the first grant does it too. 0 or -errno. */
int uk_gnttab_init(void);
/*
 * Let domain domid access frame (read-only if readonly). Returns the
 * grant reference (>= 0) to hand to domid, or -ENOSPC / -errno.
 */
int uk_gnttab_grant_access(uint16_t domid, unsigned long frame, int readonly);
/*
 * Withdraw a grant and free its reference. -EBUSY (the entry is left as
 * it is) while the grantee still has the page mapped.
 */
int uk_gnttab_end_access(uk_grant_ref_t ref);
/* The entry's flags as Xen sees them, or -EINVAL. */
int uk_gnttab_entry_flags(uk_grant_ref_t ref);
/* GNTTABOP_query_size for this domain: frames in use and the maximum. */
int uk_gnttab_query_size(uint32_t *nr_frames, uint32_t *max_frames);
/*
 * GNTTABOP_copy of len bytes from grant ref of domain domid (at src_off)
 * into our frame dst_frame (at dst_off): Xen checks the grant.
 */
int uk_gnttab_copy_from_grant(uint16_t domid, uk_grant_ref_t ref,
			      uint16_t src_off, unsigned long dst_frame,
			      uint16_t dst_off, uint16_t len);

#endif /* __UK_GNTTAB_H__ */
