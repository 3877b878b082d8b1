/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * devfs: a fixed directory of device nodes, mounted on /dev at boot.
 *  null     reads end of file, takes every write
 *  zero     reads zeros, takes every write
 *  console  the platform console (lib/newlib's console functions)
 *  urandom  lib/ukrandom's generator (random: the same); without
 *           LIBUKRANDOM both fail to open with ENODEV
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <uk/vfs.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/console.h>
#if CONFIG_LIBUKRANDOM
#include <uk/random.h>
#endif

struct dev {
	const char *name;
	const struct uk_file_ops *fops; /* NULL: cannot be opened */
	struct uk_vnode vn;
};

static ssize_t null_read(struct uk_file *f __unused, void *buf __unused,
			 size_t len __unused, off_t *off __unused)
{
	return 0;
}

static ssize_t sink_write(struct uk_file *f __unused,
			  const void *buf __unused, size_t len,
			  off_t *off __unused)
{
	return (ssize_t)len;
}

static ssize_t zero_read(struct uk_file *f __unused, void *buf, size_t len,
			 off_t *off __unused)
{
	memset(buf, 0, len);
	return (ssize_t)len;
}

static off_t zero_lseek(struct uk_file *f __unused, off_t off __unused,
			int whence __unused)
{
	return 0;
}

static ssize_t cons_read(struct uk_file *f __unused, void *buf, size_t len,
			 off_t *off __unused)
{
	return uk_console_read(buf, len);
}

static ssize_t cons_write(struct uk_file *f __unused, const void *buf,
			  size_t len, off_t *off __unused)
{
	return uk_console_write(buf, len);
}

/* Output never waits; input cannot notify, so pollers ask again. */
static int cons_poll(struct uk_file *f __unused, int events __unused)
{
	return UK_VFS_POLLOUT | UK_VFS_POLLRECHECK |
	       (uk_console_readable() ? UK_VFS_POLLIN : 0);
}

static int cons_isatty(struct uk_file *f __unused)
{
	return 1;
}

#if CONFIG_LIBUKRANDOM
static ssize_t random_read(struct uk_file *f __unused, void *buf, size_t len,
			   off_t *off __unused)
{
	uk_random_fill(buf, len);
	return (ssize_t)len;
}

static const struct uk_file_ops random_ops = {
	.read = random_read, .write = sink_write, .lseek = zero_lseek,
};
#define RANDOM_OPS (&random_ops)
#else
#define RANDOM_OPS NULL
#endif

static const struct uk_file_ops null_ops = {
	.read = null_read, .write = sink_write, .lseek = zero_lseek,
};
static const struct uk_file_ops zero_ops = {
	.read = zero_read, .write = sink_write, .lseek = zero_lseek,
};
static const struct uk_file_ops console_ops = {
	.read = cons_read, .write = cons_write, .isatty = cons_isatty,
	.poll = cons_poll,
};

static struct dev devs[] = {
	{ .name = "null", .fops = &null_ops },
	{ .name = "zero", .fops = &zero_ops },
	{ .name = "console", .fops = &console_ops },
	{ .name = "urandom", .fops = RANDOM_OPS },
	{ .name = "random", .fops = RANDOM_OPS },
};
#define NDEVS (sizeof(devs) / sizeof(devs[0]))

static struct uk_vnode root_vn;

static int devfs_lookup(struct uk_vnode *dir __unused, const char *name,
			size_t len, struct uk_vnode **out)
{
	size_t i;

	for (i = 0; i < NDEVS; i++) {
		if (!strncmp(devs[i].name, name, len) && !devs[i].name[len]) {
			*out = uk_vnode_get(&devs[i].vn);
			return 0;
		}
	}
	return -ENOENT;
}

static int devfs_readdir(struct uk_vnode *dir, uint64_t pos,
			 struct uk_vfs_dirent *de)
{
	if (pos < 2) {
		de->ino = pos ? dir->parent->ino : dir->ino;
		de->type = DT_DIR;
		strcpy(de->name, pos ? ".." : ".");
		return 1;
	}
	if (pos - 2 >= NDEVS)
		return 0;
	de->ino = devs[pos - 2].vn.ino;
	de->type = DT_CHR;
	strcpy(de->name, devs[pos - 2].name);
	return 1;
}

static int devfs_open(struct uk_vnode *vn, struct uk_file *f)
{
	struct dev *d = vn->priv;

	if (!d->fops) {
		uk_pr_err("devfs: /dev/%s: no entropy source (enable LIBUKRANDOM)\n",
			  d->name);
		return -ENODEV;
	}
	f->ops = d->fops;
	return 0;
}

static const struct uk_vnode_ops devfs_ops = {
	.lookup = devfs_lookup,
	.readdir = devfs_readdir,
	.open = devfs_open,
};

static int devfs_mount(struct uk_mount *m, const char *source __unused,
		       const void *data __unused, struct uk_vnode **root)
{
	size_t i;

	/* one instance: the nodes are static */
	if (root_vn.refs)
		return -EBUSY;
	uk_vnode_init(&root_vn, m, &devfs_ops, S_IFDIR | 0755, 1);
	root_vn.nlink = 2;
	for (i = 0; i < NDEVS; i++) {
		uk_vnode_init(&devs[i].vn, m, &devfs_ops, S_IFCHR | 0666,
			      i + 2);
		devs[i].vn.priv = &devs[i];
		/* static nodes: no reference held, none to free */
		devs[i].vn.refs = 0;
		m->refs--;
	}
	*root = &root_vn;
	return 0;
}

static struct uk_fs_type devfs_type = {
	.name = "devfs",
	.mount = devfs_mount,
};

static void devfs_register(void)
{
	uk_vfs_register_fs(&devfs_type);
}
UK_CTOR(devfs_register);
