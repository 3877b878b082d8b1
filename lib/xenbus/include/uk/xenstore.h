/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A synchronous xenstore client (lib/xenbus). Paths without a leading '/'
 * are relative to /local/domain/<domid>. Errors are negative errnos:
 * xenstored's own (-ENOENT for a missing key, -EACCES, -EEXIST,
 * -ENOTEMPTY, -EAGAIN when a transaction must be retried, ...), -EIO when
 * xenstored does not answer within 5 s, -ENODEV when the domain has no
 * xenstore ring. Calls wait for xenstored's answer by idling the vCPU
 * (ukplat_lcpu_halt_irq_until) until the xenstore event channel fires:
 * one caller at a time, never from an event handler.
 */
#ifndef __UK_XENSTORE_H__
#define __UK_XENSTORE_H__

#include <uk/essentials.h>
#include <uk/arch/types.h>
#include <uk/plat/xen.h>

/* A transaction id; UK_XENSTORE_TX_NONE: outside any transaction. */
typedef uint32_t uk_xenstore_tx_t;
#define UK_XENSTORE_TX_NONE 0
#define UK_XENSTORE_TOKEN_MAX 32

/*
 * Read the value at path into buf (NUL-terminated, truncated to len - 1
 * bytes). Returns the value's length or a negative errno.
 */
int uk_xenstore_read(const char *path, char *buf, unsigned int len);
/* Write value at path, creating it (and its parents); 0 or -errno. */
int uk_xenstore_write(const char *path, const char *value);
/*
 * The names of path's children into buf, each ended by a NUL, the list
 * ended by an empty name. Returns the bytes used (without the final NUL),
 * -ENOMEM if buf is too small, or -errno.
 */
int uk_xenstore_directory(const char *path, char *buf, unsigned int len);
/* Remove path and everything below it; 0 or -errno. */
int uk_xenstore_rm(const char *path);

/* The same inside a transaction. */
int uk_xenstore_tx_read(uk_xenstore_tx_t tx, const char *path, char *buf,
			unsigned int len);
int uk_xenstore_tx_write(uk_xenstore_tx_t tx, const char *path,
			 const char *value);
int uk_xenstore_tx_directory(uk_xenstore_tx_t tx, const char *path, char *buf,
			     unsigned int len);
int uk_xenstore_tx_rm(uk_xenstore_tx_t tx, const char *path);

/*
 * Transactions: what is done inside one becomes visible at once when it
 * ends with a commit (abort 0), or not at all (abort 1). A commit fails
 * with -EAGAIN when another client changed what the transaction used: the
 * protocol's answer is to run the whole transaction again.
 */
int uk_xenstore_transaction_start(uk_xenstore_tx_t *tx);
int uk_xenstore_transaction_end(uk_xenstore_tx_t tx, int abort);
/*
 * Run fn in a transaction and commit, up to `tries` times while the
 * commit (or fn) gives -EAGAIN. fn's error aborts the transaction and is
 * returned. 0, fn's error, or -EAGAIN when every try conflicted.
 */
int uk_xenstore_transact(int (*fn)(uk_xenstore_tx_t tx, void *arg), void *arg,
			 unsigned int tries);

/*
 * Watches: xenstored reports every change at or below path with an event
 * (path changed, token); it also fires once when the watch is set.
 * Events of a watch with a callback run it from uk_xenstore_poll() or
 * uk_xenstore_watch_wait() (thread context, never from an interrupt);
 * the others are returned by uk_xenstore_watch_wait(). Tokens are
 * shorter than UK_XENSTORE_TOKEN_MAX and name one watch.
 */
typedef void (*uk_xenstore_watch_fn)(const char *path, const char *token,
				     void *arg);
int uk_xenstore_watch(const char *path, const char *token,
		      uk_xenstore_watch_fn fn, void *arg);
int uk_xenstore_unwatch(const char *path, const char *token);
/* Run the callbacks of the events that arrived; how many ran, or -errno. */
int uk_xenstore_poll(void);
/*
 * Wait up to timeout ns for the next event of a watch without callback:
 * its path and token into the buffers (truncated). 0, -ETIMEDOUT or
 * -errno.
 */
int uk_xenstore_watch_wait(char *path, unsigned int plen, char *token,
			   unsigned int tlen, __nsec timeout);

#endif /* __UK_XENSTORE_H__ */
