/* SPDX-License-Identifier: BSD-3-Clause */
/* Inside lib/ukboot: the split cmdline.c calls. */
#ifndef __UKBOOT_BOOTPARAM_H__
#define __UKBOOT_BOOTPARAM_H__

/*
 * Takes leading boot parameters and their "--" off argv (NULL-terminated
 * at argv[argc]); returns the new argc.
 */
int uk_bootparam_split(int argc, char *argv[]);

#endif /* __UKBOOT_BOOTPARAM_H__ */
