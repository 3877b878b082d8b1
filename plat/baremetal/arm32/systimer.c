/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BCM2835 system timer: a free-running 64-bit counter at 1 MHz is the
 * monotonic clock; compare register C1 (C0 and C2 belong to the GPU) is
 * the one-shot timer. A compare matches the low 32 bits exactly, so a
 * deadline that passes while it is being set is reported to the caller.
 */
#include <uk/essentials.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <arm/cpu.h>
#include <arm/timer.h>
#include "rpi2.h"

#define ST_CS 0x00
#define ST_CLO 0x04
#define ST_CHI 0x08
#define ST_C1 0x10
#define ST_CS_M1 (1 << 1)

static uint64_t boot_us;

static uint64_t read_counter(void)
{
	uint32_t hi, lo;

	/* Re-read when the low word wrapped between the two reads. */
	do {
		hi = arm_mmio_read32(RPI2_SYSTIMER + ST_CHI);
		lo = arm_mmio_read32(RPI2_SYSTIMER + ST_CLO);
	} while (hi != arm_mmio_read32(RPI2_SYSTIMER + ST_CHI));
	return ((uint64_t)hi << 32) | lo;
}

__nsec ukplat_monotonic_clock(void)
{
	return ukarch_time_usec_to_nsec(read_counter() - boot_us);
}

__nsec ukplat_wall_clock(void)
{
	/* No battery-backed clock on the board. */
	return ukplat_monotonic_clock();
}

int arm_timer_set_deadline(__nsec until)
{
	/* Round up: never wake before the deadline. */
	uint32_t target = (uint32_t)(boot_us + (until + 999) / 1000);

	arm_mmio_write32(RPI2_SYSTIMER + ST_C1, target);
	/* Passed already (or right now): the match may have been missed. */
	if ((int32_t)(arm_mmio_read32(RPI2_SYSTIMER + ST_CLO) - target) >= 0)
		return -1;
	return 0;
}

static int systimer_irq(void *arg __unused)
{
	if (!(arm_mmio_read32(RPI2_SYSTIMER + ST_CS) & ST_CS_M1))
		return 0;
	arm_mmio_write32(RPI2_SYSTIMER + ST_CS, ST_CS_M1);
	return 1;
}

int rpi2_systimer_init(void)
{
	boot_us = read_counter();
	arm_mmio_write32(RPI2_SYSTIMER + ST_CS, ST_CS_M1);
	return ukplat_irq_register(RPI2_IRQ_SYSTIMER1, systimer_irq, NULL);
}
