/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals shared by the x86_64 PC-like platforms (kvm and baremetal):
 * port I/O and the entry points between the files of plat/shared/pc. Not
 * a public header: only these files include it. The CPU's own parts
 * (paging, TLS, TSS, IDT, traps) are the x86 layer's (<x86/cpu.h>).
 *
 * The platform that compiles these files says what it wants with -D flags
 * (see pc_image in plat/shared/pc/layer.uk): X86_PC_PLAT (its name),
 * X86_PC_COM1 and X86_PC_VGA (consoles), X86_PC_BOOT_TIME (print
 * entry-to-main time).
 */
#ifndef __X86_PC_H__
#define __X86_PC_H__

#include <pc/pc_defs.h>

#ifndef __ASSEMBLY__
#include <uk/essentials.h>
#include <uk/plat/common/putk.h>
#include <x86/cpu.h>

#ifndef X86_PC_PLAT
#define X86_PC_PLAT "x86"
#endif

/* --- Port I/O ------------------------------------------- */
static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint16_t inw(uint16_t port)
{
	uint16_t v;

	__asm__ __volatile__("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* A physical address below 4 GiB (identity-mapped) as a pointer. */
#define PHYS(a) ((void *)(uintptr_t)(a))

/* --- Set by entry32.S ------------------------------------------------------ */
extern uint32_t x86_boot_proto; /* X86_BOOT_MULTIBOOT or X86_BOOT_PVH */
extern uint32_t x86_boot_info;  /* multiboot info / hvm_start_info */
extern uint64_t x86_boot_tsc;   /* TSC at the first instruction */
extern uint64_t x86_gdt_tss[2]; /* the TSS descriptor, filled by traps.c */
extern char _image_start[], _etext[], _erodata[], _end[];

/* setup.c: virtio_mmio.device= values taken off the command line. */
#define X86_VIRTIO_MMIO_MAX 8
extern const char *x86_virtio_mmio_args[X86_VIRTIO_MMIO_MAX];
extern unsigned int x86_virtio_mmio_nargs;

/* C entry, called by entry32.S on the boot stack in long mode. */
void x86_pc_start(void) __noreturn;

/* --- console.c ------------------------------------------------------------ */
void x86_console_init(void);
void x86_console_write(const char *buf, unsigned int len);
void x86_console_flush(void);

/* --- traps.c -------------------------------------------------------------- */
void x86_traps_init(void);
/* Called from isr.S with the saved registers. */
struct x86_trap_frame;
void x86_trap_handle(struct x86_trap_frame *r) __noreturn;
void x86_irq_handle(struct x86_trap_frame *r);

/* --- time.c --------------------------------------------------------------- */
uint64_t x86_tsc_hz(void);
void x86_lapic_init(void);
void x86_lapic_eoi(void);

/* --- memory.c ------------------------------------------------------------- */
/* Adds RAM [base, base+len) less what must not be handed out. */
void x86_mem_add_ram(uint64_t base, uint64_t len);
void x86_mem_init(void);
/*
 * The initrd at [base, base+len): a UKPLAT_MEMRF_INITRD region, kept out
 * of the RAM added after this call. Only the first call counts.
 */
void x86_mem_set_initrd(uint64_t base, uint64_t len);

#endif /* !__ASSEMBLY__ */
#endif /* __X86_PC_H__ */
