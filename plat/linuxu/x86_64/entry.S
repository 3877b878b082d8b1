/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Process entry: the kernel leaves argc at (%rsp), then argv[], NULL,
 * envp[]. Pass the initial stack pointer to C with the ABI's 16-byte
 * alignment and a zero frame pointer, which ends backtraces here.
 */
.text
.globl _start
.type _start, @function
_start:
	xorl %ebp, %ebp
	movq %rsp, %rdi
	andq $-16, %rsp
	call _linuxu_start
	hlt
.size _start, . - _start

.section .note.GNU-stack, "", @progbits
