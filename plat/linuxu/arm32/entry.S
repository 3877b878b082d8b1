/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Process entry: the kernel leaves argc at [sp], then argv[], NULL,
 * envp[]. Pass the initial stack pointer to C on an 8-byte aligned stack
 * (AAPCS) with fp and lr zero, which ends backtraces here.
 */
	.syntax unified
	.arm
	.text
	.globl _start
	.type _start, %function
_start:
	mov fp, #0
	mov lr, #0
	mov r0, sp
	bic sp, sp, #7
	blx _linuxu_start
	udf #0
	.size _start, . - _start

	.section .note.GNU-stack, "", %progbits
