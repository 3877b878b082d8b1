/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * poll() and select() over every kind of fd: each file's poll op says
 * what holds now, and a hook on each file (struct uk_vfs_poll_entry)
 * wakes the waiting thread when a pipe, a socket or an epoll instance
 * changes. Time-outs run on the monotonic clock.
 *
 * With uksched the waiter blocks on a wait queue until a hook wakes it,
 * its deadline passes, or (with lib/signal, which cannot wake it) every
 * SIGNAL_CHECK_NS to see whether a signal arrived. Without uksched
 * nothing can run while we wait, so the waiter spins on the clock until
 * the deadline, asking the files again every RECHECK_NS: a console
 * byte or a device may still make one ready.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/time.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/time.h>
#include <uk/intr.h>
#include <uk/vfs.h>
#include "vfs_impl.h"

/* How often a wait looks at files that cannot notify (the console). */
#define RECHECK_NS 1000000LL
/* How often a wait looks for a signal delivered meanwhile. */
#define SIGNAL_CHECK_NS 10000000LL

/*
 * A poll, select or epoll_wait ends with EINTR when any handler ran,
 * SA_RESTART or not (as on Linux).
 */
static int interrupted(void)
{
	return uk_intr_check() != UK_INTR_NONE;
}

void vfs_waiter_init(struct vfs_waiter *w)
{
#if CONFIG_LIBUKSCHED
	uk_waitq_init(&w->wq);
#endif
	w->woken = 0;
}

void vfs_waiter_wake(struct vfs_waiter *w)
{
	w->woken = 1;
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_all(&w->wq);
#endif
}

__nsec vfs_deadline(long long timeout_ns)
{
	if (timeout_ns <= 0)
		return 0;
	return ukplat_monotonic_clock() + (__nsec)timeout_ns;
}

int vfs_waiter_wait(struct vfs_waiter *w, __nsec deadline, int recheck)
{
	__nsec now = ukplat_monotonic_clock(), until = deadline;
#if CONFIG_LIBUKSCHED && CONFIG_LIBSIGNAL
	__nsec sig;
#endif

	if (interrupted())
		return -EINTR;
	if (deadline && now >= deadline)
		return -ETIMEDOUT;
	if (recheck && (!until || until > now + RECHECK_NS))
		until = now + RECHECK_NS;
#if CONFIG_LIBUKSCHED
#if CONFIG_LIBSIGNAL
	/* Timer signals are due at a known time; raise() from another
	 * thread is seen within a slice. */
	sig = uk_intr_deadline();
	if (sig && (!until || until > sig))
		until = sig;
	if (!until || until > now + SIGNAL_CHECK_NS)
		until = now + SIGNAL_CHECK_NS;
#endif
	uk_waitq_wait_event_until(&w->wq, w->woken, until);
#else
	if (!until || until > now + RECHECK_NS)
		until = now + RECHECK_NS;
	while (!w->woken && ukplat_monotonic_clock() < until)
		ukarch_spinwait();
#endif
	w->woken = 0;
	if (interrupted())
		return -EINTR;
	if (deadline && ukplat_monotonic_clock() >= deadline)
		return -ETIMEDOUT;
	return 0;
}

struct poll_hook {
	struct uk_vfs_poll_entry e;
	struct vfs_waiter *w;
};

static void poll_hook_notify(struct uk_vfs_poll_entry *e, int events __unused)
{
	vfs_waiter_wake(container_of(e, struct poll_hook, e)->w);
}

static int to_vfs(short ev)
{
	return ((ev & (POLLIN | POLLRDNORM)) ? UK_VFS_POLLIN : 0) |
	       ((ev & (POLLOUT | POLLWRNORM)) ? UK_VFS_POLLOUT : 0) |
	       ((ev & POLLPRI) ? UK_VFS_POLLPRI : 0) |
	       ((ev & POLLRDHUP) ? UK_VFS_POLLRDHUP : 0);
}

static short to_poll(int r)
{
	return (short)(((r & UK_VFS_POLLIN) ? (POLLIN | POLLRDNORM) : 0) |
		       ((r & UK_VFS_POLLOUT) ? (POLLOUT | POLLWRNORM) : 0) |
		       ((r & UK_VFS_POLLPRI) ? POLLPRI : 0) |
		       ((r & UK_VFS_POLLERR) ? POLLERR : 0) |
		       ((r & UK_VFS_POLLHUP) ? POLLHUP : 0) |
		       ((r & UK_VFS_POLLRDHUP) ? POLLRDHUP : 0));
}

