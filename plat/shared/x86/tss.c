/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The TSS of the x86_64 platforms that run in ring 0 (kvm, baremetal, Xen
 * PVH): only for its IST 1, the stack page faults and double faults run
 * on, so that a thread that ran into the guard page under its stack still
 * gets its fault reported.
 */
#include <x86/idt.h>
#include <x86/cpu.h>
#include <x86/trap.h>

/* The 64-bit TSS (Intel SDM vol. 3, 8.7): only the IST pointers matter. */
struct x86_tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __packed;

#define X86_VEC_DF 8
#define FAULT_STACK_SIZE 8192

static struct x86_tss tss __align(16);
static char fault_stack[FAULT_STACK_SIZE] __align(16);

void x86_tss_init(uint64_t gdt_tss[2], uint16_t sel, struct x86_idt_gate *idt)
{
	uint64_t base = (uintptr_t)&tss, limit = sizeof(tss) - 1;

	tss.ist[0] = (uintptr_t)fault_stack + sizeof(fault_stack);
	tss.iomap_base = sizeof(tss); /* no I/O permission bitmap */
	/* Available 64-bit TSS (type 9), present. */
	gdt_tss[0] = (limit & 0xffff) | (base & 0xffffff) << 16 |
		     0x89ULL << 40 | ((limit >> 16) & 0xf) << 48 |
		     ((base >> 24) & 0xff) << 56;
	gdt_tss[1] = base >> 32;
	__asm__ __volatile__("ltr %w0" : : "r"(sel) : "memory");
	idt[X86_VEC_DF].ist = 1;
	idt[X86_EXC_PF].ist = 1;
}
