/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * getrandom(2) for applications. The generator is seeded before main(),
 * so no flag ever makes it block; GRND_RANDOM is the same pool, as on
 * Linux since 5.6.
 */
#include <errno.h>
#include <sys/random.h>
#include <uk/random.h>

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	if (flags &
	    ~(unsigned int)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) {
		errno = EINVAL;
		return -1;
	}
	if (!buf && len) {
		errno = EFAULT;
		return -1;
	}
	/* Linux's limit for one call. */
	if (len > 0x1ffffff)
		len = 0x1ffffff;
	uk_random_fill(buf, len);
	return (ssize_t)len;
}
