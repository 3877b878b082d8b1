/* SPDX-License-Identifier: BSD-3-Clause */
/* The 16550 register protocol, polled: no interrupts, no DMA. */
#include <ns16550/ns16550.h>

#define UART_DATA 0 /* receive / transmit; divisor low with DLAB */
#define UART_IER 1 /* interrupt enable; divisor high with DLAB */
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define UART_SCR 7
#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define MCR_DTR_RTS 0x03
#define LSR_DR 0x01 /* a byte has been received */
#define LSR_THRE 0x20 /* room for the next byte */
#define LSR_TEMT 0x40 /* shift register empty too */
/* About a second of polling at 115200 baud before giving up. */
#define FLUSH_SPINS 1000000

int ns16550_init(struct ns16550 *u, unsigned int divisor)
{
	u->ok = 0;
	u->write_reg(UART_SCR, 0x5a);
	if (u->read_reg(UART_SCR) != 0x5a)
		return -1;
	u->write_reg(UART_IER, 0);
	if (divisor) {
		u->write_reg(UART_LCR, LCR_DLAB);
		u->write_reg(UART_DATA, divisor & 0xff);
		u->write_reg(UART_IER, (divisor >> 8) & 0xff);
	}
	u->write_reg(UART_LCR, LCR_8N1);
	u->write_reg(UART_MCR, MCR_DTR_RTS);
	u->ok = 1;
	return 0;
}

static void put(struct ns16550 *u, char c)
{
	while (!(u->read_reg(UART_LSR) & LSR_THRE))
		;
	u->write_reg(UART_DATA, (uint8_t)c);
}

void ns16550_write(struct ns16550 *u, const char *buf, unsigned int len)
{
	unsigned int i;

	if (!u->ok)
		return;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			put(u, '\r');
		put(u, buf[i]);
	}
}

unsigned int ns16550_read(struct ns16550 *u, char *buf, unsigned int maxlen)
{
	unsigned int n = 0;

	if (!u->ok)
		return 0;
	while (n < maxlen && (u->read_reg(UART_LSR) & LSR_DR))
		buf[n++] = (char)u->read_reg(UART_DATA);
	return n;
}

void ns16550_flush(struct ns16550 *u)
{
	unsigned int spins = FLUSH_SPINS;

	if (!u->ok)
		return;
	while (!(u->read_reg(UART_LSR) & LSR_TEMT) && --spins)
		;
}
