/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_ARCH_H__
#define __UK_ASM_ARCH_H__

#define __PAGE_SHIFT 12
#define __PAGE_SIZE (1UL << __PAGE_SHIFT)
#define __WORDSIZE 32
/* o32: the stack pointer is 8-byte aligned at every call. */
#define __STACK_ALIGN 8
#if defined(__MIPSEL__)
#define UKARCH_NAME "mips32el"
#else
#define UKARCH_NAME "mips32"
#endif

#endif /* __UK_ASM_ARCH_H__ */
