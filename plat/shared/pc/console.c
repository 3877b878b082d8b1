/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel console: the 16550 UART at COM1 (lib/ns16550) and the VGA text
 * screen, each enabled by the platform's Kconfig (X86_PC_COM1,
 * X86_PC_VGA). Both are polled and need no memory but .bss, so they work from the first line of
 * C (x86_console_init() is the first thing x86_pc_start() does). A device
 * that does not answer its probe is left alone: no COM1 on a PC without
 * one, no VGA on a headless virtual machine.
 */
#include <uk/plat/console.h>
#include <ns16550/ns16550.h>
#include <pc/pc.h>

#ifndef X86_PC_COM1
#define X86_PC_COM1 1
#endif
#ifndef X86_PC_VGA
#define X86_PC_VGA 0
#endif

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x0700 /* light grey on black */
#define VGA_CRTC 0x3d4

static int vga_ok;

static uint8_t com1_in(unsigned int reg)
{
	return inb(X86_COM1 + reg);
}

static void com1_out(unsigned int reg, uint8_t v)
{
	outb(X86_COM1 + reg, v);
}

static struct ns16550 com1 = { .read_reg = com1_in, .write_reg = com1_out };

/*
 * VGA: what is on screen is kept in RAM too, so scrolling never reads
 * video memory (slow, and absent on headless machines).
 */
static uint16_t vga_shadow[VGA_ROWS * VGA_COLS];
static unsigned int vga_row, vga_col;

static volatile uint16_t *const vga_mem = PHYS(0xb8000);

static void vga_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CRTC, 0x0f);
	outb(VGA_CRTC + 1, pos & 0xff);
	outb(VGA_CRTC, 0x0e);
	outb(VGA_CRTC + 1, (pos >> 8) & 0xff);
}

static void vga_init(void)
{
	unsigned int i;

	/* Text memory keeps what is written to it; nothing there does not. */
	vga_mem[0] = VGA_ATTR | 'U';
	if (vga_mem[0] != (VGA_ATTR | 'U'))
		return;
	for (i = 0; i < VGA_ROWS * VGA_COLS; i++) {
		vga_shadow[i] = VGA_ATTR | ' ';
		vga_mem[i] = vga_shadow[i];
	}
	vga_row = vga_col = 0;
	vga_ok = 1;
	vga_cursor();
}

static void vga_scroll(void)
{
	unsigned int i;

	for (i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_shadow[i] = vga_shadow[i + VGA_COLS];
	for (; i < VGA_ROWS * VGA_COLS; i++)
		vga_shadow[i] = VGA_ATTR | ' ';
	for (i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = vga_shadow[i];
	vga_row = VGA_ROWS - 1;
}

static void vga_putc(char c)
{
	unsigned int i;

	switch (c) {
	case '\n':
		vga_col = 0;
		vga_row++;
		break;
	case '\r':
		vga_col = 0;
		break;
	case '\b':
		if (vga_col)
			vga_col--;
		break;
	case '\t':
		vga_col = (vga_col + 8) & ~7u;
		break;
	default:
		i = vga_row * VGA_COLS + vga_col;
		vga_shadow[i] = VGA_ATTR | (uint8_t)c;
		vga_mem[i] = vga_shadow[i];
		vga_col++;
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll();
}

void x86_console_init(void)
{
	/* Divisor 1: 115200 baud. */
	if (X86_PC_COM1)
		ns16550_init(&com1, 1);
	if (X86_PC_VGA)
		vga_init();
}

void x86_console_write(const char *buf, unsigned int len)
{
	unsigned int i;

	ns16550_write(&com1, buf, len);
	if (!vga_ok)
		return;
	for (i = 0; i < len; i++)
		vga_putc(buf[i]);
	if (len)
		vga_cursor();
}

/* Wait until the UART has sent everything (before power-off). */
void x86_console_flush(void)
{
	ns16550_flush(&com1);
}

int ukplat_coutk(const char *buf, unsigned int len)
{
	x86_console_write(buf, len);
	return (int)len;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	return (int)ns16550_read(&com1, buf, maxlen);
}
