/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Xen PV console ring (public io/console.h), the same on every arch.
 * plat/xen/common/console.c writes and reads it; each arch finds the ring
 * page and its event channel (then calls xen_console_set_ring) and gives
 * the hypercalls and barriers the ring code needs in its xen-cons-arch.h.
 */
#ifndef __XEN_CONSOLE_H__
#define __XEN_CONSOLE_H__

#include <stdint.h>
#include <uk/plat/common/putk.h>

struct xen_cons_ring {
	char in[1024];
	char out[2048];
	uint32_t in_cons, in_prod;
	uint32_t out_cons, out_prod;
};

_Static_assert(__builtin_offsetof(struct xen_cons_ring, out_prod) == 3084,
	       "console ring layout");

/* Until called (or in a domain without a ring) output goes to console_io. */
void xen_console_set_ring(void *ring, uint32_t port);
/* 0 when output goes to Xen's console (console_io) only. */
int xen_console_has_ring(void);
/* Wait (bounded) until the console backend has read everything. */
void xen_console_flush(void);
/* "exit status N": Xen's shutdown reason cannot carry the number. */
void xen_console_put_status(int status);

#endif /* __XEN_CONSOLE_H__ */
