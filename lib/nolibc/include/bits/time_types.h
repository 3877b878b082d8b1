/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The time types both <time.h> and <sys/types.h> must declare, without
 * either header making all of the other visible.
 */
#ifndef __NOLIBC_BITS_TIME_TYPES_H__
#define __NOLIBC_BITS_TIME_TYPES_H__

#include <stdint.h>

/* 64-bit everywhere, so 32-bit targets have no year-2038 problem. */
typedef int64_t time_t;
typedef long clock_t;
typedef int clockid_t;

#endif /* __NOLIBC_BITS_TIME_TYPES_H__ */
