/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ninepshare: lib/9p against a host folder shared by QEMU (tests/9p.sh).
 * The host puts hello.txt (one line) and the folder in/ (files a and b)
 * there; this program prints what it reads, then writes guest.bin (a
 * pattern of GUEST_SIZE bytes, byte i = i * 7 + i / 256), reads it back,
 * truncates trunc.bin to 10 bytes, leaves renamed.txt (renamed from
 * torename.txt) and the symlink lnk -> hello.txt, and makes, fills,
 * lists and removes the directory d1, checking each step.
 *
 * Arguments: tag=NAME (default share). Exit status: 0 when every check
 * passed, 1 when one failed (it says which), 2 without a share NAME.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/9p.h>

#define GUEST_SIZE 150001
#define DT_DIR 4
#define DT_REG 8

static struct uk_9p_client *c;
static uint32_t root;
static int failed;
static unsigned int checks;

#define CHECK(cond, ...)                                    \
	do {                                                \
		checks++;                                   \
		if (!(cond)) {                              \
			printf("FAIL line %d: ", __LINE__); \
			printf(__VA_ARGS__);                \
			printf("\n");                       \
			failed = 1;                         \
		}                                           \
	} while (0)

static uint8_t pattern(uint32_t i)
{
	return (uint8_t)(i * 7 + i / 256);
}

/* A new fid for root/name (NULL: root itself). */
static int walk(const char *name, uint32_t *fid)
{
	*fid = uk_9p_fid_alloc(c);
	return uk_9p_walk(c, root, *fid, name ? 1 : 0, &name, NULL);
}

/* The names in directory name, in a, as "x y z " in server order. */
static int list(const char *name, char *out, size_t size)
{
	static uint8_t buf[4096];
	struct uk_9p_dirent de;
	uint64_t off = 0;
	uint32_t fid, pos;
	int n, rc;

	out[0] = '\0';
	rc = walk(name, &fid);
	if (rc < 0)
		return rc;
	rc = uk_9p_lopen(c, fid, UK_9P_O_RDONLY | UK_9P_O_DIRECTORY, NULL,
			 NULL);
	while (rc == 0 && (n = uk_9p_readdir(c, fid, off, buf, sizeof(buf))) >
				  0) {
		pos = 0;
		while ((rc = uk_9p_readdir_next(buf, (uint32_t)n, &pos,
						&de)) == 1) {
			off = de.offset;
			if (!strcmp(de.name, ".") || !strcmp(de.name, ".."))
				continue;
			if (strlen(out) + strlen(de.name) + 2 > size)
				return -ENAMETOOLONG;
			strcat(out, de.name);
			strcat(out, de.type == DT_DIR ? "/ " : " ");
		}
		if (rc < 0)
			break;
		rc = 0;
	}
	if (rc == 0 && n < 0)
		rc = n;
	uk_9p_clunk(c, fid);
	return rc;
}

/* Create name in the root, write len bytes of data: 0 or -errno. */
static int create(const char *name, const uint8_t *data, uint32_t len)
{
	uint32_t fid, done = 0;
	int rc;

	rc = walk(NULL, &fid);
	if (rc < 0)
		return rc;
	rc = uk_9p_lcreate(c, fid, name,
			   UK_9P_O_RDWR | UK_9P_O_CREAT | UK_9P_O_TRUNC, 0644,
			   0, NULL, NULL);
	while (rc == 0 && done < len) {
		rc = uk_9p_write(c, fid, done, data + done, len - done);
		if (rc > 0)
			done += (uint32_t)rc, rc = 0;
		else if (rc == 0)
			rc = -EIO;
	}
	if (rc == 0)
		rc = uk_9p_fsync(c, fid, 0);
	uk_9p_clunk(c, fid);
	return rc;
}

/* Read all of name into buf (size bytes): its length or -errno. */
static int slurp(const char *name, uint8_t *buf, uint32_t size)
{
	uint32_t fid, done = 0;
	int rc;

	rc = walk(name, &fid);
	if (rc < 0)
		return rc;
	rc = uk_9p_lopen(c, fid, UK_9P_O_RDONLY, NULL, NULL);
	while (rc == 0 && done < size) {
		rc = uk_9p_read(c, fid, done, buf + done, size - done);
		if (rc > 0)
			done += (uint32_t)rc, rc = 0;
		else if (rc == 0)
			break;
	}
	uk_9p_clunk(c, fid);
	return rc < 0 ? rc : (int)done;
}

