/* SPDX-License-Identifier: BSD-3-Clause */
/* TCP options (lib/lwip): TCP_NODELAY, TCP_KEEP* come with the sockets. */
#ifndef __LWIP_UK_NETINET_TCP_H__
#define __LWIP_UK_NETINET_TCP_H__

#include <sys/socket.h>

#endif /* __LWIP_UK_NETINET_TCP_H__ */
