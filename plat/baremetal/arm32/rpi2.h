/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Raspberry Pi 2 (BCM2836) peripherals, at their ARM physical addresses
 * (BCM2835 ARM Peripherals manual, bus address 0x7e...... = 0x3f......;
 * BCM2836 ARM-local peripherals, QA7 rev 3.4).
 */
#ifndef __RPI2_H__
#define __RPI2_H__

#include <uk/essentials.h>

#define RPI2_PERIPH_BASE 0x3f000000UL
#define RPI2_SYSTIMER (RPI2_PERIPH_BASE + 0x003000)
#define RPI2_IC (RPI2_PERIPH_BASE + 0x00b200)
#define RPI2_PM (RPI2_PERIPH_BASE + 0x100000)
#define RPI2_RNG (RPI2_PERIPH_BASE + 0x104000)
#define RPI2_GPIO (RPI2_PERIPH_BASE + 0x200000)
#define RPI2_UART0 (RPI2_PERIPH_BASE + 0x201000)
#define RPI2_LOCAL 0x40000000UL

/* The firmware's UART clock with init_uart_clock=48000000 (README.md). */
#define RPI2_UART_CLOCK 48000000
#define RPI2_UART_BAUD 115200

/* RAM below the VideoCore's share (QEMU's 1 GiB less 64 MiB). */
#define RPI2_RAM_DEFAULT 0x3c000000UL
/* Where the firmware loads kernel7.img; below it: ATAGS, spin tables. */
#define RPI2_LOAD_ADDR 0x8000UL

/* Interrupt controller (intc.c) and system timer (systimer.c). */
int rpi2_intc_init(void);
int rpi2_systimer_init(void);
/* GPU interrupt numbers: bank 1 is 0-31, bank 2 is 32-63. */
#define RPI2_IRQ_SYSTIMER1 1

#endif /* __RPI2_H__ */
