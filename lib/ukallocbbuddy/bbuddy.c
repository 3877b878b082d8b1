/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Binary buddy allocator.
 *
 * Memory is handled in units of UNIT bytes (32 on 64-bit targets, 16 on
 * 32-bit ones) inside zones, one per region of memory the allocator got.
 * A zone starts on a page boundary. A free block is 2^k units long and
 * aligned, relative to its zone, to its own size; its first unit holds its
 * free-list links and its order, and the zone's bitmaps tell where free
 * blocks start. Two free buddies of the same order never coexist:
 * releasing a block merges it with its buddy, repeatedly.
 * There is one free list per order, and a mask of the non-empty ones, so
 * finding a block and releasing one take O(log n).
 *
 * Requests need not be powers of two: the block taken is split down to
 * the smallest order that fits, and the units the request does not use at
 * its end (and, to align it, at its start) go straight back, as Linux's
 * alloc_pages_exact() does. Releasing a range of units splits it into
 * aligned power-of-two blocks, each merged with its buddies. So a block
 * wastes at most one unit plus its header, not up to half of itself.
 *
 * Pages (palloc) are ranges of units without header; malloc'd blocks have
 * a header just before the pointer telling where the range starts and how
 * long it is, so any alignment can be served from the same units.
 *
 * Adding memory must not touch all of it: under a software hypervisor
 * every store costs microseconds, and a bitmap of one bit per unit is
 * 1/256 of the memory. So a zone is cut into chunks of CHUNK units. A
 * free block of a chunk or more starts a chunk and is marked in the
 * zone's "big" bitmap (one bit per chunk); smaller blocks are marked in
 * the per-unit bitmap, whose part for a chunk is zeroed only when the
 * first small block is made there ("ready" bitmap, one bit per chunk).
 * Adding a region zeroes 1/2^(CHUNK_SHIFT + UNIT_SHIFT + 2) of it and
 * writes the headers of the few blocks that tile it.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/allocbbuddy.h>
#include <uk/assert.h>
#include <uk/essentials.h>

#if __SIZEOF_POINTER__ == 8
#define UNIT_SHIFT 5
#else
#define UNIT_SHIFT 4
#endif
#define UNIT (1UL << UNIT_SHIFT)
/* Orders 0 .. NR_ORDERS - 1: the largest block is half the address space. */
#define NR_ORDERS (8 * __SIZEOF_POINTER__ - UNIT_SHIFT)
#define BITS_PER_LONG (8 * sizeof(unsigned long))
#define PAGE_UNITS_SHIFT (UK_ALLOC_PAGE_SHIFT - UNIT_SHIFT)
/* Chunks of 4096 units (128 KiB on 64-bit targets): 512 bytes of bitmap. */
#define CHUNK_SHIFT 12
#define CHUNK (1UL << CHUNK_SHIFT)
#define CHUNK_WORDS (CHUNK / BITS_PER_LONG)

/* What malloc guarantees: enough for any C object. */
#define MALLOC_ALIGN __alignof__(max_align_t)

struct zone;

/* The first unit of a free block. */
struct free_block {
	struct free_block *next;
	struct free_block *prev;
	struct zone *zone;
	unsigned long order;
};

struct zone {
	uintptr_t start; /* first unit, page aligned */
	unsigned long nunits;
	/* bit u: a free block of less than a chunk starts at unit u; only
	 * valid in the chunks whose ready bit is set */
	unsigned long *heads;
	unsigned long *ready; /* bit c: chunk c of heads is valid */
	unsigned long *big; /* bit c: a free block of a chunk or more
			     * starts at chunk c */
	uintptr_t rstart, rend; /* the whole region, bookkeeping included */
	struct zone *next;
};

/* Right before each pointer malloc returns. */
struct hdr {
	size_t nunits; /* units in the allocation */
	size_t off; /* bytes from the allocation's first unit to the pointer */
};

#define HDR_SIZE ALIGN_UP(sizeof(struct hdr), MALLOC_ALIGN)

