/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * File descriptors of the newlib glue. fds 0-2 are the platform console;
 * another library (e.g. a socket layer) owns a range of fds by registering
 * operations for it, and newlib's read/write/close/fstat/isatty/lseek on an
 * fd of that range go to those operations. Any other fd is EBADF.
 *
 *	static const struct uk_fdops sock_ops = {
 *		.read = sock_read, .write = sock_write, .close = sock_close,
 *	};
 *	uk_fd_register_range(UK_FD_FIRST_FREE, 64, &sock_ops);
 *
 * Operations return a count or 0 on success, or a negative errno value
 * (-EAGAIN, ...); the glue stores it in errno and returns -1 to the caller.
 * A NULL operation gives -ENOSYS, except: close NULL succeeds; fstat NULL
 * reports a socket (S_IFSOCK); isatty NULL says "not a tty"; lseek NULL is
 * -ESPIPE. The owner hands out the fds of its range itself (which are
 * free is its business). Not locked: register at init time.
 */
#ifndef __UK_FDTAB_H__
#define __UK_FDTAB_H__

#include <stddef.h>
#include <sys/types.h>
#include <sys/stat.h>

/* fds below this one are the console (stdin, stdout, stderr). */
#define UK_FD_FIRST_FREE 3
/* Ranges that can be registered at once. */
#define UK_FD_MAX_RANGES 8

struct uk_fdops {
	ssize_t (*read)(int fd, void *buf, size_t len);
	ssize_t (*write)(int fd, const void *buf, size_t len);
	int (*close)(int fd);
	int (*fstat)(int fd, struct stat *st);
	int (*isatty)(int fd); /* 1 or 0 */
	off_t (*lseek)(int fd, off_t off, int whence);
};

/*
 * fds [first, first + count) go to ops (which must stay valid). 0, or
 * -EINVAL (first < UK_FD_FIRST_FREE, count < 1, overflow, ops NULL),
 * -EBUSY (overlaps a registered range), -ENOSPC (UK_FD_MAX_RANGES used).
 */
int uk_fd_register_range(int first, int count, const struct uk_fdops *ops);

/* Removes the range registered with exactly this first fd: 0 or -ENOENT. */
int uk_fd_unregister_range(int first);

/* The operations owning fd, or NULL (console fds and unowned ones). */
const struct uk_fdops *uk_fd_ops(int fd);

#endif /* __UK_FDTAB_H__ */
