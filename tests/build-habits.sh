#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# kbuild's everyday habits:
# - build/compile_commands.json after every build: one entry per compiled
#   object, each command reproducing its object, rewritten only when the
#   set of objects or a command changes; clang-tidy/clangd accept it;
# - a compiler launcher (CC_LAUNCHER=ccache, or CC="ccache gcc") that
#   serves a second clean build from the cache, keeps the images' bytes and
#   the cross compiler, and never causes a rebuild by itself;
# - <image>.libvirt.xml beside each kvm image, valid for virt-xml-validate.
. "$(dirname "$0")/lib.sh"
need python3 ccache virt-xml-validate arm-linux-gnueabihf-gcc

x86=$(app_copy helloworld "$T_DIR/x86/helloworld")
arm=$(app_copy helloworld "$T_DIR/arm/helloworld")
config "$x86" CONFIG_ARCH_X86_64=y CONFIG_PLAT_LINUXU=y CONFIG_PLAT_KVM=y
config "$arm" CONFIG_ARCH_ARM_32=y CONFIG_PLAT_KVM=y
mk "$x86" -j2 || fail "x86_64 build failed: $(tail -5 "$T_DIR/make.log")"
mk "$arm" -j2 || fail "arm32 build failed: $(tail -5 "$T_DIR/make.log")"

# --- compile_commands.json ---------------------------------------------------

# check_db APP: the database parses, every field is there and absolute,
# and it has exactly one entry per object under build/<lib>/.
check_db() {
	local app=$1 db=$1/build/compile_commands.json
	[ -f "$db" ] || fail "no $db after a build"
	find "$app/build" -mindepth 2 -name '*.o' ! -path '*/tools/*' |
		sort >"$T_DIR/objs"
	python3 - "$db" "$app" "$T_DIR/objs" <<'EOF' || fail "$db: see above"
import json, os, sys
db, app, objs = sys.argv[1:]
entries = json.load(open(db))
outs = []
for e in entries:
    for k in ("directory", "file", "output", "command"):
        if not isinstance(e.get(k), str) or not e[k]:
            sys.exit(f"entry without {k}: {e}")
    for k in ("directory", "file", "output"):
        if not os.path.isabs(e[k]):
            sys.exit(f"{k} is not absolute: {e[k]}")
    if e["directory"] != app:
        sys.exit(f"directory {e['directory']}, expected {app}")
    if not os.path.isfile(e["file"]):
        sys.exit(f"no source {e['file']}")
    if not e["file"].endswith((".c", ".S")):
        sys.exit(f"not a C or assembly source: {e['file']}")
    if f" -c {e['file']} -o {e['output']}" not in e["command"]:
        sys.exit(f"command does not compile {e['file']}: {e['command']}")
    outs.append(e["output"])
want = open(objs).read().split()
if len(outs) != len(set(outs)):
    sys.exit("an object appears twice")
if sorted(outs) != want:
    sys.exit(f"entries {sorted(set(outs) ^ set(want))} differ from the "
             f"objects ({len(outs)} entries, {len(want)} objects)")
print(f"{db}: {len(outs)} entries, one per object")
EOF
}

# entry APP SUFFIX FIELD: FIELD of the first entry whose file ends in SUFFIX.
entry() {
	python3 - "$1/build/compile_commands.json" "$2" "$3" <<'EOF'
import json, sys
db, suffix, field = sys.argv[1:]
print(next(e[field] for e in json.load(open(db)) if e["file"].endswith(suffix)))
EOF
}

# rerun APP SUFFIX: the entry's command, run from its directory, writes
# the same bytes as the build did; the build's object is put back as it was.
rerun() {
	local app=$1 dir cmd out
	dir=$(entry "$app" "$2" directory)
	cmd=$(entry "$app" "$2" command)
	out=$(entry "$app" "$2" output)
	cp -p "$out" "$T_DIR/saved.o"
	(cd "$dir" && bash -c "$cmd") ||
		fail "$2: the entry's command failed: $cmd"
	cmp -s "$out" "$T_DIR/saved.o" ||
		fail "$2: the entry's command gave other bytes than the build"
	rm -f "$out.d"
	cp -p "$T_DIR/saved.o" "$out"
}

