/* SPDX-License-Identifier: BSD-3-Clause */
/* PCI configuration mechanism #1 and a scan of bus 0: see pci.h. */
#include <pc/pc.h>
#include <pcipc/pci.h>

#define PCI_CONFIG_ADDR 0xcf8
#define PCI_CONFIG_DATA 0xcfc
#define PCI_ENABLE (1U << 31)

static inline uint32_t inl(uint16_t port)
{
	uint32_t v;

	__asm__ __volatile__("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void pci_select(struct pci_addr a, uint8_t off)
{
	outl(PCI_CONFIG_ADDR, PCI_ENABLE | ((uint32_t)a.bus << 16) |
				      ((uint32_t)a.dev << 11) |
				      ((uint32_t)a.fn << 8) | (off & 0xfc));
}

uint32_t x86_pci_read32(struct pci_addr a, uint8_t off)
{
	pci_select(a, off);
	return inl(PCI_CONFIG_DATA);
}

uint16_t x86_pci_read16(struct pci_addr a, uint8_t off)
{
	return (uint16_t)(x86_pci_read32(a, off) >> (8 * (off & 2)));
}

uint8_t x86_pci_read8(struct pci_addr a, uint8_t off)
{
	return (uint8_t)(x86_pci_read32(a, off) >> (8 * (off & 3)));
}

void x86_pci_write32(struct pci_addr a, uint8_t off, uint32_t v)
{
	pci_select(a, off);
	outl(PCI_CONFIG_DATA, v);
}

void x86_pci_write16(struct pci_addr a, uint8_t off, uint16_t v)
{
	pci_select(a, off);
	outw(PCI_CONFIG_DATA + (off & 2), v);
}

int x86_pci_foreach(int (*fn)(struct pci_addr a, uint16_t vendor,
			      uint16_t device, void *arg),
		    void *arg)
{
	struct pci_addr a = { 0, 0, 0 };
	int rc;

	for (a.dev = 0; a.dev < 32; a.dev++) {
		unsigned int nfn = 1;

		for (a.fn = 0; a.fn < nfn; a.fn++) {
			uint32_t id = x86_pci_read32(a, PCI_VENDOR_ID);

			if ((id & 0xffff) == 0xffff)
				continue;
			/* Multi-function devices: bit 7 of the header type. */
			if (a.fn == 0 &&
			    (x86_pci_read8(a, PCI_HEADER_TYPE) & 0x80))
				nfn = 8;
			rc = fn(a, (uint16_t)id, (uint16_t)(id >> 16), arg);
			if (rc)
				return rc;
		}
	}
	return 0;
}

uint64_t x86_pci_bar_mem(struct pci_addr a, unsigned int bar)
{
	uint8_t off = (uint8_t)(PCI_BAR0 + 4 * bar);
	uint32_t lo = x86_pci_read32(a, off);
	uint64_t base;

	if (bar > 5 || (lo & 1))
		return 0; /* I/O BAR */
	base = lo & ~0xfULL;
	if (((lo >> 1) & 3) == 2 && bar < 5)
		base |= (uint64_t)x86_pci_read32(a, off + 4) << 32;
	return base;
}

/* --- Memory BARs the firmware left unassigned ------------------------------ */
/*
 * qboot, the fast firmware, assigns no 64-bit BARs (virtio's modern
 * interface lives in one). We place them in the PCI hole below the I/O
 * APIC, after every BAR already there; the window starts at 3 GiB, above
 * the RAM of the small machines we run on and q35's MMCONFIG.
 */
#define PCI_HOLE_START 0xc0000000ULL
#define PCI_HOLE_END 0xfec00000ULL

static uint64_t pci_hole_next;

static uint64_t bar_size(struct pci_addr a, uint8_t off, int is64)
{
	uint32_t lo = x86_pci_read32(a, off), hi = 0, mlo, mhi = 0xffffffff;

	x86_pci_write32(a, off, 0xffffffff);
	mlo = x86_pci_read32(a, off);
	x86_pci_write32(a, off, lo);
	if (is64) {
		hi = x86_pci_read32(a, off + 4);
		x86_pci_write32(a, off + 4, 0xffffffff);
		mhi = x86_pci_read32(a, off + 4);
		x86_pci_write32(a, off + 4, hi);
	}
	return ~((((uint64_t)mhi << 32) | mlo) & ~0xfULL) + 1;
}

static int hole_scan(struct pci_addr a, uint16_t vendor __unused,
		     uint16_t device __unused, void *arg __unused)
{
	unsigned int bar;

	if ((x86_pci_read8(a, PCI_HEADER_TYPE) & 0x7f) != 0)
		return 0; /* bridges: their windows are not BARs */
	for (bar = 0; bar < 6; bar++) {
		uint8_t off = (uint8_t)(PCI_BAR0 + 4 * bar);
		uint32_t lo = x86_pci_read32(a, off);
		int is64 = !(lo & 1) && ((lo >> 1) & 3) == 2;
		uint64_t base = x86_pci_bar_mem(a, bar), end;

		if (base >= PCI_HOLE_START && base < PCI_HOLE_END) {
			end = base + bar_size(a, off, is64);
			if (end > pci_hole_next)
				pci_hole_next = end;
		}
		if (is64)
			bar++;
	}
	return 0;
}

uint64_t x86_pci_bar_assign(struct pci_addr a, unsigned int bar)
{
	uint8_t off = (uint8_t)(PCI_BAR0 + 4 * bar);
	uint32_t lo = x86_pci_read32(a, off);
	int is64 = ((lo >> 1) & 3) == 2;
	uint16_t cmd;
	uint64_t size, base;

	if (bar > 5 || (lo & 1))
		return 0;
	base = x86_pci_bar_mem(a, bar);
	if (base)
		return base;
	if (!pci_hole_next) {
		pci_hole_next = PCI_HOLE_START;
		x86_pci_foreach(hole_scan, NULL);
	}
	/* No decoding while the BAR moves. */
	cmd = x86_pci_read16(a, PCI_COMMAND);
	x86_pci_write16(a, PCI_COMMAND, cmd & ~PCI_COMMAND_MEMORY);
	size = bar_size(a, off, is64);
	base = ALIGN_UP(pci_hole_next, size);
	if (!size || (size & (size - 1)) || base + size > PCI_HOLE_END) {
		x86_pci_write16(a, PCI_COMMAND, cmd);
		return 0;
	}
	x86_pci_write32(a, off, (uint32_t)base | (lo & 0xf));
	if (is64)
		x86_pci_write32(a, off + 4, 0);
	pci_hole_next = base + size;
	x86_pci_write16(a, PCI_COMMAND, cmd);
	return base;
}

/* --- INTx routing ------------------------------------------------------------ */
/*
 * PCI INTx lines reach the 8259s through the chipset's PIRQ routing
 * registers (PIIX3 function 00:01.0, or ICH9's LPC bridge 00:1f.0), which
 * the firmware programs. Which PIRQ a slot's pin uses is board wiring the
 * interrupt line register should tell, but qboot writes values there that
 * do not match QEMU's wiring. So the candidates are the line register and
 * every IRQ a PIRQ is routed to; a driver listens on all of them (its
 * handler checks its device's status first).
 */
#define PIIX3_ID 0x70008086U
#define ICH9_LPC_ID 0x29188086U
#define PIRQ_DISABLED 0x80

static unsigned int add_irq(unsigned long *irqs, unsigned int n,
			    unsigned int max, unsigned long irq)
{
	unsigned int i;

	if (irq == 0 || irq >= 16 || irq == 2 || n == max)
		return n;
	for (i = 0; i < n; i++)
		if (irqs[i] == irq)
			return n;
	irqs[n] = irq;
	return n + 1;
}

static unsigned int add_pirqs(unsigned long *irqs, unsigned int n,
			      unsigned int max, struct pci_addr bridge,
			      uint8_t off)
{
	uint32_t r = x86_pci_read32(bridge, off);
	unsigned int i;

	for (i = 0; i < 4; i++) {
		uint8_t v = (uint8_t)(r >> (8 * i));

		if (!(v & PIRQ_DISABLED))
			n = add_irq(irqs, n, max, v & 0xf);
	}
	return n;
}

unsigned int x86_pci_intx_irqs(struct pci_addr a, unsigned long *irqs,
			       unsigned int max)
{
	struct pci_addr piix = { 0, 1, 0 }, ich9 = { 0, 0x1f, 0 };
	unsigned int n = 0;

	if (!x86_pci_read8(a, PCI_INTERRUPT_PIN))
		return 0; /* the function has no INTx */
	n = add_irq(irqs, n, max, x86_pci_read8(a, PCI_INTERRUPT_LINE));
	if (x86_pci_read32(piix, PCI_VENDOR_ID) == PIIX3_ID)
		n = add_pirqs(irqs, n, max, piix, 0x60);
	if (x86_pci_read32(ich9, PCI_VENDOR_ID) == ICH9_LPC_ID) {
		n = add_pirqs(irqs, n, max, ich9, 0x60);
		n = add_pirqs(irqs, n, max, ich9, 0x68);
	}
	return n;
}
