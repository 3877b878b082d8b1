/* SPDX-License-Identifier: BSD-3-Clause */
/* What the parts of lib/vfs share and nobody else sees. */
#ifndef __VFS_IMPL_H__
#define __VFS_IMPL_H__

#include <uk/vfs.h>

struct vfs_walk {
	struct uk_vnode *dir; /* holds the last name */
	struct uk_vnode *vn; /* what it names; NULL: no such entry */
	char name[UK_VFS_NAME_MAX + 1];
	size_t namelen;
	int trailing; /* the path ended with '/' */
	int links; /* symbolic links followed so far */
};

/* start NULL: the current directory. */
int vfs_walk(struct uk_vnode *start, const char *path, int follow,
	     struct vfs_walk *w);
void vfs_walk_done(struct vfs_walk *w);
struct uk_vnode *uk_vfs_root(void);
struct uk_vnode *uk_vfs_cwd(void);
int vfs_set_cwd(struct uk_vnode *vn);
int vfs_getattr(struct uk_vnode *vn, struct stat *st);
int vfs_truncate(struct uk_vnode *vn, off_t len);
int vfs_create(struct uk_vnode *dir, const char *name, size_t len,
	       mode_t mode, struct uk_vnode **out);
/* fds 0, 1 and 2 on the console. */
int vfs_init_fds(void);

#endif /* __VFS_IMPL_H__ */
