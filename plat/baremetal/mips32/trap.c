/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exceptions: interrupts are dispatched and resumed; everything else is
 * fatal and prints a register dump (EPC, Cause, BadVAddr, Status and all
 * GPRs) before the crash exit. Without a TLB set up, a load or store to a
 * mapped address (kuseg, e.g. a NULL pointer, or kseg2) is a TLB refill
 * exception (TLBL/TLBS); a misaligned or user-inaccessible address is an
 * address error (AdEL/AdES): both are this platform's "page faults".
 */
#include <uk/plat/bootstrap.h>
#include <malta/malta.h>

static const char *const exc_names[32] = {
	[EXC_INT] = "interrupt",
	[EXC_MOD] = "TLB modified",
	[EXC_TLBL] = "TLB miss on load/fetch (TLBL)",
	[EXC_TLBS] = "TLB miss on store (TLBS)",
	[EXC_ADEL] = "address error on load/fetch (AdEL)",
	[EXC_ADES] = "address error on store (AdES)",
	[EXC_IBE] = "bus error on fetch",
	[EXC_DBE] = "bus error on data",
	[EXC_SYS] = "syscall",
	[EXC_BP] = "breakpoint",
	[EXC_RI] = "reserved instruction",
	[EXC_CPU] = "coprocessor unusable",
	[EXC_OV] = "integer overflow",
	[EXC_TR] = "trap",
	[EXC_FPE] = "floating point",
};

static const char gpr_names[32][3] = {
	"zr", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2",
	"t3", "t4", "t5", "t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5",
	"s6", "s7", "t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra",
};

static int in_fatal;

static void put_reg(const char *name, uint32_t v, const char *end)
{
	plat_puts(name);
	plat_puts("=");
	plat_puthex(v, 8);
	plat_puts(end);
}

static void dump(const struct malta_frame *f, unsigned int exc)
{
	plat_puts("CRASH: exception ");
	plat_puts(exc_names[exc] ? exc_names[exc] : "(unknown)");
	plat_puts("\n");
	put_reg("EPC", f->epc, "  ");
	put_reg("Cause", f->cause, "  ");
	put_reg("BadVAddr", f->badvaddr, "  ");
	put_reg("Status", f->status, "\n");
	for (int i = 0; i < 32; i++)
		put_reg(gpr_names[i], f->gpr[i], (i % 4 == 3) ? "\n" : "  ");
	put_reg("hi", f->hi, "  ");
	put_reg("lo", f->lo, "\n");
}

void malta_trap(struct malta_frame *f)
{
	unsigned int exc = (f->cause >> CAUSE_EXC_SHIFT) & CAUSE_EXC_MASK;

	if (exc == EXC_INT) {
		malta_irq_dispatch(f);
		/* Woken between ei and wait: do not go to sleep after all. */
		if (f->epc >= (uintptr_t)malta_wait_begin &&
		    f->epc < (uintptr_t)malta_wait_end)
			f->epc = (uintptr_t)malta_wait_end;
		return;
	}
	/* A fault while reporting one: stop at once. */
	if (in_fatal++) {
		plat_puts("CRASH: exception while handling a crash\n");
		malta_reset();
	}
	dump(f, exc);
	ukplat_crash();
}
