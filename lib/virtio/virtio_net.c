/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-net driver (spec 5.1) for uknetdev: one receive and one transmit
 * queue, MAC, link status and MTU from the configuration space, no
 * offloads. Every frame is a chain of two descriptors: the virtio_net_hdr
 * (12 bytes with VERSION_1, 10 for legacy devices) in the driver's own
 * memory, then the netbuf's data. Transmitted netbufs are freed when the
 * device gives them back, checked at the next transmit.
 */
#include <errno.h>
#include <string.h>
#include <uk/netdev.h>
#include <uk/print.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <virtio/virtio.h>
#include <virtio/virtqueue.h>

#define VIRTIO_NET_F_MTU 3
#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_STATUS 16
#define VIRTIO_NET_S_LINK_UP 1

/* Configuration space (struct virtio_net_config). */
#define VNET_CFG_MAC 0
#define VNET_CFG_STATUS 6
#define VNET_CFG_MTU 10

#define VNET_RXQ 0
#define VNET_TXQ 1
#define VNET_ETH_HLEN 14
#define VNET_MTU_DEFAULT 1500
#define VNET_QUEUE_MAX 256

struct virtio_net_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers; /* VERSION_1 only */
} __packed;

/* A receive buffer in the ring: the header the device writes, the netbuf. */
struct vnet_rx_slot {
	struct virtio_net_hdr hdr;
	struct uk_netbuf *nb;
	struct vnet_rx_slot *next_free;
};

struct vnet_dev {
	struct uk_netdev netdev;
	struct virtio_dev *vdev;
	struct uk_hwaddr mac;
	uint16_t mtu;
	unsigned int hdr_len;
	struct virtqueue *rxq, *txq;
	struct uk_netdev_rxqueue_conf rxconf;
	struct vnet_rx_slot *slots, *free_slots;
	/* Read by the device only: every frame we send has no offloads. */
	struct virtio_net_hdr *tx_hdr;
	int rx_armed;
	int irq_ok;
	int warned; /* about too small receive buffers */
};

#define VNET(dev) container_of(dev, struct vnet_dev, netdev)

static void vnet_info_get(struct uk_netdev *dev, struct uk_netdev_info *info)
{
	struct vnet_dev *d = VNET(dev);

	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	info->max_queue_size = VNET_QUEUE_MAX;
	info->rx_buflen = d->mtu + VNET_ETH_HLEN;
	info->tx_headroom = 0;
	info->intr = (uint8_t)d->irq_ok;
}

static int vnet_configure(struct uk_netdev *dev __unused,
			  const struct uk_netdev_conf *conf __unused)
{
	return 0; /* one queue each way, checked by uknetdev */
}

static int vnet_rxq_configure(struct uk_netdev *dev, uint16_t qid __unused,
			      uint16_t nb_desc,
			      const struct uk_netdev_rxqueue_conf *conf)
{
	struct vnet_dev *d = VNET(dev);
	unsigned int i, nslots;

	if (d->rxq)
		return -EBUSY; /* rings cannot be given back to the device */
	/* Two descriptors per buffer. */
	d->rxq = virtq_create(d->vdev, VNET_RXQ, nb_desc, conf->a);
	if (!d->rxq)
		return -ENOMEM;
	nslots = d->rxq->num / 2;
	d->slots = uk_calloc(conf->a, nslots, sizeof(*d->slots));
	if (!d->slots)
		return -ENOMEM;
	for (i = 0; i < nslots; i++)
		d->slots[i].next_free = i + 1 < nslots ? &d->slots[i + 1] :
							 NULL;
	d->free_slots = d->slots;
	d->rxconf = *conf;
	return 0;
}

static int vnet_txq_configure(struct uk_netdev *dev, uint16_t qid __unused,
			      uint16_t nb_desc,
			      const struct uk_netdev_txqueue_conf *conf)
{
	struct vnet_dev *d = VNET(dev);

	if (d->txq)
		return -EBUSY;
	d->tx_hdr = uk_calloc(conf->a, 1, sizeof(*d->tx_hdr));
	if (!d->tx_hdr)
		return -ENOMEM;
	d->txq = virtq_create(d->vdev, VNET_TXQ, nb_desc, conf->a);
	return d->txq ? 0 : -ENOMEM;
}

