/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * From the platform's raw command line to ukplat_entry(argc, argv), the
 * same on every platform: one buffer, one parser (uk_argnparse), one
 * argv[0], and a refusal with a message, never a cut, when the line does
 * not fit.
 */
#include <uk/essentials.h>
#include <uk/argparse.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include "bootparam.h"

#define CMDLINE_MAX CONFIG_LIBUKBOOT_CMDLINE_MAX
#define ARGS_MAX CONFIG_LIBUKBOOT_ARGS_MAX

static char cmdline[CMDLINE_MAX];
static char *argv[ARGS_MAX + 1];

static void say(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	ukplat_coutk(s, n);
}

static void say_num(unsigned long v)
{
	char b[24];
	int i = sizeof(b) - 1;

	b[i] = '\0';
	do
		b[--i] = '0' + v % 10;
	while ((v /= 10) && i);
	say(&b[i]);
}

static void __noreturn refuse(void)
{
	ukplat_terminate(UKPLAT_STATUS_BADARGS);
}

static void __noreturn too_many(void)
{
	say("ukboot: more than ");
	say_num(ARGS_MAX - 1);
	say(" arguments: pass fewer, or raise CONFIG_LIBUKBOOT_ARGS_MAX\n");
	refuse();
}

void ukplat_entry_cmdline(const char *line, size_t loader_max)
{
	size_t len = 0;
	int argc;

	if (line)
		while (len < CMDLINE_MAX && line[len])
			len++;
	if (len == CMDLINE_MAX) {
		say("ukboot: the command line is longer than ");
		say_num(CMDLINE_MAX - 1);
		say(" bytes: shorten the arguments, or raise "
		    "CONFIG_LIBUKBOOT_CMDLINE_MAX\n");
		refuse();
	}
	if (loader_max && len >= loader_max - 1) {
		say("ukboot: the command line fills the boot loader's buffer"
		    " of ");
		say_num(loader_max);
		say(" bytes and may have been cut: shorten the arguments to"
		    " less than ");
		say_num(loader_max - 1);
		say(" bytes\n");
		refuse();
	}
	/* Split a copy: the loader's memory may become heap. */
	for (size_t i = 0; i < len; i++)
		cmdline[i] = line[i];
	cmdline[len] = '\0';

	argv[0] = (char *)UK_APP_NAME;
	argc = uk_argnparse(cmdline, sizeof(cmdline), &argv[1], ARGS_MAX - 1);
	if (argc == UK_ARGPARSE_ETOOMANY)
		too_many();
	if (argc < 0) {
		say("ukboot: the command line has an unterminated ' or \": "
		    "close the quote\n");
		refuse();
	}
	argv[argc + 1] = NULL;
	ukplat_entry(uk_bootparam_split(argc + 1, argv), argv);
}

void ukplat_entry_argv(int argc, char *av[])
{
	if (argc > ARGS_MAX)
		too_many();
	if (argc < 1) {
		argc = 1;
		av = argv;
		av[1] = NULL;
	}
	av[0] = (char *)UK_APP_NAME;
	ukplat_entry(uk_bootparam_split(argc, av), av);
}
