/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Console stdio. stdout and stderr both go to the platform's kernel console
 * (ukplat_coutk) and are unbuffered, so their output interleaves correctly
 * with kernel messages; stdin reads ukplat_cink.
 */
#ifndef __NOLIBC_STDIO_H__
#define __NOLIBC_STDIO_H__

#include <stdarg.h>
#include <stddef.h>

#define EOF (-1)
#define BUFSIZ 1024

typedef struct __nolibc_file FILE;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;

#define __nolibc_printf(f, a) __attribute__((format(printf, f, a)))

int printf(const char *restrict fmt, ...) __nolibc_printf(1, 2);
int fprintf(FILE *restrict stream, const char *restrict fmt, ...)
	__nolibc_printf(2, 3);
int sprintf(char *restrict str, const char *restrict fmt, ...)
	__nolibc_printf(2, 3);
int snprintf(char *restrict str, size_t size, const char *restrict fmt, ...)
	__nolibc_printf(3, 4);
int vprintf(const char *restrict fmt, va_list ap) __nolibc_printf(1, 0);
int vfprintf(FILE *restrict stream, const char *restrict fmt, va_list ap)
	__nolibc_printf(2, 0);
int vsprintf(char *restrict str, const char *restrict fmt, va_list ap)
	__nolibc_printf(2, 0);
int vsnprintf(char *restrict str, size_t size, const char *restrict fmt,
	      va_list ap) __nolibc_printf(3, 0);

int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
int putchar(int c);
int fputs(const char *restrict s, FILE *restrict stream);
int puts(const char *s);
size_t fwrite(const void *restrict ptr, size_t size, size_t nmemb,
	      FILE *restrict stream);
int fflush(FILE *stream);

/* Reads block (spinning on the console) until a character arrives. */
int fgetc(FILE *stream);
int getc(FILE *stream);
int getchar(void);
char *fgets(char *restrict s, int size, FILE *restrict stream);

int ferror(FILE *stream);
int feof(FILE *stream);
void clearerr(FILE *stream);

/* Writes "s: <strerror(errno)>" to stderr. */
void perror(const char *s);

#endif /* __NOLIBC_STDIO_H__ */
