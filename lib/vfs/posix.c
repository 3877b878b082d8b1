/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The POSIX file functions for newlib: each calls its uk_sys_* and turns
 * a negative result into errno and -1. Also newlib's underscore system
 * calls (_open, _read...), which its stdio uses.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/socket.h>
#include <uk/vfs.h>

/* newlib declares them only for _GNU_SOURCE, which its headers break. */
int dup3(int fd, int newfd, int flags);
int pipe2(int fds[2], int flags);

#define ALIAS(name, target) \
	extern __typeof__(target) name __attribute__((weak, alias(#target)))

static long ret(long rc)
{
	if (rc < 0) {
		errno = (int)-rc;
		return -1;
	}
	return rc;
}

int _open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return (int)ret(uk_sys_open(path, flags, mode));
}
ALIAS(open, _open);

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return (int)ret(uk_sys_openat(dirfd, path, flags, mode));
}

int creat(const char *path, mode_t mode)
{
	return (int)ret(uk_sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, mode));
}

int _close(int fd)
{
	return (int)ret(uk_sys_close(fd));
}
ALIAS(close, _close);

_READ_WRITE_RETURN_TYPE _read(int fd, void *buf, size_t len)
{
	return ret(uk_sys_read(fd, buf, len));
}
ALIAS(read, _read);

_READ_WRITE_RETURN_TYPE _write(int fd, const void *buf, size_t len)
{
	return ret(uk_sys_write(fd, buf, len));
}
ALIAS(write, _write);

ssize_t pread(int fd, void *buf, size_t len, off_t off)
{
	return ret(uk_sys_pread(fd, buf, len, off));
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t off)
{
	return ret(uk_sys_pwrite(fd, buf, len, off));
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
	return ret(uk_sys_readv(fd, iov, iovcnt));
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
	return ret(uk_sys_writev(fd, iov, iovcnt));
}

off_t _lseek(int fd, off_t off, int whence)
{
	return ret(uk_sys_lseek(fd, off, whence));
}
ALIAS(lseek, _lseek);

int _fstat(int fd, struct stat *st)
{
	return (int)ret(uk_sys_fstat(fd, st));
}
ALIAS(fstat, _fstat);

int _stat(const char *path, struct stat *st)
{
	return (int)ret(uk_sys_stat(path, st));
}
ALIAS(stat, _stat);

int lstat(const char *path, struct stat *st)
{
	return (int)ret(uk_sys_lstat(path, st));
}

int _isatty(int fd)
{
	int rc = uk_sys_isatty(fd);

	if (rc < 0) {
		errno = -rc;
		return 0;
	}
	return 1;
}
ALIAS(isatty, _isatty);

int access(const char *path, int amode)
{
	return (int)ret(uk_sys_access(path, amode));
}

int _mkdir(const char *path, mode_t mode)
{
	return (int)ret(uk_sys_mkdir(path, mode));
}
ALIAS(mkdir, _mkdir);

int rmdir(const char *path)
{
	return (int)ret(uk_sys_rmdir(path));
}

int _unlink(const char *path)
{
	return (int)ret(uk_sys_unlink(path));
}
ALIAS(unlink, _unlink);

int _link(const char *oldpath, const char *newpath)
{
	return (int)ret(uk_sys_link(oldpath, newpath));
}
ALIAS(link, _link);

int rename(const char *oldpath, const char *newpath)
{
	return (int)ret(uk_sys_rename(oldpath, newpath));
}

int symlink(const char *target, const char *linkpath)
{
	return (int)ret(uk_sys_symlink(target, linkpath));
}

ssize_t readlink(const char *path, char *buf, size_t len)
{
	return ret(uk_sys_readlink(path, buf, len));
}

int chmod(const char *path, mode_t mode)
{
	return (int)ret(uk_sys_chmod(path, mode));
}

int chdir(const char *path)
{
	return (int)ret(uk_sys_chdir(path));
}

int fchdir(int fd)
{
	return (int)ret(uk_sys_fchdir(fd));
}

char *getcwd(char *buf, size_t size)
{
	int rc;

	if (!buf) {
		/* glibc's extension: a buffer of the needed size */
		char *tmp = malloc(UK_VFS_PATH_MAX);

		if (!tmp) {
			errno = ENOMEM;
			return NULL;
		}
		rc = uk_sys_getcwd(tmp, size ? size : UK_VFS_PATH_MAX);
		if (rc < 0) {
			free(tmp);
			errno = -rc;
			return NULL;
		}
		return tmp;
	}
	rc = uk_sys_getcwd(buf, size);
	if (rc < 0) {
		errno = -rc;
		return NULL;
	}
	return buf;
}