struct bbuddy {
	struct uk_alloc a;
	struct free_block *free[NR_ORDERS];
	unsigned long nonempty; /* bit k: free[k] is not empty */
	unsigned long free_units;
	struct zone *zones;
	struct zone first; /* the zone of the region given to init */
};

UK_BUILD_BUG_ON(sizeof(struct free_block) > UNIT);
UK_BUILD_BUG_ON(NR_ORDERS > BITS_PER_LONG);
UK_BUILD_BUG_ON(UNIT < MALLOC_ALIGN);
UK_BUILD_BUG_ON(UK_ALLOC_PAGE_SHIFT < UNIT_SHIFT);
UK_BUILD_BUG_ON(CHUNK_SHIFT >= NR_ORDERS);

static inline struct bbuddy *to_bbuddy(struct uk_alloc *a)
{
	return container_of(a, struct bbuddy, a);
}

/* floor(log2(x)), x > 0 */
static inline unsigned int log2_floor(unsigned long x)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(x);
}

/* ceil(log2(x)), x > 0 */
static inline unsigned int log2_ceil(unsigned long x)
{
	return x == 1 ? 0 : log2_floor(x - 1) + 1;
}

static inline struct free_block *unit_block(const struct zone *z,
					    unsigned long u)
{
	return (struct free_block *)(z->start + (u << UNIT_SHIFT));
}

static inline unsigned long block_unit(const struct zone *z, const void *p)
{
	return ((uintptr_t)p - z->start) >> UNIT_SHIFT;
}

static inline int bit_test(const unsigned long *bm, unsigned long i)
{
	return (bm[i / BITS_PER_LONG] >> (i % BITS_PER_LONG)) & 1;
}

static inline void bit_set(unsigned long *bm, unsigned long i)
{
	bm[i / BITS_PER_LONG] |= 1UL << (i % BITS_PER_LONG);
}

static inline void bit_clear(unsigned long *bm, unsigned long i)
{
	bm[i / BITS_PER_LONG] &= ~(1UL << (i % BITS_PER_LONG));
}

/* Does a free block of order k start at unit u? */
static inline int head_test(const struct zone *z, unsigned long u,
			    unsigned int k)
{
	if (k >= CHUNK_SHIFT)
		return bit_test(z->big, u >> CHUNK_SHIFT);
	return bit_test(z->ready, u >> CHUNK_SHIFT) && bit_test(z->heads, u);
}

static inline void head_set(struct zone *z, unsigned long u, unsigned int k)
{
	unsigned long c = u >> CHUNK_SHIFT;

	if (k >= CHUNK_SHIFT) {
		bit_set(z->big, c);
		return;
	}
	if (!bit_test(z->ready, c)) {
		memset(z->heads + c * CHUNK_WORDS, 0,
		       CHUNK_WORDS * sizeof(unsigned long));
		bit_set(z->ready, c);
	}
	bit_set(z->heads, u);
}

static inline void head_clear(struct zone *z, unsigned long u, unsigned int k)
{
	if (k >= CHUNK_SHIFT)
		bit_clear(z->big, u >> CHUNK_SHIFT);
	else
		bit_clear(z->heads, u); /* its chunk is ready: it was set */
}

static void block_insert(struct bbuddy *b, struct zone *z, unsigned long u,
			 unsigned int k)
{
	struct free_block *fb = unit_block(z, u);

	fb->zone = z;
	fb->order = k;
	fb->prev = NULL;
	fb->next = b->free[k];
	if (fb->next)
		fb->next->prev = fb;
	b->free[k] = fb;
	b->nonempty |= 1UL << k;
	b->free_units += 1UL << k;
	head_set(z, u, k);
}

static void block_remove(struct bbuddy *b, struct zone *z, unsigned long u)
{
	struct free_block *fb = unit_block(z, u);
	unsigned int k = fb->order;

	if (fb->prev)
		fb->prev->next = fb->next;
	else
		b->free[k] = fb->next;
	if (fb->next)
		fb->next->prev = fb->prev;
	if (!b->free[k])
		b->nonempty &= ~(1UL << k);
	b->free_units -= 1UL << k;
	head_clear(z, u, k);
}

