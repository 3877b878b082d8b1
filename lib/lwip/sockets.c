/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The BSD socket API under its POSIX names, on lwIP's lwip_* functions.
 * Real functions, not lwIP's compatibility macros: a macro named close or
 * read would break every libc header that declares them. Socket
 * descriptors are lwIP's (LWIP_SOCKET_OFFSET up), so select() and poll()
 * pass them through unchanged; close(), read() and write() reach them
 * through the libc's descriptor table (fd.c).
 */
#include <errno.h>
#include <string.h>
#include <lwip/opt.h>
#include <lwip/sockets.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <poll.h>

int socket(int domain, int type, int protocol)
{
	return lwip_socket(domain, type, protocol);
}

int bind(int s, const struct sockaddr *name, socklen_t namelen)
{
	return lwip_bind(s, name, namelen);
}

int listen(int s, int backlog)
{
	return lwip_listen(s, backlog);
}

int accept(int s, struct sockaddr *addr, socklen_t *addrlen)
{
	return lwip_accept(s, addr, addrlen);
}

int connect(int s, const struct sockaddr *name, socklen_t namelen)
{
	return lwip_connect(s, name, namelen);
}

int shutdown(int s, int how)
{
	return lwip_shutdown(s, how);
}

ssize_t recv(int s, void *mem, size_t len, int flags)
{
	return lwip_recv(s, mem, len, flags);
}

ssize_t recvfrom(int s, void *mem, size_t len, int flags, struct sockaddr *from,
		 socklen_t *fromlen)
{
	return lwip_recvfrom(s, mem, len, flags, from, fromlen);
}

ssize_t recvmsg(int s, struct msghdr *message, int flags)
{
	return lwip_recvmsg(s, message, flags);
}

ssize_t send(int s, const void *data, size_t size, int flags)
{
	return lwip_send(s, data, size, flags);
}

ssize_t sendto(int s, const void *data, size_t size, int flags,
	       const struct sockaddr *to, socklen_t tolen)
{
	return lwip_sendto(s, data, size, flags, to, tolen);
}

ssize_t sendmsg(int s, const struct msghdr *message, int flags)
{
	return lwip_sendmsg(s, message, flags);
}

int getsockname(int s, struct sockaddr *name, socklen_t *namelen)
{
	return lwip_getsockname(s, name, namelen);
}

int getpeername(int s, struct sockaddr *name, socklen_t *namelen)
{
	return lwip_getpeername(s, name, namelen);
}

int getsockopt(int s, int level, int optname, void *optval, socklen_t *optlen)
{
	return lwip_getsockopt(s, level, optname, optval, optlen);
}

int setsockopt(int s, int level, int optname, const void *optval,
	       socklen_t optlen)
{
	return lwip_setsockopt(s, level, optname, optval, optlen);
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

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
	return lwip_inet_ntop(af, src, dst, size);
}

int inet_pton(int af, const char *src, void *dst)
{
	return lwip_inet_pton(af, src, dst);
}
