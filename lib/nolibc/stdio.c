/* SPDX-License-Identifier: BSD-3-Clause */
/* Console streams on the platform's kernel console. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <uk/arch/lcpu.h>
#include <uk/plat/console.h>
#include "printf.h"

struct __nolibc_file {
	int fd; /* 0: input, 1 and 2: console output */
	int err;
	int eof;
};

static FILE stdin_file = { .fd = 0 };
static FILE stdout_file = { .fd = 1 };
static FILE stderr_file = { .fd = 2 };

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static int is_output(FILE *stream)
{
	return stream == stdout || stream == stderr;
}

/* Writes all of buf; a console that takes nothing counts as failing. */
static int console_write(FILE *stream, const char *buf, size_t len)
{
	while (len) {
		unsigned int chunk = len > 0x10000 ? 0x10000 :
						     (unsigned int)len;
		int ret = ukplat_coutk(buf, chunk);

		if (ret <= 0) {
			stream->err = 1;
			errno = EIO;
			return -1;
		}
		buf += ret;
		len -= ret;
	}
	return 0;
}

static void stream_flush(struct nolibc_fmt_out *o)
{
	console_write(o->arg, o->buf, o->len);
	o->len = 0;
}

int vfprintf(FILE *restrict stream, const char *restrict fmt, va_list ap)
{
	/* Staged on the stack: one console write per 128 bytes. */
	char buf[128];
	struct nolibc_fmt_out o = {
		.buf = buf,
		.cap = sizeof(buf),
		.flush = stream_flush,
		.arg = stream,
	};
	int olderr, ret;

	if (!is_output(stream)) {
		errno = EBADF;
		return -1;
	}
	olderr = stream->err;
	stream->err = 0;
	ret = nolibc_vfmt(&o, fmt, ap);
	stream_flush(&o);
	if (stream->err)
		return -1;
	stream->err = olderr;
	return nolibc_fmt_result(&o, ret);
}

int fprintf(FILE *restrict stream, const char *restrict fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfprintf(stream, fmt, ap);
	va_end(ap);
	return ret;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return ret;
}

size_t fwrite(const void *restrict ptr, size_t size, size_t nmemb,
	      FILE *restrict stream)
{
	size_t n;

	if (!size || !nmemb)
		return 0;
	if (!is_output(stream)) {
		errno = EBADF;
		return 0;
	}
	/* An overflowing product cannot be a real buffer. */
	if (nmemb > (size_t)-1 / size) {
		errno = EINVAL;
		return 0;
	}
	n = size * nmemb;
	if (console_write(stream, ptr, n) < 0)
		return 0;
	return nmemb;
}

int fputc(int c, FILE *stream)
{
	unsigned char ch = (unsigned char)c;

	if (fwrite(&ch, 1, 1, stream) != 1)
		return EOF;
	return ch;
}

int putc(int c, FILE *stream)
{
	return fputc(c, stream);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *restrict s, FILE *restrict stream)
{
	size_t len = strlen(s);

	if (len && fwrite(s, 1, len, stream) != len)
		return EOF;
	return 0;
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
		return EOF;
	return 0;
}

/* Output is unbuffered: nothing is ever pending. */
int fflush(FILE *stream)
{
	if (stream && !is_output(stream) && stream != stdin) {
		errno = EBADF;
		return EOF;
	}
	return 0;
}

int fgetc(FILE *stream)
{
	char c;
	int ret;

	if (stream != stdin) {
		errno = EBADF;
		return EOF;
	}
	/* The console read does not block: wait for a character. */
	while ((ret = ukplat_cink(&c, 1)) == 0)
		ukarch_spinwait();
	if (ret < 0) {
		stream->eof = 1;
		return EOF;
	}
	return (unsigned char)c;
}

int getc(FILE *stream)
{
	return fgetc(stream);
}

int getchar(void)
{
	return fgetc(stdin);
}

char *fgets(char *restrict s, int size, FILE *restrict stream)
{
	int i = 0, c;

	if (size <= 0) {
		errno = EINVAL;
		return NULL;
	}
	while (i < size - 1) {
		c = fgetc(stream);
		if (c == EOF)
			break;
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	if (i == 0 && size > 1)
		return NULL;
	s[i] = '\0';
	return s;
}

int ferror(FILE *stream)
{
	return stream->err;
}

int feof(FILE *stream)
{
	return stream->eof;
}

void clearerr(FILE *stream)
{
	stream->err = 0;
	stream->eof = 0;
}

void perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}
