#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Configuration fragments: UK_DEFCONFIG=a:b:c merges files in order, the
# last line for a symbol winning; a later fragment choosing another
# architecture drops what the old one needed without an error; a value
# kconfig cannot keep is named once with its file:line and .config stays
# byte for byte; a line appended to .config wins the same way, for
# olddefconfig and for the build's sync.
. "$(dirname "$0")/lib.sh"
need kconfig-conf

app=$(app_copy helloworld)
cfg=$app/.config
dep=$UK_ROOT/tests/fixtures/libdep
has() { grep -qxF -- "$1" "$cfg" || fail "$2: .config lacks '$1'"; }
errors() { grep error: "${1:-$T_DIR/make.log}"; }

# expect_fail NAME PATTERN MAKE-ARGS...: make fails, exactly one "error:"
# line matches PATTERN, and .config keeps its bytes.
expect_fail() {
	local name=$1 pat=$2 out=$T_DIR/$1.out
	shift 2
	cp "$cfg" "$T_DIR/$name.before"
	make -C "$app" "$@" >"$out" 2>&1 && fail "$name: make succeeded"
	[ "$(grep -cE "^error: .*$pat" "$out")" = 1 ] ||
		fail "$name: not one error matching '$pat': $(errors "$out")"
	cmp -s "$cfg" "$T_DIR/$name.before" || fail "$name: .config changed"
	note "$name: $(grep -m1 -E "^error: .*$pat" "$out")"
}

# arch_is ARCH CONTEXT: 'make print-vars' (a build target: it syncs the
# configuration first) names ARCH.
arch_is() {
	make -C "$app" print-vars >"$T_DIR/vars" 2>&1 ||
		fail "$2: print-vars failed: $(errors "$T_DIR/vars")"
	grep -qx "UK_ARCH_NAME = $1" "$T_DIR/vars" ||
		fail "$2: print-vars says $(cat "$T_DIR/vars")"
}

# Three fragments, one of each kind of name: a bare name standing for
# the app's defconfig.base, a path relative to the app, an absolute path.
cat >"$app/defconfig.base" <<'EOF'
# x86_64 on Linux, with options only x86_64 has
CONFIG_ARCH_X86_64=y
CONFIG_PLAT_LINUXU=y
CONFIG_MARCH_X86_64_V2=y
# CONFIG_X86_64_GENERAL_REGS_ONLY is not set
CONFIG_OPTIMIZE_SIZE=y
CONFIG_LINUXU_HEAP_SIZE_MB=8
CONFIG_APPHELLOWORLD_GREETING="from base"
EOF
cat >"$app/net.config" <<'EOF'
CONFIG_LINUXU_HEAP_SIZE_MB=16
# CONFIG_LIBUKDEBUG_PRINTK_TIME is not set
CONFIG_APPHELLOWORLD_GREETING="from net"
EOF
cat >"$T_DIR/debug.config" <<'EOF'
CONFIG_OPTIMIZE_NONE=y
CONFIG_APPHELLOWORLD_GREETING="from debug"
EOF
mk "$app" defconfig UK_DEFCONFIG="base:net.config:$T_DIR/debug.config" ||
	fail "defconfig of three fragments failed: $(tail -3 "$T_DIR/make.log")"
has 'CONFIG_APPHELLOWORLD_GREETING="from debug"' merge
has CONFIG_LINUXU_HEAP_SIZE_MB=16 merge
has CONFIG_OPTIMIZE_NONE=y merge
has '# CONFIG_OPTIMIZE_SIZE is not set' merge
has '# CONFIG_LIBUKDEBUG_PRINTK_TIME is not set' merge
has CONFIG_MARCH_X86_64_V2=y merge
has '# CONFIG_X86_64_GENERAL_REGS_ONLY is not set' merge
# The other order gives the other winners.
mk "$app" defconfig UK_DEFCONFIG="$T_DIR/debug.config:net.config:base" ||
	fail "defconfig in reverse order failed"
has 'CONFIG_APPHELLOWORLD_GREETING="from base"' reverse
has CONFIG_LINUXU_HEAP_SIZE_MB=8 reverse
has CONFIG_OPTIMIZE_SIZE=y reverse
has '# CONFIG_OPTIMIZE_NONE is not set' reverse

# A later fragment picks arm32: the x86_64 options go with x86_64.
printf 'CONFIG_ARCH_ARM_32=y\nCONFIG_MCPU_ARM32_CORTEX_A7=y\n' \
	>"$app/defconfig.arm32"
mk "$app" defconfig UK_DEFCONFIG=base:arm32:net.config ||
	fail "arch switch by a fragment failed: $(errors)"
has CONFIG_ARCH_ARM_32=y arm32
has CONFIG_MCPU_ARM32_CORTEX_A7=y arm32
has '# CONFIG_ARCH_X86_64 is not set' arm32
[ "$(grep -c X86_64 "$cfg")" = 1 ] ||
	fail "arm32: x86_64 symbols left: $(grep X86_64 "$cfg")"
