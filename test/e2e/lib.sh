# Shared helpers of the end-to-end scripts: reading the tmux screen, waiting
# for text with a deadline, sending keys, failing with the screen printed.
# The sourcing script sets $session (the tmux session it drives) first, and
# may set $tmux_server to run on a tmux server of its own (tmux -L), whose
# options it can then change without touching the user's.

# tm runs tmux on the script's server, without any user configuration.
# The server is started without CI in its environment: the panes inherit
# it, and a program that sees CI set assumes it writes to no terminal and
# draws without colour, which would hide what the colour checks look for.
tm() { env -u CI tmux -f /dev/null ${tmux_server:+-L "$tmux_server"} "$@"; }

# end_server ends the script's own tmux server ($tmux_server) and removes
# its socket, which tmux leaves behind in its directory after kill-server.
end_server() {
	[ -n "${tmux_server:-}" ] || return 0
	tm kill-server 2>/dev/null || true
	local sock="${TMUX_TMPDIR:-/tmp}/tmux-$UID/$tmux_server"
	if [ -S "$sock" ]; then rm -f "$sock"; fi
}

screen() { tm capture-pane -p -t "$session" 2>/dev/null; }

fail() {
	echo "FAIL: $*" >&2
	if tm has-session -t "$session" 2>/dev/null; then
		echo "---- screen ----" >&2
		screen >&2 || true
	fi
	exit 1
}

# wait_for TEXT [SECONDS]: poll the screen until it shows TEXT.
wait_for() {
	local want=$1 deadline=$((SECONDS + ${2:-15}))
	while ((SECONDS < deadline)); do
		if screen | grep -qF -- "$want"; then
			return 0
		fi
		sleep 0.1 # the polling interval
	done
	fail "the screen never showed: $want"
}

# wait_gone TEXT [SECONDS]: poll the screen until TEXT is no longer on it.
wait_gone() {
	local gone=$1 deadline=$((SECONDS + ${2:-15}))
	while ((SECONDS < deadline)); do
		if ! screen | grep -qF -- "$gone"; then
			return 0
		fi
		sleep 0.1
	done
	fail "the screen still shows: $gone"
}

keys() { tm send-keys -t "$session" "$@"; }

# start COMMAND…: run COMMAND in a fresh 120x35 tmux session in $tmp, its
# stderr in $tmp/stderr and its exit status in $tmp/status; TZ, when set,
# goes with it (a running tmux server keeps the environment it began with).
start() {
	tm kill-session -t "$session" 2>/dev/null || true
	tm new-session -d -s "$session" -x 120 -y 35 -c "$tmp" \
		"env TERM=xterm-256color ${TZ:+TZ=$TZ} $(printf '%q ' "$@") 2>$tmp/stderr; echo \$? >$tmp/status"
}

# press KEY TEXT: send one key and wait until the screen shows TEXT.
press() {
	keys "$1"
	wait_for "$2"
}
