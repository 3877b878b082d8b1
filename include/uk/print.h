/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel messages. uk_pr_crit/err/warn/info/debug(fmt, ...) print one
 * message at a level; levels above the configured maximum are compiled
 * out, and everything is when ukdebug is not in the image. A message is
 * prefixed, when it starts a line, with the time since boot, the level and
 * optionally its source file and line:
 *
 *	[    0.001234] Info: lib/ukboot/boot.c:42: Hello
 *
 * Works from the first instruction of C: formats on the stack and writes
 * to the platform console, no allocator needed.
 */
#ifndef __UK_PRINT_H__
#define __UK_PRINT_H__

#include <stdarg.h>
#include <uk/essentials.h>

#define KLVL_CRIT 0
#define KLVL_ERR 1
#define KLVL_WARN 2
#define KLVL_INFO 3
#define KLVL_DEBUG 4

#if !CONFIG_LIBUKDEBUG
#define UK_PRINT_KLVL_MAX (-1)
#elif CONFIG_LIBUKDEBUG_PRINTK_DEBUG
#define UK_PRINT_KLVL_MAX KLVL_DEBUG
#elif CONFIG_LIBUKDEBUG_PRINTK_INFO
#define UK_PRINT_KLVL_MAX KLVL_INFO
#elif CONFIG_LIBUKDEBUG_PRINTK_WARN
#define UK_PRINT_KLVL_MAX KLVL_WARN
#elif CONFIG_LIBUKDEBUG_PRINTK_ERR
#define UK_PRINT_KLVL_MAX KLVL_ERR
#else
#define UK_PRINT_KLVL_MAX KLVL_CRIT
#endif

#if CONFIG_LIBUKDEBUG_PRINTK_SRCNAME
#define __UK_PRINT_SRC __FILE__, __LINE__
#else
#define __UK_PRINT_SRC NULL, 0
#endif

/* srcname may be NULL (no source location). */
void _uk_vprintk(int lvl, const char *srcname, unsigned int srcline,
		 const char *fmt, va_list ap) __printf(4, 0);
void _uk_printk(int lvl, const char *srcname, unsigned int srcline,
		const char *fmt, ...) __printf(4, 5);

/* Keeps format checking on messages that are compiled out. */
static inline __printf(1, 2) void __uk_printk_nop(const char *fmt __unused, ...)
{
}

#if CONFIG_LIBUKDEBUG
/* lvl need not be constant; constant ones are filtered at compile time. */
#define uk_printk(lvl, fmt, ...)                                 \
	do {                                                     \
		if ((lvl) <= UK_PRINT_KLVL_MAX)                  \
			_uk_printk((lvl), __UK_PRINT_SRC, (fmt), \
				   ##__VA_ARGS__);               \
	} while (0)
#define uk_vprintk(lvl, fmt, ap)                                         \
	do {                                                             \
		if ((lvl) <= UK_PRINT_KLVL_MAX)                          \
			_uk_vprintk((lvl), __UK_PRINT_SRC, (fmt), (ap)); \
	} while (0)
#else
#define uk_printk(lvl, fmt, ...)                       \
	do {                                           \
		(void)(lvl);                           \
		__uk_printk_nop((fmt), ##__VA_ARGS__); \
	} while (0)
#define uk_vprintk(lvl, fmt, ap) \
	do {                     \
		(void)(lvl);     \
		(void)(fmt);     \
		(void)(ap);      \
	} while (0)
#endif

#if UK_PRINT_KLVL_MAX >= KLVL_CRIT
#define uk_pr_crit(fmt, ...) uk_printk(KLVL_CRIT, fmt, ##__VA_ARGS__)
#else
#define uk_pr_crit(fmt, ...) __uk_printk_nop(fmt, ##__VA_ARGS__)
#endif
#if UK_PRINT_KLVL_MAX >= KLVL_ERR
#define uk_pr_err(fmt, ...) uk_printk(KLVL_ERR, fmt, ##__VA_ARGS__)
#else
#define uk_pr_err(fmt, ...) __uk_printk_nop(fmt, ##__VA_ARGS__)
#endif
#if UK_PRINT_KLVL_MAX >= KLVL_WARN
#define uk_pr_warn(fmt, ...) uk_printk(KLVL_WARN, fmt, ##__VA_ARGS__)
#else
#define uk_pr_warn(fmt, ...) __uk_printk_nop(fmt, ##__VA_ARGS__)
#endif
#if UK_PRINT_KLVL_MAX >= KLVL_INFO
#define uk_pr_info(fmt, ...) uk_printk(KLVL_INFO, fmt, ##__VA_ARGS__)
#else
#define uk_pr_info(fmt, ...) __uk_printk_nop(fmt, ##__VA_ARGS__)
#endif
#if UK_PRINT_KLVL_MAX >= KLVL_DEBUG
#define uk_pr_debug(fmt, ...) uk_printk(KLVL_DEBUG, fmt, ##__VA_ARGS__)
#else
#define uk_pr_debug(fmt, ...) __uk_printk_nop(fmt, ##__VA_ARGS__)
#endif

#endif /* __UK_PRINT_H__ */
