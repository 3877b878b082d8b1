/* SPDX-License-Identifier: BSD-3-Clause */
/* lib/mman: anonymous mappings and their error cases. */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <uk/asm/arch.h>
#include <uk/plat/paging.h>
#include <uk/test.h>

#define PG __PAGE_SIZE

UK_TESTCASE(mman, anon_zeroed_aligned)
{
	unsigned char *p;
	size_t i;
	int dirty = 0;

	p = mmap(NULL, 3 * PG + 5, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	UK_TEST_EXPECT(p != MAP_FAILED);
	UK_TEST_EXPECT_ZERO((uintptr_t)p & (PG - 1));
	for (i = 0; i < 4 * PG; i++)
		dirty |= p[i];
	UK_TEST_EXPECT_ZERO(dirty);
	for (i = 0; i < 4 * PG; i++)
		p[i] = 0xa5;
	/* Partial unmap of the middle, then the rest. */
	UK_TEST_EXPECT_ZERO(munmap(p + PG, PG));
	UK_TEST_EXPECT_SNUM_EQ(p[0], 0xa5);
	UK_TEST_EXPECT_SNUM_EQ(p[2 * PG], 0xa5);
	UK_TEST_EXPECT_SNUM_EQ(mprotect(p + PG, PG, PROT_READ | PROT_WRITE),
			       -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	UK_TEST_EXPECT_ZERO(munmap(p, PG));
	UK_TEST_EXPECT_ZERO(munmap(p + 2 * PG, 2 * PG));
	/* Mapped again, it is zeroed again. */
	p = mmap(NULL, PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	UK_TEST_EXPECT(p != MAP_FAILED);
	UK_TEST_EXPECT_ZERO(p[0] | p[PG - 1]);
	UK_TEST_EXPECT_ZERO(munmap(p, PG));
}

UK_TESTCASE(mman, errors)
{
	void *p;

	errno = 0;
	UK_TEST_EXPECT_PTR_EQ(mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 3, 0),
			      MAP_FAILED);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENODEV);
	UK_TEST_EXPECT_PTR_EQ(mmap((void *)0x100000, PG, PROT_READ,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
				   -1, 0),
			      MAP_FAILED);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_PTR_EQ(mmap(NULL, PG, PROT_READ,
				   MAP_SHARED | MAP_ANONYMOUS, -1, 0),
			      MAP_FAILED);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_PTR_EQ(mmap(NULL, 0, PROT_READ,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
			      MAP_FAILED);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(munmap((void *)0x1001, PG), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(munmap(NULL, 0), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);

	p = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	UK_TEST_EXPECT(p != MAP_FAILED);
	UK_TEST_EXPECT_SNUM_EQ(mprotect(p, PG, PROT_READ), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOTSUP);
	UK_TEST_EXPECT_SNUM_EQ(mprotect(p, PG, 0x80), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_ZERO(mprotect(p, 2 * PG, PROT_READ | PROT_WRITE));
	if (ukplat_page_guard_size() == PG) {
		/* Real protection: a guard page, and back again. */
		UK_TEST_EXPECT_ZERO(mprotect(p, PG, PROT_NONE));
		UK_TEST_EXPECT_ZERO(mprotect(p, PG, PROT_READ | PROT_WRITE));
		((char *)p)[0] = 1;
	} else {
		UK_TEST_EXPECT_SNUM_EQ(mprotect(p, PG, PROT_NONE), -1);
		UK_TEST_EXPECT_SNUM_EQ(errno, ENOTSUP);
	}
	UK_TEST_EXPECT_ZERO(munmap(p, 2 * PG));
}