int uk_sys_poll(struct pollfd *fds, unsigned int nfds, long long timeout_ns)
{
	struct vfs_waiter w;
	struct poll_hook *h = NULL;
	__nsec deadline = vfs_deadline(timeout_ns);
	unsigned int i;
	int n, recheck, r, rc;

	if (nfds > UK_VFS_MAX_FDS)
		return -EINVAL;
	if (!fds && nfds)
		return -EFAULT;
	if (timeout_ns) {
		h = calloc(nfds ? nfds : 1, sizeof(*h));
		if (!h)
			return -ENOMEM;
	}
	vfs_waiter_init(&w);
	for (;;) {
		n = 0;
		recheck = 0;
		for (i = 0; i < nfds; i++) {
			struct uk_file *f;

			fds[i].revents = 0;
			if (fds[i].fd < 0)
				continue;
			f = uk_vfs_fd_file(fds[i].fd);
			if (h && h[i].e.file != f) {
				uk_vfs_poll_del(&h[i].e);
				if (f) {
					h[i].w = &w;
					h[i].e.notify = poll_hook_notify;
					uk_vfs_poll_add(f, &h[i].e);
				}
			}
			if (!f) {
				fds[i].revents = POLLNVAL;
				n++;
				continue;
			}
			r = uk_vfs_file_poll(f, to_vfs(fds[i].events));
			if (r & UK_VFS_POLLRECHECK)
				recheck = 1;
			fds[i].revents = to_poll(r) &
					 (fds[i].events | POLLERR | POLLHUP);
			if (fds[i].revents)
				n++;
		}
		if (n || !timeout_ns)
			break;
		rc = vfs_waiter_wait(&w, deadline, recheck);
		if (rc == -EINTR) {
			n = rc;
			break;
		}
		if (rc == -ETIMEDOUT)
			timeout_ns = 0; /* one last look, then 0 */
	}
	if (h) {
		for (i = 0; i < nfds; i++)
			uk_vfs_poll_del(&h[i].e);
		free(h);
	}
	return n;
}

int uk_sys_select(int nfds, fd_set *readfds, fd_set *writefds,
		  fd_set *exceptfds, long long timeout_ns)
{
	struct pollfd *p;
	int i, k = 0, rc, n = 0;

	if (nfds < 0 || nfds > FD_SETSIZE)
		return -EINVAL;
	p = calloc(nfds ? (size_t)nfds : 1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	for (i = 0; i < nfds; i++) {
		short ev = 0;

		if (readfds && FD_ISSET(i, readfds))
			ev |= POLLIN;
		if (writefds && FD_ISSET(i, writefds))
			ev |= POLLOUT;
		if (exceptfds && FD_ISSET(i, exceptfds))
			ev |= POLLPRI;
		if (!ev)
			continue;
		/* A closed fd in a set fails the call before any wait. */
		if (!uk_vfs_fd_file(i)) {
			free(p);
			return -EBADF;
		}
		p[k].fd = i;
		p[k++].events = ev;
	}
	rc = uk_sys_poll(p, (unsigned int)k, timeout_ns);
	if (rc < 0) {
		free(p);
		return rc;
	}
	if (readfds)
		FD_ZERO(readfds);
	if (writefds)
		FD_ZERO(writefds);
	if (exceptfds)
		FD_ZERO(exceptfds);
	for (i = 0; i < k; i++) {
		short r = p[i].revents;

		if (r & POLLNVAL) {
			/* closed by another thread while we waited */
			free(p);
			return -EBADF;
		}
		if ((p[i].events & POLLIN) &&
		    (r & (POLLIN | POLLHUP | POLLERR))) {
			FD_SET(p[i].fd, readfds);
			n++;
		}
		if ((p[i].events & POLLOUT) && (r & (POLLOUT | POLLERR))) {
			FD_SET(p[i].fd, writefds);
			n++;
		}
		if ((p[i].events & POLLPRI) && (r & POLLPRI)) {
			FD_SET(p[i].fd, exceptfds);
			n++;
		}
	}
	free(p);
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

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return ret(uk_sys_poll(fds, nfds, vfs_ms_to_ns(timeout)));
}

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout)
{
	long long ns = -1;

	if (timeout) {
		if (timeout->tv_sec < 0 || timeout->tv_usec < 0 ||
		    timeout->tv_usec >= 1000000)
			return ret(-EINVAL);
		ns = (long long)timeout->tv_sec * 1000000000LL +
		     (long long)timeout->tv_usec * 1000;
	}
	return ret(uk_sys_select(nfds, readfds, writefds, exceptfds, ns));
}
