/* SPDX-License-Identifier: BSD-3-Clause */
/* Vectored I/O (lib/vfs): newlib's generic targets have no <sys/uio.h>. */
#ifndef __UK_VFS_SYS_UIO_H__
#define __UK_VFS_SYS_UIO_H__

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* lwIP's <lwip/sockets.h> defines the same struct unless iovec is a macro. */
#ifndef LWIP_HDR_SOCKETS_H
struct iovec {
	void *iov_base;
	size_t iov_len;
};
#endif
#ifndef iovec
#define iovec iovec
#endif

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
ssize_t preadv(int fd, const struct iovec *iov, int iovcnt, off_t off);
ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t off);

#ifdef __cplusplus
}
#endif

#endif /* __UK_VFS_SYS_UIO_H__ */
