/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of lib/vfs through the POSIX calls newlib's programs use. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <uk/vfs.h>
#include <uk/test.h>

/* newlib declares these only for _GNU_SOURCE (lib/vfs/posix.c). */
int dup3(int fd, int newfd, int flags);
int pipe2(int fds[2], int flags);

/* The errno of a call that must fail with -1. */
#define FAILS(call) ((call) == -1 ? errno : 0)

UK_TESTCASE(vfs, bad_fds)
{
	char c;
	struct stat st;

	UK_TEST_EXPECT_SNUM_EQ(FAILS(read(-1, &c, 1)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(write(UK_VFS_MAX_FDS, &c, 1)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(close(1000000)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(fstat(UK_VFS_MAX_FDS - 1, &st)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(dup2(1, -1)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(fcntl(-5, F_GETFL)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(lseek(99999, 0, SEEK_SET)), EBADF);
}

UK_TESTCASE(vfs, console_fds)
{
	struct stat st;

	UK_TEST_EXPECT_ZERO(fstat(1, &st));
	UK_TEST_EXPECT(S_ISCHR(st.st_mode));
	UK_TEST_EXPECT_SNUM_EQ(isatty(2), 1);
	UK_TEST_EXPECT_SNUM_EQ(write(1, "", 0), 0);
}

UK_TESTCASE(vfs, paths)
{
	char buf[64];
	char longname[UK_VFS_NAME_MAX + 2];
	static char longpath[UK_VFS_PATH_MAX + 8];
	struct stat st;

	UK_TEST_EXPECT_ZERO(mkdir("/pt", 0755));
	UK_TEST_EXPECT_ZERO(mkdir("/pt/a", 0755));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(mkdir("/pt/a", 0755)), EEXIST);
	UK_TEST_EXPECT_ZERO(stat("/pt/./a/../a/.", &st));
	UK_TEST_EXPECT(S_ISDIR(st.st_mode));
	UK_TEST_EXPECT_ZERO(stat("/..", &st));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat("/pt/nothere", &st)), ENOENT);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat("", &st)), ENOENT);
	UK_TEST_EXPECT_ZERO(chdir("/pt/a"));
	UK_TEST_EXPECT_NOT_NULL(getcwd(buf, sizeof(buf)));
	UK_TEST_EXPECT_STR_EQ(buf, "/pt/a");
	UK_TEST_EXPECT_NULL(getcwd(buf, 3));
	UK_TEST_EXPECT_SNUM_EQ(errno, ERANGE);
	UK_TEST_EXPECT_ZERO(chdir(".."));
	UK_TEST_EXPECT_NOT_NULL(getcwd(buf, sizeof(buf)));
	UK_TEST_EXPECT_STR_EQ(buf, "/pt");
	UK_TEST_EXPECT_ZERO(chdir("/"));
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	UK_TEST_EXPECT_SNUM_EQ(FAILS(mkdir(longname, 0755)), ENAMETOOLONG);
	memset(longpath, '/', sizeof(longpath) - 1);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat(longpath, &st)), ENAMETOOLONG);
	UK_TEST_EXPECT_ZERO(close(open("/pt/f", O_CREAT | O_WRONLY, 0644)));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat("/pt/f/x", &st)), ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(mkdir("/pt/f/x", 0755)), ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(chdir("/pt/f")), ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/pt/a", O_WRONLY)), EISDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(unlink("/pt/a")), EISDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rmdir("/pt/f")), ENOTDIR);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rmdir("/pt")), ENOTEMPTY);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rmdir("/pt/a/.")), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(rename("/pt", "/pt/a/in")), EINVAL);
	UK_TEST_EXPECT_ZERO(unlink("/pt/f"));
	UK_TEST_EXPECT_ZERO(rmdir("/pt/a"));
	UK_TEST_EXPECT_ZERO(rmdir("/pt"));
}