/*
 * Finds the free block that contains unit u. A block of order k holding
 * u starts at u rounded down to 2^k, so one probe per order suffices.
 */
static int find_free(const struct zone *z, unsigned long u, unsigned long *head,
		     unsigned int *order)
{
	unsigned int k;

	for (k = 0; k < NR_ORDERS && (1UL << k) <= z->nunits; k++) {
		unsigned long h = u & ~((1UL << k) - 1);

		if (head_test(z, h, k) && unit_block(z, h)->order == k) {
			*head = h;
			*order = k;
			return 1;
		}
	}
	return 0;
}

/* Releases the 2^k units at u, merging with free buddies. */
static void release_block(struct bbuddy *b, struct zone *z, unsigned long u,
			  unsigned int k)
{
	while (k + 1 < NR_ORDERS) {
		unsigned long buddy = u ^ (1UL << k);

		if (buddy + (1UL << k) > z->nunits || !head_test(z, buddy, k) ||
		    unit_block(z, buddy)->order != k)
			break;
		block_remove(b, z, buddy);
		u &= ~(1UL << k);
		k++;
	}
	block_insert(b, z, u, k);
}

/* Releases units [u, end) as the largest aligned blocks that tile it. */
static void release_range(struct bbuddy *b, struct zone *z, unsigned long u,
			  unsigned long end)
{
	while (u < end) {
		unsigned int k = log2_floor(end - u);

		if (u && (unsigned int)__builtin_ctzl(u) < k)
			k = __builtin_ctzl(u);
		if (k > NR_ORDERS - 1)
			k = NR_ORDERS - 1;
		release_block(b, z, u, k);
		u += 1UL << k;
	}
}

/* Takes a free block of order k, splitting a larger one if need be. */
static int take_block(struct bbuddy *b, unsigned int k, struct zone **zp,
		      unsigned long *up)
{
	unsigned long avail = b->nonempty & ~((1UL << k) - 1);
	struct free_block *fb;
	struct zone *z;
	unsigned int j;
	unsigned long u;

	if (!avail)
		return -1;
	j = __builtin_ctzl(avail);
	fb = b->free[j];
	z = fb->zone;
	u = block_unit(z, fb);
	block_remove(b, z, u);
	/* Keep the lower half each time; the upper one goes back. */
	while (j > k) {
		j--;
		block_insert(b, z, u + (1UL << j), j);
	}
	*zp = z;
	*up = u;
	return 0;
}

/*
 * Takes the free units [s, e) of zone z: all or nothing. The blocks that
 * hold them are taken whole and what sticks out is given back.
 */
static int claim_range(struct bbuddy *b, struct zone *z, unsigned long s,
		       unsigned long e)
{
	unsigned long u, h, next;
	unsigned int k;

	for (u = s; u < e; u = h + (1UL << k)) {
		if (!find_free(z, u, &h, &k))
			return 0;
	}
	for (u = s; u < e; u = next) {
		find_free(z, u, &h, &k);
		block_remove(b, z, h);
		next = h + (1UL << k);
		release_range(b, z, h, u);
		if (next > e)
			release_range(b, z, e, next);
	}
	return 1;
}

static struct zone *zone_of(struct bbuddy *b, const void *p)
{
	struct zone *z;

	for (z = b->zones; z; z = z->next) {
		if ((uintptr_t)p - z->start < (z->nunits << UNIT_SHIFT))
			return z;
	}
	return NULL;
}

/* A bad pointer given back means memory is already corrupted: stop. */
static void __noreturn bad_pointer(const char *op, const void *ptr)
{
	UK_CRASH("ukallocbbuddy: %s of invalid pointer %p\n", op, ptr);
}

