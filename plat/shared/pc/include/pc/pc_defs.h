/* SPDX-License-Identifier: BSD-3-Clause */
/* Constants shared by the assembly and C parts of plat/shared/pc. */
#ifndef __X86_PC_DEFS_H__
#define __X86_PC_DEFS_H__

/* Which protocol started us (x86_boot_proto). */
#define X86_BOOT_MULTIBOOT 1
#define X86_BOOT_PVH 2

#define MULTIBOOT_HEADER_MAGIC 0x1BADB002
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
/* Page-align modules, give a memory map. No a.out kludge: loaders use the
 * ELF headers (of the ELF32 copy, <image>.multiboot). */
#define MULTIBOOT_HEADER_FLAGS 0x00000003
#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define HVM_START_MAGIC 0x336ec578

/* GDT selectors (entry32.S). */
#define X86_GDT_CODE64 0x08
#define X86_GDT_DATA 0x10
#define X86_GDT_TSS 0x18

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

/* Boot stack (in .bss). */
#define X86_BOOT_STACK_SIZE (64 * 1024)

/* Interrupt vectors: exceptions 0-31, the 8259 PICs at 32-47, then ours. */
#define X86_VEC_PIC_BASE 32
#define X86_VEC_TIMER 48
#define X86_VEC_SPURIOUS 255

#define X86_COM1 0x3f8

#endif /* __X86_PC_DEFS_H__ */
