/* SPDX-License-Identifier: BSD-3-Clause */
/* poll() on sockets (lib/lwip); struct pollfd and POLL* are lwIP's. */
#ifndef __LWIP_UK_POLL_H__
#define __LWIP_UK_POLL_H__

#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

int poll(struct pollfd *fds, nfds_t nfds, int timeout);

#ifdef __cplusplus
}
#endif

#endif /* __LWIP_UK_POLL_H__ */
