/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An lwIP network interface on a uknetdev device, one rx and one tx
 * queue. Received frames reach lwIP without a copy: the netbuf carries a
 * pbuf_custom in its private area, and freeing the pbuf frees the
 * netbuf. Sent frames are copied into one netbuf (lwIP's pbuf chains may
 * be scattered). A thread receives: in interrupt mode the queue's
 * callback wakes it, otherwise it polls every millisecond.
 */
#include <string.h>
#include <lwip/opt.h>
#include <lwip/etharp.h>
#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/snmp.h>
#include <lwip/tcpip.h>
#include <netif/ethernet.h>
#include <uk/alloc.h>
#include <uk/netdev.h>
#include <uk/plat/lcpu.h>
#include <uk/print.h>
#include <uk/sched.h>
#include "netif.h"

#define RX_POLL_NS (1000 * 1000LL)

struct rxbuf {
	struct pbuf_custom pc; /* first: lwIP hands back a struct pbuf * */
	struct uk_netbuf *nb;
};

struct lwip_netdev {
	struct uk_netdev *dev;
	struct uk_alloc *a;
	struct uk_netdev_info info;
	struct uk_waitq rx_wq;
	volatile int rx_event;
	int intr;
	unsigned long tx_drops;
	struct netif *netif;
};

static struct lwip_netdev lnd;

static uint16_t rx_alloc(void *argp, struct uk_netbuf *pkts[], uint16_t count)
{
	struct lwip_netdev *d = argp;
	uint16_t i;

	for (i = 0; i < count; i++) {
		pkts[i] = uk_netbuf_alloc(d->a, d->info.rx_buflen, 0,
					  sizeof(struct rxbuf));
		if (!pkts[i])
			break;
	}
	return i;
}

/* Interrupt context: only wake the rx thread. */
static void rx_event(struct uk_netdev *dev __unused, uint16_t qid __unused,
		     void *cookie)
{
	struct lwip_netdev *d = cookie;

	d->rx_event = 1;
	uk_waitq_wake_one(&d->rx_wq);
}

static void rxbuf_free(struct pbuf *p)
{
	struct rxbuf *rb = (struct rxbuf *)p;

	uk_netbuf_free(rb->nb);
}

static void rx_frame(struct lwip_netdev *d, struct uk_netbuf *nb)
{
	struct rxbuf *rb = nb->priv;
	struct pbuf *p;

	rb->nb = nb;
	rb->pc.custom_free_function = rxbuf_free;
	p = pbuf_alloced_custom(PBUF_RAW, (u16_t)nb->len, PBUF_REF, &rb->pc,
				nb->data, (u16_t)nb->len);
	if (!p) {
		uk_netbuf_free(nb);
		return;
	}
	if (d->netif->input(p, d->netif) != ERR_OK)
		pbuf_free(p);
}

static void rx_thread(void *arg)
{
	struct lwip_netdev *d = arg;
	struct uk_netbuf *nb;
	int rc;

	for (;;) {
		for (;;) {
			rc = uk_netdev_rx_one(d->dev, 0, &nb);
			if (rc < 0 || !(rc & UK_NETDEV_STATUS_SUCCESS))
				break;
			rx_frame(d, nb);
		}
		if (!d->intr) {
			uk_sched_sleep_ns(RX_POLL_NS);
			continue;
		}
		d->rx_event = 0;
		if (uk_netdev_rxq_intr_enable(d->dev, 0) == 1)
			continue; /* frames came in meanwhile */
		uk_waitq_wait_event(&d->rx_wq, d->rx_event);
	}
}

static err_t linkoutput(struct netif *netif, struct pbuf *p)
{
	struct lwip_netdev *d = netif->state;
	struct uk_netbuf *nb;
	int rc, tries;

	nb = uk_netbuf_alloc(d->a, d->info.tx_headroom + p->tot_len,
			     d->info.tx_headroom, 0);
	if (!nb)
		return ERR_MEM;
	pbuf_copy_partial(p, nb->data, p->tot_len, 0);
	nb->len = p->tot_len;
	/* A full queue drains as the device sends: wait for it (up to
	 * ~100 ms: on a loaded host the device model may lag), since a
	 * dropped frame costs TCP a retransmission time-out (seconds). */
	for (tries = 0; tries < 1000; tries++) {
		rc = uk_netdev_tx_one(d->dev, 0, nb);
		if (rc < 0)
			break;
		if (rc & UK_NETDEV_STATUS_SUCCESS)
			return ERR_OK;
		if (tries < 10)
			uk_sched_yield();
		else
			uk_sched_sleep_ns(100 * 1000LL);
	}
	uk_netbuf_free(nb);
	if (!(d->tx_drops++ % 100))
		uk_pr_warn("lwip: tx queue full or device error (%d): frame "
			   "dropped (%lu so far)\n",
			   rc, d->tx_drops);
	return ERR_IF;
}

/* netif_add's init function, in lwIP's thread. */
static err_t netif_init_dev(struct netif *netif)
{
	struct lwip_netdev *d = netif->state;
	const struct uk_hwaddr *mac = uk_netdev_hwaddr_get(d->dev);
	struct uk_netdev_conf conf = { .nb_rx_queues = 1, .nb_tx_queues = 1 };
	struct uk_netdev_rxqueue_conf rxc = {
		.a = d->a,
		.alloc_rxpkts = rx_alloc,
		.alloc_rxpkts_argp = d,
	};
	struct uk_netdev_txqueue_conf txc = { .a = d->a };
	int rc;

	uk_netdev_info_get(d->dev, &d->info);
	d->intr = d->info.intr;
	if (d->intr) {
		rxc.callback = rx_event;
		rxc.callback_cookie = d;
	}
	rc = uk_netdev_configure(d->dev, &conf);
	if (!rc)
		rc = uk_netdev_rxq_configure(d->dev, 0, 0, &rxc);
	if (!rc)
		rc = uk_netdev_txq_configure(d->dev, 0, 0, &txc);
	if (!rc)
		rc = uk_netdev_start(d->dev);
	if (rc) {
		uk_pr_err("lwip: netdev %u (%s): set-up failed: %d\n",
			  d->dev->id, d->dev->drv_name, rc);
		return ERR_IF;
	}
	netif->name[0] = 'e';
	netif->name[1] = 'n';
	netif->hwaddr_len = ETH_HWADDR_LEN;
	memcpy(netif->hwaddr, mac->addr, ETH_HWADDR_LEN);
	netif->mtu = uk_netdev_mtu_get(d->dev);
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
		       NETIF_FLAG_ETHERNET | NETIF_FLAG_IGMP;
	netif->output = etharp_output;
	netif->linkoutput = linkoutput;
	d->netif = netif;
	if (!uk_thread_create("lwip-rx", rx_thread, d, 0)) {
		uk_pr_err("lwip: no memory for the rx thread\n");
		return ERR_MEM;
	}
	return ERR_OK;
}

int uk_lwip_netif_add(struct netif *netif, struct uk_netdev *dev,
		      const ip4_addr_t *ip, const ip4_addr_t *mask,
		      const ip4_addr_t *gw)
{
	lnd.dev = dev;
	lnd.a = uk_alloc_get_default();
	uk_waitq_init(&lnd.rx_wq);
	if (!netif_add(netif, ip, mask, gw, &lnd, netif_init_dev, tcpip_input))
		return -1;
	netif_set_default(netif);
	if (uk_netdev_link_up(dev))
		netif_set_link_up(netif);
	netif_set_up(netif);
	return 0;
}
