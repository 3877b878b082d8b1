/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ramfs: files, directories and symbolic links in memory. A file's bytes
 * are blocks of BLK bytes (a block never written is a hole of zeros), so
 * a big file needs no big contiguous allocation; the first block grows
 * from a few bytes, so that small files stay small; a directory is an array
 * of entries in creation order (readdir's order; "." and ".." first) plus
 * a hash table of the same entries by name, so that a lookup does not
 * grow with the size of the folder.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <dirent.h>
#include <uk/vfs.h>
#include <uk/init.h>

struct ramfs_ent {
	struct ramfs_ent *hnext; /* next in its hash bucket */
	struct ramfs_node *node;
	uint32_t hash;
	char name[];
};

/* Less than a page, so that an allocator's header fits beside it. */
#define BLK 4032

struct ramfs_node {
	struct uk_vnode vn;
	char *data; /* link target */
	size_t cap;
	char **blocks; /* file bytes */
	size_t nblocks;
	size_t cap0; /* bytes allocated for blocks[0] (<= BLK) */
	struct ramfs_ent **ents; /* in creation order */
	size_t nents, capents;
	struct ramfs_ent **buckets; /* nbuckets: 0 or a power of two */
	size_t nbuckets;
};

struct ramfs_mount {
	uint64_t next_ino;
};

#define NODE(v) ((struct ramfs_node *)(v))

static const struct uk_vnode_ops ramfs_ops;

static void node_free(struct ramfs_node *n)
{
	size_t i;

	for (i = 0; i < n->nents; i++)
		free(n->ents[i]);
	for (i = 0; i < n->nblocks; i++)
		free(n->blocks[i]);
	free(n->blocks);
	free(n->ents);
	free(n->buckets);
	free(n->data);
	free(n);
}

/* FNV-1a: names are short and need no protection from collisions. */
static uint32_t name_hash(const char *name, size_t len)
{
	uint32_t h = 2166136261u;

	while (len--)
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h;
}

static struct ramfs_ent *find(struct ramfs_node *dir, const char *name,
			      size_t len)
{
	uint32_t h = name_hash(name, len);
	struct ramfs_ent *e;

	if (!dir->nbuckets)
		return NULL;
	for (e = dir->buckets[h & (dir->nbuckets - 1)]; e; e = e->hnext)
		if (e->hash == h && !strncmp(e->name, name, len) &&
		    !e->name[len])
			return e;
	return NULL;
}

/* The index rebuilt with nbuckets (add_ent doubles it at one entry each). */
static int rehash(struct ramfs_node *dir, size_t nbuckets)
{
	struct ramfs_ent **b = calloc(nbuckets, sizeof(*b));
	size_t i;

	if (!b)
		return -ENOMEM;
	for (i = 0; i < dir->nents; i++) {
		struct ramfs_ent *e = dir->ents[i];
		struct ramfs_ent **head = &b[e->hash & (nbuckets - 1)];

		e->hnext = *head;
		*head = e;
	}
	free(dir->buckets);
	dir->buckets = b;
	dir->nbuckets = nbuckets;
	return 0;
}

static int ramfs_lookup(struct uk_vnode *dir, const char *name, size_t len,
			struct uk_vnode **out)
{
	struct ramfs_ent *e = find(NODE(dir), name, len);

	if (!e)
		return -ENOENT;
	*out = uk_vnode_get(&e->node->vn);
	return 0;
}

static int add_ent(struct ramfs_node *dir, const char *name, size_t len,
		   struct ramfs_node *n)
{
	struct ramfs_ent *e, **head;

	if (dir->nents == dir->capents) {
		size_t cap = dir->capents ? dir->capents * 2 : 8;
		struct ramfs_ent **t = realloc(dir->ents, cap * sizeof(*t));

		if (!t)
			return -ENOMEM;
		dir->ents = t;
		dir->capents = cap;
	}
	if (dir->nents >= dir->nbuckets &&
	    rehash(dir, dir->nbuckets ? dir->nbuckets * 2 : 8) < 0)
		return -ENOMEM;
	e = malloc(sizeof(*e) + len + 1);
	if (!e)
		return -ENOMEM;
	memcpy(e->name, name, len);
	e->name[len] = '\0';
	e->node = n;
	e->hash = name_hash(name, len);
	head = &dir->buckets[e->hash & (dir->nbuckets - 1)];
	e->hnext = *head;
	*head = e;
	dir->ents[dir->nents++] = e;
	return 0;
}

static void del_ent(struct ramfs_node *dir, struct ramfs_ent *e)
{
	struct ramfs_ent **p = &dir->buckets[e->hash & (dir->nbuckets - 1)];
	size_t i;

	while (*p != e)
		p = &(*p)->hnext;
	*p = e->hnext;
	/* The order array stays dense: readdir's positions are indices. */
	for (i = 0; dir->ents[i] != e; i++)
		;
	memmove(&dir->ents[i], &dir->ents[i + 1],
		(dir->nents - i - 1) * sizeof(*dir->ents));
	dir->nents--;
	free(e);
}

static struct ramfs_node *node_new(struct uk_mount *m, mode_t mode)
{
	struct ramfs_mount *rm = m->priv;
	struct ramfs_node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	uk_vnode_init(&n->vn, m, &ramfs_ops, mode, rm->next_ino++);
	return n;
}

static int make(struct uk_vnode *dir, const char *name, size_t len,
		mode_t mode, struct ramfs_node **out)
{
	struct ramfs_node *n;
	int rc;

	if (find(NODE(dir), name, len))
		return -EEXIST;
	n = node_new(dir->mnt, mode);
	if (!n)
		return -ENOMEM;
	rc = add_ent(NODE(dir), name, len, n);
	if (rc < 0) {
		n->vn.nlink = 0;
		uk_vnode_put(&n->vn);
		return rc;
	}
	if (S_ISDIR(mode)) {
		n->vn.nlink = 2;
		n->vn.parent = dir;
		dir->nlink++;
	}
	*out = n;
	return 0;
}

static int ramfs_create(struct uk_vnode *dir, const char *name, size_t len,
			mode_t mode, struct uk_vnode **out)
{
	struct ramfs_node *n;
	int rc;

	switch (mode & S_IFMT) {
	case S_IFREG:
	case S_IFDIR:
		break;
	default:
		return -EPERM;
	}
	rc = make(dir, name, len, mode, &n);
	if (rc == 0)
		*out = &n->vn;
	return rc;
}

static int ramfs_symlink(struct uk_vnode *dir, const char *name, size_t len,
			 const char *target)
{
	size_t tlen = strlen(target);
	char *t = malloc(tlen + 1);
	struct ramfs_node *n;
	int rc;

	if (!t)
		return -ENOMEM;
	memcpy(t, target, tlen + 1);
	rc = make(dir, name, len, S_IFLNK | 0777, &n);
	if (rc < 0) {
		free(t);
		return rc;
	}
	n->data = t;
	n->cap = tlen + 1;
	n->vn.size = (off_t)tlen;
	uk_vnode_put(&n->vn);
	return 0;
}

static int ramfs_link(struct uk_vnode *dir, const char *name, size_t len,
		      struct uk_vnode *vn)
{
	int rc;

	if (find(NODE(dir), name, len))
		return -EEXIST;
	rc = add_ent(NODE(dir), name, len, NODE(vn));
	if (rc == 0)
		vn->nlink++;
	return rc;
}

/* The entry is gone: one link less; the node goes with its last user. */
static void unlinked(struct uk_vnode *dir, struct ramfs_node *n)
{
	if (S_ISDIR(n->vn.mode)) {
		n->vn.nlink = 0;
		dir->nlink--;
	} else {
		n->vn.nlink--;
	}
	if (!n->vn.nlink && !n->vn.refs)
		node_free(n);
}

static int ramfs_remove(struct uk_vnode *dir, const char *name, size_t len,
			int isdir)
{
	struct ramfs_ent *e = find(NODE(dir), name, len);
	struct ramfs_node *n;

	if (!e)
		return -ENOENT;
	n = e->node;
	if (isdir && n->nents)
		return -ENOTEMPTY;
	del_ent(NODE(dir), e);
	unlinked(dir, n);
	return 0;
}

static int ramfs_rename(struct uk_vnode *odir, const char *oname, size_t olen,
			struct uk_vnode *ndir, const char *nname, size_t nlen)
{
	struct ramfs_ent *oe = find(NODE(odir), oname, olen), *ne;
	struct ramfs_node *n, *victim = NULL;
	int rc;

	if (!oe)
		return -ENOENT;
	n = oe->node;
	ne = find(NODE(ndir), nname, nlen);
	if (ne) {
		victim = ne->node;
		if (S_ISDIR(victim->vn.mode) && victim->nents)
			return -ENOTEMPTY;
		ne->node = n;
	} else {
		rc = add_ent(NODE(ndir), nname, nlen, n);
		if (rc < 0)
			return rc;
	}
	del_ent(NODE(odir), oe);
	if (S_ISDIR(n->vn.mode) && odir != ndir) {
		odir->nlink--;
		ndir->nlink++;
		n->vn.parent = ndir;
	}
	if (victim)
		unlinked(ndir, victim);
	return 0;
}

static unsigned char dtype(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG:
		return DT_REG;
	case S_IFDIR:
		return DT_DIR;
	case S_IFLNK:
		return DT_LNK;
	case S_IFIFO:
		return DT_FIFO;
	case S_IFCHR:
		return DT_CHR;
	default:
		return DT_UNKNOWN;
	}
}

