/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __NOLIBC_STRINGS_H__
#define __NOLIBC_STRINGS_H__

#include <stddef.h>

/* ASCII-only case folding: nolibc has only the "C" locale. */
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
void bzero(void *s, size_t n);
int ffs(int i);

#endif /* __NOLIBC_STRINGS_H__ */
