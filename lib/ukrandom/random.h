/* SPDX-License-Identifier: BSD-3-Clause */
/* ukrandom's internal sources. */
#ifndef __UKRANDOM_RANDOM_H__
#define __UKRANDOM_RANDOM_H__

#include <uk/random.h>

extern struct uk_random_source ukrandom_jitter_source;

#endif /* __UKRANDOM_RANDOM_H__ */