/* Checks a pointer malloc returned; gives its zone and first unit. */
static struct hdr *lookup(struct bbuddy *b, const void *ptr, const char *op,
			  struct zone **zp, unsigned long *up)
{
	struct hdr *h = (struct hdr *)((uintptr_t)ptr - sizeof(struct hdr));
	struct zone *z = zone_of(b, ptr);
	uintptr_t first;
	unsigned long u, hu;
	unsigned int hk;

	if (!z || ((uintptr_t)ptr & (MALLOC_ALIGN - 1)) ||
	    (uintptr_t)ptr - z->start < sizeof(struct hdr))
		bad_pointer(op, ptr);
	first = (uintptr_t)ptr - h->off;
	if (h->off < sizeof(struct hdr) || h->off > (uintptr_t)ptr - z->start ||
	    (first & (UNIT - 1)))
		bad_pointer(op, ptr);
	u = block_unit(z, (void *)first);
	if (!h->nunits || h->nunits > z->nunits - u ||
	    h->off >= h->nunits << UNIT_SHIFT || find_free(z, u, &hu, &hk))
		bad_pointer(op, ptr);
	*zp = z;
	*up = u;
	return h;
}

/* size bytes at a multiple of align, header before them. */
static void *bb_alloc(struct bbuddy *b, size_t size, size_t align)
{
	size_t lead;
	unsigned long need, u, first, end;
	uintptr_t blk, ptr;
	unsigned int k;
	struct zone *z;
	struct hdr *h;

	if (align < MALLOC_ALIGN)
		align = MALLOC_ALIGN;
	/* A zero-byte block still gets a byte: its pointer stays inside. */
	if (!size)
		size = 1;
	/*
	 * A block of at least lead + size bytes always has room: it is
	 * aligned to align when align is at most a page, and page aligned
	 * otherwise, so the pointer is at most lead bytes in.
	 */
	lead = MAX(HDR_SIZE, align);
	if (size > SIZE_MAX - lead - UNIT)
		return NULL;
	need = (lead + size + UNIT - 1) >> UNIT_SHIFT;
	k = log2_ceil(need);
	if (k >= NR_ORDERS || take_block(b, k, &z, &u))
		return NULL;

	blk = z->start + (u << UNIT_SHIFT);
	ptr = ALIGN_UP(blk + HDR_SIZE, align);
	first = block_unit(z, (void *)(ptr - sizeof(struct hdr)));
	end = block_unit(z, (void *)ALIGN_UP(ptr + size, UNIT));
	release_range(b, z, u, first);
	release_range(b, z, end, u + (1UL << k));

	h = (struct hdr *)(ptr - sizeof(struct hdr));
	h->nunits = end - first;
	h->off = ptr - (z->start + (first << UNIT_SHIFT));
	return (void *)ptr;
}

static void *bb_malloc(struct uk_alloc *a, size_t size)
{
	return bb_alloc(to_bbuddy(a), size, MALLOC_ALIGN);
}

static void *bb_memalign(struct uk_alloc *a, size_t align, size_t size)
{
	if (!align || (align & (align - 1)))
		return NULL;
	return bb_alloc(to_bbuddy(a), size, align);
}

static void bb_free(struct uk_alloc *a, void *ptr)
{
	struct bbuddy *b = to_bbuddy(a);
	struct zone *z;
	unsigned long u;
	struct hdr *h;

	if (!ptr)
		return;
	h = lookup(b, ptr, "free", &z, &u);
	release_range(b, z, u, u + h->nunits);
}

static size_t bb_getsize(struct uk_alloc *a, const void *ptr)
{
	struct zone *z;
	unsigned long u;
	struct hdr *h = lookup(to_bbuddy(a), ptr, "getsize", &z, &u);

	return (h->nunits << UNIT_SHIFT) - h->off;
}

