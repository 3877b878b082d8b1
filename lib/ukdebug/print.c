/* SPDX-License-Identifier: BSD-3-Clause */
/* Kernel messages, assertion failures and crashes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <uk/assert.h>
#include <uk/essentials.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/plat/time.h>
#include <uk/print.h>
#include "printk.h"

/* One message, prefix included; longer ones are cut and marked. */
#define PRINTK_BUFSIZE 512

/*
 * Set when the last message did not end its line: the next one continues
 * that line and gets no prefix.
 */
static int midline;

static const char *const level_name[] = {
	[KLVL_CRIT] = "CRIT", [KLVL_ERR] = "ERR",     [KLVL_WARN] = "Warn",
	[KLVL_INFO] = "Info", [KLVL_DEBUG] = "Debug",
};

static void console_write(const char *buf, size_t len)
{
	while (len) {
		int ret = ukplat_coutk(buf, (unsigned int)len);

		/* Nowhere else to report a console failure. */
		if (ret <= 0)
			return;
		buf += ret;
		len -= ret;
	}
}

static size_t put_prefix(char *buf, size_t size, int lvl, const char *srcname,
			 unsigned int srcline)
{
	size_t len = 0;
	int ret;

#if CONFIG_LIBUKDEBUG_PRINTK_TIME
	__nsec now = ukplat_monotonic_clock();

	ret = snprintf(buf, size, "[%5llu.%06lu] ",
		       (unsigned long long)(now / UKPLAT_NSEC_PER_SEC),
		       (unsigned long)((now % UKPLAT_NSEC_PER_SEC) / 1000));
	if (ret > 0)
		len += MIN((size_t)ret, size - 1);
#endif
	if (lvl >= KLVL_CRIT && lvl <= KLVL_DEBUG) {
		ret = snprintf(buf + len, size - len, "%s: ", level_name[lvl]);
		if (ret > 0)
			len += MIN((size_t)ret, size - len - 1);
	}
	if (srcname) {
		ret = snprintf(buf + len, size - len, "%s:%u: ", srcname,
			       srcline);
		if (ret > 0)
			len += MIN((size_t)ret, size - len - 1);
	}
	return len;
}

/* Formats into buf after len bytes already there; returns the length. */
static size_t put_message(char *buf, size_t size, size_t len, const char *fmt,
			  va_list ap)
{
	int ret = vsnprintf(buf + len, size - len, fmt, ap);

	if (ret < 0) {
		/* A format nolibc cannot do: keep what it printed. */
		return len + strlen(buf + len);
	}
	if ((size_t)ret >= size - len) {
		memcpy(buf + size - sizeof(TRUNC_MARK), TRUNC_MARK,
		       sizeof(TRUNC_MARK));
		return size - 1;
	}
	return len + ret;
}

size_t ukdebug_printk_format(char *buf, size_t size, int prefix, int lvl,
			     const char *srcname, unsigned int srcline,
			     const char *fmt, va_list ap)
{
	size_t len = 0;

	if (prefix)
		len = put_prefix(buf, size, lvl, srcname, srcline);
	return put_message(buf, size, len, fmt, ap);
}

void _uk_vprintk(int lvl, const char *srcname, unsigned int srcline,
		 const char *fmt, va_list ap)
{
	char buf[PRINTK_BUFSIZE];
	size_t len;

	if (lvl > UK_PRINT_KLVL_MAX)
		return;
	len = ukdebug_printk_format(buf, sizeof(buf), !midline, lvl, srcname,
				    srcline, fmt, ap);
	if (len)
		midline = buf[len - 1] != '\n';
	/* Prefix and text in one write, so they stay together. */
	console_write(buf, len);
}

void _uk_printk(int lvl, const char *srcname, unsigned int srcline,
		const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	_uk_vprintk(lvl, srcname, srcline, fmt, ap);
	va_end(ap);
}

/* Fatal messages start their own line and end it, whatever came before. */
static void fatal_write(char *buf, size_t len)
{
	if (midline)
		console_write("\n", 1);
	if (len && buf[len - 1] != '\n') {
		if (len == PRINTK_BUFSIZE - 1)
			len--;
		buf[len++] = '\n';
	}
	console_write(buf, len);
	midline = 0;
}

static __printf(4, 5) size_t
	put_fmt(char *buf, size_t size, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	len = put_message(buf, size, len, fmt, ap);
	va_end(ap);
	return len;
}

void _uk_assert_fail(const char *expr, const char *file, unsigned int line,
		     const char *func)
{
	char buf[PRINTK_BUFSIZE];
	size_t len;

	len = put_fmt(buf, sizeof(buf), 0,
		      "Assertion failure: %s (%s:%u, in %s)\n", expr, file,
		      line, func);
	fatal_write(buf, len);
	ukplat_crash();
}

void _uk_crash(const char *file, unsigned int line, const char *fmt, ...)
{
	char buf[PRINTK_BUFSIZE];
	size_t len;
	va_list ap;

	len = put_fmt(buf, sizeof(buf), 0, "CRASH: %s:%u: ", file, line);
	va_start(ap, fmt);
	len = put_message(buf, sizeof(buf), len, fmt, ap);
	va_end(ap);
	fatal_write(buf, len);
	ukplat_crash();
}