UK_TESTCASE(vfs, symlinks)
{
	char buf[64];
	struct stat st;
	ssize_t n;

	UK_TEST_EXPECT_ZERO(mkdir("/sl", 0755));
	UK_TEST_EXPECT_ZERO(mkdir("/sl/d", 0755));
	UK_TEST_EXPECT_ZERO(symlink("d", "/sl/ld"));
	UK_TEST_EXPECT_ZERO(symlink("/sl/ld/../d", "/sl/abs"));
	UK_TEST_EXPECT_ZERO(close(open("/sl/abs/file", O_CREAT | O_RDWR,
				       0600)));
	UK_TEST_EXPECT_ZERO(stat("/sl/d/file", &st));
	UK_TEST_EXPECT_ZERO(lstat("/sl/ld", &st));
	UK_TEST_EXPECT(S_ISLNK(st.st_mode));
	n = readlink("/sl/abs", buf, sizeof(buf));
	UK_TEST_EXPECT_SNUM_EQ(n, 11);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "/sl/ld/../d", 11));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(readlink("/sl/d", buf, 8)), EINVAL);
	UK_TEST_EXPECT_NOT_NULL(realpath("/sl/abs/./file", buf));
	UK_TEST_EXPECT_STR_EQ(buf, "/sl/d/file");
	/* a loop: each link names the other */
	UK_TEST_EXPECT_ZERO(symlink("/sl/loop2", "/sl/loop1"));
	UK_TEST_EXPECT_ZERO(symlink("/sl/loop1", "/sl/loop2"));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat("/sl/loop1", &st)), ELOOP);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/sl/loop1/x", O_RDONLY)), ELOOP);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/sl/ld", O_RDONLY | O_NOFOLLOW)),
			       ELOOP);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(symlink("d", "/sl/ld")), EEXIST);
	/* a dangling link: O_CREAT makes its target */
	UK_TEST_EXPECT_ZERO(symlink("made", "/sl/dang"));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat("/sl/dang", &st)), ENOENT);
	UK_TEST_EXPECT_ZERO(close(open("/sl/dang", O_CREAT | O_WRONLY, 0600)));
	UK_TEST_EXPECT_ZERO(stat("/sl/made", &st));
}

UK_TESTCASE(vfs, fd_calls)
{
	char buf[16];
	struct iovec iov[2];
	int fd, fd2, fd3;

	fd = open("/fdc", O_CREAT | O_RDWR | O_TRUNC, 0644);
	UK_TEST_EXPECT_SNUM_GE(fd, 3);
	iov[0].iov_base = "abc";
	iov[0].iov_len = 3;
	iov[1].iov_base = "defg";
	iov[1].iov_len = 4;
	UK_TEST_EXPECT_SNUM_EQ(writev(fd, iov, 2), 7);
	UK_TEST_EXPECT_SNUM_EQ(pwrite(fd, "XY", 2, 1), 2);
	UK_TEST_EXPECT_SNUM_EQ(lseek(fd, 0, SEEK_CUR), 7);
	UK_TEST_EXPECT_SNUM_EQ(pread(fd, buf, 4, 0), 4);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "aXYd", 4));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(pread(fd, buf, 1, -1)), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(lseek(fd, -1, SEEK_SET)), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(lseek(fd, 0, 42)), EINVAL);
	fd2 = dup(fd);
	UK_TEST_EXPECT_SNUM_GT(fd2, fd);
	UK_TEST_EXPECT_SNUM_EQ(lseek(fd2, 2, SEEK_SET), 2);
	UK_TEST_EXPECT_SNUM_EQ(lseek(fd, 0, SEEK_CUR), 2); /* shared */
	iov[0].iov_base = buf;
	iov[0].iov_len = 2;
	iov[1].iov_base = buf + 2;
	iov[1].iov_len = 10;
	UK_TEST_EXPECT_SNUM_EQ(readv(fd, iov, 2), 5);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "Ydefg", 5));
	fd3 = dup2(fd, 40);
	UK_TEST_EXPECT_SNUM_EQ(fd3, 40);
	UK_TEST_EXPECT_SNUM_EQ(dup2(fd3, fd3), 40);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(dup3(fd3, fd3, 0)), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(dup3(fd, 41, O_CLOEXEC), 41);
	UK_TEST_EXPECT_SNUM_EQ(fcntl(41, F_GETFD), FD_CLOEXEC);
	UK_TEST_EXPECT_ZERO(fcntl(41, F_SETFD, 0));
	UK_TEST_EXPECT_ZERO(fcntl(41, F_GETFD));
	UK_TEST_EXPECT_SNUM_EQ(fcntl(fd, F_DUPFD, 50), 50);
	UK_TEST_EXPECT_SNUM_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
	UK_TEST_EXPECT_ZERO(fcntl(fd, F_SETFL, O_APPEND));
	UK_TEST_EXPECT_SNUM_EQ(write(fd, "Z", 1), 1);
	UK_TEST_EXPECT_SNUM_EQ(lseek(fd, 0, SEEK_CUR), 8);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(fcntl(fd, 12345)), EINVAL);
	UK_TEST_EXPECT_ZERO(ftruncate(fd, 3));
	UK_TEST_EXPECT_ZERO(fsync(fd));
	UK_TEST_EXPECT_SNUM_EQ(lseek(fd, 0, SEEK_END), 3);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ftruncate(fd, -1)), EINVAL);
	UK_TEST_EXPECT_ZERO(close(fd3));
	UK_TEST_EXPECT_ZERO(close(41));
	UK_TEST_EXPECT_ZERO(close(50));
	UK_TEST_EXPECT_ZERO(close(fd2));
	UK_TEST_EXPECT_ZERO(close(fd));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(close(fd)), EBADF);
	fd = open("/fdc", O_RDONLY);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(write(fd, "a", 1)), EBADF);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(ftruncate(fd, 0)), EBADF);
	UK_TEST_EXPECT_ZERO(close(fd));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/fdc", O_CREAT | O_EXCL, 0600)),
			       EEXIST);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/fdc", 3)), EINVAL);
	UK_TEST_EXPECT_ZERO(unlink("/fdc"));
}

