/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception vectors (installed in VBAR by start.S). IRQs are handled in
 * IRQ mode on its own stack and return; undefined instructions, aborts
 * and FIQs are fatal: they save the interrupted context in a
 * struct arm_trap_frame and call arm_trap_handle(). An SVC returns at
 * once: the only SVC we issue is a semihosting call, and reaching the
 * vector means no debugger handles semihosting (see semihost.S).
 */
#include <uk/asm/arch.h>
#include <arm/traps.h>

	.syntax unified
	.arm
	.text

	.align 5
	.globl arm_vectors
arm_vectors:
	b arm_vec_reset
	b arm_vec_undef
	b arm_vec_svc
	b arm_vec_pabt
	b arm_vec_dabt
	b arm_vec_reset		/* not used below PL2 */
	b arm_vec_irq
	b arm_vec_fiq

/*
 * trap TYPE, OFF: build a frame on this mode's stack, with pc = lr - OFF
 * (the faulting instruction) and the banked sp/lr of the interrupted mode,
 * read by visiting that mode with interrupts masked.
 */
.macro trap type, off
	sub sp, sp, #(ARM_FRAME_SIZE - ARM_FRAME_SP)
	stmfd sp!, {r0-r12}
	mov r4, sp
	sub r0, lr, #\off
	str r0, [r4, #ARM_FRAME_PC]
	mrs r5, spsr
	str r5, [r4, #ARM_FRAME_CPSR]
	mov r0, #\type
	str r0, [r4, #ARM_FRAME_TYPE]
	mrs r6, cpsr
	and r0, r5, #ARM_PSR_MODE_MASK
	cmp r0, #ARM_PSR_MODE_USR
	moveq r0, #ARM_PSR_MODE_SYS	/* same registers, but privileged */
	orr r0, r0, #(ARM_PSR_I | ARM_PSR_F)
	msr cpsr_c, r0
	mov r1, sp
	mov r2, lr
	msr cpsr_c, r6
	str r1, [r4, #ARM_FRAME_SP]
	str r2, [r4, #ARM_FRAME_LR]
	mov r0, r4
	bl arm_trap_handle
	udf #0
.endm

	.type arm_vec_reset, %function
arm_vec_reset:
	trap ARM_TRAP_RESET, 0
	.size arm_vec_reset, . - arm_vec_reset

	.type arm_vec_undef, %function
arm_vec_undef:
	/* lr is the next instruction; Thumb ones are fixed up in C. */
	trap ARM_TRAP_UNDEF, 4
	.size arm_vec_undef, . - arm_vec_undef

	.type arm_vec_pabt, %function
arm_vec_pabt:
	trap ARM_TRAP_PABT, 4
	.size arm_vec_pabt, . - arm_vec_pabt

	.type arm_vec_dabt, %function
arm_vec_dabt:
	trap ARM_TRAP_DABT, 8
	.size arm_vec_dabt, . - arm_vec_dabt

	.type arm_vec_fiq, %function
arm_vec_fiq:
	trap ARM_TRAP_FIQ, 4
	.size arm_vec_fiq, . - arm_vec_fiq

	.type arm_vec_svc, %function
arm_vec_svc:
	movs pc, lr
	.size arm_vec_svc, . - arm_vec_svc

/*
 * IRQ: save what the AAPCS lets C clobber, including VFP d0-d7 and FPSCR
 * (hard-float C may use them), call arm_irq_handle(), return with the
 * interrupted CPSR. 8-byte stack alignment holds at the call.
 */
	.type arm_vec_irq, %function
arm_vec_irq:
	sub lr, lr, #4
	stmfd sp!, {r0-r3, r12, lr}
	vmrs r0, fpscr
	stmfd sp!, {r0, r1}
	vpush {d0-d7}
	bl arm_irq_handle
	vpop {d0-d7}
	ldmfd sp!, {r0, r1}
	vmsr fpscr, r0
	ldmfd sp!, {r0-r3, r12, pc}^
	.size arm_vec_irq, . - arm_vec_irq

	.section .note.GNU-stack, "", %progbits
