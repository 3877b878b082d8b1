#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# support/scripts/install-deps on its own, with dpkg-query, dpkg, apt-get,
# id and sudo replaced by small programs written below that keep a package
# state file and record how they were called: what it asks apt-get to
# install, when it installs nothing, and what it says and returns when it
# cannot install (no root and no sudo, UK_NO_INSTALL=1, apt-get failing, a
# system without dpkg). Then a build on a machine without kconfig-conf,
# where install-deps cannot install: make stops with its message.
# tests/fresh-machine.sh runs the real thing on a bare Debian root.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C

deps=$UK_ROOT/support/scripts/install-deps
mapfile -t all < <("$deps" --list)
[ ${#all[@]} -ge 5 ] || fail "install-deps --list gave ${#all[@]} packages"

# A PATH that has every host command except the ones simulated here and
# the kconfig programs: a farm of links, first found wins, as in PATH.
fake=(dpkg-query dpkg apt-get id sudo kconfig-conf kconfig-mconf
	kconfig-nconf)
# One ln for all of them: a fork per command takes minutes on a busy host.
farm=$T_DIR/bin
mkdir -p "$farm"
declare -A seen=()
for n in "${fake[@]}"; do seen[$n]=1; done
links=()
for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
	for f in "$d"/*; do
		n=${f##*/}
		[ -z "${seen[$n]:-}" ] && [ -x "$f" ] && [ ! -d "$f" ] || continue
		seen[$n]=1
		links+=("$f")
	done
done
ln -s -t "$farm" -- "${links[@]}"

# The simulated commands. State: "package<TAB>dpkg status" per line.
stubs=$T_DIR/stubs
mkdir -p "$stubs"
export STATE=$T_DIR/state CALLS=$T_DIR/calls AUDIT=$T_DIR/audit
cat >"$stubs/dpkg-query" <<'EOF'
#!/bin/bash
# dpkg-query -W -f=FORMAT PKG...: known packages in FORMAT on stdout, one
# complaint per unknown package, status 1 when any was unknown.
echo "dpkg-query $*" >>"$CALLS"
fmt='${Package}\t${Version}\n' rc=0
pkgs=()
for a in "$@"; do
	case $a in
	-W) ;;
	-f=*) fmt=${a#-f=} ;;
	-*) echo "dpkg-query: unexpected option $a" >&2; exit 2 ;;
	*) pkgs+=("$a") ;;
	esac
done
for p in "${pkgs[@]}"; do
	st=$(awk -F'\t' -v p="$p" '$1 == p { print $2 }' "$STATE")
	if [ -z "$st" ]; then
		echo "dpkg-query: no packages found matching $p" >&2
		rc=1
		continue
	fi
	line=${fmt//'${Package}'/$p}
	line=${line//'${Status}'/$st}
	printf "$line"
done
exit $rc
EOF
cat >"$stubs/dpkg" <<'EOF'
#!/bin/bash
echo "dpkg $*" >>"$CALLS"
case $* in
--audit) [ -f "$AUDIT" ] && cat "$AUDIT"; exit 0 ;;
"--configure -a") rm -f "$AUDIT"; exit 0 ;;
esac
echo "dpkg: unexpected call: $*" >&2
exit 2
EOF
cat >"$stubs/apt-get" <<'EOF'
#!/bin/bash
# update succeeds; install marks its packages installed, or fails as
# apt-get does on a package it cannot find when $APT_FAIL is set.
echo "apt-get $*" >>"$CALLS"
[ "$(id -u)" = 0 ] || { echo "E: Could not open lock file (are you root?)"; exit 100; }
op= pkgs=()
for a in "$@"; do
	case $a in
	-*) ;;
	*) if [ -z "$op" ]; then op=$a; else pkgs+=("$a"); fi ;;
	esac
done
case $op in
update) exit 0 ;;
install)
	if [ -n "${APT_FAIL:-}" ]; then
		echo "E: Unable to locate package ${pkgs[0]}"
		exit 100
	fi
	for p in "${pkgs[@]}"; do
		awk -F'\t' -v OFS='\t' -v p="$p" '$1 != p' "$STATE" >"$STATE.new"
		printf '%s\tinstall ok installed\n' "$p" >>"$STATE.new"
		mv "$STATE.new" "$STATE"
	done
	exit 0 ;;
