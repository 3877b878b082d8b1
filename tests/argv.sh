#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# One argv on every platform. tests/apps/argvtest prints argc and every
# argv[i] byte for byte (length, then hex) and exits with a status made
# from them. Three builds (x86_64: linuxu, kvm, baremetal, xen; arm32:
# linuxu, kvm, baremetal, xen; mips32: linuxu, baremetal) give the images;
# each one runs through `uk-run IMAGE WORDS...` and through
# `make run P=... ARGS='...'` (Xen x86_64 as PV and as PVH), and every run
# must give argv[0] = argvtest, argv[1..] = exactly the words, and the
# status made from them.
#
# The words hold spaces, single and double quotes, $, backslashes, =, an
# empty word and one of 3,000 bytes. Where a platform's loader carries
# less (README.md, Arguments: Malta 254 bytes, Xen x86_64 1022, Xen on
# Arm 1024), the run must stop before booting with status 2 and the
# limit, and the words without the long one must come through.
# Then the refusals: too many arguments and too long a line, from uk-run
# and at boot; an unterminated quote, from make run and at boot; the
# loaders' limits at boot (Malta's 256-byte slot, raspi2b's ATAGS area,
# Xen's start_info).
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm qemu-system-aarch64 qemu-system-mips \
	qemu-arm-static qemu-mips-static arm-linux-gnueabihf-gcc \
	mips-linux-gnu-gcc dtc
run=$UK_ROOT/support/scripts/uk-run
xt=$UK_ROOT/support/scripts/xen-testbed
export UK_ACCEL=tcg LC_ALL=C

