/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Unpacks the initrd into the root filesystem, after lib/vfs has mounted
 * ramfs at / (LIB initcall priority 1; this runs at 3). Bad input never
 * stops the boot: it ends the unpack with one line, and what was already
 * created stays.
 */
#include <uk/cpio.h>
#include <uk/init.h>
#include <uk/plat/memory.h>
#include <uk/print.h>
#include <uk/vfs.h>
#include <errno.h>
#include <fcntl.h>

#define PATH_BUF 4096

/* "/" + name without its leading "./" and slashes, in buf. */
static int root_path(const char *name, char *buf, size_t len)
{
	size_t n = 0;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	if (!*name || (name[0] == '.' && !name[1]))
		return 0; /* the root itself */
	buf[n++] = '/';
	while (*name) {
		if (n + 1 >= len)
			return -ENAMETOOLONG;
		buf[n++] = *name++;
	}
	buf[n] = '\0';
	return 1;
}

static int unpack_file(const char *path, const struct uk_cpio_entry *e)
{
	const char *p = e->data;
	size_t left = e->size;
	int fd, r = 0;

	fd = uk_sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, e->mode & 07777);
	if (fd < 0)
		return fd;
	while (left) {
		long w = uk_sys_write(fd, p, left);

		if (w <= 0) {
			r = w < 0 ? (int)w : -EIO;
			break;
		}
		p += w;
		left -= (size_t)w;
	}
	uk_sys_close(fd);
	if (!r)
		r = uk_sys_chmod(path, e->mode & 07777);
	return r;
}

static int unpack_symlink(const char *path, const struct uk_cpio_entry *e)
{
	char target[PATH_BUF];

	if (e->size >= sizeof(target))
		return -ENAMETOOLONG;
	for (size_t i = 0; i < e->size; i++)
		target[i] = ((const char *)e->data)[i];
	target[e->size] = '\0';
	return uk_sys_symlink(target, path);
}

static int unpack_entry(const struct uk_cpio_entry *e, char *path)
{
	int r;

	if (!uk_cpio_name_ok(e->name)) {
		uk_pr_err("initrd: %s: refused (absolute or with \"..\")\n",
			  e->name);
		return -EINVAL;
	}
	r = root_path(e->name, path, PATH_BUF);
	if (r < 0)
		uk_pr_err("initrd: %.64s...: name longer than PATH_MAX\n",
			  e->name);
	if (r <= 0)
		return r;
	switch (e->mode & UK_CPIO_S_IFMT) {
	case UK_CPIO_S_IFDIR:
		r = uk_sys_mkdir(path, e->mode & 07777);
		if (r == -EEXIST)
			r = uk_sys_chmod(path, e->mode & 07777);
		break;
	case UK_CPIO_S_IFREG:
		r = unpack_file(path, e);
		break;
	case UK_CPIO_S_IFLNK:
		r = unpack_symlink(path, e);
		break;
	default:
		uk_pr_warn("initrd: %s: file type 0%o skipped\n", e->name,
			   e->mode & UK_CPIO_S_IFMT);
		return -EINVAL;
	}
	if (r < 0)
		uk_pr_err("initrd: %s: cannot create (error %d)\n", path, -r);
	return r < 0 ? r : 0;
}

static int initrd_unpack(void)
{
	static char path[PATH_BUF];
	struct ukplat_memregion_desc d;
	struct uk_cpio_iter it;
	struct uk_cpio_entry e;
	unsigned int n = 0, bad = 0;
	int r;

	if (ukplat_memregion_initrd(&d))
		return 0;
	uk_cpio_iter_init(&it, (const void *)d.base, d.len);
	while ((r = uk_cpio_next(&it, &e)) == 1) {
		if (unpack_entry(&e, path) < 0)
			bad++;
		n++;
	}
	if (r < 0)
		uk_pr_err("initrd: stopped at byte %lu after %u entries: %s; "
			  "rebuild it with support/scripts/mkcpio\n",
			  (unsigned long)it.off, n, uk_cpio_strerror(r));
	else if (bad)
		uk_pr_warn("initrd: %u of %u entries unpacked into /\n",
			   n - bad, n);
	else
		uk_pr_info("initrd: %u entries unpacked into /\n", n);
	return 0;
}

uk_lib_initcall_prio(initrd_unpack, 3);
