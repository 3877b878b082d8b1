/* SPDX-License-Identifier: BSD-3-Clause */
/* Context switch for x86_64: see include/uk/asm/ctx.h. */
#include <uk/asm/ctx.h>

	.text

/* void ukarch_ctx_switch(struct ukarch_ctx *prev (rdi), *next (rsi)) */
	.globl ukarch_ctx_switch
	.type ukarch_ctx_switch, @function
ukarch_ctx_switch:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	/* Resume as if this call returned: pop our return address. */
	popq	%rax
	movq	%rsp, UKARCH_CTX_OFF_RSP(%rdi)
	movq	%rax, UKARCH_CTX_OFF_RIP(%rdi)

	movq	0(%rsi), %rbx
	movq	8(%rsi), %rbp
	movq	16(%rsi), %r12
	movq	24(%rsi), %r13
	movq	32(%rsi), %r14
	movq	40(%rsi), %r15
	movq	UKARCH_CTX_OFF_RSP(%rsi), %rsp
	jmpq	*UKARCH_CTX_OFF_RIP(%rsi)
	.size ukarch_ctx_switch, . - ukarch_ctx_switch

/*
 * First code of a new context: r12 = entry, r13 = arg, rsp 16-aligned.
 * The call leaves rsp + 8 aligned at entry, as the ABI wants.
 */
	.type uk_ctx_start, @function
uk_ctx_start:
	movq	%r13, %rdi
	callq	*%r12
	ud2
	.size uk_ctx_start, . - uk_ctx_start

/* void ukarch_ctx_init(ctx (rdi), stack_top (rsi), entry (rdx), arg (rcx)) */
	.globl ukarch_ctx_init
	.type ukarch_ctx_init, @function
ukarch_ctx_init:
	xorl	%eax, %eax
	movq	%rax, 0(%rdi)
	movq	%rax, 8(%rdi)	/* rbp = 0 ends backtraces */
	movq	%rdx, 16(%rdi)
	movq	%rcx, 24(%rdi)
	movq	%rax, 32(%rdi)
	movq	%rax, 40(%rdi)
	andq	$-16, %rsi
	movq	%rsi, UKARCH_CTX_OFF_RSP(%rdi)
	leaq	uk_ctx_start(%rip), %rax
	movq	%rax, UKARCH_CTX_OFF_RIP(%rdi)
	ret
	.size ukarch_ctx_init, . - ukarch_ctx_init
