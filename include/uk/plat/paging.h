/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Guard pages: a page of memory made inaccessible, so that touching it
 * faults at once instead of silently corrupting what lies there. uksched
 * puts one under each thread stack; the platform's fault report names the
 * owner of the guard that was hit ("stack overflow in thread <owner>").
 *
 * Platforms without paging (or without an implementation yet) report a
 * guard size of 0 and refuse with -EOPNOTSUPP; callers then fall back to
 * other checks (uksched's stack canary).
 */
#ifndef __UK_PLAT_PAGING_H__
#define __UK_PLAT_PAGING_H__

/* Size and alignment of a guard page in bytes; 0: no guard pages here. */
unsigned long ukplat_page_guard_size(void);

/*
 * Make the page at `page` (aligned to ukplat_page_guard_size()) fault on
 * any access. `owner` names the thread whose stack lies above it; the
 * string must outlive the guard. 0, or -EOPNOTSUPP, -EINVAL (unaligned,
 * outside the mapped memory), -EBUSY (already a guard), -ENOMEM (no
 * page-table memory left for it).
 */
int ukplat_page_set_guard(void *page, const char *owner);

/* Make a guard page ordinary memory again. 0, or -EINVAL (not a guard). */
int ukplat_page_clear_guard(void *page);

#endif /* __UK_PLAT_PAGING_H__ */
