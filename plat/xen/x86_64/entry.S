/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen PV entry on x86_64: the ELF notes Xen's loaders (xl/libxenguest and
 * Xen's own dom0 builder) look for, the hypercall page Xen fills in, the
 * entry point, and the exception stubs of the trap table (traps.c).
 *
 * Xen enters _xen_start in 64-bit mode (ring 3, paging on, the image
 * mapped at its link address by Xen's initial page tables) with
 * %rsi = the virtual address of start_info.
 *
 * The same image is also a PVH guest: Xen enters _xen_pvh_start in flat
 * 32-bit protected mode, paging off, %ebx = the physical address of
 * hvm_start_info. It maps the low 4 GiB 1:1 (page 0 left out, so NULL
 * faults), enters long mode and calls xen_pvh_start_c (pvh.c).
 */
#include <xen-abi.h>
#include <x86/trap.h>

#define XEN_VIRT_BASE 0x400000 /* = the link address, xen.lds.S */
#define XEN_HC_IRET_SLOT (23 * 32) /* HYPERVISOR_iret */

.macro xen_note_str type, str
	.balign 4
	.long 4
	.long .Lend\@ - .Lbegin\@
	.long \type
	.asciz "Xen"
.Lbegin\@:
	.asciz "\str"
.Lend\@:
.endm

.macro xen_note_quad type, value
	.balign 4
	.long 4
	.long 8
	.long \type
	.asciz "Xen"
	.quad \value
.endm

.section .note.xen, "a"
	xen_note_str XEN_NOTE_GUEST_OS, "Unicore"
	xen_note_str XEN_NOTE_XEN_VERSION, "xen-3.0"
	xen_note_str XEN_NOTE_LOADER, "generic"
	xen_note_quad XEN_NOTE_VIRT_BASE, XEN_VIRT_BASE
	xen_note_quad XEN_NOTE_PADDR_OFFSET, XEN_VIRT_BASE
	xen_note_quad XEN_NOTE_ENTRY, _xen_start
	xen_note_quad XEN_NOTE_HYPERCALL_PAGE, xen_hypercall_page
	/* PVH (xl type = "pvh"): a 32-bit physical entry point. */
	.balign 4
	.long 4
	.long 4
	.long XEN_NOTE_PHYS32_ENTRY
	.asciz "Xen"
	.long _xen_pvh_start
	.balign 4

.section .text.xen_boot, "ax"
.code64
.globl _xen_start
_xen_start:
	cld
	leaq xen_boot_stack_top(%rip), %rsp
	movq %rsi, %rdi
	call xen_start_c
1:	jmp 1b

.code32
.globl _xen_pvh_start
_xen_pvh_start:
	cli
	cld
	movl %ebx, pvh_start_info
	/* PML4[0] -> PDPT; PDPT[0..3] -> 4 PDs of 2 MiB pages (4 GiB): the
	 * layout of the PC platforms, whose guard-page code (x86_pd,
	 * plat/shared/x86/paging.c) serves PVH too. */
	movl $pvh_pdpt + 3, pvh_pml4
	xorl %ecx, %ecx
1:	movl %ecx, %eax
	shll $12, %eax
	addl $x86_pd + 3, %eax
	movl %eax, pvh_pdpt(, %ecx, 8)
	incl %ecx
	cmpl $4, %ecx
	jb 1b
	xorl %ecx, %ecx
2:	movl %ecx, %eax
	shll $21, %eax
	orl $0x83, %eax		/* present, writable, 2 MiB */
	movl %eax, x86_pd(, %ecx, 8)
	incl %ecx
	cmpl $2048, %ecx
	jb 2b
	/* The first 2 MiB in 4 KiB pages, without page 0. */
	movl $pvh_pt0 + 3, x86_pd
	movl $1, %ecx
3:	movl %ecx, %eax
	shll $12, %eax
	orl $3, %eax
	movl %eax, pvh_pt0(, %ecx, 8)
	incl %ecx
	cmpl $512, %ecx
	jb 3b

	movl $pvh_pml4, %eax
	movl %eax, %cr3
	movl %cr4, %eax
	orl $0x620, %eax	/* PAE, OSFXSR, OSXMMEXCPT */
	movl %eax, %cr4
	movl $0xc0000080, %ecx	/* EFER.LME */
	rdmsr
	orl $0x100, %eax
	wrmsr
	movl %cr0, %eax
	andl $~0x4, %eax	/* no EM: SSE usable */
	orl $0x80000003, %eax	/* PG, MP, PE */
	movl %eax, %cr0
	lgdt pvh_gdt_desc
	ljmp $0x08, $pvh_long

.code64
pvh_long:
	movl $0x10, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %eax, %fs
	movl %eax, %gs
	leaq xen_boot_stack_top(%rip), %rsp
	movl pvh_start_info(%rip), %edi
	call xen_pvh_start_c
4:	jmp 4b

/* Writable: ltr marks the TSS descriptor busy. */
.section .data.pvh_gdt, "aw"
.balign 16
pvh_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
.globl xen_pvh_gdt_tss
xen_pvh_gdt_tss:
	.quad 0, 0			/* 0x18: the TSS, set by traps.c */
pvh_gdt_desc:
	.word pvh_gdt_desc - pvh_gdt - 1
	.quad pvh_gdt

/* Xen writes one 32-byte stub per hypercall here at domain build. */
.section .text.xen_hypercall_page, "ax"
.balign 4096
.globl xen_hypercall_page
xen_hypercall_page:
	.fill 4096, 1, 0xcc

/*
 * Exception entry through the trap table. Xen builds the CPU's frame
 * (ss, rsp, rflags, cs, rip, error code where the CPU has one) on the
 * kernel stack and then pushes %r11 and %rcx, which its own entry used.
 * Each 16-byte stub restores them, pushes 0 where there is no error code,
 * then the vector, and joins the common path, which saves the general
 * registers as a struct x86_trap_frame (pc/trap.h) and
 * reports (traps.c): it never returns.
 */
.section .text.xen_traps, "ax"
/*
 * PVH: the CPU's own frame on the stack (ring 0, IDT): the same stubs
 * without the %rcx/%r11 pops.
 */
.balign 16
.globl xen_pvh_trap_stubs
xen_pvh_trap_stubs:
.set vec, 0
.rept 32
	.balign 16
	X86_TRAP_ERRCODE vec
	pushq $vec
	jmp xen_trap_common
	.set vec, vec + 1
.endr
	/* Vector 32: event channel upcall (HVM_PARAM_CALLBACK_IRQ). */
	.balign 16
	jmp xen_pvh_event_entry

.balign 16
.globl xen_trap_stubs
xen_trap_stubs:
.set vec, 0
.rept 32
	.balign 16
	popq %rcx
	popq %r11
	X86_TRAP_ERRCODE vec
	pushq $vec
	jmp xen_trap_common
	.set vec, vec + 1
.endr

xen_trap_common:
	X86_PUSH_GPRS
	cld
	movq %rsp, %rdi
	andq $-16, %rsp
	call xen_trap_handle
1:	jmp 1b

/*
 * Save what a C call may clobber, the FPU/SSE state included (handlers are
 * ordinary C), run xen_evtchn_upcall on a 16-byte aligned stack, restore.
 */
.macro upcall_call
	pushq %rax
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %rbp
	movq %rsp, %rbp
	andq $-16, %rsp
	subq $512, %rsp
	fxsave (%rsp)
	cld
	call xen_evtchn_upcall
	fxrstor (%rsp)
	movq %rbp, %rsp
	popq %rbp
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rax
.endm

/* PVH: an interrupt through the IDT (IF cleared by the gate). */
xen_pvh_event_entry:
	upcall_call
	iretq

/*
 * PV: Xen's bounce frame (rip, cs, rflags, rsp, ss) with %rcx and %r11 on
 * top, events masked (evtchn_upcall_mask = 1, the old mask inverted in
 * the frame's IF). HYPERVISOR_iret returns and restores the mask from IF
 * in one step: its stub in the hypercall page pushes %rcx, %r11 and %rax
 * itself and wants the flags word (0: not from a syscall) below the frame.
 */
.globl xen_pv_event_entry
xen_pv_event_entry:
	popq %rcx
	popq %r11
	upcall_call
	pushq $0
	jmp xen_hypercall_page + XEN_HC_IRET_SLOT

.globl xen_pv_failsafe_entry
xen_pv_failsafe_entry:
	andq $-16, %rsp
	call xen_failsafe
1:	jmp 1b

.section .bss.xen_pvh, "aw", @nobits
.balign 4096
pvh_pml4:
	.skip 4096
pvh_pdpt:
	.skip 4096
.globl x86_pd
x86_pd:
	.skip 4 * 4096
pvh_pt0:
	.skip 4096
pvh_start_info:
	.skip 8

.section .bss.xen_boot_stack, "aw", @nobits
.balign 16
	.skip 65536
xen_boot_stack_top:

.section .note.GNU-stack, "", @progbits
