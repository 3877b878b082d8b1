/* SPDX-License-Identifier: BSD-3-Clause */
/* Two-level segregated fit allocator: see include/uk/alloctlsf.h. */
#include <string.h>
#include <uk/alloctlsf.h>

#define SL_SHIFT 4
#define SL_COUNT (1U << SL_SHIFT)
#define HDR (2 * sizeof(void *)) /* prev_phys + size */
#define GRAIN HDR /* payload sizes and addresses are multiples of this */
#define MIN_PAYLOAD (2 * sizeof(void *)) /* room for the free links */
/* Sizes below SMALL use first level 0, split linearly. */
#define SMALL_SHIFT 7
#define SMALL (1UL << SMALL_SHIFT)
#define FL_COUNT (sizeof(size_t) * 8 - SMALL_SHIFT + 1)

#define F_FREE 1UL
#define F_PREV_FREE 2UL
#define F_MASK 3UL

struct tblk {
	struct tblk *prev_phys;
	size_t size; /* payload bytes | flags */
	/* Only in free blocks: */
	struct tblk *next_free, *prev_free;
};

struct tlsf {
	struct uk_alloc a;
	unsigned long long fl_map;
	uint32_t sl_map[FL_COUNT];
	struct tblk *heads[FL_COUNT][SL_COUNT];
	size_t free_bytes;
};

UK_BUILD_BUG_ON(FL_COUNT > 64);

static inline size_t bsize(const struct tblk *b)
{
	return b->size & ~F_MASK;
}

static inline void *payload(struct tblk *b)
{
	return (char *)b + HDR;
}

static inline struct tblk *from_payload(const void *p)
{
	return (struct tblk *)((char *)p - HDR);
}

static inline struct tblk *next_phys(struct tblk *b)
{
	return (struct tblk *)((char *)payload(b) + bsize(b));
}

static inline unsigned int fls_sz(size_t x)
{
	return (unsigned int)(sizeof(unsigned long long) * 8 - 1 -
			      __builtin_clzll((unsigned long long)x));
}

/* The class of a block of size bytes (where it is filed when free). */
static void mapping(size_t size, unsigned int *fl, unsigned int *sl)
{
	if (size < SMALL) {
		*fl = 0;
		*sl = (unsigned int)(size / (SMALL / SL_COUNT));
	} else {
		unsigned int f = fls_sz(size);

		*fl = f - SMALL_SHIFT + 1;
		*sl = (unsigned int)(size >> (f - SL_SHIFT)) & (SL_COUNT - 1);
	}
}

/* Round a request up so every block of its class is big enough. */
static size_t round_request(size_t size)
{
	if (size >= SMALL)
		size += ((size_t)1 << (fls_sz(size) - SL_SHIFT)) - 1;
	return size;
}

static void insert_free(struct tlsf *t, struct tblk *b)
{
	unsigned int fl, sl;

	mapping(bsize(b), &fl, &sl);
	b->prev_free = NULL;
	b->next_free = t->heads[fl][sl];
	if (b->next_free)
		b->next_free->prev_free = b;
	t->heads[fl][sl] = b;
	t->fl_map |= 1ULL << fl;
	t->sl_map[fl] |= 1U << sl;
	b->size |= F_FREE;
	next_phys(b)->size |= F_PREV_FREE;
	t->free_bytes += bsize(b);
}

static void remove_free(struct tlsf *t, struct tblk *b)
{
	unsigned int fl, sl;

	mapping(bsize(b), &fl, &sl);
	if (b->prev_free)
		b->prev_free->next_free = b->next_free;
	else
		t->heads[fl][sl] = b->next_free;
	if (b->next_free)
		b->next_free->prev_free = b->prev_free;
	if (!t->heads[fl][sl]) {
		t->sl_map[fl] &= ~(1U << sl);
		if (!t->sl_map[fl])
			t->fl_map &= ~(1ULL << fl);
	}
	b->size &= ~F_FREE;
	next_phys(b)->size &= ~F_PREV_FREE;
	t->free_bytes -= bsize(b);
}

/* A free block of at least size bytes, removed from its list; or NULL. */
static struct tblk *find_free(struct tlsf *t, size_t size)
{
	unsigned int fl, sl;
	uint32_t slm;
	unsigned long long flm;
	struct tblk *b;

	size = round_request(size);
	if (fls_sz(size | 1) >= sizeof(size_t) * 8 - 1)
		return NULL;
	mapping(size, &fl, &sl);
	/* Classes below 16 bytes round up inside level 0 as well. */
	if (fl == 0 && size % (SMALL / SL_COUNT))
		sl++;
	slm = sl < SL_COUNT ? t->sl_map[fl] & (~0U << sl) : 0;
	if (!slm) {
		flm = fl + 1 < 64 ? t->fl_map & (~0ULL << (fl + 1)) : 0;
		if (!flm)
			return NULL;
		fl = (unsigned int)__builtin_ctzll(flm);
		slm = t->sl_map[fl];
	}
	sl = (unsigned int)__builtin_ctz(slm);
	b = t->heads[fl][sl];
	remove_free(t, b);
	return b;
}

