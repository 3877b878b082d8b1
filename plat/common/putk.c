/* SPDX-License-Identifier: BSD-3-Clause */
/* Unformatted console output for boot messages and crash reports. */
#include <uk/plat/console.h>
#include <uk/plat/common/putk.h>

void plat_puts(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	ukplat_coutk(s, n);
}

void plat_puthex(uint64_t v, unsigned int digits)
{
	char b[16];
	unsigned int i;

	if (digits > sizeof(b))
		digits = sizeof(b);
	for (i = digits; i > 0; i--, v >>= 4)
		b[i - 1] = "0123456789abcdef"[v & 0xf];
	ukplat_coutk(b, digits);
}

void plat_putdec(unsigned long v)
{
	char b[20];
	unsigned int i = sizeof(b);

	do {
		b[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	ukplat_coutk(b + i, sizeof(b) - i);
}

void plat_putint(long v)
{
	if (v < 0) {
		ukplat_coutk("-", 1);
		plat_putdec(-(unsigned long)v);
	} else {
		plat_putdec((unsigned long)v);
	}
}
