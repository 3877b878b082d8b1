/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The system calls newlib is built to expect (--disable-newlib-supplied-
 * syscalls): console fds 0-2, ranges of fds owned by other libraries
 * (uk/fdtab.h), and what a single-process unikernel answers for the rest.
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
#include <uk/fdtab.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>

#define ALIAS(name, target) \
	extern __typeof__(target) name __attribute__((weak, alias(#target)))

/* An fdops result: >= 0 passes, -errno sets errno. */
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
	return fd >= 0 && fd < UK_FD_FIRST_FREE;
}

/* newlib's read/write return _READ_WRITE_RETURN_TYPE (int here). */
_READ_WRITE_RETURN_TYPE _write(int fd, const void *buf, size_t len)
{
	const struct uk_fdops *ops;
	int rc;

	if (fd == STDOUT_FILENO || fd == STDERR_FILENO) {
		/* coutk takes an unsigned int: write big buffers in parts. */
		size_t done = 0;

		while (done < len) {
			size_t part = len - done;

			if (part > 0x10000000)
				part = 0x10000000;
			rc = ukplat_coutk((const char *)buf + done, part);
			if (rc < 0)
				return done ? (ssize_t)done : fd_result(-EIO);
			if (rc == 0)
				break;
			done += rc;
		}
		return done;
	}
	ops = uk_fd_ops(fd);
	if (!ops)
		return fd_result(-EBADF);
	return fd_result(ops->write ? ops->write(fd, buf, len) : -ENOSYS);
}
ALIAS(write, _write);

/*
 * The console input is what the platform has buffered (no waiting): 0
 * bytes reads as end of file, as with a pipe that is closed.
 */
_READ_WRITE_RETURN_TYPE _read(int fd, void *buf, size_t len)
{
	const struct uk_fdops *ops;
	int rc;

	if (fd == STDIN_FILENO) {
		if (len > 0x10000000)
			len = 0x10000000;
		rc = ukplat_cink(buf, len);
		return rc < 0 ? fd_result(-EIO) : rc;
	}
	ops = uk_fd_ops(fd);
	if (!ops)
		return fd_result(-EBADF);
	return fd_result(ops->read ? ops->read(fd, buf, len) : -ENOSYS);
}
ALIAS(read, _read);

int _close(int fd)
{
	const struct uk_fdops *ops;

	if (is_console(fd))
		return 0;
	ops = uk_fd_ops(fd);
	if (!ops)
		return fd_result(-EBADF);
	return fd_result(ops->close ? ops->close(fd) : 0);
}
ALIAS(close, _close);

int _fstat(int fd, struct stat *st)
{
	const struct uk_fdops *ops;

	if (is_console(fd)) {
		*st = (struct stat){ .st_mode = S_IFCHR | 0620,
				     .st_blksize = 0 };
		return 0;
	}
	ops = uk_fd_ops(fd);
	if (!ops)
		return fd_result(-EBADF);
	if (ops->fstat)
		return fd_result(ops->fstat(fd, st));
	*st = (struct stat){ .st_mode = S_IFSOCK | 0600 };
	return 0;
}
ALIAS(fstat, _fstat);

/* The console is a terminal: newlib line-buffers stdout for it. */
int _isatty(int fd)
{
	const struct uk_fdops *ops;
	int rc;

	if (is_console(fd))
		return 1;
	ops = uk_fd_ops(fd);
	if (!ops) {
		errno = EBADF;
		return 0;
	}
	if (!ops->isatty) {
		errno = ENOTTY;
		return 0;
	}
	rc = ops->isatty(fd);
	if (rc < 0) {
		errno = -rc;
		return 0;
	}
	return rc > 0;
}
ALIAS(isatty, _isatty);

off_t _lseek(int fd, off_t off, int whence)
{
	const struct uk_fdops *ops;

	if (is_console(fd))
		return fd_result(-ESPIPE);
	ops = uk_fd_ops(fd);
	if (!ops)
		return fd_result(-EBADF);
	return fd_result(ops->lseek ? ops->lseek(fd, off, whence) : -ESPIPE);
}
ALIAS(lseek, _lseek);

/* No file system: nothing can be opened or named. */
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

/* getpid, fork, execve and wait: lib/sysinfo. */

/*
 * There are no signal handlers to run: a signal to ourselves ends the
 * unikernel as a crash (what the default action of abort()'s SIGABRT
 * does), anything else has no target.
 */
int _kill(int pid, int sig)
{
	if (pid != 1 && pid != 0 && pid != -1) {
		errno = ESRCH;
		return -1;
	}
	if (sig == 0)
		return 0;
	ukplat_crash();
}
ALIAS(kill, _kill);

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	if (old)
		*old = 0;
	return 0;
}
