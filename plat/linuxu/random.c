/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The host kernel's getrandom(2) as ukrandom's entropy source: the best
 * a Linux process has. Registered by a constructor, before any init
 * function may ask for random bytes.
 */
#include <errno.h>
#include <uk/init.h>
#include <uk/random.h>
#include <linuxu/syscall.h>

static int host_read(void *buf, size_t len)
{
	unsigned char *p = buf;
	long r;

	while (len) {
		r = linuxu_getrandom(p, len, 0);
		if (r == -EINTR)
			continue;
		if (r <= 0)
			return r < 0 ? (int)r : -EIO;
		p += r;
		len -= (size_t)r;
	}
	return 0;
}

static struct uk_random_source host_source = {
	.name = "host getrandom()",
	.rank = UK_RANDOM_RANK_HOST,
	.read = host_read,
};

static void linuxu_random_register(void)
{
	uk_random_source_register(&host_source);
}
UK_CTOR_PRIO(linuxu_random_register, 2);
