/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The BSD socket API under its POSIX names, on lwIP's lwip_* functions.
 * Real functions, not lwIP's compatibility macros: a macro named close or
 * read would break every libc header that declares them.
 *
 * With lib/vfs (newlib), a socket is an entry of the one fd table: its
 * file operations call lwip_read, lwip_write, lwip_close, and the calls
 * here map the fd to lwIP's socket number. poll() and select() take
 * files, pipes and sockets together. Without lib/vfs, the descriptors
 * are lwIP's own numbers.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <lwip/opt.h>
#include <lwip/sockets.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <poll.h>
#include <uk/intr.h>
#include <uk/plat/time.h>

/* Longest wait of a blocking call between two looks at the signals. */
#define SIG_SLICE_MS 100

/*
 * Blocking calls wait here, not inside lwIP, so that a signal handler
 * can end them (uk/intr.h): until lwIP's socket s is ready for events
 * or in error (the call then reports it), looking at the signals after
 * each wait, which ends by the next signal timer. 0: go on with the call
 * (also at once for a non-blocking socket, or one with a time-out, which
 * lwIP keeps); -1 with errno EINTR: a handler ended the call (with
 * SA_RESTART, a restartable call waits on).
 */
static int sock_wait(int s, short events, int restartable)
{
	struct pollfd p = { .fd = s, .events = events };
	struct timeval tv = { 0, 0 };
	socklen_t len = sizeof(tv);
	int ms, intr;
	__nsec sig, now;

	/* lwIP's own F_GETFL and O_NONBLOCK (lwip/sockets.h). */
	if (lwip_fcntl(s, F_GETFL, 0) & O_NONBLOCK)
		return 0;
	if (!lwip_getsockopt(s, SOL_SOCKET,
			     events & POLLIN ? SO_RCVTIMEO : SO_SNDTIMEO, &tv,
			     &len) &&
	    (tv.tv_sec || tv.tv_usec))
		return 0;
	for (;;) {
		ms = SIG_SLICE_MS;
		sig = uk_intr_deadline();
		now = ukplat_monotonic_clock();
		if (sig && sig < now + (__nsec)ms * 1000000)
			ms = sig > now ? (int)((sig - now + 999999) / 1000000) :
					 0;
		if (lwip_poll(&p, 1, ms) != 0)
			return 0;
		intr = uk_intr_check();
		if (uk_intr_ends(intr, restartable)) {
			errno = EINTR;
			return -1;
		}
	}
}

#define SOCK_WAIT(s, events)                     \
	do {                                     \
		if (sock_wait(s, events, 1) < 0) \
			return -1;               \
	} while (0)

#if CONFIG_LIBVFS
#include <uk/vfs.h>
#include <uk/plat/time.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

static ssize_t sock_read(struct uk_file *f, void *buf, size_t len,
			 off_t *off __unused)
{
	ssize_t r;

	if (sock_wait((int)(intptr_t)f->priv, POLLIN, 1) < 0)
		return -EINTR;
	r = lwip_read((int)(intptr_t)f->priv, buf, len);

	return r < 0 ? -errno : r;
}

static ssize_t sock_write(struct uk_file *f, const void *buf, size_t len,
			  off_t *off __unused)
{
	ssize_t r;

	if (sock_wait((int)(intptr_t)f->priv, POLLOUT, 1) < 0)
		return -EINTR;
	r = lwip_write((int)(intptr_t)f->priv, buf, len);

	return r < 0 ? -errno : r;
}

static int sock_fstat(struct uk_file *f __unused, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFSOCK | 0600;
	st->st_nlink = 1;
	return 0;
}

static int sock_poll(struct uk_file *f, int events __unused)
{
	struct pollfd p = { .fd = (int)(intptr_t)f->priv,
			    .events = POLLIN | POLLOUT };
	int r = 0;

	if (lwip_poll(&p, 1, 0) < 0)
		return UK_VFS_POLLERR;
	if (p.revents & POLLIN)
		r |= UK_VFS_POLLIN;
	if (p.revents & POLLOUT)
		r |= UK_VFS_POLLOUT;
	if (p.revents & POLLERR)
		r |= UK_VFS_POLLERR;
	if (p.revents & POLLHUP)
		r |= UK_VFS_POLLHUP;
	return r;
}

static int sock_setflags(struct uk_file *f, int flags)
{
	int on = !!(flags & O_NONBLOCK);

	return lwip_ioctl((int)(intptr_t)f->priv, FIONBIO, &on) < 0 ? -errno :
								       0;
}

static void sock_close(struct uk_file *f)
{
	lwip_close((int)(intptr_t)f->priv);
}

static const struct uk_file_ops sock_ops = {
	.read = sock_read,
	.write = sock_write,
	.fstat = sock_fstat,
	.poll = sock_poll,
	.setflags = sock_setflags,
	.close = sock_close,
};

