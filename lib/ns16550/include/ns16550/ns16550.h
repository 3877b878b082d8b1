/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A polled 16550-compatible UART (lib/ns16550): the PC's COM1 and the
 * Malta's first UART. The board says how its registers are reached (x86
 * port I/O, the PIIX4's ISA window); the register protocol is here.
 */
#ifndef __NS16550_H__
#define __NS16550_H__

#include <stdint.h>

struct ns16550 {
	/* Register reg (0-7) of this UART. */
	uint8_t (*read_reg)(unsigned int reg);
	void (*write_reg)(unsigned int reg, uint8_t v);
	int ok; /* set by ns16550_init() when the UART answered */
};

/*
 * Checks that a UART answers (its scratch register keeps a value), then
 * sets 8N1 with interrupts off and, unless divisor is 0 (keep what the
 * firmware set), the baud rate as 115200 / divisor. The receive FIFO is
 * left as found: switching it on would drop what arrived before boot.
 * Returns 0, or -1 when nothing answers (u->ok stays 0).
 */
int ns16550_init(struct ns16550 *u, unsigned int divisor);

/* Sends len bytes, each '\n' as CR LF (what a serial terminal wants). */
void ns16550_write(struct ns16550 *u, const char *buf, unsigned int len);

/* The bytes received so far, up to maxlen, without waiting. */
unsigned int ns16550_read(struct ns16550 *u, char *buf, unsigned int maxlen);

/* Waits (a bounded time) until every byte has left the wire. */
void ns16550_flush(struct ns16550 *u);

#endif /* __NS16550_H__ */
