/* SPDX-License-Identifier: BSD-3-Clause */
/* getrandom(2) as Linux declares it, served by ukrandom's generator. */
#ifndef __SYS_RANDOM_H__
#define __SYS_RANDOM_H__

#include <stddef.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM 0x0002
#define GRND_INSECURE 0x0004

/* Fill buf with len random bytes: len, or -1 with errno EINVAL for an
 * unknown flag, EFAULT for a NULL buf. Never blocks once booted. */
ssize_t getrandom(void *buf, size_t len, unsigned int flags);

#ifdef __cplusplus
}
#endif

#endif /* __SYS_RANDOM_H__ */
