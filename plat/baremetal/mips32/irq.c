/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupt lines are the CPU's eight Cause.IP lines (0-1 software, 2-7
 * hardware; on the Malta the PIIX4's 8259 pair is on line 2 and the CP0
 * timer on IntCtl.IPTI, line 7). Registering a handler unmasks its line in
 * Status.IM; the platform's timer is served first on its line.
 */
#include <uk/arch/lcpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/lcpu.h>
#include <uk/plat/tls.h>
#include <uk/asm/cp0.h>
#include <malta/malta.h>

#define IRQ_LINES 8
#define IRQ_HANDLERS_PER_LINE 4
#define I8259_MASTER_DATA 0x21
#define I8259_SLAVE_DATA 0xa1
/* errno values, without depending on a libc's headers */
#define IRQ_EINVAL 22
#define IRQ_ENOSPC 28

struct irq_handler {
	uk_irq_handler_func_t func;
	void *arg;
};

static struct irq_handler handlers[IRQ_LINES][IRQ_HANDLERS_PER_LINE];

static void line_unmask(unsigned int line)
{
	unsigned long flags = ukarch_irq_save();

	mips32_cp0_write(CP0_STATUS, mips32_cp0_read(CP0_STATUS) | ST_IM(line));
	ukarch_irq_restore(flags);
}

int ukplat_irq_register(unsigned long irq, uk_irq_handler_func_t func,
			void *arg)
{
	unsigned long flags;
	int i, rc = -IRQ_ENOSPC;

	if (irq >= IRQ_LINES || !func)
		return -IRQ_EINVAL;
	flags = ukarch_irq_save();
	for (i = 0; i < IRQ_HANDLERS_PER_LINE; i++) {
		if (!handlers[irq][i].func) {
			handlers[irq][i].func = func;
			handlers[irq][i].arg = arg;
			rc = 0;
			break;
		}
	}
	ukarch_irq_restore(flags);
	if (rc == 0)
		line_unmask(irq);
	return rc;
}

void malta_irq_dispatch(struct malta_frame *f)
{
	uint32_t pending = (f->cause & f->status) >> CAUSE_IP_SHIFT & 0xff;

	for (unsigned int line = 0; line < IRQ_LINES; line++) {
		int handled = 0;

		if (!(pending & (1U << line)))
			continue;
		if (line == malta_timer_line)
			handled = malta_timer_irq();
		for (int i = 0; i < IRQ_HANDLERS_PER_LINE; i++)
			if (handlers[line][i].func)
				handled |= handlers[line][i].func(
					handlers[line][i].arg);
		/* Nobody claims it: mask the line rather than loop on it. */
		if (!handled)
			mips32_cp0_write(CP0_STATUS,
					 mips32_cp0_read(CP0_STATUS) &
						 ~ST_IM(line));
	}
}

void malta_irq_init(void)
{
	/* Mask every 8259 input (OCW1) until a driver wants one: e.g. the
	 * 8254 used for calibration would otherwise keep line 2 pending. */
	malta_outb(I8259_MASTER_DATA, 0xff);
	malta_outb(I8259_SLAVE_DATA, 0xff);
	/* Only the timer line is open at first. */
	line_unmask(malta_timer_line);
}

void ukplat_lcpu_halt_irq_until(__nsec until)
{
	malta_timer_arm(until);
	/* An earlier interrupt leaves Compare armed: a late timer interrupt
	 * is harmless (it re-arms the wrap guard). */
	malta_wait_irq();
}

/*
 * The thread pointer is UserLocal, which compiled __thread accesses read
 * with rdhwr $29 (allowed in kernel mode, never trapping there, so it
 * cannot be emulated). Writing it needs Config3.ULRI, which QEMU's Malta
 * CPU (24Kf) lacks: TLS is refused on such CPUs.
 */
int ukplat_tlsp_set(uintptr_t tp)
{
	if (!(mips32_cp0_read(CP0_CONFIG3) & CP0_CONFIG3_ULRI))
		return -95; /* EOPNOTSUPP */
	mips32_cp0_write(CP0_USERLOCAL, tp);
	return 0;
}