check_db "$x86"
check_db "$arm"
rerun "$x86" helloworld/main.c
rerun "$x86" arch/x86/x86_64/ctx.S
rerun "$arm" lib/gicv2/gic.c
rerun "$arm" plat/shared/arm/start.S
case $(entry "$arm" gic.c command) in
arm-linux-gnueabihf-gcc\ *) ;;
*) fail "arm32 entry does not use the cross compiler" ;;
esac

db=$x86/build/compile_commands.json
cp -p "$db" "$T_DIR/db.0"
# A second make leaves it alone.
touch "$T_DIR/stamp"
sleep 1.1
out=$(make -C "$x86" 2>&1) || fail "second make failed: $out"
new=$(find "$x86/build" -newer "$T_DIR/stamp" -type f)
[ -z "$new" ] || fail "second make rewrote: $new"
# An object recompiled with the same command: same content.
touch "$x86/main.c"
mk "$x86" || fail "build after touch failed"
cmp -s "$db" "$T_DIR/db.0" ||
	fail "a recompile with the same command changed $db"
# A new source adds its entry; a changed command changes its entry only.
printf 'int habits_extra(void);\nint habits_extra(void) { return 1; }\n' \
	>"$x86/extra.c"
cp "$x86/Makefile.uk" "$T_DIR/Makefile.uk.0"
printf '%s\n' 'APPHELLOWORLD_SRCS-y += $(APPHELLOWORLD_BASE)/extra.c' \
	'APPHELLOWORLD_CFLAGS-y += -DHABITS_FLAG=1' >>"$x86/Makefile.uk"
mk "$x86" -j2 || fail "build with extra.c failed: $(tail -5 "$T_DIR/make.log")"
check_db "$x86"
python3 - "$T_DIR/db.0" "$db" "$x86" <<'EOF' ||
import json, sys
old, new = (json.load(open(f)) for f in sys.argv[1:3])
if len(new) != len(old) + 1:
    sys.exit(f"{len(old)} entries before, {len(new)} after adding extra.c")
byout = {e["output"]: e for e in old}
for e in new:
    app = e["file"].startswith(sys.argv[3] + "/")
    if app and "-DHABITS_FLAG=1" not in e["command"]:
        sys.exit(f"{e['file']}: new flag missing")
    if not app and byout.get(e["output"]) != e:
        sys.exit(f"{e['file']}: entry changed")
EOF
	fail "$db after adding a source and a flag"
# Back as it was: the same database again.
cp "$T_DIR/Makefile.uk.0" "$x86/Makefile.uk"
rm "$x86/extra.c"
mk "$x86" -j2 || fail "build after removing extra.c failed"
cmp -s "$db" "$T_DIR/db.0" || fail "$db differs after undoing the changes"

# clang-tidy and clangd read the database. One cheap check is enabled so
# that only compile errors count. lib/nolibc has a GCC-only flag that clang
# rejects (-fno-tree-loop-distribute-patterns): the tree's .clangd drops it
# for clangd; clang-tidy is asked about files without it.
if command -v clang-tidy >/dev/null; then
	tidy() {
		clang-tidy -p "$1" -checks='-*,misc-definitions-in-headers' \
			"$2" >"$T_DIR/tidy.log" 2>&1 ||
			fail "clang-tidy -p $1 $2:" \
				"$(grep error "$T_DIR/tidy.log" | head -3)"
	}
	tidy "$x86/build" "$x86/main.c"
	tidy "$x86/build" "$UK_ROOT/plat/shared/pc/traps.c"
	tidy "$arm/build" "$UK_ROOT/lib/gicv2/gic.c"
	note "clang-tidy accepts the database (x86_64 and arm32)"
else
	note "clang-tidy not installed: not checked on the database"
fi
if command -v clangd >/dev/null; then
	for f in lib/nolibc/string.c lib/ukdebug/print.c; do
		clangd --compile-commands-dir="$x86/build" \
			--check="$UK_ROOT/$f" >"$T_DIR/clangd.log" 2>&1 ||
			fail "clangd --check=$f:" \
				"$(grep '^E\[' "$T_DIR/clangd.log" | head -3)"
	done
	note "clangd --check accepts the database"
else
	note "clangd not installed: not checked that it accepts the database"
fi

