/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The exception frame of every x86_64 platform (PC, Xen PV and PVH): the
 * entry stubs make the same layout whoever delivered the exception, so
 * one report serves them all (plat/shared/pc/trap_report.c).
 */
#ifndef __X86_TRAP_H__
#define __X86_TRAP_H__

#define X86_EXC_PF 14

#ifdef __ASSEMBLY__
/*
 * The CPU pushes an error code for vectors 8, 10-14, 17, 21, 29 and 30
 * only: push a zero for the others, so that every frame is alike.
 */
.macro X86_TRAP_ERRCODE vec
	.if (\vec == 8) || ((\vec >= 10) && (\vec <= 14)) || (\vec == 17) || \
		(\vec == 21) || (\vec == 29) || (\vec == 30)
	.else
	pushq $0
	.endif
.endm

/* The general registers, in struct x86_trap_frame's order from the end. */
.macro X86_PUSH_GPRS
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro X86_POP_GPRS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
.endm
#else
#include <stdint.h>

struct x86_trap_frame {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long vector, error; /* pushed by the stub */
	unsigned long rip, cs, rflags, rsp, ss; /* pushed by the CPU or Xen */
};

/* Is va in a thread stack's guard page? Then *owner names the thread. */
typedef int (*x86_guard_owner_fn)(uintptr_t va, const char **owner);

/*
 * Print the report of exception r->vector on the console: its name, for a
 * page fault the faulting address cr2 (and the thread whose stack guard
 * it hit), then the registers.
 */
void x86_trap_report(const struct x86_trap_frame *r, unsigned long cr2,
		     x86_guard_owner_fn guard_owner);
#endif /* __ASSEMBLY__ */

#endif /* __X86_TRAP_H__ */
