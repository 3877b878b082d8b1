/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hostfs: filesystem type "hostfs" for lib/vfs on linuxu, a folder of the
 * host used through the host's system calls. The source of a mount is
 * the folder's host path; it is opened once (O_PATH) and every vnode
 * names its file by a path relative to it, used with the *at() calls.
 * Like 9pfs, each lookup asks the host and makes a fresh vnode, a
 * directory keeping its parent referenced for "..". The VFS resolves
 * symbolic links itself, so the host calls never follow them
 * (O_NOFOLLOW, AT_SYMLINK_NOFOLLOW) and a link cannot lead out of the
 * folder on the host's side.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/vfs.h>
#include <linuxu/syscall.h>

#if defined(__x86_64__)
#define H_OPENAT 257
#define H_CLOSE 3
#define H_READ 0
#define H_WRITE 1
#define H_LSEEK 8
#define H_GETDENTS64 217
#define H_MKDIRAT 258
#define H_UNLINKAT 263
#define H_RENAMEAT 264
#define H_SYMLINKAT 266
#define H_READLINKAT 267
#define H_STATX 332
#define H_FTRUNCATE 77
#define H_FCHMODAT 268
#define H_O_DIRECTORY 0200000
#define H_O_NOFOLLOW 0400000
#define H_O_LARGEFILE 0
#elif defined(__arm__)
#define H_OPENAT 322
#define H_CLOSE 6
#define H_READ 3
#define H_WRITE 4
#define H_LLSEEK 140
#define H_GETDENTS64 217
#define H_MKDIRAT 323
#define H_UNLINKAT 328
#define H_RENAMEAT 329
#define H_SYMLINKAT 331
#define H_READLINKAT 332
#define H_STATX 397
#define H_FTRUNCATE64 194
#define H_FCHMODAT 333
#define H_O_DIRECTORY 040000
#define H_O_NOFOLLOW 0100000
#define H_O_LARGEFILE 0400000
#endif

#define H_O_RDONLY 0
#define H_O_WRONLY 1
#define H_O_CREAT 0100
#define H_O_EXCL 0200
#define H_O_CLOEXEC 02000000
#define H_O_PATH 010000000
#define H_AT_REMOVEDIR 0x200
#define H_AT_SYMLINK_NOFOLLOW 0x100
#define H_STATX_BASIC 0x7ffU

struct h_statx_ts {
	int64_t sec;
	uint32_t nsec;
	int32_t pad;
};

struct h_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct h_statx_ts atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t spare[14];
};

struct h_dirent64 {
	uint64_t ino;
	int64_t off;
	uint16_t reclen;
	uint8_t type;
	char name[];
};

struct hostfs_node {
	struct uk_vnode vn;
	char *path; /* relative to the mount's folder; "." for its root */
	int rfd, wfd; /* opened on first use, -1 before */
	/* readdir: the host's directory stream */
	int dfd;
	char *dbuf;
	long dlen, dpos;
	uint64_t dnext; /* the entry at dpos is entry number dnext */
	struct uk_vnode *hold; /* the parent directory, referenced */
};

struct hostfs_mount {
	int root_fd;
};

#define DBUF 4096
#define NODE(v) ((struct hostfs_node *)(v))
#define ROOTFD(v) (((struct hostfs_mount *)(v)->mnt->priv)->root_fd)

static const struct uk_vnode_ops hostfs_ops;
static int hostfs_said; /* the mount logged why it failed */

/* Linux errno numbers above 34 (the common range) as this libc's. */
static const struct {
	uint16_t host;
	int local;
} h_errnos[] = {
	{ 36, ENAMETOOLONG }, { 38, ENOSYS },	 { 39, ENOTEMPTY },
	{ 40, ELOOP },	      { 61, ENODATA },	 { 75, EOVERFLOW },
	{ 95, EOPNOTSUPP },   { 116, ESTALE },	 { 122, EDQUOT },
};

/* A host system call; its error as this libc's negative errno. */
static long hsys6(long n, long a1, long a2, long a3, long a4, long a5,
		  long a6)
{
	long rc = linuxu_syscall6(n, a1, a2, a3, a4, a5, a6);
	unsigned int i;

	if (rc >= 0 || rc < -4095 || -rc <= 34)
		return rc;
	for (i = 0; i < ARRAY_SIZE(h_errnos); i++)
		if (h_errnos[i].host == -rc)
			return -h_errnos[i].local;
	return -EIO;
}

#define hsys(n, a, b, c) \
	hsys6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)

