/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Boot parameters: words of the command line meant for libraries, not
 * for the application. They come first and end with a word "--":
 *
 *   vfs.mount=ramfs::/tmp vfs.mount=ramfs::/var -- app arguments...
 *
 * Each is LIB.NAME=VALUE (LIB and NAME of [a-z0-9_]). Only when every
 * word before the first "--" has that form are they taken off; otherwise
 * the whole line is the application's, "--" included, so that argv[1..]
 * stays what the user passed on every line without parameters.
 */
#ifndef __UK_BOOTPARAM_H__
#define __UK_BOOTPARAM_H__

/*
 * The value of the next parameter named key ("vfs.mount") after *pos
 * (start with *pos = 0), or NULL when there are no more.
 */
const char *uk_bootparam_next(const char *key, int *pos);

#endif /* __UK_BOOTPARAM_H__ */
