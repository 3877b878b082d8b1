/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The logical CPU of a Linux process. No interrupts reach it (signals are
 * not used as interrupts), so masking is a software flag that keeps the
 * scheduler's save/restore pairs and assertions the same as elsewhere.
 * Idling sleeps in the kernel until the deadline instead of polling the
 * clock: nothing else could end the wait.
 */
#include <uk/plat/lcpu.h>
#include <uk/plat/time.h>
#include <linuxu/syscall.h>

static int irqs_off;

void ukplat_lcpu_enable_irq(void)
{
	irqs_off = 0;
}

void ukplat_lcpu_disable_irq(void)
{
	irqs_off = 1;
}

unsigned long ukplat_lcpu_save_irqf(void)
{
	unsigned long f = irqs_off;

	irqs_off = 1;
	return f;
}

void ukplat_lcpu_restore_irqf(unsigned long flags)
{
	irqs_off = (int)flags;
}

int ukplat_lcpu_irqs_disabled(void)
{
	return irqs_off;
}

/* until = 0 (no deadline): nothing can wake us; return to the caller. */
void ukplat_lcpu_halt_irq_until(__nsec until)
{
	__nsec now;

	while (until && (now = ukplat_monotonic_clock()) < until) {
		struct linuxu_timespec ts = {
			.tv_sec = (long)((until - now) / UKPLAT_NSEC_PER_SEC),
			.tv_nsec = (long)((until - now) % UKPLAT_NSEC_PER_SEC),
		};

		/* -EINTR or early return: the loop checks the clock again. */
		linuxu_syscall(__SC_NANOSLEEP, &ts, 0, 0);
	}
}
