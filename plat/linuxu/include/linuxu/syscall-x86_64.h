/* SPDX-License-Identifier: BSD-3-Clause */
/* x86_64 Linux system call ABI: number in rax, args in rdi rsi rdx r10 r8
 * r9; the kernel clobbers rcx and r11; errors come back as -errno. */
#ifndef __LINUXU_SYSCALL_X86_64_H__
#define __LINUXU_SYSCALL_X86_64_H__

#define __SC_READ 0
#define __SC_CLOSE 3
#define __SC_LSEEK 8
#define __SC_OPENAT 257
#define __SC_WRITE 1
#define __SC_MMAP 9
#define __SC_MUNMAP 11
#define __SC_MPROTECT 10
#define __SC_RT_SIGACTION 13
#define __SC_RT_SIGPROCMASK 14
#define __SC_GETPID 39
#define __SC_KILL 62
#define __SC_NANOSLEEP 35
#define __SC_CLOCK_GETTIME 228
#define __SC_EXIT_GROUP 231
#define __SC_PPOLL 271
#define __SC_GETRANDOM 318

#define LINUXU_MAP_PRIVATE 0x02
#define LINUXU_MAP_ANONYMOUS 0x20

static inline long linuxu_syscall6(long n, long a1, long a2, long a3, long a4,
				   long a5, long a6)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10),
			       "r"(r8), "r"(r9)
			     : "rcx", "r11", "memory");
	return ret;
}

#endif /* __LINUXU_SYSCALL_X86_64_H__ */
