/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of ramfs: big files, big directories, renames, links, readdir. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <uk/test.h>

#define FAILS(call) ((call) == -1 ? errno : 0)

/* 1.5 MiB written in odd-sized pieces, read back and checked. */
UK_TESTCASE(ramfs, big_file)
{
	const size_t total = (3 << 20) / 2, piece = 4093;
	char *buf = malloc(piece);
	size_t done = 0, i;
	int fd, bad = 0;
	struct stat st;

	UK_TEST_EXPECT_NOT_NULL(buf);
	fd = open("/big", O_CREAT | O_RDWR | O_TRUNC, 0600);
	UK_TEST_EXPECT_SNUM_GE(fd, 0);
	while (done < total) {
		size_t n = total - done < piece ? total - done : piece;

		for (i = 0; i < n; i++)
			buf[i] = (char)((done + i) * 7 >> 3);
		if (write(fd, buf, n) != (ssize_t)n)
			break;
		done += n;
	}
	UK_TEST_EXPECT_UNUM_EQ(done, total);
	UK_TEST_EXPECT_ZERO(fstat(fd, &st));
	UK_TEST_EXPECT_SNUM_EQ(st.st_size, (off_t)total);
	UK_TEST_EXPECT_SNUM_EQ(lseek(fd, 0, SEEK_SET), 0);
	done = 0;
	while (done < total) {
		ssize_t n = read(fd, buf, piece);

		if (n <= 0)
			break;
		for (i = 0; i < (size_t)n; i++)
			bad |= buf[i] != (char)((done + i) * 7 >> 3);
		done += (size_t)n;
	}
	UK_TEST_EXPECT_UNUM_EQ(done, total);
	UK_TEST_EXPECT_ZERO(bad);
	UK_TEST_EXPECT_ZERO(read(fd, buf, 1));
	/* a hole past the end reads as zeros */
	UK_TEST_EXPECT_SNUM_EQ(pwrite(fd, "e", 1, total + 100), 1);
	UK_TEST_EXPECT_SNUM_EQ(pread(fd, buf, 2, total + 99), 2);
	UK_TEST_EXPECT(buf[0] == 0 && buf[1] == 'e');
	UK_TEST_EXPECT_ZERO(close(fd));
	UK_TEST_EXPECT_ZERO(truncate("/big", 10));
	UK_TEST_EXPECT_ZERO(stat("/big", &st));
	UK_TEST_EXPECT_SNUM_EQ(st.st_size, 10);
	UK_TEST_EXPECT_ZERO(unlink("/big"));
	free(buf);
}

/* 1,000 files in one directory: made, listed, removed. */
UK_TESTCASE(ramfs, thousand_files)
{
	char name[32];
	static unsigned char seen[1000];
	struct dirent *de;
	int i, fd, n = 0, dots = 0, made = 0, removed = 0;
	DIR *d;

	UK_TEST_EXPECT_ZERO(mkdir("/many", 0755));
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "/many/f%04d", i);
		fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
		if (fd < 0)
			break;
		made += write(fd, name, 4) == 4;
		close(fd);
	}
	UK_TEST_EXPECT_SNUM_EQ(made, 1000);
	d = opendir("/many");
	UK_TEST_EXPECT_NOT_NULL(d);
	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) {
			dots++;
			continue;
		}
		i = atoi(de->d_name + 1);
		if (de->d_name[0] == 'f' && i >= 0 && i < 1000 && !seen[i] &&
		    de->d_type == DT_REG) {
			seen[i] = 1;
			n++;
		}
	}
	if (d)
		closedir(d);
	UK_TEST_EXPECT_SNUM_EQ(n, 1000);
	UK_TEST_EXPECT_SNUM_EQ(dots, 2);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rmdir("/many")), ENOTEMPTY);
	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "/many/f%04d", i);
		removed += unlink(name) == 0;
	}
	UK_TEST_EXPECT_SNUM_EQ(removed, 1000);
	UK_TEST_EXPECT_ZERO(rmdir("/many"));
}

/*
 * Entries found by name and listed in creation order after removals and
 * renames in the middle of a big directory (the name index and the
 * order array must agree).
 */
