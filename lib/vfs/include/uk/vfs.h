/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lib/vfs: the virtual file system and the one file-descriptor table.
 *
 * Kernel-side calls are uk_sys_*: each returns a value >= 0 or a negative
 * errno value and never touches errno. The POSIX functions newlib's
 * programs call (open, read, mkdir...) are thin wrappers over them.
 *
 * Objects:
 *  - a vnode is a file, directory, symbolic link or device node of a
 *    mounted filesystem; its filesystem gives its operations
 *    (struct uk_vnode_ops) and owns its memory (vnode_ops->release);
 *  - a file is an open object: an open vnode, a pipe end, a socket; its
 *    struct uk_file_ops do read, write, poll... An fd names a file; two
 *    fds name the same file after dup() (they share the offset);
 *  - a filesystem type (struct uk_fs_type) is registered by name and
 *    mounted on a directory: the mount's root vnode covers it.
 *
 * The scheduler is cooperative (ukschedcoop): nothing here is preempted,
 * so the tables need no lock; a file operation that waits does so on a
 * wait queue with uk_vfs_wait_event(), the one place a blocking call may
 * be interrupted.
 */
#ifndef __UK_VFS_H__
#define __UK_VFS_H__

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <uk/essentials.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#ifndef SSIZE_MAX
#define SSIZE_MAX ((ssize_t)(SIZE_MAX >> 1))
#endif

/* Longest path (with its NUL) and name a call accepts. */
#define UK_VFS_PATH_MAX 1024
#define UK_VFS_NAME_MAX 255
/* Symbolic links followed in one path walk before ELOOP. */
#define UK_VFS_SYMLOOP_MAX 16

struct uk_vnode;
struct uk_file;
struct uk_mount;
struct uk_dirent;

/* One directory entry, as a filesystem's readdir gives it. */
struct uk_vfs_dirent {
	uint64_t ino;
	unsigned char type; /* DT_* */
	char name[UK_VFS_NAME_MAX + 1];
};

/*
 * A filesystem's operations on its vnodes. NULL: the operation is not
 * supported (-EPERM for link, -EINVAL for readlink, -ENOTSUP otherwise).
 * name is not NUL-terminated: namelen bytes. Returned vnodes carry one
 * reference for the caller (uk_vnode_put() it). Directory operations
 * receive a directory vnode; the VFS has checked the type, that the name
 * is not "." or "..", and that it fits UK_VFS_NAME_MAX.
 */
struct uk_vnode_ops {
	int (*lookup)(struct uk_vnode *dir, const char *name, size_t namelen,
		      struct uk_vnode **out);
	/* Makes a regular file (S_IFREG), directory or node; -EEXIST. */
	int (*create)(struct uk_vnode *dir, const char *name, size_t namelen,
		      mode_t mode, struct uk_vnode **out);
	int (*symlink)(struct uk_vnode *dir, const char *name, size_t namelen,
		       const char *target);
	int (*link)(struct uk_vnode *dir, const char *name, size_t namelen,
		    struct uk_vnode *vn);
	/* Removes a non-directory (unlink) or an empty directory (rmdir). */
	int (*remove)(struct uk_vnode *dir, const char *name, size_t namelen,
		      int isdir);
	/* Moves an entry within this filesystem, replacing the target. */
	int (*rename)(struct uk_vnode *odir, const char *oname, size_t olen,
		      struct uk_vnode *ndir, const char *nname, size_t nlen);
	/* Entry number pos of a directory: 1, or 0 past the end. */
	int (*readdir)(struct uk_vnode *dir, uint64_t pos,
		       struct uk_vfs_dirent *de);
	ssize_t (*readlink)(struct uk_vnode *vn, char *buf, size_t len);
	ssize_t (*read)(struct uk_vnode *vn, void *buf, size_t len, off_t off);
	ssize_t (*write)(struct uk_vnode *vn, const void *buf, size_t len,
			 off_t off);
	int (*truncate)(struct uk_vnode *vn, off_t len);
	/* st_dev, st_ino, st_mode, st_nlink, st_size are filled before. */
	int (*getattr)(struct uk_vnode *vn, struct stat *st);
	int (*setmode)(struct uk_vnode *vn, mode_t mode);
	/*
	 * A device node's open: may replace the file's operations
	 * (f->ops) and set f->priv. Called for S_IFCHR vnodes only.
	 */
	int (*open)(struct uk_vnode *vn, struct uk_file *f);
	/* The last reference went away: free the vnode if unlinked. */
	void (*release)(struct uk_vnode *vn);
};