/* An fd for lwIP's socket s (closed on failure), or -1 and errno. */
static int sock_install(int s, int flags)
{
	struct uk_file *f;
	int fd;

	if (s < 0)
		return -1;
	f = uk_vfs_file_alloc(&sock_ops, O_RDWR | (flags & O_NONBLOCK),
			      (void *)(intptr_t)s);
	if (!f) {
		lwip_close(s);
		errno = ENOMEM;
		return -1;
	}
	if (flags & O_NONBLOCK)
		sock_setflags(f, flags);
	fd = uk_vfs_fd_install(f, 0, flags & O_CLOEXEC);
	if (fd < 0) {
		errno = -fd;
		return -1;
	}
	return fd;
}

/* lwIP's socket behind fd, or -1 and errno (EBADF, ENOTSOCK). */
static int sock_of(int fd)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f) {
		errno = EBADF;
		return -1;
	}
	if (f->ops != &sock_ops) {
		errno = ENOTSOCK;
		return -1;
	}
	return (int)(intptr_t)f->priv;
}

#define SOCK(fd)                       \
	({                             \
		int __s = sock_of(fd); \
		if (__s < 0)           \
			return -1;     \
		__s;                   \
	})

int socket(int domain, int type, int protocol)
{
	int flags = 0;

	/* Linux's SOCK_NONBLOCK and SOCK_CLOEXEC bits */
	if (type & 04000)
		flags |= O_NONBLOCK;
	if (type & 02000000)
		flags |= O_CLOEXEC;
	type &= ~(04000 | 02000000);
	return sock_install(lwip_socket(domain, type, protocol), flags);
}

int accept(int s, struct sockaddr *addr, socklen_t *addrlen)
{
	SOCK_WAIT(SOCK(s), POLLIN);
	return sock_install(lwip_accept(SOCK(s), addr, addrlen), 0);
}

int accept4(int s, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	int f = 0;

	if (flags & ~(04000 | 02000000)) {
		errno = EINVAL;
		return -1;
	}
	if (flags & 04000)
		f |= O_NONBLOCK;
	if (flags & 02000000)
		f |= O_CLOEXEC;
	SOCK_WAIT(SOCK(s), POLLIN);
	return sock_install(lwip_accept(SOCK(s), addr, addrlen), f);
}

static short to_poll(int r)
{
	return (short)(((r & UK_VFS_POLLIN) ? POLLIN : 0) |
		       ((r & UK_VFS_POLLOUT) ? POLLOUT : 0) |
		       ((r & UK_VFS_POLLERR) ? POLLERR : 0) |
		       ((r & UK_VFS_POLLHUP) ? POLLHUP : 0));
}

/*
 * Sockets only: lwIP waits for them. With other files in the set, their
 * readiness and lwIP's (without waiting) are checked every millisecond.
 */
int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	struct pollfd *lp;
	nfds_t i, k;
	int *map, others, n, rc;
	__nsec deadline = timeout > 0 ? ukplat_monotonic_clock() +
				(__nsec)timeout * 1000000ULL : 0;

	if (!fds && nfds) {
		errno = EFAULT;
		return -1;
	}
	lp = calloc(nfds ? nfds : 1, sizeof(*lp));
	map = calloc(nfds ? nfds : 1, sizeof(*map));
	if (!lp || !map) {
		free(lp);
		free(map);
		errno = ENOMEM;
		return -1;
	}
	for (;;) {
		n = 0;
		others = 0;
		k = 0;
		for (i = 0; i < nfds; i++) {
			struct uk_file *f;

			fds[i].revents = 0;
			if (fds[i].fd < 0)
				continue;
			f = uk_vfs_fd_file(fds[i].fd);
			if (!f) {
				fds[i].revents = POLLNVAL;
				n++;
			} else if (f->ops == &sock_ops) {
				lp[k].fd = (int)(intptr_t)f->priv;
				lp[k].events = fds[i].events;
				lp[k].revents = 0;
				map[k++] = (int)i;
			} else {
				others = 1;
				fds[i].revents = to_poll(uk_vfs_fd_poll(
					fds[i].fd)) &
					(fds[i].events | POLLERR | POLLHUP);
				if (fds[i].revents)
					n++;
			}
		}
		rc = 0;
		if (k) {
			rc = lwip_poll(lp, k, (n || others) ? 0 : timeout);
			if (rc < 0) {
				n = -1;
				break;
			}
			for (i = 0; i < k; i++) {
				fds[map[i]].revents = lp[i].revents;
				if (lp[i].revents)
					n++;
			}
		}
		if (n || timeout == 0 || !others)
			break;
		if (deadline && ukplat_monotonic_clock() >= deadline)
			break;
#if CONFIG_LIBUKSCHED
		uk_sched_sleep_ns(1000000);
#endif
	}
	free(lp);
	free(map);
	return n;
}

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout)
{
	struct pollfd *p;
	int i, k = 0, rc, n = 0, ms = -1;

	if (nfds < 0 || nfds > FD_SETSIZE) {
		errno = EINVAL;
		return -1;
	}
	if (timeout)
		ms = (int)(timeout->tv_sec * 1000 + timeout->tv_usec / 1000);
	p = calloc(nfds ? (size_t)nfds : 1, sizeof(*p));
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
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
		p[k].fd = i;
		p[k++].events = ev;
	}
	rc = poll(p, (nfds_t)k, ms);
	if (rc < 0) {
		free(p);
		return -1;
	}
	for (i = 0; i < k; i++) {
		if (p[i].revents & POLLNVAL) {
			free(p);
			errno = EBADF;
			return -1;
		}
	}
	if (readfds)
		FD_ZERO(readfds);
	if (writefds)
		FD_ZERO(writefds);
	if (exceptfds)
		FD_ZERO(exceptfds);
	for (i = 0; i < k; i++) {
		short r = p[i].revents;

		if (readfds && (p[i].events & POLLIN) &&
		    (r & (POLLIN | POLLHUP | POLLERR))) {
			FD_SET(p[i].fd, readfds);
			n++;
		}
		if (writefds && (p[i].events & POLLOUT) &&
		    (r & (POLLOUT | POLLERR))) {
			FD_SET(p[i].fd, writefds);
			n++;
		}
		if (exceptfds && (p[i].events & POLLPRI) && (r & POLLPRI)) {
			FD_SET(p[i].fd, exceptfds);
			n++;
		}
	}
	free(p);
	return n;
}
#else
#define SOCK(fd) (fd)

