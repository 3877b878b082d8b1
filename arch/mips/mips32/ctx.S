/* SPDX-License-Identifier: BSD-3-Clause */
/* Context switch (o32): see <uk/asm/ctx.h>. */
#include <uk/asm/ctx.h>

	.set noreorder
	.text

/* void ukarch_ctx_switch(struct ukarch_ctx *prev, struct ukarch_ctx *next) */
	.globl ukarch_ctx_switch
	.type ukarch_ctx_switch, @function
	.ent ukarch_ctx_switch
ukarch_ctx_switch:
	sw $16, UKARCH_CTX_S0 + 0($4)
	sw $17, UKARCH_CTX_S0 + 4($4)
	sw $18, UKARCH_CTX_S0 + 8($4)
	sw $19, UKARCH_CTX_S0 + 12($4)
	sw $20, UKARCH_CTX_S0 + 16($4)
	sw $21, UKARCH_CTX_S0 + 20($4)
	sw $22, UKARCH_CTX_S0 + 24($4)
	sw $23, UKARCH_CTX_S0 + 28($4)
	sw $30, UKARCH_CTX_FP($4)
	sw $28, UKARCH_CTX_GP($4)
	sw $29, UKARCH_CTX_SP($4)
	sw $31, UKARCH_CTX_RA($4)

	lw $16, UKARCH_CTX_S0 + 0($5)
	lw $17, UKARCH_CTX_S0 + 4($5)
	lw $18, UKARCH_CTX_S0 + 8($5)
	lw $19, UKARCH_CTX_S0 + 12($5)
	lw $20, UKARCH_CTX_S0 + 16($5)
	lw $21, UKARCH_CTX_S0 + 20($5)
	lw $22, UKARCH_CTX_S0 + 24($5)
	lw $23, UKARCH_CTX_S0 + 28($5)
	lw $30, UKARCH_CTX_FP($5)
	lw $28, UKARCH_CTX_GP($5)
	lw $29, UKARCH_CTX_SP($5)
	lw $31, UKARCH_CTX_RA($5)
	jr $31
	nop
	.end ukarch_ctx_switch
	.size ukarch_ctx_switch, . - ukarch_ctx_switch

/* First switch to a new context lands here: s0 = entry, s1 = arg. */
	.type mips32_ctx_start, @function
	.ent mips32_ctx_start
mips32_ctx_start:
	jalr $16
	move $4, $17		/* delay slot: a0 = arg */
	break 0x77		/* entry returned: not allowed */
1:	b 1b
	nop
	.end mips32_ctx_start
	.size mips32_ctx_start, . - mips32_ctx_start

/* void ukarch_ctx_init(ctx, stack_top, entry, arg) */
	.globl ukarch_ctx_init
	.type ukarch_ctx_init, @function
	.ent ukarch_ctx_init
ukarch_ctx_init:
	/* Zero the callee-saved registers, then set what the start needs. */
	sw $0, UKARCH_CTX_S0 + 8($4)
	sw $0, UKARCH_CTX_S0 + 12($4)
	sw $0, UKARCH_CTX_S0 + 16($4)
	sw $0, UKARCH_CTX_S0 + 20($4)
	sw $0, UKARCH_CTX_S0 + 24($4)
	sw $0, UKARCH_CTX_S0 + 28($4)
	sw $0, UKARCH_CTX_FP($4)
	sw $6, UKARCH_CTX_S0 + 0($4)
	sw $7, UKARCH_CTX_S0 + 4($4)
	sw $28, UKARCH_CTX_GP($4)
	/* 8-byte aligned, with the o32 16-byte argument save area. */
	li $8, -8
	and $5, $5, $8
	addiu $5, $5, -16
	sw $5, UKARCH_CTX_SP($4)
	la $8, mips32_ctx_start
	jr $31
	sw $8, UKARCH_CTX_RA($4)	/* delay slot */
	.end ukarch_ctx_init
	.size ukarch_ctx_init, . - ukarch_ctx_init

	.section .note.GNU-stack, "", @progbits
