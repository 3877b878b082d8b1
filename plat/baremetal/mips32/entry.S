/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Malta entry, from YAMON or QEMU's boot stub, in kernel mode with the
 * boot loader's arguments: a0 = argc, a1 = argv, a2 = envp (YAMON-style
 * name/value pairs), a3 = RAM size in bytes (QEMU; YAMON puts it in the
 * "memsize" variable). Interrupts are off; Status may still have ERL and
 * BEV set from reset.
 */
#include <uk/asm/cp0.h>
#include <malta/malta.h>

	.set noreorder
	.section .text.boot, "ax"
	.globl _start
	.type _start, @function
	.ent _start
_start:
	/* Kernel mode, no exception/error level, interrupts and all their
	 * masks off, FPU usable (libgcc and -mfpxx code may use it). */
	mfc0 $8, $12
	li $9, ~(ST_IE | ST_EXL | ST_ERL | ST_KSU | 0xff00)
	and $8, $8, $9
	li $9, ST_CU1 | ST_BEV
	or $8, $8, $9
	mtc0 $8, $12
	ehb

	/* Our own vectors; EBase may change only while BEV is set. */
	la $9, malta_vectors
	mtc0 $9, $15, 1
	ehb
	li $9, ~ST_BEV
	and $8, $8, $9
	mtc0 $8, $12
	/* Interrupts use the general vector, Count runs, no soft IRQs. */
	mtc0 $0, $13
	ehb

	/* Keep the boot arguments while .bss is cleared. */
	move $16, $4
	move $17, $5
	move $18, $6
	move $19, $7
	la $8, __bss_start
	la $9, __bss_end
1:	beq $8, $9, 2f
	addiu $8, $8, 4
	b 1b
	sw $0, -4($8)
2:
	la $29, malta_stack_top
	addiu $29, $29, -16	/* o32 argument save area */
	move $28, $0		/* no small data (-G0) */
	move $30, $0
	move $4, $16
	move $5, $17
	move $6, $18
	move $7, $19
	jal malta_start
	move $31, $0		/* delay slot: ends backtraces */
	break 0x7f
	.end _start
	.size _start, . - _start

	.section .bss.stack, "aw", @nobits
	.balign 16
	.globl malta_stack_bottom
malta_stack_bottom:
	.space CONFIG_MALTA_STACK_SIZE
	.globl malta_stack_top
malta_stack_top:
