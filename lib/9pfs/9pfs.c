/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9pfs: filesystem type "9p" for lib/vfs over lib/9p. The source of a
 * mount is the share's mount tag. Each vnode owns a fid walked to its
 * file; reads and writes go through two more fids opened on first use
 * (read-only, write-only), so a file opened for writing by one fd and
 * reading by another needs no mode juggling. The server holds the truth:
 * a lookup asks it every time (a fresh vnode each time), and a directory
 * vnode keeps its parent referenced for "..".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <uk/9p.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/vfs.h>

struct p9fs_node {
	struct uk_vnode vn;
	uint32_t fid;
	uint32_t rfid, wfid; /* opened on first use, NOFID before */
	/* readdir: the last reply, and where in it and in the stream we are */
	uint8_t *dbuf;
	uint32_t dlen, dpos;
	uint64_t dnext; /* the entry at dpos is entry number dnext */
	uint64_t doff; /* the server's offset after the last entry read */
	struct uk_vnode *hold; /* the parent directory, referenced */
};

#define P9DIR_BUF 4096
#define NODE(v) ((struct p9fs_node *)(v))
#define CLIENT(v) ((struct uk_9p_client *)(v)->mnt->priv)

static const struct uk_vnode_ops p9fs_ops;

/* name (len bytes) as a C string in buf, or -ENAMETOOLONG. */
static int cname(char *buf, const char *name, size_t len)
{
	if (len > UK_VFS_NAME_MAX)
		return -ENAMETOOLONG;
	memcpy(buf, name, len);
	buf[len] = '\0';
	return 0;
}

static void attr_to_vnode(struct uk_vnode *vn, const struct uk_9p_attr *at)
{
	vn->mode = at->mode;
	vn->size = (off_t)at->size;
	vn->nlink = at->nlink ? (nlink_t)at->nlink : 1;
	vn->ino = at->qid.path;
}

/* A vnode for fid (walked, not opened) under dir (NULL: the root). */
static int node_new(struct uk_mount *m, struct uk_vnode *dir, uint32_t fid,
		    struct uk_vnode **out)
{
	struct uk_9p_client *c = m->priv;
	struct uk_9p_attr at;
	struct p9fs_node *n;
	int rc;

	rc = uk_9p_getattr(c, fid, UK_9P_GETATTR_BASIC, &at);
	if (rc < 0)
		goto err;
	n = calloc(1, sizeof(*n));
	if (!n) {
		rc = -ENOMEM;
		goto err;
	}
	uk_vnode_init(&n->vn, m, &p9fs_ops, at.mode, at.qid.path);
	attr_to_vnode(&n->vn, &at);
	n->fid = fid;
	n->rfid = n->wfid = UK_9P_NOFID;
	if (dir && S_ISDIR(at.mode)) {
		n->hold = uk_vnode_get(dir);
		n->vn.parent = dir;
	}
	*out = &n->vn;
	return 0;
err:
	uk_9p_clunk(c, fid);
	return rc;
}

/* Walk from dir by name to a new fid. */
static int walk1(struct uk_vnode *dir, const char *name, uint32_t *fid)
{
	struct uk_9p_client *c = CLIENT(dir);

	*fid = uk_9p_fid_alloc(c);
	return uk_9p_walk(c, NODE(dir)->fid, *fid, name ? 1 : 0, &name, NULL);
}

static int p9fs_lookup(struct uk_vnode *dir, const char *name, size_t len,
		       struct uk_vnode **out)
{
	char buf[UK_VFS_NAME_MAX + 1];
	uint32_t fid;
	int rc = cname(buf, name, len);

	if (rc < 0)
		return rc;
	rc = walk1(dir, buf, &fid);
	if (rc < 0)
		return rc;
	return node_new(dir->mnt, dir, fid, out);
}

