/* SPDX-License-Identifier: BSD-3-Clause */
/* Hex dumps, line by line, to the kernel console or into a buffer. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <uk/essentials.h>
#include <uk/hexdump.h>
#include <uk/print.h>

#define LINELEN_MAX 64
/* Address, bytes with their spaces, ASCII column and newline all fit. */
#define LINEBUF_SIZE \
	(2 * sizeof(uintptr_t) + 2 + 3 * LINELEN_MAX + 2 + LINELEN_MAX + 4)

typedef void (*hexdump_out_t)(void *arg, const char *line, size_t len);

static const char hexdigits[] = "0123456789abcdef";

static size_t put_hex(char *p, uintptr_t v, unsigned int ndigits)
{
	unsigned int i;

	for (i = ndigits; i > 0; i--) {
		p[i - 1] = hexdigits[v & 0xf];
		v >>= 4;
	}
	return ndigits;
}

/* One line of n (<= linelen) bytes that start at offset/address off. */
static size_t format_line(char *out, const unsigned char *p, size_t n,
			  uintptr_t off, int flags, unsigned int groupsize,
			  unsigned int linelen)
{
	size_t len = 0;
	unsigned int i, j, ngroups = linelen / groupsize;

	len += put_hex(out, off,
		       (flags & UK_HXDF_ADDR) ? 2 * sizeof(uintptr_t) : 8);
	out[len++] = ' ';
	out[len++] = ' ';

	for (i = 0; i < ngroups; i++) {
		for (j = 0; j < groupsize; j++) {
			/* GRPFLIP: the group's last byte comes first. */
			unsigned int k =
				i * groupsize + ((flags & UK_HXDF_GRPFLIP) ?
							 groupsize - 1 - j :
							 j);

			if (k < n) {
				out[len++] = hexdigits[p[k] >> 4];
				out[len++] = hexdigits[p[k] & 0xf];
			} else {
				out[len++] = ' ';
				out[len++] = ' ';
			}
		}
		out[len++] = ' ';
		if (ngroups > 1 && i == ngroups / 2 - 1)
			out[len++] = ' ';
	}

	if (flags & UK_HXDF_ASCIISEC) {
		out[len++] = ' ';
		out[len++] = '|';
		for (i = 0; i < n; i++)
			out[len++] = (p[i] >= 0x20 && p[i] < 0x7f) ? p[i] : '.';
		out[len++] = '|';
	} else {
		/* Nothing follows the bytes: no trailing blanks. */
		while (out[len - 1] == ' ')
			len--;
	}
	out[len++] = '\n';
	return len;
}

static void hexdump(hexdump_out_t out, void *arg, const void *data, size_t len,
		    int flags, unsigned int groupsize, unsigned int linelen)
{
	const unsigned char *p = data;
	uintptr_t base = (flags & UK_HXDF_ADDR) ? (uintptr_t)data : 0;
	char line[LINEBUF_SIZE];
	size_t off, n, ll;
	int starred = 0;

	/* Fall back to the defaults on shapes that do not fit a line. */
	if (groupsize != 1 && groupsize != 2 && groupsize != 4 &&
	    groupsize != 8)
		groupsize = 1;
	if (!linelen || linelen > LINELEN_MAX || linelen % groupsize)
		linelen = 16;
	if (linelen < groupsize)
		linelen = groupsize;

	for (off = 0; off < len; off += n) {
		n = MIN(len - off, (size_t)linelen);
		if ((flags & UK_HXDF_COMPRESS) && off && n == linelen &&
		    !memcmp(p + off, p + off - linelen, linelen)) {
			if (!starred)
				out(arg, "*\n", 2);
			starred = 1;
			continue;
		}
		starred = 0;
		ll = format_line(line, p + off, n, base + off, flags, groupsize,
				 linelen);
		out(arg, line, ll);
	}
	if ((flags & UK_HXDF_COMPRESS) && len) {
		ll = put_hex(line, base + len,
			     (flags & UK_HXDF_ADDR) ? 2 * sizeof(uintptr_t) :
						      8);
		line[ll++] = '\n';
		out(arg, line, ll);
	}
}

struct kout {
	int lvl;
};

static void out_printk(void *arg, const char *line, size_t len)
{
	struct kout *k = arg;

	_uk_printk(k->lvl, NULL, 0, "%.*s", (int)len, line);
}

void uk_hexdumpk(int lvl, const void *data, size_t len, int flags,
		 unsigned int groupsize, unsigned int linelen)
{
	struct kout k = { .lvl = lvl };

	if (lvl > UK_PRINT_KLVL_MAX)
		return;
	hexdump(out_printk, &k, data, len, flags, groupsize, linelen);
}

struct bufout {
	char *buf;
	size_t size;
	size_t total;
};

static void out_buf(void *arg, const char *line, size_t len)
{
	struct bufout *b = arg;

	/* Copy what fits before the NUL; count everything. */
	if (b->total + 1 < b->size)
		memcpy(b->buf + b->total, line,
		       MIN(len, b->size - 1 - b->total));
	b->total += len;
}

size_t uk_hexdumpsn(char *buf, size_t size, const void *data, size_t len,
		    int flags, unsigned int groupsize, unsigned int linelen)
{
	struct bufout b = { .buf = buf, .size = size };

	hexdump(out_buf, &b, data, len, flags, groupsize, linelen);
	if (size)
		buf[MIN(b.total, size - 1)] = '\0';
	return b.total;
}
