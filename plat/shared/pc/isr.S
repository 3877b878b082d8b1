/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt and exception entry. One 16-byte stub per vector (the IDT
 * points vector v at x86_trap_stubs + 16 * v) pushes an error code where
 * the CPU does not, then the vector, and joins the common path, which
 * saves the general registers: a struct x86_trap_frame
 * (plat/shared/x86/include/x86/trap.h).
 *
 * Exceptions (vectors 0-31) go to x86_trap_handle(), which reports and
 * terminates. Interrupts save the FPU/SSE state (handlers are ordinary C)
 * and return through iretq.
 */
#include <pc/pc_defs.h>
#include <x86/trap.h>

.section .text.x86_traps, "ax"
.code64
.align 16
.globl x86_trap_stubs
x86_trap_stubs:
.set vec, 0
.rept 256
	.align 16
	X86_TRAP_ERRCODE vec
	pushq $vec
	jmp x86_trap_common
	.set vec, vec + 1
.endr

x86_trap_common:
	X86_PUSH_GPRS
	cld
	movq %rsp, %rdi
	/* The stack is 16-byte aligned here (5 + 2 + 15 quad words). */
	cmpq $32, 15 * 8(%rsp)
	jb 1f

	subq $512, %rsp
	fxsave (%rsp)
	call x86_irq_handle
	fxrstor (%rsp)
	addq $512, %rsp
	X86_POP_GPRS
	addq $16, %rsp
	iretq

1:	call x86_trap_handle
2:	cli
	hlt
	jmp 2b

.section .note.GNU-stack, "", @progbits
