/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfsbench: plain POSIX file calls timed with CLOCK_MONOTONIC, built both
 * as a unikernel (newlib over lib/vfs: ramfs, 9p, hostfs) and natively
 * (glibc), for bench/vfs.sh. In the folder DIR it
 *  - writes a file of MIB MiB in blocks of BLOCK_KIB KiB (open, write,
 *    close), then reads it back (open, read, close), checking each
 *    block's stamp: PASSES times each, median printed;
 *  - creates FILES files in a fresh subfolder (open O_CREAT|O_EXCL,
 *    write 100 bytes, close), stats each (size checked), unlinks each:
 *    rates of the three phases, PASSES times, median printed.
 * Output, one figure a line: "vfsbench: NAME VALUE" (see main). Status:
 * 0 when every call did what it should, 1 otherwise (the line
 * "vfsbench: error: ..." says which), 2 on bad arguments.
 *
 * usage: vfsbench DIR [MIB [BLOCK_KIB [FILES [PASSES]]]]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SMALL 100
#define MAX_PASSES 15

static char path[512];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int fail(const char *what, const char *p)
{
	printf("vfsbench: error: %s %s: %s\n", what, p, strerror(errno));
	return -1;
}

static double median(double *v, int n)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && v[j - 1] > v[j]; j--) {
			double t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Write and read back DIR/vfsbench.dat: MiB/s of each in *w and *r. */
static int seq(const char *dir, long mib, long bkib, double *w, double *r)
{
	size_t bs = (size_t)bkib * 1024;
	long nblk = mib * 1024 / bkib, i;
	char *buf = malloc(bs);
	double t0;
	ssize_t n;
	int fd, rc = -1;

	if (!buf) {
		printf("vfsbench: error: no memory for a %ld KiB buffer\n",
		       bkib);
		return -1;
	}
	memset(buf, 0x5a, bs);
	snprintf(path, sizeof(path), "%s/vfsbench.dat", dir);

	t0 = now();
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		fail("open", path);
		goto out;
	}
	for (i = 0; i < nblk; i++) {
		/* Each block carries its number: the read checks it. */
		memcpy(buf, &i, sizeof(i));
		n = write(fd, buf, bs);
		if (n != (ssize_t)bs) {
			if (n >= 0)
				errno = EIO;
			fail("write", path);
			close(fd);
			goto out;
		}
	}
	if (close(fd) < 0) {
		fail("close", path);
		goto out;
	}
	*w = mib / (now() - t0);

	t0 = now();
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		fail("open", path);
		goto out;
	}
	for (i = 0; i < nblk; i++) {
		size_t got = 0;
		long stamp;

		while (got < bs) {
			n = read(fd, buf + got, bs - got);
			if (n <= 0) {
				if (n == 0)
					errno = EIO;
				fail("read", path);
				close(fd);
				goto out;
			}
			got += (size_t)n;
		}
		memcpy(&stamp, buf, sizeof(stamp));
		if (stamp != i || buf[bs - 1] != 0x5a) {
			printf("vfsbench: error: %s: block %ld reads back as "
			       "block %ld\n", path, i, stamp);
			close(fd);
			goto out;
		}
	}
	n = read(fd, buf, 1);
	close(fd);
	if (n != 0) {
		printf("vfsbench: error: %s: longer than written\n", path);
		goto out;
	}
	*r = mib / (now() - t0);
	rc = unlink(path) < 0 ? fail("unlink", path) : 0;
out:
	free(buf);
	return rc;
}

static void name(const char *sub, long i)
{
	snprintf(path, sizeof(path), "%s/f%07ld", sub, i);
}

/* Create, stat and unlink FILES small files in SUB: rates in c, s, u. */
static int files(const char *sub, long nfiles, double *c, double *s,
		 double *u)
{
	static const char small[SMALL] = "vfsbench small file";
	struct stat st;
	double t0;
	long i;
	int fd;

	if (mkdir(sub, 0755) < 0)
		return fail("mkdir", sub);
	t0 = now();
	for (i = 0; i < nfiles; i++) {
		name(sub, i);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd < 0)
			return fail("open", path);
		if (write(fd, small, SMALL) != SMALL) {
			close(fd);
			return fail("write", path);
		}
		if (close(fd) < 0)
			return fail("close", path);
	}
	*c = nfiles / (now() - t0);

	t0 = now();
	for (i = 0; i < nfiles; i++) {
		name(sub, i);
		if (stat(path, &st) < 0)
			return fail("stat", path);
		if (st.st_size != SMALL || !S_ISREG(st.st_mode)) {
			printf("vfsbench: error: %s: size %ld, expected %d\n",
			       path, (long)st.st_size, SMALL);
			return -1;
		}
	}
	*s = nfiles / (now() - t0);

	t0 = now();
	for (i = 0; i < nfiles; i++) {
		name(sub, i);
		if (unlink(path) < 0)
			return fail("unlink", path);
	}
	*u = nfiles / (now() - t0);
	return rmdir(sub) < 0 ? fail("rmdir", sub) : 0;
}

static long arg(int argc, char *argv[], int i, long def, long max)
{
	long v = argc > i ? atol(argv[i]) : def;

	return v > 0 && v <= max ? v : -1;
}

int main(int argc, char *argv[])
{
	double w[MAX_PASSES], r[MAX_PASSES], c[MAX_PASSES], s[MAX_PASSES];
	double u[MAX_PASSES];
	long mib = arg(argc, argv, 2, 16, 4096);
	long bkib = arg(argc, argv, 3, 64, 16384);
	long nfiles = arg(argc, argv, 4, 1000, 1000000);
	long passes = arg(argc, argv, 5, 3, MAX_PASSES);
	char sub[448];
	int p;

	if (argc < 2 || mib < 0 || bkib < 0 || nfiles < 0 || passes < 0 ||
	    (mib * 1024) % bkib || strlen(argv[1]) > 400) {
		printf("usage: vfsbench DIR [MIB [BLOCK_KIB [FILES "
		       "[PASSES]]]]\n"
		       "  DIR: a writable folder (at most 400 bytes); MIB "
		       "a multiple of BLOCK_KIB KiB;\n  PASSES 1..%d\n",
		       MAX_PASSES);
		return 2;
	}
	if (mkdir(argv[1], 0755) < 0 && errno != EEXIST)
		return fail("mkdir", argv[1]), 1;
	snprintf(sub, sizeof(sub), "%s/vfsbench.files", argv[1]);
	printf("vfsbench: dir %s mib %ld block_kib %ld files %ld passes %ld\n",
	       argv[1], mib, bkib, nfiles, passes);
	for (p = 0; p < passes; p++)
		if (seq(argv[1], mib, bkib, &w[p], &r[p]) < 0)
			return 1;
	for (p = 0; p < passes; p++)
		if (files(sub, nfiles, &c[p], &s[p], &u[p]) < 0)
			return 1;
	printf("vfsbench: seq_write_mib_per_s %.1f\n", median(w, passes));
	printf("vfsbench: seq_read_mib_per_s %.1f\n", median(r, passes));
	printf("vfsbench: creates_per_s %.0f\n", median(c, passes));
	printf("vfsbench: stats_per_s %.0f\n", median(s, passes));
	printf("vfsbench: unlinks_per_s %.0f\n", median(u, passes));
	return 0;
}
