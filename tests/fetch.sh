#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# make fetch (support/build/Makefile.fetch, support/scripts/fetch), with
# newlib's Debian archive: unpacks and patches; a second run changes
# nothing and prints nothing; a wrong digest (given, or of a corrupted
# archive) stops with both digests and leaves nothing half-unpacked, nor
# harms a tree fetched before; the URL override downloads into the cache;
# and a library outside the tree fetches lwIP with 'apt-get source'.
. "$(dirname "$0")/lib.sh"
need sha256sum xz patch curl

archive=/usr/src/newlib/newlib-3.3.0.tar.xz
sha=c6f3a88b9d93420904241b231ca8647303be3bfb3cfef6adc8d1ea9207291033
[ -f "$archive" ] || skip "$archive missing (make deps: newlib-source)"
export UK_CACHE=$T_DIR/cache

app=$(app_copy helloworld)
config "$app" CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_LIBNEWLIB=y
o=$T_DIR/o
origin=$o/libnewlib/origin

# fetch OUT ARGS...: make fetch with O=$o unless given; output in OUT.
fetch() {
	local out=$1
	shift
	make --no-print-directory -C "$app" fetch O="$o" "$@" >"$out" 2>&1
}

# 1. First fetch: unpacked, patched, and only that (no newlib build).
fetch "$T_DIR/f1.out" || fail "make fetch failed: $(tail -5 "$T_DIR/f1.out")"
grep -q 'FETCH.*libnewlib: unpacking newlib-3.3.0.tar.xz' "$T_DIR/f1.out" ||
	fail "no unpacking reported: $(cat "$T_DIR/f1.out")"
[ -f "$origin/newlib/libc/stdio/printf.c" ] || fail "no newlib tree in $origin"
grep -q Unicore "$origin/newlib/libc/include/sys/features.h" ||
	fail "patches not applied"
grep -q NEWLIB "$T_DIR/f1.out" && fail "make fetch built newlib"
ls "$o/libnewlib" | grep -q '^\.fetch' && fail "temporary folder left behind"

# 2. Second fetch: a no-op, silent, nothing rewritten.
snap() { find "$o/libnewlib" -maxdepth 3 -printf '%p %T@ %s\n' | sort; }
snap >"$T_DIR/snap1"
fetch "$T_DIR/f2.out" || fail "second make fetch failed"
[ -s "$T_DIR/f2.out" ] && fail "second make fetch printed: $(head -3 "$T_DIR/f2.out")"
snap >"$T_DIR/snap2"
cmp -s "$T_DIR/snap1" "$T_DIR/snap2" ||
	fail "second make fetch changed files: $(diff "$T_DIR/snap1" "$T_DIR/snap2" | head -4)"

# expect_mismatch OUT WANT GOT: failed, with both digests, nothing left.
expect_mismatch() {
	grep -q "expected: $2" "$1" && grep -q "actual:   $3" "$1" ||
		fail "mismatch message lacks the digests: $(cat "$1")"
}

# 3. A wrong digest through the variable: stops, both digests; the tree
# fetched before stays as it was.
bad=0000000000000000000000000000000000000000000000000000000000000000
fetch "$T_DIR/f3.out" LIBNEWLIB_SHA256=$bad &&
	fail "a wrong LIBNEWLIB_SHA256 did not stop make fetch"
expect_mismatch "$T_DIR/f3.out" $bad $sha
snap >"$T_DIR/snap3"
cmp -s "$T_DIR/snap1" "$T_DIR/snap3" ||
	fail "a failed fetch changed the tree fetched before"
fetch "$T_DIR/f3b.out" && [ ! -s "$T_DIR/f3b.out" ] ||
	fail "fetch after a failed one is not a no-op: $(head -3 "$T_DIR/f3b.out")"

# 4. A corrupted archive (one byte changed), in a fresh build folder: a
# build (not only fetch) stops before compiling, nothing unpacked.
cp "$archive" "$T_DIR/newlib-3.3.0.tar.xz"
printf 'X' | dd of="$T_DIR/newlib-3.3.0.tar.xz" bs=1 seek=100000 \
	conv=notrunc status=none
