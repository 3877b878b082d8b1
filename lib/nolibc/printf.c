/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The printf engine. One formatter writes into a small window that is
 * either a caller's buffer (snprintf: what does not fit is counted, not
 * written) or a staging buffer flushed to a stream when full (printf).
 * No floating point: kernels are often built without FPU/SIMD registers.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "printf.h"

#define F_MINUS 0x01
#define F_PLUS 0x02
#define F_SPACE 0x04
#define F_HASH 0x08
#define F_ZERO 0x10
#define F_UPPER 0x20
#define F_SIGNED 0x40 /* d, i: the sign flags apply */
#define F_PTR 0x80 /* %p: prefix even a zero value */

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T };

static void out_char(struct nolibc_fmt_out *o, char c)
{
	o->total++;
	if (o->len >= o->cap) {
		/* Without flush, what does not fit is only counted. */
		if (!o->flush)
			return;
		o->flush(o);
	}
	o->buf[o->len++] = c;
}

static void out_mem(struct nolibc_fmt_out *o, const char *s, size_t n)
{
	o->total += n;
	while (n) {
		size_t room;

		if (o->len >= o->cap) {
			if (!o->flush)
				return;
			o->flush(o);
		}
		room = o->cap - o->len;
		if (room > n)
			room = n;
		memcpy(o->buf + o->len, s, room);
		o->len += room;
		s += room;
		n -= room;
	}
}

static void out_pad(struct nolibc_fmt_out *o, char c, int n)
{
	while (n-- > 0)
		out_char(o, c);
}

static void fmt_int(struct nolibc_fmt_out *o, uintmax_t v, int neg,
		    unsigned int base, int flags, int width, int prec)
{
	/* 64-bit octal needs 22 digits. */
	char digits[24];
	const char *set = (flags & F_UPPER) ? "0123456789ABCDEF" :
					      "0123456789abcdef";
	char prefix[2];
	int np = 0, nd = 0, zeros, len;

	if (v <= ULONG_MAX) {
		/* Native-width division: no libgcc call on 32-bit targets. */
		unsigned long w = v;

		while (w) {
			digits[nd++] = set[w % base];
			w /= base;
		}
	} else {
		while (v) {
			digits[nd++] = set[v % base];
			v /= base;
		}
		/* Still nonzero for the prefix test below. */
		v = 1;
	}
	/* "%.0d" of zero prints no digits at all. */
	if (prec < 0 && nd == 0)
		digits[nd++] = '0';

	if (flags & F_SIGNED) {
		if (neg)
			prefix[np++] = '-';
		else if (flags & F_PLUS)
			prefix[np++] = '+';
		else if (flags & F_SPACE)
			prefix[np++] = ' ';
	}
	if (base == 16 && ((flags & F_PTR) || ((flags & F_HASH) && v))) {
		prefix[np++] = '0';
		prefix[np++] = (flags & F_UPPER) ? 'X' : 'x';
	}
	zeros = prec > nd ? prec - nd : 0;
	/* "%#o" makes sure the number starts with a 0. */
	if (base == 8 && (flags & F_HASH) && !zeros &&
	    (nd == 0 || digits[nd - 1] != '0'))
		zeros = 1;
	len = np + zeros + nd;
	/* The 0 flag is ignored when a precision is given. */
	if ((flags & F_ZERO) && !(flags & F_MINUS) && prec < 0 && width > len) {
		zeros += width - len;
		len = width;
	}
	if (!(flags & F_MINUS))
		out_pad(o, ' ', width - len);
	out_mem(o, prefix, np);
	out_pad(o, '0', zeros);
	while (nd)
		out_char(o, digits[--nd]);
	if (flags & F_MINUS)
		out_pad(o, ' ', width - len);
}

static void fmt_str(struct nolibc_fmt_out *o, const char *s, size_t n,
		    int flags, int width)
{
	int pad = width > 0 && (size_t)width > n ? width - (int)n : 0;

	if (!(flags & F_MINUS))
		out_pad(o, ' ', pad);
	out_mem(o, s, n);
	if (flags & F_MINUS)
		out_pad(o, ' ', pad);
}

/* Reads a decimal field, saturating instead of overflowing. */
static int parse_num(const char **fmt)
{
	int v = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		int d = *(*fmt)++ - '0';

		v = v > (INT_MAX - d) / 10 ? INT_MAX : v * 10 + d;
	}
	return v;
}

