/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception vectors. EBase points at malta_vectors (4 KiB aligned, inside
 * the image), so nothing is copied to low memory: offset 0x000 is the TLB
 * refill, 0x100 cache error, 0x180 every other exception and, with
 * Cause.IV clear, interrupts. Each jumps to one handler that saves every
 * register into a struct malta_frame on its own stack (a bad sp, e.g. a
 * stack overflow, still gets its register dump) and calls malta_trap().
 * Handlers run with Status.EXL set: there is no nesting.
 */
#include <uk/asm/cp0.h>
#include <malta/malta.h>

	.set noreorder
	.set noat

	.section .text.vectors, "ax"
	.balign 4096
	.globl malta_vectors
malta_vectors:
	/* 0x000: TLB refill (no TLB is set up: any mapped access lands here) */
	la $26, malta_exc_common
	jr $26
	nop
	.org 0x100
	/* Cache error: entered through kseg1, so j cannot reach kseg0. */
	la $26, malta_exc_common
	jr $26
	nop
	.org 0x180
	la $26, malta_exc_common
	jr $26
	nop
	.org 0x200
	/* Interrupt vector, used only if Cause.IV were set. */
	la $26, malta_exc_common
	jr $26
	nop

	.text
	.type malta_exc_common, @function
	.ent malta_exc_common
malta_exc_common:
	move $26, $29
	la $29, malta_exc_stack_top - FRAME_SIZE
	addiu $27, $29, FRAME_ARGS
	sw $26, FRAME_GPR(29)($27)
	sw $0, FRAME_GPR(0)($27)
	sw $1, FRAME_GPR(1)($27)
	sw $2, FRAME_GPR(2)($27)
	sw $3, FRAME_GPR(3)($27)
	sw $4, FRAME_GPR(4)($27)
	sw $5, FRAME_GPR(5)($27)
	sw $6, FRAME_GPR(6)($27)
	sw $7, FRAME_GPR(7)($27)
	sw $8, FRAME_GPR(8)($27)
	sw $9, FRAME_GPR(9)($27)
	sw $10, FRAME_GPR(10)($27)
	sw $11, FRAME_GPR(11)($27)
	sw $12, FRAME_GPR(12)($27)
	sw $13, FRAME_GPR(13)($27)
	sw $14, FRAME_GPR(14)($27)
	sw $15, FRAME_GPR(15)($27)
	sw $16, FRAME_GPR(16)($27)
	sw $17, FRAME_GPR(17)($27)
	sw $18, FRAME_GPR(18)($27)
	sw $19, FRAME_GPR(19)($27)
	sw $20, FRAME_GPR(20)($27)
	sw $21, FRAME_GPR(21)($27)
	sw $22, FRAME_GPR(22)($27)
	sw $23, FRAME_GPR(23)($27)
	sw $24, FRAME_GPR(24)($27)
	sw $25, FRAME_GPR(25)($27)
	/* k0/k1 are the handler's own: their values are lost. */
	sw $0, FRAME_GPR(26)($27)
	sw $0, FRAME_GPR(27)($27)
	sw $28, FRAME_GPR(28)($27)
	sw $30, FRAME_GPR(30)($27)
	sw $31, FRAME_GPR(31)($27)
	mflo $8
	sw $8, FRAME_LO($27)
	mfhi $8
	sw $8, FRAME_HI($27)
	mfc0 $8, $14
	sw $8, FRAME_EPC($27)
	mfc0 $8, $12
	sw $8, FRAME_STATUS($27)
	mfc0 $8, $13
	sw $8, FRAME_CAUSE($27)
	mfc0 $8, $8
	sw $8, FRAME_BADVADDR($27)

	move $4, $27
	jal malta_trap
	move $30, $0

	/* Back from an interrupt: malta_trap() may have moved the EPC. */
	addiu $27, $29, FRAME_ARGS
	lw $8, FRAME_LO($27)
	mtlo $8
	lw $8, FRAME_HI($27)
	mthi $8
	lw $8, FRAME_EPC($27)
	mtc0 $8, $14
	lw $1, FRAME_GPR(1)($27)
	lw $2, FRAME_GPR(2)($27)
	lw $3, FRAME_GPR(3)($27)
	lw $4, FRAME_GPR(4)($27)
	lw $5, FRAME_GPR(5)($27)
	lw $6, FRAME_GPR(6)($27)
	lw $7, FRAME_GPR(7)($27)
	lw $8, FRAME_GPR(8)($27)
	lw $9, FRAME_GPR(9)($27)
	lw $10, FRAME_GPR(10)($27)
	lw $11, FRAME_GPR(11)($27)
	lw $12, FRAME_GPR(12)($27)
	lw $13, FRAME_GPR(13)($27)
	lw $14, FRAME_GPR(14)($27)
	lw $15, FRAME_GPR(15)($27)
	lw $16, FRAME_GPR(16)($27)
	lw $17, FRAME_GPR(17)($27)
	lw $18, FRAME_GPR(18)($27)
	lw $19, FRAME_GPR(19)($27)
	lw $20, FRAME_GPR(20)($27)
	lw $21, FRAME_GPR(21)($27)
	lw $22, FRAME_GPR(22)($27)
	lw $23, FRAME_GPR(23)($27)
	lw $24, FRAME_GPR(24)($27)
	lw $25, FRAME_GPR(25)($27)
	lw $28, FRAME_GPR(28)($27)
	lw $30, FRAME_GPR(30)($27)
	lw $31, FRAME_GPR(31)($27)
	lw $29, FRAME_GPR(29)($27)
	ehb
	eret
	.end malta_exc_common
	.size malta_exc_common, . - malta_exc_common

/*
 * void malta_wait_irq(void): the idle step. An interrupt taken anywhere
 * between malta_wait_begin and malta_wait_end (after ei, before wait
 * sleeps) makes malta_trap() resume at malta_wait_end, so the wake-up is
 * never lost to a wait that would then sleep on.
 */
	.globl malta_wait_irq
	.type malta_wait_irq, @function
	.ent malta_wait_irq
malta_wait_irq:
	.globl malta_wait_begin
malta_wait_begin:
	ei
	ehb
	wait
	.globl malta_wait_end
malta_wait_end:
	di
	ehb
	jr $31
	nop
	.end malta_wait_irq
	.size malta_wait_irq, . - malta_wait_irq

	.section .bss.stack, "aw", @nobits
	.balign 16
malta_exc_stack:
	.space 8192
	.globl malta_exc_stack_top
malta_exc_stack_top:
