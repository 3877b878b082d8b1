/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one file-descriptor table (files, directories, pipes, device nodes,
 * sockets) and the calls that take an fd.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/uio.h>
#include <unistd.h>
#include <uk/vfs.h>
#include <uk/print.h>
#include "vfs_impl.h"

struct fd_slot {
	struct uk_file *f;
	int cloexec;
};

static struct fd_slot fdtab[UK_VFS_MAX_FDS];

struct uk_file *uk_vfs_file_alloc(const struct uk_file_ops *ops, int flags,
				  void *priv)
{
	struct uk_file *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->ops = ops;
	f->flags = flags;
	f->priv = priv;
	return f;
}

void uk_vfs_poll_add(struct uk_file *f, struct uk_vfs_poll_entry *e)
{
	e->file = f;
	e->prev = NULL;
	e->next = f->pollers;
	if (f->pollers)
		f->pollers->prev = e;
	f->pollers = e;
}

void uk_vfs_poll_del(struct uk_vfs_poll_entry *e)
{
	if (!e->file)
		return;
	if (e->prev)
		e->prev->next = e->next;
	else
		e->file->pollers = e->next;
	if (e->next)
		e->next->prev = e->prev;
	e->next = e->prev = NULL;
	e->file = NULL;
}

void uk_vfs_file_notify(struct uk_file *f, int events)
{
	struct uk_vfs_poll_entry *e, *next;

	if (!f)
		return;
	/* A hook may unhook itself (an epoll instance dropping an item). */
	for (e = f->pollers; e; e = next) {
		next = e->next;
		e->notify(e, events);
	}
}

int uk_vfs_file_poll(struct uk_file *f, int events)
{
	if (!f->ops->poll)
		return UK_VFS_POLLIN | UK_VFS_POLLOUT;
	return f->ops->poll(f, events);
}

static void file_put(struct uk_file *f)
{
	struct uk_vfs_poll_entry *e;

	if (--f->refs)
		return;
	/* Its waiters learn it is gone (epoll drops it from its set). */
	while ((e = f->pollers)) {
		uk_vfs_poll_del(e);
		e->notify(e, UK_VFS_POLLFREE);
	}
	if (f->ops->close)
		f->ops->close(f);
	uk_vnode_put(f->vn);
	free(f);
}

void uk_vfs_file_hold(struct uk_file *f)
{
	f->refs++;
}

void uk_vfs_file_release(struct uk_file *f)
{
	file_put(f);
}

int uk_vfs_fd_install(struct uk_file *f, int min_fd, int cloexec)
{
	int fd;

	if (min_fd < 0 || min_fd >= UK_VFS_MAX_FDS) {
		if (!f->refs)
			file_put((f->refs = 1, f));
		return -EINVAL;
	}
	for (fd = min_fd; fd < UK_VFS_MAX_FDS; fd++) {
		if (!fdtab[fd].f) {
			fdtab[fd].f = f;
			fdtab[fd].cloexec = !!cloexec;
			f->refs++;
			return fd;
		}
	}
	if (!f->refs) {
		f->refs = 1;
		file_put(f);
	}
	return -EMFILE;
}

struct uk_file *uk_vfs_fd_file(int fd)
{
	if (fd < 0 || fd >= UK_VFS_MAX_FDS)
		return NULL;
	return fdtab[fd].f;
}

/* Regular files, directories and symbolic links opened with O_PATH. */
static ssize_t vn_read(struct uk_file *f, void *buf, size_t len, off_t *off)
{
	struct uk_vnode *vn = f->vn;
	ssize_t n;

	if (S_ISDIR(vn->mode))
		return -EISDIR;
	if (!vn->ops->read)
		return -EINVAL;
	n = vn->ops->read(vn, buf, len, *off);
	if (n > 0)
		*off += n;
	return n;
}

static ssize_t vn_write(struct uk_file *f, const void *buf, size_t len,
			off_t *off)
{
	struct uk_vnode *vn = f->vn;
	ssize_t n;

	if (S_ISDIR(vn->mode))
		return -EISDIR;
	if (!vn->ops->write)
		return -EINVAL;
	if (f->flags & O_APPEND)
		*off = vn->size;
	n = vn->ops->write(vn, buf, len, *off);
	if (n > 0)
		*off += n;
	return n;
}

static off_t vn_lseek(struct uk_file *f, off_t off, int whence)
{
	off_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->off;
		break;
	case SEEK_END:
		base = f->vn->size;
		break;
	default:
		return -EINVAL;
	}
	if ((off > 0 && base > (off_t)(SSIZE_MAX) - off) || base + off < 0)
		return -EINVAL;
	f->off = base + off;
	if (S_ISDIR(f->vn->mode))
		f->dirpos = (uint64_t)f->off;
	return f->off;
}

static int vn_fstat(struct uk_file *f, struct stat *st)
{
	return vfs_getattr(f->vn, st);
}

static const struct uk_file_ops vn_ops = {
	.read = vn_read,
	.write = vn_write,
	.lseek = vn_lseek,
	.fstat = vn_fstat,
};

static struct uk_vnode *dirfd_vnode(int dirfd, const char *path, int *rc)
{
	struct uk_file *f;

	*rc = 0;
	if (dirfd == AT_FDCWD || (path && *path == '/'))
		return NULL;
	f = uk_vfs_fd_file(dirfd);
	if (!f) {
		*rc = -EBADF;
		return NULL;
	}
	if (!f->vn || !S_ISDIR(f->vn->mode))
		*rc = -ENOTDIR;
	return f->vn;
}

int uk_sys_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	struct uk_vnode *start, *vn;
	struct vfs_walk w;
	struct uk_file *f;
	int acc = flags & O_ACCMODE, rc;

	start = dirfd_vnode(dirfd, path, &rc);
	if (rc < 0)
		return rc;
	if (acc != O_RDONLY && acc != O_WRONLY && acc != O_RDWR)
		return -EINVAL;
	rc = vfs_walk(start, path, !(flags & O_NOFOLLOW) &&
			     !((flags & O_CREAT) && (flags & O_EXCL)), &w);
	if (rc < 0)
		return rc;
	if (!w.vn) {
		if (!(flags & O_CREAT))
			rc = -ENOENT;
		else if (w.trailing)
			rc = -EISDIR;
		else
			rc = vfs_create(w.dir, w.name, w.namelen,
					S_IFREG | (mode & 07777), &w.vn);
		if (rc < 0)
			goto out;
	} else if ((flags & O_CREAT) && (flags & O_EXCL)) {
		rc = -EEXIST;
		goto out;
	}
	vn = w.vn;
	if (S_ISLNK(vn->mode))
		rc = -ELOOP;
	else if ((flags & O_DIRECTORY) && !S_ISDIR(vn->mode))
		rc = -ENOTDIR;
	else if (w.trailing && !S_ISDIR(vn->mode))
		rc = -ENOTDIR;
	else if (S_ISDIR(vn->mode) &&
		 (acc != O_RDONLY || (flags & (O_TRUNC | O_CREAT))))
		rc = -EISDIR;
	else if ((flags & O_TRUNC) && S_ISREG(vn->mode) && acc != O_RDONLY)
		rc = vfs_truncate(vn, 0);
	if (rc < 0)
		goto out;
	f = uk_vfs_file_alloc(&vn_ops, flags & (O_ACCMODE | O_APPEND |
						O_NONBLOCK), NULL);
	if (!f) {
		rc = -ENOMEM;
		goto out;
	}
	f->vn = uk_vnode_get(vn);
	if (S_ISCHR(vn->mode)) {
		rc = vn->ops->open ? vn->ops->open(vn, f) : -ENXIO;
		if (rc < 0) {
			uk_vnode_put(f->vn);
			free(f);
			goto out;
		}
	}
	rc = uk_vfs_fd_install(f, 0, flags & O_CLOEXEC);
out:
	vfs_walk_done(&w);
	return rc;
}

int uk_sys_open(const char *path, int flags, mode_t mode)
{
	return uk_sys_openat(AT_FDCWD, path, flags, mode);
}

