/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry of the x86_64 PC-like platforms, for two boot protocols:
 *
 *  - multiboot1 (QEMU's -kernel with the ELF32 copy, GRUB): 32-bit
 *    protected mode, paging off, %eax = 0x2BADB002, %ebx = multiboot info;
 *  - PVH (QEMU's -kernel with the ELF64 image, Xen): the same machine
 *    state, %ebx = hvm_start_info (magic 0x336ec578); the entry is given
 *    by the XEN_ELFNOTE_PHYS32_ENTRY note.
 *
 * Both go the same way: note the protocol and the TSC, enable PAE, long
 * mode, paging and SSE with the page tables below, jump to 64-bit code,
 * zero .bss and call x86_pc_start() on the boot stack.
 *
 * The page tables are data, built by the assembler: they identity-map the
 * first 4 GiB with 2-MiB pages, the first 2 MiB with 4-KiB pages (setup.c
 * unmaps page 0 once it has read the BIOS data area there). Building them
 * at run time meant thousands of stores, and under a software KVM that
 * emulates the guest each costs about a microsecond: 6-9 ms here. For the
 * same reason .bss is zeroed with one rep stosq, and not the boot stack
 * (64 KiB, 6 ms), which needs no zeroing.
 *
 * Only plain instructions are used: a software KVM emulates some
 * instructions of boot code and fails on unusual forms.
 */
#include <pc/pc_defs.h>

/* Loaders search the first 8 KiB of the file for this (see pc.lds.S). */
.section .multiboot_header, "a"
.align 4
	.long MULTIBOOT_HEADER_MAGIC
	.long MULTIBOOT_HEADER_FLAGS
	.long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

/* PVH entry note: name "Xen", type 18, a 32-bit physical entry address. */
.section .note.pvh, "a", @note
.align 4
	.long 4
	.long 4
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.long _pvh_entry

.section .data.boot, "aw"
.align 8
.globl x86_boot_tsc, x86_boot_proto, x86_boot_info
x86_boot_tsc:
	.quad 0
x86_boot_proto:
	.long 0
x86_boot_info:
	.long 0

.align 16
x86_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* X86_GDT_CODE64: 64-bit code */
	.quad 0x00cf92000000ffff	/* X86_GDT_DATA: flat data */
.globl x86_gdt_tss
x86_gdt_tss:
	.quad 0, 0			/* X86_GDT_TSS: set by traps.c */
x86_gdt_end:
.align 4
	.word 0
x86_gdt_ptr:
	.word x86_gdt_end - x86_gdt - 1
	.long x86_gdt

/* Entries carry Accessed and Dirty: the CPU has no need to set them. */
#define PTE_A 0x020
#define PTE_D 0x040
#define PTE_TABLE (X86_PTE_P + X86_PTE_RW + PTE_A)
#define PTE_PAGE (X86_PTE_P + X86_PTE_RW + PTE_A + PTE_D)

.section .data.boot.pt, "aw"
.align 4096
.globl x86_pml4, x86_pdpt, x86_pd, x86_pt0
x86_pml4:
	.quad x86_pdpt + PTE_TABLE
	.fill 511, 8, 0
x86_pdpt:
	.quad x86_pd + PTE_TABLE
	.quad x86_pd + 4096 + PTE_TABLE
	.quad x86_pd + 2 * 4096 + PTE_TABLE
	.quad x86_pd + 3 * 4096 + PTE_TABLE
	.fill 508, 8, 0
/* 2048 entries: 0-4 GiB; the first 2 MiB through x86_pt0. */
x86_pd:
	.quad x86_pt0 + PTE_TABLE
	.set pde, 1
	.rept 2047
	.quad (pde << 21) + PTE_PAGE + X86_PTE_PS
	.set pde, pde + 1
	.endr
x86_pt0:
	.set pte, 0
	.rept 512
	.quad (pte << 12) + PTE_PAGE
	.set pte, pte + 1
	.endr

.section .bss.boot, "aw", @nobits
.align 16
x86_boot_stack:
	.space X86_BOOT_STACK_SIZE
x86_boot_stack_top:

.section .text.boot, "ax"
.code32
.globl _multiboot_entry
.type _multiboot_entry, @function
_multiboot_entry:
	movl %eax, %esi
	rdtsc
	cmpl $MULTIBOOT_BOOTLOADER_MAGIC, %esi
	jne x86_bad_loader
	movl $X86_BOOT_MULTIBOOT, %esi
	jmp x86_entry32
.size _multiboot_entry, . - _multiboot_entry

.globl _pvh_entry
.type _pvh_entry, @function
_pvh_entry:
	rdtsc
	cmpl $HVM_START_MAGIC, (%ebx)
	jne x86_bad_loader
	movl $X86_BOOT_PVH, %esi
	/* fall through */

/* %edx:%eax = TSC, %esi = protocol, %ebx = boot information. */
x86_entry32:
	cli
	cld
	movl %eax, x86_boot_tsc
	movl %edx, x86_boot_tsc + 4
	movl %esi, x86_boot_proto
	movl %ebx, x86_boot_info

	/* Long mode? (CPUID 0x80000001, EDX bit 29) */
	movl $0x80000000, %eax
	cpuid
	cmpl $0x80000001, %eax
	jb x86_no_long_mode
	movl $0x80000001, %eax
	cpuid
	testl $(1 << 29), %edx
	jz x86_no_long_mode

	lgdt x86_gdt_ptr

	movl %cr4, %eax
	orl $(X86_CR4_PAE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT), %eax
	movl %eax, %cr4

	movl $x86_pml4, %eax
	movl %eax, %cr3

	movl $X86_MSR_EFER, %ecx
	rdmsr
	orl $X86_EFER_LME, %eax
	wrmsr

	/* Paging on (long mode active), FPU native, caches on. */
	movl %cr0, %eax
	andl $~(X86_CR0_EM | X86_CR0_CD | X86_CR0_NW), %eax
	orl $(X86_CR0_PE | X86_CR0_MP | X86_CR0_NE | X86_CR0_PG), %eax
	movl %eax, %cr0

	ljmp $X86_GDT_CODE64, $x86_entry64

x86_no_long_mode:
	movl $x86_msg_no_lm, %esi
	jmp x86_die32
x86_bad_loader:
	movl $x86_msg_bad_loader, %esi
	/* fall through */

/* Print the string at %esi on COM1 (no set-up needed under QEMU), stop. */
x86_die32:
	movw $X86_COM1, %dx
3:	movb (%esi), %al
	testb %al, %al
	jz 4f
	outb %al, %dx
	incl %esi
	jmp 3b
4:	cli
	hlt
	jmp 4b

.code64
x86_entry64:
	movl $X86_GDT_DATA, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	xorl %eax, %eax
	mov %eax, %fs
	mov %eax, %gs
	/* Zero .bss (loaders need not), around the boot stack. */
	xorl %eax, %eax
	movq $__bss_start, %rdi
	movq $x86_boot_stack, %rcx
	subq %rdi, %rcx
	shrq $3, %rcx
	rep stosq
	movq $x86_boot_stack_top, %rdi
	movq $_end, %rcx
	subq %rdi, %rcx
	shrq $3, %rcx
	rep stosq

	movq $x86_boot_stack_top, %rsp
	xorl %ebp, %ebp
	fninit
	call x86_pc_start
5:	cli
	hlt
	jmp 5b

.section .rodata.boot, "a"
x86_msg_no_lm:
	.asciz "x86: this CPU has no long mode (x86_64): cannot boot\r\n"
x86_msg_bad_loader:
	.asciz "x86: not started by a multiboot or PVH loader\r\n"

.section .note.GNU-stack, "", @progbits
