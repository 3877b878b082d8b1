/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Semihosting call (ARM semihosting spec v2: "svc 0x123456" in A32 state,
 * op in r0, parameter block in r1, result in r0). Under QEMU with
 * -semihosting the call is trapped by QEMU; elsewhere it reaches our SVC
 * vector, which returns straight away with r0 untouched: an
 * arm_semihost_call() that returns its op means nobody answered.
 *
 * long arm_semihost_call(unsigned long op, void *arg)
 */
	.syntax unified
	.arm
	.text
	.globl arm_semihost_call
	.type arm_semihost_call, %function
	.align 2
arm_semihost_call:
	/* The SVC exception overwrites lr_svc: keep ours. */
	push {r4, lr}
	svc #0x123456
	pop {r4, pc}
	.size arm_semihost_call, . - arm_semihost_call

	.section .note.GNU-stack, "", %progbits
