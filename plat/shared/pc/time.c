/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time: the TSC is the clock, zero at the first instruction of the entry
 * (x86_boot_tsc). Its frequency comes from the KVM clock when the
 * hypervisor offers one, from CPUID leaf 0x15 when the CPU states it, and
 * otherwise from PIT channel 0 (polled over 5 ms). It is measured at the
 * first use of the clock, not at boot, so an image that never asks for
 * the time does not wait for it.
 *
 * The one-shot timer is the local APIC timer (vector X86_VEC_TIMER),
 * calibrated against the TSC at its first use. Idle is "sti; hlt", which
 * wakes on any interrupt, the timer's included.
 */
#include <uk/init.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <mc146818/mc146818.h>
#include <uk/plat/common/pvclock.h>
#include <uk/arch/lcpu.h>
#include <pc/pc.h>

#ifndef X86_PC_BOOT_TIME
#define X86_PC_BOOT_TIME 0
#endif

#define PIT_HZ 1193182ULL
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_CALIBRATE_TICKS (PIT_HZ / 500) /* 2 ms */
#define PIT_CALIBRATE_ROUNDS 5

/* The KVM clock (pvclock ABI). */
#define KVM_CPUID_SIGNATURE 0x40000000
#define KVM_CPUID_FEATURES 0x40000001
#define KVM_FEATURE_CLOCKSOURCE 0
#define KVM_FEATURE_CLOCKSOURCE2 3
#define MSR_KVM_SYSTEM_TIME 0x12
#define MSR_KVM_SYSTEM_TIME_NEW 0x4b564d01

static uint64_t tsc_hz;
static uint64_t tsc_ns_mult; /* ns = ticks * mult >> 32 */
static const char *tsc_source = "none";

static uint64_t kvmclock_tsc_hz(void)
{
	static struct pvclock_vcpu_time_info pvti __align(64);
	uint32_t r[4], msr;
	uint64_t hz;

	cpuid(KVM_CPUID_SIGNATURE, 0, r);
	if (r[1] != 0x4b4d564b || r[2] != 0x564b4d56 || r[3] != 0x4d)
		return 0; /* not "KVMKVMKVM\0\0\0" */
	cpuid(KVM_CPUID_FEATURES, 0, r);
	if (r[0] & (1 << KVM_FEATURE_CLOCKSOURCE2))
		msr = MSR_KVM_SYSTEM_TIME_NEW;
	else if (r[0] & (1 << KVM_FEATURE_CLOCKSOURCE))
		msr = MSR_KVM_SYSTEM_TIME;
	else
		return 0;
	wrmsr(msr, (uintptr_t)&pvti | 1);
	__asm__ __volatile__("" ::: "memory");
	/* Only the scale is needed: the hypervisor fills it in at once. */
	if (!pvti.tsc_to_system_mul) {
		wrmsr(msr, 0);
		return 0;
	}
	hz = (UKPLAT_NSEC_PER_SEC << 32) / pvti.tsc_to_system_mul;
	if (pvti.tsc_shift < 0)
		hz <<= -pvti.tsc_shift;
	else
		hz >>= pvti.tsc_shift;
	wrmsr(msr, 0);
	return hz;
}

static uint64_t cpuid15_tsc_hz(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	if (r[0] < 0x15)
		return 0;
	cpuid(0x15, 0, r);
	/* EAX/EBX: TSC to crystal ratio, ECX: crystal Hz (0: not stated). */
	if (!r[0] || !r[1] || !r[2])
		return 0;
	return (uint64_t)r[2] * r[1] / r[0];
}

static uint16_t pit_read(void)
{
	uint16_t v;

	outb(PIT_CMD, 0x00); /* latch channel 0 */
	v = inb(PIT_CH0);
	v |= (uint16_t)inb(PIT_CH0) << 8;
	return v;
}

