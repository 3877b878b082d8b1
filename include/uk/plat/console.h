/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_CONSOLE_H__
#define __UK_PLAT_CONSOLE_H__

/* Kernel console: write len bytes, return the count written or < 0. */
int ukplat_coutk(const char *buf, unsigned int len);
/* Read up to maxlen bytes without blocking; 0 when nothing is pending. */
int ukplat_cink(char *buf, unsigned int maxlen);

#endif /* __UK_PLAT_CONSOLE_H__ */
