/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __NOLIBC_STDLIB_H__
#define __NOLIBC_STDLIB_H__

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 0x7fffffff
#define MB_CUR_MAX 1

typedef struct {
	int quot;
	int rem;
} div_t;

typedef struct {
	long quot;
	long rem;
} ldiv_t;

typedef struct {
	long long quot;
	long long rem;
} lldiv_t;

long strtol(const char *restrict nptr, char **restrict endptr, int base);
unsigned long strtoul(const char *restrict nptr, char **restrict endptr,
		      int base);
long long strtoll(const char *restrict nptr, char **restrict endptr, int base);
unsigned long long strtoull(const char *restrict nptr, char **restrict endptr,
			    int base);
int atoi(const char *nptr);
long atol(const char *nptr);
long long atoll(const char *nptr);

int abs(int j);
long labs(long j);
long long llabs(long long j);
div_t div(int numer, int denom);
ldiv_t ldiv(long numer, long denom);
lldiv_t lldiv(long long numer, long long denom);

/* A deterministic 31-bit generator; enough for tests, not for secrets. */
int rand(void);
int rand_r(unsigned int *seedp);
void srand(unsigned int seed);

void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *));

/*
 * The environment: "NAME=value" strings, NULL-terminated. A platform that
 * is given one (linuxu: the process's envp) sets environ before the
 * constructors run; elsewhere it stays NULL and getenv() finds nothing.
 * POSIX declares environ in <unistd.h>; nolibc has none, hence here.
 */
extern char **environ;
char *getenv(const char *name);

/* Up to 32 handlers, run in reverse order by exit(). */
int atexit(void (*function)(void));
void exit(int status) __attribute__((noreturn));
void _Exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));

/* On the default allocator of ukalloc (uk_alloc_get_default()). */
void *malloc(size_t size) __attribute__((malloc));
void *calloc(size_t nmemb, size_t size) __attribute__((malloc));
/* realloc(NULL, n) is malloc(n); realloc(ptr, 0) frees ptr, gives NULL. */
void *realloc(void *ptr, size_t size);
void free(void *ptr);
int posix_memalign(void **memptr, size_t alignment, size_t size);
void *aligned_alloc(size_t alignment, size_t size) __attribute__((malloc));
void *memalign(size_t alignment, size_t size) __attribute__((malloc));

#endif /* __NOLIBC_STDLIB_H__ */
