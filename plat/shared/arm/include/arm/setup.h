/* SPDX-License-Identifier: BSD-3-Clause */
/* Boot helpers shared by the arm platforms. */
#ifndef __ARM_SETUP_H__
#define __ARM_SETUP_H__

#include <stdint.h>
#include <stddef.h>
#include <uk/essentials.h>

/* Bounds of the image, from the linker script. */
extern char __image_start[], __image_end[];

/* Called by start.S with the boot registers. */
void arm_plat_start(uint32_t r0, uint32_t r1, uint32_t r2) __noreturn;

/* A range of RAM that is not free (image, boot data, firmware). */
struct arm_mem_range {
	uint64_t base;
	uint64_t end;
	const char *name;
	unsigned int flags; /* more UKPLAT_MEMRF_* flags (INITRD) */
};

/*
 * Describe RAM [base, base + len): each reserved range inside it becomes
 * a RESERVED (or KERNEL for the image) region, the page-aligned rest FREE
 * regions. Returns 0, or < 0 when the region table is full.
 */
int arm_mem_add_ram(uint64_t base, uint64_t len,
		    const struct arm_mem_range *res, int nres);

/*
 * The RAM ranges of the device tree's /memory nodes (plat/shared/arm/
 * fdtmem.c, for platforms that link lib/ukfdt): their count, or < 0 when
 * there are more than max.
 */
int arm_fdt_ram(const void *fdt, struct arm_mem_range *ram, int max);

/*
 * The initrd the loader named in /chosen (linux,initrd-start and -end,
 * one or two cells each) into *r, flagged UKPLAT_MEMRF_INITRD: 0, or -1
 * when there is none.
 */
int arm_fdt_initrd(const void *fdt, struct arm_mem_range *r);

#endif /* __ARM_SETUP_H__ */
