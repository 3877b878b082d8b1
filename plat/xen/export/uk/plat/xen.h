/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What plat/xen offers Xen-specific libraries (lib/xenbus, plat/xen/gnttab,
 * front drivers): event channels, the xenstore ring, and the memory model
 * a grant table needs.
 *
 * On Xen, the "irq" of ukplat_irq_register() (uk/plat/irq.h) is an event
 * channel port: bind or allocate a port with the calls below, then
 * register handlers on it; registering unmasks the port. Handlers run
 * from the event upcall with interrupts (event delivery) disabled.
 */
#ifndef __UK_PLAT_XEN_H__
#define __UK_PLAT_XEN_H__

#include <uk/arch/types.h>

#define UKPLAT_XEN_DOMID_SELF 0x7ff0

/* Event channels: 0 or a negative errno from Xen. */
int ukplat_xen_evtchn_alloc_unbound(uint16_t remote_dom, uint32_t *port);
int ukplat_xen_evtchn_bind_interdomain(uint16_t remote_dom,
				       uint32_t remote_port, uint32_t *port);
int ukplat_xen_evtchn_bind_virq(uint32_t virq, uint32_t *port);
/* Closing a port also drops the handlers registered on it. */
int ukplat_xen_evtchn_close(uint32_t port);
int ukplat_xen_evtchn_send(uint32_t port);
void ukplat_xen_evtchn_mask(uint32_t port);
int ukplat_xen_evtchn_unmask(uint32_t port);

/* The xenstore ring page and its event channel (NULL: none). */
void *ukplat_xen_store_ring(uint32_t *port);
/* Same as ukplat_xen_evtchn_send(), no result. */
void ukplat_xen_notify(uint32_t port);
void ukplat_xen_yield(void);

/*
 * A frame number as Xen wants it in a grant entry or a GNTTABOP_copy
 * (uk/gnttab.h): the machine frame (PV) or guest frame (PVH) of the page
 * holding va.
 */
unsigned long ukplat_xen_virt_to_frame(const void *va);

#endif /* __UK_PLAT_XEN_H__ */
