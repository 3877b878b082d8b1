/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time from the CP0 Count register, extended to 64 bits in software, and
 * the one-shot timer from CP0 Compare (interrupt line Cause.IP[IntCtl.IPTI]).
 *
 * Count's rate is half the CPU clock on most MIPS32 cores and differs
 * between boards. QEMU 7.2's Malta runs its CPU at 320 MHz, but it keeps
 * the Count period in whole nanoseconds (2 x 3 ns), so Count ticks at
 * 166.67 MHz (measured). Unless CONFIG_MALTA_COUNT_HZ fixes it, the rate
 * is measured at boot against the PIIX4's 8254 timer (1193182 Hz), edge
 * to edge over 5 ms, and rounded to a multiple of 10 kHz (a PIT tick is
 * 0.017% of the window).
 */
#include <uk/arch/lcpu.h>
#include <uk/plat/time.h>
#include <malta/malta.h>

#define PIT_HZ 1193182ULL
#define PIT_CH0 0x40
#define PIT_MODE 0x43
#define PIT_CH0_MODE2_LOHI 0x34 /* channel 0, lo/hi byte, rate generator */
#define PIT_CH0_MODE0_LOHI 0x30 /* terminal count: quiet until loaded */
#define PIT_CH0_LATCH 0x00
#define CAL_PIT_TICKS 5966 /* 5 ms */

/* Compare is armed this far ahead when nothing else is due, so that
 * Count wraps (every 25.8 s at 166 MHz) are never missed while idle. */
#define COUNT_WRAP_GUARD 0x40000000U

/* Smallest Compare distance: Count must not pass it before the write. */
#define COUNT_MIN_DELTA 256U

static uint32_t count_hz;
static uint32_t count_hi; /* software high word */
static uint32_t count_last; /* low word last seen */
static uint64_t count_boot;
unsigned int malta_timer_line; /* 2..7 */

static uint16_t pit_read(void)
{
	uint8_t lo, hi;

	malta_outb(PIT_MODE, PIT_CH0_LATCH);
	lo = malta_inb(PIT_CH0);
	hi = malta_inb(PIT_CH0);
	return (uint16_t)(lo | (hi << 8));
}

/*
 * Wait for the PIT to tick, and read Count right at that edge: the sample
 * is kept only if the PIT has not ticked again meanwhile (a host that
 * preempts an emulator between the two reads would skew the rate).
 */
static uint16_t pit_edge(uint32_t *count)
{
	uint16_t p, q;

	for (;;) {
		p = pit_read();
		while ((q = pit_read()) == p)
			;
		*count = ukarch_read_count();
		if (pit_read() == q)
			return q;
	}
}

static uint32_t count_calibrate(void)
{
	uint32_t c0, c1, elapsed;
	uint16_t p0, p;
	uint64_t hz;

	malta_outb(PIT_MODE, PIT_CH0_MODE2_LOHI);
	malta_outb(PIT_CH0, 0xff);
	malta_outb(PIT_CH0, 0xff);
	p0 = pit_edge(&c0);
	do {
		p = pit_edge(&c1);
		/* Down-counter, period 0xffff: at most one wrap meanwhile. */
		elapsed = (uint16_t)(p0 - p);
	} while (elapsed < CAL_PIT_TICKS);
	malta_outb(PIT_MODE, PIT_CH0_MODE0_LOHI);

	hz = (uint64_t)(c1 - c0) * PIT_HZ / elapsed;
	return (uint32_t)((hz + 5000) / 10000 * 10000);
}

/* The 64-bit count; call often enough (at least once per wrap). */
static uint64_t count_read(void)
{
	unsigned long flags = ukarch_irq_save();
	uint32_t lo = ukarch_read_count();
	uint64_t c;

	if (lo < count_last)
		count_hi++;
	count_last = lo;
	c = ((uint64_t)count_hi << 32) | lo;
	ukarch_irq_restore(flags);
	return c;
}

static __nsec count_to_ns(uint64_t c)
{
	return (__nsec)((c / count_hz) * UKPLAT_NSEC_PER_SEC +
			(c % count_hz) * UKPLAT_NSEC_PER_SEC / count_hz);
}

static uint64_t ns_to_count(__nsec ns)
{
	uint64_t n = (uint64_t)ns;

	return (n / UKPLAT_NSEC_PER_SEC) * count_hz +
	       (n % UKPLAT_NSEC_PER_SEC) * count_hz / UKPLAT_NSEC_PER_SEC;
}

__nsec ukplat_monotonic_clock(void)
{
	return count_to_ns(count_read() - count_boot);
}

/* Arm Compare for `until` (0: only the wrap guard). IRQs are off. */
void malta_timer_arm(__nsec until)
{
	uint64_t now = count_read();
	uint32_t delta = COUNT_WRAP_GUARD;

	if (until) {
		uint64_t target = count_boot + ns_to_count(until);

		/* Due (or nearly): fire soon, but surely after the write. */
		if (target <= now + COUNT_MIN_DELTA)
			delta = COUNT_MIN_DELTA;
		else if (target - now < COUNT_WRAP_GUARD)
			delta = (uint32_t)(target - now);
	}
	/* Writing Compare also clears a pending timer interrupt. */
	mips32_cp0_write(CP0_COMPARE, (uint32_t)now + delta);
}

/* Timer interrupt: acknowledge it and keep the wrap guard armed. */
int malta_timer_irq(void)
{
	malta_timer_arm(0);
	return 1;
}

void malta_time_init(void)
{
	malta_timer_line = (mips32_cp0_read(CP0_INTCTL) >> 29) & 7;
	if (malta_timer_line < 2)
		malta_timer_line = 7; /* r2 cores without IPTI use IP7 */
	count_hz = CONFIG_MALTA_COUNT_HZ ? CONFIG_MALTA_COUNT_HZ :
					   count_calibrate();
	count_last = ukarch_read_count();
	count_boot = count_read();
	malta_timer_arm(0);
}

uint32_t malta_count_hz(void)
{
	return count_hz;
}
