/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Tests of the TLSF allocator: an instance of its own on 1 MiB taken
 * from the default allocator; unit checks, a randomized stress test
 * (seed=N on the command line, default 1) and addmem.
 */
#include <uk/alloc.h>
#include <uk/alloctlsf.h>
#include <uk/test.h>
#include <uk/test_alloc.h>

UK_TEST_ALLOC_SUITE(alloctlsf, uk_alloctlsf_init, 256);
