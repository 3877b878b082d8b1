/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The console as a terminal (see include/uk/tty.h): a read that waits,
 * a line discipline for cooked mode, and the termios calls.
 */
#include <errno.h>
#include <string.h>
#include <termios.h>
#include <uk/arch/lcpu.h>
#include <uk/essentials.h>
#include <uk/intr.h>
#include <uk/plat/console.h>
#include <uk/tty.h>
#if CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

#define LINE_MAX_BYTES 1024
#define CTRL(c) ((c) & 0x1f)

static struct termios attr = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = CS8 | CREAD | CLOCAL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN,
	.c_cc = { [VINTR] = CTRL('c'), [VQUIT] = CTRL('\\'),
		  [VERASE] = 0x7f, [VKILL] = CTRL('u'), [VEOF] = CTRL('d'),
		  [VTIME] = 0, [VMIN] = 1, [VSTART] = CTRL('q'),
		  [VSTOP] = CTRL('s'), [VSUSP] = CTRL('z'),
		  [VWERASE] = CTRL('w') },
	.c_ispeed = B115200,
	.c_ospeed = B115200,
};

/* Bytes read from the platform but not yet taken by the discipline. */
static char in_buf[256];
static unsigned int in_len, in_pos;
static int in_eof; /* the platform reported the end of input */

/* Cooked mode: the line being edited; ready once it is complete. */
static char line[LINE_MAX_BYTES];
static unsigned int line_len, line_pos;
static int line_ready;

__weak int ukplat_cin_has_ldisc(void)
{
	return 0;
}

static int is_tty_fd(int fd)
{
	return fd >= 0 && fd <= 2;
}

static void echo(const char *s, unsigned int n)
{
	if (attr.c_lflag & ECHO)
		ukplat_coutk(s, n);
}

/* Refill in_buf; waits when wait is set. 1: bytes, 0: end, < 0: errno. */
static int fill(int wait)
{
	int rc;

	for (;;) {
		rc = ukplat_cink(in_buf, sizeof(in_buf));
		if (rc > 0) {
			in_len = (unsigned int)rc;
			in_pos = 0;
			return 1;
		}
		if (rc == UKPLAT_CIN_EOF) {
			in_eof = 1;
			return 0;
		}
		if (rc < 0)
			return -EIO;
		if (!wait)
			return -EAGAIN;
		/* Handlers with SA_RESTART let the read go on waiting. */
		if (uk_intr_check() == UK_INTR_EINTR)
			return -EINTR;
#if CONFIG_LIBUKSCHED
		uk_sched_sleep_ns((__nsec)CONFIG_LIBUKTTY_POLL_US * 1000);
#else
		ukarch_spinwait();
#endif
	}
}

/* The next input byte: 1 with *c set, 0 at the end, < 0 an errno. */
static int next_byte(char *c, int wait)
{
	int rc;

	if (in_pos == in_len) {
		if (in_eof)
			return 0;
		rc = fill(wait);
		if (rc <= 0)
			return rc;
	}
	*c = in_buf[in_pos++];
	return 1;
}

static char map_input(char c)
{
	if (c == '\r' && (attr.c_iflag & IGNCR))
		return 0;
	if (c == '\r' && (attr.c_iflag & ICRNL))
		return '\n';
	if (c == '\n' && (attr.c_iflag & INLCR))
		return '\r';
	return c;
}

/*
 * Cooked mode: edit until a line is complete. 1 ready, 0 end, < 0 an
 * errno (-EAGAIN without wait: the line so far is kept).
 */
static int cook_line(int wait)
{
	char c;
	int rc;

	while (!line_ready) {
		rc = next_byte(&c, wait);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			/* The end of input ends a partial line too. */
			line_ready = line_len > 0;
			return line_ready;
		}
		if ((attr.c_iflag & IGNCR) && c == '\r')
			continue;
		c = map_input(c);
		if (c == attr.c_cc[VERASE] || c == '\b') {
			if (line_len) {
				line_len--;
				if (attr.c_lflag & ECHOE)
					echo("\b \b", 3);
			}
			continue;
		}
		if (c == attr.c_cc[VKILL]) {
			while (line_len) {
				line_len--;
				if (attr.c_lflag & ECHOK)
					echo("\b \b", 3);
			}
			continue;
		}
		if (c == attr.c_cc[VEOF]) {
			/* ^D: the line so far without it; alone, end of file. */
			line_ready = 1;
			if (!line_len)
				return 0;
			continue;
		}
		if (line_len == sizeof(line) - 1 && c != '\n')
			continue; /* full: only the newline still fits */
		line[line_len++] = c;
		echo(&c, 1);
		if (c == '\n')
			line_ready = 1;
	}
	return 1;
}

