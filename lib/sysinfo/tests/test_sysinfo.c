/* SPDX-License-Identifier: BSD-3-Clause */
/* lib/sysinfo: values and error cases. */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <uk/asm/arch.h>
#include <uk/test.h>

UK_TESTCASE(sysinfo, sysconf)
{
	UK_TEST_EXPECT_SNUM_EQ(sysconf(_SC_PAGESIZE), __PAGE_SIZE);
	UK_TEST_EXPECT_SNUM_EQ(sysconf(_SC_NPROCESSORS_ONLN), 1);
	UK_TEST_EXPECT_SNUM_EQ(sysconf(_SC_OPEN_MAX),
			       CONFIG_LIBSYSINFO_OPEN_MAX);
	UK_TEST_EXPECT_SNUM_EQ(sysconf(_SC_CLK_TCK), CLOCKS_PER_SEC);
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(sysconf(-5), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
}

UK_TESTCASE(sysinfo, uname_hostname)
{
	struct utsname u;
	char name[70], small[3];

	UK_TEST_EXPECT_ZERO(uname(&u));
	UK_TEST_EXPECT_STR_EQ(u.sysname, "Unicore");
#if CONFIG_ARCH_X86_64
	UK_TEST_EXPECT_STR_EQ(u.machine, "x86_64");
#elif CONFIG_ARCH_ARM_32
	UK_TEST_EXPECT_STR_EQ(u.machine, "armv7l");
#else
	UK_TEST_EXPECT_STR_EQ(u.machine, "mips");
#endif
	UK_TEST_EXPECT_ZERO(gethostname(name, sizeof(name)));
	UK_TEST_EXPECT_STR_EQ(name, CONFIG_LIBSYSINFO_HOSTNAME);
	UK_TEST_EXPECT_ZERO(sethostname("box7", 4));
	UK_TEST_EXPECT_ZERO(gethostname(name, sizeof(name)));
	UK_TEST_EXPECT_STR_EQ(name, "box7");
	UK_TEST_EXPECT_ZERO(uname(&u));
	UK_TEST_EXPECT_STR_EQ(u.nodename, "box7");
	UK_TEST_EXPECT_SNUM_EQ(gethostname(small, sizeof(small)), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENAMETOOLONG);
	memset(name, 'x', sizeof(name));
	UK_TEST_EXPECT_SNUM_EQ(sethostname(name, sizeof(name)), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	sethostname(CONFIG_LIBSYSINFO_HOSTNAME,
		     strlen(CONFIG_LIBSYSINFO_HOSTNAME));
}

UK_TESTCASE(sysinfo, rlimits)
{
	struct rlimit r;

	UK_TEST_EXPECT_ZERO(getrlimit(RLIMIT_NOFILE, &r));
	UK_TEST_EXPECT_UNUM_EQ(r.rlim_cur, CONFIG_LIBSYSINFO_OPEN_MAX);
	UK_TEST_EXPECT_ZERO(getrlimit(RLIMIT_STACK, &r));
	UK_TEST_EXPECT(r.rlim_cur > 0);
	UK_TEST_EXPECT_SNUM_EQ(getrlimit(99, &r), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_ZERO(getrlimit(RLIMIT_CORE, &r));
	r.rlim_max = 4096;
	UK_TEST_EXPECT_SNUM_EQ(setrlimit(RLIMIT_CORE, &r), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EPERM);
	UK_TEST_EXPECT_ZERO(getrlimit(RLIMIT_DATA, &r));
	r.rlim_cur = 1 << 20;
	UK_TEST_EXPECT_ZERO(setrlimit(RLIMIT_DATA, &r));
	UK_TEST_EXPECT_ZERO(getrlimit(RLIMIT_DATA, &r));
	UK_TEST_EXPECT_UNUM_EQ(r.rlim_cur, 1 << 20);
	r.rlim_cur = r.rlim_max + 0; /* cur > max */
	r.rlim_max = 1;
	r.rlim_cur = 2;
	UK_TEST_EXPECT_SNUM_EQ(setrlimit(RLIMIT_DATA, &r), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
}

UK_TESTCASE(sysinfo, ids_and_processes)
{
	int st;

	UK_TEST_EXPECT_SNUM_EQ(getpid(), 1);
	UK_TEST_EXPECT_SNUM_EQ(getppid(), 0);
	UK_TEST_EXPECT_SNUM_EQ(getuid(), 0);
	UK_TEST_EXPECT_SNUM_EQ(geteuid(), 0);
	UK_TEST_EXPECT_SNUM_EQ(getgid(), 0);
	UK_TEST_EXPECT_SNUM_EQ(getegid(), 0);
	UK_TEST_EXPECT_SNUM_EQ(fork(), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(execve("/bin/sh", NULL, NULL), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(waitpid(-1, &st, 0), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOSYS);
	UK_TEST_EXPECT_SNUM_EQ(wait(&st), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOSYS);
}

UK_TESTCASE(sysinfo, time_calls)
{
	struct timespec res, req = { 0, 1000000000L }, t0, t1;

	UK_TEST_EXPECT_ZERO(clock_getres(CLOCK_MONOTONIC, &res));
	UK_TEST_EXPECT(res.tv_sec == 0 && res.tv_nsec > 0);
	UK_TEST_EXPECT_SNUM_EQ(clock_getres(1234, &res), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(nanosleep(&req, NULL), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	req.tv_nsec = 5000000;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	UK_TEST_EXPECT_ZERO(nanosleep(&req, NULL));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	UK_TEST_EXPECT_SNUM_GE((t1.tv_sec - t0.tv_sec) * 1000000000LL +
				       t1.tv_nsec - t0.tv_nsec,
			       5000000LL);
}
