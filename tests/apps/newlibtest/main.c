/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * newlibtest: newlib as the C library of a unikernel. Each check prints
 * "ok - NAME" or "FAIL - NAME: why"; the summary line counts them. With
 * the argument "exit=N" main returns N when every check passed (the test
 * checks the status reaches the host), and the last output has no newline
 * (it must still appear: exit() flushes stdout). Without
 * CONFIG_APPNEWLIBTEST_FPU the floating-point checks are left out (an image
 * whose kernel code has no SSE, for this machine's software KVM).
 */
#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <fcntl.h>
#include <stdint.h>
#include <uk/vfs.h>

static int checks, failed;

static void check(int ok, const char *name, const char *why)
{
	checks++;
	if (ok) {
		printf("ok - %s\n", name);
	} else {
		failed++;
		printf("FAIL - %s: %s\n", name, why);
	}
}

#define CHECK_STR(got, want, name)                                    \
	do {                                                          \
		const char *g_ = (got), *w_ = (want);                 \
		char why_[160];                                       \
		snprintf(why_, sizeof(why_), "'%s' != '%s'", g_, w_); \
		check(!strcmp(g_, w_), name, why_);                   \
	} while (0)

static void test_printf(void)
{
	char buf[128];
	int n;

	n = snprintf(buf, sizeof(buf), "%lld|%llu|%s|%x", -1234567890123LL,
		     18446744073709551615ULL, "str", 0xbeef);
	CHECK_STR(buf, "-1234567890123|18446744073709551615|str|beef",
		  "snprintf %lld %llu %s %x");
	check(n == (int)strlen(buf), "snprintf return value", "wrong length");
	/* C99 sizes (newlib's --enable-newlib-io-c99-formats). */
	snprintf(buf, sizeof(buf), "%zu|%hhd|%jd|%td", (size_t)123, (char)-5,
		 (intmax_t)-7, (ptrdiff_t)9);
	CHECK_STR(buf, "123|-5|-7|9", "snprintf %zu %hhd %jd %td");
	n = snprintf(buf, 8, "%s", "truncated-string");
	check(n == 16 && !strcmp(buf, "truncat"), "snprintf truncation", buf);
#if CONFIG_APPNEWLIBTEST_FPU
	snprintf(buf, sizeof(buf), "%5.2f|%e|%g", 3.14159, 12345.678, 0.0001);
	CHECK_STR(buf, " 3.14|1.234568e+04|0.0001", "snprintf %f %e %g");
	/* On stdout itself: the test compares this line. */
	printf("printf: %lld %.3f %s\n", 9000000000LL, 2.5, "done");
#else
	printf("printf: %lld %s\n", 9000000000LL, "done");
#endif
}

static void test_scan(void)
{
	int i = 0;
	long l = 0;
	char word[16] = "";
	int n = sscanf("42 -2500 word", "%d %ld %15s", &i, &l, word);

	check(n == 3 && i == 42 && l == -2500 && !strcmp(word, "word"),
	      "sscanf %d %ld %s", "wrong values");
	check(strtol("-0x1f", NULL, 16) == -31, "strtol base 16",
	      "wrong value");
#if CONFIG_APPNEWLIBTEST_FPU
	{
		double d = 0;
		char *end;

		n = sscanf("-2.5e3", "%lf", &d);
		check(n == 1 && d == -2500.0, "sscanf %lf", "wrong value");
		d = strtod("  6.25e-2xyz", &end);
		check(d == 0.0625 && !strcmp(end, "xyz"), "strtod",
		      "wrong value/end");
	}
#endif
}

static void test_malloc(void)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_alloc_stats before, after;
	char *p, *q;

	check(a != NULL, "default ukalloc allocator", "none");
	if (!a)
		return;
	uk_alloc_stats_get(a, &before);
	p = malloc(1000);
	check(p != NULL, "malloc", "NULL");
	if (!p)
		return;
	memset(p, 'x', 1000);
	uk_alloc_stats_get(a, &after);
	check(after.tot_nb_allocs > before.tot_nb_allocs &&
		      after.cur_nb_allocs == before.cur_nb_allocs + 1,
	      "malloc counted by ukalloc", "statistics unchanged");
	q = realloc(p, 100000);
	check(q && q[0] == 'x' && q[999] == 'x', "realloc keeps contents",
	      "lost");
	if (q)
		p = q;
	free(p);
	uk_alloc_stats_get(a, &after);
	check(after.cur_nb_allocs == before.cur_nb_allocs &&
		      after.tot_nb_frees > before.tot_nb_frees,
	      "free counted by ukalloc", "block still live");
	p = calloc(64, 16);
	check(p && !p[0] && !p[1023], "calloc zeroes", "not zero");
	free(p);
	p = memalign(256, 40);
	check(p && !((unsigned long)p & 255), "memalign 256", "misaligned");
	free(p);
	errno = 0;
	/* More than any test heap (1 GiB), not near SIZE_MAX. */
	p = malloc((size_t)1 << 30);
	check(!p && errno == ENOMEM, "malloc too big: NULL, ENOMEM",
	      "no error");
}

static void test_stdio(void)
{
	int rc;

	rc = fputs("fputs: line\n", stdout);
	check(rc >= 0, "fputs", "error");
	rc = fprintf(stdout, "fprintf: %d-%s\n", 7, "seven");
	check(rc == 17, "fprintf return value", "wrong count");
	check(fflush(stdout) == 0, "fflush", "error");
	/* stderr is unbuffered: this appears before anything buffered. */
	fprintf(stderr, "stderr: visible\n");
}

