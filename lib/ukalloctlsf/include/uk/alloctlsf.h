/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukalloctlsf: a two-level segregated fit allocator. malloc and free take
 * constant time: a free block is found through a first-level bitmap (one
 * bit per power-of-two class) and a second-level one (16 linear steps per
 * class); a request is rounded up to the next step so any block of the
 * class found fits. Each block has a two-word header (previous physical
 * block, size and flags); released blocks merge with free neighbours.
 * The control structure sits at the start of the first region; addmem
 * adds regions. maxalloc is not reported (it would need a scan).
 */
#ifndef __UK_ALLOCTLSF_H__
#define __UK_ALLOCTLSF_H__

#include <stddef.h>
#include <uk/alloc.h>

/* An allocator on [base, base + len), registered; NULL if too small. */
struct uk_alloc *uk_alloctlsf_init(void *base, size_t len);

#endif /* __UK_ALLOCTLSF_H__ */
