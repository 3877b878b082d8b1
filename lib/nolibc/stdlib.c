/* SPDX-License-Identifier: BSD-3-Clause */
/* Number parsing, integer helpers, sorting and searching. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static int digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 36;
}

/*
 * The common part of the strto* family: parses an optional sign and the
 * magnitude. The magnitude saturates at the limit for its sign (pos_max
 * or neg_max), then *ovf is set; *neg tells the sign.
 */
static uintmax_t parse_int(const char *nptr, char **endptr, int base,
			   uintmax_t pos_max, uintmax_t neg_max, int *neg,
			   int *ovf)
{
	const char *s = nptr;
	uintmax_t v = 0, max, cutoff;
	unsigned int cutlim;
	int any = 0, d;

	*neg = 0;
	*ovf = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (endptr)
			*endptr = (char *)nptr;
		return 0;
	}

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '-' || *s == '+')
		*neg = *s++ == '-';

	/* "0x" is a prefix only when a hex digit follows it. */
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}

	max = *neg ? neg_max : pos_max;
	cutoff = max / base;
	cutlim = max % base;
	for (; (d = digit_value(*s)) < base; s++) {
		any = 1;
		if (*ovf)
			continue;
		if (v > cutoff || (v == cutoff && (unsigned int)d > cutlim)) {
			*ovf = 1;
			v = max;
		} else {
			v = v * base + d;
		}
	}
	if (endptr)
		*endptr = (char *)(any ? s : nptr);
	if (*ovf)
		errno = ERANGE;
	return v;
}

/* For unsigned results, a '-' negates the value in the unsigned type. */
#define DEFINE_STRTOU(name, type, type_max)                                    \
	type name(const char *restrict nptr, char **restrict endptr, int base) \
	{                                                                      \
		int neg, ovf;                                                  \
		uintmax_t v = parse_int(nptr, endptr, base, type_max,          \
					type_max, &neg, &ovf);                 \
                                                                               \
		if (ovf)                                                       \
			return type_max;                                       \
		return neg ? -(type)v : (type)v;                               \
	}

#define DEFINE_STRTOS(name, type, type_min, type_max)                          \
	type name(const char *restrict nptr, char **restrict endptr, int base) \
	{                                                                      \
		int neg, ovf;                                                  \
		uintmax_t v = parse_int(nptr, endptr, base, type_max,          \
					(uintmax_t)type_max + 1, &neg, &ovf);  \
                                                                               \
		if (ovf)                                                       \
			return neg ? type_min : type_max;                      \
		/* -v computed unsigned: type_min has no positive twin. */     \
		return neg ? (type)(0 - v) : (type)v;                          \
	}

DEFINE_STRTOS(strtol, long, LONG_MIN, LONG_MAX)
DEFINE_STRTOS(strtoll, long long, LLONG_MIN, LLONG_MAX)
DEFINE_STRTOS(strtoimax, intmax_t, INTMAX_MIN, INTMAX_MAX)
DEFINE_STRTOU(strtoul, unsigned long, ULONG_MAX)
DEFINE_STRTOU(strtoull, unsigned long long, ULLONG_MAX)
DEFINE_STRTOU(strtoumax, uintmax_t, UINTMAX_MAX)

int atoi(const char *nptr)
{
	return (int)strtol(nptr, NULL, 10);
}

long atol(const char *nptr)
{
	return strtol(nptr, NULL, 10);
}

long long atoll(const char *nptr)
{
	return strtoll(nptr, NULL, 10);
}

int abs(int j)
{
	return j < 0 ? -j : j;
}

long labs(long j)
{
	return j < 0 ? -j : j;
}

long long llabs(long long j)
{
	return j < 0 ? -j : j;
}

intmax_t imaxabs(intmax_t j)
{
	return j < 0 ? -j : j;
}

div_t div(int numer, int denom)
{
	return (div_t){ .quot = numer / denom, .rem = numer % denom };
}

ldiv_t ldiv(long numer, long denom)
{
	return (ldiv_t){ .quot = numer / denom, .rem = numer % denom };
}

lldiv_t lldiv(long long numer, long long denom)
{
	return (lldiv_t){ .quot = numer / denom, .rem = numer % denom };
}

imaxdiv_t imaxdiv(intmax_t numer, intmax_t denom)
{
	return (imaxdiv_t){ .quot = numer / denom, .rem = numer % denom };
}

/* A 32-bit LCG whose top 31 bits are the result (its low bits are weak). */
static unsigned int rand_next(unsigned int *state)
{
	*state = *state * 1103515245U + 12345U;
	return *state >> 1;
}

static unsigned int rand_state = 1;

int rand_r(unsigned int *seedp)
{
	return (int)(rand_next(seedp) & RAND_MAX);
}

int rand(void)
{
	return rand_r(&rand_state);
}

void srand(unsigned int seed)
{
	rand_state = seed;
}

/* Set by a platform that has an environment (linuxu), before main. */
char **environ;

char *getenv(const char *name)
{
	size_t n = 0;
	char **e;

	/* No name can be empty or contain '=': such a lookup finds nothing. */
	while (name[n]) {
		if (name[n] == '=')
			return NULL;
		n++;
	}
	if (!n || !environ)
		return NULL;
	for (e = environ; *e; e++) {
		size_t i = 0;

		while (i < n && (*e)[i] == name[i])
			i++;
		if (i == n && (*e)[n] == '=')
			return *e + n + 1;
	}
	return NULL;
}

static void swap_bytes(unsigned char *a, unsigned char *b, size_t size)
{
	while (size--) {
		unsigned char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Moves the root element down until both children are no larger. */
static void sift_down(unsigned char *base, size_t root, size_t n, size_t size,
		      int (*compar)(const void *, const void *))
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		if (child + 1 < n &&
		    compar(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (compar(base + root * size, base + child * size) >= 0)
			return;
		swap_bytes(base + root * size, base + child * size, size);
		root = child;
	}
}

/*
 * Heapsort: O(n log n) in every case, no recursion and no extra memory,
 * which matter more on small kernel stacks than quicksort's average speed.
 */
void qsort(void *base, size_t nmemb, size_t size,
	   int (*compar)(const void *, const void *))
{
	unsigned char *b = base;
	size_t i;

	if (nmemb < 2 || !size)
		return;
	for (i = nmemb / 2; i-- > 0;)
		sift_down(b, i, nmemb, size, compar);
	for (i = nmemb - 1; i > 0; i--) {
		swap_bytes(b, b + i * size, size);
		sift_down(b, 0, i, size, compar);
	}
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	      int (*compar)(const void *, const void *))
{
	const unsigned char *b = base;
	size_t lo = 0, hi = nmemb;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const void *p = b + mid * size;
		int c = compar(key, p);

		if (c == 0)
			return (void *)p;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
