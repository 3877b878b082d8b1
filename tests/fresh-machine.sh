#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# A newcomer's bare machine: a minimal Debian 12 root (debootstrap
# --variant=minbase from Debian's archive, plus make and nothing else), the
# clone copied in, and inside it, as root, exactly the README's first
# command, which has to install the packages itself, build helloworld, run
# it and carry its exit status. Then, on a second bare copy, the README's
# test command first (`make test` on two tests), which has to install them
# too.
#
# The root is made once and kept as a tarball in the download cache
# (${UK_CACHE:-~/.cache/unicore}/fresh-machine); every run unpacks a bare
# copy and installs from scratch inside it. The .deb files apt downloads are
# kept in the cache too (bind-mounted on the root's /var/cache/apt/archives),
# so only the first run downloads them.
#
# Mounts are made in a private mount and PID namespace (unshare): they
# vanish with the last process inside, whatever happens to this script.
#
# env: UK_DEBIAN_MIRROR (default: the host's apt source for bookworm, else
#      http://deb.debian.org/debian)
. "$(dirname "$0")/lib.sh"
set -o pipefail

suite=bookworm
cache=${UK_CACHE:-$HOME/.cache/unicore}/fresh-machine
base=$cache/$suite-minbase-make.tar
debs=$cache/debs
root=$T_DIR/root
src=/root/unicore

[ "$(id -u)" = 0 ] || skip "needs root: debootstrap, dpkg inside the root" \
	"and its mounts need uid 0 ('unshare -r' maps only one uid, so dpkg" \
	"cannot hand files to _apt and other system users)"
need unshare chroot tar findmnt flock

