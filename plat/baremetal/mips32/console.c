/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel console on the Malta's first 16550 UART (COM1, ISA port 0x3f8 of
 * the PIIX4 south bridge). The boot loader set the baud rate; we only
 * make sure of 8N1 and no UART interrupts.
 */
#include <uk/plat/console.h>
#include <malta/malta.h>

#define COM1 0x3f8
#define UART_RBR 0 /* receive buffer (read) */
#define UART_THR 0 /* transmit holding (write) */
#define UART_IER 1
#define UART_LCR 3
#define UART_LSR 5
#define LCR_8N1 0x03
#define LSR_DR 0x01 /* a byte has been received */
#define LSR_THRE 0x20 /* transmit holding register empty */

void malta_console_init(void)
{
	malta_outb(COM1 + UART_IER, 0);
	malta_outb(COM1 + UART_LCR, LCR_8N1);
	/*
	 * The FIFOs stay as the boot loader left them: switching them on
	 * clears what was received already.
	 */
}

/* The last character sent, so platform messages can start a line. */
static char last_char = '\n';

static void uart_putc(char c)
{
	last_char = c;
	while (!(malta_inb(COM1 + UART_LSR) & LSR_THRE))
		;
	malta_outb(COM1 + UART_THR, (uint8_t)c);
}

int ukplat_coutk(const char *buf, unsigned int len)
{
	for (unsigned int i = 0; i < len; i++) {
		/* Terminals want CR LF. */
		if (buf[i] == '\n')
			uart_putc('\r');
		uart_putc(buf[i]);
	}
	return (int)len;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	unsigned int n = 0;

	while (n < maxlen && (malta_inb(COM1 + UART_LSR) & LSR_DR))
		buf[n++] = (char)malta_inb(COM1 + UART_RBR);
	return (int)n;
}

void malta_newline(void)
{
	if (last_char != '\n')
		ukplat_coutk("\n", 1);
}
