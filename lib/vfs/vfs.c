/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The VFS core: filesystem types, vnodes, the mount table, path walks and
 * the calls that take a path (see uk/vfs.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <uk/assert.h>
#include <uk/vfs.h>
#include <uk/init.h>
#include <uk/print.h>
#include "vfs_impl.h"

static struct uk_fs_type *fs_types;
static struct uk_mount *mounts;
static struct uk_mount *root_mnt;
static struct uk_vnode *cwd;
static unsigned long next_dev = 1;

int uk_vfs_register_fs(struct uk_fs_type *t)
{
	if (!t || !t->name || !t->mount)
		return -EINVAL;
	if (uk_vfs_find_fs(t->name))
		return -EEXIST;
	t->next = fs_types;
	fs_types = t;
	return 0;
}

struct uk_fs_type *uk_vfs_find_fs(const char *name)
{
	struct uk_fs_type *t;

	for (t = fs_types; t; t = t->next)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

void uk_vnode_init(struct uk_vnode *vn, struct uk_mount *m,
		   const struct uk_vnode_ops *ops, mode_t mode, uint64_t ino)
{
	memset(vn, 0, sizeof(*vn));
	vn->ops = ops;
	vn->mnt = m;
	vn->mode = mode;
	vn->ino = ino;
	vn->nlink = 1;
	vn->refs = 1;
	vn->parent = vn;
	if (m)
		m->refs++;
}

struct uk_vnode *uk_vnode_get(struct uk_vnode *vn)
{
	vn->refs++;
	if (vn->mnt)
		vn->mnt->refs++;
	return vn;
}

void uk_vnode_put(struct uk_vnode *vn)
{
	if (!vn)
		return;
	UK_ASSERT(vn->refs > 0);
	if (vn->mnt)
		vn->mnt->refs--;
	if (--vn->refs == 0 && vn->ops->release)
		vn->ops->release(vn);
}

struct uk_vnode *uk_vfs_root(void)
{
	return root_mnt ? root_mnt->root : NULL;
}

struct uk_vnode *uk_vfs_cwd(void)
{
	return cwd ? cwd : uk_vfs_root();
}

/* One step from dir (a directory) by name; crosses mount points. */
static int step(struct uk_vnode *dir, const char *name, size_t len,
		struct uk_vnode **out)
{
	struct uk_vnode *vn;
	int rc;

	if (len == 1 && name[0] == '.') {
		*out = uk_vnode_get(dir);
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		if (!dir->nlink)
			return -ENOENT;
		while (dir == dir->mnt->root && dir->mnt->covered)
			dir = dir->mnt->covered;
		*out = uk_vnode_get(dir->parent);
		return 0;
	}
	if (!dir->ops->lookup)
		return -ENOENT;
	rc = dir->ops->lookup(dir, name, len, &vn);
	if (rc < 0)
		return rc;
	while (vn->covered_by) {
		struct uk_vnode *r = uk_vnode_get(vn->covered_by->root);

		uk_vnode_put(vn);
		vn = r;
	}
	*out = vn;
	return 0;
}

static int read_link(struct uk_vnode *vn, char **target)
{
	char *buf;
	ssize_t n;

	if (!vn->ops->readlink)
		return -EINVAL;
	buf = malloc(UK_VFS_PATH_MAX);
	if (!buf)
		return -ENOMEM;
	n = vn->ops->readlink(vn, buf, UK_VFS_PATH_MAX - 1);
	if (n < 0) {
		free(buf);
		return (int)n;
	}
	buf[n] = '\0';
	*target = buf;
	return 0;
}

void vfs_walk_done(struct vfs_walk *w)
{
	uk_vnode_put(w->vn);
	uk_vnode_put(w->dir);
	w->vn = w->dir = NULL;
}

static int walk_from(struct uk_vnode *start, const char *path, int follow,
		     struct vfs_walk *w, int depth);

/* Replaces *vn, a symbolic link found in dir, by what it names. */
static int follow_link(struct uk_vnode *dir, struct uk_vnode *lnk,
		       struct vfs_walk *w, int depth)
{
	char *target = NULL;
	int rc;

	if (++w->links > UK_VFS_SYMLOOP_MAX)
		return -ELOOP;
	rc = read_link(lnk, &target);
	if (rc < 0)
		return rc;
	rc = walk_from(dir, target, 1, w, depth + 1);
	free(target);
	return rc;
}

/*
 * Walks path from start. On success w->dir is the directory holding the
 * last name (w->name), w->vn the vnode it names or NULL when there is no
 * such entry (both with references): the callers that create need dir.
 */
static int walk_from(struct uk_vnode *start, const char *path, int follow,
		     struct vfs_walk *w, int depth)
{
	struct uk_vnode *cur, *next;
	const char *p = path, *s, *q;
	size_t len;
	int rc, last;

	w->dir = w->vn = NULL;
	if (!*path)
		return -ENOENT;
	if (strnlen(path, UK_VFS_PATH_MAX) >= UK_VFS_PATH_MAX)
		return -ENAMETOOLONG;
	cur = (*p == '/') ? uk_vfs_root() : start;
	if (!cur)
		return -ENOENT;
	uk_vnode_get(cur);
	for (;;) {
		while (*p == '/')
			p++;
		if (!*p) {
			/* "/" or a path of slashes: the directory itself */
			w->dir = uk_vnode_get(cur);
			w->vn = cur;
			w->name[0] = '.';
			w->namelen = 1;
			w->trailing = 1;
			return 0;
		}
		s = p;
		while (*p && *p != '/')
			p++;
		len = (size_t)(p - s);
		for (q = p; *q == '/'; q++)
			;
		last = !*q;
		if (len > UK_VFS_NAME_MAX) {
			rc = -ENAMETOOLONG;
			goto err;
		}
		if (!S_ISDIR(cur->mode)) {
			rc = -ENOTDIR;
			goto err;
		}
		rc = step(cur, s, len, &next);
		if (last) {
			memcpy(w->name, s, len);
			w->name[len] = '\0';
			w->namelen = len;
			w->trailing = *p == '/';
			if (rc == -ENOENT) {
				w->dir = cur;
				return 0;
			}
			if (rc < 0)
				goto err;
			if (S_ISLNK(next->mode) && (follow || w->trailing)) {
				rc = follow_link(cur, next, w, depth);
				uk_vnode_put(next);
				uk_vnode_put(cur);
				return rc;
			}
			w->dir = cur;
			w->vn = next;
			return 0;
		}
		if (rc < 0)
			goto err;
		if (S_ISLNK(next->mode)) {
			struct vfs_walk sub = { .links = w->links };

			rc = follow_link(cur, next, &sub, depth);
			uk_vnode_put(next);
			w->links = sub.links;
			if (rc < 0)
				goto err;
			if (!sub.vn) {
				vfs_walk_done(&sub);
				rc = -ENOENT;
				goto err;
			}
			next = uk_vnode_get(sub.vn);
			vfs_walk_done(&sub);
		}
		uk_vnode_put(cur);
		cur = next;
	}
err:
	uk_vnode_put(cur);
	w->dir = w->vn = NULL;
	return rc;
}

int vfs_walk(struct uk_vnode *start, const char *path, int follow,
	     struct vfs_walk *w)
{
	if (!path)
		return -EFAULT;
	w->links = 0;
	return walk_from(start ? start : uk_vfs_cwd(), path, follow, w, 0);
}

int uk_vfs_lookup(const char *path, int follow, struct uk_vnode **out)
{
	struct vfs_walk w;
	int rc = vfs_walk(NULL, path, follow, &w);

	if (rc < 0)
		return rc;
	if (!w.vn) {
		vfs_walk_done(&w);
		return -ENOENT;
	}
	if (w.trailing && !S_ISDIR(w.vn->mode)) {
		vfs_walk_done(&w);
		return -ENOTDIR;
	}
	*out = uk_vnode_get(w.vn);
	vfs_walk_done(&w);
	return 0;
}

static int is_dot(const struct vfs_walk *w)
{
	return (w->namelen == 1 && w->name[0] == '.') ||
	       (w->namelen == 2 && w->name[0] == '.' && w->name[1] == '.');
}

int vfs_getattr(struct uk_vnode *vn, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = vn->mnt ? vn->mnt->dev : 0;
	st->st_ino = vn->ino;
	st->st_mode = vn->mode;
	st->st_nlink = vn->nlink;
	st->st_size = vn->size;
	st->st_blksize = 4096;
	st->st_blocks = (vn->size + 511) / 512;
	return vn->ops->getattr ? vn->ops->getattr(vn, st) : 0;
}

static int stat_path(const char *path, struct stat *st, int follow)
{
	struct uk_vnode *vn;
	int rc;

	if (!st)
		return -EFAULT;
	rc = uk_vfs_lookup(path, follow, &vn);
	if (rc < 0)
		return rc;
	rc = vfs_getattr(vn, st);
	uk_vnode_put(vn);
	return rc;
}

int uk_sys_stat(const char *path, struct stat *st)
{
	return stat_path(path, st, 1);
}

int uk_sys_lstat(const char *path, struct stat *st)
{
	return stat_path(path, st, 0);
}

int uk_sys_access(const char *path, int amode)
{
	struct uk_vnode *vn;
	int rc;

	if (amode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	rc = uk_vfs_lookup(path, 1, &vn);
	if (rc < 0)
		return rc;
	/* One user, root: only execution needs a permission bit. */
	if ((amode & X_OK) && !S_ISDIR(vn->mode) && !(vn->mode & 0111))
		rc = -EACCES;
	uk_vnode_put(vn);
	return rc;
}

/* A new entry at path: w->dir and w->name, checked not to exist. */
static int walk_new(const char *path, struct vfs_walk *w)
{
	int rc = vfs_walk(NULL, path, 0, w);

	if (rc < 0)
		return rc;
	if (w->vn) {
		vfs_walk_done(w);
		return -EEXIST;
	}
	return 0;
}

int vfs_create(struct uk_vnode *dir, const char *name, size_t len,
	       mode_t mode, struct uk_vnode **out)
{
	if (!dir->nlink)
		return -ENOENT;
	if (!dir->ops->create)
		return -EROFS;
	return dir->ops->create(dir, name, len, mode, out);
}

int uk_sys_mknod(const char *path, mode_t mode)
{
	struct vfs_walk w;
	struct uk_vnode *vn;
	int rc = walk_new(path, &w);

	if (rc < 0)
		return rc;
	if (w.trailing && !S_ISDIR(mode))
		rc = -ENOENT;
	else
		rc = vfs_create(w.dir, w.name, w.namelen, mode, &vn);
	if (rc == 0)
		uk_vnode_put(vn);
	vfs_walk_done(&w);
	return rc;
}

int uk_sys_mkdir(const char *path, mode_t mode)
{
	return uk_sys_mknod(path, S_IFDIR | (mode & 07777));
}

int uk_sys_symlink(const char *target, const char *linkpath)
{
	struct vfs_walk w;
	int rc;

	if (!target)
		return -EFAULT;
	if (!*target)
		return -ENOENT;
	if (strnlen(target, UK_VFS_PATH_MAX) >= UK_VFS_PATH_MAX)
		return -ENAMETOOLONG;
	rc = walk_new(linkpath, &w);
	if (rc < 0)
		return rc;
	if (!w.dir->nlink)
		rc = -ENOENT;
	else if (!w.dir->ops->symlink)
		rc = -EPERM;
	else
		rc = w.dir->ops->symlink(w.dir, w.name, w.namelen, target);
	vfs_walk_done(&w);
	return rc;
}

ssize_t uk_sys_readlink(const char *path, char *buf, size_t len)
{
	struct vfs_walk w;
	ssize_t rc;

	if (!buf)
		return -EFAULT;
	if (len == 0)
		return -EINVAL;
	rc = vfs_walk(NULL, path, 0, &w);
	if (rc < 0)
		return rc;
	if (!w.vn)
		rc = -ENOENT;
	else if (!S_ISLNK(w.vn->mode) || !w.vn->ops->readlink)
		rc = -EINVAL;
	else
		rc = w.vn->ops->readlink(w.vn, buf, len);
	vfs_walk_done(&w);
	return rc;
}

int uk_sys_link(const char *oldpath, const char *newpath)
{
	struct uk_vnode *vn;
	struct vfs_walk w;
	int rc;

	rc = uk_vfs_lookup(oldpath, 0, &vn);
	if (rc < 0)
		return rc;
	if (S_ISDIR(vn->mode)) {
		uk_vnode_put(vn);
		return -EPERM;
	}
	rc = walk_new(newpath, &w);
	if (rc == 0) {
		if (w.dir->mnt != vn->mnt)
			rc = -EXDEV;
		else if (!w.dir->nlink)
			rc = -ENOENT;
		else if (!w.dir->ops->link)
			rc = -EPERM;
		else
			rc = w.dir->ops->link(w.dir, w.name, w.namelen, vn);
		vfs_walk_done(&w);
	}
	uk_vnode_put(vn);
	return rc;
}

static int remove_path(const char *path, int isdir)
{
	struct vfs_walk w;
	int rc = vfs_walk(NULL, path, 0, &w);

	if (rc < 0)
		return rc;
	if (!w.vn)
		rc = -ENOENT;
	else if (isdir && !S_ISDIR(w.vn->mode))
		rc = -ENOTDIR;
	else if (!isdir && S_ISDIR(w.vn->mode))
		rc = -EISDIR;
	else if (!isdir && w.trailing)
		rc = -ENOTDIR;
	else if (w.vn == w.vn->mnt->root)
		rc = -EBUSY;
	else if (w.namelen == 1 && w.name[0] == '.')
		rc = -EINVAL;
	else if (is_dot(&w))
		rc = -ENOTEMPTY;
	else if (w.vn->covered_by)
		rc = -EBUSY;
	else if (!w.dir->ops->remove)
		rc = -EROFS;
	else
		rc = w.dir->ops->remove(w.dir, w.name, w.namelen, isdir);
	vfs_walk_done(&w);
	return rc;
}

int uk_sys_unlink(const char *path)
{
	return remove_path(path, 0);
}

int uk_sys_rmdir(const char *path)
{
	return remove_path(path, 1);
}

/* Whether a is b or a directory under b. */
static int is_under(struct uk_vnode *a, struct uk_vnode *b)
{
	for (;;) {
		if (a == b)
			return 1;
		if (a->parent == a)
			return 0;
		a = a->parent;
	}
}

int uk_sys_rename(const char *oldpath, const char *newpath)
{
	struct vfs_walk o, n;
	int rc;

	rc = vfs_walk(NULL, oldpath, 0, &o);
	if (rc < 0)
		return rc;
	if (!o.vn) {
		vfs_walk_done(&o);
		return -ENOENT;
	}
	rc = vfs_walk(NULL, newpath, 0, &n);
	if (rc < 0) {
		vfs_walk_done(&o);
		return rc;
	}
	if (is_dot(&o) || is_dot(&n))
		rc = o.vn == o.vn->mnt->root ? -EBUSY : -EINVAL;
	else if (o.vn == o.vn->mnt->root || o.vn->covered_by ||
		 (n.vn && n.vn->covered_by))
		rc = -EBUSY;
	else if (o.dir->mnt != n.dir->mnt)
		rc = -EXDEV;
	else if ((o.trailing || n.trailing) && !S_ISDIR(o.vn->mode))
		rc = -ENOTDIR;
	else if (n.vn == o.vn)
		rc = 0;
	else if (S_ISDIR(o.vn->mode) && is_under(n.dir, o.vn))
		rc = -EINVAL;
	else if (n.vn && S_ISDIR(n.vn->mode) && is_under(o.dir, n.vn))
		rc = -ENOTEMPTY; /* the target holds the source: not empty */
	else if (n.vn && S_ISDIR(o.vn->mode) && !S_ISDIR(n.vn->mode))
		rc = -ENOTDIR;
	else if (n.vn && !S_ISDIR(o.vn->mode) && S_ISDIR(n.vn->mode))
		rc = -EISDIR;
	else if (!n.dir->nlink)
		rc = -ENOENT;
	else if (!o.dir->ops->rename)
		rc = -EROFS;
	else
		rc = o.dir->ops->rename(o.dir, o.name, o.namelen, n.dir, n.name,
					n.namelen);
	vfs_walk_done(&n);
	vfs_walk_done(&o);
	return rc;
}

int uk_sys_chmod(const char *path, mode_t mode)
{
	struct uk_vnode *vn;
	int rc = uk_vfs_lookup(path, 1, &vn);

	if (rc < 0)
		return rc;
	if (vn->ops->setmode)
		rc = vn->ops->setmode(vn, mode & 07777);
	else
		vn->mode = (vn->mode & S_IFMT) | (mode & 07777);
	uk_vnode_put(vn);
	return rc;
}

int uk_sys_truncate(const char *path, off_t len)
{
	struct uk_vnode *vn;
	int rc = uk_vfs_lookup(path, 1, &vn);

	if (rc < 0)
		return rc;
	rc = vfs_truncate(vn, len);
	uk_vnode_put(vn);
	return rc;
}

int vfs_truncate(struct uk_vnode *vn, off_t len)
{
	if (S_ISDIR(vn->mode))
		return -EISDIR;
	if (!S_ISREG(vn->mode))
		return -EINVAL;
	if (len < 0)
		return -EINVAL;
	if (!vn->ops->truncate)
		return -EROFS;
	return vn->ops->truncate(vn, len);
}

int vfs_set_cwd(struct uk_vnode *vn)
{
	if (!S_ISDIR(vn->mode))
		return -ENOTDIR;
	uk_vnode_get(vn);
	uk_vnode_put(cwd);
	cwd = vn;
	return 0;
}

int uk_sys_chdir(const char *path)
{
	struct uk_vnode *vn;
	int rc = uk_vfs_lookup(path, 1, &vn);

	if (rc < 0)
		return rc;
	rc = vfs_set_cwd(vn);
	uk_vnode_put(vn);
	return rc;
}

/* The name of child (not a mount root) in its directory parent. */
static int name_in(struct uk_vnode *parent, struct uk_vnode *child,
		   struct uk_vfs_dirent *de)
{
	uint64_t pos;
	int rc;

	if (!parent->ops->readdir)
		return -ENOENT;
	for (pos = 0;; pos++) {
		rc = parent->ops->readdir(parent, pos, de);
		if (rc <= 0)
			return rc < 0 ? rc : -ENOENT;
		if (!strcmp(de->name, ".") || !strcmp(de->name, ".."))
			continue;
		if (de->ino == child->ino)
			return 0;
	}
}

/* The absolute path of directory vn (built backwards in tmp). */
static int dir_path(struct uk_vnode *vn, char *buf, size_t size)
{
	struct uk_vfs_dirent *de;
	char *tmp, *pos;
	size_t len;
	int rc = 0;

	tmp = malloc(UK_VFS_PATH_MAX + sizeof(*de));
	if (!tmp)
		return -ENOMEM;
	de = (struct uk_vfs_dirent *)(tmp + UK_VFS_PATH_MAX);
	pos = tmp + UK_VFS_PATH_MAX;
	*--pos = '\0';
	while (vn != uk_vfs_root()) {
		struct uk_vnode *v = vn;

		while (v == v->mnt->root && v->mnt->covered)
			v = v->mnt->covered;
		if (v == uk_vfs_root())
			break;
		if (!v->nlink) {
			rc = -ENOENT;
			goto out;
		}
		rc = name_in(v->parent, v, de);
		if (rc < 0)
			goto out;
		len = strlen(de->name);
		if ((size_t)(pos - tmp) < len + 2) {
			rc = -ENAMETOOLONG;
			goto out;
		}
		pos -= len;
		memcpy(pos, de->name, len);
		*--pos = '/';
		vn = v->parent;
	}
	if (!*pos)
		*--pos = '/';
	len = strlen(pos);
	if (len + 1 > size) {
		rc = -ERANGE;
		goto out;
	}
	memcpy(buf, pos, len + 1);
	rc = (int)len;
out:
	free(tmp);
	return rc;
}

int uk_sys_getcwd(char *buf, size_t size)
{
	if (!buf)
		return -EFAULT;
	if (!size)
		return -EINVAL;
	return dir_path(uk_vfs_cwd(), buf, size);
}

int uk_sys_realpath(const char *path, char *buf, size_t size)
{
	struct vfs_walk w;
	size_t len;
	int rc = vfs_walk(NULL, path, 1, &w);

	if (rc < 0)
		return rc;
	if (!w.vn) {
		rc = -ENOENT;
	} else if (S_ISDIR(w.vn->mode)) {
		rc = dir_path(w.vn, buf, size);
	} else if (w.trailing) {
		rc = -ENOTDIR;
	} else {
		rc = dir_path(w.dir, buf, size);
		if (rc >= 0) {
			len = (size_t)rc;
			if (len > 1)
				buf[len++] = '/';
			if (len + w.namelen + 1 > size) {
				rc = -ENAMETOOLONG;
			} else {
				memcpy(buf + len, w.name, w.namelen + 1);
				rc = (int)(len + w.namelen);
			}
		}
	}
	vfs_walk_done(&w);
	return rc;
}

int uk_sys_mount(const char *source, const char *target, const char *fstype,
		 unsigned long flags, const void *data)
{
	struct uk_fs_type *t;
	struct uk_vnode *covered = NULL, *root;
	struct uk_mount *m;
	int rc;

	if (!target || !fstype)
		return -EFAULT;
	t = uk_vfs_find_fs(fstype);
	if (!t) {
		uk_pr_err("vfs: mount of %s on %s: unknown filesystem type '%s' (enable its library in Kconfig)\n",
			  source ? source : "none", target, fstype);
		return -ENODEV;
	}
	if (root_mnt) {
		rc = uk_vfs_lookup(target, 1, &covered);
		if (rc < 0)
			return rc;
		if (!S_ISDIR(covered->mode)) {
			uk_vnode_put(covered);
			return -ENOTDIR;
		}
		if (covered->covered_by ||
		    (covered == covered->mnt->root && covered->mnt->covered)) {
			uk_vnode_put(covered);
			return -EBUSY;
		}
	} else if (strcmp(target, "/")) {
		return -ENOENT;
	}
	m = calloc(1, sizeof(*m));
	if (!m) {
		uk_vnode_put(covered);
		return -ENOMEM;
	}
	m->type = t;
	m->flags = flags;
	m->dev = next_dev++;
	rc = t->mount(m, source, data, &root);
	if (rc < 0) {
		free(m);
		uk_vnode_put(covered);
		return rc;
	}
	root->parent = root;
	m->root = root;
	m->covered = covered;
	if (covered)
		covered->covered_by = m;
	else
		root_mnt = m;
	m->next = mounts;
	mounts = m;
	return 0;
}

int uk_sys_umount(const char *target)
{
	struct uk_vnode *vn;
	struct uk_mount *m, **pp;
	int rc = uk_vfs_lookup(target, 1, &vn);

	if (rc < 0)
		return rc;
	m = vn->mnt;
	if (vn != m->root || !m->covered) {
		uk_vnode_put(vn);
		return vn == m->root ? -EBUSY : -EINVAL;
	}
	/* our reference and the mount's: anything more is in use */
	if (m->refs > 2 || (cwd && cwd->mnt == m)) {
		uk_vnode_put(vn);
		return -EBUSY;
	}
	uk_vnode_put(vn);
	for (pp = &mounts; *pp != m; pp = &(*pp)->next)
		;
	*pp = m->next;
	m->covered->covered_by = NULL;
	uk_vnode_put(m->covered);
	uk_vnode_put(m->root);
	if (m->type->unmount)
		m->type->unmount(m);
	free(m);
	return 0;
}

/* The root filesystem, early in the LIB class (the initrd comes later). */
static int vfs_init(void)
{
	int rc = uk_sys_mount("none", "/", CONFIG_LIBVFS_ROOTFS, 0, NULL);

	if (rc < 0) {
		uk_pr_err("vfs: no root filesystem (%s): %d\n",
			  CONFIG_LIBVFS_ROOTFS, rc);
		return rc;
	}
	if (uk_vfs_find_fs("devfs")) {
		rc = uk_sys_mkdir("/dev", 0755);
		if (rc == 0)
			rc = uk_sys_mount("none", "/dev", "devfs", 0, NULL);
		if (rc < 0)
			uk_pr_err("vfs: /dev not mounted: %d\n", rc);
	}
	/* P_tmpdir: where tmpfile, tmpnam and mkstemp users make files. */
	rc = uk_sys_mkdir("/tmp", 01777);
	if (rc < 0)
		uk_pr_err("vfs: /tmp not made: %d\n", rc);
	return vfs_init_fds();
}
uk_lib_initcall_prio(vfs_init, 1);