int uk_sys_close(int fd)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	fdtab[fd].f = NULL;
	file_put(f);
	return 0;
}

static ssize_t do_read(struct uk_file *f, void *buf, size_t len, off_t *off)
{
	if ((f->flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!f->ops->read)
		return -EINVAL;
	if (!buf && len)
		return -EFAULT;
	if (len > SSIZE_MAX)
		len = SSIZE_MAX;
	return f->ops->read(f, buf, len, off);
}

static ssize_t do_write(struct uk_file *f, const void *buf, size_t len,
			off_t *off)
{
	if ((f->flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!f->ops->write)
		return -EINVAL;
	if (!buf && len)
		return -EFAULT;
	if (len > SSIZE_MAX)
		len = SSIZE_MAX;
	return f->ops->write(f, buf, len, off);
}

ssize_t uk_sys_read(int fd, void *buf, size_t len)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	return f ? do_read(f, buf, len, &f->off) : -EBADF;
}

ssize_t uk_sys_write(int fd, const void *buf, size_t len)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	return f ? do_write(f, buf, len, &f->off) : -EBADF;
}

/* Positioned I/O: on files that can seek, without moving the offset. */
static struct uk_file *seekable(int fd, off_t off, ssize_t *rc)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	*rc = 0;
	if (!f)
		*rc = -EBADF;
	else if (!f->ops->lseek)
		*rc = -ESPIPE;
	else if (off < 0)
		*rc = -EINVAL;
	return f;
}

ssize_t uk_sys_pread(int fd, void *buf, size_t len, off_t off)
{
	ssize_t rc;
	struct uk_file *f = seekable(fd, off, &rc);

	return rc < 0 ? rc : do_read(f, buf, len, &off);
}

ssize_t uk_sys_pwrite(int fd, const void *buf, size_t len, off_t off)
{
	ssize_t rc;
	struct uk_file *f = seekable(fd, off, &rc);

	if (rc < 0)
		return rc;
	/* POSIX: O_APPEND files append whatever off says, as Linux does. */
	return do_write(f, buf, len, &off);
}

static ssize_t check_iov(const struct iovec *iov, int iovcnt)
{
	size_t total = 0;
	int i;

	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	if (!iov && iovcnt)
		return -EFAULT;
	for (i = 0; i < iovcnt; i++) {
		if (iov[i].iov_len > SSIZE_MAX - total)
			return -EINVAL;
		total += iov[i].iov_len;
	}
	return (ssize_t)total;
}

/* readv and writev: one buffer after the other, stopping at a short one. */
static ssize_t rw_iov(int fd, const struct iovec *iov, int iovcnt, int write)
{
	struct uk_file *f = uk_vfs_fd_file(fd);
	ssize_t rc, done = 0;
	int i;

	if (!f)
		return -EBADF;
	rc = check_iov(iov, iovcnt);
	if (rc < 0)
		return rc;
	for (i = 0; i < iovcnt; i++) {
		if (!iov[i].iov_len)
			continue;
		rc = write ? do_write(f, iov[i].iov_base, iov[i].iov_len,
				      &f->off) :
			     do_read(f, iov[i].iov_base, iov[i].iov_len,
				     &f->off);
		if (rc < 0)
			return done ? done : rc;
		done += rc;
		if ((size_t)rc < iov[i].iov_len)
			break;
	}
	return done;
}

ssize_t uk_sys_readv(int fd, const struct iovec *iov, int iovcnt)
{
	return rw_iov(fd, iov, iovcnt, 0);
}

ssize_t uk_sys_writev(int fd, const struct iovec *iov, int iovcnt)
{
	return rw_iov(fd, iov, iovcnt, 1);
}

off_t uk_sys_lseek(int fd, off_t off, int whence)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	if (!f->ops->lseek)
		return -ESPIPE;
	return f->ops->lseek(f, off, whence);
}

int uk_sys_fstat(int fd, struct stat *st)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	if (!st)
		return -EFAULT;
	if (f->ops->fstat)
		return f->ops->fstat(f, st);
	if (f->vn)
		return vfs_getattr(f->vn, st);
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFIFO | 0600;
	return 0;
}

