/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The BCM2835 hardware random number generator (at 0x3f104000 on the
 * BCM2836) as lib/ukrandom's entropy source on the Raspberry Pi 2:
 * CTRL bit 0 starts it, the first STATUS writes' low bits tell it how
 * many warm-up words to throw away, STATUS[31:24] counts the words ready
 * in DATA.
 */
#include <errno.h>
#include <string.h>
#include <uk/init.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include <uk/random.h>
#include <arm/cpu.h>
#include "rpi2.h"

#define RNG_CTRL 0x00
#define RNG_STATUS 0x04
#define RNG_DATA 0x08
#define RNG_INT_MASK 0x10
#define RNG_CTRL_EN 0x1
#define RNG_WARMUP 0x40000
/* Warm-up and each word take microseconds; a silent RNG is broken. */
#define RNG_TIMEOUT_NS 1000000000LL

static int rpi2_rng_read(void *buf, size_t len)
{
	uint8_t *p = buf;

	while (len) {
		__nsec deadline = ukplat_monotonic_clock() + RNG_TIMEOUT_NS;
		uint32_t v;
		size_t n = len < sizeof(v) ? len : sizeof(v);

		while (!(arm_mmio_read32(RPI2_RNG + RNG_STATUS) >> 24))
			if (ukplat_monotonic_clock() > deadline)
				return -ETIMEDOUT;
		v = arm_mmio_read32(RPI2_RNG + RNG_DATA);
		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
	return 0;
}

static struct uk_random_source rpi2_rng_source = {
	.name = "bcm2835 rng",
	.rank = UK_RANDOM_RANK_HOST,
	.read = rpi2_rng_read,
};

static int rpi2_rng_init(void)
{
	arm_mmio_write32(RPI2_RNG + RNG_STATUS, RNG_WARMUP);
	arm_mmio_write32(RPI2_RNG + RNG_INT_MASK,
			 arm_mmio_read32(RPI2_RNG + RNG_INT_MASK) | 1);
	arm_mmio_write32(RPI2_RNG + RNG_CTRL,
			 arm_mmio_read32(RPI2_RNG + RNG_CTRL) | RNG_CTRL_EN);
	uk_random_source_register(&rpi2_rng_source);
	return 0;
}
uk_plat_initcall(rpi2_rng_init);
