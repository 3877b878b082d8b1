/* SPDX-License-Identifier: BSD-3-Clause */
/* ARM PrimeCell UART (PL011) as the kernel console (TRM DDI 0183). */
#include <uk/essentials.h>
#include <uk/plat/console.h>
#include <arm/cpu.h>
#include <arm/pl011.h>

#define UARTDR 0x00
#define UARTFR 0x18
#define UARTIBRD 0x24
#define UARTFBRD 0x28
#define UARTLCR_H 0x2c
#define UARTCR 0x30
#define UARTIMSC 0x38
#define UARTICR 0x44

#define FR_RXFE (1 << 4)
#define FR_TXFF (1 << 5)
#define FR_BUSY (1 << 3)
#define LCRH_FEN (1 << 4)
#define LCRH_WLEN8 (3 << 5)
#define CR_UARTEN (1 << 0)
#define CR_TXE (1 << 8)
#define CR_RXE (1 << 9)

static uintptr_t uart_base;

void arm_pl011_init(uintptr_t base, uint32_t clk_hz, uint32_t baud)
{
	uint32_t div64, fen;

	uart_base = base;
	if (!clk_hz)
		return;
	/* Divisor = clk / (16 * baud), as 16.6 fixed point, rounded. */
	div64 = (uint32_t)(((uint64_t)clk_hz * 4 + baud / 2) / baud);
	while (arm_mmio_read32(base + UARTFR) & FR_BUSY)
		;
	/*
	 * The FIFO stays as it was (LCR_H.FEN kept): switching it on
	 * empties the receive side, and input sent before boot would lose
	 * its first byte.
	 */
	fen = arm_mmio_read32(base + UARTLCR_H) & LCRH_FEN;
	arm_mmio_write32(base + UARTCR, 0);
	arm_mmio_write32(base + UARTICR, 0x7ff);
	arm_mmio_write32(base + UARTIBRD, div64 >> 6);
	arm_mmio_write32(base + UARTFBRD, div64 & 0x3f);
	arm_mmio_write32(base + UARTLCR_H, LCRH_WLEN8 | fen);
	arm_mmio_write32(base + UARTIMSC, 0);
	arm_mmio_write32(base + UARTCR, CR_UARTEN | CR_TXE | CR_RXE);
}

int ukplat_coutk(const char *buf, unsigned int len)
{
	unsigned int i;

	if (!uart_base)
		return -1;
	for (i = 0; i < len; i++) {
		while (arm_mmio_read32(uart_base + UARTFR) & FR_TXFF)
			;
		arm_mmio_write32(uart_base + UARTDR, (uint8_t)buf[i]);
	}
	return (int)len;
}

int ukplat_cink(char *buf, unsigned int maxlen)
{
	unsigned int n = 0;

	if (!uart_base)
		return -1;
	while (n < maxlen && !(arm_mmio_read32(uart_base + UARTFR) & FR_RXFE))
		buf[n++] = (char)arm_mmio_read32(uart_base + UARTDR);
	return (int)n;
}
