#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# menuconfig for real, in a terminal: the menu shows the generated
# sections, an external library given with L=, and saves what is chosen.
. "$(dirname "$0")/lib.sh"
need tmux kconfig-mconf

app=$(app_copy helloworld)
mk "$app" defconfig || fail defconfig
sock=$T_DIR/tmux.sock
tm() { tmux -S "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null' EXIT
# start CMD: a detached session; a loaded machine sometimes loses the
# first server start ("server exited unexpectedly"), so try again.
start() {
	for _ in 1 2 3; do
		tm new-session -d -x 120 -y 40 "$1" && tm has-session 2>/dev/null &&
			return 0
		sleep 1
	done
	fail "tmux could not start a session"
}
start "make -C $app menuconfig L=$UK_ROOT/tests/fixtures/libsame; echo MENU-DONE; sleep 30"
screen() { tm capture-pane -p; }
wait_for() {
	for _ in $(seq 150); do
		screen | grep -q "$1" && return 0
		sleep 0.2
	done
	fail "menuconfig never showed '$1'; screen: $(screen | tr -s ' ' | head -c 800)"
}
wait_for "Unicore Configuration"
for s in Architecture Platforms "Library configuration" "Application options" \
	"Build options"; do
	screen | grep -q "$s" || fail "main menu lacks '$s'"
done
# Into "Library configuration", where the external library has a menu.
tm send-keys l ; sleep 0.3 ; tm send-keys Enter
wait_for "External libraries"
# 'e' is the hotkey of every entry whose first letter outside brackets,
# skipping y/n/m/h, is an e (newlib's too): step through them until the
# submenu entered is the external one.
for _ in 1 2 3 4 5; do
	tm send-keys E ; sleep 0.3 ; tm send-keys Enter ; sleep 0.7
	screen | grep -q "libsame" && break
	tm send-keys Escape Escape ; sleep 0.7
done
wait_for "libsame"
# Leave one level at a time until kconfig offers to save; say yes.
for _ in 1 2 3 4 5; do
	tm send-keys Escape Escape
	sleep 0.5
	screen | grep -q "save your new configuration" && break
done
screen | grep -q "save your new configuration" ||
	fail "menuconfig did not offer to save the new configuration"
tm send-keys Enter
wait_for MENU-DONE
grep -qx CONFIG_LIBSAME=y "$app/.config" ||
	fail "menuconfig did not save the external library's symbol"
tm kill-server 2>/dev/null

# nconfig: the same menu through the nconf front-end; Escape leaves it.
need kconfig-nconf
start "make -C $app nconfig L=$UK_ROOT/tests/fixtures/libsame; echo MENU-DONE; sleep 30"
wait_for "Unicore Configuration"
screen | grep -q "Library configuration" || fail "nconfig lacks the library menu"
# ncurses waits ESCDELAY (1 s) to tell Escape from a key sequence; nconf
# may then ask whether to save (Enter: yes).
for _ in 1 2 3; do
	sleep 1
	screen | grep -q MENU-DONE && break
	tm send-keys Escape
	sleep 1.5
	screen | grep -q MENU-DONE && break
	# Enter only answers the save question; on a menu it opens an entry.
	screen | grep -qi "wish to save" && tm send-keys Enter
done
wait_for MENU-DONE
echo ok
