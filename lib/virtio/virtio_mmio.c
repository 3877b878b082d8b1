/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-mmio transport (spec 4.2): version 2 (modern), and version 1
 * (legacy), which QEMU still gives by default (virtio-mmio.force-legacy).
 */
#include <errno.h>
#include <uk/print.h>
#include <uk/arch/barrier.h>
#include <virtio/virtio.h>
#include <virtio/virtqueue.h>

#define VM_MAGIC 0x000
#define VM_VERSION 0x004
#define VM_DEVICE_ID 0x008
#define VM_DEVICE_FEATURES 0x010
#define VM_DEVICE_FEATURES_SEL 0x014
#define VM_DRIVER_FEATURES 0x020
#define VM_DRIVER_FEATURES_SEL 0x024
#define VM_GUEST_PAGE_SIZE 0x028 /* v1 */
#define VM_QUEUE_SEL 0x030
#define VM_QUEUE_NUM_MAX 0x034
#define VM_QUEUE_NUM 0x038
#define VM_QUEUE_ALIGN 0x03c /* v1 */
#define VM_QUEUE_PFN 0x040 /* v1 */
#define VM_QUEUE_READY 0x044
#define VM_QUEUE_NOTIFY 0x050
#define VM_INTERRUPT_STATUS 0x060
#define VM_INTERRUPT_ACK 0x064
#define VM_STATUS 0x070
#define VM_QUEUE_DESC_LOW 0x080
#define VM_QUEUE_DESC_HIGH 0x084
#define VM_QUEUE_DRIVER_LOW 0x090
#define VM_QUEUE_DRIVER_HIGH 0x094
#define VM_QUEUE_DEVICE_LOW 0x0a0
#define VM_QUEUE_DEVICE_HIGH 0x0a4
#define VM_CONFIG 0x100

#define VM_MAGIC_VALUE 0x74726976 /* "virt" */
#define VM_PAGE 4096

#define VM_MAX_DEVS 8

struct vm_dev {
	struct virtio_dev vdev;
	uintptr_t base;
};

static struct vm_dev vm_devs[VM_MAX_DEVS];
static unsigned int vm_ndevs;

static inline uint32_t vm_read(struct virtio_dev *vdev, unsigned int off)
{
	struct vm_dev *d = container_of(vdev, struct vm_dev, vdev);

	return *(volatile uint32_t *)(d->base + off);
}

static inline void vm_write(struct virtio_dev *vdev, unsigned int off,
			    uint32_t v)
{
	struct vm_dev *d = container_of(vdev, struct vm_dev, vdev);

	*(volatile uint32_t *)(d->base + off) = v;
}

static uint64_t vm_features_get(struct virtio_dev *vdev)
{
	uint64_t f;

	vm_write(vdev, VM_DEVICE_FEATURES_SEL, 1);
	f = (uint64_t)vm_read(vdev, VM_DEVICE_FEATURES) << 32;
	vm_write(vdev, VM_DEVICE_FEATURES_SEL, 0);
	return f | vm_read(vdev, VM_DEVICE_FEATURES);
}

static void vm_features_set(struct virtio_dev *vdev, uint64_t f)
{
	vm_write(vdev, VM_DRIVER_FEATURES_SEL, 1);
	vm_write(vdev, VM_DRIVER_FEATURES, (uint32_t)(f >> 32));
	vm_write(vdev, VM_DRIVER_FEATURES_SEL, 0);
	vm_write(vdev, VM_DRIVER_FEATURES, (uint32_t)f);
}

static uint8_t vm_status_get(struct virtio_dev *vdev)
{
	return (uint8_t)vm_read(vdev, VM_STATUS);
}

static void vm_status_set(struct virtio_dev *vdev, uint8_t s)
{
	vm_write(vdev, VM_STATUS, s);
}

static void vm_config_read(struct virtio_dev *vdev, unsigned int off, void *buf,
			   unsigned int len)
{
	struct vm_dev *d = container_of(vdev, struct vm_dev, vdev);
	uint8_t *p = buf;
	unsigned int i;

	/* Byte accesses: allowed for any field, and no torn reads of the
	 * fields we read (MAC, status, MTU) matter at probe time. */
	for (i = 0; i < len; i++)
		p[i] = *(volatile uint8_t *)(d->base + VM_CONFIG + off + i);
}

