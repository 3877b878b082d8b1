/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 9P2000.L client: message encoding and decoding, sessions, fids and
 * tags. Messages are size[4] type[1] tag[2] then the body, little-endian;
 * strings are len[2] and bytes without NUL. One request is in flight per
 * session (the session lock), so one pair of msize buffers suffices.
 */
#include <errno.h>
#include <string.h>
#include <uk/9p.h>
#include <uk/alloc.h>
#include <uk/print.h>

#define P9_RLERROR 7
#define P9_TSTATFS 8
#define P9_TLOPEN 12
#define P9_TLCREATE 14
#define P9_TSYMLINK 16
#define P9_TREADLINK 22
#define P9_TGETATTR 24
#define P9_TSETATTR 26
#define P9_TREADDIR 40
#define P9_TFSYNC 50
#define P9_TMKDIR 72
#define P9_TRENAMEAT 74
#define P9_TUNLINKAT 76
#define P9_TVERSION 100
#define P9_TATTACH 104
#define P9_TWALK 110
#define P9_TREAD 116
#define P9_TWRITE 118
#define P9_TCLUNK 120

#define P9_NOTAG 0xffff
#define P9_HDR 7 /* size, type, tag */
#define P9_IOHDR 24 /* room for Twrite's header and more */
#define P9_MSIZE_DEFAULT (64 * 1024 + P9_IOHDR)
#define P9_MAXWELEM 16

static struct uk_9p_dev *p9_devs;

void uk_9p_dev_register(struct uk_9p_dev *dev)
{
	struct uk_9p_dev **p = &p9_devs;

	while (*p)
		p = &(*p)->next;
	dev->next = NULL;
	*p = dev;
}

struct uk_9p_dev *uk_9p_dev_find(const char *tag)
{
	struct uk_9p_dev *d;

	for (d = p9_devs; d; d = d->next)
		if (!strcmp(d->tag, tag))
			return d;
	return NULL;
}

struct uk_9p_dev *uk_9p_dev_first(void)
{
	return p9_devs;
}

/* Linux errno numbers (what QEMU's server sends) to this libc's. */
static const struct {
	uint16_t linux_no;
	int local;
} p9_errnos[] = {
	{ 1, EPERM },	    { 2, ENOENT },	 { 3, ESRCH },
	{ 4, EINTR },	    { 5, EIO },		 { 6, ENXIO },
	{ 7, E2BIG },	    { 9, EBADF },	 { 11, EAGAIN },
	{ 12, ENOMEM },	    { 13, EACCES },	 { 14, EFAULT },
	{ 16, EBUSY },	    { 17, EEXIST },	 { 18, EXDEV },
	{ 19, ENODEV },	    { 20, ENOTDIR },	 { 21, EISDIR },
	{ 22, EINVAL },	    { 23, ENFILE },	 { 24, EMFILE },
	{ 25, ENOTTY },	    { 26, ETXTBSY },	 { 27, EFBIG },
	{ 28, ENOSPC },	    { 29, ESPIPE },	 { 30, EROFS },
	{ 31, EMLINK },	    { 32, EPIPE },	 { 34, ERANGE },
	{ 36, ENAMETOOLONG }, { 38, ENOSYS },	 { 39, ENOTEMPTY },
	{ 40, ELOOP },	    { 61, ENODATA },	 { 75, EOVERFLOW },
	{ 95, EOPNOTSUPP }, { 110, ETIMEDOUT }, { 116, ESTALE },
	{ 122, EDQUOT },
};

int uk_9p_errno(uint32_t linux_errno)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(p9_errnos); i++)
		if (p9_errnos[i].linux_no == linux_errno)
			return p9_errnos[i].local;
	return EIO;
}

/* Encoding into the session's tx buffer. */
struct p9_buf {
	uint8_t *p;
	uint32_t len, cap;
	int err;
};

static void put(struct p9_buf *b, const void *v, uint32_t n)
{
	if (b->err || n > b->cap - b->len) {
		b->err = 1;
		return;
	}
	memcpy(b->p + b->len, v, n);
	b->len += n;
}

static void put8(struct p9_buf *b, uint8_t v)
{
	put(b, &v, 1);
}

