/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * initrdtest: lists the initrd the platform handed over (the
 * UKPLAT_MEMRF_INITRD region), one line per entry, in the archive's order:
 *   initrd: N bytes                       (or "initrd: none")
 *   dir NAME mode=0755
 *   file NAME mode=0640 size=N data=TEXT  (TEXT: the bytes, \n as "\n")
 *   link NAME -> TARGET
 *   end ok N                              (N entries)
 *   end error OFFSET REASON               (the archive is bad there)
 * Exit status 0 with an initrd, 3 without one.
 */
#include <stdio.h>
#include <uk/cpio.h>
#include <uk/plat/memory.h>

#define DATA_MAX 200

static void print_text(const char *p, size_t n)
{
	for (size_t i = 0; i < n && i < DATA_MAX; i++) {
		if (p[i] == '\n')
			fputs("\\n", stdout);
		else if (p[i] >= ' ' && p[i] < 0x7f)
			putchar(p[i]);
		else
			printf("\\x%02x", (unsigned char)p[i]);
	}
}

int main(void)
{
	struct ukplat_memregion_desc d;
	struct uk_cpio_iter it;
	struct uk_cpio_entry e;
	unsigned int n = 0;
	int r;

	if (ukplat_memregion_initrd(&d)) {
		printf("initrd: none\n");
		return 3;
	}
	printf("initrd: %lu bytes\n", (unsigned long)d.len);
	uk_cpio_iter_init(&it, (const void *)d.base, d.len);
	while ((r = uk_cpio_next(&it, &e)) == 1) {
		unsigned int perm = e.mode & 07777;

		n++;
		switch (e.mode & UK_CPIO_S_IFMT) {
		case UK_CPIO_S_IFDIR:
			printf("dir %s mode=0%o\n", e.name, perm);
			break;
		case UK_CPIO_S_IFREG:
			printf("file %s mode=0%o size=%lu data=", e.name, perm,
			       (unsigned long)e.size);
			print_text(e.data, e.size);
			putchar('\n');
			break;
		case UK_CPIO_S_IFLNK:
			printf("link %s -> ", e.name);
			print_text(e.data, e.size);
			putchar('\n');
			break;
		default:
			printf("other %s mode=0%o\n", e.name, e.mode);
		}
	}
	if (r < 0)
		printf("end error %lu %s\n", (unsigned long)it.off,
		       uk_cpio_strerror(r));
	else
		printf("end ok %u\n", n);
	return 0;
}
