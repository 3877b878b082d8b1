/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI configuration space through configuration mechanism #1 (I/O ports
 * 0xCF8/0xCFC), as on the PC machines (i440FX, Q35). Used by drivers of
 * the x86 platforms (virtio-pci).
 */
#ifndef __X86_PCI_H__
#define __X86_PCI_H__

#include <stdint.h>

#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
#define PCI_COMMAND 0x04
#define PCI_STATUS 0x06
#define PCI_HEADER_TYPE 0x0e
#define PCI_BAR0 0x10
#define PCI_SUBSYS_ID 0x2e
#define PCI_CAP_PTR 0x34
#define PCI_INTERRUPT_LINE 0x3c
#define PCI_INTERRUPT_PIN 0x3d

#define PCI_COMMAND_IO 0x1
#define PCI_COMMAND_MEMORY 0x2
#define PCI_COMMAND_MASTER 0x4
#define PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_STATUS_CAP_LIST 0x10

struct pci_addr {
	uint8_t bus, dev, fn;
};

uint32_t x86_pci_read32(struct pci_addr a, uint8_t off);
uint16_t x86_pci_read16(struct pci_addr a, uint8_t off);
uint8_t x86_pci_read8(struct pci_addr a, uint8_t off);
void x86_pci_write32(struct pci_addr a, uint8_t off, uint32_t v);
void x86_pci_write16(struct pci_addr a, uint8_t off, uint16_t v);

/*
 * Call fn for every function present on bus 0 (the only bus of QEMU's
 * pc and q35 without bridges); stops at the first non-zero return.
 */
int x86_pci_foreach(int (*fn)(struct pci_addr a, uint16_t vendor,
			      uint16_t device, void *arg),
		    void *arg);

/*
 * Base address of memory BAR bar (32- or 64-bit), 0 when it is not a
 * memory BAR or is unassigned.
 */
uint64_t x86_pci_bar_mem(struct pci_addr a, unsigned int bar);

/*
 * The same, but a memory BAR the firmware left at 0 gets an address in
 * the PCI hole below 4 GiB first. 0 when that is impossible.
 */
uint64_t x86_pci_bar_assign(struct pci_addr a, unsigned int bar);

/*
 * The ISA IRQs function a's INTx may arrive on: its interrupt line
 * register first, then every line the chipset routes a PIRQ to (see
 * pci.c for why). Returns how many were written to irqs (at most max).
 */
unsigned int x86_pci_intx_irqs(struct pci_addr a, unsigned long *irqs,
			       unsigned int max);

#endif /* __X86_PCI_H__ */