struct uk_vnode {
	const struct uk_vnode_ops *ops;
	struct uk_mount *mnt;
	mode_t mode; /* S_IFMT bits and permissions */
	uint64_t ino;
	off_t size;
	nlink_t nlink;
	unsigned long refs; /* references held (fds, walks, cwd) */
	/* directories: the directory holding this one (itself at a root) */
	struct uk_vnode *parent;
	/* a directory something is mounted on: that mount */
	struct uk_mount *covered_by;
	void *priv; /* the filesystem's */
};

struct uk_fs_type {
	const char *name;
	/* Makes the root vnode of a new mount (one reference). */
	int (*mount)(struct uk_mount *m, const char *source, const void *data,
		     struct uk_vnode **root);
	/* Frees what mount made; the root's last reference is gone. */
	int (*unmount)(struct uk_mount *m);
	struct uk_fs_type *next;
};

struct uk_mount {
	struct uk_fs_type *type;
	struct uk_vnode *root;
	struct uk_vnode *covered; /* the directory under it; NULL for "/" */
	unsigned long dev; /* st_dev of its vnodes */
	unsigned long flags;
	unsigned long refs; /* vnode references held inside it */
	void *priv; /* the filesystem's */
	struct uk_mount *next;
};

/* Registers a filesystem type (from a constructor, UK_CTOR). */
int uk_vfs_register_fs(struct uk_fs_type *t);
struct uk_fs_type *uk_vfs_find_fs(const char *name);

/* Sets up a vnode a filesystem made: one reference. */
void uk_vnode_init(struct uk_vnode *vn, struct uk_mount *m,
		   const struct uk_vnode_ops *ops, mode_t mode, uint64_t ino);
struct uk_vnode *uk_vnode_get(struct uk_vnode *vn);
/* Drops a reference; the last one calls ops->release. NULL is ignored. */
void uk_vnode_put(struct uk_vnode *vn);

/*
 * Walks path from the current directory (or "/"), following symbolic
 * links (the last one only with follow). 0 and *out with a reference.
 */
int uk_vfs_lookup(const char *path, int follow, struct uk_vnode **out);

/* Readiness, as a file's poll op reports it. */
#define UK_VFS_POLLIN 0x01
#define UK_VFS_POLLPRI 0x02
#define UK_VFS_POLLOUT 0x04
#define UK_VFS_POLLERR 0x08
#define UK_VFS_POLLHUP 0x10
/* The peer shut its writing side down (read gives end of file). */
#define UK_VFS_POLLRDHUP 0x20
/*
 * Not an event: the file cannot notify (its readiness is learnt only by
 * asking, as the console's), so a waiter asks its poll op again soon.
 */
#define UK_VFS_POLLRECHECK 0x100
/* Not an event: the file is being freed (sent to its pollers only). */
#define UK_VFS_POLLFREE 0x200

/*
 * A waiter's hook on a file (poll(), select(), an epoll instance): the
 * file calls notify when its readiness may have changed, with the
 * UK_VFS_POLL* bits that may now hold (or UK_VFS_POLLFREE as it goes
 * away: the hook is then already off the file). notify runs in the
 * notifier's thread (a pipe writer, lwIP's thread): it must not block.
 */
