/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small reader of flattened device trees (Devicetree Specification
 * v0.4, chapter 5), working on the blob in place without allocating.
 * Nodes are named by their offset in the structure block (>= 0); the
 * functions return a negative UK_FDT_ERR_* when something is missing or
 * the blob is malformed. Reads are bytewise: the blob may sit anywhere.
 */
#ifndef __UK_FDT_H__
#define __UK_FDT_H__

#include <stddef.h>
#include <stdint.h>

#define UK_FDT_MAGIC 0xd00dfeedU

#define UK_FDT_ERR_NOTFOUND (-1)
#define UK_FDT_ERR_BADMAGIC (-2)
#define UK_FDT_ERR_BADVERSION (-3)
#define UK_FDT_ERR_BADSTRUCT (-4)
#define UK_FDT_ERR_TRUNCATED (-5)

/* 0 when fdt points to a device tree this reader understands. */
int uk_fdt_check(const void *fdt);
/* Total size of the blob (header field), 0 when it is not a blob. */
size_t uk_fdt_size(const void *fdt);

/*
 * The node after `node` in document order (-1: start at the root), with
 * *depth adjusted (+1 into a child, the same for a sibling, less when
 * leaving subtrees). Returns UK_FDT_ERR_NOTFOUND at the end.
 */
int uk_fdt_next_node(const void *fdt, int node, int *depth);
/* Children of a node, in order. */
int uk_fdt_first_subnode(const void *fdt, int parent);
int uk_fdt_next_subnode(const void *fdt, int node);
/* The node's parent (the root has none). */
int uk_fdt_parent(const void *fdt, int node);

/* The node's name with its unit address ("memory@40000000"). */
const char *uk_fdt_node_name(const void *fdt, int node);
/*
 * Offset of the node at an absolute path ("/chosen", "/soc/uart@..."); a
 * component without '@' also matches a name with a unit address.
 */
int uk_fdt_path_offset(const void *fdt, const char *path);
/* 1 when the node's "compatible" list holds compat, else 0. */
int uk_fdt_node_compatible(const void *fdt, int node, const char *compat);
/* First node after `from` (-1: from the start) compatible with compat. */
int uk_fdt_node_by_compatible(const void *fdt, int from, const char *compat);

/* A property's value and length (bytes), or NULL. */
const void *uk_fdt_getprop(const void *fdt, int node, const char *name,
			   int *lenp);
/* A one-cell property; dflt when it is absent or not 4 bytes long. */
uint32_t uk_fdt_getprop_u32(const void *fdt, int node, const char *name,
			    uint32_t dflt);

/*
 * Entry idx of the node's "reg", decoded with its parent's #address-cells
 * and #size-cells. 0 on success.
 */
int uk_fdt_reg(const void *fdt, int node, int idx, uint64_t *addr,
	       uint64_t *size);

#endif /* __UK_FDT_H__ */
