/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals shared by the x86_64 PC-like platforms (kvm and baremetal):
 * port I/O, control registers, and the entry points between the files of
 * plat/shared/pc. Not a public header: only these files include it, and
 * plat/xen/x86_64, whose PVH guests reuse paging.c, tls.c and tss.c.
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

#ifndef X86_PC_PLAT
#define X86_PC_PLAT "x86"
#endif

/* --- Port I/O and CPU registers ------------------------------------------- */
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

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ __volatile__("wrmsr"
			     :
			     : "c"(msr), "a"((uint32_t)v),
			       "d"((uint32_t)(v >> 32))
			     : "memory");
}

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ __volatile__("cpuid"
			     : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			     : "a"(leaf), "c"(sub));
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

/* A physical address below 4 GiB (identity-mapped) as a pointer. */
#define PHYS(a) ((void *)(uintptr_t)(a))

/* --- Set by entry32.S ------------------------------------------------------ */
extern uint32_t x86_boot_proto; /* X86_BOOT_MULTIBOOT or X86_BOOT_PVH */
extern uint32_t x86_boot_info;  /* multiboot info / hvm_start_info */
extern uint64_t x86_boot_tsc;   /* TSC at the first instruction */
extern uint64_t x86_pd[];       /* 2048 2-MiB entries: 0-4 GiB */
extern uint64_t x86_pt0[];      /* 4-KiB entries of the first 2 MiB */
extern uint64_t x86_gdt_tss[2]; /* the TSS descriptor, filled by traps.c */
extern char _image_start[], _end[];

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

/* --- tss.c ---------------------------------------------------------------- */
struct x86_idt_gate;
/*
 * Load a TSS whose IST 1 is a stack of its own, into the 16-byte GDT slot
 * gdt_tss with selector sel, and move the page-fault and double-fault
 * gates of idt onto it: a thread that overflowed into its guard page has
 * no stack left to take the exception on.
 */
void x86_tss_init(uint64_t gdt_tss[2], uint16_t sel, struct x86_idt_gate *idt);

/* --- paging.c and tls.c ---------------------------------------------------- */
/*
 * Their <uk/plat/paging.h> and <uk/plat/tls.h> functions. plat/xen, whose
 * one image boots as a PV or a PVH guest, builds them with
 * -DX86_PC_PLAT_FN_RENAME=1 under x86_pc_* names and chooses at run time.
 */
#if X86_PC_PLAT_FN_RENAME
#define X86_PLAT_FN(name) x86_pc_##name
unsigned long x86_pc_page_guard_size(void);
int x86_pc_page_set_guard(void *page, const char *owner);
int x86_pc_page_clear_guard(void *page);
int x86_pc_tlsp_set(uintptr_t tp);
#else
#define X86_PLAT_FN(name) ukplat_##name
#endif
/* 1 if va is in a guard page (ukplat_page_set_guard); *owner its owner. */
int x86_guard_owner(uintptr_t va, const char **owner);

/* --- time.c --------------------------------------------------------------- */
uint64_t x86_tsc_hz(void);
void x86_lapic_init(void);
void x86_lapic_eoi(void);

/* --- acpi.c --------------------------------------------------------------- */
void x86_acpi_init(uint64_t rsdp_hint);
/* Returns only when the machine could not be powered off. */
void x86_acpi_poweroff(void);

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
