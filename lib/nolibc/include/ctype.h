/* SPDX-License-Identifier: BSD-3-Clause */
/* Character classes of the "C" locale (ASCII); EOF belongs to none. */
#ifndef __NOLIBC_CTYPE_H__
#define __NOLIBC_CTYPE_H__

int isalnum(int c);
int isalpha(int c);
int isascii(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);

#endif /* __NOLIBC_CTYPE_H__ */
