/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sharefs: the POSIX file calls (newlib over lib/vfs) on the host folder
 * mounted at boot on /share: a 9p share (lib/9pfs) on kvm, the folder of
 * UK_SHARE (lib/hostfs) on linuxu (tests/9p.sh). The host puts
 * hello.txt (one line) and in/{a,b} there. This program prints the line
 * and the names, writes fs.bin (FS_SIZE bytes, byte i = i * 7 + i / 256)
 * in odd-sized pieces, reads it back after lseek, appends to app.txt,
 * truncates, renames fsrenamed.txt, links fslnk -> hello.txt, and makes,
 * lists and removes the directory fsd, checking errno at each refusal.
 *
 * Exit status: 0 when every check passed, 1 when one failed (it says
 * which), 2 when /share is not mounted.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FS_SIZE 200003

static int failed;
static unsigned int checks;

#define CHECK(cond, ...)                                               \
	do {                                                           \
		checks++;                                              \
		if (!(cond)) {                                         \
			printf("FAIL line %d (errno %d): ", __LINE__, \
			       errno);                                 \
			printf(__VA_ARGS__);                           \
			printf("\n");                                  \
			failed = 1;                                    \
		}                                                      \
	} while (0)

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + i / 256);
}

/* The names in path but . and .., space-separated, in out. */
static int list(const char *path, char *out, size_t size)
{
	struct dirent *de;
	DIR *d = opendir(path);

	out[0] = '\0';
	if (!d)
		return -1;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (strlen(out) + strlen(de->d_name) + 2 > size)
			break;
		strcat(out, de->d_name);
		strcat(out, " ");
	}
	closedir(d);
	return 0;
}

int main(void)
{
	static unsigned char big[FS_SIZE], back[FS_SIZE + 8];
	char buf[256], names[256];
	struct stat st;
	size_t i, done;
	ssize_t n;
	int fd, rc;

	fd = open("/share/hello.txt", O_RDONLY);
	if (fd < 0) {
		printf("fs: /share/hello.txt: %s: share not mounted\n",
		       strerror(errno));
		return 2;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	CHECK(n > 0, "read hello.txt: %d", (int)n);
	buf[n > 0 ? n : 0] = '\0';
	printf("fs hello.txt: %s", buf);
	close(fd);
	rc = list("/share/in", names, sizeof(names));
	CHECK(rc == 0, "opendir /share/in");
	printf("fs in: %s\n", names);
	errno = 0;
	CHECK(open("/share/missing", O_RDONLY) < 0 && errno == ENOENT,
	      "open of a missing file");

	/* A big file in odd pieces, read back after a seek. */
	for (i = 0; i < FS_SIZE; i++)
		big[i] = pattern(i);
	fd = open("/share/fs.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0, "create fs.bin");
	for (done = 0; fd >= 0 && done < FS_SIZE; done += (size_t)n) {
		size_t len = FS_SIZE - done < 70001 ? FS_SIZE - done : 70001;

		n = write(fd, big + done, len);
		if (n <= 0)
			break;
	}
	CHECK(done == FS_SIZE, "write fs.bin: %u bytes", (unsigned int)done);
	CHECK(fsync(fd) == 0, "fsync");
	CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek");
	for (done = 0; done < sizeof(back); done += (size_t)n) {
		n = read(fd, back + done, sizeof(back) - done);
		if (n <= 0)
			break;
	}
	CHECK(done == FS_SIZE && !memcmp(big, back, FS_SIZE),
	      "read back fs.bin: %u bytes", (unsigned int)done);
	CHECK(fstat(fd, &st) == 0 && st.st_size == FS_SIZE &&
		      S_ISREG(st.st_mode),
	      "fstat fs.bin");
	close(fd);
	errno = 0;
	CHECK(open("/share/fs.bin", O_CREAT | O_EXCL | O_WRONLY, 0644) < 0 &&
		      errno == EEXIST,
	      "O_EXCL on an existing file");

	/* Append and truncate. */
	fd = open("/share/app.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "one\n", 4) == 4, "write app.txt");
	close(fd);
	fd = open("/share/app.txt", O_WRONLY | O_APPEND);
	CHECK(fd >= 0 && write(fd, "two\n", 4) == 4, "append app.txt");
	close(fd);
	fd = open("/share/trunc.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "0123456789", 10) == 10 &&
		      ftruncate(fd, 4) == 0,
	      "ftruncate");
	close(fd);
	CHECK(stat("/share/trunc.txt", &st) == 0 && st.st_size == 4,
	      "stat trunc.txt");

	/* Rename, symlink. */
	fd = open("/share/fsold.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && write(fd, "moved\n", 6) == 6, "write fsold.txt");
	close(fd);
	CHECK(rename("/share/fsold.txt", "/share/fsrenamed.txt") == 0,
	      "rename");
	CHECK(access("/share/fsold.txt", F_OK) < 0 && errno == ENOENT,
	      "old name gone");
	CHECK(symlink("hello.txt", "/share/fslnk") == 0, "symlink");
	n = readlink("/share/fslnk", buf, sizeof(buf));
	CHECK(n == 9 && !memcmp(buf, "hello.txt", 9), "readlink: %d", (int)n);
	fd = open("/share/fslnk", O_RDONLY);
	CHECK(fd >= 0 && read(fd, back, 5) == 5 && !memcmp(back, "hello", 5),
	      "read through the symlink");
	close(fd);

	/* A directory round trip, with chdir and .. on the share. */
	CHECK(mkdir("/share/fsd", 0755) == 0, "mkdir fsd");
	errno = 0;
	CHECK(mkdir("/share/fsd", 0755) < 0 && errno == EEXIST, "mkdir again");
	for (i = 0; i < 3; i++) {
		snprintf(buf, sizeof(buf), "/share/fsd/f%u", (unsigned int)i);
		fd = open(buf, O_WRONLY | O_CREAT, 0600);
		CHECK(fd >= 0, "create %s", buf);
		close(fd);
	}
	CHECK(rename("/share/fsd/f0", "/share/fsd/g0") == 0, "rename in fsd");
	CHECK(unlink("/share/fsd/f1") == 0, "unlink fsd/f1");
	rc = list("/share/fsd", names, sizeof(names));
	CHECK(rc == 0 && (!strcmp(names, "g0 f2 ") || !strcmp(names, "f2 g0 ")),
	      "list fsd: \"%s\"", names);
	printf("fs fsd: %s\n", names);
	errno = 0;
	CHECK(rmdir("/share/fsd") < 0 && errno == ENOTEMPTY,
	      "rmdir of a full fsd");
	CHECK(chdir("/share/fsd") == 0 && getcwd(buf, sizeof(buf)) &&
		      !strcmp(buf, "/share/fsd"),
	      "chdir fsd, getcwd: %s", buf);
	CHECK(stat("../hello.txt", &st) == 0 && S_ISREG(st.st_mode),
	      "stat ../hello.txt from fsd");
	CHECK(chdir("/") == 0, "chdir /");
	CHECK(unlink("/share/fsd/g0") == 0 && unlink("/share/fsd/f2") == 0,
	      "empty fsd");
	CHECK(rmdir("/share/fsd") == 0, "rmdir fsd");
	errno = 0;
	CHECK(stat("/share/fsd", &st) < 0 && errno == ENOENT, "fsd gone");
	printf("fs: %u checks, %s\n", checks, failed ? "FAILED" : "all passed");
	return failed;
}
