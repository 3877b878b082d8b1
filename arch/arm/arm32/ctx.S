/* SPDX-License-Identifier: BSD-3-Clause */
/* Context switch between two struct ukarch_ctx (see <uk/asm/ctx.h>). */
#include <uk/asm/ctx.h>

	.syntax unified
	.arm
	.text

/* void ukarch_ctx_switch(struct ukarch_ctx *prev, struct ukarch_ctx *next) */
	.globl ukarch_ctx_switch
	.type ukarch_ctx_switch, %function
	.align 2
ukarch_ctx_switch:
	stmia r0, {r4-r11}
	str sp, [r0, #UKARCH_CTX_OFF_SP]
	str lr, [r0, #UKARCH_CTX_OFF_LR]
	add r2, r0, #UKARCH_CTX_OFF_D8
	vstmia r2, {d8-d15}
	vmrs r3, fpscr
	str r3, [r0, #UKARCH_CTX_OFF_FPSCR]

	add r2, r1, #UKARCH_CTX_OFF_D8
	vldmia r2, {d8-d15}
	ldr r3, [r1, #UKARCH_CTX_OFF_FPSCR]
	vmsr fpscr, r3
	ldmia r1, {r4-r11}
	ldr sp, [r1, #UKARCH_CTX_OFF_SP]
	ldr lr, [r1, #UKARCH_CTX_OFF_LR]
	/* bx, not mov pc: lr may point to Thumb code. */
	bx lr
	.size ukarch_ctx_switch, . - ukarch_ctx_switch

/*
 * First code of a new context: ukarch_ctx_init() left the argument in r4
 * and the entry point in r5. A zero lr ends backtraces here.
 */
	.type ukarch_ctx_start, %function
	.align 2
ukarch_ctx_start:
	mov r0, r4
	mov lr, #0
	blx r5
	/* entry returned: there is nothing to return to. */
	udf #0
	.size ukarch_ctx_start, . - ukarch_ctx_start

/* void ukarch_ctx_init(ctx, stack_top, entry, arg) */
	.globl ukarch_ctx_init
	.type ukarch_ctx_init, %function
	.align 2
ukarch_ctx_init:
	push {r4, lr}
	mov r12, #0
	mov lr, #(UKARCH_CTX_SIZE / 4)
	mov r4, r0
1:	str r12, [r4], #4
	subs lr, lr, #1
	bne 1b
	bic r1, r1, #7
	str r1, [r0, #UKARCH_CTX_OFF_SP]
	str r3, [r0, #UKARCH_CTX_OFF_R4]
	str r2, [r0, #(UKARCH_CTX_OFF_R4 + 4)]
	adr r12, ukarch_ctx_start
	str r12, [r0, #UKARCH_CTX_OFF_LR]
	/* Start with the caller's rounding and exception settings. */
	vmrs r12, fpscr
	str r12, [r0, #UKARCH_CTX_OFF_FPSCR]
	pop {r4, pc}
	.size ukarch_ctx_init, . - ukarch_ctx_init

	.section .note.GNU-stack, "", %progbits