static long h_openat(int dirfd, const char *path, long flags, long mode)
{
	return hsys6(H_OPENAT, dirfd, (long)path,
			       flags | H_O_CLOEXEC | H_O_LARGEFILE, mode, 0, 0);
}

static void h_close(int fd)
{
	if (fd >= 0)
		hsys(H_CLOSE, fd, 0, 0);
}

/* Seek fd to off: 0 or -errno. */
static long h_seek(int fd, off_t off)
{
#if defined(H_LSEEK)
	long rc = hsys(H_LSEEK, fd, (long)off, 0);

	return rc < 0 ? rc : 0;
#else
	uint64_t o = (uint64_t)off, result;

	return hsys6(H_LLSEEK, fd, (long)(o >> 32), (long)(uint32_t)o,
			       (long)&result, 0, 0);
#endif
}

static long h_statx(int dirfd, const char *path, struct h_statx *st)
{
	return hsys6(H_STATX, dirfd, (long)path,
			       H_AT_SYMLINK_NOFOLLOW, H_STATX_BASIC, (long)st,
			       0);
}

/* dir's path joined with name (len bytes), malloc'ed; NULL: -ENOMEM. */
static char *join(struct uk_vnode *dir, const char *name, size_t len)
{
	const char *d = NODE(dir)->path;
	size_t dl = strcmp(d, ".") ? strlen(d) : 0;
	char *p = malloc(dl + 1 + len + 1);

	if (!p)
		return NULL;
	if (dl) {
		memcpy(p, d, dl);
		p[dl++] = '/';
	}
	memcpy(p + dl, name, len);
	p[dl + len] = '\0';
	return p;
}

/* A vnode for path (taken over) under dir (NULL: the root). */
static int node_new(struct uk_mount *m, struct uk_vnode *dir, char *path,
		    struct uk_vnode **out)
{
	struct hostfs_mount *hm = m->priv;
	struct hostfs_node *n;
	struct h_statx st;
	long rc;

	rc = h_statx(hm->root_fd, path, &st);
	if (rc < 0) {
		free(path);
		return (int)rc;
	}
	n = calloc(1, sizeof(*n));
	if (!n) {
		free(path);
		return -ENOMEM;
	}
	uk_vnode_init(&n->vn, m, &hostfs_ops, st.mode, st.ino);
	n->vn.size = (off_t)st.size;
	n->vn.nlink = st.nlink ? st.nlink : 1;
	n->path = path;
	n->rfd = n->wfd = n->dfd = -1;
	if (dir && S_ISDIR(st.mode)) {
		n->hold = uk_vnode_get(dir);
		n->vn.parent = dir;
	}
	*out = &n->vn;
	return 0;
}

static int hostfs_lookup(struct uk_vnode *dir, const char *name, size_t len,
			 struct uk_vnode **out)
{
	char *p = join(dir, name, len);

	if (!p)
		return -ENOMEM;
	return node_new(dir->mnt, dir, p, out);
}

static int hostfs_create(struct uk_vnode *dir, const char *name, size_t len,
			 mode_t mode, struct uk_vnode **out)
{
	char *p = join(dir, name, len);
	long rc;

	if (!p)
		return -ENOMEM;
	switch (mode & S_IFMT) {
	case S_IFREG:
		rc = h_openat(ROOTFD(dir), p,
			      H_O_WRONLY | H_O_CREAT | H_O_EXCL | H_O_NOFOLLOW,
			      mode & 07777);
		h_close((int)rc);
		break;
	case S_IFDIR:
		rc = hsys(H_MKDIRAT, ROOTFD(dir), p, mode & 07777);
		break;
	default:
		rc = -EPERM; /* no device nodes or fifos in a host folder */
	}
	if (rc < 0) {
		free(p);
		return (int)rc;
	}
	return node_new(dir->mnt, dir, p, out);
}

static int hostfs_symlink(struct uk_vnode *dir, const char *name, size_t len,
			  const char *target)
{
	char *p = join(dir, name, len);
	long rc;

	if (!p)
		return -ENOMEM;
	rc = hsys(H_SYMLINKAT, target, ROOTFD(dir), p);
	free(p);
	return (int)rc;
}

static int hostfs_remove(struct uk_vnode *dir, const char *name, size_t len,
			 int isdir)
{
	char *p = join(dir, name, len);
	long rc;

	if (!p)
		return -ENOMEM;
	rc = hsys(H_UNLINKAT, ROOTFD(dir), p,
			    isdir ? H_AT_REMOVEDIR : 0);
	free(p);
	return rc == -EEXIST && isdir ? -ENOTEMPTY : (int)rc;
}

