/* SPDX-License-Identifier: BSD-3-Clause */
/* The command-line parser: the rules are in include/uk/argparse.h. */
#include <stddef.h>
#include <uk/argparse.h>

static int is_blank(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* What a backslash escapes inside "...". */
static int dq_escapable(char c)
{
	return c == '"' || c == '\\' || c == '$';
}

int uk_argnparse(char *cmdline, size_t maxlen, char *argv[], int maxcount)
{
	/*
	 * Reading at r, writing at w: dropping quotes and backslashes only
	 * ever shortens an argument, so w never passes r.
	 */
	size_t r = 0, w = 0, end;
	int argc = 0;

	if (!cmdline || !maxlen || maxcount <= 0)
		return 0;
	end = maxlen - 1;

	for (;;) {
		char quote = 0;

		while (r < end && cmdline[r] && is_blank(cmdline[r]))
			r++;
		if (r >= end || !cmdline[r])
			break;
		if (argc == maxcount)
			return UK_ARGPARSE_ETOOMANY;

		w = r;
		argv[argc++] = &cmdline[w];
		for (; r < end && cmdline[r]; r++) {
			char c = cmdline[r];

			if (quote == '\'') {
				if (c == '\'')
					quote = 0;
				else
					cmdline[w++] = c;
			} else if (quote == '"') {
				if (c == '"') {
					quote = 0;
				} else if (c == '\\' && r + 1 < end &&
					   dq_escapable(cmdline[r + 1])) {
					cmdline[w++] = cmdline[++r];
				} else {
					cmdline[w++] = c;
				}
			} else if (c == '\'' || c == '"') {
				quote = c;
			} else if (c == '\\') {
				if (r + 1 < end && cmdline[r + 1])
					cmdline[w++] = cmdline[++r];
			} else if (is_blank(c)) {
				break;
			} else {
				cmdline[w++] = c;
			}
		}
		if (quote)
			return UK_ARGPARSE_EQUOTE;
		/* Step over the blank that ended the argument, if any. */
		if (r < end && cmdline[r])
			r++;
		/* w < r here unless the argument ran to the very end. */
		cmdline[w] = '\0';
	}

	if (argc < maxcount)
		argv[argc] = NULL;
	return argc;
}
