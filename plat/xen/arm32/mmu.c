/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen requires everything it shares with a guest (hypercall arguments,
 * shared_info, the console ring) to be Normal Inner/Outer Write-Back
 * Inner-Shareable memory (arch-arm.h); with the MMU off every access is
 * strongly ordered. So turn the MMU on first: one first-level table of
 * 1 MiB sections (ARMv7-A ARM, B3.5, short descriptors), identity mapped,
 * RAM normal cacheable, everything else device memory, never executable.
 */
#include <uk/essentials.h>
#include <uk/arch/barrier.h>
#include <arm/cpu.h>
#include <arm/setup.h>
#include "xen-arm.h"

#define SECT_SHIFT 20
#define SECT_COUNT 4096
#define SECT_TYPE (2U << 0)
#define SECT_B (1U << 2)
#define SECT_C (1U << 3)
#define SECT_XN (1U << 4)
#define SECT_AP_RW (3U << 10)
#define SECT_TEX(x) ((uint32_t)(x) << 12)
#define SECT_S (1U << 16)
/* TEX=001 C=1 B=1: write-back, write-allocate; shareable. */
#define SECT_NORMAL \
	(SECT_TYPE | SECT_AP_RW | SECT_TEX(1) | SECT_C | SECT_B | SECT_S)
/* TEX=000 C=0 B=1: shareable device. */
#define SECT_DEVICE (SECT_TYPE | SECT_AP_RW | SECT_B | SECT_XN)

#define SCTLR_M (1U << 0)
#define SCTLR_C (1U << 2)
#define SCTLR_Z (1U << 11)
#define SCTLR_I (1U << 12)

/* The table must be 16 KiB aligned (TTBR0 with TTBCR.N = 0). */
static uint32_t ttb[SECT_COUNT] __align(16384);

static unsigned int dcache_line(void)
{
	/* CTR.DminLine: log2 of the line size in words. */
	return 4U << ((ARM_CP15_READ(0, c0, c0, 1) >> 16) & 0xf);
}

/* Drop stale lines: what was written with the caches off is in memory. */
static void dcache_inval(uintptr_t start, uintptr_t end)
{
	unsigned int line = dcache_line();
	uintptr_t a;

	for (a = start & ~(uintptr_t)(line - 1); a < end; a += line)
		ARM_CP15_WRITE(0, c7, c6, 1, a); /* DCIMVAC */
	dsb();
}

/* The walker reads the table uncached: push an updated entry out. */
static void ttb_clean(const uint32_t *e)
{
	dsb();
	ARM_CP15_WRITE(0, c7, c10, 1, (uintptr_t)e); /* DCCMVAC */
	dsb();
}

static void map_normal(uint64_t base, uint64_t end)
{
	uint64_t s;

	if (end > (1ULL << 32))
		end = 1ULL << 32;
	for (s = base >> SECT_SHIFT; (s << SECT_SHIFT) < end; s++)
		ttb[s] = ((uint32_t)s << SECT_SHIFT) | SECT_NORMAL;
}

void xen_arm_mmu_init(const struct arm_mem_range *ram, int n, const void *fdt,
		      size_t fdt_size)
{
	uint32_t i;

	for (i = 0; i < SECT_COUNT; i++)
		ttb[i] = (i << SECT_SHIFT) | SECT_DEVICE;
	for (i = 0; i < (uint32_t)n; i++)
		map_normal(ram[i].base, ram[i].end);
	/* The image runs from here whatever the device tree says. */
	map_normal((uintptr_t)__image_start, (uintptr_t)__image_end);

	dcache_inval((uintptr_t)__image_start, (uintptr_t)__image_end);
	dcache_inval((uintptr_t)fdt, (uintptr_t)fdt + fdt_size);
	ARM_CP15_WRITE(0, c2, c0, 2, 0); /* TTBCR: short descriptors */
	ARM_CP15_WRITE(0, c2, c0, 0,
		       (uintptr_t)ttb); /* TTBR0, uncached walks */
	ARM_CP15_WRITE(0, c3, c0, 0, 0x55555555); /* DACR: all domains client */
	ARM_CP15_WRITE(0, c8, c7, 0, 0); /* TLBIALL */
	ARM_CP15_WRITE(0, c7, c5, 0, 0); /* ICIALLU */
	ARM_CP15_WRITE(0, c7, c5, 6, 0); /* BPIALL */
	dsb();
	isb();
	ARM_CP15_WRITE(0, c1, c0, 0,
		       ARM_CP15_READ(0, c1, c0, 0) | SCTLR_M | SCTLR_C |
			       SCTLR_I | SCTLR_Z);
	isb();
}

void xen_arm_mmu_map_normal(uint64_t addr)
{
	uint32_t s = (uint32_t)(addr >> SECT_SHIFT);

	if (addr >> 32 || (ttb[s] & SECT_XN) == 0)
		return;
	ttb[s] = (s << SECT_SHIFT) | SECT_NORMAL;
	ttb_clean(&ttb[s]);
	ARM_CP15_WRITE(0, c8, c7, 1, s << SECT_SHIFT); /* TLBIMVA */
	ARM_CP15_WRITE(0, c7, c5, 6, 0); /* BPIALL */
	dsb();
	isb();
}