struct uk_vfs_poll_entry {
	struct uk_vfs_poll_entry *next, *prev;
	struct uk_file *file; /* NULL: on no file */
	void (*notify)(struct uk_vfs_poll_entry *e, int events);
};

/* An open object: what an fd names. */
struct uk_file_ops {
	ssize_t (*read)(struct uk_file *f, void *buf, size_t len, off_t *off);
	ssize_t (*write)(struct uk_file *f, const void *buf, size_t len,
			 off_t *off);
	/* NULL: -ESPIPE. */
	off_t (*lseek)(struct uk_file *f, off_t off, int whence);
	int (*fstat)(struct uk_file *f, struct stat *st);
	/* The UK_VFS_POLL* bits that hold now (NULL: in and out). */
	int (*poll)(struct uk_file *f, int events);
	/* O_NONBLOCK changed (sockets pass it on). */
	int (*setflags)(struct uk_file *f, int flags);
	int (*isatty)(struct uk_file *f); /* 1 or 0 */
	/* Sockets: SHUT_RD, SHUT_WR, SHUT_RDWR (NULL: -ENOTSOCK). */
	int (*shutdown)(struct uk_file *f, int how);
	/* The last fd went: free what priv holds. */
	void (*close)(struct uk_file *f);
};

struct uk_file {
	const struct uk_file_ops *ops;
	struct uk_vnode *vn; /* NULL for pipes and sockets */
	int flags; /* O_ACCMODE, O_APPEND, O_NONBLOCK */
	off_t off;
	unsigned long refs; /* fds naming it */
	uint64_t dirpos; /* readdir position of a directory */
	void *priv;
	struct uk_vfs_poll_entry *pollers; /* hooks of waiters on it */
};

/* Hooks e on f (e->notify set by the caller); unhooks it from f. */
void uk_vfs_poll_add(struct uk_file *f, struct uk_vfs_poll_entry *e);
void uk_vfs_poll_del(struct uk_vfs_poll_entry *e);
/* The readiness of f may have changed: tell its waiters. */
void uk_vfs_file_notify(struct uk_file *f, int events);
/* What f reports for events now (UK_VFS_POLL* bits). */
int uk_vfs_file_poll(struct uk_file *f, int events);

/* Largest number of fds open at once (Kconfig). */
#define UK_VFS_MAX_FDS CONFIG_LIBVFS_MAX_FDS

/*
 * A new file object (refs 0) and an fd for it: the lowest free one, from
 * min_fd up. The fd, or -ENOMEM / -EMFILE (the file is then freed).
 */
struct uk_file *uk_vfs_file_alloc(const struct uk_file_ops *ops, int flags,
				  void *priv);
int uk_vfs_fd_install(struct uk_file *f, int min_fd, int cloexec);
/*
 * A reference on f beside its fds' (a call that waits on f keeps it
 * alive if another thread closes the fd); release frees it at the last.
 */
void uk_vfs_file_hold(struct uk_file *f);
void uk_vfs_file_release(struct uk_file *f);
/* The file fd names (no reference taken), or NULL: EBADF. */
struct uk_file *uk_vfs_fd_file(int fd);

/*
 * A file operation that waits: until cond holds (0), or -EAGAIN when the
 * file is O_NONBLOCK, or -EINTR when a signal handler without SA_RESTART
 * ran meanwhile (with SA_RESTART it goes on waiting, uk/intr.h). Built
 * on uksched wait queues; without uksched a wait that cannot end returns
 * -EAGAIN at once.
 */
#if CONFIG_LIBUKSCHED
#define uk_vfs_wait_event(f, wq, cond)                                  \
	({                                                              \
		int __vw_rc = 0;                                        \
		if (!(cond)) {                                          \
			if ((f)->flags & O_NONBLOCK)                    \
				__vw_rc = -EAGAIN;                      \
			else if (uk_waitq_wait_event_intr(wq, cond, 0,  \
							  1) < 0)       \
				__vw_rc = -EINTR;                       \
		}                                                       \
		__vw_rc;                                                \
	})