int nolibc_vfmt(struct nolibc_fmt_out *o, const char *fmt, va_list ap)
{
	while (*fmt) {
		const char *spec;
		int flags = 0, width = 0, prec = -1;
		enum length len = LEN_NONE;
		unsigned int base = 10;
		uintmax_t uv;
		intmax_t sv;
		char c;

		if (*fmt != '%') {
			spec = fmt;
			while (*fmt && *fmt != '%')
				fmt++;
			out_mem(o, spec, fmt - spec);
			continue;
		}
		spec = fmt++;

		for (;; fmt++) {
			if (*fmt == '-')
				flags |= F_MINUS;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '#')
				flags |= F_HASH;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else
				break;
		}

		if (*fmt == '*') {
			fmt++;
			width = va_arg(ap, int);
			/* A negative width is a '-' flag and a width. */
			if (width < 0) {
				flags |= F_MINUS;
				width = width == INT_MIN ? INT_MAX : -width;
			}
		} else {
			width = parse_num(&fmt);
		}

		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				fmt++;
				prec = va_arg(ap, int);
				/* A negative precision is no precision. */
				if (prec < 0)
					prec = -1;
			} else {
				prec = parse_num(&fmt);
			}
		}

		switch (*fmt) {
		case 'h':
			fmt++;
			len = LEN_H;
			if (*fmt == 'h') {
				fmt++;
				len = LEN_HH;
			}
			break;
		case 'l':
			fmt++;
			len = LEN_L;
			if (*fmt == 'l') {
				fmt++;
				len = LEN_LL;
			}
			break;
		case 'q': /* BSD spelling of ll */
		case 'L': /* integer conversions take it as ll, like glibc */
			fmt++;
			len = LEN_LL;
			break;
		case 'z':
			fmt++;
			len = LEN_Z;
			break;
		case 'j':
			fmt++;
			len = LEN_J;
			break;
		case 't':
			fmt++;
			len = LEN_T;
			break;
		}

		switch ((c = *fmt++)) {
		case 'd':
		case 'i':
			switch (len) {
			case LEN_HH:
				sv = (signed char)va_arg(ap, int);
				break;
			case LEN_H:
				sv = (short)va_arg(ap, int);
				break;
			case LEN_L:
				sv = va_arg(ap, long);
				break;
			case LEN_LL:
				sv = va_arg(ap, long long);
				break;
			case LEN_J:
				sv = va_arg(ap, intmax_t);
				break;
			case LEN_Z: /* ssize_t is ptrdiff_t on every ABI */
			case LEN_T:
				sv = va_arg(ap, ptrdiff_t);
				break;
			default:
				sv = va_arg(ap, int);
				break;
			}
			/* Negate in unsigned arithmetic: INTMAX_MIN is fine. */
			uv = sv < 0 ? -(uintmax_t)sv : (uintmax_t)sv;
			fmt_int(o, uv, sv < 0, 10, flags | F_SIGNED, width,
				prec);
			break;
		case 'X':
			flags |= F_UPPER;
			/* fallthrough */
		case 'x':
			base = 16;
			goto unsigned_conv;
		case 'o':
			base = 8;
			/* fallthrough */
		case 'u':
unsigned_conv:
			switch (len) {
			case LEN_HH:
				uv = (unsigned char)va_arg(ap, unsigned int);
				break;
			case LEN_H:
				uv = (unsigned short)va_arg(ap, unsigned int);
				break;
			case LEN_L:
				uv = va_arg(ap, unsigned long);
				break;
			case LEN_LL:
				uv = va_arg(ap, unsigned long long);
				break;
			case LEN_J:
				uv = va_arg(ap, uintmax_t);
				break;
			case LEN_Z:
			case LEN_T:
				uv = va_arg(ap, size_t);
				break;
			default:
				uv = va_arg(ap, unsigned int);
				break;
			}
			fmt_int(o, uv, 0, base, flags, width, prec);
			break;
		case 'p':
			uv = (uintptr_t)va_arg(ap, void *);
			fmt_int(o, uv, 0, 16, flags | F_PTR, width, prec);
			break;
		case 'c':
			c = (char)va_arg(ap, int);
			fmt_str(o, &c, 1, flags, width);
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);

			if (!s)
				s = "(null)";
			fmt_str(o, s, prec < 0 ? strlen(s) : strnlen(s, prec),
				flags, width);
			break;
		}
		case 'm': { /* glibc's extension: strerror(errno) */
			const char *s = strerror(errno);

			fmt_str(o, s, strlen(s), flags, width);
			break;
		}
		case '%':
			out_char(o, '%');
			break;
		default:
			/*
			 * Unknown conversion (floating point, %n): print it as
			 * written and stop, as its argument, not consumed,
			 * would shift every later one.
			 */
			if (!c)
				fmt--;
			out_mem(o, spec, fmt - spec);
			return -1;
		}
	}
	return 0;
}

static void fmt_finish_str(struct nolibc_fmt_out *o, size_t size)
{
	if (size)
		o->buf[o->len] = '\0';
}

int nolibc_fmt_result(const struct nolibc_fmt_out *o, int ret)
{
	if (ret < 0) {
		errno = EINVAL;
		return -1;
	}
	if (o->total > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)o->total;
}

int vsnprintf(char *restrict str, size_t size, const char *restrict fmt,
	      va_list ap)
{
	struct nolibc_fmt_out o = {
		.buf = str,
		/* Keep one byte for the NUL. */
		.cap = size ? size - 1 : 0,
	};
	int ret;

	ret = nolibc_vfmt(&o, fmt, ap);
	fmt_finish_str(&o, size);
	return nolibc_fmt_result(&o, ret);
}

int snprintf(char *restrict str, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(str, size, fmt, ap);
	va_end(ap);
	return ret;
}

int vsprintf(char *restrict str, const char *restrict fmt, va_list ap)
{
	/* No size given: the caller vouches that it fits. */
	return vsnprintf(str, (size_t)INT_MAX + 1, fmt, ap);
}

int sprintf(char *restrict str, const char *restrict fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsprintf(str, fmt, ap);
	va_end(ap);
	return ret;
}