static void *bb_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	struct bbuddy *b = to_bbuddy(a);
	unsigned long u, end, nend;
	size_t old;
	struct zone *z;
	struct hdr *h;
	void *nptr;

	if (!ptr)
		return bb_malloc(a, size);
	if (!size) {
		bb_free(a, ptr);
		return NULL;
	}
	h = lookup(b, ptr, "realloc", &z, &u);
	if (size > UINTPTR_MAX - (uintptr_t)ptr - UNIT)
		return NULL;
	end = u + h->nunits;
	nend = block_unit(z, (void *)ALIGN_UP((uintptr_t)ptr + size, UNIT));

	/* Shrink or grow in place when the units after it are free. */
	if (nend <= end) {
		release_range(b, z, nend, end);
		h->nunits = nend - u;
		return ptr;
	}
	if (nend <= z->nunits && claim_range(b, z, end, nend)) {
		h->nunits = nend - u;
		return ptr;
	}

	old = (h->nunits << UNIT_SHIFT) - h->off;
	nptr = bb_alloc(b, size, MALLOC_ALIGN);
	if (!nptr)
		return NULL;
	memcpy(nptr, ptr, old);
	release_range(b, z, u, end);
	return nptr;
}

static void *bb_palloc(struct uk_alloc *a, unsigned long npages)
{
	struct bbuddy *b = to_bbuddy(a);
	unsigned long n, u;
	unsigned int k;
	struct zone *z;

	if (!npages || npages > (1UL << (NR_ORDERS - 1 - PAGE_UNITS_SHIFT)))
		return NULL;
	n = npages << PAGE_UNITS_SHIFT;
	/* Blocks of a page or more are page aligned. */
	k = log2_ceil(n);
	if (take_block(b, k, &z, &u))
		return NULL;
	release_range(b, z, u + n, u + (1UL << k));
	return unit_block(z, u);
}

static void bb_pfree(struct uk_alloc *a, void *ptr, unsigned long npages)
{
	struct bbuddy *b = to_bbuddy(a);
	struct zone *z = zone_of(b, ptr);
	unsigned long u, n, hu;
	unsigned int hk;

	if (!ptr || !npages)
		return;
	if (!z || ((uintptr_t)ptr & (UK_ALLOC_PAGE_SIZE - 1)))
		bad_pointer("pfree", ptr);
	u = block_unit(z, ptr);
	n = npages << PAGE_UNITS_SHIFT;
	if (npages > (z->nunits >> PAGE_UNITS_SHIFT) || n > z->nunits - u ||
	    find_free(z, u, &hu, &hk))
		bad_pointer("pfree", ptr);
	release_range(b, z, u, u + n);
}

static __ssz bb_maxalloc(struct uk_alloc *a)
{
	struct bbuddy *b = to_bbuddy(a);
	size_t bytes;

	if (!b->nonempty)
		return 0;
	bytes = (UNIT << log2_floor(b->nonempty)) - HDR_SIZE;
	return bytes > LONG_MAX ? LONG_MAX : (__ssz)bytes;
}

static __ssz bb_availmem(struct uk_alloc *a)
{
	struct bbuddy *b = to_bbuddy(a);
	unsigned long max = LONG_MAX >> UNIT_SHIFT;

	return b->free_units > max ? LONG_MAX :
				     (__ssz)(b->free_units << UNIT_SHIFT);
}

/* Words of a bitmap of n bits. */
static inline unsigned long bm_words(unsigned long n)
{
	return (n + BITS_PER_LONG - 1) / BITS_PER_LONG;
}

/*
 * Lays out a zone in [meta, end): its ready and big bitmaps, its head
 * bitmap (whole chunks), then its units from the next page boundary on.
 * Sizes the bitmaps for all of [meta, end), a slight overestimate that
 * keeps this a single pass. Only the ready and big bitmaps are zeroed.
 */
