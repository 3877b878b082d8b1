/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_FAULT_H__
#define __UK_PLAT_FAULT_H__

/*
 * Faults a platform caught from a real instruction, which it offers to a
 * signal library (lib/signal) before reporting a crash. The kinds, not
 * signal numbers: the host's and the C library's numbering differ.
 */
#define UK_FAULT_ILL 1 /* illegal instruction: SIGILL */
#define UK_FAULT_FPE 2 /* arithmetic (divide by zero): SIGFPE */
#define UK_FAULT_BUS 3 /* bus error, misaligned access: SIGBUS */
#define UK_FAULT_SEGV 4 /* bad memory access: SIGSEGV */

/*
 * Defined by the signal library (weak reference here: test it for NULL).
 * Runs the program's handler for the fault's signal, which usually
 * leaves with siglongjmp; returns 1 when a handler ran and returned, 0
 * when there is none (the platform then reports the crash).
 */
int uk_signal_fault(int kind, void *addr) __attribute__((weak));

#endif /* __UK_PLAT_FAULT_H__ */
