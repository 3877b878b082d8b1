/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fsconform: a sequence of POSIX file calls (read, write, lseek, truncate,
 * rename, readdir, links, pipes, dup, fcntl) that prints one line per
 * step with its result and errno by name. The same source runs on Linux
 * and as a unikernel: tests/posix.sh compares the two transcripts byte for
 * byte. Only lines starting "fsc: " are the transcript.
 * argv[1]: an empty folder to work in (made when missing).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/uio.h>

static const char *ename(int e)
{
	static const struct { int e; const char *n; } t[] = {
		{ 0, "0" }, { EBADF, "EBADF" }, { ENOENT, "ENOENT" },
		{ EEXIST, "EEXIST" }, { ENOTDIR, "ENOTDIR" },
		{ EISDIR, "EISDIR" }, { ENOTEMPTY, "ENOTEMPTY" },
		{ EINVAL, "EINVAL" }, { EAGAIN, "EAGAIN" }, { ELOOP, "ELOOP" },
		{ ENAMETOOLONG, "ENAMETOOLONG" }, { ESPIPE, "ESPIPE" },
		{ EPIPE, "EPIPE" }, { EPERM, "EPERM" }, { EACCES, "EACCES" },
		{ EMFILE, "EMFILE" }, { EXDEV, "EXDEV" }, { EBUSY, "EBUSY" },
		{ ERANGE, "ERANGE" }, { EFAULT, "EFAULT" },
	};
	static char other[24];
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].e == e)
			return t[i].n;
	snprintf(other, sizeof(other), "errno%d", e);
	return other;
}

/* One step: its result, and errno when it failed. */
#define STEP(what, call)                                                  \
	do {                                                              \
		long __r;                                                 \
		errno = 0;                                                \
		__r = (long)(call);                                       \
		printf("fsc: %-28s = %ld %s\n", what, __r,                \
		       __r < 0 ? ename(errno) : "");                      \
	} while (0)

static void show_file(const char *path)
{
	char buf[64];
	struct stat st;
	ssize_t n, i;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0) {
		printf("fsc: show %s: %s\n", path, ename(errno));
		return;
	}
	n = read(fd, buf, sizeof(buf));
	printf("fsc: show %s: size %ld mode %o nlink %ld [", path,
	       (long)st.st_size, (unsigned)(st.st_mode & 0170000),
	       (long)st.st_nlink);
	for (i = 0; i < n; i++)
		printf(buf[i] >= 32 && buf[i] < 127 ? "%c" : "\\%03o",
		       (unsigned char)buf[i]);
	printf("]\n");
	close(fd);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of a directory, sorted (filesystems differ in order). */