int main(int argc, char *argv[])
{
	const char *tag = "share";
	static uint8_t big[GUEST_SIZE], back[GUEST_SIZE + 16];
	struct uk_9p_setattr sa = { 0 };
	struct uk_9p_attr at;
	struct uk_9p_statfs st;
	char names[512], target[64];
	uint32_t fid, dfid, i;
	int rc;

	for (i = 1; i < (uint32_t)argc; i++)
		if (!strncmp(argv[i], "tag=", 4))
			tag = argv[i] + 4;
	rc = uk_9p_connect(tag, "root", 0, "", &c, &root);
	if (rc == -ENOENT) {
		printf("9p: no share with mount tag \"%s\" (QEMU: -virtfs "
		       "local,path=DIR,mount_tag=%s,security_model=none, or "
		       "make run UK_SHARE=DIR UK_SHARE_TAG=%s)\n",
		       tag, tag, tag);
		return 2;
	}
	if (rc < 0) {
		printf("9p: connect to \"%s\": error %d\n", tag, rc);
		return 1;
	}
	printf("9p: attached \"%s\", %u bytes per read\n", tag,
	       uk_9p_iosize(c));

	/* What the host put there. */
	rc = slurp("hello.txt", back, sizeof(back) - 1);
	CHECK(rc > 0, "read hello.txt: %d", rc);
	if (rc > 0) {
		back[rc] = '\0';
		printf("hello.txt: %s", (char *)back);
	}
	rc = list("in", names, sizeof(names));
	CHECK(rc == 0, "list in: %d", rc);
	printf("in: %s\n", names);
	rc = walk("missing", &fid);
	CHECK(rc == -ENOENT, "walk missing: %d, expected -ENOENT", rc);

	/* A file larger than one message, read back here and on the host. */
	for (i = 0; i < GUEST_SIZE; i++)
		big[i] = pattern(i);
	rc = create("guest.bin", big, GUEST_SIZE);
	CHECK(rc == 0, "create guest.bin: %d", rc);
	rc = slurp("guest.bin", back, sizeof(back));
	CHECK(rc == GUEST_SIZE && !memcmp(back, big, GUEST_SIZE),
	      "read back guest.bin: %d bytes or different", rc);
	rc = walk("guest.bin", &fid);
	CHECK(rc == 0, "walk guest.bin: %d", rc);
	rc = uk_9p_getattr(c, fid, UK_9P_GETATTR_BASIC, &at);
	CHECK(rc == 0 && at.size == GUEST_SIZE && (at.mode & 0777) == 0644,
	      "getattr guest.bin: %d size %llu mode %o", rc,
	      (unsigned long long)at.size, (unsigned int)at.mode);
	uk_9p_clunk(c, fid);

	/* Truncate through setattr. */
	rc = create("trunc.bin", big, 1000);
	CHECK(rc == 0, "create trunc.bin: %d", rc);
	rc = walk("trunc.bin", &fid);
	sa.valid = UK_9P_SETATTR_SIZE;
	sa.size = 10;
	if (rc == 0)
		rc = uk_9p_setattr(c, fid, &sa);
	CHECK(rc == 0, "truncate trunc.bin: %d", rc);
	uk_9p_clunk(c, fid);

	/* Rename, symlink. */
	rc = create("torename.txt", (const uint8_t *)"renamed\n", 8);
	CHECK(rc == 0, "create torename.txt: %d", rc);
	rc = uk_9p_renameat(c, root, "torename.txt", root, "renamed.txt");
	CHECK(rc == 0, "rename: %d", rc);
	rc = uk_9p_renameat(c, root, "torename.txt", root, "x");
	CHECK(rc == -ENOENT, "rename of a missing file: %d", rc);
	rc = uk_9p_symlink(c, root, "lnk", "hello.txt", 0, NULL);
	CHECK(rc == 0, "symlink: %d", rc);
	rc = walk("lnk", &fid);
	if (rc == 0)
		rc = uk_9p_readlink(c, fid, target, sizeof(target));
	CHECK(rc == 9 && !strcmp(target, "hello.txt"), "readlink: %d", rc);
	uk_9p_clunk(c, fid);

	/* A directory: make, fill, list, rename inside, empty, remove. */
	rc = uk_9p_mkdir(c, root, "d1", 0755, 0, NULL);
	CHECK(rc == 0, "mkdir d1: %d", rc);
	rc = uk_9p_mkdir(c, root, "d1", 0755, 0, NULL);
	CHECK(rc == -EEXIST, "mkdir d1 again: %d, expected -EEXIST", rc);
	rc = walk("d1", &dfid);
	CHECK(rc == 0, "walk d1: %d", rc);
	for (i = 0; i < 2; i++) {
		const char *n = i ? "b" : "a";

		rc = walk("d1", &fid);
		if (rc == 0)
			rc = uk_9p_lcreate(c, fid, n,
					   UK_9P_O_WRONLY | UK_9P_O_CREAT,
					   0600, 0, NULL, NULL);
		CHECK(rc == 0, "create d1/%s: %d", n, rc);
		uk_9p_clunk(c, fid);
	}
	rc = uk_9p_renameat(c, dfid, "a", dfid, "c");
	CHECK(rc == 0, "rename d1/a d1/c: %d", rc);
	rc = list("d1", names, sizeof(names));
	CHECK(rc == 0 && (!strcmp(names, "b c ") || !strcmp(names, "c b ")),
	      "list d1: %d \"%s\"", rc, names);
	printf("d1: %s\n", names);
	rc = uk_9p_unlinkat(c, root, "d1", UK_9P_AT_REMOVEDIR);
	CHECK(rc == -ENOTEMPTY || rc == -EEXIST,
	      "rmdir of a full d1: %d, expected -ENOTEMPTY", rc);
	rc = uk_9p_unlinkat(c, dfid, "b", 0);
	CHECK(rc == 0, "unlink d1/b: %d", rc);
	rc = uk_9p_unlinkat(c, dfid, "c", 0);
	CHECK(rc == 0, "unlink d1/c: %d", rc);
	rc = uk_9p_unlinkat(c, dfid, "c", 0);
	CHECK(rc == -ENOENT, "unlink d1/c again: %d", rc);
	uk_9p_clunk(c, dfid);
	rc = uk_9p_unlinkat(c, root, "d1", UK_9P_AT_REMOVEDIR);
	CHECK(rc == 0, "rmdir d1: %d", rc);
	rc = walk("d1", &fid);
	CHECK(rc == -ENOENT, "walk removed d1: %d", rc);

	rc = uk_9p_statfs(c, root, &st);
	CHECK(rc == 0 && st.bsize > 0, "statfs: %d", rc);
	rc = list(NULL, names, sizeof(names));
	CHECK(rc == 0, "list root: %d", rc);
	printf("root: %s\n", names);
	uk_9p_clunk(c, root);
	uk_9p_disconnect(c);
	printf("9p: %u checks, %s\n", checks, failed ? "FAILED" : "all passed");
	return failed;
}
