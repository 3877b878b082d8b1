/* SPDX-License-Identifier: BSD-3-Clause */
/* Fixed-width types shared by all architectures. */
#ifndef __UK_ARCH_TYPES_H__
#define __UK_ARCH_TYPES_H__

#include <stdint.h>
#include <stddef.h>

typedef uint8_t __u8;
typedef int8_t __s8;
typedef uint16_t __u16;
typedef int16_t __s16;
typedef uint32_t __u32;
typedef int32_t __s32;
typedef uint64_t __u64;
typedef int64_t __s64;
typedef uintptr_t __uptr;
typedef intptr_t __sptr;
typedef uintptr_t __paddr;
typedef uintptr_t __vaddr;
typedef size_t __sz;
typedef long __ssz;
typedef int64_t __nsec;
typedef int64_t __snsec;

/* Per-arch constants (page size, word size) come from here. */
#include <uk/asm/arch.h>

#endif /* __UK_ARCH_TYPES_H__ */
