/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UNITTESTS_BENCH_H__
#define __UNITTESTS_BENCH_H__

void bench_alloc(void);
void bench_sched(void);
void bench_idle(void);

#endif /* __UNITTESTS_BENCH_H__ */
