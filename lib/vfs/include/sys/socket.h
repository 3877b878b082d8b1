/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sockets (lib/vfs): lwIP's <sys/socket.h> when lwIP is in the image;
 * without it, what socketpair() and shutdown() need. AF_UNIX is Linux's
 * value (lwIP has no local sockets).
 */
#ifndef __UK_VFS_SYS_SOCKET_H__
#define __UK_VFS_SYS_SOCKET_H__

#if CONFIG_LIBLWIP
/* newlib's O_* first: lwIP's header defines its own unless they exist. */
#include <fcntl.h>
#include_next <sys/socket.h>
#else
#include <sys/types.h>
#define AF_UNSPEC 0
#define PF_UNSPEC AF_UNSPEC
#define AF_INET 2
#define PF_INET AF_INET
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2
#endif

#ifndef AF_UNIX
#define AF_UNIX 1
#endif
#ifndef AF_LOCAL
#define AF_LOCAL AF_UNIX
#endif
#ifndef PF_UNIX
#define PF_UNIX AF_UNIX
#endif
#ifndef PF_LOCAL
#define PF_LOCAL AF_UNIX
#endif
#ifndef SOCK_NONBLOCK
#define SOCK_NONBLOCK 04000
#endif
#ifndef SOCK_CLOEXEC
#define SOCK_CLOEXEC 02000000
#endif

#ifdef __cplusplus
extern "C" {
#endif

int socketpair(int domain, int type, int protocol, int sv[2]);
int shutdown(int s, int how);

#ifdef __cplusplus
}
#endif

#endif /* __UK_VFS_SYS_SOCKET_H__ */