esac
echo "E: unexpected apt-get call: $*"
exit 100
EOF
cat >"$stubs/id" <<'EOF'
#!/bin/bash
[ "$*" = -u ] || { echo "id: unexpected call: $*" >&2; exit 2; }
echo "$STUB_UID"
EOF
# sudo runs the command as root: the stubs then see uid 0.
mkdir -p "$T_DIR/sudo"
cat >"$T_DIR/sudo/sudo" <<'EOF'
#!/bin/bash
echo "sudo $*" >>"$CALLS"
STUB_UID=0 exec "$@"
EOF
chmod +x "$stubs"/* "$T_DIR/sudo/sudo"

# state PKG=STATUS...: every package installed except the ones named
# (STATUS "-" means unknown to dpkg).
state() {
	local p kv
	local -A set=()
	for kv in "$@"; do set[${kv%%=*}]=${kv#*=}; done
	: >"$STATE"
	for p in "${all[@]}"; do
		case ${set[$p]:-} in
		"") printf '%s\tinstall ok installed\n' "$p" ;;
		-) ;;
		*) printf '%s\t%s\n' "$p" "${set[$p]}" ;;
		esac
	done >"$STATE"
	rm -f "$AUDIT"
	: >"$CALLS"
}

# deps_run NAME [ENV=VALUE...] [-- ARGS]: install-deps with the stubs;
# output in $T_DIR/NAME.out, status in RC.
deps_run() {
	local name=$1 envs=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	RC=0
	env -i HOME="$T_DIR" STATE="$STATE" CALLS="$CALLS" AUDIT="$AUDIT" \
		STUB_UID=0 PATH="$stubs:$farm" "${envs[@]}" \
		bash "$deps" "$@" >"$T_DIR/$name.out" 2>&1 || RC=$?
}

# The packages apt-get was asked to install, sorted, one a line.
installed_args() {
	sed -n 's/^apt-get install //p' "$CALLS" | tr ' ' '\n' |
		grep -v '^-' | grep -v '^$' | sort
}

# gave_up NAME PKG...: failed, named each package and the command.
gave_up() {
	local name=$1 out=$T_DIR/$1.out p cmd
	shift
	[ "$RC" != 0 ] || fail "$name: exit status 0: $(cat "$out")"
	grep -q "missing packages: $*\$" "$out" ||
		fail "$name: missing packages not named: $(cat "$out")"
	cmd=$(grep 'apt-get install' "$out") ||
		fail "$name: no command to run: $(cat "$out")"
	for p in "$@"; do
		grep -qw -- "$p" <<<"$cmd" ||
			fail "$name: $p not in the command '$cmd'"
	done
	echo "$cmd"
}

n=${#all[@]}
miss1=${all[0]} miss2=${all[n / 2]} half=${all[n - 1]} gone=${all[n / 3]}
want=$(printf '%s\n' "$miss1" "$miss2" "$half" "$gone" | sort)

# 1. Root: exactly the missing packages (unknown, removed, half-installed)
# reach apt-get install, after an update; nothing else is installed.
state "$miss1=-" "$miss2=-" "$half=install ok half-installed" \
	"$gone=deinstall ok config-files"
deps_run missing -- --missing
[ "$RC" = 0 ] || fail "--missing: exit $RC"
[ "$(sort "$T_DIR/missing.out")" = "$want" ] ||
	fail "--missing gave '$(cat "$T_DIR/missing.out")', expected '$want'"
grep -q apt-get "$CALLS" && fail "--missing ran apt-get"
deps_run check -- --check
[ "$RC" = 1 ] || fail "--check with missing packages: exit $RC"
deps_run root
[ "$RC" = 0 ] || fail "root install: exit $RC: $(cat "$T_DIR/root.out")"
[ "$(installed_args)" = "$want" ] ||
	fail "apt-get install got '$(installed_args | tr '\n' ' ')', expected '$(tr '\n' ' ' <<<"$want")'"
[ "$(grep -c '^apt-get install' "$CALLS")" = 1 ] || fail "apt-get install ran more than once"
grep -n '^apt-get ' "$CALLS" | head -1 | grep -q 'apt-get update' ||
	fail "no apt-get update before the install: $(cat "$CALLS")"
grep -q -e '^sudo' -e 'dpkg --configure' "$CALLS" &&
	fail "root install used sudo or dpkg --configure: $(cat "$CALLS")"
deps_run again -- --check
[ "$RC" = 0 ] || fail "--check after the install: exit $RC: $(cat "$T_DIR/again.out")"
note "root: apt-get install $(installed_args | tr '\n' ' ')"

# 2. Everything installed: nothing runs but dpkg-query, nothing is said.
state
deps_run none
[ "$RC" = 0 ] || fail "all installed: exit $RC"
[ -s "$T_DIR/none.out" ] && fail "all installed, yet it said: $(cat "$T_DIR/none.out")"
grep -v '^dpkg-query ' "$CALLS" && fail "all installed, yet it ran the above"
note "all installed: only dpkg-query ran"

# 3. Not root, sudo there: apt-get through sudo.
state "$miss1=-"
PATH_SUDO=$T_DIR/sudo
deps_run sudo STUB_UID=1000 PATH="$stubs:$PATH_SUDO:$farm"
[ "$RC" = 0 ] || fail "install with sudo: exit $RC: $(cat "$T_DIR/sudo.out")"
grep -qx "sudo apt-get install -y -q --no-install-recommends $miss1" "$CALLS" ||
	fail "no 'sudo apt-get install ... $miss1': $(cat "$CALLS")"
note "not root, with sudo: sudo apt-get install $miss1"

# 4. Not root, no sudo: names the packages and the command, fails, and
# never calls apt-get.
state "$miss1=-" "$half=install ok unpacked"
deps_run nosudo STUB_UID=1000
cmd=$(gave_up nosudo $(sort <<<"$miss1"$'\n'"$half" | xargs)) || exit 1
grep -q 'apt-get' "$CALLS" && fail "no sudo: apt-get ran: $(cat "$CALLS")"
grep -q 'not root and no sudo' "$T_DIR/nosudo.out" ||
	fail "no sudo: the reason is not given: $(cat "$T_DIR/nosudo.out")"
grep -q '^ *sudo apt-get' <<<"$cmd" || fail "no sudo: a non-root user needs 'sudo' in: $cmd"
note "no root, no sudo: exit $RC, '$(sed 's/^ *//' <<<"$cmd")'"