static int hostfs_rename(struct uk_vnode *odir, const char *oname,
			 size_t olen, struct uk_vnode *ndir, const char *nname,
			 size_t nlen)
{
	char *o = join(odir, oname, olen), *n = join(ndir, nname, nlen);
	long rc = -ENOMEM;

	if (o && n)
		rc = hsys6(H_RENAMEAT, ROOTFD(odir), (long)o,
				     ROOTFD(ndir), (long)n, 0, 0);
	free(o);
	free(n);
	return (int)rc;
}

/* The host fd of vn for reading (write = 0) or writing. */
static int open_fd(struct uk_vnode *vn, int write)
{
	struct hostfs_node *n = NODE(vn);
	int *slot = write ? &n->wfd : &n->rfd;
	long fd;

	if (*slot >= 0)
		return *slot;
	fd = h_openat(ROOTFD(vn), n->path,
		      (write ? H_O_WRONLY : H_O_RDONLY) | H_O_NOFOLLOW |
			      (S_ISDIR(vn->mode) ? H_O_DIRECTORY : 0),
		      0);
	if (fd >= 0)
		*slot = (int)fd;
	return (int)fd;
}

static int hostfs_readdir(struct uk_vnode *dir, uint64_t pos,
			  struct uk_vfs_dirent *de)
{
	struct hostfs_node *n = NODE(dir);
	struct h_dirent64 *d;
	long rc;

	if (n->dfd < 0) {
		rc = h_openat(ROOTFD(dir), n->path,
			      H_O_RDONLY | H_O_DIRECTORY | H_O_NOFOLLOW, 0);
		if (rc < 0)
			return (int)rc;
		n->dfd = (int)rc;
		n->dbuf = malloc(DBUF);
		if (!n->dbuf)
			return -ENOMEM;
	}
	if (pos < n->dnext) { /* back to the start */
		rc = h_seek(n->dfd, 0);
		if (rc < 0)
			return (int)rc;
		n->dlen = n->dpos = 0;
		n->dnext = 0;
	}
	for (;;) {
		if (n->dpos >= n->dlen) {
			rc = hsys(H_GETDENTS64, n->dfd, n->dbuf,
					    DBUF);
			if (rc <= 0)
				return (int)rc; /* 0: the end */
			n->dlen = rc;
			n->dpos = 0;
		}
		d = (struct h_dirent64 *)(n->dbuf + n->dpos);
		n->dpos += d->reclen;
		if (n->dnext++ == pos)
			break;
	}
	de->ino = d->ino;
	de->type = d->type;
	strncpy(de->name, d->name, UK_VFS_NAME_MAX);
	de->name[UK_VFS_NAME_MAX] = '\0';
	return 1;
}

static ssize_t hostfs_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	return hsys6(H_READLINKAT, ROOTFD(vn), (long)NODE(vn)->path,
			       (long)buf, (long)len, 0, 0);
}

static ssize_t hostfs_read(struct uk_vnode *vn, void *buf, size_t len,
			   off_t off)
{
	int fd = open_fd(vn, 0);
	long rc;

	if (fd < 0)
		return fd;
	rc = h_seek(fd, off);
	if (rc < 0)
		return rc;
	return hsys(H_READ, fd, buf, len);
}

static ssize_t hostfs_write(struct uk_vnode *vn, const void *buf, size_t len,
			    off_t off)
{
	int fd = open_fd(vn, 1);
	long rc;

	if (fd < 0)
		return fd;
	rc = h_seek(fd, off);
	if (rc < 0)
		return rc;
	rc = hsys(H_WRITE, fd, buf, len);
	if (rc > 0 && off + rc > vn->size)
		vn->size = off + rc;
	return rc;
}

static int hostfs_truncate(struct uk_vnode *vn, off_t len)
{
	int fd = open_fd(vn, 1);
	long rc;

	if (fd < 0)
		return fd;
#if defined(H_FTRUNCATE)
	rc = hsys(H_FTRUNCATE, fd, (long)len, 0);
#else
	/* EABI: the 64-bit length in an even register pair, r2:r3. */
	rc = hsys6(H_FTRUNCATE64, fd, 0, (long)(uint32_t)len,
			     (long)((uint64_t)len >> 32), 0, 0);
#endif
	if (rc == 0)
		vn->size = len;
	return (int)rc;
}

