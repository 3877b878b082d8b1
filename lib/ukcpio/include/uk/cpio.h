/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reader of cpio archives in the "newc" format (magic 070701, or 070702
 * with a checksum that is not checked), as `cpio -o -H newc` and
 * support/scripts/mkcpio write them. It reads the archive in place: an
 * entry's name and data point into the archive.
 */
#ifndef __UK_CPIO_H__
#define __UK_CPIO_H__

#include <uk/essentials.h>

/* File types in an entry's mode (the POSIX values, as in st_mode). */
#define UK_CPIO_S_IFMT 0170000
#define UK_CPIO_S_IFDIR 0040000
#define UK_CPIO_S_IFREG 0100000
#define UK_CPIO_S_IFLNK 0120000

/* Why uk_cpio_next() stopped (negative return values). */
#define UK_CPIO_EMAGIC (-1) /* no 070701/070702 magic: not newc, or corrupt */
#define UK_CPIO_EHEADER (-2) /* header past the end, or not hexadecimal */
#define UK_CPIO_ENAME (-3) /* name past the end, empty, or without NUL */
#define UK_CPIO_EDATA (-4) /* file data past the end of the archive */
#define UK_CPIO_ENOTRAILER (-5) /* the archive ends without TRAILER!!! */

struct uk_cpio_entry {
	const char *name; /* NUL-terminated, inside the archive */
	unsigned int mode; /* type and permission bits */
	const void *data; /* file contents, or a symlink's target */
	size_t size;
	size_t offset; /* of the entry's header in the archive */
};

struct uk_cpio_iter {
	const unsigned char *buf;
	size_t len;
	size_t off;
};

static inline void uk_cpio_iter_init(struct uk_cpio_iter *it,
				     const void *buf, size_t len)
{
	it->buf = buf;
	it->len = len;
	it->off = 0;
}

/*
 * The next entry into *e: 1 for an entry, 0 at the trailer (the end), a
 * UK_CPIO_E* value on bad input (then it->off is where it stopped, and
 * every later call returns the same value).
 */
int uk_cpio_next(struct uk_cpio_iter *it, struct uk_cpio_entry *e);

/* A sentence for a UK_CPIO_E* value. */
const char *uk_cpio_strerror(int err);

/*
 * Whether an entry's name may be created under a root: relative, no ".."
 * component. A leading "./" and repeated slashes are fine (the path is
 * taken as it is, relative to the root); "." alone names the root itself.
 */
int uk_cpio_name_ok(const char *name);

#endif /* __UK_CPIO_H__ */
