/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pipes: a ring buffer between a read end and a write end. A read waits
 * for data or the last writer's close (end of file); a write waits for
 * room, and fails with EPIPE once no reader is left (no SIGPIPE).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
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

static ssize_t pipe_read(struct uk_file *f, void *buf, size_t len,
			 off_t *off __unused)
{
	struct pipe *p = f->priv;
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

static ssize_t pipe_write(struct uk_file *f, const void *buf, size_t len,
			  off_t *off __unused)
{
	struct pipe *p = f->priv;
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
