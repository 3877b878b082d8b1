/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * helloworld: prints a greeting and its arguments. An argument
 * "status=N" makes main() return N, so tests can check that the exit
 * status reaches the host on every platform.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char *argv[])
{
	int status = 0;

	printf("%s\n", CONFIG_APPHELLOWORLD_GREETING);
	for (int i = 1; i < argc; i++) {
		printf("arg[%d]: %s\n", i, argv[i]);
		if (!strncmp(argv[i], "status=", 7))
			status = atoi(argv[i] + 7);
	}
	return status;
}
