/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The device list and the checks every driver would otherwise repeat:
 * state (configured, running), queue ids, arguments. The drivers see only
 * calls that make sense.
 */
#include <errno.h>
#include <string.h>
#include <uk/netdev.h>

static struct uk_netdev *devs[UK_NETDEV_MAX];
static unsigned int ndevs;

int uk_netdev_drv_register(struct uk_netdev *dev)
{
	const struct uk_netdev_ops *o = dev ? dev->ops : NULL;

	if (!o || !o->info_get || !o->configure || !o->rxq_configure ||
	    !o->txq_configure || !o->start || !o->hwaddr_get || !o->mtu_get ||
	    !o->link_up || !o->tx_one || !o->rx_one)
		return -EINVAL;
	if (ndevs == UK_NETDEV_MAX)
		return -ENOSPC;
	dev->id = (uint16_t)ndevs;
	dev->state = UK_NETDEV_UNCONFIGURED;
	memset(&dev->conf, 0, sizeof(dev->conf));
	devs[ndevs++] = dev;
	return 0;
}

unsigned int uk_netdev_count(void)
{
	return ndevs;
}

struct uk_netdev *uk_netdev_get(unsigned int i)
{
	return i < ndevs ? devs[i] : NULL;
}

void uk_netdev_info_get(struct uk_netdev *dev, struct uk_netdev_info *info)
{
	memset(info, 0, sizeof(*info));
	dev->ops->info_get(dev, info);
}

int uk_netdev_configure(struct uk_netdev *dev,
			const struct uk_netdev_conf *conf)
{
	struct uk_netdev_info info;
	int rc;

	if (!conf)
		return -EINVAL;
	if (dev->state == UK_NETDEV_RUNNING)
		return -EBUSY;
	uk_netdev_info_get(dev, &info);
	if (!conf->nb_rx_queues || conf->nb_rx_queues > info.max_rx_queues ||
	    !conf->nb_tx_queues || conf->nb_tx_queues > info.max_tx_queues)
		return -EINVAL;
	rc = dev->ops->configure(dev, conf);
	if (rc < 0)
		return rc;
	dev->conf = *conf;
	dev->state = UK_NETDEV_CONFIGURED;
	return 0;
}

static int queue_size_ok(struct uk_netdev *dev, uint16_t nb_desc)
{
	struct uk_netdev_info info;

	if (!nb_desc)
		return 1;
	uk_netdev_info_get(dev, &info);
	return !(nb_desc & (nb_desc - 1)) && nb_desc <= info.max_queue_size;
}

int uk_netdev_rxq_configure(struct uk_netdev *dev, uint16_t qid,
			    uint16_t nb_desc,
			    const struct uk_netdev_rxqueue_conf *conf)
{
	if (dev->state != UK_NETDEV_CONFIGURED)
		return dev->state == UK_NETDEV_RUNNING ? -EBUSY : -EINVAL;
	if (qid >= dev->conf.nb_rx_queues || !conf || !conf->alloc_rxpkts ||
	    !conf->a || !queue_size_ok(dev, nb_desc))
		return -EINVAL;
	return dev->ops->rxq_configure(dev, qid, nb_desc, conf);
}

int uk_netdev_txq_configure(struct uk_netdev *dev, uint16_t qid,
			    uint16_t nb_desc,
			    const struct uk_netdev_txqueue_conf *conf)
{
	if (dev->state != UK_NETDEV_CONFIGURED)
		return dev->state == UK_NETDEV_RUNNING ? -EBUSY : -EINVAL;
	if (qid >= dev->conf.nb_tx_queues || !conf || !conf->a ||
	    !queue_size_ok(dev, nb_desc))
		return -EINVAL;
	return dev->ops->txq_configure(dev, qid, nb_desc, conf);
}

int uk_netdev_start(struct uk_netdev *dev)
{
	int rc;

	if (dev->state != UK_NETDEV_CONFIGURED)
		return dev->state == UK_NETDEV_RUNNING ? -EBUSY : -EINVAL;
	rc = dev->ops->start(dev);
	if (rc < 0)
		return rc;
	dev->state = UK_NETDEV_RUNNING;
	return 0;
}

const struct uk_hwaddr *uk_netdev_hwaddr_get(struct uk_netdev *dev)
{
	return dev->ops->hwaddr_get(dev);
}

uint16_t uk_netdev_mtu_get(struct uk_netdev *dev)
{
	return dev->ops->mtu_get(dev);
}

int uk_netdev_link_up(struct uk_netdev *dev)
{
	return dev->ops->link_up(dev);
}

int uk_netdev_tx_one(struct uk_netdev *dev, uint16_t qid, struct uk_netbuf *nb)
{
	if (dev->state != UK_NETDEV_RUNNING)
		return -EIO;
	if (qid >= dev->conf.nb_tx_queues || !nb || !nb->len)
		return -EINVAL;
	if (nb->len > (size_t)dev->ops->mtu_get(dev) + 14)
		return -EINVAL;
	return dev->ops->tx_one(dev, qid, nb);
}

int uk_netdev_rx_one(struct uk_netdev *dev, uint16_t qid, struct uk_netbuf **nb)
{
	if (!nb)
		return -EINVAL;
	*nb = NULL;
	if (dev->state != UK_NETDEV_RUNNING)
		return -EIO;
	if (qid >= dev->conf.nb_rx_queues)
		return -EINVAL;
	return dev->ops->rx_one(dev, qid, nb);
}

int uk_netdev_rxq_intr_enable(struct uk_netdev *dev, uint16_t qid)
{
	if (dev->state != UK_NETDEV_RUNNING)
		return -EIO;
	if (qid >= dev->conf.nb_rx_queues)
		return -EINVAL;
	if (!dev->ops->rxq_intr_enable)
		return -ENOTSUP;
	return dev->ops->rxq_intr_enable(dev, qid);
}

int uk_netdev_rxq_intr_disable(struct uk_netdev *dev, uint16_t qid)
{
	if (dev->state != UK_NETDEV_RUNNING)
		return -EIO;
	if (qid >= dev->conf.nb_rx_queues)
		return -EINVAL;
	if (!dev->ops->rxq_intr_disable)
		return -ENOTSUP;
	return dev->ops->rxq_intr_disable(dev, qid);
}
