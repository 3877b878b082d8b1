/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt and exception entry. One 16-byte stub per vector (the IDT
 * points vector v at x86_trap_stubs + 16 * v) pushes an error code where
 * the CPU does not, then the vector, and joins the common path, which
 * saves the general registers as a struct x86_regs (traps.c).
 *
 * Exceptions (vectors 0-31) go to x86_trap_handle(), which reports and
 * terminates. Interrupts save the FPU/SSE state (handlers are ordinary C)
 * and return through iretq.
 */
#include "pc_defs.h"

.section .text.x86_traps, "ax"
.code64
.align 16
.globl x86_trap_stubs
x86_trap_stubs:
.set vec, 0
.rept 256
	.align 16
	/* The CPU pushes an error code for 8, 10-14, 17, 21, 29 and 30. */
	.if (vec == 8) || ((vec >= 10) && (vec <= 14)) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
	.else
	pushq $0
	.endif
	pushq $vec
	jmp x86_trap_common
	.set vec, vec + 1
.endr

x86_trap_common:
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
	/* The stack is 16-byte aligned here (5 + 2 + 15 quad words). */
	cmpq $32, 15 * 8(%rsp)
	jb 1f

	subq $512, %rsp
	fxsave (%rsp)
	call x86_irq_handle
	fxrstor (%rsp)
	addq $512, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
	addq $16, %rsp
	iretq

1:	call x86_trap_handle
2:	cli
	hlt
	jmp 2b

.section .note.GNU-stack, "", @progbits
