/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Split virtqueues (Virtio 1.2 spec 2.7): a descriptor table, the
 * available ring (driver to device) and the used ring (device to driver).
 * Buffers are added as chains of descriptors with a cookie; the cookie
 * comes back from virtq_get() when the device has used the chain.
 * Not thread-safe: one user per queue, with the queue's interrupt handler
 * only reading virtq_has_used().
 */
#ifndef __VIRTIO_VIRTQUEUE_H__
#define __VIRTIO_VIRTQUEUE_H__

#include <stdint.h>
#include <virtio/virtio.h>

#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1
#define VIRTQ_USED_F_NO_NOTIFY 1

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
} __packed;

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
} __packed;

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
} __packed;

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[];
} __packed;

struct virtqueue {
	struct virtio_dev *vdev;
	uint16_t idx; /* queue number in the device */
	uint16_t num; /* descriptors */
	volatile struct virtq_desc *desc;
	volatile struct virtq_avail *avail;
	volatile struct virtq_used *used;
	uint16_t free_head; /* chain of free descriptors */
	uint16_t num_free;
	uint16_t avail_idx; /* next free slot of the available ring */
	uint16_t last_used; /* next used entry to look at */
	void **cookies; /* per head descriptor */
	uintptr_t notify; /* transport's notification address */
	void *mem; /* the rings' block */
	struct uk_alloc *a;
};

/* One piece of a buffer: device-readable or (write) device-writable. */
struct virtq_buf {
	uint64_t addr; /* device address */
	uint32_t len;
	int write;
};

/*
 * Queue idx of vdev with num descriptors (0 or more than the device
 * allows: the device's maximum, capped at 256), rings from a. NULL on
 * failure. Its interrupts start disabled.
 */
struct virtqueue *virtq_create(struct virtio_dev *vdev, uint16_t idx,
			       uint16_t num, struct uk_alloc *a);

/*
 * Add a chain of n pieces (the device-readable ones first) and make it
 * available; the device is told only by virtq_kick(). 0, or -ENOSPC when
 * fewer than n descriptors are free.
 */
int virtq_add(struct virtqueue *vq, const struct virtq_buf *bufs,
	      unsigned int n, void *cookie);
/* Notify the device of new buffers (unless it asked not to be). */
void virtq_kick(struct virtqueue *vq);
/* Next used chain: its cookie, and the bytes written to it in *len;
 * NULL when there is none. */
void *virtq_get(struct virtqueue *vq, uint32_t *len);
int virtq_has_used(const struct virtqueue *vq);
static inline unsigned int virtq_num_free(const struct virtqueue *vq)
{
	return vq->num_free;
}

/* Ask the device for (no) interrupts on used buffers. */
void virtq_intr_enable(struct virtqueue *vq);
void virtq_intr_disable(struct virtqueue *vq);

#endif /* __VIRTIO_VIRTQUEUE_H__ */
