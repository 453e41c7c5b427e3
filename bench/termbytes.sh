#!/usr/bin/env bash
# termbytes.sh counts the bytes connlog writes to its terminal — what crosses
# an SSH link during an incident — through a pseudo-terminal, for binaries
# given side by side, in the same run:
#
#   demo     60 s of `connlog --demo` following (TERMBYTES_DEMO_SECONDS)
#   pgdn     100 × PgDn over the docker-ts corpus, from the oldest row, one key
#            every 50 ms (a held key), once the file is loaded
#   filter   typing a 20-character filter ("/relay 34.147.237.117"), one key
#            every 125 ms, until the last view is drawn
#
# usage: bench/termbytes.sh NAME=BINARY...
#   e.g. bench/termbytes.sh before=/tmp/v1/connlog after=bin/connlog
#
# The terminal is 120×35, TERM=xterm-256color. The corpus is
# $BENCH_CACHE/docker-ts-$BENCH_SIZE-seed$BENCH_SEED.log (as bench/compare.sh
# makes it), or TERMBYTES_FILE. "Loaded" and "drawn" mean connlog's CPU time
# stopped growing (under 2% of a core for 2 s), so that the clock, which
# redraws once a second, does not hide the end. Each scenario runs the
# binaries in turn, TERMBYTES_RUNS times (default 1), and prints every figure.
set -euo pipefail

cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
cache=${BENCH_CACHE:-$HOME/.cache/connlog-bench}
file=${TERMBYTES_FILE:-$cache/docker-ts-${BENCH_SIZE:-1GiB}-seed${BENCH_SEED:-1}.log}
if [[ ! -f $file ]]; then
	echo "termbytes: no corpus at $file: run bench/compare.sh once (it generates it), or set TERMBYTES_FILE" >&2
	exit 1
fi
for pair in "$@"; do
	bin=${pair#*=}
	[[ $pair == *=* && -x $bin ]] || { echo "termbytes: '$pair' is not NAME=EXECUTABLE" >&2; exit 2; }
done

TERMBYTES_FILE=$file exec python3 - "$@" <<'PY'
import fcntl, os, select, struct, subprocess, sys, termios, time

COLS, ROWS = 120, 35
DEMO_SECONDS = float(os.environ.get("TERMBYTES_DEMO_SECONDS", "60"))
RUNS = int(os.environ.get("TERMBYTES_RUNS", "1"))
FILE = os.environ["TERMBYTES_FILE"]
FILTER = "relay 34.147.237.117"  # 20 characters, a valid query at every prefix
PGDN = "\x1b[6~"


class Term:
    """A program on a pseudo-terminal; count is every byte it wrote."""

    def __init__(self, argv):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        env = dict(os.environ, TERM="xterm-256color")
        for k in ("COLORTERM", "NO_COLOR", "TMUX", "STY"):
            env.pop(k, None)
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.count = 0

    def pump(self, seconds):
        """Reads (and counts) what the program writes for this long."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the program has gone
                return
            if not chunk:
                return
            self.count += len(chunk)

    def cpu(self):
        with open(f"/proc/{self.proc.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def settle(self, limit=900):
        t0 = time.monotonic()
        """Waits until the program's CPU time stops growing."""
        quiet, end = 0, time.monotonic() + limit
        while quiet < 2:
            if time.monotonic() > end:
                raise SystemExit(f"termbytes: {self.proc.args[0]} still busy after {limit} s")
            before = self.cpu()
            self.pump(1.0)
            quiet = quiet + 1 if self.cpu() - before < 0.02 else 0
        print(f"{self.proc.args[0]}: settled after {time.monotonic() - t0:.1f} s", file=sys.stderr, flush=True)

    def send(self, s, then=0.0):
        os.write(self.master, s.encode())
        self.pump(then)

    def quit(self):
        self.send("\x03")
        end = time.monotonic() + 10
        while self.proc.poll() is None and time.monotonic() < end:
            self.pump(0.1)
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        os.close(self.master)


def demo(binary):
    t = Term([binary, "--demo"])
    t.pump(DEMO_SECONDS)
    n = t.count
    t.quit()
    return {"demo": n}


def corpus(binary):
    t = Term([binary, FILE])
    t.settle()
    t.send("g")
    t.settle()
    start = t.count
    for _ in range(100):
        t.send(PGDN, 0.05)
    t.settle()
    pgdn = t.count - start
    start = t.count
    t.send("/", 0.125)
    for ch in FILTER:
        t.send(ch, 0.125)
    t.settle()
    typed = t.count - start
    t.quit()
    return {"pgdn": pgdn, "filter": typed}


def main():
    pairs = [a.split("=", 1) for a in sys.argv[1:]]
    results = {name: {} for name, _ in pairs}
    for run in range(RUNS):
        for scenario in (demo, corpus):
            for name, binary in pairs:
                got = scenario(os.path.abspath(binary))
                for k, v in got.items():
                    results[name].setdefault(k, []).append(v)
                print(f"run {run + 1}: {name} {got}", file=sys.stderr, flush=True)
    labels = {"demo": f"{DEMO_SECONDS:g} s of --demo following",
              "pgdn": "100 x PgDn over the corpus", "filter": f"typing a {len(FILTER)}-character filter"}
    names = [n for n, _ in pairs]
    print(f"{'bytes written to the terminal':34}" + "".join(f"{n:>22}" for n in names) +
          (f"{names[-1] + '/' + names[0]:>16}" if len(names) > 1 else ""))
    for key, label in labels.items():
        cells = [results[n][key] for n in names]
        row = f"{label:34}" + "".join(f"{', '.join(f'{v:,}' for v in c):>22}" for c in cells)
        if len(names) > 1:
            row += f"{sum(cells[-1]) / max(sum(cells[0]), 1):>16.3f}"
        print(row)
    print(f"terminal {COLS}x{ROWS} TERM=xterm-256color; corpus {FILE} ({os.path.getsize(FILE):,} bytes); "
          f"{RUNS} run(s) per binary, each figure one run")


main()
PY
