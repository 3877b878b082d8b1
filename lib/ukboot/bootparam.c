/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Boot parameters (uk/bootparam.h): the words before "--" when every one
 * of them is LIB.NAME=VALUE, taken off argv by both command-line entries
 * (cmdline.c) so that every platform splits them the same way.
 */
#include <uk/essentials.h>
#include <uk/bootparam.h>
#include "bootparam.h"

static const char *params[CONFIG_LIBUKBOOT_ARGS_MAX];
static int nparams;

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* LIB.NAME=VALUE */
static int is_param(const char *w)
{
	const char *p = w;

	while (is_name_char(*p))
		p++;
	if (p == w || *p++ != '.')
		return 0;
	w = p;
	while (is_name_char(*p))
		p++;
	return p != w && *p == '=';
}

int uk_bootparam_split(int argc, char *argv[])
{
	int k, i;

	for (k = 1; k < argc; k++) {
		if (argv[k][0] == '-' && argv[k][1] == '-' && !argv[k][2])
			break;
		if (!is_param(argv[k]))
			return argc;
	}
	if (k == argc || k == 1)
		return argc;
	for (i = 1; i < k; i++)
		params[nparams++] = argv[i];
	/* argv[0], then what follows "--", and the NULL. */
	for (i = k + 1; i <= argc; i++)
		argv[i - k] = argv[i];
	return argc - k;
}

const char *uk_bootparam_next(const char *key, int *pos)
{
	for (; *pos < nparams; (*pos)++) {
		const char *p = params[*pos], *k = key;

		while (*k && *p == *k)
			p++, k++;
		if (!*k && *p == '=') {
			(*pos)++;
			return p + 1;
		}
	}
	return NULL;
}
