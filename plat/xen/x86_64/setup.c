/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen PV start-up (PVH: pvh.c): map the shared info page, bring up the
 * console, the trap table, the memory map, event channels and the clock,
 * then hand the command line of start_info to the boot library.
 * Also shutdown.
 */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/xen.h>
#include <xen-abi.h>

extern char _image_start[];

struct xen_start_info *xen_start_info;
struct xen_shared_info *xen_shared_info;

/*
 * A page of the image whose mapping (PV) or frame (PVH) is replaced by the
 * shared info page.
 */
char xen_shared_info_page[4096] __align(4096);
/* The xenstore ring (lib/xenbus), set by the PV or PVH start-up. */
void *xen_store_ring;
uint32_t xen_store_port;

void *ukplat_xen_store_ring(uint32_t *port)
{
	*port = xen_store_port;
	return xen_store_ring;
}

void ukplat_xen_notify(uint32_t port)
{
	struct xen_evtchn_send s = { .port = port };

	xen_evtchn_op(XEN_EVTCHNOP_send, &s);
}

void ukplat_xen_yield(void)
{
	xen_sched_op(XEN_SCHEDOP_yield, NULL);
}

void xen_start_c(struct xen_start_info *si) __noreturn __used;

/* The rest of start-up, the same for PV and PVH. */
void xen_boot_finish(const char *line)
{
	xen_evtchn_init();
	xen_time_init();
	ukplat_entry_cmdline(line, XEN_MAX_GUEST_CMDLINE);
}

void xen_start_c(struct xen_start_info *si)
{
	unsigned long pte;

	xen_start_info = si;
	/* Present, writable, accessed, dirty. */
	pte = (si->shared_info & ~(XEN_PAGE_SIZE - 1)) | 0x63;
	if (xen_hypercall3(XEN_HC_update_va_mapping,
			   (unsigned long)xen_shared_info_page, pte,
			   XEN_UVMF_INVLPG) == 0)
		xen_shared_info =
			(struct xen_shared_info *)xen_shared_info_page;
	xen_console_init();
	if (!xen_shared_info) {
		plat_puts("xen: cannot map the shared info page\n");
		ukplat_crash();
	}
	xen_traps_init();
	/* The initial domain has none: xenstored runs inside it. */
	if (!(si->flags & XEN_SIF_INITDOMAIN) && si->store_mfn &&
	    XEN_M2P[si->store_mfn] < si->nr_pages) {
		xen_store_ring = _image_start +
				 (XEN_M2P[si->store_mfn] << XEN_PAGE_SHIFT);
		xen_store_port = si->store_evtchn;
	}
	xen_memory_init();
	xen_boot_finish(si->cmd_line);
}

/*
 * Xen carries only a shutdown reason, not a status: 0 powers off, any
 * other status is a crash, and the status is printed first so that the
 * host (support/scripts/run/xen-x86_64.sh, tests) can read it.
 */
void ukplat_terminate(int status)
{
	struct xen_sched_shutdown sd = {
		.reason = status ? XEN_SHUTDOWN_crash : XEN_SHUTDOWN_poweroff,
	};

	if (status)
		xen_console_put_status(status);
	xen_console_flush();
	for (;;)
		xen_sched_op(XEN_SCHEDOP_shutdown, &sd);
}

void ukplat_crash(void)
{
	ukplat_terminate(UKPLAT_STATUS_CRASH);
}
