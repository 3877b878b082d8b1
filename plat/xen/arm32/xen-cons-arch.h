/* SPDX-License-Identifier: BSD-3-Clause */
/* What plat/xen/common/console.c needs from arm32. */
#ifndef __XEN_CONS_ARCH_H__
#define __XEN_CONS_ARCH_H__

#include <uk/arch/barrier.h>
#include "xen-arm.h"

/* xenconsoled may run on another CPU: order the ring for it. */
#define xen_cons_wmb() smp_wmb()
#define xen_cons_rmb() smp_rmb()
#define xen_cons_mb() smp_mb()

static inline void xen_cons_notify(uint32_t port)
{
	xen_evtchn_send(port);
}

static inline void xen_cons_yield(void)
{
	xen_sched_op(XEN_SCHEDOP_yield, NULL);
}

/*
 * Xen's own console prints only for the initial domain or in a debug
 * build of Xen: opt-in.
 */
static inline void xen_cons_early_write(const char *buf __maybe_unused,
					unsigned int len __maybe_unused)
{
#if CONFIG_XEN_ARM32_EARLY_CONSOLE
	xen_hypercall(XEN_HC_console_io, XEN_CONSOLEIO_write, len,
		      (unsigned long)buf, 0, 0);
#endif
}

/* The generic timer always reads (before time init it may stand still). */
static inline int xen_cons_clock_ok(void)
{
	return 1;
}

#endif /* __XEN_CONS_ARCH_H__ */
