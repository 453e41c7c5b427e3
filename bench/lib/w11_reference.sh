#!/usr/bin/env bash
# The reference pipeline of workload W11: what
#   connlog summary --format json FILE
# answers about templates and the top users, the way one would ask it with
# coreutils. Lines lose their docker-ts time, digits are masked by sed (the
# closest a pipeline gets to connlog's masking of numbers, ids, addresses,
# durations and sizes) and identical lines are counted; then the users of the
# connection events are counted. Prints the ten commonest masked lines, then
# a line "users", then every user with its count ("COUNT EMAIL").
#
# Usage: bench/lib/w11_reference.sh FILE
set -euo pipefail
export LC_ALL=C
cut -d' ' -f2- "$1" | sed -E 's/[0-9]+/N/g' | sort | uniq -c | sort -rn | awk 'NR <= 10' # head would end sort with SIGPIPE
echo users
# grep exits 1 when nothing matches: an empty answer, not a failure.
{ grep -F ' ANALYTICS {' "$1" || [ $? -eq 1 ]; } |
	{ grep -o '"email": "[^"]*"' || [ $? -eq 1 ]; } |
	sed 's/^"email": "//; s/"$//' | sort | uniq -c | sort -rn | awk '{ print $1, $2 }'
