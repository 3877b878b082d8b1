/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wall clock: the PIIX4's MC146818-compatible RTC (ISA ports 0x70/0x71,
 * lib/mc146818), read once at boot; afterwards wall time
 * advances with the monotonic clock. The RTC keeps UTC (QEMU's default
 * -rtc base=utc).
 */
#include <uk/plat/time.h>
#include <mc146818/mc146818.h>
#include <malta/malta.h>

#define RTC_INDEX 0x70
#define RTC_DATA 0x71

static __nsec boot_wall_ns;

static uint8_t rtc_read(uint8_t reg)
{
	malta_outb(RTC_INDEX, reg);
	return malta_inb(RTC_DATA);
}

void malta_rtc_init(void)
{
	/* 0 (no sensible date): wall time starts at 0. */
	boot_wall_ns = mc146818_epoch_ns(rtc_read);
}

__nsec ukplat_wall_clock(void)
{
	return boot_wall_ns + ukplat_monotonic_clock();
}
