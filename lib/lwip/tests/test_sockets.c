/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Blocking socket calls and signals: a blocking accept with no client
 * ends with EINTR when SIGALRM's handler (without SA_RESTART) ran.
 */
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <uk/test.h>

static volatile int alarms;

static void on_alarm(int sig)
{
	alarms += sig == SIGALRM;
}

UK_TESTCASE(lwip, accept_eintr)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(7777) };
	struct itimerval in_30ms = { .it_value = { 0, 30000 } }, off = { 0 };
	struct sigaction sa, old;
	int s = socket(AF_INET, SOCK_STREAM, 0), rc, err;

	UK_TEST_EXPECT_SNUM_GE(s, 0);
	UK_TEST_EXPECT_ZERO(bind(s, (struct sockaddr *)&a, sizeof(a)));
	UK_TEST_EXPECT_ZERO(listen(s, 1));
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, &old);
	alarms = 0;
	setitimer(ITIMER_REAL, &in_30ms, NULL);
	rc = accept(s, NULL, NULL);
	err = errno;
	setitimer(ITIMER_REAL, &off, NULL);
	sigaction(SIGALRM, &old, NULL);
	UK_TEST_EXPECT_SNUM_EQ(rc, -1);
	UK_TEST_EXPECT_SNUM_EQ(err, EINTR);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 1);
	close(s);
}
