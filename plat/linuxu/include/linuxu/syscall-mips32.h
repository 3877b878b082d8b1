/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MIPS o32 Linux system call ABI: number in v0 (4000 + n), args in a0-a3,
 * the 5th and 6th at 16($sp) and 20($sp) above the 16-byte argument save
 * area. On return v0 is the result and a3 the error flag (v0 then holds a
 * positive errno, which we negate to match the other arches). The kernel
 * may clobber at, v1, t0-t9, hi and lo.
 */
#ifndef __LINUXU_SYSCALL_MIPS32_H__
#define __LINUXU_SYSCALL_MIPS32_H__

#define __SC_BASE 4000
#define __SC_READ (__SC_BASE + 3)
#define __SC_CLOSE (__SC_BASE + 6)
#define __SC_LSEEK (__SC_BASE + 19)
#define __SC_OPENAT (__SC_BASE + 288)
#define __SC_WRITE (__SC_BASE + 4)
#define __SC_GETPID (__SC_BASE + 20)
#define __SC_KILL (__SC_BASE + 37)
#define __SC_MMAP (__SC_BASE + 90) /* offset in bytes, not pages */
#define __SC_MUNMAP (__SC_BASE + 91)
#define __SC_MPROTECT (__SC_BASE + 125)
#define __SC_NANOSLEEP (__SC_BASE + 166)
#define __SC_RT_SIGACTION (__SC_BASE + 194)
#define __SC_RT_SIGPROCMASK (__SC_BASE + 195)
#define __SC_EXIT_GROUP (__SC_BASE + 246)
#define __SC_CLOCK_GETTIME (__SC_BASE + 263) /* 32-bit time_t */
#define __SC_PPOLL (__SC_BASE + 302)
#define __SC_GETRANDOM (__SC_BASE + 353)

#define LINUXU_MAP_PRIVATE 0x002
#define LINUXU_MAP_ANONYMOUS 0x800 /* 0x20 elsewhere */

static inline long linuxu_syscall6(long n, long a1, long a2, long a3, long a4,
				   long a5, long a6)
{
	register long v0 __asm__("$2") = n;
	register long r4 __asm__("$4") = a1;
	register long r5 __asm__("$5") = a2;
	register long r6 __asm__("$6") = a3;
	register long r7 __asm__("$7") = a4;

	/* The 5th and 6th arguments go on a frame of our own. */
	__asm__ __volatile__(".set push\n\t"
			     ".set noreorder\n\t"
			     "addiu $sp, $sp, -32\n\t"
			     "sw %5, 16($sp)\n\t"
			     "sw %6, 20($sp)\n\t"
			     "syscall\n\t"
			     "addiu $sp, $sp, 32\n\t"
			     ".set pop"
			     : "+r"(v0), "+r"(r4), "+r"(r5), "+r"(r6), "+r"(r7)
			     : "r"(a5), "r"(a6)
			     : "$1", "$3", "$8", "$9", "$10", "$11", "$12",
			       "$13", "$14", "$15", "$24", "$25", "hi", "lo",
			       "memory");
	return r7 ? -v0 : v0;
}

#endif /* __LINUXU_SYSCALL_MIPS32_H__ */