# --- Compiler launcher ------------------------------------------------
# A private cache, with no setting from the environment.
for v in $(compgen -e | grep '^CCACHE_' || true); do unset "$v"; done
export CCACHE_DIR=$T_DIR/ccache
mkdir -p "$CCACHE_DIR"

# stat NAME: a counter of the last ccache run; hits: both kinds of hit.
stat() { ccache --print-stats | awk -v k="$1" '$1 == k { print $2 }'; }
hits() { echo $(($(stat direct_cache_hit) + $(stat preprocessed_cache_hit))); }

x86_imgs="helloworld_linuxu-x86_64 helloworld_linuxu-x86_64.dbg
	helloworld_kvm-x86_64 helloworld_kvm-x86_64.dbg
	helloworld_kvm-x86_64.multiboot"
mkdir -p "$T_DIR/ref"
for i in $x86_imgs; do cp "$x86/build/$i" "$T_DIR/ref/"; done
# (A removed source leaves its object behind, as in kbuild: count entries.)
nentries() {
	python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' \
		"$1/build/compile_commands.json"
}
nobj=$(nentries "$x86")

# same_images: the images are those of the build without a launcher.
same_images() {
	local i
	for i in $x86_imgs; do
		cmp -s "$x86/build/$i" "$T_DIR/ref/$i" ||
			fail "$i differs with $1"
	done
	cmp -s "$db" "$T_DIR/db.0" || fail "$db differs with $1"
}

mk "$x86" clean
ccache -z >/dev/null
mk "$x86" -j2 CC_LAUNCHER=ccache || fail "build with CC_LAUNCHER=ccache failed"
[ "$(stat cache_miss)" = "$nobj" ] ||
	fail "first ccache build: $(stat cache_miss) misses for $nobj objects"
same_images "CC_LAUNCHER=ccache (cache empty)"
mk "$x86" clean
ccache -z >/dev/null
mk "$x86" -j2 CC_LAUNCHER=ccache || fail "second build with ccache failed"
[ "$(hits)" = "$nobj" ] && [ "$(stat cache_miss)" = 0 ] ||
	fail "second ccache build: $(hits) hits, $(stat cache_miss) misses" \
		"for $nobj objects"
same_images "CC_LAUNCHER=ccache (every object from the cache)"
note "ccache: $nobj objects, $nobj hits after make clean, same images"

# Dropping or changing the launcher rebuilds nothing.
for args in "" "CC=ccache gcc" "CC_LAUNCHER=env"; do
	out=$(make -C "$x86" ${args:+"$args"} 2>&1) ||
		fail "make $args failed: $out"
	echo "$out" | grep -Eq '^  (CC|AS|LD|GEN) ' &&
		fail "make $args rebuilt: $out"
done

# CC="ccache gcc" on arm32: the cross compiler stays, ccache serves it.
vars=$(make -C "$arm" print-vars CC="ccache gcc")
echo "$vars" | grep -qx 'CC = arm-linux-gnueabihf-gcc' ||
	fail "CC='ccache gcc' on arm32: $vars"
echo "$vars" | grep -qx 'CC_LAUNCHER = ccache' ||
	fail "CC='ccache gcc' on arm32: $vars"
armimg=$arm/build/helloworld_kvm-arm32
cp "$armimg" "$T_DIR/ref/"
narm=$(nentries "$arm")
for round in miss hit; do
	mk "$arm" clean
	ccache -z >/dev/null
	mk "$arm" -j2 CC="ccache gcc" ||
		fail "arm32 build with CC='ccache gcc' failed"
	cmp -s "$armimg" "$T_DIR/ref/${armimg##*/}" ||
		fail "arm32 image differs with CC='ccache gcc'"
done
[ "$(hits)" = "$narm" ] ||
	fail "arm32 second ccache build: $(hits) hits for $narm objects"
note "CC='ccache gcc' on arm32: arm-linux-gnueabihf-gcc, $narm hits"

# A launcher that is not there: the error names it; the image survives.
out=$(make -C "$x86" CC_LAUNCHER=no-such-launcher 2>&1) &&
	fail "a missing launcher was accepted"
echo "$out" | grep -q "compiler launcher 'no-such-launcher' not found" ||
	fail "missing launcher: $out"
cmp -s "$x86/build/helloworld_kvm-x86_64" "$T_DIR/ref/helloworld_kvm-x86_64" ||
	fail "a failed build lost the image"