/* Put fresh buffers into every free slot of the receive ring. */
static void vnet_rx_refill(struct vnet_dev *d)
{
	struct uk_netbuf *nbs[16];
	uint16_t want, got, i;
	int added = 0, round;

	for (;;) {
		struct vnet_rx_slot *s = d->free_slots;

		for (want = 0; s && want < ARRAY_SIZE(nbs); s = s->next_free)
			want++;
		if (!want || virtq_num_free(d->rxq) < 2)
			break;
		got = d->rxconf.alloc_rxpkts(d->rxconf.alloc_rxpkts_argp, nbs,
					     want);
		round = 0;
		for (i = 0; i < got; i++) {
			struct virtq_buf b[2];

			if (uk_netbuf_tailroom(nbs[i]) + nbs[i]->len <
				    (size_t)d->mtu + VNET_ETH_HLEN ||
			    virtq_num_free(d->rxq) < 2) {
				if (virtq_num_free(d->rxq) >= 2 && !d->warned)
					uk_pr_warn("virtio-net%u: receive "
						   "buffers below %u bytes\n",
						   d->netdev.id,
						   d->mtu + VNET_ETH_HLEN);
				d->warned = 1;
				uk_netbuf_free(nbs[i]);
				continue;
			}
			s = d->free_slots;
			d->free_slots = s->next_free;
			s->nb = nbs[i];
			nbs[i]->len = 0;
			b[0] = (struct virtq_buf){ virtio_virt_to_phys(&s->hdr),
						   d->hdr_len, 1 };
			b[1] = (struct virtq_buf){
				virtio_virt_to_phys(nbs[i]->data),
				(uint32_t)uk_netbuf_tailroom(nbs[i]), 1
			};
			virtq_add(d->rxq, b, 2, s);
			added = round = 1;
		}
		/* Out of memory, or buffers too small (dropped): retry later. */
		if (got < want || !round)
			break;
	}
	if (added)
		virtq_kick(d->rxq);
}

static int vnet_start(struct uk_netdev *dev)
{
	struct vnet_dev *d = VNET(dev);

	if (!d->rxq || !d->txq)
		return -EINVAL;
	virtio_driver_ok(d->vdev);
	vnet_rx_refill(d);
	return 0;
}

static const struct uk_hwaddr *vnet_hwaddr_get(struct uk_netdev *dev)
{
	return &VNET(dev)->mac;
}

static uint16_t vnet_mtu_get(struct uk_netdev *dev)
{
	return VNET(dev)->mtu;
}

static int vnet_link_up(struct uk_netdev *dev)
{
	struct vnet_dev *d = VNET(dev);
	uint16_t status;

	if (!virtio_has_feature(d->vdev, VIRTIO_NET_F_STATUS))
		return 1;
	d->vdev->ops->config_read(d->vdev, VNET_CFG_STATUS, &status,
				  sizeof(status));
	return status & VIRTIO_NET_S_LINK_UP ? 1 : 0;
}

static int vnet_tx_one(struct uk_netdev *dev, uint16_t qid __unused,
		       struct uk_netbuf *nb)
{
	struct vnet_dev *d = VNET(dev);
	struct virtq_buf b[2];
	struct uk_netbuf *done;

	while ((done = virtq_get(d->txq, NULL)))
		uk_netbuf_free(done);
	if (virtq_num_free(d->txq) < 2)
		return UK_NETDEV_STATUS_UNDERRUN;
	b[0] = (struct virtq_buf){ virtio_virt_to_phys(d->tx_hdr), d->hdr_len,
				   0 };
	b[1] = (struct virtq_buf){ virtio_virt_to_phys(nb->data),
				   (uint32_t)nb->len, 0 };
	virtq_add(d->txq, b, 2, nb);
	virtq_kick(d->txq);
	return UK_NETDEV_STATUS_SUCCESS |
	       (virtq_num_free(d->txq) >= 2 ? UK_NETDEV_STATUS_MORE : 0);
}

static int vnet_rx_one(struct uk_netdev *dev, uint16_t qid __unused,
		       struct uk_netbuf **nbp)
{
	struct vnet_dev *d = VNET(dev);
	struct vnet_rx_slot *s;
	struct uk_netbuf *nb;
	uint32_t len;

	for (;;) {
		s = virtq_get(d->rxq, &len);
		if (!s) {
			vnet_rx_refill(d);
			return 0;
		}
		nb = s->nb;
		s->nb = NULL;
		s->next_free = d->free_slots;
		d->free_slots = s;
		if (len > d->hdr_len)
			break;
		uk_netbuf_free(nb); /* a frame without data: drop it */
	}
	nb->len = len - d->hdr_len;
	vnet_rx_refill(d);
	*nbp = nb;
	return UK_NETDEV_STATUS_SUCCESS |
	       (virtq_has_used(d->rxq) ? UK_NETDEV_STATUS_MORE : 0);
}

