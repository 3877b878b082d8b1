/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time from Xen's per-vCPU time record in the shared info page: system
 * time (ns since Xen booted) at a TSC stamp, and the TSC-to-ns scale.
 * Idling arms the one-shot timer (VCPUOP_set_singleshot_timer), whose
 * VIRQ_TIMER event wakes the vCPU through the event upcall (evtchn.c).
 */
#include <uk/essentials.h>
#include <uk/plat/time.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/xen.h>
#include <xen-abi.h>

#define barrier() __asm__ __volatile__("" ::: "memory")

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

__nsec ukplat_monotonic_clock(void)
{
	volatile struct pvclock_vcpu_time_info *t =
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

static int timer_event(void *arg __unused)
{
	return 1;
}

void xen_timer_arm(uint64_t until)
{
	struct xen_vcpu_singleshot_timer t = { .timeout_abs_ns = until };

	xen_hypercall3(XEN_HC_vcpu_op, XEN_VCPUOP_set_singleshot_timer, 0,
		       (unsigned long)&t);
}

void xen_time_init(void)
{
	uint32_t port;

	/* PV vCPUs start with a 100 Hz tick: only one-shots are wanted. */
	xen_hypercall3(XEN_HC_vcpu_op, XEN_VCPUOP_stop_periodic_timer, 0, 0);
	if (ukplat_xen_evtchn_bind_virq(XEN_VIRQ_TIMER, &port) ||
	    ukplat_irq_register(port, timer_event, NULL)) {
		plat_puts("xen: cannot bind the timer VIRQ\n");
		ukplat_crash();
	}
}

/*
 * Sleep until an event: PVH halts with interrupts open (sti takes effect
 * after hlt starts, so no event is lost); PV blocks in SCHEDOP_block,
 * which unmasks event delivery and returns at once if one is pending.
 * Either way the upcall has run before this returns.
 */
void ukplat_lcpu_halt_irq_until(__nsec until)
{
	if (until) {
		if (until <= ukplat_monotonic_clock())
			return;
		xen_timer_arm(until);
	}
	if (xen_pvh) {
		__asm__ __volatile__("sti; hlt; cli" ::: "memory");
		return;
	}
	xen_sched_op(XEN_SCHEDOP_block, NULL);
	ukplat_lcpu_disable_irq();
}
