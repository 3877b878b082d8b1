/* SPDX-License-Identifier: BSD-3-Clause */
/* ukdebug-internal: the message formatter, shared by print.c and tests. */
#ifndef __UKDEBUG_PRINTK_H__
#define __UKDEBUG_PRINTK_H__

#include <stdarg.h>
#include <stddef.h>

/* Ends a message that did not fit its buffer. */
#define TRUNC_MARK "[...]\n"

/*
 * Formats one kernel message into buf (size >= sizeof(TRUNC_MARK)): with
 * prefix, "[ssss.uuuuuu] " (CONFIG_LIBUKDEBUG_PRINTK_TIME), the level name
 * ("Info: ") for a level from KLVL_CRIT to KLVL_DEBUG and "srcname:line: "
 * when srcname is set; then fmt with ap through the C library's
 * vsnprintf(). A message that does not fit is cut and ends with
 * TRUNC_MARK. Returns the length (< size); buf is NUL-terminated.
 */
size_t ukdebug_printk_format(char *buf, size_t size, int prefix, int lvl,
			     const char *srcname, unsigned int srcline,
			     const char *fmt, va_list ap);

#endif /* __UKDEBUG_PRINTK_H__ */