UK_TESTCASE(ramfs, lookups_after_removals)
{
	char name[32], want[32];
	struct dirent *de;
	struct stat st;
	int i, fd, made = 0, gone = 0, found = 0, listed = 0, order = 1;
	DIR *d;

	UK_TEST_EXPECT_ZERO(mkdir("/idx", 0755));
	for (i = 0; i < 600; i++) {
		snprintf(name, sizeof(name), "/idx/n%d", i);
		fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0600);
		made += fd >= 0;
		if (fd >= 0)
			close(fd);
	}
	UK_TEST_EXPECT_SNUM_EQ(made, 600);
	/* Every third from the end backwards; n1 becomes m1. */
	for (i = 599; i >= 0; i--) {
		if (i % 3)
			continue;
		snprintf(name, sizeof(name), "/idx/n%d", i);
		gone += unlink(name) == 0;
	}
	UK_TEST_EXPECT_SNUM_EQ(gone, 200);
	UK_TEST_EXPECT_ZERO(rename("/idx/n1", "/idx/m1"));
	for (i = 0; i < 600; i++) {
		snprintf(name, sizeof(name), "/idx/n%d", i);
		if (i % 3 && i != 1)
			found += stat(name, &st) == 0;
		else
			found += FAILS(stat(name, &st)) == ENOENT;
	}
	UK_TEST_EXPECT_SNUM_EQ(found, 600);
	UK_TEST_EXPECT_ZERO(stat("/idx/m1", &st));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/idx/n2", O_CREAT | O_EXCL, 0600)),
			       EEXIST);
	/* Listed: n2, n4, n5, n7... in creation order, then m1. */
	d = opendir("/idx");
	UK_TEST_EXPECT_NOT_NULL(d);
	i = 2;
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (i < 600)
			snprintf(want, sizeof(want), "n%d", i);
		else
			strcpy(want, "m1");
		order &= !strcmp(de->d_name, want);
		listed++;
		for (i++; i < 600 && !(i % 3); i++)
			;
	}
	if (d)
		closedir(d);
	UK_TEST_EXPECT_SNUM_EQ(listed, 400);
	UK_TEST_EXPECT_SNUM_EQ(order, 1);
	for (i = 0; i < 600; i++) {
		snprintf(name, sizeof(name), "/idx/n%d", i);
		unlink(name);
	}
	UK_TEST_EXPECT_ZERO(unlink("/idx/m1"));
	UK_TEST_EXPECT_ZERO(rmdir("/idx"));
}

UK_TESTCASE(ramfs, rename_and_link)
{
	struct stat st;
	char buf[8];
	int fd;

	UK_TEST_EXPECT_ZERO(mkdir("/rn", 0755));
	UK_TEST_EXPECT_ZERO(mkdir("/rn/d1", 0755));
	UK_TEST_EXPECT_ZERO(mkdir("/rn/d2", 0755));
	fd = open("/rn/d1/a", O_CREAT | O_WRONLY, 0600);
	UK_TEST_EXPECT_SNUM_EQ(write(fd, "one", 3), 3);
	close(fd);
	UK_TEST_EXPECT_ZERO(link("/rn/d1/a", "/rn/d2/b"));
	UK_TEST_EXPECT_ZERO(stat("/rn/d1/a", &st));
	UK_TEST_EXPECT_SNUM_EQ(st.st_nlink, 2);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(link("/rn/d1", "/rn/dl")), EPERM);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(link("/rn/d1/a", "/rn/d2/b")), EEXIST);
	UK_TEST_EXPECT_ZERO(rename("/rn/d1/a", "/rn/d2/c"));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat("/rn/d1/a", &st)), ENOENT);
	UK_TEST_EXPECT_ZERO(rename("/rn/d2/c", "/rn/d2/b")); /* same file */
	UK_TEST_EXPECT_ZERO(rename("/rn/d1", "/rn/d2/sub"));
	UK_TEST_EXPECT_ZERO(stat("/rn/d2/sub/..", &st));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rename("/rn/d2", "/rn/d2/b")), EINVAL);
	UK_TEST_EXPECT_ZERO(mkdir("/rn/full", 0755));
	UK_TEST_EXPECT_ZERO(close(open("/rn/full/x", O_CREAT, 0600)));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rename("/rn/d2/sub", "/rn/full")),
			       ENOTEMPTY);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rename("/rn/d2/b", "/rn/full")), EISDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rename("/rn/full", "/rn/d2/b")), ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rename("/rn/none", "/rn/x")), ENOENT);
	/* an open file outlives its last name */
	fd = open("/rn/d2/b", O_RDONLY);
	UK_TEST_EXPECT_ZERO(unlink("/rn/d2/b"));
	UK_TEST_EXPECT_ZERO(unlink("/rn/d2/c"));
	UK_TEST_EXPECT_SNUM_EQ(read(fd, buf, sizeof(buf)), 3);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "one", 3));
	UK_TEST_EXPECT_ZERO(close(fd));
	UK_TEST_EXPECT_ZERO(unlink("/rn/full/x"));
	UK_TEST_EXPECT_ZERO(rmdir("/rn/full"));
	UK_TEST_EXPECT_ZERO(rmdir("/rn/d2/sub"));
	UK_TEST_EXPECT_ZERO(rmdir("/rn/d2"));
	UK_TEST_EXPECT_ZERO(rmdir("/rn"));
}