static void show_dir(const char *path)
{
	char *names[64];
	struct dirent *de;
	int n = 0, i;
	DIR *d = opendir(path);

	if (!d) {
		printf("fsc: dir %s: %s\n", path, ename(errno));
		return;
	}
	while ((de = readdir(d)) && n < 64)
		names[n++] = strdup(de->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof(names[0]), cmp);
	printf("fsc: dir %s:", path);
	for (i = 0; i < n; i++) {
		printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

int main(int argc, char *argv[])
{
	const char *dir = argc > 1 ? argv[1] : "/fsconform";
	char buf[256], big[5000];
	struct iovec iov[3];
	struct stat st;
	int fd, fd2, p[2];

	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		printf("fsconform: cannot make %s: %s\n", dir, strerror(errno));
		return 1;
	}
	if (chdir(dir) < 0) {
		printf("fsconform: cannot enter %s: %s\n", dir, strerror(errno));
		return 1;
	}

	STEP("open new rdwr", fd = open("f", O_CREAT | O_RDWR | O_EXCL, 0644));
	STEP("write hello", write(fd, "hello, world\n", 13));
	STEP("lseek cur", lseek(fd, 0, SEEK_CUR));
	STEP("lseek set 7", lseek(fd, 7, SEEK_SET));
	STEP("write WORLD", write(fd, "WORLD", 5));
	STEP("lseek end +10", lseek(fd, 10, SEEK_END));
	STEP("write tail", write(fd, "tail", 4));
	STEP("lseek end", lseek(fd, 0, SEEK_END));
	STEP("lseek negative", lseek(fd, -100, SEEK_CUR));
	STEP("lseek bad whence", lseek(fd, 0, 77));
	STEP("pread 5 at 7", pread(fd, buf, 5, 7));
	printf("fsc: pread got [%.5s]\n", buf);
	STEP("pwrite at 0", pwrite(fd, "J", 1, 0));
	STEP("lseek cur after pwrite", lseek(fd, 0, SEEK_CUR));
	STEP("ftruncate 10", ftruncate(fd, 10));
	STEP("lseek end after trunc", lseek(fd, 0, SEEK_END));
	STEP("ftruncate grow 12", ftruncate(fd, 12));
	STEP("read at end", read(fd, buf, sizeof(buf)));
	STEP("lseek set 0", lseek(fd, 0, SEEK_SET));
	STEP("read all", read(fd, buf, sizeof(buf)));
	STEP("fsync", fsync(fd));
	STEP("close", close(fd));
	STEP("close again", close(fd));
	show_file("f");

	iov[0].iov_base = "ab";
	iov[0].iov_len = 2;
	iov[1].iov_base = "";
	iov[1].iov_len = 0;
	iov[2].iov_base = "cde";
	iov[2].iov_len = 3;
	STEP("open append", fd = open("f", O_WRONLY | O_APPEND));
	STEP("writev append", writev(fd, iov, 3));
	STEP("read wronly", read(fd, buf, 1));
	STEP("fcntl getfl acc", fcntl(fd, F_GETFL) & O_ACCMODE);
	STEP("fcntl getfl append", !!(fcntl(fd, F_GETFL) & O_APPEND));
	STEP("fcntl getfd", fcntl(fd, F_GETFD));
	STEP("fcntl setfd cloexec", fcntl(fd, F_SETFD, FD_CLOEXEC));
	STEP("fcntl getfd again", fcntl(fd, F_GETFD));
	STEP("dup", (fd2 = dup(fd)) > fd);
	STEP("dup getfd", fcntl(fd2, F_GETFD));
	STEP("close dup", close(fd2));
	STEP("close", close(fd));
	show_file("f");

	memset(big, 'x', sizeof(big));
	STEP("open trunc", fd = open("f", O_RDWR | O_TRUNC));
	STEP("write 5000", write(fd, big, sizeof(big)));
	STEP("lseek 4090", lseek(fd, 4090, SEEK_SET));
	STEP("read across", read(fd, buf, 20));
	STEP("close", close(fd));
	STEP("truncate path 3", truncate("f", 3));
	show_file("f");
	STEP("truncate dir", truncate(".", 0));
	STEP("truncate missing", truncate("none", 0));

	STEP("mkdir d", mkdir("d", 0755));
	STEP("mkdir d again", mkdir("d", 0755));
	STEP("mkdir under file", mkdir("f/x", 0755));
	STEP("open dir for write", open("d", O_WRONLY));
	STEP("rename f to d/g", rename("f", "d/g"));
	STEP("rename missing", rename("f", "h"));
	STEP("rename file over dir", rename("d/g", "d"));
	STEP("rename dir into itself", rename("d", "d/sub"));
	STEP("link d/g to h", link("d/g", "h"));
	STEP("stat nlink", stat("h", &st) == 0 ? (long)st.st_nlink : -1);
	STEP("symlink s to d/g", symlink("d/g", "s"));
	STEP("readlink s", readlink("s", buf, sizeof(buf)));
	STEP("lstat is link", lstat("s", &st) == 0 && S_ISLNK(st.st_mode));
	STEP("stat via link size", stat("s", &st) == 0 ? (long)st.st_size : -1);
	STEP("symlink loop a", symlink("b", "la"));
	STEP("symlink loop b", symlink("la", "b"));
	STEP("open loop", open("la", O_RDONLY));
	STEP("open nofollow", open("s", O_RDONLY | O_NOFOLLOW));
	STEP("rmdir nonempty", rmdir("d"));
	STEP("unlink dir", unlink("d"));
	STEP("rmdir file", rmdir("h"));
	STEP("access h", access("h", F_OK));
	STEP("access none", access("none", F_OK));
	show_dir(".");
	show_dir("d");
	show_dir("nonexistent");

	STEP("pipe", pipe(p));
	STEP("pipe write", write(p[1], "xyz", 3));
	STEP("pipe read", read(p[0], buf, sizeof(buf)));
	STEP("pipe lseek", lseek(p[0], 0, SEEK_SET));
	STEP("pipe nonblock", fcntl(p[0], F_SETFL, O_NONBLOCK));
	STEP("pipe read empty", read(p[0], buf, sizeof(buf)));
	STEP("close write end", close(p[1]));
	STEP("pipe read eof", read(p[0], buf, sizeof(buf)));
	STEP("close read end", close(p[0]));
	STEP("read bad fd", read(-1, buf, 1));
	STEP("write bad fd", write(9999, buf, 1));
	STEP("fstat bad fd", fstat(-3, &st));
	STEP("dup2 to bad", dup2(0, -1));

	STEP("unlink s", unlink("s"));
	STEP("unlink la", unlink("la"));
	STEP("unlink b", unlink("b"));
	STEP("unlink h", unlink("h"));
	STEP("unlink d/g", unlink("d/g"));
	STEP("rmdir d", rmdir("d"));
	show_dir(".");
	printf("fsconform: done\n");
	return 0;
}
