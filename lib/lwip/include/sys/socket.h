/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BSD sockets (lib/lwip): the types and constants are lwIP's, the
 * functions are real ones under their POSIX names (sockets.c).
 */
#ifndef __LWIP_UK_SYS_SOCKET_H__
#define __LWIP_UK_SYS_SOCKET_H__

#include <sys/types.h>
#include <lwip/sockets.h>

#ifdef __cplusplus
extern "C" {
#endif

int socket(int domain, int type, int protocol);
int bind(int s, const struct sockaddr *name, socklen_t namelen);
int listen(int s, int backlog);
int accept(int s, struct sockaddr *addr, socklen_t *addrlen);
/* flags: SOCK_NONBLOCK, SOCK_CLOEXEC (Linux's values). */
int accept4(int s, struct sockaddr *addr, socklen_t *addrlen, int flags);
int connect(int s, const struct sockaddr *name, socklen_t namelen);
int shutdown(int s, int how);
ssize_t recv(int s, void *mem, size_t len, int flags);
ssize_t recvfrom(int s, void *mem, size_t len, int flags, struct sockaddr *from,
		 socklen_t *fromlen);
ssize_t recvmsg(int s, struct msghdr *message, int flags);
ssize_t send(int s, const void *data, size_t size, int flags);
ssize_t sendto(int s, const void *data, size_t size, int flags,
	       const struct sockaddr *to, socklen_t tolen);
ssize_t sendmsg(int s, const struct msghdr *message, int flags);
int getsockname(int s, struct sockaddr *name, socklen_t *namelen);
int getpeername(int s, struct sockaddr *name, socklen_t *namelen);
int getsockopt(int s, int level, int optname, void *optval, socklen_t *optlen);
int setsockopt(int s, int level, int optname, const void *optval,
	       socklen_t optlen);
#if !CONFIG_LIBNEWLIB
/* newlib declares it in <sys/select.h>; nolibc has no such header. */
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout);
#endif

#ifdef __cplusplus
}
#endif

#endif /* __LWIP_UK_SYS_SOCKET_H__ */
