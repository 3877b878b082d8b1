/* SPDX-License-Identifier: BSD-3-Clause */
/* Split virtqueues: see include/virtio/virtqueue.h. */
#include <errno.h>
#include <string.h>
#include <uk/arch/barrier.h>
#include <virtio/virtqueue.h>

#define VIRTQ_MAX_DEFAULT 256
/*
 * The used ring starts on its own page: that is the layout legacy
 * devices (virtio-mmio version 1, QueueAlign 4096) require, and modern
 * ones accept any aligned layout.
 */
#define VIRTQ_ALIGN 4096

static size_t virtq_used_off(uint16_t num)
{
	size_t avail_end = 16 * (size_t)num + 6 + 2 * (size_t)num;

	return ALIGN_UP(avail_end, (size_t)VIRTQ_ALIGN);
}

static size_t virtq_mem_size(uint16_t num)
{
	return virtq_used_off(num) +
	       ALIGN_UP(6 + 8 * (size_t)num, (size_t)VIRTQ_ALIGN);
}

struct virtqueue *virtq_create(struct virtio_dev *vdev, uint16_t idx,
			       uint16_t num, struct uk_alloc *a)
{
	uint16_t max = vdev->ops->vq_max_size(vdev, idx), i;
	struct virtqueue *vq;
	size_t size;

	if (!max)
		return NULL;
	if (!num || num > max)
		num = max < VIRTQ_MAX_DEFAULT ? max : VIRTQ_MAX_DEFAULT;
	if (num & (num - 1))
		return NULL; /* split rings are powers of two */
	vq = uk_calloc(a, 1, sizeof(*vq));
	if (!vq)
		return NULL;
	vq->cookies = uk_calloc(a, num, sizeof(void *));
	size = virtq_mem_size(num);
	vq->mem = uk_memalign(a, VIRTQ_ALIGN, size);
	if (!vq->cookies || !vq->mem)
		goto err;
	memset(vq->mem, 0, size);
	vq->vdev = vdev;
	vq->a = a;
	vq->idx = idx;
	vq->num = num;
	vq->desc = vq->mem;
	vq->avail = (void *)((char *)vq->mem + 16 * (size_t)num);
	vq->used = (void *)((char *)vq->mem + virtq_used_off(num));
	for (i = 0; i < num; i++)
		vq->desc[i].next = i + 1;
	vq->free_head = 0;
	vq->num_free = num;
	vq->avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
	if (vdev->ops->vq_setup(vdev, vq) < 0)
		goto err;
	return vq;
err:
	uk_free(a, vq->mem);
	uk_free(a, vq->cookies);
	uk_free(a, vq);
	return NULL;
}

int virtq_add(struct virtqueue *vq, const struct virtq_buf *bufs,
	      unsigned int n, void *cookie)
{
	uint16_t head = vq->free_head, d = head, prev = head;
	unsigned int i;

	if (!n || n > vq->num_free)
		return -ENOSPC;
	for (i = 0; i < n; i++) {
		vq->desc[d].addr = bufs[i].addr;
		vq->desc[d].len = bufs[i].len;
		vq->desc[d].flags = (bufs[i].write ? VIRTQ_DESC_F_WRITE : 0) |
				    (i + 1 < n ? VIRTQ_DESC_F_NEXT : 0);
		prev = d;
		d = vq->desc[d].next;
	}
	(void)prev;
	vq->free_head = d;
	vq->num_free -= n;
	vq->cookies[head] = cookie;
	vq->avail->ring[vq->avail_idx & (vq->num - 1)] = head;
	/* The device must see the descriptors before the index moves. */
	wmb();
	vq->avail->idx = ++vq->avail_idx;
	return 0;
}

void virtq_kick(struct virtqueue *vq)
{
	/* The new index must be visible before we read the device's flag. */
	mb();
	if (!(vq->used->flags & VIRTQ_USED_F_NO_NOTIFY))
		vq->vdev->ops->vq_notify(vq->vdev, vq);
}

int virtq_has_used(const struct virtqueue *vq)
{
	return vq->used->idx != vq->last_used;
}

void *virtq_get(struct virtqueue *vq, uint32_t *len)
{
	volatile struct virtq_used_elem *e;
	uint16_t head, d, n = 1;
	void *cookie;

	if (!virtq_has_used(vq))
		return NULL;
	/* Read the entry only after seeing the index that covers it. */
	rmb();
	e = &vq->used->ring[vq->last_used & (vq->num - 1)];
	head = (uint16_t)e->id;
	if (len)
		*len = e->len;
	vq->last_used++;
	/* Put the chain back on the free list. */
	for (d = head; vq->desc[d].flags & VIRTQ_DESC_F_NEXT;
	     d = vq->desc[d].next)
		n++;
	vq->desc[d].next = vq->free_head;
	vq->free_head = head;
	vq->num_free += n;
	cookie = vq->cookies[head];
	vq->cookies[head] = NULL;
	return cookie;
}

void virtq_intr_enable(struct virtqueue *vq)
{
	vq->avail->flags = 0;
	/* Later reads of the used index must not pass the flag's store. */
	mb();
}

void virtq_intr_disable(struct virtqueue *vq)
{
	vq->avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
}