static void put16(struct p9_buf *b, uint16_t v)
{
	uint8_t x[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	put(b, x, 2);
}

static void put32(struct p9_buf *b, uint32_t v)
{
	put16(b, (uint16_t)v);
	put16(b, (uint16_t)(v >> 16));
}

static void put64(struct p9_buf *b, uint64_t v)
{
	put32(b, (uint32_t)v);
	put32(b, (uint32_t)(v >> 32));
}

static void puts9(struct p9_buf *b, const char *s)
{
	size_t n = strlen(s);

	if (n > 0xffff) {
		b->err = 1;
		return;
	}
	put16(b, (uint16_t)n);
	put(b, s, (uint32_t)n);
}

/* Decoding of the rx buffer: b->len is the read position. */
static const uint8_t *get(struct p9_buf *b, uint32_t n)
{
	const uint8_t *p;

	if (b->err || n > b->cap - b->len) {
		b->err = 1;
		return NULL;
	}
	p = b->p + b->len;
	b->len += n;
	return p;
}

static uint8_t get8(struct p9_buf *b)
{
	const uint8_t *p = get(b, 1);

	return p ? p[0] : 0;
}

static uint16_t get16(struct p9_buf *b)
{
	const uint8_t *p = get(b, 2);

	return p ? (uint16_t)(p[0] | p[1] << 8) : 0;
}

static uint32_t get32(struct p9_buf *b)
{
	uint32_t lo = get16(b);

	return lo | (uint32_t)get16(b) << 16;
}

static uint64_t get64(struct p9_buf *b)
{
	uint64_t lo = get32(b);

	return lo | (uint64_t)get32(b) << 32;
}

static void getqid(struct p9_buf *b, struct uk_9p_qid *q)
{
	struct uk_9p_qid tmp;

	if (!q)
		q = &tmp;
	q->type = get8(b);
	q->version = get32(b);
	q->path = get64(b);
}

/* A string into buf (size bytes, NUL-terminated); its length. */
static int getstr(struct p9_buf *b, char *buf, size_t size)
{
	uint16_t n = get16(b);
	const uint8_t *p = get(b, n);

	if (!p)
		return -EIO;
	if ((size_t)n + 1 > size)
		return -ENAMETOOLONG;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

/* Start a request of type in the tx buffer (the session is locked). */
static struct p9_buf p9_begin(struct uk_9p_client *c, uint8_t type,
			      uint16_t tag)
{
	struct p9_buf b = { c->tx, 0, c->msize, 0 };

	put32(&b, 0); /* size, set by p9_rpc */
	put8(&b, type);
	put16(&b, tag);
	return b;
}

/*
 * Send the request in b and check the reply's header. On success *r
 * reads the reply's body. 0 or a negative errno.
 */
static int p9_rpc(struct uk_9p_client *c, struct p9_buf *b, struct p9_buf *r)
{
	uint8_t type = c->tx[4];
	uint16_t tag = (uint16_t)(c->tx[5] | c->tx[6] << 8);
	uint32_t size;
	uint8_t rtype;
	int rc;

	if (b->err)
		return -ENAMETOOLONG; /* only names can overflow msize */
	c->tx[0] = (uint8_t)b->len;
	c->tx[1] = (uint8_t)(b->len >> 8);
	c->tx[2] = (uint8_t)(b->len >> 16);
	c->tx[3] = (uint8_t)(b->len >> 24);
	rc = c->dev->ops->request(c->dev, c->tx, b->len, c->rx, c->msize,
				  &c->rxlen);
	if (rc < 0)
		return rc;
	*r = (struct p9_buf){ c->rx, 0, c->rxlen, 0 };
	size = get32(r);
	rtype = get8(r);
	if (r->err || size < P9_HDR || size > c->rxlen || get16(r) != tag) {
		uk_pr_err("9p %s: malformed reply to message type %u\n",
			  c->dev->tag, type);
		return -EIO;
	}
	r->cap = size;
	if (rtype == P9_RLERROR) {
		uint32_t e = get32(r);

		return r->err ? -EIO : -uk_9p_errno(e);
	}
	if (rtype != type + 1) {
		uk_pr_err("9p %s: reply type %u to message type %u\n",
			  c->dev->tag, rtype, type);
		return -EIO;
	}
	return 0;
}

static uint16_t p9_tag(struct uk_9p_client *c)
{
	if (++c->next_tag == P9_NOTAG)
		c->next_tag = 1;
	return c->next_tag;
}

#define P9_BEGIN(c, type) \
	(uk_mutex_lock(&(c)->lock), p9_begin((c), (type), p9_tag(c)))
#define P9_END(c, rc) (uk_mutex_unlock(&(c)->lock), (rc))

uint32_t uk_9p_iosize(const struct uk_9p_client *c)
{
	return c->msize - P9_IOHDR;
}

uint32_t uk_9p_fid_alloc(struct uk_9p_client *c)
{
	uint32_t fid;

	uk_mutex_lock(&c->lock);
	fid = c->next_fid++;
	if (c->next_fid == UK_9P_NOFID)
		c->next_fid = 1;
	uk_mutex_unlock(&c->lock);
	return fid;
}

static int p9_version(struct uk_9p_client *c)
{
	struct p9_buf b, r;
	char version[16];
	uint32_t msize;
	int rc;

	uk_mutex_lock(&c->lock);
	b = p9_begin(c, P9_TVERSION, P9_NOTAG);
	put32(&b, c->msize);
	puts9(&b, "9P2000.L");
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		msize = get32(&r);
		rc = getstr(&r, version, sizeof(version));
		if (r.err || rc < 0 || msize < 512 || msize > c->msize) {
			rc = -EIO;
		} else if (strcmp(version, "9P2000.L")) {
			uk_pr_err("9p %s: server speaks %s, not 9P2000.L\n",
				  c->dev->tag, version);
			rc = -EPROTONOSUPPORT;
		} else {
			c->msize = msize;
			rc = 0;
		}
	}
	uk_mutex_unlock(&c->lock);
	return rc;
}

int uk_9p_connect(const char *tag, const char *uname, uint32_t uid,
		  const char *aname, struct uk_9p_client **out,
		  uint32_t *root)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_9p_dev *dev = uk_9p_dev_find(tag);
	struct uk_9p_client *c;
	struct p9_buf b, r;
	int rc;

	if (!dev)
		return -ENOENT;
	if (!a)
		return -ENOMEM;
	c = uk_calloc(a, 1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->dev = dev;
	c->msize = P9_MSIZE_DEFAULT;
	if (dev->msize_max && dev->msize_max < c->msize)
		c->msize = dev->msize_max;
	c->next_fid = 1;
	uk_mutex_init(&c->lock);
	c->tx = uk_malloc(a, c->msize);
	c->rx = uk_malloc(a, c->msize);
	if (!c->tx || !c->rx) {
		rc = -ENOMEM;
		goto err;
	}
	rc = p9_version(c);
	if (rc < 0)
		goto err;
	*root = uk_9p_fid_alloc(c);
	b = P9_BEGIN(c, P9_TATTACH);
	put32(&b, *root);
	put32(&b, UK_9P_NOFID);
	puts9(&b, uname);
	puts9(&b, aname);
	put32(&b, uid);
	rc = P9_END(c, p9_rpc(c, &b, &r));
	if (rc < 0)
		goto err;
	*out = c;
	return 0;
err:
	uk_free(a, c->tx);
	uk_free(a, c->rx);
	uk_free(a, c);
	return rc;
}

void uk_9p_disconnect(struct uk_9p_client *c)
{
	struct uk_alloc *a = uk_alloc_get_default();

	uk_free(a, c->tx);
	uk_free(a, c->rx);
	uk_free(a, c);
}

int uk_9p_walk(struct uk_9p_client *c, uint32_t fid, uint32_t newfid,
	       unsigned int nwname, const char *const *wnames,
	       struct uk_9p_qid *qid)
{
	struct p9_buf b, r;
	unsigned int i;
	uint16_t nwqid;
	int rc;

	if (nwname > P9_MAXWELEM)
		return -ENAMETOOLONG;
	b = P9_BEGIN(c, P9_TWALK);
	put32(&b, fid);
	put32(&b, newfid);
	put16(&b, (uint16_t)nwname);
	for (i = 0; i < nwname; i++)
		puts9(&b, wnames[i]);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		nwqid = get16(&r);
		for (i = 0; i < nwqid && !r.err; i++)
			getqid(&r, qid);
		if (r.err || nwqid > nwname)
			rc = -EIO;
		else if (nwqid < nwname)
			rc = -ENOENT; /* newfid was not created */
	}
	return P9_END(c, rc);
}

