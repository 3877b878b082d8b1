/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pipes: a ring buffer between a read end and a write end. A read waits
 * for data or the last writer's close (end of file); a write waits for
 * room, and fails with EPIPE once no reader is left (no SIGPIPE).
 *
 * socketpair(AF_UNIX, SOCK_STREAM): two pipes crossed. Each end reads
 * one pipe and writes the other; shutdown() closes one direction of an
 * end, close() both.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/socket.h>
#include <uk/vfs.h>

#define PIPE_SIZE 65536

struct pipe {
	char *buf;
	size_t head, len; /* first byte and bytes held */
	int readers, writers;
	/* the files at its ends, told when readiness changes */
	struct uk_file *rf, *wf;
#if CONFIG_LIBUKSCHED
	struct uk_waitq rq, wq; /* readers and writers waiting */
#endif
};

/* Wakes blocked readers and writers; tells pollers what became true. */
static void wake(struct pipe *p, int rev, int wev)
{
#if CONFIG_LIBUKSCHED
	uk_waitq_wake_all(&p->rq);
	uk_waitq_wake_all(&p->wq);
#endif
	if (rev)
		uk_vfs_file_notify(p->rf, rev);
	if (wev)
		uk_vfs_file_notify(p->wf, wev);
}

static ssize_t pipe_get(struct uk_file *f, struct pipe *p, void *buf,
			size_t len)
{
	size_t n, part;
	int rc;

	if (!len)
		return 0;
	rc = uk_vfs_wait_event(f, &p->rq, p->len || !p->writers);
	if (rc < 0)
		return rc;
	n = len < p->len ? len : p->len;
	part = PIPE_SIZE - p->head;
	if (part > n)
		part = n;
	memcpy(buf, p->buf + p->head, part);
	memcpy((char *)buf + part, p->buf, n - part);
	p->head = (p->head + n) % PIPE_SIZE;
	p->len -= n;
	if (!p->len)
		p->head = 0;
	wake(p, 0, UK_VFS_POLLOUT);
	return (ssize_t)n;
}

static ssize_t pipe_put(struct uk_file *f, struct pipe *p, const void *buf,
			size_t len)
{
	size_t done = 0, n, tail, part;
	int rc;

	while (done < len) {
		/* up to PIPE_BUF bytes go in at once or not at all */
		size_t need = len - done <= PIPE_BUF ? len - done : 1;

		if (!p->readers)
			return done ? (ssize_t)done : -EPIPE;
		rc = uk_vfs_wait_event(f, &p->wq,
				       PIPE_SIZE - p->len >= need ||
				       !p->readers);
		if (rc < 0)
			return done ? (ssize_t)done : rc;
		if (!p->readers)
			return done ? (ssize_t)done : -EPIPE;
		n = PIPE_SIZE - p->len;
		if (n > len - done)
			n = len - done;
		tail = (p->head + p->len) % PIPE_SIZE;
		part = PIPE_SIZE - tail;
		if (part > n)
			part = n;
		memcpy(p->buf + tail, (const char *)buf + done, part);
		memcpy(p->buf, (const char *)buf + done + part, n - part);
		p->len += n;
		done += n;
		wake(p, UK_VFS_POLLIN, 0);
	}
	return (ssize_t)done;
}

static ssize_t pipe_read(struct uk_file *f, void *buf, size_t len,
			 off_t *off __unused)
{
	return pipe_get(f, f->priv, buf, len);
}

static ssize_t pipe_write(struct uk_file *f, const void *buf, size_t len,
			  off_t *off __unused)
{
	return pipe_put(f, f->priv, buf, len);
}

static int pipe_poll(struct uk_file *f, int events __unused)
{
	struct pipe *p = f->priv;
	int r = 0;

	if ((f->flags & O_ACCMODE) == O_RDONLY) {
		if (p->len)
			r |= UK_VFS_POLLIN;
		if (!p->writers)
			r |= UK_VFS_POLLHUP;
	} else {
		if (PIPE_SIZE - p->len >= PIPE_BUF)
			r |= UK_VFS_POLLOUT;
		if (!p->readers)
			r |= UK_VFS_POLLERR;
	}
	return r;
}

