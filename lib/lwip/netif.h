/* SPDX-License-Identifier: BSD-3-Clause */
/* Between netif.c and init.c. */
#ifndef __LWIP_UK_NETIF_H__
#define __LWIP_UK_NETIF_H__

#include <lwip/ip4_addr.h>
#include <lwip/netif.h>
#include <uk/netdev.h>

/* Add dev as netif, the default interface; with the core lock held. */
int uk_lwip_netif_add(struct netif *netif, struct uk_netdev *dev,
		      const ip4_addr_t *ip, const ip4_addr_t *mask,
		      const ip4_addr_t *gw);

#endif /* __LWIP_UK_NETIF_H__ */
