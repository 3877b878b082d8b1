/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen PV entry on x86_64: the ELF notes Xen's loaders (xl/libxenguest and
 * Xen's own dom0 builder) look for, the hypercall page Xen fills in, the
 * entry point, and the exception stubs of the trap table (traps.c).
 *
 * Xen enters _xen_start in 64-bit mode (ring 3, paging on, the image
 * mapped at its link address by Xen's initial page tables) with
 * %rsi = the virtual address of start_info.
 */
#include <xen-abi.h>

#define XEN_VIRT_BASE 0x400000 /* = the link address, xen.lds.S */

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
 * registers as a struct xen_regs (traps.c) and reports: it never returns.
 */
.section .text.xen_traps, "ax"
.balign 16
.globl xen_trap_stubs
xen_trap_stubs:
.set vec, 0
.rept 32
	.balign 16
	popq %rcx
	popq %r11
	.if (vec == 8) || ((vec >= 10) && (vec <= 14)) || (vec == 17) || (vec == 21)
	.else
	pushq $0
	.endif
	pushq $vec
	jmp xen_trap_common
	.set vec, vec + 1
.endr

xen_trap_common:
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	cld
	movq %rsp, %rdi
	andq $-16, %rsp
	call xen_trap_handle
1:	jmp 1b

.section .bss.xen_boot_stack, "aw", @nobits
.balign 16
	.skip 65536
xen_boot_stack_top:

.section .note.GNU-stack, "", @progbits
