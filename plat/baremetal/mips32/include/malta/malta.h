/* SPDX-License-Identifier: BSD-3-Clause */
/* MIPS Malta board: addresses and the platform's internal interfaces. */
#ifndef __MALTA_MALTA_H__
#define __MALTA_MALTA_H__

#include <uk/asm/cp0.h>

/* Physical memory is seen through kseg0 (cached) and kseg1 (uncached). */
#define KSEG0 0x80000000UL
#define KSEG1 0xa0000000UL

/* PIIX4 ISA I/O ports, through the GT-64120's PCI I/O window. */
#define MALTA_ISA_IO (KSEG1 + 0x18000000UL)
/* GT-64120 system controller registers, where the boot loader put them. */
#define MALTA_GT_BASE (KSEG1 + 0x1be00000UL)
/* Board registers: SOFTRES resets the board when 0x42 is written. */
#define MALTA_SOFTRES (KSEG1 + 0x1f000500UL)
#define MALTA_SOFTRES_GO 0x42

/* Register frame the exception vector builds on the stack (vectors.S). */
#define FRAME_GPR(n) ((n)*4)
#define FRAME_LO (32 * 4)
#define FRAME_HI (33 * 4)
#define FRAME_EPC (34 * 4)
#define FRAME_STATUS (35 * 4)
#define FRAME_CAUSE (36 * 4)
#define FRAME_BADVADDR (37 * 4)
/* 16 bytes of o32 argument area below the frame, 8-byte aligned. */
#define FRAME_SIZE (38 * 4 + 16 + 8)
#define FRAME_ARGS 16

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <uk/essentials.h>
#include <uk/arch/types.h>
#include <uk/plat/common/putk.h>

struct malta_frame {
	uint32_t gpr[32];
	uint32_t lo, hi;
	uint32_t epc, status, cause, badvaddr;
};

/* 8/16-bit ISA port access; 16-bit values cross the GT-64120 swapped on
 * big-endian CPUs (the bus is little-endian). */
static inline uint8_t malta_inb(unsigned int port)
{
	return *(volatile uint8_t *)(MALTA_ISA_IO + port);
}

static inline void malta_outb(unsigned int port, uint8_t v)
{
	*(volatile uint8_t *)(MALTA_ISA_IO + port) = v;
}

static inline uint32_t malta_le32(uint32_t v)
{
#ifdef __MIPSEB__
	return __builtin_bswap32(v);
#else
	return v;
#endif
}

static inline uint16_t malta_le16(uint16_t v)
{
#ifdef __MIPSEB__
	return __builtin_bswap16(v);
#else
	return v;
#endif
}

static inline void malta_outw(unsigned int port, uint16_t v)
{
	*(volatile uint16_t *)(MALTA_ISA_IO + port) = malta_le16(v);
}

/* console.c */
void malta_console_init(void);
/* Ends the current console line unless it is empty. */
void malta_newline(void);

/* pci.c: configuration space of bus 0 through the GT-64120. */
uint32_t malta_pci_read32(unsigned int dev, unsigned int fn, unsigned int reg);
void malta_pci_write32(unsigned int dev, unsigned int fn, unsigned int reg,
		       uint32_t v);

/* time.c */
void malta_time_init(void);
int malta_timer_irq(void);
void malta_timer_arm(__nsec until);
uint32_t malta_count_hz(void);
extern unsigned int malta_timer_line;

/* rtc.c: read the RTC once, for ukplat_wall_clock(). */
void malta_rtc_init(void);

/* irq.c */
void malta_irq_init(void);
void malta_irq_dispatch(struct malta_frame *f);

/* trap.c: called by the exception vector (vectors.S). */
void malta_trap(struct malta_frame *f);

/* vectors.S */
extern char malta_vectors[];
extern char malta_wait_begin[], malta_wait_end[];
/* Enable interrupts, wait for one, disable them again. */
void malta_wait_irq(void);

/* memory.c */
/* The memory map; initrd_len 0: no initrd. */
void malta_memory_init(uint32_t ramsize, uintptr_t initrd, size_t initrd_len);

/* power.c */
void malta_reset(void) __noreturn;
#endif /* !__ASSEMBLY__ */

#endif /* __MALTA_MALTA_H__ */