int uk_sys_isatty(int fd)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	if (!f->ops->isatty || f->ops->isatty(f) <= 0)
		return -ENOTTY;
	return 1;
}

int uk_sys_ftruncate(int fd, off_t len)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	if (!f->vn || (f->flags & O_ACCMODE) == O_RDONLY)
		return f->vn && !S_ISREG(f->vn->mode) ? -EINVAL :
		       f->vn ? -EBADF : -EINVAL;
	return vfs_truncate(f->vn, len);
}

int uk_sys_fsync(int fd)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	/* Memory filesystems have nothing to write back. */
	return f->vn ? 0 : -EINVAL;
}

int uk_sys_fchdir(int fd)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	if (!f->vn)
		return -ENOTDIR;
	return vfs_set_cwd(f->vn);
}

int uk_sys_readdir(int fd, struct uk_vfs_dirent *de)
{
	struct uk_file *f = uk_vfs_fd_file(fd);
	int rc;

	if (!f)
		return -EBADF;
	if (!f->vn || !S_ISDIR(f->vn->mode))
		return -ENOTDIR;
	if (!f->vn->ops->readdir)
		return 0;
	rc = f->vn->ops->readdir(f->vn, f->dirpos, de);
	if (rc > 0) {
		f->dirpos++;
		f->off = (off_t)f->dirpos;
	}
	return rc;
}

int uk_vfs_fd_poll(int fd)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	return uk_vfs_file_poll(f, UK_VFS_POLLIN | UK_VFS_POLLOUT);
}

static int dup_to(int fd, int newfd, int cloexec)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f || newfd < 0 || newfd >= UK_VFS_MAX_FDS)
		return -EBADF;
	if (fd == newfd) {
		fdtab[fd].cloexec = cloexec;
		return newfd;
	}
	f->refs++;
	if (fdtab[newfd].f)
		uk_sys_close(newfd);
	fdtab[newfd].f = f;
	fdtab[newfd].cloexec = cloexec;
	return newfd;
}

int uk_sys_dup(int fd)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	return f ? uk_vfs_fd_install(f, 0, 0) : -EBADF;
}

int uk_sys_dup2(int fd, int newfd)
{
	if (!uk_vfs_fd_file(fd))
		return -EBADF;
	if (fd == newfd)
		return fd;
	return dup_to(fd, newfd, 0);
}

int uk_sys_dup3(int fd, int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (!uk_vfs_fd_file(fd))
		return -EBADF;
	if (fd == newfd)
		return -EINVAL;
	return dup_to(fd, newfd, !!(flags & O_CLOEXEC));
}

int uk_sys_fcntl(int fd, int cmd, long arg)
{
	struct uk_file *f = uk_vfs_fd_file(fd);
	int rc, nflags;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg < 0 || arg >= UK_VFS_MAX_FDS)
			return -EINVAL;
		return uk_vfs_fd_install(f, (int)arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return fdtab[fd].cloexec ? FD_CLOEXEC : 0;
	case F_SETFD:
		fdtab[fd].cloexec = !!(arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->flags;
	case F_SETFL:
		/* Only these flags change after open, as on Linux. */
		nflags = (f->flags & ~(O_APPEND | O_NONBLOCK)) |
			 (int)(arg & (O_APPEND | O_NONBLOCK));
		if (f->ops->setflags) {
			rc = f->ops->setflags(f, nflags);
			if (rc < 0)
				return rc;
		}
		f->flags = nflags;
		return 0;
	default:
		return -EINVAL;
	}
}

int vfs_init_fds(void)
{
	int fd, rc;

	/* stdin, stdout, stderr: the console, when /dev has it. */
	for (fd = 0; fd < 3; fd++) {
		rc = uk_sys_open("/dev/console", O_RDWR, 0);
		if (rc < 0) {
			uk_pr_warn("vfs: no /dev/console for fd %d: %d\n", fd,
				   rc);
			return 0;
		}
		if (rc != fd) {
			uk_pr_err("vfs: console opened as fd %d, not %d\n", rc,
				  fd);
			return -EBUSY;
		}
	}
	return 0;
}
