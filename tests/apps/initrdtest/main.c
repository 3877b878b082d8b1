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
 * With lib/vfs (the initrd unpacked into /), then the same entries as
 * the files the unpacker made, read back through the POSIX calls:
 *   fs dir /NAME mode=0755
 *   fs file /NAME mode=0640 data=TEXT
 *   fs link /NAME -> TARGET data=TEXT     (TEXT read through the link)
 *   fs missing /NAME errno=N              (not there)
 * First, the arguments, to see boot parameters taken off the line:
 *   argc=N
 *   argv[I]=WORD
 * Exit status 0 with an initrd, 3 without one.
 */
#include <stdio.h>
#include <uk/cpio.h>
#include <uk/plat/memory.h>
#if CONFIG_LIBVFS
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

int lstat(const char *path, struct stat *st);
#endif

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

#if CONFIG_LIBVFS
static void print_file(const char *path)
{
	char buf[DATA_MAX];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		printf("data=<open: errno %d>\n", errno);
		return;
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0) {
		printf("data=<read: errno %d>\n", errno);
		return;
	}
	fputs("data=", stdout);
	print_text(buf, (size_t)n);
	putchar('\n');
}

/* The entry as the unpacker made it under /. */
static void check_fs(const struct uk_cpio_entry *e)
{
	char path[256], target[256];
	struct stat st;
	ssize_t n;

	snprintf(path, sizeof(path), "/%s", e->name);
	if (lstat(path, &st)) {
		printf("fs missing %s errno=%d\n", path, errno);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		printf("fs dir %s mode=0%o\n", path,
		       (unsigned int)st.st_mode & 07777);
	} else if (S_ISREG(st.st_mode)) {
		printf("fs file %s mode=0%o ", path,
		       (unsigned int)st.st_mode & 07777);
		print_file(path);
	} else if (S_ISLNK(st.st_mode)) {
		n = readlink(path, target, sizeof(target) - 1);
		target[n < 0 ? 0 : n] = '\0';
		printf("fs link %s -> %s ", path, target);
		print_file(path);
	} else {
		printf("fs other %s mode=0%o\n", path,
		       (unsigned int)st.st_mode);
	}
}
#endif

int main(int argc, char *argv[])
{
	struct ukplat_memregion_desc d;
	struct uk_cpio_iter it;
	struct uk_cpio_entry e;
	unsigned int n = 0;
	int r;

	printf("argc=%d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
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
#if CONFIG_LIBVFS
	uk_cpio_iter_init(&it, (const void *)d.base, d.len);
	while (uk_cpio_next(&it, &e) == 1)
		check_fs(&e);
#endif
	return 0;
}
