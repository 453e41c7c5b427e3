#!/usr/bin/env bash
# The reference pipeline of workload W3: the closed connections from Germany
# that received more than 1 MB, out of a docker-ts connector log, written as
# one JSON object per line. It asks what
#   connlog export -q 'event:closed_connection country:DE rx>1MB' --format ndjson FILE
# asks: rx is connection.rx in bytes, 1MB is 10^6 (decimal, as connlog reads
# it), and the country is inside the geoip JSON that the connector writes as
# a string in "location" (an object is accepted too).
#
# Usage: bench/lib/w3_reference.sh FILE
set -euo pipefail
# grep exits 1 when nothing matches: an empty answer, not a failure.
{ grep -F ' ANALYTICS {' "$1" || [ $? -eq 1 ]; } |
	sed 's/^[^ ]* ANALYTICS //' |
	jq -c 'select(.event_type == "closed_connection"
		and (.connection.rx // 0) > 1000000
		and ((.location | if type == "string" then (try fromjson catch {}) else . end)
			| (.geoip.country // .country)) == "DE")'