# 5. UK_NO_INSTALL=1 as root: the same, and the command needs no sudo.
state "$miss2=-"
deps_run noinstall UK_NO_INSTALL=1
cmd=$(gave_up noinstall "$miss2") || exit 1
grep -q 'apt-get' "$CALLS" && fail "UK_NO_INSTALL=1: apt-get ran: $(cat "$CALLS")"
grep -q sudo <<<"$cmd" && fail "UK_NO_INSTALL=1 as root: the command names sudo, which a bare machine lacks: $cmd"
note "UK_NO_INSTALL=1: exit $RC, '$(sed 's/^ *//' <<<"$cmd")'"

# 6. apt-get install fails (exit 100): its error, the packages, the command.
state "$miss1=-" "$miss2=-"
deps_run aptfail APT_FAIL=1
cmd=$(gave_up aptfail $(sort <<<"$miss1"$'\n'"$miss2" | xargs)) || exit 1
grep -q "^E: Unable to locate package" "$T_DIR/aptfail.out" ||
	fail "apt-get's error is not shown: $(cat "$T_DIR/aptfail.out")"
grep -q "apt-get install failed" "$T_DIR/aptfail.out" ||
	fail "no 'apt-get install failed': $(cat "$T_DIR/aptfail.out")"
note "apt-get failing: exit $RC"

# 7. An interrupted dpkg is finished first: dpkg --configure -a comes
# before apt-get install.
state "$miss1=-"
echo "The following packages are only half configured" >"$AUDIT"
deps_run audit
[ "$RC" = 0 ] || fail "after an interrupted dpkg: exit $RC: $(cat "$T_DIR/audit.out")"
grep -E '^(dpkg --configure -a|apt-get install)' "$CALLS" | head -1 |
	grep -q 'dpkg --configure -a' ||
	fail "dpkg --configure -a did not run before apt-get install: $(cat "$CALLS")"
note "interrupted dpkg: dpkg --configure -a first"

# 8. No dpkg-query, no apt-get: the whole list, and exit 1.
state
deps_run nodpkg PATH="$farm"
[ "$RC" = 1 ] || fail "without dpkg-query/apt-get: exit $RC, expected 1"
for p in "${all[@]}"; do
	grep -qx "  $p" "$T_DIR/nodpkg.out" || fail "without dpkg: $p not listed"
done
grep -q 'not a Debian or Ubuntu system' "$T_DIR/nodpkg.out" ||
	fail "without dpkg: no reason given: $(head -3 "$T_DIR/nodpkg.out")"
note "no dpkg-query/apt-get: exit 1 and the list of ${#all[@]} packages"

# 9. The build stops with install-deps' message, not a later "kconfig-conf
# not found", and keeps the .config it had.
app=$(app_copy helloworld)
printf 'CONFIG_ARCH_X86_64=y\n# an earlier .config\n' >"$app/.config"
cp "$app/.config" "$T_DIR/config.before"
state kconfig-frontends-nox=-
rc=0
env -i HOME="$T_DIR" STATE="$STATE" CALLS="$CALLS" AUDIT="$AUDIT" \
	STUB_UID=1000 PATH="$stubs:$farm" \
	make -C "$app" defconfig >"$T_DIR/build.out" 2>&1 || rc=$?
[ "$rc" != 0 ] || fail "make defconfig succeeded without kconfig-conf"
grep -q 'kconfig-conf not found' "$T_DIR/build.out" &&
	fail "the build went on to 'kconfig-conf not found': $(cat "$T_DIR/build.out")"
grep -q 'install-deps: not root and no sudo' "$T_DIR/build.out" ||
	fail "install-deps' reason is not in make's output: $(cat "$T_DIR/build.out")"
grep -q 'install-deps: missing packages: kconfig-frontends-nox$' "$T_DIR/build.out" ||
	fail "make's output does not name kconfig-frontends-nox: $(cat "$T_DIR/build.out")"
grep -q 'apt-get install .*kconfig-frontends-nox' "$T_DIR/build.out" ||
	fail "make's output has no command to run: $(cat "$T_DIR/build.out")"
grep -v '^install-deps: \|^  sudo apt-get\|^make' "$T_DIR/build.out" &&
	fail "more than install-deps' message and make's own lines (above)"
cmp -s "$app/.config" "$T_DIR/config.before" || fail "make defconfig changed .config"
grep -q apt-get "$CALLS" && fail "the build ran apt-get without root"
note "make defconfig without kconfig-conf: $(grep -m1 -E '^make.*Error' "$T_DIR/build.out")"
echo "PASS: install-deps"