# --- libvirt domains --------------------------------------------------
# check_xml APP ARCH: valid for libvirt's domain schema, and it boots the
# image: direct kernel boot, one vCPU, serial console, no disk, and what
# carries the exit status.
check_xml() {
	local img=$1/build/helloworld_kvm-$2 xml
	xml=$img.libvirt.xml
	[ -f "$xml" ] || fail "no $xml"
	virt-xml-validate "$xml" domain >"$T_DIR/validate.log" 2>&1 ||
		fail "virt-xml-validate $xml: $(cat "$T_DIR/validate.log")"
	python3 - "$xml" "$img" "$2" <<'EOF' || fail "$xml: see above"
import os, sys
import xml.etree.ElementTree as ET
xml, img, arch = sys.argv[1:]
q = "{http://libvirt.org/schemas/domain/qemu/1.0}"
d = ET.parse(xml).getroot()
kernel = d.findtext("os/kernel")
if kernel != img or not os.path.isabs(kernel) or not os.path.isfile(kernel):
    sys.exit(f"kernel {kernel}, expected the image {img}")
if d.find("os/cmdline") is None:
    sys.exit("no <cmdline>")
if d.findtext("vcpu") != "1" or not d.findtext("memory"):
    sys.exit("not one vCPU with memory")
if d.find("devices/serial") is None or d.find("devices/console") is None:
    sys.exit("no serial console")
if d.find("devices/disk") is not None:
    sys.exit("a disk")
t = d.find("os/type")
args = [a.get("value") for a in d.iter(q + "arg")]
want = {"x86_64": ("x86_64", "pc", ["-device",
                   "isa-debug-exit,iobase=0xf4,iosize=0x04"]),
        "arm32": ("armv7l", "virt", ["-semihosting"])}[arch]
if (t.get("arch"), t.get("machine"), args) != want:
    sys.exit(f"{t.get('arch')} {t.get('machine')} {args}, expected {want}")
if arch == "arm32" and d.findtext("cpu/model") != "cortex-a15":
    sys.exit("arm32: not a cortex-a15")
EOF
}
check_xml "$x86" x86_64
check_xml "$arm" arm32
# The domain names an absolute path; the image does not.
grep -q "$T_DIR" "$x86/build/helloworld_kvm-x86_64" &&
	fail "the kvm image holds the build path"
note "libvirt domains valid for x86_64 and arm32"

# With a libvirt daemon running, boot both through it: the domains as
# written, but with the serial console in a file to read (and plain QEMU
# emulation where there is no /dev/kvm).
if command -v virsh >/dev/null &&
	run_timeout 10 virsh -c qemu:///system version >/dev/null 2>&1; then
	for a in x86_64:"$x86" arm32:"$arm"; do
		app=${a#*:} a=${a%%:*}
		xml=$T_DIR/boot-$a.xml con=$T_DIR/console-$a.txt
		sed -e "s|<cmdline></cmdline>|<cmdline>hello status=3</cmdline>|" \
			-e "s|<serial type='pty'>|&<source path='$con'/>|" \
			-e "s|<serial type='pty'>|<serial type='file'>|" \
			-e "s|<name>.*</name>|<name>unicore-habits-$a</name>|" \
			-e '/<console /d' \
			"$app/build/helloworld_kvm-$a.libvirt.xml" >"$xml"
		[ -w /dev/kvm ] ||
			sed -i "s/<domain type='kvm'/<domain type='qemu'/" "$xml"
		virsh -c qemu:///system create "$xml" >"$T_DIR/virsh.log" 2>&1 ||
			fail "virsh create ($a): $(cat "$T_DIR/virsh.log")"
		for _ in $(seq 60); do
			grep -q 'status=3' "$con" 2>/dev/null && break
			sleep 0.5
		done
		# A guest that did not exit is stopped (it is gone otherwise).
		virsh -c qemu:///system destroy "unicore-habits-$a" \
			>/dev/null 2>&1 || true
		tr -d '\r' <"$con" >"$con.lines"
		expect_line "$con.lines" "Hello world!"
		expect_line "$con.lines" "arg[2]: status=3"
	done
	note "booted through libvirt: x86_64 and arm32"
else
	note "no libvirt daemon answers: domains not booted through libvirt"
fi
echo ok
