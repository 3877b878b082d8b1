/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * netdevtest: brings up the first uknetdev device, prints its MAC, MTU
 * and link, asks for the MAC of the gateway (ARP) and pings it (ICMP
 * echo). Made for QEMU's user networking (we are 10.0.2.15, the gateway
 * 10.0.2.2 answers both) or a host tap with the same addresses.
 *
 * Arguments: mode=poll (default: busy polling of the receive queue) or
 * mode=irq (sleep until the queue's interrupt), timeout=SECONDS (10),
 * pings=N (then N more pings one after the other, and their mean round
 * trip time: bench/netdev.sh).
 * Exit status: 0 when the echo reply came, 1 on time-out, 2 without a
 * device, 3 when the device cannot be set up.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/netdev.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>

#define ETH_HLEN 14
#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806
#define ARP_REQUEST 1
#define ARP_REPLY 2
#define IP_PROTO_ICMP 1
#define ICMP_ECHO_REPLY 0
#define ICMP_ECHO 8
#define PING_ID 0x5543
#define PING_PAYLOAD 32
#define NSEC_PER_SEC 1000000000ULL

static const uint8_t my_ip[4] = { 10, 0, 2, 15 };
static const uint8_t gw_ip[4] = { 10, 0, 2, 2 };

static struct uk_netdev *dev;
static struct uk_alloc *heap;
static uint8_t my_mac[6], gw_mac[6];
static int irq_mode;
static volatile unsigned int rx_events;
static volatile int rx_pending;

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* The Internet checksum (RFC 1071) of n bytes. */
static uint16_t csum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += get16(p + i);
	if (n & 1)
		s += p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static uint16_t alloc_rx(void *argp, struct uk_netbuf *pkts[], uint16_t n)
{
	struct uk_netdev_info info;
	uint16_t i;

	uk_netdev_info_get(dev, &info);
	for (i = 0; i < n; i++) {
		pkts[i] = uk_netbuf_alloc(argp, info.rx_buflen, 0, 0);
		if (!pkts[i])
			break;
	}
	return i;
}

static void rx_event(struct uk_netdev *d __unused, uint16_t q __unused,
		     void *cookie __unused)
{
	rx_events++;
	rx_pending = 1;
}

static int send_frame(const uint8_t *frame, size_t len)
{
	struct uk_netbuf *nb = uk_netbuf_alloc(heap, 1514, 0, 0);
	int rc;

	if (!nb)
		return -1;
	if (len < 60) { /* Ethernet minimum without FCS */
		memset(nb->data, 0, 60);
		nb->len = 60;
	} else {
		nb->len = len;
	}
	memcpy(nb->data, frame, len);
	rc = uk_netdev_tx_one(dev, 0, nb);
	if (rc < 0 || !(rc & UK_NETDEV_STATUS_SUCCESS)) {
		uk_netbuf_free(nb);
		printf("tx failed: %d\n", rc);
		return -1;
	}
	return 0;
}

static void eth_header(uint8_t *f, const uint8_t *dst, uint16_t type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, my_mac, 6);
	put16(f + 12, type);
}

static void send_arp_request(void)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t f[ETH_HLEN + 28], *a = f + ETH_HLEN;

	eth_header(f, bcast, ETH_P_ARP);
	put16(a, 1); /* Ethernet */
	put16(a + 2, ETH_P_IP);
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, ARP_REQUEST);
	memcpy(a + 8, my_mac, 6);
	memcpy(a + 14, my_ip, 4);
	memset(a + 18, 0, 6);
	memcpy(a + 24, gw_ip, 4);
	send_frame(f, sizeof(f));
}

static void payload_fill(uint8_t *p)
{
	for (int i = 0; i < PING_PAYLOAD; i++)
		p[i] = (uint8_t)('a' + i % 26);
}

static void send_ping(uint16_t seq)
{
	uint8_t f[ETH_HLEN + 20 + 8 + PING_PAYLOAD];
	uint8_t *ip = f + ETH_HLEN, *icmp = ip + 20;

	eth_header(f, gw_mac, ETH_P_IP);
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, 20 + 8 + PING_PAYLOAD);
	put16(ip + 4, seq);
	ip[8] = 64;
	ip[9] = IP_PROTO_ICMP;
	memcpy(ip + 12, my_ip, 4);
	memcpy(ip + 16, gw_ip, 4);
	put16(ip + 10, csum(ip, 20));
	icmp[0] = ICMP_ECHO;
	icmp[1] = 0;
	put16(icmp + 2, 0);
	put16(icmp + 4, PING_ID);
	put16(icmp + 6, seq);
	payload_fill(icmp + 8);
	put16(icmp + 2, csum(icmp, 8 + PING_PAYLOAD));
	send_frame(f, sizeof(f));
}

