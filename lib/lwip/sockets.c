/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The BSD socket API under its POSIX names, on lwIP's lwip_* functions.
 * Real functions, not lwIP's compatibility macros: a macro named close or
 * read would break every libc header that declares them.
 *
 * With lib/vfs (newlib), a socket is an entry of the one fd table: its
 * file operations call lwip_read, lwip_write, lwip_close, and the calls
 * here map the fd to lwIP's socket number. poll(), select() and epoll
 * are lib/vfs's: a socket gives them its poll op, and lwIP's event
 * callback (RCVPLUS, SENDPLUS, ERROR...) tells them when it changes.
 * Without lib/vfs, the descriptors are lwIP's own numbers and poll()
 * and select() are lwIP's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#if CONFIG_LIBNEWLIB
/* newlib's O_* before lwIP's fallbacks for them */
#include <fcntl.h>
#endif
#include <lwip/opt.h>
#include <lwip/api.h>
#include <lwip/sockets.h>
#include <lwip/priv/sockets_priv.h>
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
	struct lwip_sock *ls;
	struct timeval tv = { 0, 0 };
	socklen_t len = sizeof(tv);
	int ms, intr;
	__nsec sig, now;

	/*
	 * Asked of the netconn itself: lwip_fcntl(F_GETFL) answers in
	 * lwIP's O_NONBLOCK (1), not the libc's that this file sees.
	 */
	ls = lwip_socket_dbg_get_socket(s);
	if (!ls || !ls->conn || netconn_is_nonblocking(ls->conn))
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

/* The file of each lwIP socket (by number - LWIP_SOCKET_OFFSET). */
static struct uk_file *sock_files[MEMP_NUM_NETCONN];
/* What lwIP's readiness counts do not say: the receiving side ended
 * (FIN, SHUT_RD, a reset), the connection failed or was reset. */
#define SOCK_RDHUP 0x1
#define SOCK_HUP 0x2
static unsigned char sock_ends[MEMP_NUM_NETCONN];
/* lwIP's own event callback (static in its sockets.c), which we wrap. */
static netconn_callback lwip_event_cb;

/*
 * Every socket's netconn calls this instead of lwIP's callback (an
 * accepted netconn inherits it from its listener): lwIP counts the event
 * for its own readers, then the socket's file tells its pollers.
 */
static void sock_event(struct netconn *conn, enum netconn_evt evt, u16_t len)
{
	int i, tcp;

	lwip_event_cb(conn, evt, len);
	if (!conn || conn->socket < LWIP_SOCKET_OFFSET)
		return;
	i = conn->socket - LWIP_SOCKET_OFFSET;
	if (i >= (int)ARRAY_SIZE(sock_files) || !sock_files[i])
		return;
	/* On a TCP connection (not a listener, whose RCVPLUS without
	 * data is a new connection), RCVPLUS without data is the end of
	 * what it receives, and ERROR a failure or a reset. */
	tcp = NETCONNTYPE_GROUP(conn->type) == NETCONN_TCP &&
	      conn->state != NETCONN_LISTEN;
	switch (evt) {
	case NETCONN_EVT_RCVPLUS:
		if (tcp && !len)
			sock_ends[i] |= SOCK_RDHUP;
		uk_vfs_file_notify(sock_files[i],
				   UK_VFS_POLLIN | ((tcp && !len) ?
						    UK_VFS_POLLRDHUP : 0));
		break;
	case NETCONN_EVT_SENDPLUS:
		uk_vfs_file_notify(sock_files[i], UK_VFS_POLLOUT);
		break;
	case NETCONN_EVT_ERROR:
		if (tcp)
			sock_ends[i] |= SOCK_HUP;
		uk_vfs_file_notify(sock_files[i],
				   UK_VFS_POLLERR | UK_VFS_POLLHUP);
		break;
	default:
		break; /* readiness only went away */
	}
}

