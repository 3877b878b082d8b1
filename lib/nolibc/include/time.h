/* SPDX-License-Identifier: BSD-3-Clause */
/* Time from the platform clocks. */
#ifndef __NOLIBC_TIME_H__
#define __NOLIBC_TIME_H__

#include <stddef.h>
#include <stdint.h>

#include <bits/time_types.h>

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

#define CLOCKS_PER_SEC 1000000L

/* Linux's numbering. */
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

/* Seconds since the epoch, where the platform knows the wall time. */
time_t time(time_t *tloc);
/* Time since boot: a unikernel's whole run is its process's CPU time. */
clock_t clock(void);
int clock_gettime(clockid_t clk_id, struct timespec *tp);

#endif /* __NOLIBC_TIME_H__ */
