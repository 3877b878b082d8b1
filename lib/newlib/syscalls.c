/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The system calls newlib is built to expect (--disable-newlib-supplied-
 * syscalls): the console (uk/console.h), the file calls when lib/vfs is
 * off (lib/vfs has them otherwise), and what a single-process unikernel
 * answers for the rest.
 * Each is defined under its underscore name and, weakly, the plain name:
 * some newlib targets call one, some the other (MISSING_SYSCALL_NAMES).
 */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/config.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <uk/console.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/tty.h>

#define ALIAS(name, target) \
	extern __typeof__(target) name __attribute__((weak, alias(#target)))

ssize_t uk_console_write(const void *buf, size_t len)
{
	/* coutk takes an unsigned int: write big buffers in parts. */
	size_t done = 0;
	int rc;

	while (done < len) {
		size_t part = len - done;

		if (part > 0x10000000)
			part = 0x10000000;
		rc = ukplat_coutk((const char *)buf + done, part);
		if (rc < 0)
			return done ? (ssize_t)done : -EIO;
		if (rc == 0)
			break;
		done += rc;
	}
	return done;
}

/*
 * The console input is a terminal (lib/uktty): a read waits for input,
 * and returns 0 (end of file) only at a real end.
 */
ssize_t uk_console_read(void *buf, size_t len)
{
	if (len > 0x10000000)
		len = 0x10000000;
	return uk_tty_read(buf, len);
}

int uk_console_readable(void)
{
	return uk_tty_readable();
}

#if !CONFIG_LIBVFS
/*
 * Without lib/vfs there are no files: fds 0-2 are the console, every
 * other fd is EBADF and no path names anything.
 */
/* An errno result: >= 0 passes, -errno sets errno. */
static long fd_result(long rc)
{
	if (rc < 0) {
		errno = (int)-rc;
		return -1;
	}
	return rc;
}

static int is_console(int fd)
{
	return fd >= 0 && fd < 3;
}

/* newlib's read/write return _READ_WRITE_RETURN_TYPE (int here). */
_READ_WRITE_RETURN_TYPE _write(int fd, const void *buf, size_t len)
{
	if (fd == STDOUT_FILENO || fd == STDERR_FILENO)
		return fd_result(uk_console_write(buf, len));
	return fd_result(-EBADF);
}
ALIAS(write, _write);

_READ_WRITE_RETURN_TYPE _read(int fd, void *buf, size_t len)
{
	if (fd == STDIN_FILENO)
		return fd_result(uk_console_read(buf, len));
	return fd_result(-EBADF);
}
ALIAS(read, _read);

int _close(int fd)
{
	return is_console(fd) ? 0 : fd_result(-EBADF);
}
ALIAS(close, _close);

int _fstat(int fd, struct stat *st)
{
	if (!is_console(fd))
		return fd_result(-EBADF);
	*st = (struct stat){ .st_mode = S_IFCHR | 0620, .st_blksize = 0 };
	return 0;
}
ALIAS(fstat, _fstat);

/* The console is a terminal: newlib line-buffers stdout for it. */
int _isatty(int fd)
{
	if (is_console(fd))
		return 1;
	errno = EBADF;
	return 0;
}
ALIAS(isatty, _isatty);

off_t _lseek(int fd, off_t off, int whence)
{
	return fd_result(is_console(fd) ? -ESPIPE : -EBADF);
}
ALIAS(lseek, _lseek);

int _open(const char *path, int flags, ...)
{
	errno = ENOENT;
	return -1;
}
ALIAS(open, _open);

int _stat(const char *path, struct stat *st)
{
	errno = ENOENT;
	return -1;
}
ALIAS(stat, _stat);

int _link(const char *old, const char *new)
{
	errno = ENOENT;
	return -1;
}
ALIAS(link, _link);

int _unlink(const char *path)
{
	errno = ENOENT;
	return -1;
}
ALIAS(unlink, _unlink);

int _mkdir(const char *path, mode_t mode)
{
	errno = EROFS;
	return -1;
}
ALIAS(mkdir, _mkdir);
#endif /* !CONFIG_LIBVFS */

/* getpid, fork, execve and wait: lib/sysinfo; kill and sigprocmask:
 * lib/signal. */
