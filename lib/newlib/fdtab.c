/* SPDX-License-Identifier: BSD-3-Clause */
/* The table of fd ranges other libraries own (see uk/fdtab.h). */
#include <errno.h>
#include <limits.h>
#include <uk/fdtab.h>

struct fd_range {
	int first;
	int count; /* 0: slot free */
	const struct uk_fdops *ops;
};

static struct fd_range ranges[UK_FD_MAX_RANGES];

int uk_fd_register_range(int first, int count, const struct uk_fdops *ops)
{
	struct fd_range *slot = NULL;
	int i;

	if (first < UK_FD_FIRST_FREE || count < 1 || !ops ||
	    first > INT_MAX - count)
		return -EINVAL;
	for (i = 0; i < UK_FD_MAX_RANGES; i++) {
		struct fd_range *r = &ranges[i];

		if (!r->count) {
			if (!slot)
				slot = r;
			continue;
		}
		if (first < r->first + r->count && r->first < first + count)
			return -EBUSY;
	}
	if (!slot)
		return -ENOSPC;
	slot->first = first;
	slot->ops = ops;
	slot->count = count;
	return 0;
}

int uk_fd_unregister_range(int first)
{
	int i;

	for (i = 0; i < UK_FD_MAX_RANGES; i++) {
		if (ranges[i].count && ranges[i].first == first) {
			ranges[i].count = 0;
			ranges[i].ops = NULL;
			return 0;
		}
	}
	return -ENOENT;
}

const struct uk_fdops *uk_fd_ops(int fd)
{
	int i;

	for (i = 0; i < UK_FD_MAX_RANGES; i++) {
		const struct fd_range *r = &ranges[i];

		if (r->count && fd >= r->first && fd - r->first < r->count)
			return r->ops;
	}
	return NULL;
}
