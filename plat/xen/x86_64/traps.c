/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PV: the trap table: CPU exceptions 0-19 (but NMI, which Xen delivers
 * through a callback) go to the stubs in entry.S, and xen_trap_handle()
 * reports the fault on the console, then crashes the domain. PVH: an
 * IDT, for the same 32 exceptions and vector 32, the event upcall, with
 * page faults and double faults on a stack of their own (a TSS's IST,
 * plat/shared/x86/tss.c) so that a thread stack overflow into its guard
 * page is reported.
 *
 * A PV guest has no IST: Xen builds the exception frame on the stack the
 * fault happened on. When that is the guard page itself, Xen cannot write
 * the frame and crashes the domain ("domain_crash_sync called from
 * entry.S" in its log): the guard still stops the thread, without a
 * report from us.
 */
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <x86/trap.h>
#include <x86/idt.h>
#include <xen-abi.h>
#include <x86/cpu.h>
#include "xen-x86.h"

extern char xen_trap_stubs[], xen_pvh_trap_stubs[];
void xen_trap_handle(struct x86_trap_frame *r) __used;

void xen_trap_handle(struct x86_trap_frame *r)
{
	static int nested;
	/* PV: Xen passes CR2 in the vCPU info, not in the register. */
	unsigned long cr2 = xen_pvh ? read_cr2() :
			    xen_shared_info ?
				      xen_shared_info->vcpu_info[0].cr2 :
				      0;

	if (nested++)
		ukplat_terminate(UKPLAT_STATUS_CRASH);
	x86_trap_report(r, cr2, xen_guard_owner);
	ukplat_crash();
}

void xen_traps_init(void)
{
	static struct xen_trap_info table[21];
	unsigned int v, n = 0;

	for (v = 0; v < 20; v++) {
		if (v == 2 || v == 15)
			continue;
		table[n].vector = v;
		/* int3 and into may be used from any privilege level. */
		table[n].flags = (v == 3 || v == 4) ? 3 : 0;
		table[n].cs = XEN_KERNEL_CS;
		table[n].address = (unsigned long)xen_trap_stubs + 16 * v;
		n++;
	}
	/* table[n] stays zero: the end marker. */
	if (xen_hypercall2(XEN_HC_set_trap_table, (unsigned long)table, 0)) {
		plat_puts("xen: set_trap_table failed\n");
		ukplat_crash();
	}
}

void xen_pvh_traps_init(void)
{
	/* 32 exceptions, then the event channel upcall (evtchn.c). */
	static struct x86_idt_gate idt[33] __align(16);

	/* 0x08: entry.S's 64-bit code segment. */
	x86_idt_load(idt, ARRAY_SIZE(idt), xen_pvh_trap_stubs, 0x08);
	x86_tss_init(xen_pvh_gdt_tss, XEN_PVH_GDT_TSS, idt);
}
