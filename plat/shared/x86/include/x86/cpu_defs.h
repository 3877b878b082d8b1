/* SPDX-License-Identifier: BSD-3-Clause */
/* x86_64 CPU constants for the assembly and C parts of the platforms. */
#ifndef __X86_CPU_DEFS_H__
#define __X86_CPU_DEFS_H__

/* Control registers and MSRs. */
#define X86_CR0_PE (1 << 0)
#define X86_CR0_MP (1 << 1)
#define X86_CR0_EM (1 << 2)
#define X86_CR0_NE (1 << 5)
#define X86_CR0_NW (1 << 29)
#define X86_CR0_CD (1 << 30)
#define X86_CR0_PG (1 << 31)
#define X86_CR4_PAE (1 << 5)
#define X86_CR4_OSFXSR (1 << 9)
#define X86_CR4_OSXMMEXCPT (1 << 10)
#define X86_MSR_EFER 0xC0000080
#define X86_EFER_LME (1 << 8)

/* Page table entry bits. */
#define X86_PTE_P 0x001
#define X86_PTE_RW 0x002
#define X86_PTE_PS 0x080

#endif /* __X86_CPU_DEFS_H__ */
