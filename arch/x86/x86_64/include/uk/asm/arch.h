/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_ARCH_H__
#define __UK_ASM_ARCH_H__

#define __PAGE_SHIFT 12
#define __PAGE_SIZE (1UL << __PAGE_SHIFT)
#define __WORDSIZE 64
#define __STACK_ALIGN 16
#define UKARCH_NAME "x86_64"

#endif /* __UK_ASM_ARCH_H__ */
