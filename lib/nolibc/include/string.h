/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __NOLIBC_STRING_H__
#define __NOLIBC_STRING_H__

#include <stddef.h>
/* Like glibc, <string.h> also offers the BSD <strings.h> functions. */
#include <strings.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
char *strcpy(char *restrict dst, const char *restrict src);
char *strncpy(char *restrict dst, const char *restrict src, size_t n);
char *stpcpy(char *restrict dst, const char *restrict src);
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size);
char *strcat(char *restrict dst, const char *restrict src);
char *strncat(char *restrict dst, const char *restrict src, size_t n);
size_t strlcat(char *restrict dst, const char *restrict src, size_t size);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
int strcoll(const char *s1, const char *s2);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strtok(char *restrict s, const char *restrict delim);
char *strtok_r(char *restrict s, const char *restrict delim,
	       char **restrict saveptr);
char *strsep(char **restrict stringp, const char *restrict delim);
char *strerror(int errnum);

/* These two allocate with malloc(): they need an allocator (ukalloc). */
char *strdup(const char *s);
char *strndup(const char *s, size_t n);

#endif /* __NOLIBC_STRING_H__ */