# The host's own mirror for the suite (apt-cache policy names it), so a
# machine with a local mirror uses it; its proxy settings go along.
mirror=${UK_DEBIAN_MIRROR:-$(apt-cache policy 2>/dev/null | awk -v s="$suite" '
	$1 ~ /^[0-9]+$/ && $2 ~ /^(http|https|ftp):/ && $3 ~ "^" s "/main" {
		uri = $2 }
	/release / && uri && /o=Debian,/ && ("," $0 ",") ~ ",n=" s "," {
		print uri; exit }
	/release / { uri = "" }')}
mirror=${mirror:-http://deb.debian.org/debian}
proxy=
if command -v apt-config >/dev/null; then
	eval "$(apt-config shell proxy Acquire::http::Proxy)"
fi
proxy=${proxy:-${http_proxy:-}}
[ -z "$proxy" ] || export http_proxy=$proxy
need curl
curl -fsS -o /dev/null --max-time 30 "$mirror/dists/$suite/InRelease" ||
	skip "Debian's archive $mirror cannot be reached"
note "mirror: $mirror${proxy:+ (proxy $proxy)}"

# elapsed START: seconds since START (date +%s.%N), one decimal.
elapsed() { printf '%.1f' "$(echo "$(date +%s.%N) - $1" | bc)"; }

# Nothing may stay mounted under T_DIR, even after a failure: the
# namespaces make it so, and this checks it (and cleans up if it did not).
leftover() { findmnt -rn -o TARGET | grep -F "$T_DIR/" || true; }
cleanup() {
	local m
	m=$(leftover)
	if [ -n "$m" ]; then
		echo "FAIL: mounts left behind under $T_DIR: $m"
		sort -r <<<"$m" | while read -r m; do umount -l "$m"; done
		exit 1
	fi
}
trap cleanup EXIT

mkdir -p "$cache" "$debs"

# The bare root, made once (serialised: parallel runs share the cache).
t0=$(date +%s.%N)
(
	flock 9
	[ -f "$base" ] && exit 0
	if ! command -v debootstrap >/dev/null; then
		note "installing debootstrap"
		apt-get install -y -qq --no-install-recommends debootstrap \
			>"$T_DIR/debootstrap-install.log" 2>&1
		command -v debootstrap >/dev/null || exit 77
	fi
	mk=$T_DIR/mkroot
	debootstrap --variant=minbase --include=make --cache-dir="$debs" \
		"$suite" "$mk" "$mirror" >"$T_DIR/debootstrap.log" 2>&1 ||
		exit 1
	# Bare as a new machine: no package lists, no downloaded files.
	rm -rf "$mk"/var/lib/apt/lists/* "$mk"/var/cache/apt/archives/*.deb \
		"$mk"/var/cache/apt/*.bin
	mkdir -p "$mk/var/lib/apt/lists/partial"
	tar -C "$mk" --numeric-owner -cf "$base.tmp" . && mv "$base.tmp" "$base"
	rm -rf --one-file-system "$mk"
) 9>"$cache/.lock"
case $? in
0) ;;
77) skip "debootstrap is not installed and apt-get could not install it" \
	"($(tail -1 "$T_DIR/debootstrap-install.log"))" ;;
*) fail "debootstrap of $suite from $mirror failed:" \
	"$(tail -5 "$T_DIR/debootstrap.log")" ;;
esac
note "bare $suite root ready in $(elapsed "$t0") s ($base)"

# bare_root: a fresh copy of the bare root in $root, with the tree in it.
bare_root() {
	local t0 st
	t0=$(date +%s.%N)
	mkdir -p "$root"
	tar -C "$root" --numeric-owner -xf "$base" || fail "cannot unpack $base"
	cp -L /etc/resolv.conf "$root/etc/resolv.conf"
	if [ -n "$proxy" ]; then
		printf 'Acquire::http::Proxy "%s";\n' "$proxy" \
			>"$root/etc/apt/apt.conf.d/90proxy"
	fi
	# The clone as it stands (tracked and new files, not build output).
	mkdir -p "$root$src"
	if git -C "$UK_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$UK_ROOT" ls-files -z --cached --others --exclude-standard |
			(cd "$UK_ROOT" && while IFS= read -r -d '' f; do
				[ -e "$f" ] && printf '%s\0' "$f"
			done | tar --null -T - -cf -) | tar -C "$root$src" -xf - ||
			fail "cannot copy the tree into the root"
	else
		tar -C "$UK_ROOT" --exclude=./build \
			--exclude='./apps/*/build' --exclude='./tests/apps/*/build' \
			--exclude='*/.config' \
			-cf - . | tar -C "$root$src" -xf - ||
			fail "cannot copy the tree into the root"
	fi
	note "root unpacked and tree copied in $(elapsed "$t0") s"

	# Nothing of the project is there yet: the command must install it.
	st=$(chroot "$root" dpkg-query -W -f='${Status}' gcc 2>/dev/null)
	[ "$st" != "install ok installed" ] ||
		fail "the bare root already has gcc"
	chroot "$root" sh -c 'command -v make' >/dev/null ||
		fail "no make in the root"
}

# inside CMD...: run CMD as root in the root's $src, with the environment
# of a fresh login, the host's /proc, /sys and /dev, and the .deb cache.
cat >"$T_DIR/inside" <<'EOF'
set -e
root=$1 debs=$2 src=$3
shift 3
# ip netns wants / to be a mount point, as it is on a real machine.
mount --bind "$root" "$root"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --rbind /dev "$root/dev"
mount --bind "$debs" "$root/var/cache/apt/archives"
set +e
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	/bin/bash -c 'cd "$0" && exec "$@"' "$src" "$@"
EOF
inside() {
	unshare --mount --pid --fork --propagation private \
		bash "$T_DIR/inside" "$root" "$debs" "$src" "$@" </dev/null
}

# timed OUT CMD...: CMD inside the root, its output in OUT and, each line
# after the time it came, in OUT.t (the start on the first line); its
# status in RC, its time in SECS.
timed() {
	local out=$1 t0=$EPOCHREALTIME l
	shift
	echo "$t0" >"$out.t"
	inside "$@" 2>&1 | while IFS= read -r l || [ -n "$l" ]; do
		printf '%s\n' "$l" >&3
		printf '%s %s\n' "$EPOCHREALTIME" "$l"
	done 3>"$out" >>"$out.t"
	RC=${PIPESTATUS[0]}
	SECS=$(printf '%.1f' "$(bc <<<"$EPOCHREALTIME - $t0")")
	[ -z "$(leftover)" ] || fail "mounts left behind: $(leftover)"
}

# installed OUT: the command whose output is OUT installed the packages.
installed() {
	grep -q '^install-deps: installing [0-9]* packages' "$1" ||
		fail "the command installed nothing: $(head -5 "$1")"
	grep -q '^install-deps: done' "$1" || fail "the install did not" \
		"finish: $(grep '^install-deps\|^E:' "$1" | tail -5)"
}

# at OUT PATTERN: seconds into the command at its first line matching.
at() {
	local t
	t=$(grep -m1 -E "^[0-9.]+ $2" "$1.t" | cut -d' ' -f1)
	[ -n "$t" ] || { echo "?"; return; }
	printf '%.1f' "$(bc <<<"$t - $(head -1 "$1.t")")"
}

# 1. The README's first command, first thing on a bare root.
bare_root
out=$T_DIR/first.out
timed "$out" make -C apps/helloworld run ARGS="hello status=3"
installed "$out"
expect_line "$out" "Hello world!"
expect_line "$out" "arg[1]: hello"
expect_line "$out" "arg[2]: status=3"
grep -Eq '^make: \*\*\* \[.*\] Error 3$' "$out" ||
	fail "make did not report the image's status 3: $(tail -3 "$out")"
[ "$RC" = 2 ] ||
	fail "make exited $RC, expected 2 (its status for a failed target)"
note "$(grep -m1 '^install-deps: installing' "$out" | cut -c1-60)..."
note "first command: $SECS s: packages installed at $(at "$out" \
	'install-deps: done') s, image built at $(at "$out" '  SIZE ') s"
rm -rf --one-file-system "$root"

# 2. The README's test command, first thing on another bare root: the
# order of the README must not matter.
bare_root
out=$T_DIR/test.out
timed "$out" make test TESTS="build-helloworld kvm-x86_64"
installed "$out"
last=$(tail -1 "$out")
[ "$last" = "2 passed, 0 failed, 0 skipped" ] && [ "$RC" = 0 ] ||
	fail "make test inside the root (exit $RC): $(tail -20 "$out")"
note "make test TESTS=\"build-helloworld kvm-x86_64\": $SECS s:" \
	"packages installed at $(at "$out" 'install-deps: done') s; $last"

# A root takes a gigabyte and more once installed: drop it when all went
# well (nothing is mounted there, checked above).
rm -rf --one-file-system "$root"
echo "PASS: bare $suite roots: each of the README's two commands run first"
