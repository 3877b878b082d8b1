/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_TTY_H__
#define __UK_TTY_H__

#include <stddef.h>

/*
 * Read from the console as a terminal: waits until input arrives (a whole
 * line in cooked mode), returns the byte count, 0 at end of file, or a
 * negative errno (-EINTR when uk_tty_interrupt_check() says so, -EIO).
 */
long uk_tty_read(void *buf, size_t len);

/*
 * Asked by a waiting read between two looks at the console: nonzero
 * ends the read with -EINTR. Weak here (never interrupts); the signal
 * library defines it (a signal is pending and not blocked).
 */
int uk_tty_interrupt_check(void);

#endif /* __UK_TTY_H__ */
