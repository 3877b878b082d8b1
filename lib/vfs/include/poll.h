/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * poll() (lib/vfs) over every kind of fd: newlib's generic targets have
 * no <poll.h>. The values are lwIP's (<lwip/sockets.h> defines the same
 * ones unless POLLIN exists), so either header may come first.
 */
#ifndef __UK_VFS_POLL_H__
#define __UK_VFS_POLL_H__

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(POLLIN) && !defined(POLLOUT)
#define POLLIN 0x1
#define POLLOUT 0x2
#define POLLERR 0x4
#define POLLNVAL 0x8
#define POLLRDNORM 0x10
#define POLLRDBAND 0x20
#define POLLPRI 0x40
#define POLLWRNORM 0x80
#define POLLWRBAND 0x100
#define POLLHUP 0x200
typedef unsigned int nfds_t;
struct pollfd {
	int fd;
	short events;
	short revents;
};
#endif
#ifndef POLLRDHUP
#define POLLRDHUP 0x2000
#endif

int poll(struct pollfd *fds, nfds_t nfds, int timeout);

#ifdef __cplusplus
}
#endif

#endif /* __UK_VFS_POLL_H__ */
