/* SPDX-License-Identifier: BSD-3-Clause */
/* Device initialisation (spec 3.1.1) and the driver table. */
#include <errno.h>
#include <uk/print.h>
#include <virtio/virtio.h>

int virtio_negotiate(struct virtio_dev *vdev, uint64_t driver_features)
{
	const struct virtio_transport_ops *o = vdev->ops;
	uint64_t dev_features;

	o->status_set(vdev, 0); /* reset */
	while (o->status_get(vdev) != 0)
		;
	o->status_set(vdev, VIRTIO_STATUS_ACKNOWLEDGE);
	o->status_set(vdev, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	dev_features = o->features_get(vdev);
	if (!vdev->legacy)
		driver_features |= 1ULL << VIRTIO_F_VERSION_1;
	vdev->features = dev_features & driver_features;
	if (!vdev->legacy && !virtio_has_feature(vdev, VIRTIO_F_VERSION_1)) {
		uk_pr_err("virtio-%s: device %u lacks VERSION_1\n",
			  vdev->transport, vdev->device_id);
		virtio_fail(vdev);
		return -ENOTSUP;
	}
	o->features_set(vdev, vdev->features);
	if (vdev->legacy)
		return 0; /* legacy devices have no FEATURES_OK */
	o->status_set(vdev, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER |
				    VIRTIO_STATUS_FEATURES_OK);
	if (!(o->status_get(vdev) & VIRTIO_STATUS_FEATURES_OK)) {
		uk_pr_err("virtio-%s: device %u refused our features\n",
			  vdev->transport, vdev->device_id);
		virtio_fail(vdev);
		return -ENOTSUP;
	}
	return 0;
}

void virtio_driver_ok(struct virtio_dev *vdev)
{
	vdev->ops->status_set(vdev, vdev->ops->status_get(vdev) |
					    VIRTIO_STATUS_DRIVER_OK);
}

void virtio_fail(struct virtio_dev *vdev)
{
	vdev->ops->status_set(vdev, vdev->ops->status_get(vdev) |
					    VIRTIO_STATUS_FAILED);
}

static const struct {
	uint16_t id;
	int (*probe)(struct virtio_dev *vdev);
} virtio_drivers[] = {
#if CONFIG_LIBVIRTIO_NET
	{ VIRTIO_ID_NET, virtio_net_probe },
#endif
#if CONFIG_LIBVIRTIO_9P
	{ VIRTIO_ID_9P, virtio_9p_probe },
#endif
#if CONFIG_LIBVIRTIO_RNG
	{ VIRTIO_ID_RNG, virtio_rng_probe },
#endif
	{ 0, NULL },
};

int virtio_dev_found(struct virtio_dev *vdev)
{
	unsigned int i;

	for (i = 0; virtio_drivers[i].probe; i++)
		if (virtio_drivers[i].id == vdev->device_id)
			return virtio_drivers[i].probe(vdev);
	uk_pr_info("virtio-%s: no driver for device id %u\n", vdev->transport,
		   vdev->device_id);
	return -ENODEV;
}

struct uk_alloc *virtio_alloc(void)
{
	return uk_alloc_get_default();
}
