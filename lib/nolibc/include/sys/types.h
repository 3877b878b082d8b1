/* SPDX-License-Identifier: BSD-3-Clause */
/* POSIX system data types. */
#ifndef __NOLIBC_SYS_TYPES_H__
#define __NOLIBC_SYS_TYPES_H__

#include <stddef.h>
#include <stdint.h>

/* ssize_t is the signed type of size_t's width: ptrdiff_t on every ABI. */
#ifndef __NOLIBC_DEFINED_SSIZE_T
#define __NOLIBC_DEFINED_SSIZE_T
typedef __PTRDIFF_TYPE__ ssize_t;
#endif

#include <bits/time_types.h>

typedef int64_t off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int id_t;
typedef unsigned int mode_t;
typedef uint64_t dev_t;
typedef uint64_t ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef int64_t blkcnt_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;

#endif /* __NOLIBC_SYS_TYPES_H__ */
