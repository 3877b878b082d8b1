/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * POSIX unnamed semaphores (lib/pthread); newlib's generic targets have
 * no <semaphore.h>. Named semaphores (sem_open) are not provided.
 */
#ifndef __SEMAPHORE_H__
#define __SEMAPHORE_H__

#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	unsigned int __value;
	void *__waitq[2];
} sem_t;

#define SEM_VALUE_MAX 0x7fffffffU
#define SEM_FAILED ((sem_t *)0)

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *__restrict sem,
		  const struct timespec *__restrict abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *__restrict sem, int *__restrict value);

#ifdef __cplusplus
}
#endif

#endif /* __SEMAPHORE_H__ */
