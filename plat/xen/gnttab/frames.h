/* SPDX-License-Identifier: BSD-3-Clause */
/* The grant table's frames, per architecture (frames-<arch>.c). */
#ifndef __XEN_GNTTAB_FRAMES_H__
#define __XEN_GNTTAB_FRAMES_H__

/*
 * Make grant table frames 0..nr-1 appear at va (page-aligned, nr pages
 * of memory the caller owns and never frees: their own frames are
 * given up). 0 or a negative errno.
 */
int xen_gnttab_map(void *va, unsigned int nr);
/* HYPERVISOR_grant_table_op(cmd, uop, count). */
long xen_gnttab_op(unsigned int cmd, void *uop, unsigned int count);

#endif /* __XEN_GNTTAB_FRAMES_H__ */