/* 1 when f is the ARP reply of the gateway (and learns its MAC). */
static int is_arp_reply(const uint8_t *f, size_t len)
{
	const uint8_t *a = f + ETH_HLEN;

	if (len < ETH_HLEN + 28 || get16(f + 12) != ETH_P_ARP ||
	    get16(a + 6) != ARP_REPLY || memcmp(a + 14, gw_ip, 4) ||
	    memcmp(a + 24, my_ip, 4))
		return 0;
	memcpy(gw_mac, a + 8, 6);
	return 1;
}

/* 1 when f is the gateway's echo reply to seq with our payload. */
static int is_echo_reply(const uint8_t *f, size_t len, uint16_t seq)
{
	const uint8_t *ip = f + ETH_HLEN, *icmp;
	uint8_t want[PING_PAYLOAD];
	size_t ihl;

	if (len < ETH_HLEN + 20 || get16(f + 12) != ETH_P_IP ||
	    (ip[0] >> 4) != 4 || ip[9] != IP_PROTO_ICMP ||
	    memcmp(ip + 12, gw_ip, 4) || memcmp(ip + 16, my_ip, 4))
		return 0;
	ihl = (size_t)(ip[0] & 0xf) * 4;
	icmp = ip + ihl;
	if (len < ETH_HLEN + ihl + 8 + PING_PAYLOAD ||
	    icmp[0] != ICMP_ECHO_REPLY || get16(icmp + 4) != PING_ID ||
	    get16(icmp + 6) != seq)
		return 0;
	payload_fill(want);
	if (memcmp(icmp + 8, want, PING_PAYLOAD)) {
		printf("echo reply with a wrong payload\n");
		return 0;
	}
	if (csum(icmp, len - ETH_HLEN - ihl) != 0 &&
	    csum(icmp, 8 + PING_PAYLOAD) != 0) {
		printf("echo reply with a bad checksum\n");
		return 0;
	}
	return 1;
}

/*
 * Wait until deadline for a frame that match() accepts; received frames
 * are freed. Interrupt mode sleeps until the queue's interrupt (armed
 * before the request went out, so the reply cannot slip past it) and
 * re-arms the queue after draining it.
 */
static int wait_frame(__nsec deadline,
		      int (*match)(const uint8_t *, size_t, uint16_t),
		      uint16_t arg)
{
	int found = 0;

	for (;;) {
		struct uk_netbuf *nb;
		int rc = 0;

		if (irq_mode) {
			ukplat_lcpu_disable_irq();
			while (!rx_pending &&
			       ukplat_monotonic_clock() < deadline)
				ukplat_lcpu_halt_irq_until(deadline);
			rx_pending = 0;
			ukplat_lcpu_enable_irq();
		}
		while (!found && (rc = uk_netdev_rx_one(dev, 0, &nb)) > 0) {
			found = match(nb->data, nb->len, arg);
			uk_netbuf_free(nb);
		}
		if (rc < 0) {
			printf("rx failed: %d\n", rc);
			return 0;
		}
		/* 1: frames came in meanwhile; take them in the next round. */
		if (irq_mode && uk_netdev_rxq_intr_enable(dev, 0) == 1)
			rx_pending = 1;
		if (found)
			return 1;
		if (ukplat_monotonic_clock() >= deadline)
			return 0;
	}
}

static int match_arp(const uint8_t *f, size_t len, uint16_t arg __unused)
{
	return is_arp_reply(f, len);
}

static int match_echo(const uint8_t *f, size_t len, uint16_t seq)
{
	return is_echo_reply(f, len, seq);
}