static int pipe_fstat(struct uk_file *f, struct stat *st)
{
	struct pipe *p = f->priv;

	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFIFO | 0600;
	st->st_nlink = 1;
	st->st_size = (off_t)p->len;
	st->st_blksize = PIPE_BUF;
	return 0;
}

static void pipe_close(struct uk_file *f)
{
	struct pipe *p = f->priv;

	if ((f->flags & O_ACCMODE) == O_RDONLY) {
		p->readers--;
		p->rf = NULL;
	} else {
		p->writers--;
		p->wf = NULL;
	}
	wake(p, UK_VFS_POLLHUP, UK_VFS_POLLERR);
	if (!p->readers && !p->writers) {
		free(p->buf);
		free(p);
	}
}

static const struct uk_file_ops pipe_ops = {
	.read = pipe_read,
	.write = pipe_write,
	.fstat = pipe_fstat,
	.poll = pipe_poll,
	.close = pipe_close,
};

int uk_sys_pipe2(int fds[2], int flags)
{
	struct uk_file *r, *w;
	struct pipe *p;
	int rfd, wfd;

	if (!fds)
		return -EFAULT;
	if (flags & ~(O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->buf = malloc(PIPE_SIZE);
	r = uk_vfs_file_alloc(&pipe_ops, O_RDONLY | (flags & O_NONBLOCK), p);
	w = uk_vfs_file_alloc(&pipe_ops, O_WRONLY | (flags & O_NONBLOCK), p);
	if (!p->buf || !r || !w) {
		free(r);
		free(w);
		free(p->buf);
		free(p);
		return -ENOMEM;
	}
	p->readers = p->writers = 1;
	p->rf = r;
	p->wf = w;
	rfd = uk_vfs_fd_install(r, 0, flags & O_CLOEXEC);
	if (rfd < 0) {
		/* r was freed (and closed its end) */
		free(w);
		free(p->buf);
		free(p);
		return rfd;
	}
	wfd = uk_vfs_fd_install(w, 0, flags & O_CLOEXEC);
	if (wfd < 0) {
		uk_sys_close(rfd); /* frees p with the last end */
		return wfd;
	}
	fds[0] = rfd;
	fds[1] = wfd;
	return 0;
}

/* One end of a socket pair: reads in, writes out; the peer the reverse. */
struct sp_end {
	struct pipe *in, *out;
	int rd_open, wr_open; /* not shut down, not closed */
};

static void pipe_free_unused(struct pipe *p)
{
	if (!p->readers && !p->writers) {
		free(p->buf);
		free(p);
	}
}

static void sp_shut_rd(struct sp_end *e)
{
	if (!e->rd_open)
		return;
	e->rd_open = 0;
	e->in->readers--;
	/* the peer's writes fail with EPIPE from now on */
	wake(e->in, UK_VFS_POLLIN, UK_VFS_POLLERR | UK_VFS_POLLOUT);
	e->in->rf = NULL;
}

static void sp_shut_wr(struct sp_end *e)
{
	if (!e->wr_open)
		return;
	e->wr_open = 0;
	e->out->writers--;
	/* the peer reads end of file */
	wake(e->out, UK_VFS_POLLIN | UK_VFS_POLLRDHUP | UK_VFS_POLLHUP,
	     UK_VFS_POLLOUT);
	e->out->wf = NULL;
}

static ssize_t sp_read(struct uk_file *f, void *buf, size_t len,
		       off_t *off __unused)
{
	struct sp_end *e = f->priv;

	if (!e->rd_open)
		return 0;
	return pipe_get(f, e->in, buf, len);
}

static ssize_t sp_write(struct uk_file *f, const void *buf, size_t len,
			off_t *off __unused)
{
	struct sp_end *e = f->priv;

	if (!e->wr_open)
		return -EPIPE;
	return pipe_put(f, e->out, buf, len);
}

static int sp_poll(struct uk_file *f, int events __unused)
{
	struct sp_end *e = f->priv;
	int r = 0, eof = !e->rd_open || !e->in->writers;

	if (e->in->len || eof)
		r |= UK_VFS_POLLIN;
	if (!e->in->writers)
		r |= UK_VFS_POLLRDHUP;
	/* a write that fails at once (EPIPE) is ready too */
	if (!e->wr_open || !e->out->readers ||
	    PIPE_SIZE - e->out->len >= PIPE_BUF)
		r |= UK_VFS_POLLOUT;
	if (eof && (!e->wr_open || !e->out->readers))
		r |= UK_VFS_POLLHUP;
	return r;
}

static int sp_fstat(struct uk_file *f __unused, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFSOCK | 0777;
	st->st_nlink = 1;
	st->st_blksize = PIPE_BUF;
	return 0;
}

static int sp_shutdown(struct uk_file *f, int how)
{
	struct sp_end *e = f->priv;

	if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
		return -EINVAL;
	if (how != SHUT_WR)
		sp_shut_rd(e);
	if (how != SHUT_RD)
		sp_shut_wr(e);
	return 0;
}

static void sp_close(struct uk_file *f)
{
	struct sp_end *e = f->priv;

	sp_shut_rd(e);
	sp_shut_wr(e);
	pipe_free_unused(e->in);
	pipe_free_unused(e->out);
	free(e);
}

static const struct uk_file_ops sp_ops = {
	.read = sp_read,
	.write = sp_write,
	.fstat = sp_fstat,
	.poll = sp_poll,
	.shutdown = sp_shutdown,
	.close = sp_close,
};

static struct pipe *pipe_new(void)
{
	struct pipe *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->buf = malloc(PIPE_SIZE);
	if (!p->buf) {
		free(p);
		return NULL;
	}
	p->readers = p->writers = 1;
	return p;
}

/* Linux's SOCK_NONBLOCK and SOCK_CLOEXEC bits of a socket type. */
#define SP_NONBLOCK 04000
#define SP_CLOEXEC 02000000

int uk_sys_socketpair(int domain, int type, int protocol, int sv[2])
{
	struct pipe *ab = NULL, *ba = NULL;
	struct sp_end *a = NULL, *b = NULL;
	struct uk_file *fa = NULL, *fb = NULL;
	int flags, afd, bfd;

	if (domain != AF_UNIX)
		return -EAFNOSUPPORT;
	if ((type & ~(SP_NONBLOCK | SP_CLOEXEC)) != SOCK_STREAM)
		return -EOPNOTSUPP;
	if (protocol != 0)
		return -EPROTONOSUPPORT;
	if (!sv)
		return -EFAULT;
	flags = O_RDWR | ((type & SP_NONBLOCK) ? O_NONBLOCK : 0);
	ab = pipe_new();
	ba = pipe_new();
	a = calloc(1, sizeof(*a));
	b = calloc(1, sizeof(*b));
	if (a && b) {
		fa = uk_vfs_file_alloc(&sp_ops, flags, a);
		fb = uk_vfs_file_alloc(&sp_ops, flags, b);
	}
	if (!ab || !ba || !fa || !fb) {
		free(fa);
		free(fb);
		free(a);
		free(b);
		if (ab)
			free(ab->buf);
		if (ba)
			free(ba->buf);
		free(ab);
		free(ba);
		return -ENOMEM;
	}
	a->in = ba;
	a->out = ab;
	b->in = ab;
	b->out = ba;
	a->rd_open = a->wr_open = b->rd_open = b->wr_open = 1;
	ab->wf = fa;
	ab->rf = fb;
	ba->wf = fb;
	ba->rf = fa;
	afd = uk_vfs_fd_install(fa, 0, type & SP_CLOEXEC);
	if (afd < 0) {
		/* fa was closed: b is the only user left of both pipes */
		sp_close(fb);
		free(fb);
		return afd;
	}
	bfd = uk_vfs_fd_install(fb, 0, type & SP_CLOEXEC);
	if (bfd < 0) {
		uk_sys_close(afd);
		return bfd;
	}
	sv[0] = afd;
	sv[1] = bfd;
	return 0;
}

int uk_sys_shutdown(int fd, int how)
{
	struct uk_file *f = uk_vfs_fd_file(fd);

	if (!f)
		return -EBADF;
	if (!f->ops->shutdown)
		return -ENOTSOCK;
	return f->ops->shutdown(f, how);
}
