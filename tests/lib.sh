# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for tests: source it first. A test exits 0 (pass), 77 (skip) or
# anything else (fail), and says why in its last line.
set -u
UK_ROOT=${UK_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
UK_TEST_OUT=${UK_TEST_OUT:-$UK_ROOT/build/tests}
T_NAME=$(basename "$0" .sh)
# Scratch space of this test, fresh each run.
T_DIR=$UK_TEST_OUT/$T_NAME.d
rm -rf "$T_DIR" && mkdir -p "$T_DIR"

fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
note() { echo "-- $*"; }

# need CMD...: skip unless every command exists.
need() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null || skip "$c not installed (make deps)"
	done
}

# app_copy APP [DEST]: a private copy of apps/APP, else of tests/apps/APP
# (a test program), or of the folder APP names relative to the tree when
# it has a '/' (a fixture); builds never share a folder. Prints the folder.
app_copy() {
	local src=$UK_ROOT/apps/$1 dst=${2:-$T_DIR/${1##*/}}
	[ -d "$src" ] || src=$UK_ROOT/tests/apps/$1
	case $1 in */*) src=$UK_ROOT/$1 ;; esac
	[ -f "$src/Makefile" ] || fail "app_copy: no application folder $1"
	mkdir -p "$dst"
	cp -r "$src/." "$dst/"
	rm -rf "$dst/build" "$dst/.config"
	# The copy's Makefile must still find the tree.
	sed -i "s|^UK_ROOT ?=.*|UK_ROOT ?= $UK_ROOT|" "$dst/Makefile"
	echo "$dst"
}

# app_build APP NAME CONFIG-LINES...: APP copied to $T_DIR/NAME/APP,
# configured with CONFIG-LINES and built; its log is $T_DIR/NAME.log.
# Returns make's status (build_failure NAME says why).
app_build() {
	local app=$1 name=$2 d=$T_DIR/$2/${1##*/}
	shift 2
	app_copy "$app" "$d" >/dev/null
	printf '%s\n' "$@" >"$d/defconfig"
	{ make -C "$d" defconfig && make -C "$d" -j2; } >"$T_DIR/$name.log" 2>&1
}

# build_failure NAME: the first errors and the last lines of NAME's log.
build_failure() {
	echo "$(grep -m3 -E 'error|Error' "$T_DIR/$1.log") $(tail -3 "$T_DIR/$1.log")"
}

# app_build_or_fail APP NAME CONFIG...: app_build, failing the test with
# build_failure's lines when make fails.
app_build_or_fail() {
	app_build "$@" ||
		fail "${1##*/} build for $2 failed: $(build_failure "$2")"
}

# mk DIR ARGS...: make in DIR, quiet; output kept in $T_DIR/make.log.
mk() {
	local d=$1
	shift
	make -C "$d" "$@" >>"$T_DIR/make.log" 2>&1
}

# config DIR LINES...: write a defconfig and apply it.
config() {
	local d=$1
	shift
	printf '%s\n' "$@" >"$d/defconfig"
	mk "$d" defconfig || fail "defconfig failed: $(tail -3 "$T_DIR/make.log")"
}

# expect_line FILE LINE: FILE has LINE exactly.
expect_line() {
	grep -qxF -- "$2" "$1" || fail "expected line '$2' in $1; got: $(head -c 600 "$1")"
}

# expect_archtest_arm32 CTX_OUT ATOMIC_OUT: the outputs of the arm32 arch
# test's "ctx" and "atomic" cases (tests/apps/archtest-arm32):
# VFP state kept across a switch; every atomic right, and two contexts
# alternating strictly, one side's compare-exchange failing once a round.
expect_archtest_arm32() {
	expect_line "$1" "ctx: counter 12 float 20"
	expect_line "$1" "ctx: d8-d15 kept, fpscr rmode kept"
	expect_line "$2" "atomic: ops ok"
	expect_line "$2" \
		"atomic: 2 contexts x 1000: cas 2000 (0+1000 retries), add 2000 ok"
}

# run_timeout SECONDS CMD...: run with a time limit; 124 on time-out.
run_timeout() {
	local s=$1
	shift
	timeout --kill-after=5 "$s" "$@"
}

# shared_image VAR NAME: set VAR to the path of image NAME, built once
# for the whole run by tests/prepare (the test lists NAME in a line
# "# uses_shared: NAME..."); the image's .dbg, .map and extras sit beside
# it, and its app folder (for `make run P=...`) is ${VAR%/build/*}.
shared_image() {
	local link=$UK_TEST_OUT/shared/$2 st=$UK_TEST_OUT/shared/.status/$2
	grep -q "^# uses_shared:.* $2\( \|$\)" "$0" ||
		fail "$T_NAME uses shared image $2 without naming it in a" \
			"'# uses_shared:' line: tests/prepare would not build it"
	if [ -L "$link" ] && [ -f "$link" ]; then
		printf -v "$1" '%s' "$(readlink -f "$link")"
	elif [ -f "$st" ]; then
		fail "shared image $2 missing: $(cat "$st") (log: $UK_TEST_OUT/prepare.log)"
	else
		fail "shared image $2 not built (log: $UK_TEST_OUT/prepare.log; alone:" \
			"tests/prepare $2, then this test)"
	fi
}
