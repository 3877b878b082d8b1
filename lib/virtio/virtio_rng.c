/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-rng (Virtio 1.2 spec 5.4): one queue of device-writable buffers
 * the device fills with entropy from the host. The first device becomes
 * a ukrandom source; reads poll the queue (the generator asks only to
 * seed and reseed), through a bounce buffer the driver owns.
 */
#include <errno.h>
#include <string.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/random.h>
#include <virtio/virtio.h>
#include <virtio/virtqueue.h>

#define VRNG_CHUNK 64
/* A host that gives nothing for this long is taken as broken. */
#define VRNG_TIMEOUT_NS 2000000000LL

struct vrng_dev {
	struct virtio_dev *vdev;
	struct virtqueue *vq;
	uint8_t *buf;
	int broken;
};

static struct vrng_dev vrng;

static int vrng_read(void *out, size_t len)
{
	uint8_t *p = out;

	if (vrng.broken)
		return -EIO;
	while (len) {
		struct virtq_buf b = {
			.addr = virtio_virt_to_phys(vrng.buf),
			.len = VRNG_CHUNK,
			.write = 1,
		};
		__nsec deadline;
		uint32_t got = 0;

		if (virtq_add(vrng.vq, &b, 1, vrng.buf) < 0)
			return -EIO;
		virtq_kick(vrng.vq);
		deadline = ukplat_monotonic_clock() + VRNG_TIMEOUT_NS;
		while (!virtq_get(vrng.vq, &got)) {
			if (ukplat_monotonic_clock() > deadline) {
				/* The buffer stays the device's: stop here. */
				uk_pr_err(
					"virtio-rng: no answer in 2 s, not used any more\n");
				vrng.broken = 1;
				return -ETIMEDOUT;
			}
		}
		if (got > VRNG_CHUNK)
			got = VRNG_CHUNK;
		if (got > len)
			got = (uint32_t)len;
		memcpy(p, vrng.buf, got);
		memset(vrng.buf, 0, VRNG_CHUNK);
		p += got;
		len -= got;
	}
	return 0;
}

static struct uk_random_source vrng_source = {
	.name = "virtio-rng",
	.rank = UK_RANDOM_RANK_HOST,
	.read = vrng_read,
};

int virtio_rng_probe(struct virtio_dev *vdev)
{
	struct uk_alloc *a = virtio_alloc();
	int rc;

	if (vrng.vdev) {
		uk_pr_info("virtio-rng (%s): one device is enough, not used\n",
			   vdev->transport);
		return 0;
	}
	if (!a)
		return -ENOMEM;
	rc = virtio_negotiate(vdev, 0);
	if (rc < 0)
		return rc;
	vrng.buf = uk_malloc(a, VRNG_CHUNK);
	vrng.vq = virtq_create(vdev, 0, 8, a);
	if (!vrng.buf || !vrng.vq) {
		uk_pr_err("virtio-rng (%s): out of memory for the queue\n",
			  vdev->transport);
		virtio_fail(vdev);
		return -ENOMEM;
	}
	vrng.vdev = vdev;
	virtio_driver_ok(vdev);
	uk_random_source_register(&vrng_source);
	uk_pr_info("virtio-rng (%s): entropy source\n", vdev->transport);
	return 0;
}
