/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __X86_IDT_H__
#define __X86_IDT_H__

#include <stdint.h>
#include <uk/essentials.h>

/* A 64-bit interrupt gate (Intel SDM vol. 3, 6.14.1). */
struct x86_idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t zero;
} __packed;

/*
 * Point gates 0..n-1 of idt at stubs + 16 * vector (each platform's entry
 * code lays its stubs out 16 bytes apart), as DPL 0 interrupt gates in
 * code segment sel, and load the table.
 */
void x86_idt_load(struct x86_idt_gate *idt, unsigned int n, const char *stubs,
		  uint16_t sel);

#endif /* __X86_IDT_H__ */