int socket(int domain, int type, int protocol)
{
	return lwip_socket(domain, type, protocol);
}

int accept(int s, struct sockaddr *addr, socklen_t *addrlen)
{
	SOCK_WAIT(s, POLLIN);
	return lwip_accept(s, addr, addrlen);
}

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout)
{
	return lwip_select(nfds, readfds, writefds, exceptfds, timeout);
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return lwip_poll(fds, nfds, timeout);
}
#endif /* CONFIG_LIBVFS */

int bind(int s, const struct sockaddr *name, socklen_t namelen)
{
	return lwip_bind(SOCK(s), name, namelen);
}

int listen(int s, int backlog)
{
	return lwip_listen(SOCK(s), backlog);
}

int connect(int s, const struct sockaddr *name, socklen_t namelen)
{
	return lwip_connect(SOCK(s), name, namelen);
}

int shutdown(int s, int how)
{
	return lwip_shutdown(SOCK(s), how);
}

ssize_t recv(int s, void *mem, size_t len, int flags)
{
	if (!(flags & MSG_DONTWAIT))
		SOCK_WAIT(SOCK(s), POLLIN);
	return lwip_recv(SOCK(s), mem, len, flags);
}

ssize_t recvfrom(int s, void *mem, size_t len, int flags, struct sockaddr *from,
		 socklen_t *fromlen)
{
	if (!(flags & MSG_DONTWAIT))
		SOCK_WAIT(SOCK(s), POLLIN);
	return lwip_recvfrom(SOCK(s), mem, len, flags, from, fromlen);
}

ssize_t recvmsg(int s, struct msghdr *message, int flags)
{
	if (!(flags & MSG_DONTWAIT))
		SOCK_WAIT(SOCK(s), POLLIN);
	return lwip_recvmsg(SOCK(s), message, flags);
}

ssize_t send(int s, const void *data, size_t size, int flags)
{
	if (!(flags & MSG_DONTWAIT))
		SOCK_WAIT(SOCK(s), POLLOUT);
	return lwip_send(SOCK(s), data, size, flags);
}

ssize_t sendto(int s, const void *data, size_t size, int flags,
	       const struct sockaddr *to, socklen_t tolen)
{
	if (!(flags & MSG_DONTWAIT))
		SOCK_WAIT(SOCK(s), POLLOUT);
	return lwip_sendto(SOCK(s), data, size, flags, to, tolen);
}

ssize_t sendmsg(int s, const struct msghdr *message, int flags)
{
	if (!(flags & MSG_DONTWAIT))
		SOCK_WAIT(SOCK(s), POLLOUT);
	return lwip_sendmsg(SOCK(s), message, flags);
}

int getsockname(int s, struct sockaddr *name, socklen_t *namelen)
{
	return lwip_getsockname(SOCK(s), name, namelen);
}

int getpeername(int s, struct sockaddr *name, socklen_t *namelen)
{
	return lwip_getpeername(SOCK(s), name, namelen);
}

int getsockopt(int s, int level, int optname, void *optval, socklen_t *optlen)
{
	return lwip_getsockopt(SOCK(s), level, optname, optval, optlen);
}

int setsockopt(int s, int level, int optname, const void *optval,
	       socklen_t optlen)
{
	return lwip_setsockopt(SOCK(s), level, optname, optval, optlen);
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	return lwip_inet_ntop(af, src, dst, size);
}

int inet_pton(int af, const char *src, void *dst)
{
	return lwip_inet_pton(af, src, dst);
}