badsha=$(sha256sum "$T_DIR/newlib-3.3.0.tar.xz" | cut -d' ' -f1)
make -C "$app" O="$T_DIR/o4" LIBNEWLIB_ARCHIVE="$T_DIR/newlib-3.3.0.tar.xz" \
	>"$T_DIR/f4.out" 2>&1 && fail "a corrupted archive did not stop the build"
expect_mismatch "$T_DIR/f4.out" $sha "$badsha"
[ -e "$T_DIR/o4/libnewlib/origin" ] && fail "corrupted archive unpacked"
ls -a "$T_DIR/o4/libnewlib" 2>/dev/null | grep -q '^\.fetch' &&
	fail "temporary folder left behind"
grep -q ' CC ' "$T_DIR/f4.out" && fail "objects compiled despite the mismatch"

# 5. The URL override: downloaded with curl (a file:// URL works offline)
# into the cache, checked, unpacked; an unreachable URL fails clearly.
cp "$archive" "$T_DIR/up.tar.xz"
fetch "$T_DIR/f5.out" O="$T_DIR/o5" LIBNEWLIB_URL="file://$T_DIR/up.tar.xz" ||
	fail "fetch from LIBNEWLIB_URL failed: $(tail -3 "$T_DIR/f5.out")"
[ -f "$UK_CACHE/src/up.tar.xz" ] || fail "download not cached in $UK_CACHE/src"
[ -f "$T_DIR/o5/libnewlib/origin/newlib/libc/stdio/printf.c" ] ||
	fail "URL archive not unpacked"
fetch "$T_DIR/f6.out" O="$T_DIR/o6" LIBNEWLIB_URL="file://$T_DIR/none.tar.xz" &&
	fail "a missing URL did not fail"
grep -q 'download of file://.*none.tar.xz failed' "$T_DIR/f6.out" ||
	fail "unclear download error: $(cat "$T_DIR/f6.out")"

# 6. The macro from a library outside the tree, with lwIP's Debian source
# package (apt-get source; deb-src entries are added when missing).
lw=$T_DIR/liblwfetch
mkdir -p "$lw/patches"
printf '%s\n' 'config LIBLWFETCH' '	bool "lwIP fetch test"' '	default y' \
	>"$lw/Config.uk"
cat >"$lw/Makefile.uk" <<'EOF'
$(eval $(call addlib_s,liblwfetch,$(CONFIG_LIBLWFETCH)))
$(eval $(call fetch,liblwfetch,deb-src:lwip:lwip_2.1.3+dfsg1.orig.tar.xz,0a8276d09fc4e97bbba2f953d74af2388fc2195ea156be9d7589e297a68fde24,lwip-2.1.3))
EOF
# A patch of our own (it adds a file), to see it applied there too.
printf '%s\n' '--- /dev/null' '+++ b/UNICORE-TEST' '@@ -0,0 +1 @@' '+patched' \
	>"$lw/patches/0001-mark.patch"
if ! command -v apt-get >/dev/null; then
	note "no apt-get: lwIP part not run"
	echo ok
	exit 0
fi
fetch "$T_DIR/f7.out" O="$T_DIR/o7" L="$lw" ||
	fail "lwIP fetch (apt-get source lwip) failed: $(tail -4 "$T_DIR/f7.out")"
[ -f "$T_DIR/o7/liblwfetch/origin/src/core/tcp.c" ] ||
	fail "no lwIP tree in $T_DIR/o7/liblwfetch/origin"
grep -qx patched "$T_DIR/o7/liblwfetch/origin/UNICORE-TEST" ||
	fail "lwIP patch not applied"
[ -f "$UK_CACHE/src/lwip_2.1.3+dfsg1.orig.tar.xz" ] ||
	fail "lwIP archive not cached"
fetch "$T_DIR/f8.out" O="$T_DIR/o7" L="$lw" && [ ! -s "$T_DIR/f8.out" ] ||
	fail "second lwIP fetch not a no-op: $(head -3 "$T_DIR/f8.out")"
echo ok