/* TSC ticks over one PIT window, from a tick edge; 0 without a PIT. */
static uint64_t pit_tsc_round(void)
{
	uint64_t t0, t1;
	uint16_t start, now;
	unsigned long spins = 0;

	start = pit_read();
	while ((now = pit_read()) == start)
		if (++spins > 1000000)
			return 0;
	start = now;
	t0 = rdtsc();
	do {
		now = pit_read();
	} while ((uint16_t)(start - now) < PIT_CALIBRATE_TICKS);
	t1 = rdtsc();
	return (t1 - t0) * PIT_HZ / (uint16_t)(start - now);
}

/*
 * A vCPU held off by a busy host skews one window either way: past one
 * PIT period (55 ms) the 16-bit count wraps and the rate comes out many
 * times too high; between a PIT read and rdtsc it comes out low. The
 * median of several short windows ignores such outliers.
 */
static uint64_t pit_tsc_hz(void)
{
	uint64_t r[PIT_CALIBRATE_ROUNDS], v;
	int i, j;

	/* Channel 0, lobyte/hibyte, mode 2 (rate generator), count 65536;
	 * its IRQ 0 stays masked at the PIC. */
	outb(PIT_CMD, 0x34);
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0);
	for (i = 0; i < PIT_CALIBRATE_ROUNDS; i++) {
		v = pit_tsc_round();
		if (!v)
			return 0; /* no PIT */
		for (j = i; j > 0 && r[j - 1] > v; j--)
			r[j] = r[j - 1];
		r[j] = v;
	}
	return r[PIT_CALIBRATE_ROUNDS / 2];
}

static void tsc_calibrate(void)
{
	unsigned long flags = ukarch_irq_save();

	if ((tsc_hz = kvmclock_tsc_hz()))
		tsc_source = "KVM clock";
	else if ((tsc_hz = cpuid15_tsc_hz()))
		tsc_source = "CPUID 0x15";
	else if ((tsc_hz = pit_tsc_hz()))
		tsc_source = "PIT";
	else {
		tsc_hz = 1000000000ULL;
		tsc_source = "guessed (no PIT)";
	}
	tsc_ns_mult = (UKPLAT_NSEC_PER_SEC << 32) / tsc_hz;
	ukarch_irq_restore(flags);
}

uint64_t x86_tsc_hz(void)
{
	if (!tsc_hz)
		tsc_calibrate();
	return tsc_hz;
}

static __nsec tsc_to_ns(uint64_t ticks)
{
	if (!tsc_ns_mult)
		tsc_calibrate();
	return (__nsec)(((unsigned __int128)ticks * tsc_ns_mult) >> 32);
}

__nsec ukplat_monotonic_clock(void)
{
	return tsc_to_ns(rdtsc() - x86_boot_tsc);
}