/* Hooks lwIP's socket s to its file f. */
static void sock_hook(int s, struct uk_file *f)
{
	struct lwip_sock *ls = lwip_socket_dbg_get_socket(s);
	int i = s - LWIP_SOCKET_OFFSET;

	if (i < 0 || i >= (int)ARRAY_SIZE(sock_files) || !ls || !ls->conn)
		return;
	sock_files[i] = f;
	sock_ends[i] = 0;
	if (ls->conn->callback != sock_event) {
		if (!lwip_event_cb)
			lwip_event_cb = ls->conn->callback;
		ls->conn->callback = sock_event;
	}
}

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
	int s = (int)(intptr_t)f->priv, i = s - LWIP_SOCKET_OFFSET;
	struct pollfd p = { .fd = s, .events = POLLIN | POLLOUT };
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
	if (i >= 0 && i < (int)ARRAY_SIZE(sock_ends) && sock_files[i] == f) {
		if (sock_ends[i] & SOCK_RDHUP)
			r |= UK_VFS_POLLRDHUP;
		if (sock_ends[i] & SOCK_HUP)
			r |= UK_VFS_POLLHUP;
	}
	return r;
}

static int sock_setflags(struct uk_file *f, int flags)
{
	int on = !!(flags & O_NONBLOCK);

	return lwip_ioctl((int)(intptr_t)f->priv, FIONBIO, &on) < 0 ? -errno :
								       0;
}

static int sock_shutdown(struct uk_file *f, int how)
{
	return lwip_shutdown((int)(intptr_t)f->priv, how) < 0 ? -errno : 0;
}

static void sock_close(struct uk_file *f)
{
	int s = (int)(intptr_t)f->priv, i = s - LWIP_SOCKET_OFFSET;

	if (i >= 0 && i < (int)ARRAY_SIZE(sock_files) && sock_files[i] == f) {
		sock_files[i] = NULL;
		sock_ends[i] = 0;
	}
	lwip_close(s);
}

static const struct uk_file_ops sock_ops = {
	.read = sock_read,
	.write = sock_write,
	.fstat = sock_fstat,
	.poll = sock_poll,
	.setflags = sock_setflags,
	.shutdown = sock_shutdown,
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
	sock_hook(s, f);
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

/*
 * recv and send on a socket of lib/vfs's own (a socket pair: a file with
 * a shutdown op that is not lwIP's): read and write, with MSG_DONTWAIT
 * for this call only and MSG_NOSIGNAL (no signal is ever sent). Returns
 * 0 when fd is no such socket (the caller goes on to lwIP).
 */
static int vfs_sock_io(int fd, void *buf, size_t len, int flags, int wr,
		       ssize_t *res)
{
	struct uk_file *f = uk_vfs_fd_file(fd);
	int saved;
	ssize_t r;

	if (!f || f->ops == &sock_ops || !f->ops->shutdown)
		return 0;
	if (flags & ~(MSG_DONTWAIT | MSG_NOSIGNAL)) {
		errno = EOPNOTSUPP;
		*res = -1;
		return 1;
	}
	saved = f->flags;
	if (flags & MSG_DONTWAIT)
		f->flags |= O_NONBLOCK;
	r = wr ? uk_sys_write(fd, buf, len) : uk_sys_read(fd, buf, len);
	f->flags = saved;
	if (r < 0) {
		errno = (int)-r;
		r = -1;
	}
	*res = r;
	return 1;
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

int shutdown(int s, int how)
{
	return lwip_shutdown(s, how);
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

ssize_t recv(int s, void *mem, size_t len, int flags)
{
#if CONFIG_LIBVFS
	ssize_t r;

	if (vfs_sock_io(s, mem, len, flags, 0, &r))
		return r;
#endif
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
#if CONFIG_LIBVFS
	ssize_t r;

	if (vfs_sock_io(s, (void *)data, size, flags, 1, &r))
		return r;
#endif
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
