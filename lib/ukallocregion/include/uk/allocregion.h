/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukallocregion: a bump allocator over one memory region.
 *
 * Each block has a small header just below it (the previous top of the
 * region and the block's size). free() moves the top back only when the
 * block is the most recent one; other frees just count down the live
 * blocks, and when none is left the whole region is free again. addmem
 * is not supported (one region only). O(1) everything, no fragmentation
 * handling: meant for the smallest images.
 */
#ifndef __UK_ALLOCREGION_H__
#define __UK_ALLOCREGION_H__

#include <stddef.h>
#include <uk/alloc.h>

/* An allocator on [base, base + len), registered; NULL if len is too small. */
struct uk_alloc *uk_allocregion_init(void *base, size_t len);

#endif /* __UK_ALLOCREGION_H__ */
