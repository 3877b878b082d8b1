/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newc cpio reader. Every length comes from the archive, so each one is
 * checked against the bytes that are left before it is used: a truncated
 * or corrupt archive stops the walk with a reason, never a read past its
 * end.
 */
#include <uk/cpio.h>

#define HDR_LEN 110
#define FIELD_LEN 8
/* Field numbers after the 6-byte magic. */
#define F_MODE 1
#define F_FILESIZE 6
#define F_NAMESIZE 11

static const char trailer[] = "TRAILER!!!";

static int hex_field(const unsigned char *hdr, int field, uint32_t *v)
{
	const unsigned char *p = hdr + 6 + field * FIELD_LEN;
	uint32_t r = 0;
	int i;

	for (i = 0; i < FIELD_LEN; i++) {
		unsigned char c = p[i];

		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else if (c >= 'A' && c <= 'F')
			c -= 'A' - 10;
		else
			return -1;
		r = (r << 4) | c;
	}
	*v = r;
	return 0;
}

static int is_magic(const unsigned char *p)
{
	static const char m[] = "07070";

	for (int i = 0; i < 5; i++)
		if (p[i] != m[i])
			return 0;
	return p[5] == '1' || p[5] == '2';
}

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int uk_cpio_next(struct uk_cpio_iter *it, struct uk_cpio_entry *e)
{
	const unsigned char *hdr;
	uint32_t mode, filesize, namesize;
	size_t left, name_end, data_off;

	if (it->off > it->len)
		return UK_CPIO_ENOTRAILER;
	left = it->len - it->off;
	if (left == 0)
		return UK_CPIO_ENOTRAILER;
	hdr = it->buf + it->off;
	if (left < 6 || !is_magic(hdr))
		return UK_CPIO_EMAGIC;
	if (left < HDR_LEN || hex_field(hdr, F_MODE, &mode) ||
	    hex_field(hdr, F_FILESIZE, &filesize) ||
	    hex_field(hdr, F_NAMESIZE, &namesize))
		return UK_CPIO_EHEADER;
	/* The name, NUL included, must fit in what is left. */
	if (namesize < 2 || namesize > left - HDR_LEN ||
	    hdr[HDR_LEN + namesize - 1] != '\0')
		return UK_CPIO_ENAME;
	name_end = HDR_LEN + namesize;
	for (size_t i = HDR_LEN; i < name_end - 1; i++)
		if (!hdr[i])
			return UK_CPIO_ENAME;
	data_off = pad4(it->off + name_end) - it->off;
	if (data_off > left || filesize > left - data_off)
		return UK_CPIO_EDATA;

	e->name = (const char *)hdr + HDR_LEN;
	e->mode = mode;
	e->data = hdr + data_off;
	e->size = filesize;
	e->offset = it->off;
	if (streq(e->name, trailer)) {
		/* Stay at the trailer: the walk is over. */
		return 0;
	}
	/* The next header is 4-aligned; the padding may be cut at the end. */
	it->off = pad4(it->off + data_off + filesize);
	if (it->off > it->len)
		it->off = it->len;
	return 1;
}

const char *uk_cpio_strerror(int err)
{
	switch (err) {
	case UK_CPIO_EMAGIC:
		return "bad magic (not a newc cpio archive, or corrupt)";
	case UK_CPIO_EHEADER:
		return "header cut short or not hexadecimal "
		       "(truncated or corrupt)";
	case UK_CPIO_ENAME:
		return "name runs past the end of the archive or is malformed";
	case UK_CPIO_EDATA:
		return "file data runs past the end of the archive (truncated)";
	case UK_CPIO_ENOTRAILER:
		return "archive ends without its TRAILER!!! entry (truncated)";
	default:
		return "unknown error";
	}
}

int uk_cpio_name_ok(const char *name)
{
	const char *p = name;

	if (*p == '/')
		return 0;
	while (*p) {
		const char *c = p;

		while (*p && *p != '/')
			p++;
		if (p - c == 2 && c[0] == '.' && c[1] == '.')
			return 0;
		while (*p == '/')
			p++;
	}
	return 1;
}
