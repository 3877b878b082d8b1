# SPDX-License-Identifier: GPL-2.0-or-later
# baremetal on mips32el: the Malta board with the little-endian QEMU.
qemu_sys=qemu-system-mipsel
# shellcheck source=baremetal-mips32.sh
. "$(dirname "${BASH_SOURCE[0]}")/baremetal-mips32.sh"
