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

/*
 * Whether uk_tty_read would return without waiting (input, a complete
 * line in cooked mode, the end, or an error): 1 or 0. Never waits. The
 * console cannot notify, so pollers ask again now and then.
 */
int uk_tty_readable(void);

#endif /* __UK_TTY_H__ */
