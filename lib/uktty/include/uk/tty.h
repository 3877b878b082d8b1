/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_TTY_H__
#define __UK_TTY_H__

#include <stddef.h>

/*
 * Read from the console as a terminal: waits until input arrives (a whole
 * line in cooked mode), returns the byte count, 0 at end of file, or a
 * negative errno (-EIO, or -EINTR when a signal handler without
 * SA_RESTART ran while it waited: uk/intr.h).
 */
long uk_tty_read(void *buf, size_t len);

#endif /* __UK_TTY_H__ */