int main(int argc, char *argv[])
{
	struct uk_netdev_conf conf = { .nb_rx_queues = 1, .nb_tx_queues = 1 };
	struct uk_netdev_rxqueue_conf rxc = { 0 };
	struct uk_netdev_txqueue_conf txc = { 0 };
	struct uk_netdev_info info;
	const struct uk_hwaddr *hw;
	unsigned int timeout = 10, tries, pings = 0;
	__nsec end;
	int rc, got;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "mode=irq"))
			irq_mode = 1;
		else if (!strcmp(argv[i], "mode=poll"))
			irq_mode = 0;
		else if (!strncmp(argv[i], "timeout=", 8))
			timeout = (unsigned int)atoi(argv[i] + 8);
		else if (!strncmp(argv[i], "pings=", 6))
			pings = (unsigned int)atoi(argv[i] + 6);
		else
			printf("unknown argument: %s\n", argv[i]);
	}
	printf("netdevtest: %u device(s), mode %s\n", uk_netdev_count(),
	       irq_mode ? "irq" : "poll");
	dev = uk_netdev_get(0);
	heap = uk_alloc_get_default();
	if (!dev || !heap) {
		printf("no network device\n");
		return 2;
	}
	uk_netdev_info_get(dev, &info);
	rxc.a = txc.a = heap;
	rxc.alloc_rxpkts = alloc_rx;
	rxc.alloc_rxpkts_argp = heap;
	if (irq_mode) {
		if (!info.intr) {
			printf("device has no interrupts\n");
			return 3;
		}
		rxc.callback = rx_event;
	}
	if ((rc = uk_netdev_configure(dev, &conf)) < 0 ||
	    (rc = uk_netdev_rxq_configure(dev, 0, 0, &rxc)) < 0 ||
	    (rc = uk_netdev_txq_configure(dev, 0, 0, &txc)) < 0 ||
	    (rc = uk_netdev_start(dev)) < 0) {
		printf("device setup failed: %d\n", rc);
		return 3;
	}
	hw = uk_netdev_hwaddr_get(dev);
	memcpy(my_mac, hw->addr, 6);
	printf("driver: %s\n", dev->drv_name);
	printf("mac: %02x:%02x:%02x:%02x:%02x:%02x\n", my_mac[0], my_mac[1],
	       my_mac[2], my_mac[3], my_mac[4], my_mac[5]);
	printf("mtu: %u\n", uk_netdev_mtu_get(dev));
	printf("link: %s\n", uk_netdev_link_up(dev) ? "up" : "down");
	if (irq_mode && uk_netdev_rxq_intr_enable(dev, 0) < 0) {
		printf("cannot arm the receive interrupt\n");
		return 3;
	}

	end = ukplat_monotonic_clock() + timeout * NSEC_PER_SEC;
	for (got = 0, tries = 0; !got && ukplat_monotonic_clock() < end;
	     tries++) {
		__nsec t = ukplat_monotonic_clock() + NSEC_PER_SEC;

		send_arp_request();
		got = wait_frame(t < end ? t : end, match_arp, 0);
	}
	if (!got) {
		printf("timeout: no ARP reply from 10.0.2.2\n");
		return 1;
	}
	printf("arp reply: 10.0.2.2 is at %02x:%02x:%02x:%02x:%02x:%02x\n",
	       gw_mac[0], gw_mac[1], gw_mac[2], gw_mac[3], gw_mac[4],
	       gw_mac[5]);
	for (got = 0, tries = 1; !got && ukplat_monotonic_clock() < end;
	     tries++) {
		__nsec t = ukplat_monotonic_clock() + NSEC_PER_SEC;

		send_ping((uint16_t)tries);
		got = wait_frame(t < end ? t : end, match_echo,
				 (uint16_t)tries);
	}
	if (!got) {
		printf("timeout: no echo reply from 10.0.2.2\n");
		return 1;
	}
	printf("echo reply: 10.0.2.2 seq=%u\n", tries - 1);
	if (pings) {
		__nsec t0 = ukplat_monotonic_clock(), t1;
		unsigned int i;

		for (i = 0; i < pings; i++) {
			send_ping((uint16_t)(tries + i));
			if (!wait_frame(end, match_echo,
					(uint16_t)(tries + i))) {
				printf("timeout: ping %u of %u lost\n", i + 1,
				       pings);
				return 1;
			}
		}
		t1 = ukplat_monotonic_clock();
		printf("pings: %u rtt_ns: %llu\n", pings,
		       (unsigned long long)((t1 - t0) / pings));
	}
	if (irq_mode)
		printf("rx interrupts: %s\n", rx_events ? "yes" : "none");
	return irq_mode && !rx_events ? 1 : 0;
}