static int hostfs_getattr(struct uk_vnode *vn, struct stat *st)
{
	struct h_statx x;
	long rc = h_statx(ROOTFD(vn), NODE(vn)->path, &x);

	if (rc < 0)
		return (int)rc;
	vn->size = (off_t)x.size;
	vn->nlink = x.nlink ? x.nlink : 1;
	st->st_mode = x.mode;
	st->st_nlink = vn->nlink;
	st->st_uid = x.uid;
	st->st_gid = x.gid;
	st->st_size = (off_t)x.size;
	st->st_blksize = (long)x.blksize;
	st->st_blocks = (long)x.blocks;
	st->st_atime = (time_t)x.atime.sec;
	st->st_mtime = (time_t)x.mtime.sec;
	st->st_ctime = (time_t)x.ctime.sec;
	return 0;
}

static int hostfs_setmode(struct uk_vnode *vn, mode_t mode)
{
	long rc = hsys6(H_FCHMODAT, ROOTFD(vn),
				  (long)NODE(vn)->path, mode & 07777, 0, 0, 0);

	if (rc == 0)
		vn->mode = (vn->mode & S_IFMT) | (mode & 07777);
	return (int)rc;
}

static void node_free(struct hostfs_node *n)
{
	h_close(n->rfd);
	h_close(n->wfd);
	h_close(n->dfd);
	free(n->dbuf);
	free(n->path);
	free(n);
}

static void hostfs_release(struct uk_vnode *vn)
{
	struct uk_vnode *hold = NODE(vn)->hold;

	if (vn == vn->mnt->root)
		return; /* freed by unmount */
	node_free(NODE(vn));
	uk_vnode_put(hold);
}

static const struct uk_vnode_ops hostfs_ops = {
	.lookup = hostfs_lookup,
	.create = hostfs_create,
	.symlink = hostfs_symlink,
	.remove = hostfs_remove,
	.rename = hostfs_rename,
	.readdir = hostfs_readdir,
	.readlink = hostfs_readlink,
	.read = hostfs_read,
	.write = hostfs_write,
	.truncate = hostfs_truncate,
	.getattr = hostfs_getattr,
	.setmode = hostfs_setmode,
	.release = hostfs_release,
};

static int hostfs_mount(struct uk_mount *m, const char *source,
			const void *data __unused, struct uk_vnode **root)
{
	struct hostfs_mount *hm;
	char *dot;
	long fd;
	int rc;

	if (!source || !*source)
		return -EINVAL;
	fd = h_openat(-100 /* AT_FDCWD */, source, H_O_PATH | H_O_DIRECTORY,
		      0);
	if (fd < 0) {
		uk_pr_err("hostfs: host folder %s: %s (give an existing "
			  "folder, e.g. UK_SHARE=DIR)\n",
			  source, strerror((int)-fd));
		hostfs_said = 1;
		return (int)fd;
	}
	hm = calloc(1, sizeof(*hm));
	dot = strdup(".");
	if (!hm || !dot) {
		free(hm);
		free(dot);
		h_close((int)fd);
		return -ENOMEM;
	}
	hm->root_fd = (int)fd;
	m->priv = hm;
	rc = node_new(m, NULL, dot, root);
	if (rc < 0) {
		h_close((int)fd);
		free(hm);
	}
	return rc;
}

static int hostfs_unmount(struct uk_mount *m)
{
	struct hostfs_mount *hm = m->priv;

	node_free(NODE(m->root));
	h_close(hm->root_fd);
	free(hm);
	return 0;
}

static struct uk_fs_type hostfs_type = {
	.name = "hostfs",
	.mount = hostfs_mount,
	.unmount = hostfs_unmount,
};

static void hostfs_register(void)
{
	uk_vfs_register_fs(&hostfs_type);
}
UK_CTOR(hostfs_register);

/* The folder of UK_SHARE in the environment, after the root filesystem. */
static int hostfs_boot_mount(void)
{
	const char *dir = getenv("UK_SHARE");
	const char *path = CONFIG_LIBHOSTFS_BOOT_PATH;
	int rc;

	if (!dir || !*dir)
		return 0;
	rc = uk_sys_mkdir(path, 0755);
	if (rc < 0 && rc != -EEXIST) {
		uk_pr_err("hostfs: %s not mounted: mkdir %s: %d\n", dir, path,
			  rc);
		return 0;
	}
	rc = uk_sys_mount(dir, path, "hostfs", 0, NULL);
	if (rc == 0)
		uk_pr_info("hostfs: %s mounted on %s\n", dir, path);
	else if (!hostfs_said)
		uk_pr_err("hostfs: %s not mounted on %s: %d\n", dir, path, rc);
	return 0; /* the boot goes on without it */
}
uk_lib_initcall_prio(hostfs_boot_mount, 6);
