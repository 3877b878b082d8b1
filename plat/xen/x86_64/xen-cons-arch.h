/* SPDX-License-Identifier: BSD-3-Clause */
/* What plat/xen/common/console.c needs from x86_64 (PV and PVH). */
#ifndef __XEN_CONS_ARCH_H__
#define __XEN_CONS_ARCH_H__

#include <uk/arch/barrier.h>
#include <xen-abi.h>

/*
 * x86 keeps stores in order and loads in order, and no load passes a
 * later store: only the compiler must keep the ring accesses in order.
 */
#define xen_cons_wmb() barrier()
#define xen_cons_rmb() barrier()
#define xen_cons_mb() barrier()

static inline void xen_cons_notify(uint32_t port)
{
	struct xen_evtchn_send s = { .port = port };

	xen_evtchn_op(XEN_EVTCHNOP_send, &s);
}

static inline void xen_cons_yield(void)
{
	xen_sched_op(XEN_SCHEDOP_yield, NULL);
}

/* The initial domain, or too early: Xen's own console. */
static inline void xen_cons_early_write(const char *buf, unsigned int len)
{
	xen_hypercall3(XEN_HC_console_io, XEN_CONSOLEIO_write, len,
		       (unsigned long)buf);
}

/* The clock is Xen system time from the shared info page. */
static inline int xen_cons_clock_ok(void)
{
	return xen_shared_info != NULL;
}

#endif /* __XEN_CONS_ARCH_H__ */