has 'CONFIG_APPHELLOWORLD_GREETING="from net"' arm32
arch_is arm32 arm32
img=$app/build/helloworld_linuxu-arm32
expect_line "$T_DIR/vars" "UK_IMAGES = $img"
if command -v arm-linux-gnueabihf-gcc >/dev/null; then
	mk "$app" -j2 || fail "arm32 build failed: $(errors | head -3)"
	if command -v qemu-arm-static >/dev/null; then
		run_timeout 20 qemu-arm-static "$img" >"$T_DIR/arm32.out" 2>&1 ||
			fail "arm32 image failed: $(cat "$T_DIR/arm32.out")"
		expect_line "$T_DIR/arm32.out" "from net"
	fi
else
	note "arm-linux-gnueabihf-gcc missing: arm32 image not built"
fi
# Back to x86_64 by a last fragment: base's x86_64 options count again.
mk "$app" defconfig UK_DEFCONFIG=base:arm32:net.config:defconfig ||
	fail "switch back to x86_64 failed: $(errors)"
has CONFIG_ARCH_X86_64=y back
has CONFIG_MARCH_X86_64_V2=y back
has '# CONFIG_X86_64_GENERAL_REGS_ONLY is not set' back

# A value kconfig cannot keep: one error with its fragment's file and line,
# the dependency named, the arch switch no error, .config untouched.
printf '# needs LIBDEPY\nCONFIG_LIBDEPX=y\n' >"$app/defconfig.dep"
expect_fail unmet \
	"$app/defconfig.dep:2: CONFIG_LIBDEPX=y is asked for .*unmet dependency" \
	L="$dep" defconfig UK_DEFCONFIG=base:arm32:dep
grep -q "depends on LIBDEPY" "$T_DIR/unmet.out" ||
	fail "unmet: LIBDEPY not named"
[ "$(grep -c '^error:' "$T_DIR/unmet.out")" = 2 ] ||
	fail "unmet: more than the loss and its summary: $(errors "$T_DIR/unmet.out")"
# An x86_64 option asked after the switch is a real loss.
echo CONFIG_MARCH_X86_64_NATIVE=y >"$app/defconfig.native"
expect_fail after-switch \
	"$app/defconfig.native:1: CONFIG_MARCH_X86_64_NATIVE=y .*unmet" \
	defconfig UK_DEFCONFIG=base:arm32:native
grep -q MARCH_X86_64_V2 "$T_DIR/after-switch.out" &&
	fail "after-switch: base's x86_64 option reported too"

# Bad names and lines: named, nothing applied.
expect_fail missing \
	"'nosuch' of UK_DEFCONFIG not found .*$app/defconfig.nosuch" \
	defconfig UK_DEFCONFIG=base:nosuch
expect_fail missing-abs "'$T_DIR/none.config' of UK_DEFCONFIG not found" \
	defconfig UK_DEFCONFIG="base:$T_DIR/none.config"
expect_fail empty-name "empty name" defconfig UK_DEFCONFIG=base::net.config
echo CONFG_TYPO=y >"$app/defconfig.typo"
expect_fail typo "$app/defconfig.typo:1: \"CONFG_TYPO=y\" is not" \
	defconfig UK_DEFCONFIG=base:typo

# A line appended to .config wins: olddefconfig, then the build's sync.
mk "$app" defconfig UK_DEFCONFIG=base || fail "defconfig base failed"
cp "$cfg" "$T_DIR/x86.config"
echo CONFIG_ARCH_ARM_32=y >>"$cfg"
mk "$app" olddefconfig || fail "olddefconfig after appending arm32: $(errors)"
has CONFIG_ARCH_ARM_32=y olddefconfig
grep -q '^CONFIG_MARCH_X86' "$cfg" && fail "olddefconfig: x86_64 options left"
arch_is arm32 olddefconfig
cp "$T_DIR/x86.config" "$cfg"
arch_is x86_64 "x86_64 again"
echo CONFIG_ARCH_ARM_32=y >>"$cfg"
arch_is arm32 "sync after appending arm32"
has CONFIG_ARCH_ARM_32=y sync
# ... but a y that vanishes for another reason stops both, once, by line.
cp "$T_DIR/x86.config" "$cfg"
printf 'CONFIG_ARCH_ARM_32=y\nCONFIG_LIBDEPX=y\n' >>"$cfg"
n=$(wc -l <"$cfg")
expect_fail unmet-old "$cfg:$n: CONFIG_LIBDEPX=y .*unmet" L="$dep" olddefconfig
expect_fail unmet-sync "$cfg:$n: CONFIG_LIBDEPX=y .*unmet" L="$dep" print-vars
grep -q X86_64 "$T_DIR/unmet-sync.out" &&
	fail "unmet-sync: the arch switch reported"

ls -A "$app" | grep -q '\.tmp' && fail "work files left: $(ls -A "$app")"
echo ok
