/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * First code of the arm32 system platforms (kvm on QEMU virt, baremetal on
 * the Raspberry Pi 2). It runs wherever the loader put the image and only
 * uses PC-relative addressing until it has moved the image to its link
 * address: QEMU loads raw images at other addresses than the Pi firmware
 * does (0x10000 vs 0x8000, see FACTS), and one image serves both.
 *
 * In:  r0-r2 as the boot protocol leaves them (r2: DTB or ATAGS).
 * Out: arm_plat_start(r0, r1, r2) in SVC mode, IRQ/FIQ masked, each
 *      exception mode with its stack, VBAR set, VFP on, .bss zeroed.
 */
#include <uk/asm/arch.h>

#define SVC_STACK_SIZE 16384
#define IRQ_STACK_SIZE 4096
#define EXC_STACK_SIZE 2048

	.syntax unified
	.arm
	.arch_extension virt
	.arch_extension sec

	.section .text.boot, "ax", %progbits
	.globl _start
	.type _start, %function
_start:
	cpsid aif
	mov r8, r0
	mov r9, r1
	mov r10, r2

	/*
	 * The Pi firmware enters in HYP mode: leave it for SVC, which is
	 * where every exception of ours is handled. Do not trap VFP or
	 * CP15 accesses from PL1 (HCPTR/HSTR).
	 */
	mrs r0, cpsr
	and r0, r0, #ARM_PSR_MODE_MASK
	cmp r0, #ARM_PSR_MODE_HYP
	bne 1f
	ldr r0, =0x33ff
	mcr p15, 4, r0, c1, c1, 2	/* HCPTR */
	mov r0, #0
	mcr p15, 4, r0, c1, c1, 3	/* HSTR */
	mov r0, #(ARM_PSR_MODE_SVC | ARM_PSR_I | ARM_PSR_F | ARM_PSR_A)
	msr spsr_hyp, r0
	adr r0, 1f
	msr elr_hyp, r0
	eret
1:
	/* Only core 0 boots; the others wait (for a future SMP start). */
	mrc p15, 0, r0, c0, c0, 5	/* MPIDR */
	ands r0, r0, #0xff
	bne arm_park_secondary

	/* Move the image to its link address if it was loaded elsewhere. */
	adr r4, _start
	ldr r5, =_start
	cmp r4, r5
	beq 3f
	ldr r6, =__image_load_end
	sub r6, r6, r5
	cmp r5, r4
	bhi 2f
	/*
	 * Destination below the source: copy upwards. Past 32 KiB the copy
	 * reaches the source's own start, where this code runs, so the loop
	 * runs from a copy of itself placed just past the source image and
	 * returns to the link address, which holds the moved image by then.
	 */
	adr r0, 10f
	add r1, r4, r6
	add r1, r1, #4
	mov r7, r1
	mov r2, #5
11:	ldr r3, [r0], #4
	str r3, [r1], #4
	subs r2, r2, #1
	bne 11b
	mcr p15, 0, r2, c7, c5, 0	/* ICIALLU: the stub is new code */
	dsb
	isb
	mov r0, r4
	mov r1, r5
	add r2, r4, r6
	ldr r11, =21f
	bx r7
	/* The stub: five words, position-independent. */
10:	ldr r3, [r0], #4
	str r3, [r1], #4
	cmp r0, r2
	blo 10b
	bx r11
	/* Destination above the source: copy downwards. */
2:	add r0, r4, r6
	add r1, r5, r6
20:	ldr r3, [r0, #-4]!
	str r3, [r1, #-4]!
	cmp r0, r4
	bhi 20b
21:	dsb sy
	mov r0, #0
	mcr p15, 0, r0, c7, c5, 0	/* ICIALLU: new code at new place */
	mcr p15, 0, r0, c7, c5, 6	/* BPIALL */
	dsb sy
	isb
	ldr pc, =3f
3:
	/* A stack for each exception mode, then stay in SVC. */
	cps #ARM_PSR_MODE_IRQ
	ldr sp, =arm_irq_stack + IRQ_STACK_SIZE
	cps #ARM_PSR_MODE_ABT
	ldr sp, =arm_abt_stack + EXC_STACK_SIZE
	cps #ARM_PSR_MODE_UND
	ldr sp, =arm_und_stack + EXC_STACK_SIZE
	cps #ARM_PSR_MODE_FIQ
	ldr sp, =arm_fiq_stack + EXC_STACK_SIZE
	cps #ARM_PSR_MODE_SVC
	ldr sp, =arm_svc_stack + SVC_STACK_SIZE

	/* Exceptions in ARM state, vectors at VBAR, alignment faults off. */
	mrc p15, 0, r0, c1, c0, 0	/* SCTLR */
	bic r0, r0, #(1 << 30)		/* TE */
	bic r0, r0, #(1 << 13)		/* V: vectors at VBAR, not 0xffff0000 */
	bic r0, r0, #(1 << 1)		/* A */
	mcr p15, 0, r0, c1, c0, 0
	ldr r0, =arm_vectors
	mcr p15, 0, r0, c12, c0, 0	/* VBAR */

	/*
	 * VFP: the hard-float ABI passes floats in VFP registers, so any C
	 * function may touch them. Grant cp10/cp11 access, then enable.
	 */
	mrc p15, 0, r0, c1, c0, 2	/* CPACR */
	orr r0, r0, #(0xf << 20)
	mcr p15, 0, r0, c1, c0, 2
	isb
	mov r0, #(1 << 30)		/* FPEXC.EN */
	vmsr fpexc, r0
	mov r0, #0
	vmsr fpscr, r0

	ldr r0, =__bss_start
	ldr r1, =__bss_end
	mov r2, #0
4:	cmp r0, r1
	strlo r2, [r0], #4
	blo 4b

	mov r0, r8
	mov r1, r9
	mov r2, r10
	mov fp, #0
	mov lr, #0
	blx arm_plat_start
	udf #0
	.ltorg
	.size _start, . - _start

	.type arm_park_secondary, %function
arm_park_secondary:
	wfe
	b arm_park_secondary
	.size arm_park_secondary, . - arm_park_secondary

	.section .bss.stacks, "aw", %nobits
	.align 3
	.globl arm_svc_stack
arm_svc_stack:	.space SVC_STACK_SIZE
arm_irq_stack:	.space IRQ_STACK_SIZE
arm_abt_stack:	.space EXC_STACK_SIZE
arm_und_stack:	.space EXC_STACK_SIZE
arm_fiq_stack:	.space EXC_STACK_SIZE

	.section .note.GNU-stack, "", %progbits
