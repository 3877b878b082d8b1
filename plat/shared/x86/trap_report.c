/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The exception report of every x86_64 platform: printed with no library
 * (the fault may be in one), straight to the console.
 */
#include <uk/essentials.h>
#include <uk/plat/common/putk.h>
#include <x86/trap.h>

static const char *const exc_names[] = {
	"#DE divide error",
	"#DB debug",
	"NMI",
	"#BP breakpoint",
	"#OF overflow",
	"#BR bound range exceeded",
	"#UD invalid opcode",
	"#NM device not available",
	"#DF double fault",
	"coprocessor segment overrun",
	"#TS invalid TSS",
	"#NP segment not present",
	"#SS stack-segment fault",
	"#GP general protection fault",
	"#PF page fault",
	"reserved (15)",
	"#MF x87 floating-point error",
	"#AC alignment check",
	"#MC machine check",
	"#XM SIMD floating-point error",
	"#VE virtualization exception",
	"#CP control protection",
};

static void put_reg(const char *name, unsigned long v)
{
	plat_puts(name);
	plat_puts("0x");
	plat_puthex(v, 16);
}

void x86_trap_report(const struct x86_trap_frame *r, unsigned long cr2,
		     x86_guard_owner_fn guard_owner)
{
	plat_puts("\nCRASH: x86 exception ");
	plat_putdec(r->vector);
	plat_puts(" (");
	plat_puts(r->vector < ARRAY_SIZE(exc_names) ? exc_names[r->vector] :
						      "reserved");
	plat_puts(")");
	put_reg(" at RIP ", r->rip);
	plat_puts("\n");
	if (r->vector == X86_EXC_PF) {
		const char *owner = NULL;

		if (guard_owner && guard_owner(cr2, &owner)) {
			plat_puts("CRASH: stack overflow in thread ");
			plat_puts(owner ? owner : "(unnamed)");
			plat_puts(" (it hit the guard page under its stack)\n");
		}
		put_reg("  CR2 ", cr2);
		plat_puts(" (faulting address), ");
		plat_puts(r->error & 1 ? "protection violation" :
					 "page not present");
		plat_puts(r->error & 2 ? " on write" : " on read");
		plat_puts(r->error & 16 ? " (instruction fetch)\n" : "\n");
	}
	put_reg("  ERR ", r->error);
	put_reg("  RFL ", r->rflags);
	put_reg("  CR2 ", cr2);
	put_reg("\n  RAX ", r->rax);
	put_reg("  RBX ", r->rbx);
	put_reg("  RCX ", r->rcx);
	put_reg("\n  RDX ", r->rdx);
	put_reg("  RSI ", r->rsi);
	put_reg("  RDI ", r->rdi);
	put_reg("\n  RBP ", r->rbp);
	put_reg("  RSP ", r->rsp);
	put_reg("  R8  ", r->r8);
	put_reg("\n  R9  ", r->r9);
	put_reg("  R10 ", r->r10);
	put_reg("  R11 ", r->r11);
	put_reg("\n  R12 ", r->r12);
	put_reg("  R13 ", r->r13);
	put_reg("  R14 ", r->r14);
	put_reg("\n  R15 ", r->r15);
	put_reg("  CS  ", r->cs);
	put_reg("  SS  ", r->ss);
	plat_puts("\n");
}
