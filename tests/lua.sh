#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# apps/lua, the stock Lua 5.4.4 interpreter (lib/lua), on linuxu and kvm
# for x86_64 and arm32: each image is built once, then per row, under TCG:
#   script   /hello.lua from the initrd with two arguments: the arg table,
#            require of a module from /lib/lua/5.4, os.exit(3) -> status 3
#   checks   tests/apps/lua-checks from the host-folder share (9p on kvm,
#            hostfs on linuxu), loaded from /share: every standard
#            library, io on /tmp (ramfs) and on /share, 200-deep C calls
#            on the main stack, "stack overflow" errors; all must pass,
#            and the files the io checks wrote must be on the host
#   error    a runtime error in a script: lua's message and traceback,
#            status 1
#   repl     lines on stdin to the REPL: results, a continued line, an
#            error that the REPL survives, then os.exit(5) -> status 5
# On linuxu also: a missing script, a syntax error, -e one-liners, a
# script on stdin (lua -), running out of memory (lua's own message,
# status 1), and `make run UK_ROOTFS=dir ARGS=...` as a user runs it.
# When lua5.4 is installed on the host, the checks must pass there too.
. "$(dirname "$0")/lib.sh"
need qemu-system-x86_64 qemu-system-arm qemu-arm-static arm-linux-gnueabihf-gcc
[ -f /usr/src/newlib/newlib-3.3.0.tar.xz ] ||
	skip "newlib-source not installed (make deps)"
run=$UK_ROOT/support/scripts/uk-run
checks=$UK_ROOT/tests/apps/lua-checks

common=(CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y CONFIG_LIBUKBOOT_HEAP_TLSF=y
	'CONFIG_LIB9PFS_BOOT_TAG="share"')
app_build_or_fail lua x86 CONFIG_ARCH_X86_64=y "${common[@]}"
app_build_or_fail lua arm CONFIG_ARCH_ARM_32=y "${common[@]}"

