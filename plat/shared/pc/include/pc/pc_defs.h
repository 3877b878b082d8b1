/* SPDX-License-Identifier: BSD-3-Clause */
/* Constants shared by the assembly and C parts of plat/shared/pc. */
#ifndef __X86_PC_DEFS_H__
#define __X86_PC_DEFS_H__

#include <x86/cpu_defs.h>

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

/* Boot stack (in .bss). */
#define X86_BOOT_STACK_SIZE (64 * 1024)

/* Interrupt vectors: exceptions 0-31, the 8259 PICs at 32-47, then ours. */
#define X86_VEC_PIC_BASE 32
#define X86_VEC_TIMER 48
#define X86_VEC_SPURIOUS 255

#define X86_COM1 0x3f8

#endif /* __X86_PC_DEFS_H__ */
