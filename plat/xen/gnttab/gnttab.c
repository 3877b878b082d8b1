/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Grant table v1 (Xen's public grant_table.h): an array of 8-byte entries
 * (flags, grantee domid, frame) in frames Xen shares with us, mapped by
 * frames-<arch>.c (xen_gnttab_map) over page-aligned bss of this library.
 * A grant is written frame and domid first, then the flags that make it
 * valid; it is withdrawn by clearing the flags with compare-and-swap, so
 * that Xen's GTF_reading/GTF_writing (set while the grantee maps the
 * page) are never overwritten. Free references form a stack.
 */
#include <uk/essentials.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/xen.h>
#include <uk/gnttab.h>
#include "frames.h"

#define EBUSY 16
#define EINVAL 22
#define ENOSPC 28

#define GNTTABOP_copy 5
#define GNTTABOP_query_size 6
#define GNTCOPY_source_gref 0x1

#define PAGE_SIZE 4096
#define FRAMES CONFIG_LIBGNTTAB_FRAMES
#define NR_REFS (FRAMES * PAGE_SIZE / sizeof(struct grant_entry))
/* Refs 0-7 are the toolstack's (console, xenstore). */
#define NR_RESERVED 8

struct grant_entry {
	uint16_t flags;
	uint16_t domid;
	uint32_t frame;
};

struct query_size {
	uint16_t dom;
	uint32_t nr_frames;
	uint32_t max_nr_frames;
	int16_t status;
};

struct copy_ptr {
	union {
		uint32_t ref;
		uint64_t gmfn;
	} u;
	uint16_t domid;
	uint16_t offset;
};

struct copy {
	struct copy_ptr source, dest;
	uint16_t len;
	uint16_t flags;
	int16_t status;
};

_Static_assert(sizeof(struct copy) == 40, "gnttab_copy layout");

static char table_pages[FRAMES * PAGE_SIZE] __align(PAGE_SIZE);
static volatile struct grant_entry *const table =
	(volatile struct grant_entry *)table_pages;
static uk_grant_ref_t free_refs[NR_REFS];
static unsigned int nr_free;
static int ready;

int uk_gnttab_init(void)
{
	unsigned long flags;
	unsigned int r;
	int rc = 0;

	flags = ukplat_lcpu_save_irqf();
	if (!ready) {
		rc = xen_gnttab_map(table_pages, FRAMES);
		if (!rc) {
			/* Lowest references handed out first. */
			for (r = NR_REFS; r-- > NR_RESERVED;)
				free_refs[nr_free++] = r;
			ready = 1;
		}
	}
	ukplat_lcpu_restore_irqf(flags);
	return rc;
}

int uk_gnttab_grant_access(uint16_t domid, unsigned long frame, int readonly)
{
	unsigned long flags;
	uk_grant_ref_t ref;
	int rc = uk_gnttab_init();

	if (rc)
		return rc;
	if (frame > 0xffffffffUL)
		return -EINVAL; /* v1 entries hold 32-bit frames */
	flags = ukplat_lcpu_save_irqf();
	if (!nr_free) {
		ukplat_lcpu_restore_irqf(flags);
		return -ENOSPC;
	}
	ref = free_refs[--nr_free];
	ukplat_lcpu_restore_irqf(flags);
	table[ref].domid = domid;
	table[ref].frame = frame;
	/* Xen must see frame and domid before the entry is valid. */
	__atomic_thread_fence(__ATOMIC_RELEASE);
	table[ref].flags = UK_GTF_permit_access |
			   (readonly ? UK_GTF_readonly : 0);
	return ref;
}

int uk_gnttab_end_access(uk_grant_ref_t ref)
{
	unsigned long flags;
	uint16_t f;

	if (!ready || ref < NR_RESERVED || ref >= NR_REFS)
		return -EINVAL;
	f = table[ref].flags;
	do {
		if (f & (UK_GTF_reading | UK_GTF_writing))
			return -EBUSY;
	} while (!__atomic_compare_exchange_n(&table[ref].flags, &f, 0, 0,
					      __ATOMIC_SEQ_CST,
					      __ATOMIC_SEQ_CST));
	flags = ukplat_lcpu_save_irqf();
	free_refs[nr_free++] = ref;
	ukplat_lcpu_restore_irqf(flags);
	return 0;
}

int uk_gnttab_entry_flags(uk_grant_ref_t ref)
{
	if (!ready || ref >= NR_REFS)
		return -EINVAL;
	return table[ref].flags;
}

int uk_gnttab_query_size(uint32_t *nr_frames, uint32_t *max_frames)
{
	struct query_size q = { .dom = UKPLAT_XEN_DOMID_SELF };
	long rc = xen_gnttab_op(GNTTABOP_query_size, &q, 1);

	if (rc)
		return rc;
	if (q.status)
		return -EINVAL;
	*nr_frames = q.nr_frames;
	*max_frames = q.max_nr_frames;
	return 0;
}

int uk_gnttab_copy_from_grant(uint16_t domid, uk_grant_ref_t ref,
			      uint16_t src_off, unsigned long dst_frame,
			      uint16_t dst_off, uint16_t len)
{
	struct copy c = {
		.source = { .u.ref = ref, .domid = domid, .offset = src_off },
		.dest = { .u.gmfn = dst_frame,
			  .domid = UKPLAT_XEN_DOMID_SELF,
			  .offset = dst_off },
		.len = len,
		.flags = GNTCOPY_source_gref,
	};
	long rc = xen_gnttab_op(GNTTABOP_copy, &c, 1);

	return rc ? rc : c.status;
}
