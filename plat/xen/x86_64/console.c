/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Xen console. An unprivileged domain writes into its console ring
 * (the page start_info names by machine frame; its pseudo-physical frame
 * comes from the M2P table) and kicks the event channel; xenconsoled
 * copies it out. The initial domain has no ring: it writes through
 * HYPERVISOR_console_io, which Xen refuses to anyone else.
 */
#include <uk/essentials.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>
#include <xen-abi.h>

extern char _image_start[];

static volatile struct xen_cons_ring *ring;
static uint32_t cons_port;

#define barrier() __asm__ __volatile__("" ::: "memory")
#define RING_OUT_SIZE sizeof(ring->out)
#define RING_IN_SIZE sizeof(ring->in)

void xen_console_init(void)
{
	struct xen_start_info *si = xen_start_info;
	unsigned long pfn;

	if (si->flags & XEN_SIF_INITDOMAIN)
		return;
	pfn = XEN_M2P[si->console.domu.mfn];
	if (pfn >= si->nr_pages)
		return;
	cons_port = si->console.domu.evtchn;
	ring = (volatile struct xen_cons_ring *)(_image_start +
						 (pfn << XEN_PAGE_SHIFT));
}

void xen_console_set_ring(void *r, uint32_t port)
{
	cons_port = port;
	ring = r;
}

static void notify(void)
{
	struct xen_evtchn_send s = { .port = cons_port };

	xen_evtchn_op(XEN_EVTCHNOP_send, &s);
}

static void ring_put(uint32_t *prod, char c)
{
	/* Full: publish what is there and let the backend run. */
	while (*prod - ring->out_cons >= RING_OUT_SIZE) {
		barrier();
		ring->out_prod = *prod;
		notify();
		xen_sched_op(XEN_SCHEDOP_yield, NULL);
	}
	ring->out[*prod & (RING_OUT_SIZE - 1)] = c;
	(*prod)++;
}

int ukplat_coutk(const char *buf, unsigned int len)
{
	uint32_t prod;
	unsigned int i;

	if (!ring) {
		/* The initial domain, or too early: Xen's own console. */
		xen_hypercall3(XEN_HC_console_io, XEN_CONSOLEIO_write, len,
			       (unsigned long)buf);
		return len;
	}
	prod = ring->out_prod;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			ring_put(&prod, '\r');
		ring_put(&prod, buf[i]);
	}
	/* x86 keeps stores in order: the data is visible before out_prod. */
	barrier();
	ring->out_prod = prod;
	notify();
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
	barrier();
	while (cons != prod && n < maxlen)
		buf[n++] = ring->in[cons++ & (RING_IN_SIZE - 1)];
	barrier();
	ring->in_cons = cons;
	if (n)
		notify();
	return n;
}

/*
 * Until xenconsoled has read the ring, the output is not on the host's
 * terminal: a domain that shuts down before loses it. Wait at most 2 s
 * (of Xen system time) so that a missing backend cannot hang shutdown.
 */
void xen_console_flush(void)
{
	__nsec until;

	if (!ring)
		return;
	until = xen_shared_info ? ukplat_monotonic_clock() + 2000000000LL : 0;
	while (ring->out_cons != ring->out_prod) {
		notify();
		xen_sched_op(XEN_SCHEDOP_yield, NULL);
		if (!until || ukplat_monotonic_clock() > until)
			break;
	}
}

void xen_puts(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	ukplat_coutk(s, n);
}

void xen_puthex(unsigned long v)
{
	char buf[19];
	int i;

	buf[0] = '0';
	buf[1] = 'x';
	for (i = 0; i < 16; i++)
		buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
	buf[18] = 0;
	xen_puts(buf);
}