#else
#define uk_vfs_wait_event(f, wq, cond) ((cond) ? 0 : -EAGAIN)
#endif

/* Readiness of the file fd names: UK_VFS_POLL* bits, or -EBADF. */
int uk_vfs_fd_poll(int fd);

struct pollfd;
struct timeval;
/*
 * poll() on every kind of file; timeout_ns < 0 waits without limit.
 * The count of fds with events, 0 at the time-out, -EINTR, -ENOMEM.
 */
int uk_sys_poll(struct pollfd *fds, unsigned int nfds, long long timeout_ns);
struct epoll_event;
int uk_sys_epoll_create1(int flags);
int uk_sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event);
int uk_sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents,
		      long long timeout_ns);
int uk_sys_select(int nfds, fd_set *readfds, fd_set *writefds,
		  fd_set *exceptfds, long long timeout_ns);

/* The calls, with negative errno results. */
int uk_sys_open(const char *path, int flags, mode_t mode);
int uk_sys_openat(int dirfd, const char *path, int flags, mode_t mode);
int uk_sys_close(int fd);
ssize_t uk_sys_read(int fd, void *buf, size_t len);
ssize_t uk_sys_write(int fd, const void *buf, size_t len);
ssize_t uk_sys_pread(int fd, void *buf, size_t len, off_t off);
ssize_t uk_sys_pwrite(int fd, const void *buf, size_t len, off_t off);
struct iovec;
ssize_t uk_sys_readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t uk_sys_writev(int fd, const struct iovec *iov, int iovcnt);
off_t uk_sys_lseek(int fd, off_t off, int whence);
int uk_sys_fstat(int fd, struct stat *st);
int uk_sys_stat(const char *path, struct stat *st);
int uk_sys_lstat(const char *path, struct stat *st);
int uk_sys_access(const char *path, int amode);
int uk_sys_mkdir(const char *path, mode_t mode);
int uk_sys_mknod(const char *path, mode_t mode);
int uk_sys_rmdir(const char *path);
int uk_sys_unlink(const char *path);
int uk_sys_rename(const char *oldpath, const char *newpath);
int uk_sys_symlink(const char *target, const char *linkpath);
ssize_t uk_sys_readlink(const char *path, char *buf, size_t len);
int uk_sys_link(const char *oldpath, const char *newpath);
int uk_sys_chmod(const char *path, mode_t mode);
int uk_sys_chdir(const char *path);
int uk_sys_fchdir(int fd);
/* The current directory's path into buf: its length, or -ERANGE. */
int uk_sys_getcwd(char *buf, size_t size);
/* The absolute path without ".", ".." or links (size >= 2). */
int uk_sys_realpath(const char *path, char *buf, size_t size);
int uk_sys_truncate(const char *path, off_t len);
int uk_sys_ftruncate(int fd, off_t len);
int uk_sys_fsync(int fd);
int uk_sys_fcntl(int fd, int cmd, long arg);
int uk_sys_dup(int fd);
int uk_sys_dup2(int fd, int newfd);
int uk_sys_dup3(int fd, int newfd, int flags);
int uk_sys_pipe2(int fds[2], int flags);
/* AF_UNIX, SOCK_STREAM (with SOCK_NONBLOCK, SOCK_CLOEXEC) only. */
int uk_sys_socketpair(int domain, int type, int protocol, int sv[2]);
int uk_sys_shutdown(int fd, int how);
int uk_sys_isatty(int fd);
/* The next entry of an open directory: 1, 0 at its end. */
int uk_sys_readdir(int fd, struct uk_vfs_dirent *de);
int uk_sys_mount(const char *source, const char *target, const char *fstype,
		 unsigned long flags, const void *data);
int uk_sys_umount(const char *target);

#ifdef __cplusplus
}
#endif

#endif /* __UK_VFS_H__ */
