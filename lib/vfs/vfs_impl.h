/* SPDX-License-Identifier: BSD-3-Clause */
/* What the parts of lib/vfs share and nobody else sees. */
#ifndef __VFS_IMPL_H__
#define __VFS_IMPL_H__

#include <uk/arch/types.h>
#include <uk/vfs.h>

struct vfs_walk {
	struct uk_vnode *dir; /* holds the last name */
	struct uk_vnode *vn; /* what it names; NULL: no such entry */
	char name[UK_VFS_NAME_MAX + 1];
	size_t namelen;
	int trailing; /* the path ended with '/' */
	int links; /* symbolic links followed so far */
};

/* start NULL: the current directory. */
int vfs_walk(struct uk_vnode *start, const char *path, int follow,
	     struct vfs_walk *w);
void vfs_walk_done(struct vfs_walk *w);
struct uk_vnode *uk_vfs_root(void);
struct uk_vnode *uk_vfs_cwd(void);
int vfs_set_cwd(struct uk_vnode *vn);
int vfs_getattr(struct uk_vnode *vn, struct stat *st);
int vfs_truncate(struct uk_vnode *vn, off_t len);
int vfs_create(struct uk_vnode *dir, const char *name, size_t len,
	       mode_t mode, struct uk_vnode **out);
/* fds 0, 1 and 2 on the console. */
int vfs_init_fds(void);

/*
 * One thread waiting in poll, select or epoll_wait: its hooks on files
 * wake it (vfs_waiter_wake, from the notifier's thread).
 */
struct vfs_waiter {
#if CONFIG_LIBUKSCHED
	struct uk_waitq wq;
#endif
	volatile int woken;
};

void vfs_waiter_init(struct vfs_waiter *w);
void vfs_waiter_wake(struct vfs_waiter *w);
/*
 * Blocks until woken, until the monotonic clock reaches deadline (0:
 * none; then -ETIMEDOUT) or, with recheck, a short period passed (a file
 * that cannot notify is in the set). 0: look at the files again; -EINTR:
 * a signal handler ran. Clears the woken flag for the next round.
 */
int vfs_waiter_wait(struct vfs_waiter *w, __nsec deadline, int recheck);
/* A time-out in ms of poll or epoll_wait (< 0: none) in ns. */
static inline long long vfs_ms_to_ns(int timeout)
{
	return timeout < 0 ? -1 : (long long)timeout * 1000000;
}

/* The deadline of a wait of timeout_ns from now (< 0: none, 0). */
__nsec vfs_deadline(long long timeout_ns);

#endif /* __VFS_IMPL_H__ */
