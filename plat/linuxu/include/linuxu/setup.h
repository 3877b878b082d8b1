/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __LINUXU_SETUP_H__
#define __LINUXU_SETUP_H__

#include <linuxu/syscall.h>

void linuxu_memory_init(void);
void linuxu_time_init(void);

#endif /* __LINUXU_SETUP_H__ */