/* --- Wall clock: the CMOS RTC, read once ------------------------------------ */
static uint8_t cmos_read(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

__nsec ukplat_wall_clock(void)
{
	static __nsec offset;
	static int read;

	if (!read) {
		__nsec rtc = mc146818_epoch_ns(cmos_read);

		offset = rtc ? rtc - ukplat_monotonic_clock() : 0;
		read = 1;
	}
	return offset + ukplat_monotonic_clock();
}

/* --- Local APIC and its one-shot timer -------------------------------------- */
#define MSR_APIC_BASE 0x1b
#define APIC_BASE_ENABLE (1 << 11)
#define LAPIC_TPR 0x080
#define LAPIC_EOI 0x0b0
#define LAPIC_SVR 0x0f0
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_LVT_LINT1 0x360
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR 0x390
#define LAPIC_TIMER_DIV 0x3e0
#define LAPIC_MASKED (1 << 16)
#define LAPIC_DM_NMI 0x400
#define LAPIC_DM_EXTINT 0x700

static volatile uint32_t *lapic;
static uint64_t lapic_hz; /* timer ticks per second (divider 16) */

static inline uint32_t lapic_read(unsigned int reg)
{
	return lapic[reg / 4];
}

static inline void lapic_write(unsigned int reg, uint32_t v)
{
	lapic[reg / 4] = v;
}

void x86_lapic_init(void)
{
	uint32_t r[4];
	uint64_t base;

	cpuid(1, 0, r);
	if (!(r[3] & (1 << 9)))
		return; /* no local APIC: no timer interrupt, idle polls */
	base = rdmsr(MSR_APIC_BASE);
	if (!(base & APIC_BASE_ENABLE))
		wrmsr(MSR_APIC_BASE, base | APIC_BASE_ENABLE);
	lapic = PHYS(base & 0xfffff000);
	/* Virtual wire: the PICs' interrupts arrive through LINT0. */
	lapic_write(LAPIC_SVR, 0x100 | X86_VEC_SPURIOUS);
	lapic_write(LAPIC_TPR, 0);
	lapic_write(LAPIC_LVT_LINT0, LAPIC_DM_EXTINT);
	lapic_write(LAPIC_LVT_LINT1, LAPIC_DM_NMI);
	lapic_write(LAPIC_TIMER_DIV, 0x3); /* divide by 16 */
	lapic_write(LAPIC_LVT_TIMER, LAPIC_MASKED | X86_VEC_TIMER);
}

void x86_lapic_eoi(void)
{
	if (lapic)
		lapic_write(LAPIC_EOI, 0);
}

/* Counts the APIC timer over 1 ms of TSC time. */
static void lapic_calibrate(void)
{
	uint64_t t0, wait = x86_tsc_hz() / 1000;
	uint32_t left;

	lapic_write(LAPIC_TIMER_INIT, 0xffffffff);
	t0 = rdtsc();
	while (rdtsc() - t0 < wait)
		;
	left = lapic_read(LAPIC_TIMER_CUR);
	lapic_write(LAPIC_TIMER_INIT, 0);
	lapic_hz = (uint64_t)(0xffffffffu - left) * 1000;
	if (!lapic_hz)
		lapic_hz = 1;
}

static void lapic_timer_arm(__nsec delta)
{
	uint64_t ticks;

	if (!lapic_hz)
		lapic_calibrate();
	ticks = (uint64_t)(((unsigned __int128)delta * lapic_hz) /
			   UKPLAT_NSEC_PER_SEC);
	if (!ticks)
		ticks = 1;
	if (ticks > 0xffffffffu)
		ticks = 0xffffffffu; /* wakes early; the caller sleeps again */
	lapic_write(LAPIC_LVT_TIMER, X86_VEC_TIMER); /* one-shot, unmasked */
	lapic_write(LAPIC_TIMER_INIT, (uint32_t)ticks);
}

static void lapic_timer_disarm(void)
{
	lapic_write(LAPIC_LVT_TIMER, LAPIC_MASKED | X86_VEC_TIMER);
	lapic_write(LAPIC_TIMER_INIT, 0);
}

void ukplat_lcpu_halt_irq_until(__nsec until)
{
	__nsec now;

	if (until) {
		now = ukplat_monotonic_clock();
		if (until <= now)
			return;
		if (!lapic) {
			/* No timer interrupt: wait with interrupts open. */
			ukarch_irq_enable();
			while (ukplat_monotonic_clock() < until)
				ukarch_spinwait();
			ukarch_irq_disable();
			return;
		}
		lapic_timer_arm(until - now);
	}
	/* sti takes effect after hlt starts: no wake-up is lost. */
	__asm__ __volatile__("sti; hlt; cli" ::: "memory");
	if (until)
		lapic_timer_disarm();
}

#if X86_PC_BOOT_TIME
/* The last init function before main(): how long the boot took. */
static int x86_print_boot_time(void)
{
	uint64_t ticks = rdtsc() - x86_boot_tsc;
	__nsec ns = tsc_to_ns(ticks);

	plat_puts(X86_PC_PLAT ": boot time: entry to main ");
	plat_putdec(ns / 1000);
	plat_puts(" us (");
	plat_putdec(ticks);
	plat_puts(" TSC ticks at ");
	plat_putdec(tsc_hz / 1000);
	plat_puts(" kHz from the ");
	plat_puts(tsc_source);
	plat_puts(")\n");
	return 0;
}
uk_initcall_class_prio(x86_print_boot_time, UK_INIT_CLASS_LATE, 9);
#endif
