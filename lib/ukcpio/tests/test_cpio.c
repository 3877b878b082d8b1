/* SPDX-License-Identifier: BSD-3-Clause */
/* Tests of the newc reader on archives built here, whole and damaged. */
#include <uk/cpio.h>
#include <uk/test.h>

static unsigned char arc[1024];

static size_t put(size_t off, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		arc[off + i] = (unsigned char)s[i];
	return off + n;
}

static size_t put_hex(size_t off, unsigned int v)
{
	static const char d[] = "0123456789abcdef";

	for (int i = 7; i >= 0; i--)
		arc[off++] = (unsigned char)d[(v >> (4 * i)) & 15];
	return off;
}

/* One entry at off; returns the offset after it (4-aligned). */
static size_t entry(size_t off, const char *name, unsigned int mode,
		    const char *data)
{
	size_t nl = 0, dl = 0;

	while (name[nl])
		nl++;
	while (data[dl])
		dl++;
	off = put(off, "070701", 6);
	for (int f = 0; f < 13; f++)
		off = put_hex(off, f == 1 ? mode :
				    f == 6 ? (unsigned int)dl :
				    f == 11 ? (unsigned int)nl + 1 : 0);
	off = put(off, name, nl + 1);
	while (off & 3)
		arc[off++] = 0;
	off = put(off, data, dl);
	while (off & 3)
		arc[off++] = 0;
	return off;
}

static size_t sample(void)
{
	size_t off = 0;

	off = entry(off, "etc", 0040755, "");
	off = entry(off, "etc/motd", 0100640, "hello\n");
	off = entry(off, "motd", 0120777, "etc/motd");
	return entry(off, "TRAILER!!!", 0, "");
}

UK_TESTCASE(cpio, walk_whole)
{
	struct uk_cpio_iter it;
	struct uk_cpio_entry e;
	size_t len = sample();

	uk_cpio_iter_init(&it, arc, len);
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), 1);
	UK_TEST_EXPECT_SNUM_EQ(e.mode, 0040755);
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), 1);
	UK_TEST_EXPECT_SNUM_EQ(e.size, 6);
	UK_TEST_EXPECT_SNUM_EQ(((const char *)e.data)[0], 'h');
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), 1);
	UK_TEST_EXPECT_SNUM_EQ(e.mode & UK_CPIO_S_IFMT, UK_CPIO_S_IFLNK);
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), 0);
}

/* Cut anywhere inside the second entry: the first stays readable. */
UK_TESTCASE(cpio, walk_truncated)
{
	struct uk_cpio_iter it;
	struct uk_cpio_entry e;
	size_t len = sample();

	for (size_t cut = 120; cut < len - 1; cut += 7) {
		int r, n = 0;

		uk_cpio_iter_init(&it, arc, cut);
		while ((r = uk_cpio_next(&it, &e)) == 1)
			n++;
		UK_TEST_EXPECT(r < 0);
		UK_TEST_EXPECT(n >= 1);
		UK_TEST_EXPECT(it.off <= cut);
	}
}

UK_TESTCASE(cpio, walk_corrupt)
{
	struct uk_cpio_iter it;
	struct uk_cpio_entry e;
	size_t len = sample();

	arc[0] = 'X';
	uk_cpio_iter_init(&it, arc, len);
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), UK_CPIO_EMAGIC);
	arc[0] = '0';
	/* A name size far past the end. */
	put(6 + 11 * 8, "7fffffff", 8);
	uk_cpio_iter_init(&it, arc, len);
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), UK_CPIO_ENAME);
	/* A file size past the end. */
	sample();
	put(6 + 6 * 8, "00100000", 8);
	uk_cpio_iter_init(&it, arc, len);
	UK_TEST_EXPECT_SNUM_EQ(uk_cpio_next(&it, &e), UK_CPIO_EDATA);
}

UK_TESTCASE(cpio, names)
{
	UK_TEST_EXPECT(uk_cpio_name_ok("a/b"));
	UK_TEST_EXPECT(uk_cpio_name_ok("./a"));
	UK_TEST_EXPECT(uk_cpio_name_ok("."));
	UK_TEST_EXPECT(uk_cpio_name_ok("a..b/..c"));
	UK_TEST_EXPECT(!uk_cpio_name_ok("/etc"));
	UK_TEST_EXPECT(!uk_cpio_name_ok(".."));
	UK_TEST_EXPECT(!uk_cpio_name_ok("a/../../b"));
	UK_TEST_EXPECT(!uk_cpio_name_ok("a/.."));
}
