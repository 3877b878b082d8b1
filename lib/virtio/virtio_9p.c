/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-9p transport (spec 5.11) for lib/9p: one request queue, the
 * mount tag from the configuration space. A request is a chain of two
 * descriptors, the T-message (device-readable) and the buffer for the
 * R-message (device-writable); one request is in flight per device. The
 * caller sleeps on a uksched wait queue that the interrupt handler wakes,
 * with a short time limit so that a lost interrupt only costs latency;
 * without a scheduler it polls the used ring.
 */
#include <errno.h>
#include <string.h>
#include <uk/9p.h>
#include <uk/lock.h>
#include <uk/print.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif
#include <virtio/virtio.h>
#include <virtio/virtqueue.h>

#define VIRTIO_9P_F_MOUNT_TAG 0
#define V9P_CFG_TAG_LEN 0
#define V9P_CFG_TAG 2
#define V9P_TAG_MAX 64
#define V9P_REQQ 0
/* Largest message: what lib/9p asks for by default. */
#define V9P_MSIZE (64 * 1024 + 24)
/* A lost interrupt costs at most this much. */
#define V9P_WAIT_SLICE_NS 10000000ULL

struct v9p_dev {
	struct uk_9p_dev p9;
	struct virtio_dev *vdev;
	struct virtqueue *vq;
	struct uk_mutex lock;
#if CONFIG_LIBUKSCHED
	struct uk_waitq wq;
#endif
	int irq_ok;
	char tag[V9P_TAG_MAX + 1];
};

static int v9p_done(struct v9p_dev *d)
{
	return virtq_has_used(d->vq);
}

static void v9p_wait(struct v9p_dev *d)
{
#if CONFIG_LIBUKSCHED
	if (uk_sched_current()) {
		while (!v9p_done(d)) {
			__nsec until = ukplat_monotonic_clock() +
				       V9P_WAIT_SLICE_NS;

			uk_waitq_wait_event_until(&d->wq, v9p_done(d), until);
		}
		return;
	}
#endif
	while (!v9p_done(d))
		;
}

static int v9p_request(struct uk_9p_dev *p9, const void *tx, uint32_t txlen,
		       void *rx, uint32_t rxmax, uint32_t *rxlen)
{
	struct v9p_dev *d = p9->priv;
	struct virtq_buf b[2];
	uint32_t len = 0;
	int rc;

	b[0] = (struct virtq_buf){ virtio_virt_to_phys(tx), txlen, 0 };
	b[1] = (struct virtq_buf){ virtio_virt_to_phys(rx), rxmax, 1 };
	uk_mutex_lock(&d->lock);
	rc = virtq_add(d->vq, b, 2, d);
	if (rc == 0) {
		virtq_kick(d->vq);
		v9p_wait(d);
		if (virtq_get(d->vq, &len) != d)
			rc = -EIO;
	}
	uk_mutex_unlock(&d->lock);
	if (rc < 0)
		return rc;
	*rxlen = len;
	return 0;
}

static const struct uk_9p_trans_ops v9p_ops = {
	.request = v9p_request,
};

static int v9p_irq(void *arg)
{
	struct v9p_dev *d = arg;

	if (!d->vdev->ops->isr_ack(d->vdev))
		return 0; /* another device on a shared line */
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_all(&d->wq);
#endif
	return 1;
}

int virtio_9p_probe(struct virtio_dev *vdev)
{
	struct uk_alloc *a = virtio_alloc();
	struct v9p_dev *d;
	uint16_t len;
	unsigned int i;
	int rc;

	if (!a)
		return -ENOMEM;
	rc = virtio_negotiate(vdev, 1ULL << VIRTIO_9P_F_MOUNT_TAG);
	if (rc < 0)
		return rc;
	if (!virtio_has_feature(vdev, VIRTIO_9P_F_MOUNT_TAG)) {
		uk_pr_err("virtio-9p (%s): device has no mount tag; "
			  "give QEMU one with mount_tag=NAME\n",
			  vdev->transport);
		virtio_fail(vdev);
		return -ENOTSUP;
	}
	d = uk_calloc(a, 1, sizeof(*d));
	if (!d) {
		virtio_fail(vdev);
		return -ENOMEM;
	}
	vdev->ops->config_read(vdev, V9P_CFG_TAG_LEN, &len, sizeof(len));
	if (len == 0 || len > V9P_TAG_MAX) {
		uk_pr_err("virtio-9p (%s): mount tag of %u bytes, "
			  "expected 1 to %u\n",
			  vdev->transport, len, V9P_TAG_MAX);
		goto fail;
	}
	vdev->ops->config_read(vdev, V9P_CFG_TAG, d->tag, len);
	d->tag[len] = '\0';
	d->vdev = vdev;
	d->vq = virtq_create(vdev, V9P_REQQ, 0, a);
	if (!d->vq) {
		uk_pr_err("virtio-9p %s: no request queue\n", d->tag);
		goto fail;
	}
	uk_mutex_init(&d->lock);
#if CONFIG_LIBUKSCHED
	uk_waitq_init(&d->wq);
#endif
	for (i = 0; i < vdev->nirqs; i++)
		if (ukplat_irq_register(vdev->irqs[i], v9p_irq, d) == 0)
			d->irq_ok = 1;
	if (d->irq_ok)
		virtq_intr_enable(d->vq);
	virtio_driver_ok(vdev);
	d->p9.tag = d->tag;
	d->p9.ops = &v9p_ops;
	d->p9.msize_max = V9P_MSIZE;
	d->p9.priv = d;
	uk_9p_dev_register(&d->p9);
	uk_pr_info("virtio-9p (%s, irq %ld): mount tag \"%s\"\n",
		   vdev->transport, d->irq_ok ? (long)vdev->irqs[0] : -1L,
		   d->tag);
	return 0;
fail:
	uk_free(a, d);
	virtio_fail(vdev);
	return -EINVAL;
}