static int p9fs_create(struct uk_vnode *dir, const char *name, size_t len,
		       mode_t mode, struct uk_vnode **out)
{
	struct uk_9p_client *c = CLIENT(dir);
	char buf[UK_VFS_NAME_MAX + 1];
	uint32_t fid;
	int rc = cname(buf, name, len);

	if (rc < 0)
		return rc;
	switch (mode & S_IFMT) {
	case S_IFREG:
		/* lcreate turns a clone of dir's fid into the open file. */
		rc = walk1(dir, NULL, &fid);
		if (rc < 0)
			return rc;
		rc = uk_9p_lcreate(c, fid, buf,
				   UK_9P_O_WRONLY | UK_9P_O_CREAT |
					   UK_9P_O_EXCL,
				   mode & 07777, 0, NULL, NULL);
		uk_9p_clunk(c, fid);
		break;
	case S_IFDIR:
		rc = uk_9p_mkdir(c, NODE(dir)->fid, buf, mode & 07777, 0,
				 NULL);
		break;
	default:
		return -EPERM; /* no device nodes or fifos on a share */
	}
	if (rc < 0)
		return rc;
	return p9fs_lookup(dir, name, len, out);
}

static int p9fs_symlink(struct uk_vnode *dir, const char *name, size_t len,
			const char *target)
{
	char buf[UK_VFS_NAME_MAX + 1];
	int rc = cname(buf, name, len);

	if (rc < 0)
		return rc;
	return uk_9p_symlink(CLIENT(dir), NODE(dir)->fid, buf, target, 0,
			     NULL);
}

static int p9fs_remove(struct uk_vnode *dir, const char *name, size_t len,
		       int isdir)
{
	char buf[UK_VFS_NAME_MAX + 1];
	int rc = cname(buf, name, len);

	if (rc < 0)
		return rc;
	rc = uk_9p_unlinkat(CLIENT(dir), NODE(dir)->fid, buf,
			    isdir ? UK_9P_AT_REMOVEDIR : 0);
	/* Linux's rmdir of a full directory may say EEXIST. */
	return rc == -EEXIST && isdir ? -ENOTEMPTY : rc;
}

static int p9fs_rename(struct uk_vnode *odir, const char *oname, size_t olen,
		       struct uk_vnode *ndir, const char *nname, size_t nlen)
{
	char o[UK_VFS_NAME_MAX + 1], n[UK_VFS_NAME_MAX + 1];
	int rc = cname(o, oname, olen);

	if (rc == 0)
		rc = cname(n, nname, nlen);
	if (rc < 0)
		return rc;
	return uk_9p_renameat(CLIENT(odir), NODE(odir)->fid, o,
			      NODE(ndir)->fid, n);
}

/* The fid of vn opened for reading (write = 0) or writing. */
static int open_fid(struct uk_vnode *vn, int write, uint32_t *out)
{
	struct p9fs_node *n = NODE(vn);
	uint32_t *slot = write ? &n->wfid : &n->rfid, fid, flags;
	int rc;

	if (*slot != UK_9P_NOFID) {
		*out = *slot;
		return 0;
	}
	rc = walk1(vn, NULL, &fid);
	if (rc < 0)
		return rc;
	flags = write ? UK_9P_O_WRONLY : UK_9P_O_RDONLY;
	if (S_ISDIR(vn->mode))
		flags |= UK_9P_O_DIRECTORY;
	rc = uk_9p_lopen(CLIENT(vn), fid, flags, NULL, NULL);
	if (rc < 0) {
		uk_9p_clunk(CLIENT(vn), fid);
		return rc;
	}
	*out = *slot = fid;
	return 0;
}

static int p9fs_readdir(struct uk_vnode *dir, uint64_t pos,
			struct uk_vfs_dirent *de)
{
	struct p9fs_node *n = NODE(dir);
	struct uk_9p_dirent d;
	uint32_t fid;
	int rc;