# The initrd: a script, a module in /lib/lua/5.4, a script that fails.
root=$T_DIR/rootfs
mkdir -p "$root/lib/lua/5.4"
cat >"$root/hello.lua" <<'EOF'
local greet = require("greet")
print("arg[0]=" .. arg[0] .. " n=" .. #arg .. " " .. table.concat(arg, ","))
print(greet.hello("unikernel"), select("#", ...))
os.exit(3)
EOF
cat >"$root/lib/lua/5.4/greet.lua" <<'EOF'
return { hello = function(who) return "greet: hello, " .. who end }
EOF
cat >"$root/bad.lua" <<'EOF'
local function inner() error("boom from bad.lua") end
inner()
EOF
printf 'print("half" ..\n' >"$root/syntax.lua"
"$UK_ROOT/support/scripts/mkcpio" "$root" "$T_DIR/root.cpio" ||
	fail "mkcpio failed"

# boot NAME WANT_RC CMD...: run CMD with stdin from $T_DIR/NAME.in (or
# none); output without \r in NAME.out.
boot() {
	local name=$1 want=$2 rc=0 in=/dev/null
	shift 2
	[ -f "$T_DIR/$name.in" ] && in=$T_DIR/$name.in
	UK_ACCEL=tcg run_timeout 300 "$@" <"$in" >"$T_DIR/$name.raw" \
		2>"$T_DIR/$name.err" || rc=$?
	tr -d '\r' <"$T_DIR/$name.raw" >"$T_DIR/$name.out"
	[ "$rc" = "$want" ] || fail "$name: status $rc, not $want:" \
		"$(tail -5 "$T_DIR/$name.out") $(tail -3 "$T_DIR/$name.err")"
}
has() { # NAME TEXT: NAME.out has a line containing TEXT
	grep -qF -- "$2" "$T_DIR/$1.out" ||
		fail "$1: no '$2' in: $(tail -8 "$T_DIR/$1.out")"
}

repl_in() {
	cat <<'EOF'
x = 6 * 7
print("r1=" .. x)
"r2=" .. (x + 1)
for i = 1, 2 do
print("r3=" .. i * 10) end
error("r4 boom")
print("r5=" .. string.rep("ab", 2))
os.exit(5)
EOF
}

rows="x86:linuxu-x86_64 x86:kvm-x86_64 arm:linuxu-arm32 arm:kvm-arm32"
for r in $rows; do
	a=${r%%:*} p=${r#*:}
	img=$T_DIR/$a/lua/build/lua_$p
	boot "$p-script" 3 "$run" --initrd "$T_DIR/root.cpio" "$img" \
		/hello.lua one two
	expect_line "$T_DIR/$p-script.out" "arg[0]=/hello.lua n=2 one,two"
	expect_line "$T_DIR/$p-script.out" "greet: hello, unikernel	2"

	share=$T_DIR/$p.share
	rm -rf "$share" && cp -r "$checks" "$share"
	boot "$p-checks" 0 env UK_MEM=128M UK_SHARE="$share" "$run" \
		--initrd "$T_DIR/root.cpio" "$img" /share/run.lua /share
	o=$T_DIR/$p-checks.out
	grep -q '^FAIL' "$o" && fail "$p-checks: $(grep '^FAIL' "$o" | head -5)"
	for lib in base string table math utf8 coroutine os io package \
		debug stack; do
		grep -qE "^lua-checks: $lib +[0-9]+ checks, 0 failed$" "$o" ||
			fail "$p-checks: no clean line for $lib: $(tail -3 "$o")"
	done
	n=$(sed -n 's/^lua-checks: \([0-9]*\) checks, 0 failed$/\1/p' "$o")
	[ -n "$n" ] && [ "$n" -ge 300 ] ||
		fail "$p-checks: no total line with 300 checks or more: $(tail -2 "$o")"
	grep -q 'popen: ENOSYS' "$o" || fail "$p-checks: io.popen did not say ENOSYS"
	[ "$(cat "$share/io-done.txt" 2>&1)" = "lua io checks wrote this" ] ||
		fail "$p-checks: io-done.txt on the share: $(cat "$share/io-done.txt" 2>&1)"
	[ "$(head -1 "$share/io-check.txt")" = "LINE one" ] ||
		fail "$p-checks: io-check.txt on the share: $(head -2 "$share/io-check.txt")"

	boot "$p-error" 1 "$run" --initrd "$T_DIR/root.cpio" "$img" /bad.lua
	has "$p-error" "lua: /bad.lua:1: boom from bad.lua"
	has "$p-error" "stack traceback:"
	has "$p-error" "/bad.lua:2: in main chunk"

	repl_in >"$T_DIR/$p-repl.in"
	boot "$p-repl" 5 "$run" "$img" -i
	has "$p-repl" "Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio"
	for l in r1=42 r2=43 r3=10 r3=20 "stdin:1: r4 boom" r5=abab; do
		has "$p-repl" "$l"
	done
	[ "$p" = "${p#linuxu}" ] && continue

	# Bad input, one-liners: cheap on linuxu.
	boot "$p-missing" 1 "$run" "$img" /nope.lua
	has "$p-missing" "lua: cannot open /nope.lua"
	boot "$p-syntax" 1 "$run" --initrd "$T_DIR/root.cpio" "$img" /syntax.lua
	has "$p-syntax" "lua: /syntax.lua:2: unexpected symbol near <eof>"
	boot "$p-e" 0 "$run" "$img" -e 'print(("%d-%s"):format(7, _VERSION))'
	expect_line "$T_DIR/$p-e.out" "7-Lua 5.4"
	boot "$p-eerr" 1 "$run" "$img" -e 'error("one-liner")'
	has "$p-eerr" 'lua: (command line):1: one-liner'
	printf 'print("s1=" .. 2 * 3)\nprint("s2=" .. select("#", ...))\n' \
		>"$T_DIR/$p-stdin.in"
	boot "$p-stdin" 0 "$run" "$img" - x y
	expect_line "$T_DIR/$p-stdin.out" "s1=6"
	expect_line "$T_DIR/$p-stdin.out" "s2=2"
	boot "$p-oom" 1 env UK_MEM=8M "$run" "$img" \
		-e 'local t = {} for i = 1, 1e8 do t[i] = i end'
	expect_line "$T_DIR/$p-oom.out" "lua: not enough memory"
done

# The user's way: make run with a folder as the initrd.
# make itself fails (status 2) and names the image's status.
boot make-run 2 make -s -C "$T_DIR/x86/lua" run P=linuxu UK_ROOTFS="$root" \
	ARGS="/hello.lua a b"
expect_line "$T_DIR/make-run.out" "arg[0]=/hello.lua n=2 a,b"
grep -q '] Error 3$' "$T_DIR/make-run.err" ||
	fail "make-run: make does not name status 3: $(cat "$T_DIR/make-run.err")"

if command -v lua5.4 >/dev/null; then
	mkdir -p "$T_DIR/host"
	(cd "$checks" && lua5.4 run.lua "$T_DIR/host") >"$T_DIR/host.out" 2>&1 ||
		fail "the checks fail under the host's lua5.4:" \
			"$(grep FAIL "$T_DIR/host.out" | head -3)"
	host=", and under the host's lua5.4"
else
	host=" (no lua5.4 on the host to cross-check)"
fi
echo "lua: scripts from the initrd and the share, require, exit status," \
	"errors, the REPL and $n library checks on linuxu and kvm," \
	"x86_64 and arm32$host"
