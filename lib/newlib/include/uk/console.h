/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform console as newlib's glue uses it (syscalls.c): fds 0-2
 * without lib/vfs, /dev/console with it. Both return a count or a
 * negative errno value.
 */
#ifndef __UK_CONSOLE_H__
#define __UK_CONSOLE_H__

#include <stddef.h>
#include <sys/types.h>

ssize_t uk_console_read(void *buf, size_t len);
ssize_t uk_console_write(const void *buf, size_t len);
/* 1 when a read would not wait (see uk_tty_readable), else 0. */
int uk_console_readable(void);

#endif /* __UK_CONSOLE_H__ */
