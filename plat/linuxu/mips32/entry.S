/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Process entry (o32): the kernel leaves argc at 0($sp), then argv[],
 * NULL, envp[]. Pass that stack pointer to C, 8-byte aligned with the
 * 16-byte argument save area the callee may use. ra = 0 ends backtraces.
 */
	.set noreorder
	.text
	.globl _start
	.type _start, @function
	.ent _start
_start:
	move $4, $29
	li $8, -8
	and $29, $29, $8
	addiu $29, $29, -16
	move $31, $0
	jal _linuxu_start
	move $30, $0		/* delay slot: no frame pointer */
	break 0
	.end _start
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
