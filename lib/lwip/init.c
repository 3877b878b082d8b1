/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Boot-time bring-up of lwIP (core thread, default interface, address)
 * and the netdev.* arguments applications may pass on (uk/lwip.h).
 */
#include <errno.h>
#include <string.h>
#include <lwip/opt.h>
#include <lwip/dhcp.h>
#include <lwip/init.h>
#include <lwip/ip4_addr.h>
#include <lwip/netif.h>
#include <lwip/tcpip.h>
#include <uk/init.h>
#include <uk/lwip.h>
#include <uk/netdev.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/sched.h>
#include "netif.h"

static struct netif uk_netif;
static int have_netif;

struct netif *uk_lwip_netif(void)
{
	return have_netif ? &uk_netif : NULL;
}

void uk_lwip_print_addr(void)
{
	char ip[16], gw[16];

	if (!have_netif)
		return;
	LOCK_TCPIP_CORE();
	ip4addr_ntoa_r(netif_ip4_addr(&uk_netif), ip, sizeof(ip));
	ip4addr_ntoa_r(netif_ip4_gw(&uk_netif), gw, sizeof(gw));
	uk_pr_info("lwip: %c%c%u %s/%d gw %s%s\n", uk_netif.name[0],
		   uk_netif.name[1], uk_netif.num, ip,
		   __builtin_popcount(
			   ip4_addr_get_u32(netif_ip4_netmask(&uk_netif))),
		   gw,
#if LWIP_DHCP
		   dhcp_supplied_address(&uk_netif) ? " (dhcp)" : ""
#else
		   ""
#endif
	);
	UNLOCK_TCPIP_CORE();
}

#if LWIP_DHCP
/* Start DHCP and wait up to `seconds` for a lease; 0 when bound. */
static int dhcp_wait(int seconds)
{
	__nsec end = ukplat_monotonic_clock() +
		     (__nsec)seconds * UKPLAT_NSEC_PER_SEC;
	int bound = 0;

	LOCK_TCPIP_CORE();
	dhcp_start(&uk_netif);
	UNLOCK_TCPIP_CORE();
	while (!bound && ukplat_monotonic_clock() < end) {
		uk_sched_sleep_ns(20 * 1000 * 1000LL);
		LOCK_TCPIP_CORE();
		bound = dhcp_supplied_address(&uk_netif);
		UNLOCK_TCPIP_CORE();
	}
	if (!bound)
		uk_pr_warn("lwip: no DHCP lease in %d s\n", seconds);
	return bound ? 0 : -ETIMEDOUT;
}

static void dhcp_off(void)
{
	LOCK_TCPIP_CORE();
	dhcp_release_and_stop(&uk_netif);
	UNLOCK_TCPIP_CORE();
}
#endif

static void tcpip_ready(void *arg)
{
	sys_sem_signal((sys_sem_t *)arg);
}

static int uk_lwip_boot(void)
{
	ip4_addr_t ip, mask, gw;
	struct uk_netdev *dev;
	sys_sem_t ready;
	int rc;

	sys_sem_new(&ready, 0);
	tcpip_init(tcpip_ready, &ready);
	sys_arch_sem_wait(&ready, 0);
	sys_sem_free(&ready);

	dev = uk_netdev_get(0);
	if (!dev) {
		uk_pr_warn("lwip: no network device\n");
		return 0;
	}
	if (!ip4addr_aton(CONFIG_LIBLWIP_IPADDR, &ip) ||
	    !ip4addr_aton(CONFIG_LIBLWIP_NETMASK, &mask)) {
		uk_pr_err(
			"lwip: bad address or netmask in the configuration\n");
		return -EINVAL;
	}
	if (!ip4addr_aton(CONFIG_LIBLWIP_GATEWAY, &gw))
		ip4_addr_set_zero(&gw);
	LOCK_TCPIP_CORE();
	rc = uk_lwip_netif_add(&uk_netif, dev, &ip, &mask, &gw);
	UNLOCK_TCPIP_CORE();
	if (rc) {
		uk_pr_err("lwip: network device %u not usable\n", dev->id);
		return 0; /* the application may still run without it */
	}
	have_netif = 1;
#if LWIP_DHCP
	dhcp_wait(CONFIG_LIBLWIP_DHCP_WAIT);
#endif
	uk_lwip_print_addr();
	return 0;
}
/* After the drivers (plat and lib classes) registered their devices. */
uk_sys_initcall(uk_lwip_boot);

static int prefix_to_mask(const char *s, ip4_addr_t *mask)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (end == s || *end || n < 0 || n > 32)
		return -EINVAL;
	ip4_addr_set_u32(mask, lwip_htonl(n ? 0xffffffffu << (32 - n) : 0));
	return 0;
}

int uk_lwip_args(int argc, char *argv[])
{
	ip4_addr_t ip, mask, gw;
	int set_ip = 0, set_gw = 0, dhcp = -1;
	int i, n = argc > 0 ? 1 : 0;
	char buf[32], *slash;

	for (i = n; i < argc; i++) {
		const char *a = argv[i];

		if (!strncmp(a, "netdev.ip=", 10)) {
			if (strlen(a + 10) >= sizeof(buf))
				return -EINVAL;
			strcpy(buf, a + 10);
			slash = strchr(buf, '/');
			if (slash) {
				*slash = 0;
				if (prefix_to_mask(slash + 1, &mask))
					return -EINVAL;
			} else {
				IP4_ADDR(&mask, 255, 255, 255, 0);
			}
			if (!ip4addr_aton(buf, &ip))
				return -EINVAL;
			set_ip = 1;
		} else if (!strncmp(a, "netdev.gw=", 10)) {
			if (!ip4addr_aton(a + 10, &gw))
				return -EINVAL;
			set_gw = 1;
		} else if (!strcmp(a, "netdev.dhcp=1")) {
			dhcp = 1;
		} else if (!strcmp(a, "netdev.dhcp=0")) {
			dhcp = 0;
		} else {
			argv[n++] = argv[i];
		}
	}
	if (n < argc)
		argv[n] = NULL;
	if (!have_netif)
		return n;
#if LWIP_DHCP
	if (dhcp == 0 && !set_ip) {
		/* Back to the configured address. */
		ip4addr_aton(CONFIG_LIBLWIP_IPADDR, &ip);
		ip4addr_aton(CONFIG_LIBLWIP_NETMASK, &mask);
		set_ip = 1;
	}
#endif
	if (set_ip || set_gw) {
#if LWIP_DHCP
		dhcp_off();
#endif
		LOCK_TCPIP_CORE();
		if (!set_ip) {
			ip4_addr_copy(ip, *netif_ip4_addr(&uk_netif));
			ip4_addr_copy(mask, *netif_ip4_netmask(&uk_netif));
		}
		if (!set_gw)
			ip4_addr_copy(gw, *netif_ip4_gw(&uk_netif));
		netif_set_addr(&uk_netif, &ip, &mask, &gw);
		UNLOCK_TCPIP_CORE();
	}
	if (dhcp == 1) {
#if LWIP_DHCP
		dhcp_wait(CONFIG_LIBLWIP_DHCP_WAIT);
#else
		uk_pr_warn("lwip: netdev.dhcp=1 ignored: built without DHCP\n");
#endif
	}
	if (set_ip || set_gw || dhcp >= 0)
		uk_lwip_print_addr();
	return n;
}
