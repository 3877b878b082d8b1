// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fixdep: turn a compiler dependency file (-MMD -MP output) into the .cmd
 * file make includes next time. It records the command line (so a changed
 * flag rebuilds the object) and replaces the dependency on the generated
 * autoconf header, which changes on every config change, by one dependency
 * per CONFIG_ symbol the sources actually use: kconfig touches
 * include/config/<sym>.h only when that symbol changes.
 *
 * With SOURCE (a compile of a C or assembly file), it also writes the
 * compile_commands.json entry of the object as a make comment line,
 * "# compile_commands: {...}": the build's compile database is then made
 * from the same record that decides rebuilds (support/scripts/compdb).
 *
 * usage: fixdep DEPFILE TARGET CMDLINE CONFIGDIR AUTOCONF [SOURCE]
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct symset {
	char **v;
	size_t n, cap;
};

static const char *prog = "fixdep";

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "%s: %s %s: %s\n", prog, what, arg, strerror(errno));
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory", "");
	return p;
}

static int symset_add(struct symset *s, const char *name, size_t len)
{
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->v[i]) == len && !memcmp(s->v[i], name, len))
			return 0;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 32;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n] = xrealloc(NULL, len + 1);
	memcpy(s->v[s->n], name, len);
	s->v[s->n][len] = '\0';
	s->n++;
	return 1;
}

/* Collect every CONFIG_xxx token of a file. */
static void scan_file(const char *path, struct symset *syms)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		die("cannot open", path);
	if (fstat(fd, &st) < 0)
		die("cannot stat", path);
	if (st.st_size == 0) {
		close(fd);
		return;
	}
	const char *m = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

	if (m == MAP_FAILED)
		die("cannot map", path);
	const char *end = m + st.st_size;

	for (const char *p = m; p + 7 < end; p++) {
		if (memcmp(p, "CONFIG_", 7))
			continue;
		/* Part of a longer identifier (e.g. MY_CONFIG_X): not ours. */
		if (p > m && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
			continue;
		const char *q = p + 7;

		while (q < end && (isalnum((unsigned char)*q) || *q == '_'))
			q++;
		if (q > p + 7)
			symset_add(syms, p + 7, q - p - 7);
		p = q - 1;
	}
	munmap((void *)m, st.st_size);
	close(fd);
}

/* Print s escaped for a make variable assignment. */
static void put_make_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s == '$')
			fputs("$$", stdout);
		else if (*s == '#')
			fputs("\\#", stdout);
		else if (*s == '\n')
			putchar(' ');
		else
			putchar(*s);
	}
}

/* Symbol FOO_BAR lives in CONFIGDIR/foo/bar.h (kconfig's split config). */
static void put_config_dep(const char *configdir, const char *sym)
{
	printf("  $(wildcard %s/", configdir);
	for (const char *c = sym; *c; c++)
		putchar(*c == '_' ? '/' : tolower((unsigned char)*c));
	printf(".h) \\\n");
}

/* s as a JSON string, with the quotes. */
static void put_json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* path made absolute against the working directory cwd. */
static void put_json_path(const char *cwd, const char *path)
{
	char buf[PATH_MAX * 2 + 2];

	if (path[0] == '/') {
		put_json_string(path);
		return;
	}
	snprintf(buf, sizeof(buf), "%s/%s", cwd, path);
	put_json_string(buf);
}

/*
 * One compile_commands.json entry on one line. The working directory is
 * ours: make runs fixdep in the shell that ran the compiler.
 */
static void put_compile_command(const char *source, const char *target,
				const char *cmdline)
{
	char cwd[PATH_MAX];

	if (!getcwd(cwd, sizeof(cwd)))
		die("cannot get", "the working directory");
	fputs("# compile_commands: {\"directory\": ", stdout);
	put_json_string(cwd);
	fputs(", \"file\": ", stdout);
	put_json_path(cwd, source);
	fputs(", \"output\": ", stdout);
	put_json_path(cwd, target);
	fputs(", \"command\": ", stdout);
	put_json_string(cmdline);
	fputs("}\n", stdout);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		die("cannot open", path);
	do {
		if (cap - n < 4096) {
			cap = cap ? 2 * cap : 8192;
			buf = xrealloc(buf, cap + 1);
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	struct symset syms = { 0 }, files = { 0 };
	size_t len;

	if (argc != 6 && argc != 7) {
		fprintf(stderr, "usage: %s DEPFILE TARGET CMDLINE CONFIGDIR "
			"AUTOCONF [SOURCE]\n", prog);
		return 2;
	}
	const char *target = argv[2], *configdir = argv[4];
	const char *autoconf = argv[5];
	char *d = read_all(argv[1], &len);

	/* Only the first rule matters; -MP's phony rules follow a blank line. */
	char *colon = strchr(d, ':');

	if (!colon) {
		fprintf(stderr, "%s: %s: no rule found\n", prog, argv[1]);
		return 2;
	}
	char *p = colon + 1;

	for (;;) {
		while (*p == ' ' || *p == '\t' || (*p == '\\' && p[1] == '\n'))
			p += (*p == '\\') ? 2 : 1;
		if (!*p || *p == '\n')
			break;
		char *s = p;

		while (*p && *p != ' ' && *p != '\t' && *p != '\n' &&
		       !(*p == '\\' && p[1] == '\n'))
			p++;
		symset_add(&files, s, p - s);
	}

	fputs("cmd_", stdout);
	fputs(target, stdout);
	fputs(" := ", stdout);
	put_make_escaped(argv[3]);
	printf("\n\ndeps_%s := \\\n", target);
	for (size_t i = 0; i < files.n; i++) {
		if (!strcmp(files.v[i], autoconf))
			continue;
		scan_file(files.v[i], &syms);
		printf("  %s \\\n", files.v[i]);
	}
	for (size_t i = 0; i < syms.n; i++)
		put_config_dep(configdir, syms.v[i]);
	printf("\n%s: $(deps_%s)\n\n$(deps_%s):\n", target, target, target);
	if (argc == 7)
		put_compile_command(argv[6], target, argv[3]);
	return 0;
}
