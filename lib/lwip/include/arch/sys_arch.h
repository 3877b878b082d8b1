/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system types on uksched and uklock: a semaphore is a
 * uk_semaphore, a mailbox a ring between two of them, a mutex a uk_mutex.
 */
#ifndef __LWIP_ARCH_SYS_ARCH_H__
#define __LWIP_ARCH_SYS_ARCH_H__

#include <uk/lock.h>
#include <uk/sched.h>

struct uk_lwip_sem {
	struct uk_semaphore s;
	int valid;
};
typedef struct uk_lwip_sem sys_sem_t;

typedef struct {
	struct uk_mutex m;
	int valid;
} sys_mutex_t;

struct uk_lwip_mbox {
	void **msgs;
	unsigned int size, first, count;
	int valid;
	struct uk_lwip_sem used; /* messages to fetch */
	struct uk_lwip_sem free; /* slots to post into */
};
typedef struct uk_lwip_mbox sys_mbox_t;

typedef struct uk_thread *sys_thread_t;
typedef unsigned long sys_prot_t;

#define sys_sem_valid(s) ((s)->valid)
#define sys_sem_set_invalid(s) ((s)->valid = 0)
#define sys_mutex_valid(m) ((m)->valid)
#define sys_mutex_set_invalid(m) ((m)->valid = 0)
#define sys_mbox_valid(b) ((b)->valid)
#define sys_mbox_set_invalid(b) ((b)->valid = 0)

#endif /* __LWIP_ARCH_SYS_ARCH_H__ */
