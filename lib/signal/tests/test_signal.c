/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Signals that interrupt waiting calls: SIGALRM from alarm() or
 * setitimer() during a pipe read (EINTR, or going on with SA_RESTART until
 * another thread writes), nanosleep (EINTR and the time left), sem_wait
 * (EINTR even with SA_RESTART) and pthread_cond_wait (a spurious wake-up,
 * never EINTR). Each case puts the timer and SIGALRM's action back.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <uk/test.h>

#define NSEC_PER_SEC 1000000000LL

static volatile int alarms;
static pthread_t alarm_thread; /* the thread the handler ran in */

static void on_alarm(int sig)
{
	if (sig == SIGALRM)
		alarms++;
	alarm_thread = pthread_self();
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

static void catch_alarm(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sa.sa_flags = flags;
	sigaction(SIGALRM, &sa, NULL);
	alarms = 0;
	alarm_thread = NULL;
}

/* SIGALRM in ms milliseconds, once. */
static void alarm_in_ms(long ms)
{
	struct itimerval v = { .it_value = { ms / 1000, ms % 1000 * 1000 } };

	setitimer(ITIMER_REAL, &v, NULL);
}

static void alarm_off(void)
{
	struct itimerval v = { 0 };
	struct sigaction sa;

	setitimer(ITIMER_REAL, &v, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigaction(SIGALRM, &sa, NULL);
}

UK_TESTCASE(signal, alarm_interrupts_pipe_read)
{
	int fds[2], rc, err;
	long long t0;
	char c;

	UK_TEST_EXPECT_ZERO(pipe(fds));
	catch_alarm(0);
	t0 = now_ns();
	alarm(1);
	rc = (int)read(fds[0], &c, 1);
	err = errno;
	alarm_off();
	UK_TEST_EXPECT_SNUM_EQ(rc, -1);
	UK_TEST_EXPECT_SNUM_EQ(err, EINTR);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 1);
	UK_TEST_EXPECT(pthread_equal(alarm_thread, pthread_self()));
	UK_TEST_EXPECT_SNUM_GE(now_ns() - t0, NSEC_PER_SEC * 9 / 10);
	close(fds[0]);
	close(fds[1]);
}

/*
 * Writes to the pipe 200 ms after it starts, never waiting in a call that
 * looks at signals: the reader is the thread that runs the handler.
 */
static void *write_later(void *arg)
{
	int fd = *(int *)arg;
	long long until = now_ns() + NSEC_PER_SEC / 5;

	while (now_ns() < until)
		sched_yield();
	write(fd, "late", 4);
	return NULL;
}

UK_TESTCASE(signal, restart_pipe_read)
{
	char buf[8] = { 0 };
	pthread_t t;
	int fds[2];
	ssize_t n;

	UK_TEST_EXPECT_ZERO(pipe(fds));
	catch_alarm(SA_RESTART);
	alarm_in_ms(30);
	UK_TEST_EXPECT_ZERO(pthread_create(&t, NULL, write_later, &fds[1]));
	n = read(fds[0], buf, sizeof(buf));
	pthread_join(t, NULL);
	alarm_off();
	UK_TEST_EXPECT_SNUM_EQ(n, 4);
	UK_TEST_EXPECT_STR_EQ(buf, "late");
	UK_TEST_EXPECT_SNUM_EQ(alarms, 1);
	UK_TEST_EXPECT(pthread_equal(alarm_thread, pthread_self()));
	close(fds[0]);
	close(fds[1]);
}

UK_TESTCASE(signal, nanosleep_remaining)
{
	struct timespec req = { 1, 0 }, rem = { 7, 7 };
	long long t0, slept, left;
	int rc, err;

	catch_alarm(SA_RESTART); /* nanosleep is never restarted */
	t0 = now_ns();
	alarm_in_ms(50);
	rc = nanosleep(&req, &rem);
	err = errno;
	slept = now_ns() - t0;
	alarm_off();
	UK_TEST_EXPECT_SNUM_EQ(rc, -1);
	UK_TEST_EXPECT_SNUM_EQ(err, EINTR);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 1);
	UK_TEST_EXPECT_SNUM_EQ(rem.tv_sec, 0);
	left = rem.tv_nsec;
	UK_TEST_EXPECT_SNUM_GT(left, 0);
	/* What was slept and what is left make the second asked for. */
	UK_TEST_EXPECT_SNUM_GE(slept + left, NSEC_PER_SEC - NSEC_PER_SEC / 100);
	UK_TEST_EXPECT(slept < NSEC_PER_SEC);
	/* Without a signal it sleeps it all and leaves nothing. */
	req = (struct timespec){ 0, 20000000 };
	UK_TEST_EXPECT_ZERO(nanosleep(&req, &rem));
	UK_TEST_EXPECT_SNUM_EQ(rem.tv_sec + rem.tv_nsec, 0);
}

UK_TESTCASE(signal, sem_wait_eintr)
{
	sem_t s;
	int rc, err, v = -1;

	UK_TEST_EXPECT_ZERO(sem_init(&s, 0, 0));
	catch_alarm(SA_RESTART); /* sem_wait is never restarted */
	alarm_in_ms(30);
	rc = sem_wait(&s);
	err = errno;
	alarm_off();
	UK_TEST_EXPECT_SNUM_EQ(rc, -1);
	UK_TEST_EXPECT_SNUM_EQ(err, EINTR);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 1);
	sem_getvalue(&s, &v);
	UK_TEST_EXPECT_SNUM_EQ(v, 0);
	UK_TEST_EXPECT_ZERO(sem_destroy(&s));
}

UK_TESTCASE(signal, cond_wait_spurious)
{
	pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	int rc;

	catch_alarm(0);
	alarm_in_ms(30);
	pthread_mutex_lock(&m);
	rc = pthread_cond_wait(&c, &m);
	alarm_off();
	UK_TEST_EXPECT_ZERO(rc);
	UK_TEST_EXPECT_SNUM_EQ(alarms, 1);
	/* It returns with the mutex held. */
	UK_TEST_EXPECT_SNUM_EQ(pthread_mutex_trylock(&m), EBUSY);
	pthread_mutex_unlock(&m);
}
