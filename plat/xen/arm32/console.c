/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Xen console of an arm32 guest: the PV console ring (io/console.h)
 * whose guest frame and event channel are HVM parameters; xenconsoled
 * copies `out` to the host. Until the ring is known, and in a domain
 * that has none (the initial domain), output goes to Xen's own console
 * through HYPERVISOR_console_io, which only the initial domain or a debug
 * build of Xen prints (CONFIG_XEN_ARM32_EARLY_CONSOLE).
 */
#include <uk/essentials.h>
#include <uk/arch/barrier.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>
#include "xen-arm.h"

static volatile struct xen_arm_cons_ring *ring;
static uint32_t cons_port;

#define RING_OUT_SIZE sizeof(ring->out)
#define RING_IN_SIZE sizeof(ring->in)

static int hvm_param(uint32_t index, uint64_t *value)
{
	struct xen_arm_hvm_param p = {
		.domid = XEN_DOMID_SELF,
		.index = index,
	};
	long rc = xen_hypercall(XEN_HC_hvm_op, XEN_HVMOP_get_param,
				(unsigned long)&p, 0, 0, 0);

	*value = p.value;
	return (int)rc;
}

void xen_console_init(void)
{
	uint64_t pfn, port;

	if (hvm_param(XEN_HVM_PARAM_CONSOLE_PFN, &pfn) || !pfn ||
	    hvm_param(XEN_HVM_PARAM_CONSOLE_EVTCHN, &port))
		return;
	/* A 32-bit guest reaches only the low 4 GiB. */
	if (pfn >> (32 - XEN_PAGE_SHIFT))
		return;
	xen_arm_mmu_map_normal(pfn << XEN_PAGE_SHIFT);
	cons_port = (uint32_t)port;
	ring = (volatile struct xen_arm_cons_ring
			*)(uintptr_t)(pfn << XEN_PAGE_SHIFT);
}

int xen_console_has_ring(void)
{
	return ring != NULL;
}

static void ring_put(uint32_t *prod, char c)
{
	/* Full: publish what is there and let the backend run. */
	while (*prod - ring->out_cons >= RING_OUT_SIZE) {
		smp_wmb();
		ring->out_prod = *prod;
		xen_evtchn_send(cons_port);
		xen_sched_op(XEN_SCHEDOP_yield, NULL);
		smp_mb();
	}
	ring->out[*prod & (RING_OUT_SIZE - 1)] = c;
	(*prod)++;
}

int ukplat_coutk(const char *buf, unsigned int len)
{
	uint32_t prod;
	unsigned int i;

	if (!ring) {
#if CONFIG_XEN_ARM32_EARLY_CONSOLE
		xen_hypercall(XEN_HC_console_io, XEN_CONSOLEIO_write, len,
			      (unsigned long)buf, 0, 0);
#endif
		return len;
	}
	prod = ring->out_prod;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			ring_put(&prod, '\r');
		ring_put(&prod, buf[i]);
	}
	/* The bytes before the index that publishes them. */
	smp_wmb();
	ring->out_prod = prod;
	xen_evtchn_send(cons_port);
	return len;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	uint32_t cons, prod;
	unsigned int n = 0;

	if (!ring)
		return 0;
	cons = ring->in_cons;
	prod = ring->in_prod;
	smp_rmb();
	while (cons != prod && n < maxlen)
		buf[n++] = ring->in[cons++ & (RING_IN_SIZE - 1)];
	/* Done reading before the slots are handed back. */
	smp_mb();
	ring->in_cons = cons;
	if (n)
		xen_evtchn_send(cons_port);
	return n;
}

/*
 * Output still in the ring when the domain dies is lost: wait until
 * xenconsoled has taken it, at most 2 s so a dead backend cannot hang
 * shutdown.
 */
void xen_console_flush(void)
{
	__nsec until = ukplat_monotonic_clock() + 2000000000LL;
	/* Before the timer runs the clock stands still: bound the yields. */
	unsigned long tries = 1000000;

	if (!ring)
		return;
	while (ring->out_cons != ring->out_prod &&
	       ukplat_monotonic_clock() < until && --tries) {
		xen_evtchn_send(cons_port);
		xen_sched_op(XEN_SCHEDOP_yield, NULL);
		smp_mb();
	}
}

void xen_puts(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	ukplat_coutk(s, n);
}
