/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Xen PV console ring, for every arch: output goes into `out` and
 * xenconsoled copies it to the host; input comes in `in`. Each index is
 * published only after the bytes it covers (and taken back only after
 * they are read), then the event channel tells the backend. Before the
 * arch has found the ring (or in the initial domain, which has none)
 * output goes to Xen's own console where the arch allows it.
 */
#include <uk/essentials.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>
#include <xen-console.h>
#include <xen-cons-arch.h>

static volatile struct xen_cons_ring *ring;
static uint32_t cons_port;

#define RING_OUT_SIZE sizeof(ring->out)
#define RING_IN_SIZE sizeof(ring->in)
/* Output still in the ring after 2 s is given up (a dead backend). */
#define FLUSH_NSEC 2000000000LL
/* Before the timer runs the clock stands still: bound the yields too. */
#define FLUSH_YIELDS 1000000UL

void xen_console_set_ring(void *r, uint32_t port)
{
	cons_port = port;
	ring = r;
}

int xen_console_has_ring(void)
{
	return ring != NULL;
}

static void ring_put(uint32_t *prod, char c)
{
	/* Full: publish what is there and let the backend run. */
	while (*prod - ring->out_cons >= RING_OUT_SIZE) {
		xen_cons_wmb();
		ring->out_prod = *prod;
		xen_cons_notify(cons_port);
		xen_cons_yield();
		xen_cons_mb();
	}
	ring->out[*prod & (RING_OUT_SIZE - 1)] = c;
	(*prod)++;
}

int ukplat_coutk(const char *buf, unsigned int len)
{
	uint32_t prod;
	unsigned int i;

	if (!ring) {
		xen_cons_early_write(buf, len);
		return len;
	}
	prod = ring->out_prod;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			ring_put(&prod, '\r');
		ring_put(&prod, buf[i]);
	}
	/* The bytes before the index that publishes them. */
	xen_cons_wmb();
	ring->out_prod = prod;
	xen_cons_notify(cons_port);
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
	xen_cons_rmb();
	while (cons != prod && n < maxlen)
		buf[n++] = ring->in[cons++ & (RING_IN_SIZE - 1)];
	/* Done reading before the slots are handed back. */
	xen_cons_mb();
	ring->in_cons = cons;
	if (n)
		xen_cons_notify(cons_port);
	return n;
}

/*
 * Output still in the ring when the domain dies is lost: wait until
 * xenconsoled has taken it, bounded so that a dead backend cannot hang
 * shutdown. Without a clock at all, kick the backend once.
 */
void xen_console_flush(void)
{
	int clock = xen_cons_clock_ok();
	__nsec until = clock ? ukplat_monotonic_clock() + FLUSH_NSEC : 0;
	unsigned long yields = clock ? FLUSH_YIELDS : 1;

	if (!ring)
		return;
	while (ring->out_cons != ring->out_prod && yields--) {
		xen_cons_notify(cons_port);
		xen_cons_yield();
		xen_cons_mb();
		if (clock && ukplat_monotonic_clock() >= until)
			break;
	}
}

void xen_console_put_status(int status)
{
	plat_puts("exit status ");
	plat_putint(status);
	plat_puts("\n");
}
