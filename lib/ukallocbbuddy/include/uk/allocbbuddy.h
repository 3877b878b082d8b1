/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ALLOCBBUDDY_H__
#define __UK_ALLOCBBUDDY_H__

#include <stddef.h>
#include <uk/alloc.h>

/*
 * Creates a binary buddy allocator on the memory [base, base + len); its
 * own bookkeeping lives at the start of that memory. More memory can be
 * added with uk_alloc_addmem(). The allocator is registered (so the first
 * one created becomes the default; registering it again is harmless).
 * Returns it, or NULL if the region is too small (less than about two
 * pages) to hold the bookkeeping and a page to allocate from.
 */
struct uk_alloc *uk_allocbbuddy_init(void *base, size_t len);

#endif /* __UK_ALLOCBBUDDY_H__ */