	rc = open_fid(dir, 0, &fid);
	if (rc < 0)
		return rc;
	if (!n->dbuf) {
		n->dbuf = malloc(P9DIR_BUF);
		if (!n->dbuf)
			return -ENOMEM;
	}
	if (pos < n->dnext) { /* back to the start */
		n->dlen = n->dpos = 0;
		n->dnext = n->doff = 0;
	}
	for (;;) {
		if (n->dpos >= n->dlen) {
			rc = uk_9p_readdir(CLIENT(dir), fid, n->doff, n->dbuf,
					   P9DIR_BUF);
			if (rc <= 0)
				return rc; /* 0: the end */
			n->dlen = (uint32_t)rc;
			n->dpos = 0;
		}
		rc = uk_9p_readdir_next(n->dbuf, n->dlen, &n->dpos, &d);
		if (rc <= 0)
			return rc < 0 ? rc : -EIO;
		n->doff = d.offset;
		if (n->dnext++ == pos)
			break;
	}
	de->ino = d.qid.path;
	de->type = d.type;
	strncpy(de->name, d.name, UK_VFS_NAME_MAX);
	de->name[UK_VFS_NAME_MAX] = '\0';
	return 1;
}

static ssize_t p9fs_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	char *t = malloc(UK_VFS_PATH_MAX);
	int rc;

	if (!t)
		return -ENOMEM;
	rc = uk_9p_readlink(CLIENT(vn), NODE(vn)->fid, t, UK_VFS_PATH_MAX);
	if (rc >= 0) {
		if ((size_t)rc > len)
			rc = (int)len;
		memcpy(buf, t, (size_t)rc);
	}
	free(t);
	return rc;
}

static ssize_t p9fs_read(struct uk_vnode *vn, void *buf, size_t len,
			 off_t off)
{
	struct uk_9p_client *c = CLIENT(vn);
	uint32_t fid, chunk;
	size_t done = 0;
	int rc;

	rc = open_fid(vn, 0, &fid);
	if (rc < 0)
		return rc;
	while (done < len) {
		chunk = len - done > uk_9p_iosize(c) ? uk_9p_iosize(c) :
						      (uint32_t)(len - done);
		rc = uk_9p_read(c, fid, (uint64_t)off + done,
				(char *)buf + done, chunk);
		if (rc < 0)
			return done ? (ssize_t)done : rc;
		done += (size_t)rc;
		if ((uint32_t)rc < chunk)
			break; /* the end of the file */
	}
	return (ssize_t)done;
}

static ssize_t p9fs_write(struct uk_vnode *vn, const void *buf, size_t len,
			  off_t off)
{
	struct uk_9p_client *c = CLIENT(vn);
	uint32_t fid, chunk;
	size_t done = 0;
	int rc;

	rc = open_fid(vn, 1, &fid);
	if (rc < 0)
		return rc;
	while (done < len) {
		chunk = len - done > uk_9p_iosize(c) ? uk_9p_iosize(c) :
						      (uint32_t)(len - done);
		rc = uk_9p_write(c, fid, (uint64_t)off + done,
				 (const char *)buf + done, chunk);
		if (rc <= 0) {
			if (!done)
				return rc ? rc : -EIO;
			break;
		}
		done += (size_t)rc;
	}
	if (off + (off_t)done > vn->size)
		vn->size = off + (off_t)done;
	return (ssize_t)done;
}

static int p9fs_truncate(struct uk_vnode *vn, off_t len)
{
	struct uk_9p_setattr sa = { 0 };
	int rc;

	sa.valid = UK_9P_SETATTR_SIZE;
	sa.size = (uint64_t)len;
	rc = uk_9p_setattr(CLIENT(vn), NODE(vn)->fid, &sa);
	if (rc == 0)
		vn->size = len;
	return rc;
}

static int p9fs_getattr(struct uk_vnode *vn, struct stat *st)
{
	struct uk_9p_attr at;
	int rc;

	rc = uk_9p_getattr(CLIENT(vn), NODE(vn)->fid, UK_9P_GETATTR_BASIC,
			   &at);
	if (rc < 0)
		return rc;
	attr_to_vnode(vn, &at);
	st->st_mode = at.mode;
	st->st_nlink = vn->nlink;
	st->st_uid = at.uid;
	st->st_gid = at.gid;
	st->st_size = (off_t)at.size;
	st->st_blksize = (long)at.blksize;
	st->st_blocks = (long)at.blocks;
	st->st_atime = (time_t)at.atime_sec;
	st->st_mtime = (time_t)at.mtime_sec;
	st->st_ctime = (time_t)at.ctime_sec;
	return 0;
}

