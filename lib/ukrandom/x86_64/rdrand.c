/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDSEED and RDRAND (Intel SDM vol. 1, 7.3.17): RDSEED gives conditioned
 * entropy, RDRAND the output of the CPU's own DRBG. Used when CPUID says
 * the CPU has them (leaf 7 EBX bit 18, leaf 1 ECX bit 30); both may
 * report "not ready" (CF=0) for a while, so each word is retried.
 */
#include <errno.h>
#include <string.h>
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/random.h>

#define RETRIES 128

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ __volatile__("cpuid"
			     : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			     : "a"(leaf), "c"(sub));
}

static int rdseed64(uint64_t *v)
{
	unsigned char ok;
	int i;

	for (i = 0; i < RETRIES; i++) {
		__asm__ __volatile__("rdseed %0; setc %1"
				     : "=r"(*v), "=qm"(ok)
				     :
				     : "cc");
		if (ok)
			return 0;
		__asm__ __volatile__("pause");
	}
	return -EAGAIN;
}

static int rdrand64(uint64_t *v)
{
	unsigned char ok;
	int i;

	for (i = 0; i < RETRIES; i++) {
		__asm__ __volatile__("rdrand %0; setc %1"
				     : "=r"(*v), "=qm"(ok)
				     :
				     : "cc");
		if (ok)
			return 0;
	}
	return -EAGAIN;
}

static int (*cpu_word)(uint64_t *v);

static int cpu_read(void *buf, size_t len)
{
	uint8_t *p = buf;
	uint64_t v;
	int rc;

	while (len) {
		size_t n = len < sizeof(v) ? len : sizeof(v);

		rc = cpu_word(&v);
		if (rc)
			return rc;
		memcpy(p, &v, n);
		p += n;
		len -= n;
	}
	v = 0;
	return 0;
}

static struct uk_random_source cpu_source = {
	.rank = UK_RANDOM_RANK_CPU,
	.read = cpu_read,
};

static void rdrand_ctor(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	if (r[0] >= 7) {
		cpuid(7, 0, r);
		if (r[1] & (1u << 18)) {
			cpu_word = rdseed64;
			cpu_source.name = "RDSEED";
			goto found;
		}
	}
	cpuid(1, 0, r);
	if (!(r[2] & (1u << 30)))
		return;
	cpu_word = rdrand64;
	cpu_source.name = "RDRAND";
found:
	uk_random_source_register(&cpu_source);
}
UK_CTOR_PRIO(rdrand_ctor, 2);
