/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * gntpeek DOMID REF MESSAGE: a Linux dom0 program (built static on the
 * host, run in the Xen test bed's dom0 by tests/xen-xenbus.sh). Maps
 * grant REF of domain DOMID read-write through /dev/xen/gntdev, prints
 * the string at the start of the page on one line, writes MESSAGE at
 * offset 2048 of the page, and keeps the page mapped until its standard
 * input ends; then unmaps it. Exit status 1 on any failure.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xen/sys/gntdev.h>

#define PAGE 4096

int main(int argc, char *argv[])
{
	struct ioctl_gntdev_map_grant_ref map = { .count = 1 };
	struct ioctl_gntdev_unmap_grant_ref unmap = { .count = 1 };
	char line[64], *page;
	int fd;

	if (argc != 4) {
		fprintf(stderr, "usage: gntpeek DOMID REF MESSAGE\n");
		return 1;
	}
	map.refs[0].domid = strtoul(argv[1], NULL, 0);
	map.refs[0].ref = strtoul(argv[2], NULL, 0);
	fd = open("/dev/xen/gntdev", O_RDWR);
	if (fd < 0 || ioctl(fd, IOCTL_GNTDEV_MAP_GRANT_REF, &map)) {
		perror("gntpeek: map grant");
		return 1;
	}
	page = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		    map.index);
	if (page == MAP_FAILED) {
		perror("gntpeek: mmap");
		return 1;
	}
	printf("%.*s\n", (int)strnlen(page, PAGE / 2), page);
	fflush(stdout);
	snprintf(page + PAGE / 2, PAGE / 2, "%s", argv[3]);
	while (fgets(line, sizeof(line), stdin))
		;
	unmap.index = map.index;
	if (munmap(page, PAGE) ||
	    ioctl(fd, IOCTL_GNTDEV_UNMAP_GRANT_REF, &unmap)) {
		perror("gntpeek: unmap");
		return 1;
	}
	return 0;
}
