/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Directory streams (lib/vfs): newlib's generic targets ship a <dirent.h>
 * that stops with #error; this one comes first in the include path.
 */
#ifndef __UK_VFS_DIRENT_H__
#define __UK_VFS_DIRENT_H__

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned char d_type;
	char d_name[256];
};

typedef struct __uk_dir DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *d);
int closedir(DIR *d);
void rewinddir(DIR *d);
int dirfd(DIR *d);

#ifdef __cplusplus
}
#endif

#endif /* __UK_VFS_DIRENT_H__ */
