/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Hex dumps in the layout of `hexdump -C`:
 *
 *	00000000  48 65 6c 6c 6f 0a 00 00  00 00 00 00 00 00 00 00  |Hello...|
 *	*
 *	00000040
 *
 * groupsize: bytes shown together (1, 2, 4 or 8; 0 means 1).
 * linelen: bytes per line, a multiple of groupsize up to 64 (0 means 16).
 * Lines get an extra space between their two halves.
 */
#ifndef __UK_HEXDUMP_H__
#define __UK_HEXDUMP_H__

#include <stddef.h>
#include <uk/essentials.h>

/* Prefix lines with the data's address instead of its offset. */
#define UK_HXDF_ADDR 0x01
/* Show the printable ASCII characters after the bytes. */
#define UK_HXDF_ASCIISEC 0x02
/* Show each group as a little-endian number (bytes in reverse order). */
#define UK_HXDF_GRPFLIP 0x04
/*
 * Show a run of lines identical to the one before as a single "*" and end
 * the dump with the offset just past the data, as hexdump does.
 */
#define UK_HXDF_COMPRESS 0x08

/* Prints as kernel messages at level lvl (one message per line). */
void uk_hexdumpk(int lvl, const void *data, size_t len, int flags,
		 unsigned int groupsize, unsigned int linelen);

/*
 * Writes into buf like snprintf: at most size bytes including the NUL;
 * returns the length the whole dump needs.
 */
size_t uk_hexdumpsn(char *buf, size_t size, const void *data, size_t len,
		    int flags, unsigned int groupsize, unsigned int linelen);

/* The `hexdump -C` layout exactly. */
#define uk_hexdumpCk(lvl, data, len)                                           \
	uk_hexdumpk((lvl), (data), (len), UK_HXDF_ASCIISEC | UK_HXDF_COMPRESS, \
		    1, 16)

#endif /* __UK_HEXDUMP_H__ */
