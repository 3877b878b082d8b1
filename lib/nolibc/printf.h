/* SPDX-License-Identifier: BSD-3-Clause */
/* nolibc-internal: the formatter shared by the snprintf and stdio paths. */
#ifndef __NOLIBC_PRIVATE_PRINTF_H__
#define __NOLIBC_PRIVATE_PRINTF_H__

#include <stdarg.h>
#include <stddef.h>

struct nolibc_fmt_out {
	char *buf;
	size_t cap; /* bytes buf holds */
	size_t len; /* bytes in buf now */
	size_t total; /* bytes the format produced so far */
	/* Empties buf (sets len to 0); NULL: drop what does not fit. */
	void (*flush)(struct nolibc_fmt_out *o);
	void *arg;
};

/* 0 on success, < 0 on an unsupported conversion. */
int nolibc_vfmt(struct nolibc_fmt_out *o, const char *fmt, va_list ap);
/* printf's return value for a finished format: total, or -1 and errno. */
int nolibc_fmt_result(const struct nolibc_fmt_out *o, int ret);

#endif /* __NOLIBC_PRIVATE_PRINTF_H__ */
