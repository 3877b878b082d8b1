/* SPDX-License-Identifier: BSD-3-Clause */
/* Internet addresses (lib/lwip): sockaddr_in, in_addr, IPPROTO_*, htons. */
#ifndef __LWIP_UK_NETINET_IN_H__
#define __LWIP_UK_NETINET_IN_H__

#include <sys/socket.h>
#include <lwip/inet.h>

#endif /* __LWIP_UK_NETINET_IN_H__ */