# --- The words, and what argvtest must print for them -----------------------
long=
for ((i = 1; i <= 500; i++)); do long+=$(printf 'L%04d ' "$i"); done
[ "${#long}" = 3000 ] || fail "the long word is ${#long} bytes, not 3000"
words=('hello world' "it's" 'say "hi" twice' '$HOME and ${x}' 'back\slash'
	'C:\dir\' 'key=value' 'a=b=c' '')
# The same words as make's ARGS, written by hand as a shell would take them.
args_short=$(cat <<'EOF'
'hello world' "it's" 'say "hi" twice' '$HOME and ${x}' back\\slash "C:\\dir\\" key=value a=b=c ''
EOF
)
args_long="$args_short '$long'"

# expected FILE WORD...: argvtest's lines for these words; $status is set
# to the exit status it must give.
expected() {
	local f=$1 w i=1 sum
	shift
	sum=$((($# + 1) * 7 + 8))
	for w in "$@"; do sum=$((sum + ${#w})); done
	{
		echo "argc=$(($# + 1))"
		echo "argv[0] len=8"
		echo "argv[0] hex=$(printf argvtest | od -An -tx1 -v | tr -d ' \n')"
		for w in "$@"; do
			echo "argv[$i] len=${#w}"
			[ -z "$w" ] ||
				printf '%s' "$w" | od -An -tx1 -v | tr -d ' \n' |
				fold -w64 | sed "s/^/argv[$i] hex=/"
			echo
			i=$((i + 1))
		done | sed '/^$/d'
	} >"$f"
	status=$((3 + sum % 97))
}
expected "$T_DIR/expect.long" "${words[@]}" "$long"
status_long=$status
expected "$T_DIR/expect.short" "${words[@]}"
status_short=$status

# --- Builds -------------------------------------------------------------------
# build ARCH CONFIG...: argvtest built in its own folder for ARCH.
build() {
	local a=$1 d
	shift
	d=$(app_copy tests/apps/argvtest "$T_DIR/$a/argvtest")
	config "$d" "$@"
	mk "$d" -j2 || fail "$a: build failed: $(tail -5 "$T_DIR/make.log")"
	echo "$d"
}
x86=$(build x86_64 CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
	CONFIG_PLAT_BAREMETAL=y CONFIG_PLAT_XEN=y) || { echo "$x86"; exit 1; }
"$xt" prepare >"$T_DIR/xen-prepare.log" 2>&1 ||
	fail "xen-testbed prepare failed: $(tail -n1 "$T_DIR/xen-prepare.log")"

# --- Runs, at most two at a time ----------------------------------------------
jobs_max=${UK_ARGV_JOBS:-2}
# spawn NAME CMD...: CMD in the background under a time limit; output in
# $T_DIR/NAME.out (stdout and stderr), status in $T_DIR/NAME.rc.
spawn() {
	local name=$1
	shift
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
	( run_timeout 300 "$@" </dev/null >"$T_DIR/$name.out" 2>&1
	  echo $? >"$T_DIR/$name.rc" ) &
}

# runs NAME DIR PLAT IMAGE LIMITED [ENV...]: uk-run and make run with the
# long words, and (LIMITED=1: the platform's loader carries less) the
# short ones.
runs() {
	local name=$1 dir=$2 plat=$3 img=$4 limited=$5
	shift 5
	spawn "$name.uk-run" env "$@" "$run" "$img" "${words[@]}" "$long"
	spawn "$name.make" env "$@" make -s -C "$dir" run P="$plat" \
		ARGS="$args_long"
	if [ "$limited" = 1 ]; then
		spawn "$name.uk-run.short" env "$@" "$run" "$img" "${words[@]}"
		spawn "$name.make.short" env "$@" make -s -C "$dir" run \
			P="$plat" ARGS="$args_short"
	fi
}
# The Xen boots first: they are the longest.
xi=$x86/build/argvtest_xen-x86_64
runs xen-pv "$x86" xen "$xi" 1
runs xen-pvh "$x86" xen "$xi" 1 UK_XEN_PVH=1
# Xen's toolstack cuts the command line at 1023 bytes: the image refuses
# a line that fills that buffer (uk-run refuses it before, so run-xl).
spawn xen-pv.cut "$xt" run-xl --timeout 250 "$xi" "$(head -c 1100 /dev/zero | tr '\0' x)"
runs linuxu-x86_64 "$x86" linuxu "$x86/build/argvtest_linuxu-x86_64" 0
runs kvm-x86_64 "$x86" kvm "$x86/build/argvtest_kvm-x86_64" 0
runs baremetal-x86_64 "$x86" baremetal "$x86/build/argvtest_baremetal-x86_64" 0

arm=$(build arm32 CONFIG_ARCH_ARM_32=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y \
	CONFIG_PLAT_BAREMETAL=y CONFIG_PLAT_XEN=y) || { echo "$arm"; exit 1; }
runs xen-arm32 "$arm" xen "$arm/build/argvtest_xen-arm32" 1
runs kvm-arm32 "$arm" kvm "$arm/build/argvtest_kvm-arm32" 0
runs baremetal-arm32 "$arm" baremetal "$arm/build/argvtest_baremetal-arm32" 0
runs linuxu-arm32 "$arm" linuxu "$arm/build/argvtest_linuxu-arm32" 0

mips=$(build mips32 CONFIG_ARCH_MIPS_32=y CONFIG_MIPS_BIG_ENDIAN=y \
	CONFIG_PLAT_LINUXU=y CONFIG_PLAT_BAREMETAL=y) || { echo "$mips"; exit 1; }
runs baremetal-mips32 "$mips" baremetal "$mips/build/argvtest_baremetal-mips32" 1
runs linuxu-mips32 "$mips" linuxu "$mips/build/argvtest_linuxu-mips32" 0

# --- Refusals -----------------------------------------------------------------
kvm=$x86/build/argvtest_kvm-x86_64
many=()
for ((i = 1; i <= 128; i++)); do many+=("a$i"); done
big=$(head -c 8192 /dev/zero | tr '\0' b)
# boot_direct NAME IMAGE LINE: the QEMU command uk-run would use, with
# LINE as the command line as it is (the last -append wins), so that the
# image itself must refuse it.
boot_direct() {
	local cmd
	cmd=$("$run" --dry-run "$2") || fail "$1: uk-run --dry-run failed"
	eval "spawn $1 $cmd -append $(printf '%q' "$3")"
}
spawn refuse.many.uk-run "$run" "$kvm" "${many[@]}"
spawn refuse.big.uk-run "$run" "$kvm" "$big"
spawn refuse.quote.make make -s -C "$x86" run P=kvm ARGS="a 'b"
spawn refuse.many.linuxu "$x86/build/argvtest_linuxu-x86_64" "${many[@]}"
boot_direct refuse.many.kvm "$kvm" "${many[*]}"
boot_direct refuse.big.kvm "$kvm" "$big"
boot_direct refuse.quote.kvm "$kvm" "a 'b"
boot_direct refuse.malta "$mips/build/argvtest_baremetal-mips32" \
	"$(head -c 300 /dev/zero | tr '\0' m)"
boot_direct refuse.atags "$arm/build/argvtest_baremetal-arm32" \
	"$(head -c 600 /dev/zero | tr '\0' r)"
wait

# --- Checks -------------------------------------------------------------------
rc() { cat "$T_DIR/$1.rc"; }
# args_of NAME: argvtest's lines in NAME's output (without Xen's prefix).
args_of() {
	tr -d '\r' <"$T_DIR/$1.out" | sed 's/^(d1) //' |
		grep -E '^(argc=|argv\[[0-9]+\] )' || true
}
# same NAME EXPECT STATUS: NAME printed exactly EXPECT and exited STATUS.
same() {
	local got=$T_DIR/$1.args
	args_of "$1" >"$got"
	if ! cmp -s "$got" "$2"; then
		fail "$1: argv differs from what was passed: $(diff "$2" "$got" |
			head -8 | cut -c1-100 | tr '\n' '|') (rc $(rc "$1");" \
			"$(tail -3 "$T_DIR/$1.out" | cut -c1-200))"
	fi
	case $1 in
	*.make*)
		# make ends with 2 and names the recipe's status.
		[ "$(rc "$1")" = 2 ] && grep -q "run\] Error $3\$" "$T_DIR/$1.out" ||
			fail "$1: make gave $(rc "$1"), not 'Error $3': $(tail -2 "$T_DIR/$1.out")" ;;
	*)
		[ "$(rc "$1")" = "$3" ] ||
			fail "$1: exit status $(rc "$1"), expected $3: $(tail -3 "$T_DIR/$1.out")" ;;
	esac
}
# refused NAME STATUS TEXT: NAME ended with STATUS, printed TEXT, and
# never reached main().
refused() {
	[ "$(rc "$1")" = "$2" ] ||
		fail "$1: exit status $(rc "$1"), expected $2: $(tail -3 "$T_DIR/$1.out" | cut -c1-300)"
	grep -qF -- "$3" "$T_DIR/$1.out" ||
		fail "$1: no '$3' in: $(tail -3 "$T_DIR/$1.out" | cut -c1-300)"
	grep -q '^argc=' "$T_DIR/$1.out" && fail "$1: main() ran"
	return 0
}

for p in linuxu-x86_64 kvm-x86_64 baremetal-x86_64 kvm-arm32 baremetal-arm32 \
	linuxu-arm32 linuxu-mips32; do
	same "$p.uk-run" "$T_DIR/expect.long" "$status_long"
	same "$p.make" "$T_DIR/expect.long" "$status_long"
done
note "3,000-byte argument, quotes, \$, backslashes, = and an empty word:" \
	"same argv through uk-run and make run on linuxu (x86_64, arm32," \
	"mips32), kvm (x86_64, arm32), baremetal (x86_64, arm32)"

# Loaders that carry less: a clear error before booting, then the rest.
limited="xen-pv:1022:Xen's guest command line
xen-pvh:1022:Xen's guest command line
xen-arm32:1024:Xen on Arm's dom0less bootargs
baremetal-mips32:254:QEMU's Malta boot stub"
while IFS=: read -r p max where; do
	for how in uk-run make; do
		refused "$p.$how" 2 "carries at most $max"
		grep -qF "$where" "$T_DIR/$p.$how.out" ||
			fail "$p.$how: the error does not name $where"
		same "$p.$how.short" "$T_DIR/expect.short" "$status_short"
	done
	note "$p: the 3,000-byte argument is refused before booting (at most" \
		"$max bytes: $where); the other words come through uk-run and" \
		"make run"
done <<<"$limited"

refused refuse.many.uk-run 2 "128 arguments: the image takes at most 127"
refused refuse.big.uk-run 2 "carries at most 8191"
refused refuse.quote.make 2 "unterminated ' in ARGS"
refused refuse.many.linuxu 2 "ukboot: more than 127 arguments"
# isa-debug-exit: QEMU exits ((2 + 1) << 1) | 1 for status 2.
refused refuse.many.kvm 7 "ukboot: more than 127 arguments"
refused refuse.big.kvm 7 "ukboot: the command line is longer than 8191 bytes"
refused refuse.quote.kvm 7 "ukboot: the command line has an unterminated ' or \""
grep -qF "ukboot: the command line fills the boot loader's buffer of 256 bytes" \
	"$T_DIR/refuse.malta.out" ||
	fail "refuse.malta: $(tail -3 "$T_DIR/refuse.malta.out")"
grep -q '^argc=' "$T_DIR/refuse.malta.out" && fail "refuse.malta: main() ran"
refused refuse.atags 2 "ukboot: the command line fills the boot loader's buffer of 468 bytes"
refused xen-pv.cut 0 "ukboot: the command line fills the boot loader's buffer of 1024 bytes"
expect_line "$T_DIR/xen-pv.cut.out" "exit status 2"
note "refused: 128 arguments and an 8,192-byte line (uk-run and at boot)," \
	"an unterminated quote (make run and at boot), lines that fill Malta's" \
	"256-byte slot, raspi2b's ATAGS area and Xen's 1024-byte buffer (at boot)"
echo "PASS: argv (linuxu x3, kvm x2, baremetal x3, xen pv/pvh/arm32;" \
	"uk-run and make run; limits)"