UK_TESTCASE(vfs, fd_table_full)
{
	int fds[UK_VFS_MAX_FDS], n = 0, i;

	while (n < UK_VFS_MAX_FDS) {
		fds[n] = open("/dev/null", O_RDONLY);
		if (fds[n] < 0)
			break;
		n++;
	}
	UK_TEST_EXPECT_SNUM_EQ(errno, EMFILE);
	UK_TEST_EXPECT_SNUM_GT(n, 0);
	for (i = 0; i < n; i++)
		close(fds[i]);
}

UK_TESTCASE(vfs, pipes)
{
	int p[2];
	char buf[8];
	static char big[70000];

	UK_TEST_EXPECT_ZERO(pipe(p));
	UK_TEST_EXPECT_SNUM_EQ(write(p[1], "hello", 5), 5);
	UK_TEST_EXPECT_SNUM_EQ(read(p[0], buf, sizeof(buf)), 5);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "hello", 5));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(lseek(p[0], 0, SEEK_SET)), ESPIPE);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(write(p[0], "x", 1)), EBADF);
	UK_TEST_EXPECT_ZERO(fcntl(p[0], F_SETFL, O_NONBLOCK));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(read(p[0], buf, 1)), EAGAIN);
	UK_TEST_EXPECT_ZERO(fcntl(p[1], F_SETFL, O_NONBLOCK));
	/* a full pipe: a partial write, then EAGAIN */
	UK_TEST_EXPECT_SNUM_EQ(write(p[1], big, sizeof(big)), 65536);
	UK_TEST_EXPECT_SNUM_EQ(FAILS(write(p[1], big, 1)), EAGAIN);
	UK_TEST_EXPECT_ZERO(close(p[0]));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(write(p[1], "x", 1)), EPIPE);
	UK_TEST_EXPECT_ZERO(close(p[1]));
	UK_TEST_EXPECT_ZERO(pipe2(p, O_CLOEXEC));
	UK_TEST_EXPECT_SNUM_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
	UK_TEST_EXPECT_ZERO(close(p[1]));
	UK_TEST_EXPECT_ZERO(read(p[0], buf, 1)); /* end of file */
	UK_TEST_EXPECT_ZERO(close(p[0]));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(pipe2(p, 0x7)), EINVAL);
}

