# SPDX-License-Identifier: GPL-2.0-or-later
# linuxu on mips32el: the same as big-endian with the little-endian QEMU.
qemu_user=qemu-mipsel-static
# shellcheck source=linuxu-mips32.sh
. "$(dirname "${BASH_SOURCE[0]}")/linuxu-mips32.sh"
