# SPDX-License-Identifier: GPL-2.0-or-later
# What tests/xen-pv.sh and tests/xen-pvh.sh share: source after lib.sh.
# Boots go to the test bed (support/scripts/xen-testbed) in parallel.

command -v qemu-system-x86_64 >/dev/null ||
	skip "qemu-system-x86_64 is missing (package qemu-system-x86)"
xt=$UK_ROOT/support/scripts/xen-testbed
"$xt" prepare >"$T_DIR/prepare.log" 2>&1 ||
	fail "xen-testbed prepare failed: $(tail -n1 "$T_DIR/prepare.log")"

# xen_build APP [CONFIG_LINE...]: builds APP for xen-x86_64 in a copy;
# prints the image.
xen_build() {
	local d app=$1
	shift
	d=$(app_copy "$app")
	config "$d" CONFIG_ARCH_X86_64=y CONFIG_PLAT_XEN=y "$@" \
		'# CONFIG_PLAT_LINUXU is not set'
	mk "$d" -j2 || fail "$app: build failed: $(tail -3 "$T_DIR/make.log")"
	[ -f "$d/build/${app}_xen-x86_64" ] || fail "$app: no image"
	[ -f "$d/build/${app}_xen-x86_64.xl" ] || fail "$app: no .xl file"
	echo "$d/build/${app}_xen-x86_64"
}

# boot NAME CMD...: in the background, output in $T_DIR/NAME.out; wait
# for all with `wait "${pids[@]}"`.
pids=()
boot() {
	local name=$1
	shift
	( run_timeout 240 "$@" >"$T_DIR/$name.out" 2>"$T_DIR/$name.err"
	  echo $? >"$T_DIR/$name.rc" ) &
	pids+=($!)
}
last() { tail -n1 "$T_DIR/$1.out"; }
rc() { cat "$T_DIR/$1.rc"; }

# Boot "args": run-xl of helloworld with "hello world status=0".
check_args() {
	[ "$(rc args)" = 0 ] || fail "args: run-xl exited $(rc args): $(tail -n3 "$T_DIR/args.err")"
	expect_line "$T_DIR/args.out" "Hello world!"
	expect_line "$T_DIR/args.out" "arg[1]: hello"
	expect_line "$T_DIR/args.out" "arg[2]: world"
	expect_line "$T_DIR/args.out" "arg[3]: status=0"
	[ "$(last args)" = "XEN-TESTBED: shutdown=poweroff code=0" ] ||
		fail "args: last line '$(last args)'"
}

# Boot "status": uk-run of helloworld with status=7.
check_status() {
	[ "$(rc status)" = 7 ] || fail "status: uk-run exited $(rc status), expected 7"
	expect_line "$T_DIR/status.out" "arg[1]: status=7"
	expect_line "$T_DIR/status.out" "exit status 7"
	[ "$(last status)" = "XEN-TESTBED: shutdown=crash code=3" ] ||
		fail "status: last line '$(last status)'"
}

# Boot "pagefault": run-xl of crashtest crash=pagefault.
check_pagefault() {
	local o=$T_DIR/pagefault.out
	[ "$(rc pagefault)" = 0 ] || fail "pagefault: run-xl exited $(rc pagefault)"
	expect_line "$o" "crashtest: pagefault (reading 0x0)"
	grep -q '^CRASH: x86 exception 14 (#PF page fault) at RIP ' "$o" ||
		fail "pagefault: no fault report: $(head -c 600 "$o")"
	grep -q '^  CR2 0x0000000000000000 (faulting address)' "$o" ||
		fail "pagefault: CR2 not reported as 0"
	expect_line "$o" "exit status 125"
	[ "$(last pagefault)" = "XEN-TESTBED: shutdown=crash code=3" ] ||
		fail "pagefault: last line '$(last pagefault)'"
}