#if CONFIG_LIBUKSCHED
static int wfd;

static void pipe_writer(void *arg __unused)
{
	uk_sched_sleep_ns(5000000);
	write(wfd, "late", 4);
	close(wfd);
}

/* A blocking read waits for the writer thread. */
UK_TESTCASE(vfs, pipe_blocks)
{
	struct uk_thread *t;
	char buf[8];
	int p[2];

	UK_TEST_EXPECT_ZERO(pipe(p));
	wfd = p[1];
	t = uk_thread_create("pipew", pipe_writer, NULL, 0);
	UK_TEST_EXPECT_NOT_NULL(t);
	UK_TEST_EXPECT_SNUM_EQ(read(p[0], buf, sizeof(buf)), 4);
	UK_TEST_EXPECT_ZERO(memcmp(buf, "late", 4));
	UK_TEST_EXPECT_ZERO(read(p[0], buf, sizeof(buf)));
	uk_thread_join(t);
	close(p[0]);
}
#endif

UK_TESTCASE(vfs, devfs)
{
	char buf[4] = "abc";
	int fd;

	fd = open("/dev/zero", O_RDONLY);
	UK_TEST_EXPECT_SNUM_GE(fd, 0);
	UK_TEST_EXPECT_SNUM_EQ(read(fd, buf, 3), 3);
	UK_TEST_EXPECT_ZERO(buf[0] | buf[1] | buf[2]);
	close(fd);
	fd = open("/dev/null", O_RDWR);
	UK_TEST_EXPECT_ZERO(read(fd, buf, 3));
	UK_TEST_EXPECT_SNUM_EQ(write(fd, buf, 3), 3);
	close(fd);
#if CONFIG_LIBUKRANDOM
	{
		unsigned char r1[32] = { 0 }, r2[32] = { 0 };

		/* Two reads of the generator: 32 bytes, and not the same. */
		fd = open("/dev/urandom", O_RDONLY);
		UK_TEST_EXPECT_SNUM_GE(fd, 0);
		UK_TEST_EXPECT_SNUM_EQ(read(fd, r1, sizeof(r1)), sizeof(r1));
		UK_TEST_EXPECT_SNUM_EQ(read(fd, r2, sizeof(r2)), sizeof(r2));
		UK_TEST_EXPECT(memcmp(r1, r2, sizeof(r1)) != 0);
		close(fd);
	}
#else
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/dev/urandom", O_RDONLY)), ENODEV);
#endif
	UK_TEST_EXPECT_SNUM_EQ(FAILS(open("/dev/nothing", O_RDONLY)), ENOENT);
}

UK_TESTCASE(vfs, mounts)
{
	struct stat st;
	int fd;

	UK_TEST_EXPECT_SNUM_EQ(uk_sys_mount("x", "/", "nosuchfs", 0, NULL),
			       -ENODEV);
	UK_TEST_EXPECT_ZERO(mkdir("/mnt", 0755));
	UK_TEST_EXPECT_ZERO(uk_sys_mount("none", "/mnt", "ramfs", 0, NULL));
	UK_TEST_EXPECT_SNUM_EQ(uk_sys_mount("none", "/mnt", "ramfs", 0, NULL),
			       -EBUSY);
	fd = open("/mnt/in", O_CREAT | O_WRONLY, 0600);
	UK_TEST_EXPECT_SNUM_GE(fd, 0);
	UK_TEST_EXPECT_SNUM_EQ(link("/mnt/in", "/out"), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EXDEV);
	UK_TEST_EXPECT_SNUM_EQ(rename("/mnt/in", "/out"), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EXDEV);
	UK_TEST_EXPECT_SNUM_EQ(uk_sys_umount("/mnt"), -EBUSY);
	close(fd);
	UK_TEST_EXPECT_ZERO(stat("/mnt/../mnt/in", &st));
	UK_TEST_EXPECT_ZERO(uk_sys_umount("/mnt"));
	UK_TEST_EXPECT_SNUM_EQ(FAILS(stat("/mnt/in", &st)), ENOENT);
	UK_TEST_EXPECT_ZERO(rmdir("/mnt"));
}
