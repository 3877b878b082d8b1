/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * epoll: an instance is a file of the one fd table holding a set of
 * watched files (items). Each item hooks its file (uk_vfs_poll_add):
 * the file's notifications mark the item pending, wake the instance's
 * waiters and tell the instance's own pollers (poll or an outer epoll).
 * epoll_wait asks each item's file what holds now: level-triggered items
 * report while the condition holds; EPOLLET items only after a
 * notification since their last report; EPOLLONESHOT items once, until
 * EPOLL_CTL_MOD arms them again. The last close of a watched file drops
 * its items (UK_VFS_POLLFREE).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/epoll.h>
#include <uk/vfs.h>
#include "vfs_impl.h"

/* Events a caller may ask for; EPOLLEXCLUSIVE/EPOLLWAKEUP are accepted. */
#define EP_EVENTS (EPOLLIN | EPOLLPRI | EPOLLOUT | EPOLLERR | EPOLLHUP | \
		   EPOLLRDNORM | EPOLLRDBAND | EPOLLWRNORM | EPOLLWRBAND | \
		   EPOLLMSG | EPOLLRDHUP)
#define EP_FLAGS (EPOLLET | EPOLLONESHOT | EPOLLEXCLUSIVE | EPOLLWAKEUP)

struct ep_item {
	struct uk_vfs_poll_entry e; /* on the watched file */
	struct eventpoll *ep;
	struct ep_item *next;
	int fd;
	struct uk_file *file;
	uint32_t events; /* asked, with EPOLLET/EPOLLONESHOT */
	uint64_t data;
	int pending; /* notified since the last report (EPOLLET) */
	int disarmed; /* EPOLLONESHOT item reported */
};

struct eventpoll {
	struct ep_item *items;
	struct uk_file *file; /* the instance's own file */
	struct vfs_waiter w;
	int notifying; /* guards against a loop of nested instances */
};

static const struct uk_file_ops ep_ops;

static int to_vfs(uint32_t ev)
{
	return ((ev & (EPOLLIN | EPOLLRDNORM)) ? UK_VFS_POLLIN : 0) |
	       ((ev & (EPOLLOUT | EPOLLWRNORM)) ? UK_VFS_POLLOUT : 0) |
	       ((ev & EPOLLPRI) ? UK_VFS_POLLPRI : 0) |
	       ((ev & EPOLLRDHUP) ? UK_VFS_POLLRDHUP : 0);
}

static uint32_t to_epoll(int r)
{
	return ((r & UK_VFS_POLLIN) ? (EPOLLIN | EPOLLRDNORM) : 0) |
	       ((r & UK_VFS_POLLOUT) ? (EPOLLOUT | EPOLLWRNORM) : 0) |
	       ((r & UK_VFS_POLLPRI) ? EPOLLPRI : 0) |
	       ((r & UK_VFS_POLLERR) ? EPOLLERR : 0) |
	       ((r & UK_VFS_POLLHUP) ? EPOLLHUP : 0) |
	       ((r & UK_VFS_POLLRDHUP) ? EPOLLRDHUP : 0);
}

/* What item it would report now (0: nothing); *recheck set if asked. */
static uint32_t item_ready(struct ep_item *it, int *recheck)
{
	int r;

	if (it->disarmed || !it->file)
		return 0;
	if ((it->events & EPOLLET) && !it->pending)
		return 0;
	r = uk_vfs_file_poll(it->file, to_vfs(it->events));
	if ((r & UK_VFS_POLLRECHECK) && recheck)
		*recheck = 1;
	return to_epoll(r) & ((it->events & EP_EVENTS) | EPOLLERR | EPOLLHUP);
}

static void ep_unlink(struct eventpoll *ep, struct ep_item *it)
{
	struct ep_item **pp;

	for (pp = &ep->items; *pp; pp = &(*pp)->next) {
		if (*pp == it) {
			*pp = it->next;
			break;
		}
	}
	uk_vfs_poll_del(&it->e);
	free(it);
}

static void item_notify(struct uk_vfs_poll_entry *e, int events)
{
	struct ep_item *it = container_of(e, struct ep_item, e);
	struct eventpoll *ep = it->ep;

	if (events & UK_VFS_POLLFREE) {
		/* the watched file is going: it leaves the set */
		ep_unlink(ep, it);
		return;
	}
	/* a change the item does not watch (a read, for a reader) */
	if (!(events & (to_vfs(it->events) | UK_VFS_POLLERR | UK_VFS_POLLHUP)))
		return;
	it->pending = 1;
	vfs_waiter_wake(&ep->w);
	if (!ep->notifying) {
		ep->notifying = 1;
		uk_vfs_file_notify(ep->file, UK_VFS_POLLIN);
		ep->notifying = 0;
	}
}

static int ep_poll(struct uk_file *f, int events __unused)
{
	struct eventpoll *ep = f->priv;
	struct ep_item *it;
	int recheck = 0;

	for (it = ep->items; it; it = it->next)
		if (item_ready(it, &recheck))
			return UK_VFS_POLLIN;
	return recheck ? UK_VFS_POLLRECHECK : 0;
}

static int ep_fstat(struct uk_file *f __unused, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = 0600; /* an anonymous file, as on Linux */
	st->st_nlink = 1;
	return 0;
}

static void ep_close(struct uk_file *f)
{
	struct eventpoll *ep = f->priv;

	while (ep->items)
		ep_unlink(ep, ep->items);
	free(ep);
}

static const struct uk_file_ops ep_ops = {
	.poll = ep_poll,
	.fstat = ep_fstat,
	.close = ep_close,
};

