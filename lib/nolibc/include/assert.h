/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * assert(). Not guarded against double inclusion on purpose: C wants the
 * macro redefined each time so that NDEBUG can change between inclusions.
 */
#undef assert

#ifdef NDEBUG
#define assert(x) ((void)0)
#else
#define assert(x) \
	((x) ? (void)0 : __assert_fail(#x, __FILE__, __LINE__, __func__))
#endif

#ifndef __NOLIBC_ASSERT_H__
#define __NOLIBC_ASSERT_H__

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif

/* Prints the failed expression and where it is, then abort()s. */
void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *func) __attribute__((noreturn));

#endif /* __NOLIBC_ASSERT_H__ */