static long read_cooked(char *buf, size_t len)
{
	size_t n;
	int rc;

	rc = cook_line(1);
	if (rc <= 0) {
		line_ready = 0;
		line_len = line_pos = 0;
		return rc;
	}
	n = line_len - line_pos;
	if (n > len)
		n = len;
	memcpy(buf, line + line_pos, n);
	line_pos += n;
	if (line_pos == line_len) {
		line_ready = 0;
		line_len = line_pos = 0;
	}
	return (long)n;
}

/* Raw mode: wait for one byte (VMIN 0: none), then take what is there. */
static long read_raw(char *buf, size_t len, int ldisc)
{
	size_t n = 0;
	char c;
	int rc;

	/* What was cooked before a switch to raw is read first. */
	if (line_len > line_pos) {
		n = line_len - line_pos;
		if (n > len)
			n = len;
		memcpy(buf, line + line_pos, n);
		line_pos += n;
		if (line_pos == line_len)
			line_len = line_pos = line_ready = 0;
		return (long)n;
	}
	while (n < len) {
		rc = next_byte(&c, n == 0 && attr.c_cc[VMIN] > 0);
		if (rc == -EAGAIN || rc == 0)
			break;
		if (rc < 0)
			return n ? (long)n : rc;
		if (ldisc) {
			c = map_input(c);
			if (!c && (attr.c_iflag & IGNCR))
				continue;
			echo(&c, 1);
		}
		buf[n++] = c;
	}
	return (long)n;
}

int uk_tty_readable(void)
{
	char c;
	int rc;

	if (line_len > line_pos && (line_ready || !(attr.c_lflag & ICANON) ||
				    ukplat_cin_has_ldisc()))
		return 1;
	if (ukplat_cin_has_ldisc() || !(attr.c_lflag & ICANON)) {
		if (in_pos < in_len || in_eof)
			return 1;
		/* VMIN 0: a read never waits */
		if (!attr.c_cc[VMIN] && !ukplat_cin_has_ldisc())
			return 1;
		rc = next_byte(&c, 0);
		if (rc == 1)
			in_pos--; /* looked at, not taken */
		return rc != -EAGAIN;
	}
	/* cooked: what has come so far goes through the line editor */
	rc = cook_line(0);
	return rc != -EAGAIN;
}

long uk_tty_read(void *buf, size_t len)
{
	if (!len)
		return 0;
	/* The host's terminal already did what a discipline does. */
	if (ukplat_cin_has_ldisc())
		return read_raw(buf, len, 0);
	if (!(attr.c_lflag & ICANON))
		return read_raw(buf, len, 1);
	return read_cooked(buf, len);
}

int tcgetattr(int fd, struct termios *t)
{
	if (!is_tty_fd(fd)) {
		errno = fd < 0 ? EBADF : ENOTTY;
		return -1;
	}
	if (!t) {
		errno = EINVAL;
		return -1;
	}
	*t = attr;
	return 0;
}

int tcsetattr(int fd, int action, const struct termios *t)
{
	if (!is_tty_fd(fd)) {
		errno = fd < 0 ? EBADF : ENOTTY;
		return -1;
	}
	if (!t || (action != TCSANOW && action != TCSADRAIN &&
		   action != TCSAFLUSH)) {
		errno = EINVAL;
		return -1;
	}
	if (action == TCSAFLUSH)
		in_len = in_pos = 0;
	attr = *t;
	return 0;
}

int tcflush(int fd, int queue)
{
	if (!is_tty_fd(fd)) {
		errno = fd < 0 ? EBADF : ENOTTY;
		return -1;
	}
	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH) {
		errno = EINVAL;
		return -1;
	}
	if (queue != TCOFLUSH) {
		in_len = in_pos = 0;
		line_len = line_pos = line_ready = 0;
	}
	return 0;
}

int tcdrain(int fd)
{
	if (!is_tty_fd(fd)) {
		errno = fd < 0 ? EBADF : ENOTTY;
		return -1;
	}
	return 0;
}

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
			ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

speed_t cfgetispeed(const struct termios *t)
{
	return t->c_ispeed;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_ospeed;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
	t->c_ispeed = speed;
	return 0;
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	t->c_ospeed = speed;
	return 0;
}
