/* SPDX-License-Identifier: BSD-3-Clause */
/* A synchronous xenstore client (lib/xenbus). */
#ifndef __UK_XENSTORE_H__
#define __UK_XENSTORE_H__

#include <uk/essentials.h>

/*
 * Read the value at path into buf (NUL-terminated, truncated to len - 1
 * bytes). Returns the value's length, or a negative errno: -ENOENT (2) for
 * a missing key, -EACCES (13), -EIO (5) when xenstored does not answer
 * within 5 s, -ENODEV (19) when the domain has no xenstore ring.
 */
int uk_xenstore_read(const char *path, char *buf, unsigned int len);
/* Write value at path; 0 or a negative errno as above. */
int uk_xenstore_write(const char *path, const char *value);

/* Provided by plat/xen: the xenstore ring page and its event channel. */
void *ukplat_xen_store_ring(uint32_t *port);
void ukplat_xen_notify(uint32_t port);
void ukplat_xen_yield(void);

#endif /* __UK_XENSTORE_H__ */
