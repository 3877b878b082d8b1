/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ASM_ARCH_H__
#define __UK_ASM_ARCH_H__

#define __PAGE_SHIFT 12
#define __PAGE_SIZE (1UL << __PAGE_SHIFT)
#define __WORDSIZE 32
/* AAPCS: 8-byte aligned stack at public interfaces. */
#define __STACK_ALIGN 8
#define UKARCH_NAME "arm32"

/* CPSR/SPSR fields (ARMv7-A ARM, B1.3.3). */
#define ARM_PSR_MODE_MASK 0x1f
#define ARM_PSR_MODE_USR 0x10
#define ARM_PSR_MODE_FIQ 0x11
#define ARM_PSR_MODE_IRQ 0x12
#define ARM_PSR_MODE_SVC 0x13
#define ARM_PSR_MODE_ABT 0x17
#define ARM_PSR_MODE_HYP 0x1a
#define ARM_PSR_MODE_UND 0x1b
#define ARM_PSR_MODE_SYS 0x1f
#define ARM_PSR_T (1 << 5)
#define ARM_PSR_F (1 << 6)
#define ARM_PSR_I (1 << 7)
#define ARM_PSR_A (1 << 8)

#endif /* __UK_ASM_ARCH_H__ */
