/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef __UK_ARGPARSE_H__
#define __UK_ARGPARSE_H__

#include <stddef.h>

/*
 * Splits a command line into arguments, in place, the way a POSIX shell
 * splits words:
 * - arguments are separated by runs of blanks (space, \t, \n, \v, \f, \r);
 * - '...' keeps everything up to the next ' literally;
 * - "..." too, except that \" and \\ stand for " and \ in it;
 * - elsewhere a backslash takes the next character literally (a blank
 *   or a quote); a backslash at the very end is dropped;
 * - '' or "" makes an empty argument; an unclosed quote runs to the end.
 *
 * cmdline is a buffer of maxlen bytes: parsing stops at its NUL or after
 * maxlen - 1 bytes, so each argument can always be NUL-terminated. At most
 * maxcount pointers are stored into argv; any further argument is left
 * unparsed. argv[argc] is set to NULL when argc < maxcount.
 *
 * Returns argc, the number of arguments stored.
 */
int uk_argnparse(char *cmdline, size_t maxlen, char *argv[], int maxcount);

#endif /* __UK_ARGPARSE_H__ */
