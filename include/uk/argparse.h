/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ARGPARSE_H__
#define __UK_ARGPARSE_H__

#include <stddef.h>

/*
 * The one command-line parser of every platform (lib/ukboot calls it on
 * the raw boot command line). It splits a line into arguments, in place,
 * the way a POSIX shell splits words, without any expansion:
 * - arguments are separated by runs of blanks (space, \t, \n, \v, \f, \r);
 * - '...' keeps everything up to the next ' literally (backslashes too);
 * - "..." too, except that \" \\ and \$ stand for " \ and $ in it (any
 *   other backslash stays, as in sh);
 * - elsewhere a backslash takes the next character literally (a blank,
 *   a quote, a backslash); a backslash at the very end is dropped;
 * - '' or "" makes an empty argument; quoted and unquoted parts next to
 *   each other make one argument (a'b c'd is "ab cd");
 * - $, =, # and every other character have no special meaning.
 * support/scripts/args.sh quotes the host's words by these rules.
 *
 * cmdline is a buffer of maxlen bytes: parsing stops at its NUL or after
 * maxlen - 1 bytes, so each argument can always be NUL-terminated. At most
 * maxcount pointers are stored into argv; argv[argc] is set to NULL when
 * argc < maxcount.
 *
 * Returns argc, the number of arguments stored, or a negative
 * UK_ARGPARSE_E* when the line is refused: nothing is cut silently.
 */
int uk_argnparse(char *cmdline, size_t maxlen, char *argv[], int maxcount);

/* More than maxcount arguments: the first maxcount are stored. */
#define UK_ARGPARSE_ETOOMANY (-1)
/* A ' or " is never closed. */
#define UK_ARGPARSE_EQUOTE (-2)

#endif /* __UK_ARGPARSE_H__ */