char *realpath(const char *path, char *resolved)
{
	char *buf = resolved ? resolved : malloc(UK_VFS_PATH_MAX);
	int rc;

	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	if (!buf) {
		errno = ENOMEM;
		return NULL;
	}
	rc = uk_sys_realpath(path, buf, UK_VFS_PATH_MAX);
	if (rc < 0) {
		if (!resolved)
			free(buf);
		errno = -rc;
		return NULL;
	}
	return buf;
}

int truncate(const char *path, off_t len)
{
	return (int)ret(uk_sys_truncate(path, len));
}

int ftruncate(int fd, off_t len)
{
	return (int)ret(uk_sys_ftruncate(fd, len));
}

int fsync(int fd)
{
	return (int)ret(uk_sys_fsync(fd));
}

int fdatasync(int fd)
{
	return (int)ret(uk_sys_fsync(fd));
}

int _fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return (int)ret(uk_sys_fcntl(fd, cmd, arg));
}
ALIAS(fcntl, _fcntl);

int dup(int fd)
{
	return (int)ret(uk_sys_dup(fd));
}

int dup2(int fd, int newfd)
{
	return (int)ret(uk_sys_dup2(fd, newfd));
}

int dup3(int fd, int newfd, int flags)
{
	return (int)ret(uk_sys_dup3(fd, newfd, flags));
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	/* regular files only: no device numbers to give, named pipes none */
	if (!S_ISREG(mode))
		return (int)ret(-EPERM);
	return (int)ret(uk_sys_mknod(path, mode));
}

int pipe(int fds[2])
{
	return (int)ret(uk_sys_pipe2(fds, 0));
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
	return (int)ret(uk_sys_socketpair(domain, type, protocol, sv));
}

int shutdown(int s, int how)
{
	return (int)ret(uk_sys_shutdown(s, how));
}

int pipe2(int fds[2], int flags)
{
	return (int)ret(uk_sys_pipe2(fds, flags));
}

int mount(const char *source, const char *target, const char *fstype,
	  unsigned long flags, const void *data)
{
	return (int)ret(uk_sys_mount(source, target, fstype, flags, data));
}

int umount(const char *target)
{
	return (int)ret(uk_sys_umount(target));
}

struct __uk_dir {
	int fd;
	struct dirent ent;
};

DIR *fdopendir(int fd)
{
	struct stat st;
	DIR *d;
	int rc = uk_sys_fstat(fd, &st);

	if (rc == 0 && !S_ISDIR(st.st_mode))
		rc = -ENOTDIR;
	if (rc < 0) {
		errno = -rc;
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	if (!d) {
		errno = ENOMEM;
		return NULL;
	}
	d->fd = fd;
	return d;
}

DIR *opendir(const char *path)
{
	int fd = uk_sys_open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
	DIR *d;

	if (fd < 0) {
		errno = -fd;
		return NULL;
	}
	d = fdopendir(fd);
	if (!d)
		uk_sys_close(fd);
	return d;
}

struct dirent *readdir(DIR *d)
{
	struct uk_vfs_dirent de;
	int rc;

	if (!d) {
		errno = EBADF;
		return NULL;
	}
	rc = uk_sys_readdir(d->fd, &de);
	if (rc <= 0) {
		if (rc < 0)
			errno = -rc;
		return NULL; /* the end: errno untouched */
	}
	d->ent.d_ino = (ino_t)de.ino;
	d->ent.d_off = uk_sys_lseek(d->fd, 0, SEEK_CUR);
	d->ent.d_type = de.type;
	strncpy(d->ent.d_name, de.name, sizeof(d->ent.d_name) - 1);
	return &d->ent;
}

void rewinddir(DIR *d)
{
	if (d)
		uk_sys_lseek(d->fd, 0, SEEK_SET);
}

int dirfd(DIR *d)
{
	if (!d) {
		errno = EINVAL;
		return -1;
	}
	return d->fd;
}

int closedir(DIR *d)
{
	int rc;

	if (!d) {
		errno = EBADF;
		return -1;
	}
	rc = uk_sys_close(d->fd);
	free(d);
	return (int)ret(rc);
}
