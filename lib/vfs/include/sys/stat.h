/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newlib's <sys/stat.h>, plus what its generic targets leave out although
 * lib/vfs provides it: lstat and mknod.
 */
#ifndef __UK_VFS_SYS_STAT_H__
#define __UK_VFS_SYS_STAT_H__

#include_next <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

int lstat(const char *__restrict path, struct stat *__restrict st);
int mknod(const char *path, mode_t mode, dev_t dev);

#ifdef __cplusplus
}
#endif

#endif /* __UK_VFS_SYS_STAT_H__ */