static uint16_t vm_vq_max_size(struct virtio_dev *vdev, uint16_t idx)
{
	vm_write(vdev, VM_QUEUE_SEL, idx);
	return (uint16_t)vm_read(vdev, VM_QUEUE_NUM_MAX);
}

static int vm_vq_setup(struct virtio_dev *vdev, struct virtqueue *vq)
{
	uint64_t desc = virtio_virt_to_phys((const void *)vq->desc);
	uint64_t avail = virtio_virt_to_phys((const void *)vq->avail);
	uint64_t used = virtio_virt_to_phys((const void *)vq->used);

	vm_write(vdev, VM_QUEUE_SEL, vq->idx);
	vm_write(vdev, VM_QUEUE_NUM, vq->num);
	if (vdev->legacy) {
		/* One block: descriptors, then the used ring one page on. */
		vm_write(vdev, VM_GUEST_PAGE_SIZE, VM_PAGE);
		vm_write(vdev, VM_QUEUE_ALIGN, VM_PAGE);
		vm_write(vdev, VM_QUEUE_PFN, (uint32_t)(desc / VM_PAGE));
		return 0;
	}
	vm_write(vdev, VM_QUEUE_DESC_LOW, (uint32_t)desc);
	vm_write(vdev, VM_QUEUE_DESC_HIGH, (uint32_t)(desc >> 32));
	vm_write(vdev, VM_QUEUE_DRIVER_LOW, (uint32_t)avail);
	vm_write(vdev, VM_QUEUE_DRIVER_HIGH, (uint32_t)(avail >> 32));
	vm_write(vdev, VM_QUEUE_DEVICE_LOW, (uint32_t)used);
	vm_write(vdev, VM_QUEUE_DEVICE_HIGH, (uint32_t)(used >> 32));
	vm_write(vdev, VM_QUEUE_READY, 1);
	return 0;
}

static void vm_vq_notify(struct virtio_dev *vdev, struct virtqueue *vq)
{
	vm_write(vdev, VM_QUEUE_NOTIFY, vq->idx);
}

static uint32_t vm_isr_ack(struct virtio_dev *vdev)
{
	uint32_t s = vm_read(vdev, VM_INTERRUPT_STATUS);

	if (s)
		vm_write(vdev, VM_INTERRUPT_ACK, s);
	return s;
}

static const struct virtio_transport_ops vm_ops = {
	.features_get = vm_features_get,
	.features_set = vm_features_set,
	.status_get = vm_status_get,
	.status_set = vm_status_set,
	.config_read = vm_config_read,
	.vq_max_size = vm_vq_max_size,
	.vq_setup = vm_vq_setup,
	.vq_notify = vm_vq_notify,
	.isr_ack = vm_isr_ack,
};

int virtio_mmio_probe(uintptr_t base, uint64_t size, unsigned long irq)
{
	volatile uint32_t *r = (volatile uint32_t *)base;
	struct vm_dev *d;
	uint32_t version, id;

	if (size < VM_CONFIG || r[VM_MAGIC / 4] != VM_MAGIC_VALUE)
		return -ENODEV;
	version = r[VM_VERSION / 4];
	id = r[VM_DEVICE_ID / 4];
	if (!id)
		return -ENODEV; /* an empty slot */
	if (version != 1 && version != 2) {
		uk_pr_warn("virtio-mmio@%lx: version %u unknown\n",
			   (unsigned long)base, version);
		return -ENOTSUP;
	}
	if (vm_ndevs == VM_MAX_DEVS)
		return -ENOSPC;
	d = &vm_devs[vm_ndevs++];
	d->base = base;
	d->vdev.ops = &vm_ops;
	d->vdev.transport = "mmio";
	d->vdev.device_id = (uint16_t)id;
	d->vdev.irqs[0] = irq;
	d->vdev.nirqs = irq != VIRTIO_NO_IRQ;
	d->vdev.legacy = version == 1;
	d->vdev.priv = d;
	return virtio_dev_found(&d->vdev);
}
