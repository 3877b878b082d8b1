/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One process, pid 1, run by root (fixed IDs); no children, so fork,
 * execve and the waits fail, each saying so once in the log. There is no
 * shell either: system() says so as POSIX lets it (0 for a NULL command,
 * else -1 with errno), and popen() fails the same way.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uk/print.h>

#define ALIAS(name, target) \
	extern __typeof__(target) name __attribute__((alias(#target)))

static void once(int *said, const char *call, const char *why)
{
	if (*said)
		return;
	*said = 1;
	uk_pr_warn("%s: %s\n", call, why);
}

int _getpid(void)
{
	return 1;
}
ALIAS(getpid, _getpid);

pid_t getppid(void)
{
	return 0;
}

uid_t getuid(void)
{
	return 0;
}

uid_t geteuid(void)
{
	return 0;
}

gid_t getgid(void)
{
	return 0;
}

gid_t getegid(void)
{
	return 0;
}

int _fork(void)
{
	static int said;

	once(&said, "fork", "ENOSYS: a unikernel has one process");
	errno = ENOSYS;
	return -1;
}
ALIAS(fork, _fork);

int _execve(const char *path, char *const argv[], char *const envp[])
{
	static int said;

	(void)path, (void)argv, (void)envp;
	once(&said, "execve", "ENOSYS: a unikernel cannot load programs");
	errno = ENOSYS;
	return -1;
}
ALIAS(execve, _execve);

pid_t waitpid(pid_t pid, int *status, int options)
{
	static int said;

	(void)pid, (void)status, (void)options;
	once(&said, "waitpid", "ENOSYS: no child processes in a unikernel");
	errno = ENOSYS;
	return -1;
}

int _wait(int *status)
{
	static int said;

	(void)status;
	once(&said, "wait", "ENOSYS: no child processes in a unikernel");
	errno = ENOSYS;
	return -1;
}
ALIAS(wait, _wait);

int system(const char *command)
{
	static int said;

	/* NULL asks whether a command processor exists: none does. */
	if (!command)
		return 0;
	once(&said, "system", "ENOSYS: a unikernel has no shell");
	errno = ENOSYS;
	return -1;
}

FILE *popen(const char *command, const char *mode)
{
	static int said;

	(void)command, (void)mode;
	once(&said, "popen", "ENOSYS: a unikernel has no shell");
	errno = ENOSYS;
	return NULL;
}

int pclose(FILE *stream)
{
	/* No stream ever comes from popen(). */
	(void)stream;
	errno = ECHILD;
	return -1;
}
