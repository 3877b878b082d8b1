/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI configuration space of bus 0, through the GT-64120 system
 * controller's PCI_0 configuration address/data registers (mechanism #1
 * layout). The GT-64120's own registers are little-endian, so a
 * big-endian CPU writes the configuration address byte-swapped; the data
 * of devices behind it (the PIIX4) then reads in CPU order, as measured
 * under QEMU 7.2 (the GT-64120's own header, device 0, would read swapped:
 * we never need it).
 */
#include <malta/malta.h>

#define GT_PCI0_CFGADDR 0xcf8
#define GT_PCI0_CFGDATA 0xcfc
#define CFG_ENABLE 0x80000000U

static volatile uint32_t *gt_reg(unsigned int off)
{
	return (volatile uint32_t *)(MALTA_GT_BASE + off);
}

static void cfg_select(unsigned int dev, unsigned int fn, unsigned int reg)
{
	*gt_reg(GT_PCI0_CFGADDR) =
		malta_le32(CFG_ENABLE | (dev << 11) | (fn << 8) | (reg & 0xfc));
}

uint32_t malta_pci_read32(unsigned int dev, unsigned int fn, unsigned int reg)
{
	cfg_select(dev, fn, reg);
	return *gt_reg(GT_PCI0_CFGDATA);
}

void malta_pci_write32(unsigned int dev, unsigned int fn, unsigned int reg,
		       uint32_t v)
{
	cfg_select(dev, fn, reg);
	*gt_reg(GT_PCI0_CFGDATA) = v;
}