static int ramfs_readdir(struct uk_vnode *dir, uint64_t pos,
			 struct uk_vfs_dirent *de)
{
	struct ramfs_node *d = NODE(dir);
	const struct ramfs_ent *e;

	if (pos < 2) {
		de->ino = pos ? dir->parent->ino : dir->ino;
		de->type = DT_DIR;
		strcpy(de->name, pos ? ".." : ".");
		return 1;
	}
	if (pos - 2 >= d->nents)
		return 0;
	e = d->ents[pos - 2];
	de->ino = e->node->vn.ino;
	de->type = dtype(e->node->vn.mode);
	strncpy(de->name, e->name, UK_VFS_NAME_MAX);
	de->name[UK_VFS_NAME_MAX] = '\0';
	return 1;
}

static ssize_t ramfs_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	size_t n = (size_t)vn->size < len ? (size_t)vn->size : len;

	memcpy(buf, NODE(vn)->data, n);
	return (ssize_t)n;
}

static ssize_t ramfs_read(struct uk_vnode *vn, void *buf, size_t len,
			  off_t off)
{
	struct ramfs_node *n = NODE(vn);
	size_t done = 0, total, b, o, part;

	if (off >= vn->size)
		return 0;
	total = (size_t)(vn->size - off);
	if (total > len)
		total = len;
	while (done < total) {
		b = (size_t)(off + done) / BLK;
		o = (size_t)(off + done) % BLK;
		part = BLK - o;
		if (part > total - done)
			part = total - done;
		if (b < n->nblocks && n->blocks[b]) {
			size_t have = b ? BLK : n->cap0;
			size_t in = o < have ? have - o : 0;

			if (in > part)
				in = part;
			memcpy((char *)buf + done, n->blocks[b] + o, in);
			memset((char *)buf + done + in, 0, part - in);
		} else {
			memset((char *)buf + done, 0, part);
		}
		done += part;
	}
	return (ssize_t)done;
}

