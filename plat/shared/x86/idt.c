/* SPDX-License-Identifier: BSD-3-Clause */
/* The interrupt descriptor table of every x86_64 platform that has one. */
#include <x86/idt.h>

#define X86_GATE_INTR_DPL0 0x8e /* present, DPL 0, 64-bit interrupt gate */

void x86_idt_load(struct x86_idt_gate *idt, unsigned int n, const char *stubs,
		  uint16_t sel)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed idtr = { n * sizeof(*idt) - 1, (uintptr_t)idt };

	for (unsigned int v = 0; v < n; v++) {
		uintptr_t a = (uintptr_t)stubs + 16 * v;

		idt[v] = (struct x86_idt_gate){
			.off_lo = a & 0xffff,
			.sel = sel,
			.type = X86_GATE_INTR_DPL0,
			.off_mid = (a >> 16) & 0xffff,
			.off_hi = a >> 32,
		};
	}
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}
