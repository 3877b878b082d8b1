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
#include <uk/plat/fault.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/arch/lcpu.h>
#include <x86/trap.h>
#include <x86/idt.h>
#include <pc/pc.h>
#include <uk/plat/common/putk.h>

extern char x86_trap_stubs[];
static struct x86_idt_gate idt[256] __align(16);

/* --- Exceptions ------------------------------------------------------------ */
/*
 * Offer a fault to the program's signal handler (lib/signal). It runs
 * here, on the trap's stack (page faults: the IST stack, tss.c), with
 * interrupts as they were at the fault, and must leave with siglongjmp:
 * the trap path cannot resume. A stack overflow is never offered.
 */
static void to_signal(struct x86_trap_frame *r)
{
	unsigned long cr2 = read_cr2();
	const char *owner;
	int kind;

	switch (r->vector) {
	case 0: /* #DE */
	case 16: /* #MF */
	case 19: /* #XM */
		kind = UK_FAULT_FPE;
		break;
	case 6: /* #UD */
		kind = UK_FAULT_ILL;
		break;
	case 12: /* #SS */
	case 17: /* #AC */
		kind = UK_FAULT_BUS;
		break;
	case 13: /* #GP */
	case X86_EXC_PF:
		kind = UK_FAULT_SEGV;
		break;
	default:
		return;
	}
	if (r->vector == X86_EXC_PF && x86_guard_owner(cr2, &owner))
		return;
	if (r->rflags & X86_EFLAGS_IF)
		ukplat_lcpu_enable_irq();
	if (uk_signal_fault(kind, (void *)(r->vector == X86_EXC_PF ? cr2 :
							      r->rip)))
		plat_puts("\nCRASH: the signal handler of a fault returned"
			  " (only siglongjmp can leave it here)");
	ukplat_lcpu_disable_irq();
}

void x86_trap_handle(struct x86_trap_frame *r)
{
	static int nested;

	/* A fault while reporting one: stop at once. */
	if (nested++)
		ukplat_terminate(UKPLAT_STATUS_CRASH);
	if (uk_signal_fault) {
		/* A handler leaving with siglongjmp ends this trap. */
		nested--;
		to_signal(r);
		nested++;
	}
	x86_trap_report(r, read_cr2(), x86_guard_owner);
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

void x86_irq_handle(struct x86_trap_frame *r)
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
