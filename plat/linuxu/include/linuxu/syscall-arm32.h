/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * arm EABI Linux system call ABI: number in r7, args in r0-r5, `svc #0`,
 * result (or -errno) in r0. Numbers from the kernel's arm EABI table.
 */
#ifndef __LINUXU_SYSCALL_ARM32_H__
#define __LINUXU_SYSCALL_ARM32_H__

#define __SC_READ 3
#define __SC_CLOSE 6
#define __SC_LSEEK 19
#define __SC_OPENAT 322
#define __SC_WRITE 4
#define __SC_GETPID 20
#define __SC_KILL 37
#define __SC_MUNMAP 91
#define __SC_MPROTECT 125
#define __SC_NANOSLEEP 162
#define __SC_RT_SIGACTION 174
#define __SC_RT_SIGPROCMASK 175
/* EABI has no old mmap; mmap2 counts the offset in pages (always 0 here). */
#define __SC_MMAP 192
#define __SC_EXIT_GROUP 248
/* The 32-bit time_t versions: struct linuxu_timespec is two longs. */
#define __SC_CLOCK_GETTIME 263
#define __SC_PPOLL 336
#define __SC_GETRANDOM 384

#define LINUXU_MAP_PRIVATE 0x02
#define LINUXU_MAP_ANONYMOUS 0x20

static inline long linuxu_syscall6(long n, long a1, long a2, long a3, long a4,
				   long a5, long a6)
{
	register long r0 __asm__("r0") = a1;
	register long r1 __asm__("r1") = a2;
	register long r2 __asm__("r2") = a3;
	register long r3 __asm__("r3") = a4;
	register long r4 __asm__("r4") = a5;
	register long r5 __asm__("r5") = a6;

	/*
	 * r7 is Thumb code's frame pointer, which the compiler may refuse to
	 * hand over: keep it in ip across the call instead.
	 */
	__asm__ __volatile__("mov ip, r7\n\t"
			     "mov r7, %[n]\n\t"
			     "svc #0\n\t"
			     "mov r7, ip"
			     : "+r"(r0)
			     : [n] "r"(n), "r"(r1), "r"(r2), "r"(r3), "r"(r4),
			       "r"(r5)
			     : "ip", "memory");
	return r0;
}

#endif /* __LINUXU_SYSCALL_ARM32_H__ */
