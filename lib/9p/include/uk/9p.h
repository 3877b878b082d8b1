/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A 9P2000.L client. A transport (virtio-9p) registers a device under its
 * mount tag; uk_9p_connect() opens a session on it (Tversion, Tattach) and
 * gives the fid of the attached root. Every call returns 0 or a value
 * >= 0 on success, a negative errno on failure: the server's Rlerror
 * (translated from Linux numbers to this libc's), -EIO for a malformed
 * reply, -ENODEV for a transport failure.
 *
 * Flags for uk_9p_lopen/uk_9p_lcreate are the Linux ones the protocol
 * carries (UK_9P_O_*), not this libc's O_* values.
 */
#ifndef __UK_9P_H__
#define __UK_9P_H__

#include <stdint.h>
#include <stddef.h>
#include <uk/lock.h>

#define UK_9P_NOFID 0xffffffffU

/* Linux open flags (9P2000.L Tlopen, Tlcreate). */
#define UK_9P_O_RDONLY 00
#define UK_9P_O_WRONLY 01
#define UK_9P_O_RDWR 02
#define UK_9P_O_CREAT 0100
#define UK_9P_O_EXCL 0200
#define UK_9P_O_TRUNC 01000
#define UK_9P_O_APPEND 02000
#define UK_9P_O_DIRECTORY 0200000

/* Tunlinkat flag: remove a directory. */
#define UK_9P_AT_REMOVEDIR 0x200

/* Tgetattr request mask. */
#define UK_9P_GETATTR_BASIC 0x7ffULL

/* Tsetattr valid bits. */
#define UK_9P_SETATTR_MODE 0x1
#define UK_9P_SETATTR_UID 0x2
#define UK_9P_SETATTR_GID 0x4
#define UK_9P_SETATTR_SIZE 0x8
#define UK_9P_SETATTR_ATIME 0x10
#define UK_9P_SETATTR_MTIME 0x20
#define UK_9P_SETATTR_CTIME 0x40
#define UK_9P_SETATTR_ATIME_SET 0x80
#define UK_9P_SETATTR_MTIME_SET 0x100

/* qid types. */
#define UK_9P_QTDIR 0x80
#define UK_9P_QTSYMLINK 0x02

struct uk_9p_qid {
	uint8_t type;
	uint32_t version;
	uint64_t path;
};

struct uk_9p_attr {
	uint64_t valid;
	struct uk_9p_qid qid;
	uint32_t mode, uid, gid;
	uint64_t nlink, rdev, size, blksize, blocks;
	uint64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec;
	uint64_t ctime_sec, ctime_nsec;
};

struct uk_9p_setattr {
	uint32_t valid; /* UK_9P_SETATTR_* */
	uint32_t mode, uid, gid;
	uint64_t size;
	uint64_t atime_sec, atime_nsec, mtime_sec, mtime_nsec;
};

struct uk_9p_statfs {
	uint32_t type, bsize;
	uint64_t blocks, bfree, bavail, files, ffree, fsid;
	uint32_t namelen;
};

/* One directory entry, as uk_9p_readdir_next() decodes it. */
struct uk_9p_dirent {
	struct uk_9p_qid qid;
	uint64_t offset; /* where the entry after this one starts */
	uint8_t type; /* DT_* value */
	char name[256];
};

/* A transport: one request out, its reply in. */
struct uk_9p_dev;
struct uk_9p_trans_ops {
	/*
	 * Send tx (txlen bytes), put the reply into rx (at most rxmax
	 * bytes) and its length into *rxlen. 0 or a negative errno.
	 */
	int (*request)(struct uk_9p_dev *dev, const void *tx, uint32_t txlen,
		       void *rx, uint32_t rxmax, uint32_t *rxlen);
};

struct uk_9p_dev {
	const char *tag;
	const struct uk_9p_trans_ops *ops;
	uint32_t msize_max; /* largest message the transport carries */
	void *priv;
	struct uk_9p_dev *next;
};

/* For transports. */
void uk_9p_dev_register(struct uk_9p_dev *dev);
/* The device with this mount tag, or NULL. */
struct uk_9p_dev *uk_9p_dev_find(const char *tag);
/* The first registered device (or NULL); ->next walks the rest. */
struct uk_9p_dev *uk_9p_dev_first(void);

/* A session on one device. */
struct uk_9p_client {
	struct uk_9p_dev *dev;
	uint32_t msize;
	uint32_t next_fid;
	uint16_t next_tag;
	uint8_t *tx, *rx;
	uint32_t rxlen;
	struct uk_mutex lock;
};

/*
 * Open a session on the device with mount tag tag and attach aname as
 * user uname/uid. The root's fid in *root. -ENOENT: no such tag.
 */
int uk_9p_connect(const char *tag, const char *uname, uint32_t uid,
		  const char *aname, struct uk_9p_client **out,
		  uint32_t *root);
/* Clunk nothing; frees the session (its fids must be clunked first). */
void uk_9p_disconnect(struct uk_9p_client *c);

/* Largest payload of one read or write. */
uint32_t uk_9p_iosize(const struct uk_9p_client *c);

/* A fresh fid number (not yet known to the server). */
uint32_t uk_9p_fid_alloc(struct uk_9p_client *c);

/*
 * Walk from fid through nwname names (0: clone) to the new fid newfid.
 * The walked qid (if nwname > 0) in *qid. -ENOENT when a name is missing.
 */
int uk_9p_walk(struct uk_9p_client *c, uint32_t fid, uint32_t newfid,
	       unsigned int nwname, const char *const *wnames,
	       struct uk_9p_qid *qid);
int uk_9p_lopen(struct uk_9p_client *c, uint32_t fid, uint32_t flags,
		struct uk_9p_qid *qid, uint32_t *iounit);
/* fid (a directory) becomes the created and opened file name. */
int uk_9p_lcreate(struct uk_9p_client *c, uint32_t fid, const char *name,
		  uint32_t flags, uint32_t mode, uint32_t gid,
		  struct uk_9p_qid *qid, uint32_t *iounit);
/* Bytes read (0 at the end), at most uk_9p_iosize(). */
int uk_9p_read(struct uk_9p_client *c, uint32_t fid, uint64_t off,
	       void *buf, uint32_t count);
/* Bytes written, at most uk_9p_iosize(). */
int uk_9p_write(struct uk_9p_client *c, uint32_t fid, uint64_t off,
		const void *buf, uint32_t count);
int uk_9p_getattr(struct uk_9p_client *c, uint32_t fid, uint64_t mask,
		  struct uk_9p_attr *attr);
int uk_9p_setattr(struct uk_9p_client *c, uint32_t fid,
		  const struct uk_9p_setattr *sa);
/*
 * Raw directory entries from offset into buf (count bytes at most):
 * the bytes given, 0 at the end. Decode with uk_9p_readdir_next().
 */
int uk_9p_readdir(struct uk_9p_client *c, uint32_t fid, uint64_t offset,
		  void *buf, uint32_t count);
/*
 * Decode the entry at *pos of buf (len bytes) and advance *pos:
 * 1, 0 at the end of buf, -EIO when malformed.
 */
int uk_9p_readdir_next(const void *buf, uint32_t len, uint32_t *pos,
		       struct uk_9p_dirent *de);
int uk_9p_mkdir(struct uk_9p_client *c, uint32_t dfid, const char *name,
		uint32_t mode, uint32_t gid, struct uk_9p_qid *qid);
int uk_9p_unlinkat(struct uk_9p_client *c, uint32_t dfid, const char *name,
		   uint32_t flags);
int uk_9p_renameat(struct uk_9p_client *c, uint32_t olddfid,
		   const char *oldname, uint32_t newdfid, const char *newname);
int uk_9p_symlink(struct uk_9p_client *c, uint32_t dfid, const char *name,
		  const char *target, uint32_t gid, struct uk_9p_qid *qid);
/* The target, NUL-terminated, in buf (size bytes): its length. */
int uk_9p_readlink(struct uk_9p_client *c, uint32_t fid, char *buf,
		   size_t size);
int uk_9p_fsync(struct uk_9p_client *c, uint32_t fid, int datasync);
int uk_9p_clunk(struct uk_9p_client *c, uint32_t fid);
int uk_9p_statfs(struct uk_9p_client *c, uint32_t fid,
		 struct uk_9p_statfs *st);

/* A Linux errno number (Rlerror) as this libc's errno. */
int uk_9p_errno(uint32_t linux_errno);

#endif /* __UK_9P_H__ */