/* Give the tail of used block b beyond size bytes back, if big enough. */
static void trim_tail(struct tlsf *t, struct tblk *b, size_t size)
{
	size_t total = bsize(b);
	struct tblk *rest, *after;

	if (total < size + HDR + MIN_PAYLOAD)
		return;
	rest = (struct tblk *)((char *)payload(b) + size);
	rest->size = total - size - HDR;
	rest->prev_phys = b;
	b->size = size | (b->size & F_MASK);
	after = next_phys(rest);
	after->prev_phys = rest;
	/* Merge with a free block after it, if any. */
	if (after->size & F_FREE) {
		remove_free(t, after);
		rest->size += HDR + bsize(after);
		next_phys(rest)->prev_phys = rest;
	}
	insert_free(t, rest);
}

static size_t adjust(size_t size)
{
	if (size < MIN_PAYLOAD)
		size = MIN_PAYLOAD;
	return ALIGN_UP(size, GRAIN);
}

static void *tlsf_malloc(struct uk_alloc *a, size_t size)
{
	struct tlsf *t = (struct tlsf *)a;
	struct tblk *b;

	if (!size || size > SIZE_MAX / 4)
		return NULL;
	size = adjust(size);
	b = find_free(t, size);
	if (!b)
		return NULL;
	trim_tail(t, b, size);
	return payload(b);
}

static void tlsf_free(struct uk_alloc *a, void *ptr)
{
	struct tlsf *t = (struct tlsf *)a;
	struct tblk *b, *n;

	if (!ptr)
		return;
	b = from_payload(ptr);
	if (b->size & F_PREV_FREE) {
		struct tblk *p = b->prev_phys;

		remove_free(t, p);
		p->size += HDR + bsize(b);
		b = p;
		next_phys(b)->prev_phys = b;
	}
	n = next_phys(b);
	if (n->size & F_FREE) {
		remove_free(t, n);
		b->size += HDR + bsize(n);
		next_phys(b)->prev_phys = b;
	}
	insert_free(t, b);
}

static void *tlsf_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	struct tlsf *t = (struct tlsf *)a;
	struct tblk *b, *nb;
	uintptr_t p, q;
	size_t gap;

	if (align <= GRAIN)
		return tlsf_malloc(a, size);
	if (!size || size > SIZE_MAX / 4 || align > SIZE_MAX / 4)
		return NULL;
	size = adjust(size);
	/* Room to move the start forward by a gap that is a free block. */
	b = find_free(t, size + align + HDR + MIN_PAYLOAD);
	if (!b)
		return NULL;
	p = (uintptr_t)payload(b);
	q = ALIGN_UP(p, align);
	if (q != p) {
		if (q - p < HDR + MIN_PAYLOAD)
			q = ALIGN_UP(p + HDR + MIN_PAYLOAD, align);
		gap = q - p; /* the front part becomes a free block */
		nb = from_payload((void *)q);
		nb->size = (bsize(b) - gap) | (b->size & F_FREE);
		nb->prev_phys = b;
		b->size = (gap - HDR) | (b->size & F_MASK);
		next_phys(nb)->prev_phys = nb;
		/* b was used (taken by find_free): release it as free. */
		nb->size &= ~F_MASK;
		insert_free(t, b);
		nb->size |= F_PREV_FREE;
		b = nb;
	}
	trim_tail(t, b, size);
	return payload(b);
}

static size_t tlsf_getsize(struct uk_alloc *a __unused, const void *ptr)
{
	return bsize(from_payload(ptr));
}

static __ssz tlsf_availmem(struct uk_alloc *a)
{
	return (__ssz)((struct tlsf *)a)->free_bytes;
}

static int tlsf_addmem(struct uk_alloc *a, void *base, size_t len)
{
	struct tlsf *t = (struct tlsf *)a;
	uintptr_t s = ALIGN_UP((uintptr_t)base, GRAIN);
	uintptr_t e = ALIGN_DOWN((uintptr_t)base + len, GRAIN);
	struct tblk *b, *sentinel;

	if (e <= s || e - s < 2 * HDR + MIN_PAYLOAD)
		return -EINVAL;
	b = (struct tblk *)s;
	sentinel = (struct tblk *)(e - HDR);
	b->prev_phys = NULL;
	b->size = (size_t)((uintptr_t)sentinel - s - HDR);
	/* A used zero-size block ends the region: nothing merges past it. */
	sentinel->prev_phys = b;
	sentinel->size = 0;
	insert_free(t, b);
	return 0;
}

struct uk_alloc *uk_alloctlsf_init(void *base, size_t len)
{
	uintptr_t s = ALIGN_UP((uintptr_t)base, 16);
	struct tlsf *t = (struct tlsf *)s;
	size_t used = s - (uintptr_t)base + sizeof(*t);

	if (len < used + 4 * HDR + MIN_PAYLOAD)
		return NULL;
	memset(t, 0, sizeof(*t));
	t->a.malloc = tlsf_malloc;
	t->a.memalign = tlsf_memalign;
	t->a.free = tlsf_free;
	t->a.getsize = tlsf_getsize;
	t->a.availmem = tlsf_availmem;
	t->a.addmem = tlsf_addmem;
	if (uk_alloc_init(&t->a) < 0 ||
	    tlsf_addmem(&t->a, (char *)base + used, len - used) < 0)
		return NULL;
	uk_alloc_register(&t->a);
	return &t->a;
}
