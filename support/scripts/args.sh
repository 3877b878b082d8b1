# SPDX-License-Identifier: GPL-2.0-or-later
# The host's half of the one argv: how uk-run and `make run` turn a
# user's words into the guest's command line, which lib/ukboot splits
# back with uk_argnparse() by the rules of include/uk/argparse.h. Sourced
# by support/scripts/uk-run.

# uk_args_quote WORD...: print the command line whose split gives back
# exactly these words. A word of only safe characters goes as it is, any
# other in single quotes (a ' as '\'').
uk_args_quote() {
	local w out= sep=
	for w in "$@"; do
		if [ -n "$w" ] && [[ $w =~ ^[A-Za-z0-9_.,:=@%+/-]+$ ]]; then
			out+="$sep$w"
		else
			out+="$sep'${w//\'/\'\\\'\'}'"
		fi
		sep=' '
	done
	printf '%s' "$out"
}

# uk_args_split STRING: split STRING into words the way a POSIX shell
# would without expanding anything ($, *, ~ stay as they are), into the
# array uk_words. The same rules as the guest's parser. An unterminated
# quote is an error (status 1, message on stderr).
uk_args_split() {
	local s=$1 i=0 n=${#1} c w= inword=0 quote=
	uk_words=()
	while [ "$i" -lt "$n" ]; do
		c=${s:i:1}
		i=$((i + 1))
		if [ "$quote" = "'" ]; then
			if [ "$c" = "'" ]; then quote=; else w+=$c; fi
		elif [ "$quote" = '"' ]; then
			if [ "$c" = '"' ]; then
				quote=
			elif [ "$c" = '\' ] && [[ ${s:i:1} == [\"\\\$] ]]; then
				w+=${s:i:1}
				i=$((i + 1))
			else
				w+=$c
			fi
		else
			case $c in
			[[:space:]])
				[ "$inword" = 1 ] && uk_words+=("$w")
				w= inword=0 ;;
			\'|\") quote=$c inword=1 ;;
			\\)
				w+=${s:i:1}
				i=$((i + 1))
				inword=1 ;;
			*) w+=$c inword=1 ;;
			esac
		fi
	done
	if [ -n "$quote" ]; then
		echo "error: unterminated $quote in ARGS: close the quote" >&2
		return 1
	fi
	[ "$inword" = 1 ] && uk_words+=("$w")
	return 0
}

# uk_args_check NWORDS ARGS_MAX LINE_BYTES LINE_MAX WHERE: exit 2 with the
# cause and the remedy when NWORDS arguments (argv[0] not counted) are more
# than the image takes, or when its command line of LINE_BYTES is more
# than WHERE can carry (LINE_MAX bytes; 0: no limit).
uk_args_check() {
	local n=$1 amax=$2 len=$3 lmax=$4 where=$5
	if [ "$n" -gt $((amax - 1)) ]; then
		echo "error: $n arguments: the image takes at most $((amax - 1))" \
			"(CONFIG_LIBUKBOOT_ARGS_MAX=$amax counts argv[0])" >&2
		exit 2
	fi
	if [ "$lmax" -gt 0 ] && [ "$len" -gt "$lmax" ]; then
		echo "error: the arguments make a command line of $len bytes;" \
			"$where carries at most $lmax: pass shorter arguments" \
			"(limits: README.md, Arguments)" >&2
		exit 2
	fi
}
