/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Flattened device tree reader (Devicetree Specification v0.4, ch. 5).
 * The structure block is a sequence of big-endian 32-bit tokens:
 * BEGIN_NODE name, PROP len nameoff value, END_NODE, NOP, END. Every
 * offset taken from the blob is checked against the block's bounds.
 */
#include <uk/fdt.h>

#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

/* Header fields (byte offsets). */
#define HDR_MAGIC 0
#define HDR_TOTALSIZE 4
#define HDR_OFF_STRUCT 8
#define HDR_OFF_STRINGS 12
#define HDR_VERSION 20
#define HDR_LAST_COMP 24
#define HDR_SIZE_STRINGS 32
#define HDR_SIZE_STRUCT 36
#define HDR_LEN 40

/* Deepest nesting uk_fdt_parent() follows. */
#define FDT_MAX_DEPTH 32

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) |
	       ((uint32_t)b[2] << 8) | b[3];
}

static uint32_t hdr(const void *fdt, int field)
{
	return be32((const uint8_t *)fdt + field);
}

static const uint8_t *struct_base(const void *fdt)
{
	return (const uint8_t *)fdt + hdr(fdt, HDR_OFF_STRUCT);
}

static uint32_t struct_size(const void *fdt)
{
	/* Version 16 blobs have no size field: the blob's end bounds it. */
	if (hdr(fdt, HDR_VERSION) < 17)
		return hdr(fdt, HDR_TOTALSIZE) - hdr(fdt, HDR_OFF_STRUCT);
	return hdr(fdt, HDR_SIZE_STRUCT);
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

int uk_fdt_check(const void *fdt)
{
	uint32_t total, off_struct, off_strings;

	if (!fdt)
		return UK_FDT_ERR_BADMAGIC;
	if (hdr(fdt, HDR_MAGIC) != UK_FDT_MAGIC)
		return UK_FDT_ERR_BADMAGIC;
	if (hdr(fdt, HDR_VERSION) < 16 || hdr(fdt, HDR_LAST_COMP) > 17)
		return UK_FDT_ERR_BADVERSION;
	total = hdr(fdt, HDR_TOTALSIZE);
	off_struct = hdr(fdt, HDR_OFF_STRUCT);
	off_strings = hdr(fdt, HDR_OFF_STRINGS);
	if (total < HDR_LEN || off_struct < HDR_LEN || off_struct > total ||
	    off_strings > total ||
	    hdr(fdt, HDR_SIZE_STRINGS) > total - off_strings ||
	    struct_size(fdt) > total - off_struct)
		return UK_FDT_ERR_TRUNCATED;
	return 0;
}

size_t uk_fdt_size(const void *fdt)
{
	return uk_fdt_check(fdt) ? 0 : hdr(fdt, HDR_TOTALSIZE);
}

/* The token at off, and the offset of the one after it (in *next). */
static int next_tag(const void *fdt, int off, int *next)
{
	const uint8_t *base = struct_base(fdt);
	uint32_t size = struct_size(fdt);
	uint32_t tag, len, n;

	if (off < 0 || (uint32_t)off + 4 > size)
		return UK_FDT_ERR_TRUNCATED;
	tag = be32(base + off);
	n = off + 4;
	switch (tag) {
	case FDT_BEGIN_NODE:
		while (n < size && base[n])
			n++;
		if (n >= size)
			return UK_FDT_ERR_TRUNCATED;
		n++;
		break;
	case FDT_PROP:
		if (n + 8 > size)
			return UK_FDT_ERR_TRUNCATED;
		len = be32(base + n);
		if (len > size - (n + 8))
			return UK_FDT_ERR_TRUNCATED;
		n += 8 + len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return UK_FDT_ERR_BADSTRUCT;
	}
	*next = (int)((n + 3) & ~3U);
	return (int)tag;
}

int uk_fdt_next_node(const void *fdt, int node, int *depth)
{
	int off = 0, next, tag, d = -1;

	if (node >= 0) {
		if (next_tag(fdt, node, &off) != FDT_BEGIN_NODE)
			return UK_FDT_ERR_BADSTRUCT;
		d = depth ? *depth : 0;
	}
	for (;;) {
		tag = next_tag(fdt, off, &next);
		if (tag < 0)
			return tag;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth)
				*depth = d + 1;
			return off;
		case FDT_END_NODE:
			d--;
			break;
		case FDT_END:
			return UK_FDT_ERR_NOTFOUND;
		}
		off = next;
	}
}

int uk_fdt_first_subnode(const void *fdt, int parent)
{
	int depth = 0;
	int off = uk_fdt_next_node(fdt, parent, &depth);

	return (off >= 0 && depth == 1) ? off : UK_FDT_ERR_NOTFOUND;
}

int uk_fdt_next_subnode(const void *fdt, int node)
{
	int depth = 0;

	/* Skip the node's descendants (depth > 0). */
	do {
		node = uk_fdt_next_node(fdt, node, &depth);
		if (node < 0)
			return node;
	} while (depth > 0);
	return depth == 0 ? node : UK_FDT_ERR_NOTFOUND;
}

