#!/usr/bin/env bash
# Reading a fleet from VictoriaLogs: wall time and peak RSS of `connlog export`
# over the store, against the same export of the same journals read locally
# and against curl fetching the same rows (the transfer alone), in one run.
#   REMOTE_ENTRIES  entries per host (default 150000), two hosts
#   REMOTE_TMP      working directory (default /tmp/connlog-remote-bench.$$)
# Needs bin/connlog (make build), victoria-logs (scripts/victorialogs.sh),
# systemd-journal-remote, curl and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${REMOTE_ENTRIES:-150000}
work=${REMOTE_TMP:-/tmp/connlog-remote-bench.$$}
vl=$(scripts/victorialogs.sh)
mkdir -p "$work"
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$vl" -httpListenAddr="127.0.0.1:$port" -storageDataPath="$work/vl" -retentionPeriod=100y -loggerLevel=ERROR &
pid=$!
for _ in $(seq 100); do curl -fs "$url/health" >/dev/null && break; sleep 0.1; done

echo "[bench] writing $n entries for each of 2 hosts" >&2
files=()
for h in gw-fra-1 gw-fra-2; do
	python3 - "$n" "$h" >"$work/$h.export" <<'PY'
import sys
n, host = int(sys.argv[1]), sys.argv[2]
base = 1770710400000000 + (1 if host.endswith("2") else 0) * 500
lines = ['[INFO] [connector] processing "health" request',
         '[WARN] [libsdwan] [controller] operator(): failed to get SD: Gone, code 410',
         '[ERROR] [libsdwan] listen::channel_event: Failed to preconnect a relay listener "ice://any": 110 (Connection timed out)']
out = sys.stdout
for i in range(n):
    out.write(f"__REALTIME_TIMESTAMP={base + i * 1000}\n__MONOTONIC_TIMESTAMP={1000000 + i}\n"
              f"_BOOT_ID=3b8f1c2a9d4e4f6a8b0c1d2e3f4a5b6c\n_HOSTNAME={host}\n_SYSTEMD_UNIT=twingate-connector.service\n"
              f"SYSLOG_IDENTIFIER=twingate-connector\n_PID=6479\nPRIORITY=6\n_TRANSPORT=stdout\n"
              f"MESSAGE={lines[i % 3]} #{i}\n\n")
PY
	/lib/systemd/systemd-journal-remote --output="$work/$h.journal" - <"$work/$h.export"
	/lib/systemd/systemd-journal-upload --follow=no --file="$work/$h.journal" --url="$url/insert/journald"
	files+=(--file "$work/$h.journal")
done
want=$((2 * n))
for _ in $(seq 200); do
	got=$(curl -fs "$url/select/logsql/query" --data-urlencode 'query=* | count() as n' | python3 -c 'import json,sys; print(json.load(sys.stdin)["n"])')
	[ "$got" = "$want" ] && break
	sleep 0.1
done

measure() { # name command...
	local name=$1 out="$work/out" tv="$work/time"
	shift
	/usr/bin/time -v -o "$tv" "$@" >"$out"
	printf '%-34s %8.2f s %8d KiB peak RSS %10d lines\n' "$name" \
		"$(awk -F': ' '/Elapsed/ {split($2,a,":"); print a[1]*60+a[2]}' "$tv")" \
		"$(awk -F': ' '/Maximum resident/ {print $2}' "$tv")" "$(wc -l <"$out")"
}
echo "entries: $want (2 hosts)    machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
measure "connlog export, VictoriaLogs" bin/connlog export --victorialogs "$url" -n all --format raw
measure "connlog export, local journals" bin/connlog export "${files[@]}" -n all --format raw
measure "curl, the same rows (transfer)" curl -fs "$url/select/logsql/query" \
	--data-urlencode 'query=_SYSTEMD_UNIT:in("twingate-connector.service") | fields _time, _stream_id, _msg, _HOSTNAME, _SYSTEMD_UNIT, SYSLOG_IDENTIFIER, _PID, PRIORITY, _BOOT_ID, _SYSTEMD_INVOCATION_ID, _TRANSPORT | sort by (_time)'
measure "connlog export, VictoriaLogs, csv" bin/connlog export --victorialogs "$url" -n all --format csv