int uk_9p_lopen(struct uk_9p_client *c, uint32_t fid, uint32_t flags,
		struct uk_9p_qid *qid, uint32_t *iounit)
{
	struct p9_buf b, r;
	uint32_t io;
	int rc;

	b = P9_BEGIN(c, P9_TLOPEN);
	put32(&b, fid);
	put32(&b, flags);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		getqid(&r, qid);
		io = get32(&r);
		if (iounit)
			*iounit = io;
		rc = r.err ? -EIO : 0;
	}
	return P9_END(c, rc);
}

int uk_9p_lcreate(struct uk_9p_client *c, uint32_t fid, const char *name,
		  uint32_t flags, uint32_t mode, uint32_t gid,
		  struct uk_9p_qid *qid, uint32_t *iounit)
{
	struct p9_buf b, r;
	uint32_t io;
	int rc;

	b = P9_BEGIN(c, P9_TLCREATE);
	put32(&b, fid);
	puts9(&b, name);
	put32(&b, flags);
	put32(&b, mode);
	put32(&b, gid);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		getqid(&r, qid);
		io = get32(&r);
		if (iounit)
			*iounit = io;
		rc = r.err ? -EIO : 0;
	}
	return P9_END(c, rc);
}

/* Tread and Treaddir share their layout. */
static int p9_read(struct uk_9p_client *c, uint8_t type, uint32_t fid,
		   uint64_t off, void *buf, uint32_t count)
{
	struct p9_buf b, r;
	const uint8_t *p;
	uint32_t n;
	int rc;

	if (count > uk_9p_iosize(c))
		count = uk_9p_iosize(c);
	b = P9_BEGIN(c, type);
	put32(&b, fid);
	put64(&b, off);
	put32(&b, count);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		n = get32(&r);
		p = get(&r, n);
		if (!p || n > count) {
			rc = -EIO;
		} else {
			memcpy(buf, p, n);
			rc = (int)n;
		}
	}
	return P9_END(c, rc);
}