int uk_sys_epoll_create1(int flags)
{
	struct eventpoll *ep;
	struct uk_file *f;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = calloc(1, sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	f = uk_vfs_file_alloc(&ep_ops, O_RDWR, ep);
	if (!f) {
		free(ep);
		return -ENOMEM;
	}
	ep->file = f;
	vfs_waiter_init(&ep->w);
	/* on failure the file is freed, and ep with it (ep_close) */
	return uk_vfs_fd_install(f, 0, flags & EPOLL_CLOEXEC);
}

static struct eventpoll *ep_of(int epfd, int *rc)
{
	struct uk_file *f = uk_vfs_fd_file(epfd);

	*rc = 0;
	if (!f)
		*rc = -EBADF;
	else if (f->ops != &ep_ops)
		*rc = -EINVAL;
	return *rc ? NULL : f->priv;
}

static struct ep_item *ep_find(struct eventpoll *ep, int fd,
			       struct uk_file *f)
{
	struct ep_item *it;

	for (it = ep->items; it; it = it->next)
		if (it->fd == fd && it->file == f)
			return it;
	return NULL;
}

int uk_sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
	struct eventpoll *ep;
	struct ep_item *it;
	struct uk_file *f;
	int rc;

	ep = ep_of(epfd, &rc);
	if (!ep && rc == -EBADF)
		return rc;
	f = uk_vfs_fd_file(fd);
	if (!f)
		return -EBADF;
	if (!ep)
		return rc;
	/* Files that are always ready cannot be watched, as on Linux. */
	if (f->vn && !S_ISCHR(f->vn->mode) && !S_ISFIFO(f->vn->mode))
		return -EPERM;
	if (f == ep->file)
		return -EINVAL;
	if (op != EPOLL_CTL_DEL && !event)
		return -EFAULT;
	it = ep_find(ep, fd, f);
	switch (op) {
	case EPOLL_CTL_ADD:
		if (it)
			return -EEXIST;
		it = calloc(1, sizeof(*it));
		if (!it)
			return -ENOMEM;
		it->ep = ep;
		it->fd = fd;
		it->file = f;
		it->events = event->events & (EP_EVENTS | EP_FLAGS);
		it->data = event->data.u64;
		it->pending = 1; /* what holds now is reported once */
		it->e.notify = item_notify;
		uk_vfs_poll_add(f, &it->e);
		it->next = ep->items;
		ep->items = it;
		break;
	case EPOLL_CTL_MOD:
		if (!it)
			return -ENOENT;
		it->events = event->events & (EP_EVENTS | EP_FLAGS);
		it->data = event->data.u64;
		it->pending = 1;
		it->disarmed = 0;
		break;
	case EPOLL_CTL_DEL:
		if (!it)
			return -ENOENT;
		ep_unlink(ep, it);
		return 0;
	default:
		return -EINVAL;
	}
	/* a waiter may now have something to report */
	vfs_waiter_wake(&ep->w);
	uk_vfs_file_notify(ep->file, UK_VFS_POLLIN);
	return 0;
}

int uk_sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents,
		      long long timeout_ns)
{
	__nsec deadline = vfs_deadline(timeout_ns);
	struct eventpoll *ep;
	struct ep_item *it;
	uint32_t r;
	int n, rc, recheck;

	ep = ep_of(epfd, &rc);
	if (!ep)
		return rc;
	if (maxevents <= 0)
		return -EINVAL;
	if (!events)
		return -EFAULT;
	/* the instance outlives a close of epfd by another thread */
	uk_vfs_file_hold(ep->file);
	for (;;) {
		n = 0;
		recheck = 0;
		for (it = ep->items; it && n < maxevents; it = it->next) {
			r = item_ready(it, &recheck);
			it->pending = 0;
			if (!r)
				continue;
			events[n].events = r;
			events[n].data.u64 = it->data;
			n++;
			if (it->events & EPOLLONESHOT)
				it->disarmed = 1;
		}
		if (n || !timeout_ns)
			break;
		rc = vfs_waiter_wait(&ep->w, deadline, recheck);
		if (rc == -EINTR) {
			n = rc;
			break;
		}
		if (rc == -ETIMEDOUT)
			timeout_ns = 0; /* one last look, then 0 */
	}
	uk_vfs_file_release(ep->file);
	return n;
}

static int ret(int rc)
{
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return rc;
}

int epoll_create(int size)
{
	return ret(size <= 0 ? -EINVAL : uk_sys_epoll_create1(0));
}

int epoll_create1(int flags)
{
	return ret(uk_sys_epoll_create1(flags));
}

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
	return ret(uk_sys_epoll_ctl(epfd, op, fd, event));
}

int epoll_wait(int epfd, struct epoll_event *events, int maxevents,
	       int timeout)
{
	return ret(uk_sys_epoll_wait(epfd, events, maxevents,
				     vfs_ms_to_ns(timeout)));
}

/* lib/signal's, when it is linked: the mask to wait with. */
extern int sigprocmask(int how, const sigset_t *set, sigset_t *old)
	__attribute__((weak));

int epoll_pwait(int epfd, struct epoll_event *events, int maxevents,
		int timeout, const sigset_t *sigmask)
{
	sigset_t old;
	int rc;

	if (!sigmask)
		return epoll_wait(epfd, events, maxevents, timeout);
	if (!sigprocmask)
		return ret(-ENOSYS); /* no signals in this image */
	if (sigprocmask(SIG_SETMASK, sigmask, &old) < 0)
		return -1;
	rc = uk_sys_epoll_wait(epfd, events, maxevents,
			       vfs_ms_to_ns(timeout));
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ret(rc);
}
