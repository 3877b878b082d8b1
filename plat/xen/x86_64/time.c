/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time from Xen's per-vCPU time record in the shared info page: system
 * time (ns since Xen booted) at a TSC stamp, and the TSC-to-ns scale.
 * Idling blocks in SCHEDOP_poll on the timer VIRQ with a timeout, which
 * needs no event upcall: this platform never unmasks event delivery.
 */
#include <uk/essentials.h>
#include <uk/plat/time.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/irq.h>
#include <xen-abi.h>

#define barrier() __asm__ __volatile__("" ::: "memory")
#define XEN_EOPNOTSUPP 95

static uint32_t timer_port;
static int timer_bound;

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

__nsec ukplat_monotonic_clock(void)
{
	volatile struct xen_vcpu_time_info *t =
		&xen_shared_info->vcpu_info[0].time;
	uint32_t version, mul;
	uint64_t stamp, sys, delta;
	int8_t shift;

	do {
		version = t->version;
		barrier();
		stamp = t->tsc_timestamp;
		sys = t->system_time;
		mul = t->tsc_to_system_mul;
		shift = t->tsc_shift;
		delta = rdtsc() - stamp;
		barrier();
	} while ((version & 1) || version != t->version);
	if (shift < 0)
		delta >>= -shift;
	else
		delta <<= shift;
	return sys + (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

__nsec ukplat_wall_clock(void)
{
	volatile struct xen_shared_info *s = xen_shared_info;
	uint32_t version, nsec;
	uint64_t sec;

	do {
		version = s->wc_version;
		barrier();
		sec = ((uint64_t)s->wc_sec_hi << 32) | s->wc_sec;
		nsec = s->wc_nsec;
		barrier();
	} while ((version & 1) || version != s->wc_version);
	return sec * UKPLAT_NSEC_PER_SEC + nsec + ukplat_monotonic_clock();
}

void xen_time_init(void)
{
	struct xen_evtchn_bind_virq b = { .virq = XEN_VIRQ_TIMER, .vcpu = 0 };

	if (xen_evtchn_op(XEN_EVTCHNOP_bind_virq, &b) == 0) {
		timer_port = b.port;
		timer_bound = 1;
	}
}

void ukplat_lcpu_halt_irq_until(__nsec until)
{
	struct xen_sched_poll p = {
		.ports = &timer_port,
		.nr_ports = 1,
		.timeout = until,
	};

	while (ukplat_monotonic_clock() < until) {
		if (!timer_bound) {
			xen_sched_op(XEN_SCHEDOP_yield, NULL);
			continue;
		}
		xen_sched_op(XEN_SCHEDOP_poll, &p);
		__atomic_fetch_and(
			&xen_shared_info->evtchn_pending[timer_port / 64],
			~(1UL << (timer_port % 64)), __ATOMIC_SEQ_CST);
	}
}

/*
 * Event delivery stays masked (no upcall handler): the interrupt flag is
 * bookkeeping only, and no device interrupt can be registered yet.
 */
static unsigned long irqs_off = 1;

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
	irqs_off = flags;
}

int ukplat_lcpu_irqs_disabled(void)
{
	return irqs_off != 0;
}

int ukplat_irq_register(unsigned long irq __unused,
			uk_irq_handler_func_t func __unused, void *arg __unused)
{
	return -XEN_EOPNOTSUPP;
}
