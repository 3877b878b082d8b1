/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP on Unicore: what applications may call besides the socket API.
 *
 * At boot (an init function, before main) lwIP's core thread starts and
 * the first uknetdev device becomes the default interface, with the
 * address from Kconfig (LIBLWIP_IPADDR, _NETMASK, _GATEWAY) or DHCP
 * (LIBLWIP_DHCP).
 */
#ifndef __UK_LWIP_H__
#define __UK_LWIP_H__

struct netif;

/*
 * Apply and remove the network arguments from argv (argv[0] is kept):
 *   netdev.ip=A.B.C.D/N   static address and prefix length (DHCP off)
 *   netdev.gw=A.B.C.D     gateway
 *   netdev.dhcp=1|0       ask DHCP (waits for a lease like at boot),
 *                         or stop it and use the configured address
 * Returns the new argc, or a negative errno for a malformed value (the
 * interface then keeps its address). argv[argc] stays NULL.
 */
int uk_lwip_args(int argc, char *argv[]);

/* The default interface, NULL without a network device. */
struct netif *uk_lwip_netif(void);

/* Print the interface's address, e.g. "lwip: en0 10.0.2.15/24 gw ...". */
void uk_lwip_print_addr(void);

#endif /* __UK_LWIP_H__ */
