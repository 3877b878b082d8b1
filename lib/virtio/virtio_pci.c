/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * virtio-pci transport, modern interface (spec 4.1.4): the common, notify,
 * ISR and device configuration structures that vendor capabilities place
 * in memory BARs. QEMU's virtio-*-pci devices are transitional and have
 * both interfaces; this driver uses only the modern one. Interrupts are
 * INTx (x86_pci_intx_irqs() says on which lines they may arrive).
 */
#include <errno.h>
#include <uk/print.h>
#include <virtio/virtio.h>
#include <virtio/virtqueue.h>
#include <pcipc/pci.h>

#define VIRTIO_PCI_VENDOR 0x1af4
#define VIRTIO_PCI_DEV_LEGACY_FIRST 0x1000
#define VIRTIO_PCI_DEV_LEGACY_LAST 0x103f
#define VIRTIO_PCI_DEV_MODERN 0x1040
#define VIRTIO_PCI_DEV_LAST 0x107f

#define PCI_CAP_VENDOR 0x09
#define VPCI_CAP_COMMON 1
#define VPCI_CAP_NOTIFY 2
#define VPCI_CAP_ISR 3
#define VPCI_CAP_DEVICE 4

/* struct virtio_pci_cap offsets in configuration space. */
#define VPCI_CAP_CFG_TYPE 3
#define VPCI_CAP_BAR 4
#define VPCI_CAP_OFFSET 8
#define VPCI_CAP_LENGTH 12
#define VPCI_CAP_NOTIFY_MULT 16

/* struct virtio_pci_common_cfg. */
#define VC_DEVICE_FEATURE_SELECT 0
#define VC_DEVICE_FEATURE 4
#define VC_DRIVER_FEATURE_SELECT 8
#define VC_DRIVER_FEATURE 12
#define VC_NUM_QUEUES 18
#define VC_DEVICE_STATUS 20
#define VC_QUEUE_SELECT 22
#define VC_QUEUE_SIZE 24
#define VC_QUEUE_ENABLE 28
#define VC_QUEUE_NOTIFY_OFF 30
#define VC_QUEUE_DESC 32
#define VC_QUEUE_DRIVER 40
#define VC_QUEUE_DEVICE 48

#define VPCI_MAX_DEVS 8
/* The page tables of the x86 platforms map the first 4 GiB only. */
#define VPCI_MAPPED_LIMIT 0x100000000ULL

struct vpci_dev {
	struct virtio_dev vdev;
	struct pci_addr pci;
	uintptr_t common, isr, device, notify;
	uint32_t notify_mult;
};

static struct vpci_dev vpci_devs[VPCI_MAX_DEVS];
static unsigned int vpci_ndevs;

#define VPCI(vdev) container_of(vdev, struct vpci_dev, vdev)
#define REG8(a) (*(volatile uint8_t *)(a))
#define REG16(a) (*(volatile uint16_t *)(a))
#define REG32(a) (*(volatile uint32_t *)(a))

static uint64_t vpci_features_get(struct virtio_dev *vdev)
{
	uintptr_t c = VPCI(vdev)->common;
	uint64_t f;

	REG32(c + VC_DEVICE_FEATURE_SELECT) = 1;
	f = (uint64_t)REG32(c + VC_DEVICE_FEATURE) << 32;
	REG32(c + VC_DEVICE_FEATURE_SELECT) = 0;
	return f | REG32(c + VC_DEVICE_FEATURE);
}

static void vpci_features_set(struct virtio_dev *vdev, uint64_t f)
{
	uintptr_t c = VPCI(vdev)->common;

	REG32(c + VC_DRIVER_FEATURE_SELECT) = 1;
	REG32(c + VC_DRIVER_FEATURE) = (uint32_t)(f >> 32);
	REG32(c + VC_DRIVER_FEATURE_SELECT) = 0;
	REG32(c + VC_DRIVER_FEATURE) = (uint32_t)f;
}

static uint8_t vpci_status_get(struct virtio_dev *vdev)
{
	return REG8(VPCI(vdev)->common + VC_DEVICE_STATUS);
}

static void vpci_status_set(struct virtio_dev *vdev, uint8_t s)
{
	REG8(VPCI(vdev)->common + VC_DEVICE_STATUS) = s;
}

static void vpci_config_read(struct virtio_dev *vdev, unsigned int off,
			     void *buf, unsigned int len)
{
	uint8_t *p = buf;
	unsigned int i;

	for (i = 0; i < len; i++)
		p[i] = REG8(VPCI(vdev)->device + off + i);
}

static uint16_t vpci_vq_max_size(struct virtio_dev *vdev, uint16_t idx)
{
	uintptr_t c = VPCI(vdev)->common;

	if (idx >= REG16(c + VC_NUM_QUEUES))
		return 0;
	REG16(c + VC_QUEUE_SELECT) = idx;
	return REG16(c + VC_QUEUE_SIZE);
}

static void reg64(uintptr_t a, uint64_t v)
{
	/* Two 32-bit halves: the spec allows it, every CPU can do it. */
	REG32(a) = (uint32_t)v;
	REG32(a + 4) = (uint32_t)(v >> 32);
}