static void test_time(void)
{
	struct timespec t1, t2, res;
	struct tm tm;
	char buf[64];
	time_t now, epoch = 1000000000; /* 2001-09-09 01:46:40 UTC */
	volatile unsigned long spin;

	now = time(NULL);
	check(now > 1500000000, "time() is a date after 2017",
	      "wall clock not set");
	check(clock_gettime(CLOCK_MONOTONIC, &t1) == 0, "clock_gettime",
	      "error");
	for (spin = 0; spin < 2000000; spin++)
		;
	clock_gettime(CLOCK_MONOTONIC, &t2);
	check(t2.tv_sec > t1.tv_sec ||
		      (t2.tv_sec == t1.tv_sec && t2.tv_nsec > t1.tv_nsec),
	      "monotonic clock increases", "did not increase");
	check(clock_getres(CLOCK_REALTIME, &res) == 0, "clock_getres", "error");
	errno = 0;
	check(clock_gettime((clockid_t)99, &t1) == -1 && errno == EINVAL,
	      "clock_gettime unknown clock: EINVAL", "accepted");
	gmtime_r(&epoch, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a", &tm);
	CHECK_STR(buf, "2001-09-09 01:46:40 Sun", "gmtime + strftime");
	check(mktime(&tm) == epoch, "mktime (TZ unset is UTC)", "differs");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	usleep(20000);
	clock_gettime(CLOCK_MONOTONIC, &t2);
	check((t2.tv_sec - t1.tv_sec) * 1000000000LL + t2.tv_nsec -
			      t1.tv_nsec >=
		      20000000LL,
	      "usleep(20 ms) sleeps", "too short");
}

#if CONFIG_APPNEWLIBTEST_FPU
static void test_math(void)
{
	/* volatile: computed at run time by libm, not folded by gcc. */
	volatile double two = 2.0, x = 0.5, big = 10.0;
	char buf[64];

	snprintf(buf, sizeof(buf), "%.6f %.6f %.1f %.1f %.1f", sqrt(two),
		 sin(x), pow(big, 3.0), floor(-2.5), fabs(-big));
	CHECK_STR(buf, "1.414214 0.479426 1000.0 -3.0 10.0", "libm");
	check(isnan(sqrt(-two)), "sqrt(-2) is NaN", "not NaN");
	printf("math: %.4f\n", exp(1.0 * x * two));
}
#endif

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void test_stdlib(void)
{
	int v[] = { 5, -3, 9, 0, 7, 1 };
	char buf[64] = "";
	unsigned int i;

	qsort(v, 6, sizeof(v[0]), cmp_int);
	for (i = 0; i < 6; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%d ",
			 v[i]);
	CHECK_STR(buf, "-3 0 1 5 7 9 ", "qsort");
	errno = 0;
	check(strtoul("99999999999999999999999", NULL, 10) ==
			      (unsigned long)-1 &&
		      errno == ERANGE,
	      "errno ERANGE from strtoul", "not set");
	/* newlib's own wording */
	CHECK_STR(strerror(ENOMEM), "Not enough space", "strerror");
}

/* A file of this test in lib/vfs's fd table: writes go to a buffer. */
static char sink[64];
static size_t sink_len;
static int sink_closed;

static ssize_t sink_write(struct uk_file *f, const void *buf, size_t len,
			  off_t *off)
{
	if (len > sizeof(sink) - sink_len)
		return -ENOSPC;
	memcpy(sink + sink_len, buf, len);
	sink_len += len;
	return len;
}

static void sink_close(struct uk_file *f)
{
	sink_closed = (int)(intptr_t)f->priv;
}

static const struct uk_file_ops sink_ops = {
	.write = sink_write,
	.close = sink_close,
};

static void test_fds(void)
{
	struct uk_file *file;
	int fd = -1, fd2 = -1;
	char c;
	FILE *f;

	file = uk_vfs_file_alloc(&sink_ops, O_WRONLY, NULL);
	if (file)
		fd = uk_vfs_fd_install(file, 10, 0);
	check(fd == 10, "uk_vfs_fd_install", "refused");
	if (file)
		file->priv = (void *)(intptr_t)fd;
	if (file)
		fd2 = uk_vfs_fd_install(file, 10, 0);
	check(fd2 == 11, "a taken fd is not given twice", "given again");
	close(fd2);
	fd2 = file ? uk_vfs_fd_install(file, 0, 0) : -1;
	check(fd2 >= 3, "console fds cannot be taken", "taken");
	close(fd2);
	f = fdopen(fd, "w");
	check(f != NULL, "fdopen on an installed fd", "NULL");
	if (f) {
		fprintf(f, "to fd %d", fd);
		fclose(f);
	}
	sink[sink_len < sizeof(sink) ? sink_len : sizeof(sink) - 1] = 0;
	check(!strcmp(sink, "to fd 10") && sink_closed == 10,
	      "stdio through file ops", sink);
	errno = 0;
	check(read(fd2, &c, 1) == -1 && errno == EBADF, "closed fd: EBADF",
	      "wrong error");
	errno = 0;
	check(write(20, "x", 1) == -1 && errno == EBADF, "unowned fd: EBADF",
	      "wrong error");
	check(isatty(1) == 1, "stdout is a tty", "not a tty");
	check(!uk_vfs_fd_file(fd), "fclose closed the fd", "still there");
}

int main(int argc, char *argv[])
{
	int status = 0, i;

	for (i = 1; i < argc; i++)
		if (!strncmp(argv[i], "exit=", 5))
			status = atoi(argv[i] + 5);
	test_printf();
	test_scan();
	test_malloc();
	test_stdio();
	test_time();
#if CONFIG_APPNEWLIBTEST_FPU
	test_math();
#endif
	test_stdlib();
	test_fds();
	printf("newlibtest: %d checks, %d failed\n", checks, failed);
	/* No newline: only exit()'s flush can make this appear. */
	printf("bye");
	return failed ? 1 : status;
}
