/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The virtio core shared by the virtio drivers of the kvm platforms
 * (Virtio 1.2 spec, OASIS): a device as its transport (PCI, MMIO) presents
 * it, the status handshake, feature negotiation and the driver table.
 *
 * A transport finds a device, fills a struct virtio_dev and calls
 * virtio_dev_found(); the driver for its device id then runs
 * virtio_negotiate(), sets up its queues (virtq_create) and calls
 * virtio_driver_ok(). All fields in device memory are little-endian, as
 * are the CPUs this code runs on (x86_64, arm32 LE).
 */
#ifndef __VIRTIO_VIRTIO_H__
#define __VIRTIO_VIRTIO_H__

#include <stdint.h>
#include <uk/alloc.h>
#include <uk/essentials.h>

/* Device status bits (spec 2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE 0x01
#define VIRTIO_STATUS_DRIVER 0x02
#define VIRTIO_STATUS_DRIVER_OK 0x04
#define VIRTIO_STATUS_FEATURES_OK 0x08
#define VIRTIO_STATUS_NEEDS_RESET 0x40
#define VIRTIO_STATUS_FAILED 0x80

/* Device-independent feature bits (spec 6). */
#define VIRTIO_F_VERSION_1 32
#define VIRTIO_F_ACCESS_PLATFORM 33

/* Device ids (spec 5). */
#define VIRTIO_ID_NET 1
#define VIRTIO_ID_9P 9
#define VIRTIO_ID_RNG 4

/* Interrupt status bits (ISR / InterruptStatus). */
#define VIRTIO_ISR_QUEUE 0x1
#define VIRTIO_ISR_CONFIG 0x2

#define VIRTIO_NO_IRQ (~0UL)
#define VIRTIO_MAX_IRQS 8

struct virtio_dev;
struct virtqueue;

/* What a transport does for the core and the drivers. */
struct virtio_transport_ops {
	uint64_t (*features_get)(struct virtio_dev *vdev);
	void (*features_set)(struct virtio_dev *vdev, uint64_t features);
	uint8_t (*status_get)(struct virtio_dev *vdev);
	void (*status_set)(struct virtio_dev *vdev, uint8_t status);
	/* Bytes of the device-specific configuration space. */
	void (*config_read)(struct virtio_dev *vdev, unsigned int off,
			    void *buf, unsigned int len);
	/* Largest size of queue idx; 0 when the queue does not exist. */
	uint16_t (*vq_max_size)(struct virtio_dev *vdev, uint16_t idx);
	/* Tell the device where vq's rings are and enable it. */
	int (*vq_setup)(struct virtio_dev *vdev, struct virtqueue *vq);
	void (*vq_notify)(struct virtio_dev *vdev, struct virtqueue *vq);
	/* Read and acknowledge the interrupt status (VIRTIO_ISR_*). */
	uint32_t (*isr_ack)(struct virtio_dev *vdev);
};

struct virtio_dev {
	const struct virtio_transport_ops *ops;
	const char *transport; /* "pci", "mmio" */
	uint16_t device_id;
	/*
	 * Platform interrupt lines (ukplat_irq_register) the device's
	 * interrupt may come on: one, or several candidates where the
	 * routing is not known for sure (x86 PCI INTx). 0 lines: none.
	 */
	unsigned long irqs[VIRTIO_MAX_IRQS];
	unsigned int nirqs;
	/* Legacy device (virtio-mmio version 1): no VERSION_1. */
	int legacy;
	uint64_t features; /* negotiated */
	void *priv; /* the transport's */
};

static inline int virtio_has_feature(const struct virtio_dev *vdev,
				     unsigned int bit)
{
	return !!(vdev->features & (1ULL << bit));
}

/*
 * Reset, ACKNOWLEDGE, DRIVER, then accept the features both sides have
 * (VERSION_1 is always asked for and required unless vdev->legacy) and
 * check FEATURES_OK. 0, or -ENOTSUP (status FAILED is set).
 */
int virtio_negotiate(struct virtio_dev *vdev, uint64_t driver_features);
/* Setup done: the device may run. */
void virtio_driver_ok(struct virtio_dev *vdev);
/* Give up on a device. */
void virtio_fail(struct virtio_dev *vdev);

/*
 * For transports: hand a found device to its driver. Returns the
 * driver's result, -ENODEV when no driver takes this device id.
 */
int virtio_dev_found(struct virtio_dev *vdev);

/* The drivers (each one a probe function for a device id). */
int virtio_net_probe(struct virtio_dev *vdev);
int virtio_9p_probe(struct virtio_dev *vdev);
int virtio_rng_probe(struct virtio_dev *vdev);

/* The allocator drivers use for their structures. */
struct uk_alloc *virtio_alloc(void);

/* Device addresses of memory: the kvm platforms map memory 1:1. */
static inline uint64_t virtio_virt_to_phys(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* Ways the platforms find devices (each calls virtio_dev_found()). */
/* virtio-mmio at base (size bytes) with interrupt line irq. */
int virtio_mmio_probe(uintptr_t base, uint64_t size, unsigned long irq);
/* Every virtio device on PCI bus 0 (x86). */
int virtio_pci_probe_all(void);

#endif /* __VIRTIO_VIRTIO_H__ */
