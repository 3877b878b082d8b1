/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The IDT, exception reports, the 8259 PICs and interrupt dispatch.
 *
 * Exceptions print their name, the registers and CR2, then terminate with
 * UKPLAT_STATUS_CRASH. Page faults and double faults run on a stack of
 * their own (tss.c).
 *
 * ISA interrupt lines (0-15) come through the 8259 PICs, remapped to
 * vectors 32-47 and masked until a handler is registered; the local APIC
 * passes them on in virtual-wire mode (LINT0 = ExtINT, see time.c) and
 * delivers its own timer at X86_VEC_TIMER.
 */
#include <uk/plat/bootstrap.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/common/x86/excname.h>
#include <uk/plat/common/x86/idt.h>
#include "pc.h"

struct x86_regs {
	unsigned long r15, r14, r13, r12, r11, r10, r9, r8;
	unsigned long rbp, rdi, rsi, rdx, rcx, rbx, rax;
	unsigned long vector, error;
	unsigned long rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

extern char x86_trap_stubs[];
static struct x86_idt_gate idt[256] __align(16);

#define X86_VEC_PF 14

/* --- Exceptions ------------------------------------------------------------ */
static void put_reg(const char *name, unsigned long v)
{
	x86_puts(name);
	x86_puthex(v);
}

void x86_trap_handle(struct x86_regs *r)
{
	static int nested;
	const char *name = x86_exc_name(r->vector);

	/* A fault while reporting one: stop at once. */
	if (nested++)
		ukplat_terminate(UKPLAT_STATUS_CRASH);

	x86_puts("\nCRASH: x86 exception ");
	x86_putdec(r->vector);
	x86_puts(" (");
	x86_puts(name ? name : "reserved");
	x86_puts(")");
	put_reg(" at RIP ", r->rip);
	x86_puts("\n");
	if (r->vector == X86_VEC_PF) {
		const char *owner = NULL;

		if (x86_guard_owner(read_cr2(), &owner)) {
			x86_puts("CRASH: stack overflow in thread ");
			x86_puts(owner ? owner : "(unnamed)");
			x86_puts(" (it hit the guard page under its stack)\n");
		}
		put_reg("  CR2 ", read_cr2());
		x86_puts(" (faulting address), ");
		x86_puts(r->error & 1 ? "protection violation" :
					"page not present");
		x86_puts(r->error & 2 ? " on write" : " on read");
		x86_puts(r->error & 16 ? " (instruction fetch)\n" : "\n");
	}
	put_reg("  ERR ", r->error);
	put_reg("  RFL ", r->rflags);
	put_reg("  CR2 ", read_cr2());
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
	x86_puts("\n");
	ukplat_crash();
}

/* --- 8259 PICs ------------------------------------------------------------- */
#define PIC1 0x20
#define PIC2 0xa0
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0b

static uint16_t pic_mask = 0xffff;

static void pic_set_mask(void)
{
	/* The cascade line is open while any slave line is. */
	uint16_t m = pic_mask;

	if ((m & 0xff00) != 0xff00)
		m &= ~(1 << 2);
	outb(PIC1 + 1, m & 0xff);
	outb(PIC2 + 1, m >> 8);
}

static void pic_init(void)
{
	outb(PIC1, 0x11); /* ICW1: edge, cascade, ICW4 */
	outb(PIC2, 0x11);
	outb(PIC1 + 1, X86_VEC_PIC_BASE); /* ICW2: vectors */
	outb(PIC2 + 1, X86_VEC_PIC_BASE + 8);
	outb(PIC1 + 1, 1 << 2); /* ICW3: slave on line 2 */
	outb(PIC2 + 1, 2);
	outb(PIC1 + 1, 0x01); /* ICW4: 8086 mode */
	outb(PIC2 + 1, 0x01);
	pic_set_mask();
}

/* --- Interrupt dispatch ---------------------------------------------------- */
#define IRQ_LINES 16
#define IRQ_HANDLERS_PER_LINE 4
#define X86_EINVAL 22
#define X86_ENOMEM 12

static struct {
	uk_irq_handler_func_t func;
	void *arg;
} irq_handlers[IRQ_LINES][IRQ_HANDLERS_PER_LINE];

int ukplat_irq_register(unsigned long irq, uk_irq_handler_func_t func,
			void *arg)
{
	unsigned long flags;
	int i;

	if (irq >= IRQ_LINES || irq == 2 || !func)
		return -X86_EINVAL;
	flags = ukplat_lcpu_save_irqf();
	for (i = 0; i < IRQ_HANDLERS_PER_LINE; i++)
		if (!irq_handlers[irq][i].func)
			break;
	if (i == IRQ_HANDLERS_PER_LINE) {
		ukplat_lcpu_restore_irqf(flags);
		return -X86_ENOMEM;
	}
	irq_handlers[irq][i].arg = arg;
	irq_handlers[irq][i].func = func;
	pic_mask &= ~(1u << irq);
	pic_set_mask();
	ukplat_lcpu_restore_irqf(flags);
	return 0;
}

void x86_irq_handle(struct x86_regs *r)
{
	unsigned long vec = r->vector;
	unsigned int irq, i;

	if (vec == X86_VEC_TIMER) {
		/* Its work is done: it woke the CPU from hlt. */
		x86_lapic_eoi();
		return;
	}
	if (vec == X86_VEC_SPURIOUS)
		return;
	if (vec < X86_VEC_PIC_BASE || vec >= X86_VEC_PIC_BASE + IRQ_LINES) {
		/* Nobody asked for this vector: acknowledge and ignore. */
		x86_lapic_eoi();
		return;
	}
	irq = vec - X86_VEC_PIC_BASE;
	/* Lines 7 and 15 also carry spurious interrupts: check the ISR. */
	if (irq == 7 || irq == 15) {
		uint16_t port = irq == 7 ? PIC1 : PIC2;

		outb(port, PIC_READ_ISR);
		if (!(inb(port) & 0x80)) {
			if (irq == 15)
				outb(PIC1, PIC_EOI);
			return;
		}
	}
	for (i = 0; i < IRQ_HANDLERS_PER_LINE && irq_handlers[irq][i].func; i++)
		if (irq_handlers[irq][i].func(irq_handlers[irq][i].arg))
			break;
	if (irq >= 8)
		outb(PIC2, PIC_EOI);
	outb(PIC1, PIC_EOI);
}

void x86_traps_init(void)
{
	x86_idt_load(idt, ARRAY_SIZE(idt), x86_trap_stubs, X86_GDT_CODE64);
	x86_tss_init(x86_gdt_tss, X86_GDT_TSS, idt);
	pic_init();
}
