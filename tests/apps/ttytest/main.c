/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ttytest: the console as stdin (lib/uktty through newlib's read).
 *   lines (default): echo each line read as "got N: LINE" until a line
 *                    "quit" or end of file, then a summary line with the
 *                    byte count and a checksum of everything read;
 *   raw:             switch to raw mode, print the next 8 bytes in hex;
 *   wait:            time a read that starts before input arrives.
 * Every mode first checks isatty and tcgetattr/tcsetattr.
 */
#include <errno.h>
#if CONFIG_LIBVFS
#include <poll.h>
#endif
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "FAIL", what);
	if (!ok)
		failed++;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void check_tty(void)
{
	struct termios t;

	check(isatty(0) == 1 && isatty(1) == 1 && isatty(2) == 1,
	      "isatty(0..2) is 1");
	errno = 0;
	check(tcgetattr(7, &t) == -1 && (errno == ENOTTY || errno == EBADF),
	      "tcgetattr(7) fails");
	check(tcgetattr(0, &t) == 0, "tcgetattr(0)");
	check((t.c_lflag & ICANON) && (t.c_lflag & ECHO),
	      "the console starts cooked with echo");
	errno = 0;
	check(tcsetattr(0, 99, &t) == -1 && errno == EINVAL,
	      "tcsetattr(0, 99) is EINVAL");
}

/*
 * Reads with read(2) itself and splits lines here: a pipe on linuxu
 * hands over many lines in one read, a cooked terminal one at a time.
 */
static int mode_lines(void)
{
	char buf[512], line[512];
	unsigned long bytes = 0, sum = 0, lines = 0;
	size_t len = 0;
	long n, i;
	int eof = 0, quit = 0;

	while (!quit) {
		n = read(0, buf, sizeof(buf));
		if (n < 0) {
			printf("read: error %d\n", errno);
			return 1;
		}
		if (n == 0) {
			eof = 1;
			break;
		}
		bytes += n;
		for (i = 0; i < n && !quit; i++) {
			sum = (sum * 31 + (unsigned char)buf[i]) & 0xffffffffUL;
			if (buf[i] != '\n' && len < sizeof(line) - 1) {
				line[len++] = buf[i];
				continue;
			}
			line[len] = 0;
			len = 0;
			printf("got %lu: %s\n", ++lines, line);
			quit = !strcmp(line, "quit");
		}
	}
	if (len) {
		line[len] = 0;
		printf("got %lu: %s\n", ++lines, line);
	}
	printf("ttytest: %lu lines, %lu bytes, sum %lu, %s\n", lines, bytes,
	       sum, eof ? "eof" : "quit");
	return 0;
}

static int mode_raw(void)
{
	struct termios t;
	unsigned char c[8];
	int n = 0, i;
	long r;

	tcgetattr(0, &t);
	cfmakeraw(&t);
	check(tcsetattr(0, TCSANOW, &t) == 0, "tcsetattr raw");
	while (n < 8) {
		r = read(0, c + n, sizeof(c) - n);
		if (r <= 0)
			break;
		n += r;
	}
	printf("raw:");
	for (i = 0; i < n; i++)
		printf(" %02x", c[i]);
	printf("\n");
	return 0;
}

static int mode_wait(void)
{
	char buf[64];
	long t0, n;

#if CONFIG_LIBVFS
	struct pollfd p = { .fd = 0, .events = POLLIN };

	/* poll() (lib/vfs) on the console: nothing yet, then it waits */
	check(poll(&p, 1, 200) == 0 && p.revents == 0,
	      "poll of an idle console: 0");
#endif
	printf("wait: reading\n");
	t0 = now_ms();
#if CONFIG_LIBVFS
	n = poll(&p, 1, -1);
	check(n == 1 && p.revents == POLLIN, "poll: console readable");
	printf("wait: poll %ld (revents %#x) after %ld ms\n", n,
	       (unsigned int)p.revents, now_ms() - t0);
#endif
	n = read(0, buf, sizeof(buf));
	printf("wait: %ld bytes after %ld ms\n", n, now_ms() - t0);
	return 0;
}

int main(int argc, char *argv[])
{
	const char *mode = argc > 1 ? argv[1] : "lines";
	int rc;

	setvbuf(stdout, NULL, _IOLBF, 0);
	check_tty();
	if (!strcmp(mode, "raw"))
		rc = mode_raw();
	else if (!strcmp(mode, "wait"))
		rc = mode_wait();
	else
		rc = mode_lines();
	printf("ttytest: %d failed\n", failed);
	return rc || failed;
}
