/* SPDX-License-Identifier: BSD-3-Clause */
/* Thread-specific data: a fixed table of keys, values per pthread. */
#include <errno.h>
#include "pthread_impl.h"

static struct {
	int used;
	void (*destructor)(void *);
} keys[UK_PTHREAD_KEYS_MAX];

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	struct __uk_pthread *p;
	unsigned int k;

	if (!key)
		return EINVAL;
	for (k = 0; k < UK_PTHREAD_KEYS_MAX; k++)
		if (!keys[k].used)
			break;
	if (k == UK_PTHREAD_KEYS_MAX)
		return EAGAIN;
	keys[k].used = 1;
	keys[k].destructor = destructor;
	/* A new key starts NULL in every thread. */
	for (p = uk_pthread_list(); p; p = p->next)
		p->keys[k] = NULL;
	*key = k;
	return 0;
}

int pthread_key_delete(pthread_key_t key)
{
	if (key >= UK_PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	keys[key].used = 0;
	keys[key].destructor = NULL;
	return 0;
}

int pthread_setspecific(pthread_key_t key, const void *value)
{
	if (key >= UK_PTHREAD_KEYS_MAX || !keys[key].used)
		return EINVAL;
	uk_pthread_self()->keys[key] = value;
	return 0;
}

void *pthread_getspecific(pthread_key_t key)
{
	if (key >= UK_PTHREAD_KEYS_MAX || !keys[key].used)
		return NULL;
	return (void *)uk_pthread_self()->keys[key];
}

/* POSIX: repeat while destructors set values again, a bounded number
 * of times.
 */
void uk_pthread_keys_exit(struct __uk_pthread *self)
{
	int round, again = 1;
	unsigned int k;

	for (round = 0; again && round < UK_PTHREAD_DESTRUCTOR_ITERATIONS;
	     round++) {
		again = 0;
		for (k = 0; k < UK_PTHREAD_KEYS_MAX; k++) {
			void *v = (void *)self->keys[k];

			if (!v || !keys[k].used || !keys[k].destructor)
				continue;
			self->keys[k] = NULL;
			keys[k].destructor(v);
			again = 1;
		}
	}
}
