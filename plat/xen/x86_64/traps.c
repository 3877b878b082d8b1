/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PV: the trap table: CPU exceptions 0-19 (but NMI, which Xen delivers
 * through a callback) go to the stubs in entry.S, and xen_trap_handle()
 * reports the fault on the console, then crashes the domain. PVH: an
 * IDT, for the same 32 exceptions and vector 32, the event upcall, with
 * page faults and double faults on a stack of their own (a TSS's IST,
 * plat/common/x86/tss.c) so that a thread stack overflow into its guard
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
#include <uk/plat/common/x86/excname.h>
#include <uk/plat/common/x86/idt.h>
#include <xen-abi.h>
#include "pc.h"
#include "xen-x86.h"

struct xen_regs {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long vector, error;
	unsigned long rip, cs, rflags, rsp, ss;
};

extern char xen_trap_stubs[], xen_pvh_trap_stubs[];
void xen_trap_handle(struct xen_regs *r) __used;

static void put_reg(const char *name, unsigned long v)
{
	xen_puts(name);
	xen_puthex(v);
}

void xen_trap_handle(struct xen_regs *r)
{
	static int nested;
	char num[4] = { '0' + r->vector / 10 % 10, '0' + r->vector % 10, 0 };

	if (nested++)
		ukplat_terminate(UKPLAT_STATUS_CRASH);
	xen_puts("\nCRASH: x86 exception ");
	xen_puts(r->vector < 10 ? num + 1 : num);
	xen_puts(" (");
	xen_puts(x86_exc_name(r->vector) ?: "reserved");
	xen_puts(")");
	put_reg(" at RIP ", r->rip);
	xen_puts("\n");
	if (r->vector == 14) {
		/* Xen passes CR2 in the vCPU info, not in a register. */
		unsigned long cr2;
		const char *owner = NULL;

		if (xen_pvh)
			cr2 = read_cr2();
		else
			cr2 = xen_shared_info->vcpu_info[0].cr2;
		if (xen_guard_owner(cr2, &owner)) {
			xen_puts("CRASH: stack overflow in thread ");
			xen_puts(owner ? owner : "(unnamed)");
			xen_puts(" (it hit the guard page under its stack)\n");
		}
		put_reg("  CR2 ", cr2);
		xen_puts(" (faulting address), ");
		xen_puts(r->error & 1 ? "protection violation" :
					"page not present");
		xen_puts(r->error & 2 ? " on write\n" : " on read\n");
	}
	put_reg("  ERR ", r->error);
	put_reg("  RFL ", r->rflags);
	put_reg("  RSP ", r->rsp);
	put_reg("\n  RAX ", r->rax);
	put_reg("  RBX ", r->rbx);
	put_reg("  RCX ", r->rcx);
	put_reg("\n  RDX ", r->rdx);
	put_reg("  RSI ", r->rsi);
	put_reg("  RDI ", r->rdi);
	put_reg("\n  RBP ", r->rbp);
	put_reg("  R8  ", r->r8);
	put_reg("  R9  ", r->r9);
	put_reg("\n  R10 ", r->r10);
	put_reg("  R11 ", r->r11);
	put_reg("  R12 ", r->r12);
	put_reg("\n  R13 ", r->r13);
	put_reg("  R14 ", r->r14);
	put_reg("  R15 ", r->r15);
	xen_puts("\n");
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
		xen_puts("xen: set_trap_table failed\n");
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