/* Room in the block table for size bytes. */
static int grow(struct ramfs_node *n, size_t size)
{
	size_t need = (size + BLK - 1) / BLK, cap;
	char **t;

	if (need <= n->nblocks)
		return 0;
	cap = n->nblocks ? n->nblocks : 8;
	while (cap < need)
		cap *= 2;
	t = realloc(n->blocks, cap * sizeof(*t));
	if (!t)
		return -ENOSPC;
	memset(t + n->nblocks, 0, (cap - n->nblocks) * sizeof(*t));
	n->blocks = t;
	n->nblocks = cap;
	return 0;
}

/* blocks[0] with room for need bytes (doubling, at most BLK). */
static int first_block(struct ramfs_node *n, size_t need)
{
	size_t cap = n->cap0 ? n->cap0 : 32;
	char *d;

	while (cap < need)
		cap *= 2;
	if (cap > BLK)
		cap = BLK;
	d = realloc(n->blocks[0], cap);
	if (!d)
		return -ENOSPC;
	memset(d + n->cap0, 0, cap - n->cap0);
	n->blocks[0] = d;
	n->cap0 = cap;
	return 0;
}

static ssize_t ramfs_write(struct uk_vnode *vn, const void *buf, size_t len,
			   off_t off)
{
	struct ramfs_node *n = NODE(vn);
	size_t done = 0, b, o, part;
	int rc;

	if (!len)
		return 0;
	if ((size_t)off > (size_t)SSIZE_MAX - len)
		return -EFBIG;
	rc = grow(n, (size_t)off + len);
	if (rc < 0)
		return rc;
	while (done < len) {
		b = ((size_t)off + done) / BLK;
		o = ((size_t)off + done) % BLK;
		part = BLK - o;
		if (part > len - done)
			part = len - done;
		if (b == 0 && n->cap0 < o + part) {
			if (first_block(n, o + part) < 0)
				break;
		} else if (!n->blocks[b]) {
			n->blocks[b] = calloc(1, BLK);
			if (!n->blocks[b])
				break;
		}
		memcpy(n->blocks[b] + o, (const char *)buf + done, part);
		done += part;
	}
	if (!done)
		return -ENOSPC;
	if (off + (off_t)done > vn->size)
		vn->size = off + (off_t)done;
	return (ssize_t)done;
}