static int p9fs_setmode(struct uk_vnode *vn, mode_t mode)
{
	struct uk_9p_setattr sa = { 0 };
	int rc;

	sa.valid = UK_9P_SETATTR_MODE;
	sa.mode = mode & 07777;
	rc = uk_9p_setattr(CLIENT(vn), NODE(vn)->fid, &sa);
	if (rc == 0)
		vn->mode = (vn->mode & S_IFMT) | (mode & 07777);
	return rc;
}

static void node_free(struct p9fs_node *n, struct uk_9p_client *c)
{
	if (n->rfid != UK_9P_NOFID)
		uk_9p_clunk(c, n->rfid);
	if (n->wfid != UK_9P_NOFID)
		uk_9p_clunk(c, n->wfid);
	uk_9p_clunk(c, n->fid);
	free(n->dbuf);
	free(n);
}

static void p9fs_release(struct uk_vnode *vn)
{
	struct uk_vnode *hold = NODE(vn)->hold;

	if (vn == vn->mnt->root)
		return; /* freed by unmount */
	node_free(NODE(vn), CLIENT(vn));
	uk_vnode_put(hold);
}

static const struct uk_vnode_ops p9fs_ops = {
	.lookup = p9fs_lookup,
	.create = p9fs_create,
	.symlink = p9fs_symlink,
	.remove = p9fs_remove,
	.rename = p9fs_rename,
	.readdir = p9fs_readdir,
	.readlink = p9fs_readlink,
	.read = p9fs_read,
	.write = p9fs_write,
	.truncate = p9fs_truncate,
	.getattr = p9fs_getattr,
	.setmode = p9fs_setmode,
	.release = p9fs_release,
};

static int p9fs_mount(struct uk_mount *m, const char *source,
		      const void *data __unused, struct uk_vnode **root)
{
	struct uk_9p_client *c;
	uint32_t fid;
	int rc;

	if (!source || !*source)
		return -EINVAL;
	rc = uk_9p_connect(source, "root", 0, "", &c, &fid);
	if (rc == -ENOENT) {
		uk_pr_err("9pfs: no 9p share with mount tag \"%s\" "
			  "(QEMU: -virtfs local,path=DIR,mount_tag=%s,"
			  "security_model=none, or make run UK_SHARE=DIR "
			  "UK_SHARE_TAG=%s)\n",
			  source, source, source);
		return -ENODEV;
	}
	if (rc < 0)
		return rc;
	m->priv = c;
	rc = node_new(m, NULL, fid, root);
	if (rc < 0) {
		uk_9p_disconnect(c);
		return rc;
	}
	return 0;
}

static int p9fs_unmount(struct uk_mount *m)
{
	struct uk_9p_client *c = m->priv;

	node_free(NODE(m->root), c);
	uk_9p_disconnect(c);
	return 0;
}

static struct uk_fs_type p9fs_type = {
	.name = "9p",
	.mount = p9fs_mount,
	.unmount = p9fs_unmount,
};

static void p9fs_register(void)
{
	uk_vfs_register_fs(&p9fs_type);
}
UK_CTOR(p9fs_register);

/* The Kconfig boot share, after the root filesystem is there. */
static int p9fs_boot_mount(void)
{
	const char *tag = CONFIG_LIB9PFS_BOOT_TAG;
	const char *path = CONFIG_LIB9PFS_BOOT_PATH;
	int rc;

	if (!*tag)
		return 0;
	rc = uk_sys_mkdir(path, 0755);
	if (rc < 0 && rc != -EEXIST) {
		uk_pr_err("9pfs: share \"%s\" not mounted: mkdir %s: %d\n",
			  tag, path, rc);
		return 0;
	}
	rc = uk_sys_mount(tag, path, "9p", 0, NULL);
	if (rc == 0)
		uk_pr_info("9pfs: share \"%s\" mounted on %s\n", tag, path);
	else if (rc != -ENODEV) /* -ENODEV: the mount said why */
		uk_pr_err("9pfs: share \"%s\" not mounted on %s: %d\n", tag,
			  path, rc);
	return 0; /* the boot goes on without it */
}
uk_lib_initcall_prio(p9fs_boot_mount, 6);