int uk_9p_read(struct uk_9p_client *c, uint32_t fid, uint64_t off,
	       void *buf, uint32_t count)
{
	return p9_read(c, P9_TREAD, fid, off, buf, count);
}

int uk_9p_write(struct uk_9p_client *c, uint32_t fid, uint64_t off,
		const void *buf, uint32_t count)
{
	struct p9_buf b, r;
	uint32_t n;
	int rc;

	if (count > uk_9p_iosize(c))
		count = uk_9p_iosize(c);
	b = P9_BEGIN(c, P9_TWRITE);
	put32(&b, fid);
	put64(&b, off);
	put32(&b, count);
	put(&b, buf, count);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		n = get32(&r);
		rc = r.err || n > count ? -EIO : (int)n;
	}
	return P9_END(c, rc);
}

int uk_9p_getattr(struct uk_9p_client *c, uint32_t fid, uint64_t mask,
		  struct uk_9p_attr *at)
{
	struct p9_buf b, r;
	int rc;

	b = P9_BEGIN(c, P9_TGETATTR);
	put32(&b, fid);
	put64(&b, mask);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		at->valid = get64(&r);
		getqid(&r, &at->qid);
		at->mode = get32(&r);
		at->uid = get32(&r);
		at->gid = get32(&r);
		at->nlink = get64(&r);
		at->rdev = get64(&r);
		at->size = get64(&r);
		at->blksize = get64(&r);
		at->blocks = get64(&r);
		at->atime_sec = get64(&r);
		at->atime_nsec = get64(&r);
		at->mtime_sec = get64(&r);
		at->mtime_nsec = get64(&r);
		at->ctime_sec = get64(&r);
		at->ctime_nsec = get64(&r);
		/* btime, gen and data_version follow: unused. */
		rc = r.err ? -EIO : 0;
	}
	return P9_END(c, rc);
}

int uk_9p_setattr(struct uk_9p_client *c, uint32_t fid,
		  const struct uk_9p_setattr *sa)
{
	struct p9_buf b, r;

	b = P9_BEGIN(c, P9_TSETATTR);
	put32(&b, fid);
	put32(&b, sa->valid);
	put32(&b, sa->mode);
	put32(&b, sa->uid);
	put32(&b, sa->gid);
	put64(&b, sa->size);
	put64(&b, sa->atime_sec);
	put64(&b, sa->atime_nsec);
	put64(&b, sa->mtime_sec);
	put64(&b, sa->mtime_nsec);
	return P9_END(c, p9_rpc(c, &b, &r));
}