int uk_fdt_parent(const void *fdt, int node)
{
	int stack[FDT_MAX_DEPTH];
	int depth = 0, off;

	for (off = uk_fdt_next_node(fdt, -1, &depth); off >= 0;
	     off = uk_fdt_next_node(fdt, off, &depth)) {
		if (depth < 0 || depth >= FDT_MAX_DEPTH)
			return UK_FDT_ERR_BADSTRUCT;
		if (off == node)
			return depth > 0 ? stack[depth - 1] :
					   UK_FDT_ERR_NOTFOUND;
		stack[depth] = off;
	}
	return off;
}

const char *uk_fdt_node_name(const void *fdt, int node)
{
	int next;

	if (next_tag(fdt, node, &next) != FDT_BEGIN_NODE)
		return NULL;
	return (const char *)struct_base(fdt) + node + 4;
}

/* Does the node name match a path component of length len? */
static int name_matches(const char *name, const char *comp, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (name[i] != comp[i])
			return 0;
	/* "memory" matches "memory@40000000" but not "memoryx". */
	return name[len] == '\0' || name[len] == '@';
}

int uk_fdt_path_offset(const void *fdt, const char *path)
{
	int node = uk_fdt_next_node(fdt, -1, NULL);

	if (node < 0 || *path != '/')
		return node < 0 ? node : UK_FDT_ERR_NOTFOUND;
	while (*path) {
		size_t len = 0;
		int child;

		while (*path == '/')
			path++;
		while (path[len] && path[len] != '/')
			len++;
		if (!len)
			break;
		for (child = uk_fdt_first_subnode(fdt, node); child >= 0;
		     child = uk_fdt_next_subnode(fdt, child))
			if (name_matches(uk_fdt_node_name(fdt, child), path,
					 len))
				break;
		if (child < 0)
			return child;
		node = child;
		path += len;
	}
	return node;
}

const void *uk_fdt_getprop(const void *fdt, int node, const char *name,
			   int *lenp)
{
	const uint8_t *base = struct_base(fdt);
	const char *strings = (const char *)fdt + hdr(fdt, HDR_OFF_STRINGS);
	uint32_t strsize = hdr(fdt, HDR_SIZE_STRINGS);
	int off, next, tag;

	if (next_tag(fdt, node, &off) != FDT_BEGIN_NODE)
		return NULL;
	/* Properties come before the subnodes. */
	for (;;) {
		tag = next_tag(fdt, off, &next);
		if (tag == FDT_PROP) {
			uint32_t nameoff = be32(base + off + 8);

			if (nameoff < strsize &&
			    streq(strings + nameoff, name)) {
				if (lenp)
					*lenp = (int)be32(base + off + 4);
				return base + off + 12;
			}
		} else if (tag != FDT_NOP) {
			return NULL;
		}
		off = next;
	}
}

uint32_t uk_fdt_getprop_u32(const void *fdt, int node, const char *name,
			    uint32_t dflt)
{
	int len;
	const void *p = uk_fdt_getprop(fdt, node, name, &len);

	return (p && len == 4) ? be32(p) : dflt;
}

int uk_fdt_node_compatible(const void *fdt, int node, const char *compat)
{
	int len, i = 0;
	const char *p = uk_fdt_getprop(fdt, node, "compatible", &len);

	if (!p)
		return 0;
	/* A list of NUL-terminated strings. */
	while (i < len) {
		if (streq(p + i, compat))
			return 1;
		while (i < len && p[i])
			i++;
		i++;
	}
	return 0;
}

int uk_fdt_node_by_compatible(const void *fdt, int from, const char *compat)
{
	int node;

	for (node = uk_fdt_next_node(fdt, from, NULL); node >= 0;
	     node = uk_fdt_next_node(fdt, node, NULL))
		if (uk_fdt_node_compatible(fdt, node, compat))
			return node;
	return node;
}

/* A number of cells (at most two count: we have 32/64-bit addresses). */
static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
	uint64_t v = 0;
	uint32_t i;

	for (i = 0; i < cells; i++)
		v = (v << 32) | be32(p + 4 * i);
	return v;
}

int uk_fdt_reg(const void *fdt, int node, int idx, uint64_t *addr,
	       uint64_t *size)
{
	int parent = uk_fdt_parent(fdt, node);
	uint32_t ac, sc;
	const uint8_t *reg;
	int len;

	if (parent < 0)
		return parent;
	/* The specification's defaults when the parent says nothing. */
	ac = uk_fdt_getprop_u32(fdt, parent, "#address-cells", 2);
	sc = uk_fdt_getprop_u32(fdt, parent, "#size-cells", 1);
	if (ac > 2 || sc > 2 || ac == 0)
		return UK_FDT_ERR_BADSTRUCT;
	reg = uk_fdt_getprop(fdt, node, "reg", &len);
	if (!reg || idx < 0 || (uint32_t)len < (idx + 1) * (ac + sc) * 4)
		return UK_FDT_ERR_NOTFOUND;
	reg += idx * (ac + sc) * 4;
	*addr = read_cells(reg, ac);
	if (size)
		*size = read_cells(reg + ac * 4, sc);
	return 0;
}