static int ramfs_truncate(struct uk_vnode *vn, off_t len)
{
	struct ramfs_node *n = NODE(vn);
	size_t keep = ((size_t)len + BLK - 1) / BLK, b;
	int rc = grow(n, (size_t)len);

	if (rc < 0)
		return rc;
	for (b = keep; b < n->nblocks; b++) {
		free(n->blocks[b]);
		n->blocks[b] = NULL;
	}
	if (!keep)
		n->cap0 = 0;
	/* the tail of the last kept block reads as zeros again */
	if (keep && n->blocks[keep - 1] && len % BLK) {
		size_t have = keep == 1 ? n->cap0 : BLK;
		size_t from = (size_t)len % BLK;

		if (from < have)
			memset(n->blocks[keep - 1] + from, 0, have - from);
	}
	vn->size = len;
	return 0;
}

static void ramfs_release(struct uk_vnode *vn)
{
	if (!vn->nlink)
		node_free(NODE(vn));
}

static const struct uk_vnode_ops ramfs_ops = {
	.lookup = ramfs_lookup,
	.create = ramfs_create,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
	.remove = ramfs_remove,
	.rename = ramfs_rename,
	.readdir = ramfs_readdir,
	.readlink = ramfs_readlink,
	.read = ramfs_read,
	.write = ramfs_write,
	.truncate = ramfs_truncate,
	.release = ramfs_release,
};

static int ramfs_mount(struct uk_mount *m, const char *source __unused,
		       const void *data __unused, struct uk_vnode **root)
{
	struct ramfs_mount *rm = calloc(1, sizeof(*rm));
	struct ramfs_node *n;

	if (!rm)
		return -ENOMEM;
	rm->next_ino = 1;
	m->priv = rm;
	n = node_new(m, S_IFDIR | 0755);
	if (!n) {
		free(rm);
		return -ENOMEM;
	}
	n->vn.nlink = 2;
	*root = &n->vn;
	return 0;
}

/* Frees a tree nobody uses any more. */
static void free_tree(struct ramfs_node *n)
{
	size_t i;

	for (i = 0; i < n->nents; i++) {
		struct ramfs_node *c = n->ents[i]->node;

		if (S_ISDIR(c->vn.mode))
			free_tree(c);
		else if (--c->vn.nlink == 0)
			node_free(c);
	}
	node_free(n);
}

static int ramfs_unmount(struct uk_mount *m)
{
	/* the root's last reference went: its release did not free it */
	free_tree(NODE(m->root));
	free(m->priv);
	return 0;
}

static struct uk_fs_type ramfs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.unmount = ramfs_unmount,
};

static void ramfs_register(void)
{
	uk_vfs_register_fs(&ramfs_type);
}
UK_CTOR(ramfs_register);