int uk_9p_readdir(struct uk_9p_client *c, uint32_t fid, uint64_t offset,
		  void *buf, uint32_t count)
{
	return p9_read(c, P9_TREADDIR, fid, offset, buf, count);
}

int uk_9p_readdir_next(const void *buf, uint32_t len, uint32_t *pos,
		       struct uk_9p_dirent *de)
{
	struct p9_buf r = { (uint8_t *)buf, *pos, len, 0 };

	if (*pos >= len)
		return 0;
	getqid(&r, &de->qid);
	de->offset = get64(&r);
	de->type = get8(&r);
	if (getstr(&r, de->name, sizeof(de->name)) < 0 || r.err)
		return -EIO;
	*pos = r.len;
	return 1;
}

int uk_9p_mkdir(struct uk_9p_client *c, uint32_t dfid, const char *name,
		uint32_t mode, uint32_t gid, struct uk_9p_qid *qid)
{
	struct p9_buf b, r;
	int rc;

	b = P9_BEGIN(c, P9_TMKDIR);
	put32(&b, dfid);
	puts9(&b, name);
	put32(&b, mode);
	put32(&b, gid);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		getqid(&r, qid);
		rc = r.err ? -EIO : 0;
	}
	return P9_END(c, rc);
}

int uk_9p_unlinkat(struct uk_9p_client *c, uint32_t dfid, const char *name,
		   uint32_t flags)
{
	struct p9_buf b, r;

	b = P9_BEGIN(c, P9_TUNLINKAT);
	put32(&b, dfid);
	puts9(&b, name);
	put32(&b, flags);
	return P9_END(c, p9_rpc(c, &b, &r));
}

int uk_9p_renameat(struct uk_9p_client *c, uint32_t olddfid,
		   const char *oldname, uint32_t newdfid, const char *newname)
{
	struct p9_buf b, r;

	b = P9_BEGIN(c, P9_TRENAMEAT);
	put32(&b, olddfid);
	puts9(&b, oldname);
	put32(&b, newdfid);
	puts9(&b, newname);
	return P9_END(c, p9_rpc(c, &b, &r));
}

int uk_9p_symlink(struct uk_9p_client *c, uint32_t dfid, const char *name,
		  const char *target, uint32_t gid, struct uk_9p_qid *qid)
{
	struct p9_buf b, r;
	int rc;

	b = P9_BEGIN(c, P9_TSYMLINK);
	put32(&b, dfid);
	puts9(&b, name);
	puts9(&b, target);
	put32(&b, gid);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		getqid(&r, qid);
		rc = r.err ? -EIO : 0;
	}
	return P9_END(c, rc);
}

int uk_9p_readlink(struct uk_9p_client *c, uint32_t fid, char *buf,
		   size_t size)
{
	struct p9_buf b, r;
	int rc;

	b = P9_BEGIN(c, P9_TREADLINK);
	put32(&b, fid);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0)
		rc = getstr(&r, buf, size);
	return P9_END(c, rc);
}

int uk_9p_fsync(struct uk_9p_client *c, uint32_t fid, int datasync)
{
	struct p9_buf b, r;

	b = P9_BEGIN(c, P9_TFSYNC);
	put32(&b, fid);
	put32(&b, datasync ? 1 : 0);
	return P9_END(c, p9_rpc(c, &b, &r));
}

int uk_9p_clunk(struct uk_9p_client *c, uint32_t fid)
{
	struct p9_buf b, r;

	b = P9_BEGIN(c, P9_TCLUNK);
	put32(&b, fid);
	return P9_END(c, p9_rpc(c, &b, &r));
}

int uk_9p_statfs(struct uk_9p_client *c, uint32_t fid,
		 struct uk_9p_statfs *st)
{
	struct p9_buf b, r;
	int rc;

	b = P9_BEGIN(c, P9_TSTATFS);
	put32(&b, fid);
	rc = p9_rpc(c, &b, &r);
	if (rc == 0) {
		st->type = get32(&r);
		st->bsize = get32(&r);
		st->blocks = get64(&r);
		st->bfree = get64(&r);
		st->bavail = get64(&r);
		st->files = get64(&r);
		st->ffree = get64(&r);
		st->fsid = get64(&r);
		st->namelen = get32(&r);
		rc = r.err ? -EIO : 0;
	}
	return P9_END(c, rc);
}
