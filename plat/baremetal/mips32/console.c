/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel console on the Malta's first 16550 UART (lib/ns16550): COM1, ISA
 * port 0x3f8 of the PIIX4 south bridge. The boot loader set the baud
 * rate, which is kept.
 */
#include <uk/plat/console.h>
#include <ns16550/ns16550.h>
#include <malta/malta.h>

#define COM1 0x3f8

static uint8_t com1_in(unsigned int reg)
{
	return malta_inb(COM1 + reg);
}

static void com1_out(unsigned int reg, uint8_t v)
{
	malta_outb(COM1 + reg, v);
}

static struct ns16550 com1 = { .read_reg = com1_in, .write_reg = com1_out };

/* The last character sent, so platform messages can start a line. */
static char last_char = '\n';

void malta_console_init(void)
{
	ns16550_init(&com1, 0);
}

int ukplat_coutk(const char *buf, unsigned int len)
{
	ns16550_write(&com1, buf, len);
	if (len)
		last_char = buf[len - 1];
	return (int)len;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	return (int)ns16550_read(&com1, buf, maxlen);
}

void malta_newline(void)
{
	if (last_char != '\n')
		ukplat_coutk("\n", 1);
}
