# shellcheck shell=bash
# The machine a run was measured on: ratios only mean something next to it.

# print_machine prints the CPU, memory, kernel, load (before: $1, and now)
# and the versions of every tool compared.
print_machine() {
	local cpu mem
	cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
	echo "machine: $(nproc) CPUs ($cpu), $mem RAM, kernel $(uname -r)"
	echo "load average: $1 before, $(cut -d' ' -f1-3 /proc/loadavg) after (shared machine)"
	echo "tools: $("$connlog" --version 2>&1 | head -n 1), $(lnav -V | head -n 1)," \
		"$(jq --version), $(grep --version | head -n 1), journalctl $(journalctl --version | head -n 1 | cut -d' ' -f2-3)," \
		"$(go version | cut -d' ' -f3), tmux $(tmux -V | cut -d' ' -f2)"
}