static int vnet_rxq_intr_enable(struct uk_netdev *dev, uint16_t qid __unused)
{
	struct vnet_dev *d = VNET(dev);
	unsigned long flags;
	int pending;

	if (!d->irq_ok || !d->rxconf.callback)
		return -ENOTSUP;
	flags = ukplat_lcpu_save_irqf();
	d->rx_armed = 1;
	virtq_intr_enable(d->rxq);
	pending = virtq_has_used(d->rxq);
	ukplat_lcpu_restore_irqf(flags);
	return pending ? 1 : 0;
}

static int vnet_rxq_intr_disable(struct uk_netdev *dev, uint16_t qid __unused)
{
	struct vnet_dev *d = VNET(dev);
	unsigned long flags;

	if (!d->irq_ok)
		return -ENOTSUP;
	flags = ukplat_lcpu_save_irqf();
	d->rx_armed = 0;
	virtq_intr_disable(d->rxq);
	ukplat_lcpu_restore_irqf(flags);
	return 0;
}

static int vnet_irq(void *arg)
{
	struct vnet_dev *d = arg;
	uint32_t isr = d->vdev->ops->isr_ack(d->vdev);

	if (!isr)
		return 0; /* another device on a shared line */
	/* Checked after the acknowledgement: nothing used since is lost. */
	if (d->rxq && d->rx_armed && virtq_has_used(d->rxq)) {
		d->rx_armed = 0;
		virtq_intr_disable(d->rxq);
		d->rxconf.callback(&d->netdev, 0, d->rxconf.callback_cookie);
	}
	return 1;
}

static const struct uk_netdev_ops vnet_ops = {
	.info_get = vnet_info_get,
	.configure = vnet_configure,
	.rxq_configure = vnet_rxq_configure,
	.txq_configure = vnet_txq_configure,
	.start = vnet_start,
	.hwaddr_get = vnet_hwaddr_get,
	.mtu_get = vnet_mtu_get,
	.link_up = vnet_link_up,
	.tx_one = vnet_tx_one,
	.rx_one = vnet_rx_one,
	.rxq_intr_enable = vnet_rxq_intr_enable,
	.rxq_intr_disable = vnet_rxq_intr_disable,
};

int virtio_net_probe(struct virtio_dev *vdev)
{
	struct uk_alloc *a = virtio_alloc();
	struct vnet_dev *d;
	unsigned int i;
	int rc;

	if (!a)
		return -ENOMEM;
	rc = virtio_negotiate(vdev, (1ULL << VIRTIO_NET_F_MAC) |
					    (1ULL << VIRTIO_NET_F_STATUS) |
					    (1ULL << VIRTIO_NET_F_MTU));
	if (rc < 0)
		return rc;
	d = uk_calloc(a, 1, sizeof(*d));
	if (!d) {
		virtio_fail(vdev);
		return -ENOMEM;
	}
	d->vdev = vdev;
	d->hdr_len = vdev->legacy ? 10 : sizeof(struct virtio_net_hdr);
	d->mtu = VNET_MTU_DEFAULT;
	if (virtio_has_feature(vdev, VIRTIO_NET_F_MTU)) {
		uint16_t mtu;

		vdev->ops->config_read(vdev, VNET_CFG_MTU, &mtu, sizeof(mtu));
		/* Larger frames would need larger buffers: keep 1500. */
		if (mtu >= 68 && mtu < VNET_MTU_DEFAULT)
			d->mtu = mtu;
	}
	if (virtio_has_feature(vdev, VIRTIO_NET_F_MAC)) {
		vdev->ops->config_read(vdev, VNET_CFG_MAC, d->mac.addr,
				       sizeof(d->mac.addr));
	} else {
		/* Locally administered, unique per device on this host. */
		static const uint8_t mac[6] = { 0x02, 0x75, 0x6b, 0, 0, 0 };

		memcpy(d->mac.addr, mac, sizeof(mac));
		d->mac.addr[5] = (uint8_t)uk_netdev_count();
	}
	for (i = 0; i < vdev->nirqs; i++)
		if (ukplat_irq_register(vdev->irqs[i], vnet_irq, d) == 0)
			d->irq_ok = 1;
	d->netdev.ops = &vnet_ops;
	d->netdev.drv_name = "virtio-net";
	rc = uk_netdev_drv_register(&d->netdev);
	if (rc < 0) {
		virtio_fail(vdev);
		return rc;
	}
	uk_pr_info("virtio-net%u (%s, irq %ld%s): "
		   "%02x:%02x:%02x:%02x:%02x:%02x\n",
		   d->netdev.id, vdev->transport,
		   d->irq_ok ? (long)vdev->irqs[0] : -1L,
		   vdev->nirqs > 1 ? " or others" : "", d->mac.addr[0],
		   d->mac.addr[1], d->mac.addr[2], d->mac.addr[3],
		   d->mac.addr[4], d->mac.addr[5]);
	return 0;
}
