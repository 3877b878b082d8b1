/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Raw Linux system calls (no libc): each arch header gives the numbers and
 * linuxu_syscall6(); these wrappers are the same everywhere. Return values
 * follow the kernel: >= 0 on success, -errno on failure.
 */
#ifndef __LINUXU_SYSCALL_H__
#define __LINUXU_SYSCALL_H__

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
#include <linuxu/syscall-x86_64.h>
#elif defined(__arm__)
#include <linuxu/syscall-arm32.h>
#elif defined(__mips__)
#include <linuxu/syscall-mips32.h>
#else
#error "linuxu: unsupported architecture"
#endif

#define LINUXU_PROT_READ 0x1
#define LINUXU_PROT_WRITE 0x2
#define LINUXU_AT_FDCWD (-100)
#define LINUXU_O_RDONLY 0
#define LINUXU_SEEK_END 2
#define LINUXU_CLOCK_REALTIME 0
#define LINUXU_CLOCK_MONOTONIC 1
#define LINUXU_POLLIN 0x1

struct linuxu_timespec {
	long tv_sec;
	long tv_nsec;
};

struct linuxu_pollfd {
	int fd;
	short events;
	short revents;
};

#define linuxu_syscall(n, a, b, c) \
	linuxu_syscall6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)

static inline long linuxu_write(int fd, const void *buf, size_t len)
{
	return linuxu_syscall(__SC_WRITE, fd, buf, len);
}

static inline long linuxu_read(int fd, void *buf, size_t len)
{
	return linuxu_syscall(__SC_READ, fd, buf, len);
}

static inline __attribute__((noreturn)) void linuxu_exit_group(int status)
{
	for (;;)
		linuxu_syscall(__SC_EXIT_GROUP, status, 0, 0);
}

static inline void *linuxu_mmap_anon(size_t len)
{
	long r = linuxu_syscall6(__SC_MMAP, 0, (long)len,
				 LINUXU_PROT_READ | LINUXU_PROT_WRITE,
				 LINUXU_MAP_PRIVATE | LINUXU_MAP_ANONYMOUS, -1,
				 0);

	/* -4095..-1 are errors; anything else is an address. */
	return (r < 0 && r > -4096) ? NULL : (void *)r;
}

static inline long linuxu_open_ro(const char *path)
{
	return linuxu_syscall6(__SC_OPENAT, LINUXU_AT_FDCWD, (long)path,
			       LINUXU_O_RDONLY, 0, 0, 0);
}

static inline long linuxu_close(int fd)
{
	return linuxu_syscall(__SC_CLOSE, fd, 0, 0);
}

/* The file's size through lseek (32-bit off_t on arm32 and mips32). */
static inline long linuxu_file_size(int fd)
{
	return linuxu_syscall(__SC_LSEEK, fd, 0, LINUXU_SEEK_END);
}

/* A private read-only mapping of a whole file; NULL on failure. */
static inline void *linuxu_mmap_file_ro(int fd, size_t len)
{
	long r = linuxu_syscall6(__SC_MMAP, 0, (long)len, LINUXU_PROT_READ,
				 LINUXU_MAP_PRIVATE, fd, 0);

	return (r < 0 && r > -4096) ? NULL : (void *)r;
}

static inline long linuxu_mprotect(void *addr, size_t len, int prot)
{
	return linuxu_syscall(__SC_MPROTECT, addr, len, prot);
}

static inline long linuxu_clock_gettime(int clk, struct linuxu_timespec *ts)
{
	return linuxu_syscall(__SC_CLOCK_GETTIME, clk, ts, 0);
}

static inline long linuxu_ppoll(struct linuxu_pollfd *fds, unsigned long n,
				const struct linuxu_timespec *timeout)
{
	return linuxu_syscall6(__SC_PPOLL, (long)fds, (long)n, (long)timeout, 0,
			       0, 0);
}

static inline long linuxu_getrandom(void *buf, size_t len, unsigned int flags)
{
	return linuxu_syscall(__SC_GETRANDOM, buf, len, flags);
}

#endif /* __LINUXU_SYSCALL_H__ */
