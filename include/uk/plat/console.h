/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_PLAT_CONSOLE_H__
#define __UK_PLAT_CONSOLE_H__

/* Kernel console: write len bytes, return the count written or < 0. */
int ukplat_coutk(const char *buf, unsigned int len);
/*
 * Read up to maxlen bytes without blocking; 0 when nothing is pending,
 * UKPLAT_CIN_EOF at a real end of input (linuxu: the host's end of file;
 * a serial line has none), another negative value on an error.
 */
int ukplat_cink(char *buf, unsigned int maxlen);
#define UKPLAT_CIN_EOF (-2)
/*
 * Optional: does console input come through a line discipline of its
 * own (linuxu: the host's terminal, or a pipe)? Then lib/uktty passes
 * the bytes as they are. lib/uktty's weak default says no.
 */
int ukplat_cin_has_ldisc(void);

#endif /* __UK_PLAT_CONSOLE_H__ */