static int vpci_vq_setup(struct virtio_dev *vdev, struct virtqueue *vq)
{
	struct vpci_dev *d = VPCI(vdev);
	uintptr_t c = d->common;

	REG16(c + VC_QUEUE_SELECT) = vq->idx;
	REG16(c + VC_QUEUE_SIZE) = vq->num;
	reg64(c + VC_QUEUE_DESC, virtio_virt_to_phys((const void *)vq->desc));
	reg64(c + VC_QUEUE_DRIVER,
	      virtio_virt_to_phys((const void *)vq->avail));
	reg64(c + VC_QUEUE_DEVICE, virtio_virt_to_phys((const void *)vq->used));
	vq->notify = d->notify +
		     (uintptr_t)REG16(c + VC_QUEUE_NOTIFY_OFF) * d->notify_mult;
	REG16(c + VC_QUEUE_ENABLE) = 1;
	return 0;
}

static void vpci_vq_notify(struct virtio_dev *vdev __unused,
			   struct virtqueue *vq)
{
	REG16(vq->notify) = vq->idx;
}

static uint32_t vpci_isr_ack(struct virtio_dev *vdev)
{
	/* Reading clears it and lowers INTx. */
	return REG8(VPCI(vdev)->isr);
}

static const struct virtio_transport_ops vpci_ops = {
	.features_get = vpci_features_get,
	.features_set = vpci_features_set,
	.status_get = vpci_status_get,
	.status_set = vpci_status_set,
	.config_read = vpci_config_read,
	.vq_max_size = vpci_vq_max_size,
	.vq_setup = vpci_vq_setup,
	.vq_notify = vpci_vq_notify,
	.isr_ack = vpci_isr_ack,
};

/* Finds the modern structures in the capability list. 0 when complete. */
static int vpci_caps(struct vpci_dev *d)
{
	struct pci_addr a = d->pci;
	uint8_t cap;
	int guard = 48;

	if (!(x86_pci_read16(a, PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return -ENODEV;
	for (cap = x86_pci_read8(a, PCI_CAP_PTR) & 0xfc; cap && guard--;
	     cap = x86_pci_read8(a, cap + 1) & 0xfc) {
		uint8_t type, bar;
		uint64_t base;
		uintptr_t addr;

		if (x86_pci_read8(a, cap) != PCI_CAP_VENDOR)
			continue;
		type = x86_pci_read8(a, cap + VPCI_CAP_CFG_TYPE);
		bar = x86_pci_read8(a, cap + VPCI_CAP_BAR);
		if (type < VPCI_CAP_COMMON || type > VPCI_CAP_DEVICE || bar > 5)
			continue;
		base = x86_pci_bar_assign(a, bar);
		if (!base || base >= VPCI_MAPPED_LIMIT) {
			uk_pr_warn("virtio-pci %02x:%02x.%x: BAR%u at %lx "
				   "not usable\n",
				   a.bus, a.dev, a.fn, bar,
				   (unsigned long)base);
			continue;
		}
		addr = (uintptr_t)base +
		       x86_pci_read32(a, cap + VPCI_CAP_OFFSET);
		switch (type) {
		case VPCI_CAP_COMMON:
			if (!d->common)
				d->common = addr;
			break;
		case VPCI_CAP_NOTIFY:
			if (!d->notify) {
				d->notify = addr;
				d->notify_mult = x86_pci_read32(
					a, cap + VPCI_CAP_NOTIFY_MULT);
			}
			break;
		case VPCI_CAP_ISR:
			if (!d->isr)
				d->isr = addr;
			break;
		case VPCI_CAP_DEVICE:
			if (!d->device)
				d->device = addr;
			break;
		}
	}
	return d->common && d->notify && d->isr && d->device ? 0 : -ENODEV;
}

static int vpci_found(struct pci_addr a, uint16_t vendor, uint16_t device,
		      void *arg __unused)
{
	struct vpci_dev *d;
	uint16_t id, cmd;

	if (vendor != VIRTIO_PCI_VENDOR ||
	    device < VIRTIO_PCI_DEV_LEGACY_FIRST ||
	    device > VIRTIO_PCI_DEV_LAST ||
	    (device > VIRTIO_PCI_DEV_LEGACY_LAST &&
	     device < VIRTIO_PCI_DEV_MODERN))
		return 0;
	/* Transitional devices name their type in the subsystem id. */
	id = device >= VIRTIO_PCI_DEV_MODERN ? device - VIRTIO_PCI_DEV_MODERN :
					       x86_pci_read16(a, PCI_SUBSYS_ID);
	if (vpci_ndevs == VPCI_MAX_DEVS)
		return 0;
	d = &vpci_devs[vpci_ndevs];
	d->pci = a;
	cmd = x86_pci_read16(a, PCI_COMMAND);
	cmd |= PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	cmd &= ~PCI_COMMAND_INTX_DISABLE;
	x86_pci_write16(a, PCI_COMMAND, cmd);
	if (vpci_caps(d)) {
		uk_pr_warn("virtio-pci %02x:%02x.%x: no modern interface\n",
			   a.bus, a.dev, a.fn);
		*d = (struct vpci_dev){ 0 };
		return 0;
	}
	vpci_ndevs++;
	d->vdev.ops = &vpci_ops;
	d->vdev.transport = "pci";
	d->vdev.device_id = id;
	d->vdev.nirqs = x86_pci_intx_irqs(a, d->vdev.irqs, VIRTIO_MAX_IRQS);
	d->vdev.priv = d;
	virtio_dev_found(&d->vdev);
	return 0;
}

int virtio_pci_probe_all(void)
{
	return x86_pci_foreach(vpci_found, NULL);
}