static int zone_setup(struct zone *z, uintptr_t meta, uintptr_t end)
{
	uintptr_t bm = ALIGN_UP(meta, sizeof(unsigned long));
	unsigned long maxchunks, nchunks;
	size_t cbytes, bmbytes;

	end = ALIGN_DOWN(end, UK_ALLOC_PAGE_SIZE);
	if (bm >= end)
		return -ENOMEM;
	maxchunks = (((end - bm) >> UNIT_SHIFT) + CHUNK - 1) >> CHUNK_SHIFT;
	cbytes = bm_words(maxchunks) * sizeof(unsigned long);
	bmbytes = 2 * cbytes + maxchunks * CHUNK_WORDS * sizeof(unsigned long);
	if (bmbytes >= end - bm)
		return -ENOMEM;
	z->start = ALIGN_UP(bm + bmbytes, UK_ALLOC_PAGE_SIZE);
	if (z->start >= end)
		return -ENOMEM;
	z->nunits = (end - z->start) >> UNIT_SHIFT;
	z->ready = (unsigned long *)bm;
	z->big = (unsigned long *)(bm + cbytes);
	z->heads = (unsigned long *)(bm + 2 * cbytes);
	nchunks = (z->nunits + CHUNK - 1) >> CHUNK_SHIFT;
	memset(z->ready, 0, bm_words(nchunks) * sizeof(unsigned long));
	memset(z->big, 0, bm_words(nchunks) * sizeof(unsigned long));
	z->next = NULL;
	return 0;
}

/*
 * The usable part of [base, base + len): not wrapping around the address
 * space, and not at address 0, where a structure would look like NULL.
 */
static int region_bounds(void *base, size_t len, uintptr_t *start,
			 uintptr_t *end)
{
	uintptr_t s = (uintptr_t)base;

	if (len > UINTPTR_MAX - s)
		len = UINTPTR_MAX - s;
	if (s == 0) {
		if (len <= UK_ALLOC_PAGE_SIZE)
			return -ENOMEM;
		s += UK_ALLOC_PAGE_SIZE;
		len -= UK_ALLOC_PAGE_SIZE;
	}
	*start = s;
	*end = s + len;
	return 0;
}

static void zone_add(struct bbuddy *b, struct zone *z, uintptr_t rstart,
		     uintptr_t rend)
{
	z->rstart = rstart;
	z->rend = rend;
	z->next = b->zones;
	b->zones = z;
	release_range(b, z, 0, z->nunits);
}

static int bb_addmem(struct uk_alloc *a, void *base, size_t len)
{
	struct bbuddy *b = to_bbuddy(a);
	uintptr_t start, end, zaddr;
	struct zone *z;
	int ret;

	ret = region_bounds(base, len, &start, &end);
	if (ret)
		return ret;
	/* Memory given twice would be handed out twice. */
	for (z = b->zones; z; z = z->next) {
		if (start < z->rend && z->rstart < end)
			return -EEXIST;
	}
	zaddr = ALIGN_UP(start, __alignof__(struct zone));
	if (zaddr >= end || end - zaddr < sizeof(struct zone))
		return -ENOMEM;
	z = (struct zone *)zaddr;
	ret = zone_setup(z, zaddr + sizeof(*z), end);
	if (ret)
		return ret;
	zone_add(b, z, start, end);
	return 0;
}

struct uk_alloc *uk_allocbbuddy_init(void *base, size_t len)
{
	uintptr_t start, end, baddr;
	struct bbuddy *b;

	if (region_bounds(base, len, &start, &end))
		return NULL;
	baddr = ALIGN_UP(start, __alignof__(struct bbuddy));
	if (baddr >= end || end - baddr < sizeof(struct bbuddy))
		return NULL;
	b = (struct bbuddy *)baddr;
	memset(b, 0, sizeof(*b));
	if (zone_setup(&b->first, baddr + sizeof(*b), end))
		return NULL;

	b->a.malloc = bb_malloc;
	b->a.memalign = bb_memalign;
	b->a.free = bb_free;
	b->a.getsize = bb_getsize;
	b->a.realloc = bb_realloc;
	b->a.palloc = bb_palloc;
	b->a.pfree = bb_pfree;
	b->a.maxalloc = bb_maxalloc;
	b->a.availmem = bb_availmem;
	b->a.addmem = bb_addmem;
	uk_alloc_init(&b->a);

	zone_add(b, &b->first, start, end);
	/* Usable at once: the first allocator registered is the default. */
	uk_alloc_register(&b->a);
	return &b->a;
}
