/* SPDX-License-Identifier: BSD-3-Clause */
/* Between sched.c and tls.c. */
#ifndef __UKSCHED_TLS_H__
#define __UKSCHED_TLS_H__

#include <uk/alloc.h>
#include <uk/sched.h>

/* A TLS area for t (nothing when the image has no __thread variables or
 * the platform no thread pointer). 0, or -1 when memory is short. */
int _uk_tls_alloc(struct uk_alloc *a, struct uk_thread *t);
void _uk_tls_free(struct uk_alloc *a, struct uk_thread *t);
/* Checks the platform, gives the boot thread its area and loads it. */
int _uk_tls_boot(struct uk_alloc *a, struct uk_thread *boot);

#endif /* __UKSCHED_TLS_H__ */
