#!/usr/bin/env python3
"""term_bench.py - `make bench`'s terminal measures, in one run so they compare:
openweigh's wizard against Debian's `dialog --menu` in an 80x24 pty.

Prints one JSON object: startup_to_first_frame_ms, dialog_startup_ms,
bytes_first_frame_80x24, dialog_bytes_first_frame_80x24,
bytes_per_volume_step_80x24, dialog_bytes_per_cursor_step_80x24,
ms_per_volume_step_80x24 (a key to the last byte of its redraw: one evaluate()
and the draw), dialog_ms_per_cursor_step_80x24, peak_rss_kb.
Usage: term_bench.py OPENWEIGH ANSWERS_FILE [RUNS]"""
import fcntl, json, os, pty, select, signal, statistics, struct, sys, tempfile, termios, time

IDLE = 0.15  # seconds of silence that end a frame


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    return pid, fd


def read_burst(fd, deadline=5.0, idle=IDLE):
    """Bytes until the program stays quiet for `idle`; time of the last byte."""
    data, last, start = b"", None, time.monotonic()
    while time.monotonic() - start < deadline:
        r, _, _ = select.select([fd], [], [], idle)
        if not r:
            if data:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
        last = time.monotonic()
    return data, last


def finish(pid, fd, keys=b""):
    if keys:
        os.write(fd, keys)
    try:
        read_burst(fd, deadline=1.0)
    except OSError:
        pass
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def env_for(state_dir):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
               XDG_STATE_HOME=state_dir, COLUMNS="80", LINES="24")
    env.pop("NO_COLOR", None)
    return env


def first_frame(argv, env):
    t0 = time.monotonic()
    pid, fd = spawn(argv, env)
    data, last = read_burst(fd)
    return pid, fd, data, (last - t0) * 1000 if last else float("nan")


def steps(fd, key, n):
    """Bytes of each of n redraws after `key`, and ms from the key to its last byte."""
    sizes, times = [], []
    for _ in range(n):
        t0 = time.monotonic()
        os.write(fd, key)
        data, last = read_burst(fd, deadline=2.0, idle=0.1)
        sizes.append(len(data))
        if last:
            times.append((last - t0) * 1000)
    return sizes, times


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main():
    ow, answers = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    menu = ["dialog", "--menu", "Deployment architecture", "20", "70", "10"]
    for i, a in enumerate(["direct-api", "managed-inference", "self-hosted-single-gpu",
                           "self-hosted-multi-gpu", "hybrid", "on-device"]):
        menu += [str(i + 1), a]
    out = {}
    with tempfile.TemporaryDirectory() as state:
        env = env_for(state)
        ow_start, ow_bytes, dl_start, dl_bytes, rss = [], [], [], [], 0
        step_b, step_ms, dl_step_b, dl_step_ms = [], [], [], []
        for _ in range(runs):
            pid, fd, data, ms = first_frame([ow, "--answers", answers], env)
            ow_start.append(ms)
            ow_bytes.append(len(data))
            b, ms = steps(fd, b"+", 5)
            step_b += b
            step_ms += ms
            # A scripted session: every screen, back to the questions, a few changes.
            for k in [b"2", b"3", b"4", b"5", b"1", b"\x1bOB", b"\x1bOC", b"-", b"+"]:
                os.write(fd, k)
                read_burst(fd, deadline=2.0, idle=0.1)
            rss = max(rss, rss_kb(pid))
            finish(pid, fd, b"q")
            pid, fd, data, ms = first_frame(menu, env)
            dl_start.append(ms)
            dl_bytes.append(len(data))
            b, ms = steps(fd, b"\x1bOB", 5)
            dl_step_b += b
            dl_step_ms += ms
            finish(pid, fd, b"\x1b")
        out = {
            "startup_to_first_frame_ms": round(statistics.median(ow_start), 1),
            "dialog_startup_ms": round(statistics.median(dl_start), 1),
            "bytes_first_frame_80x24": int(statistics.median(ow_bytes)),
            "dialog_bytes_first_frame_80x24": int(statistics.median(dl_bytes)),
            "bytes_per_volume_step_80x24": int(statistics.median(step_b)),
            "dialog_bytes_per_cursor_step_80x24": int(statistics.median(dl_step_b)),
            "ms_per_volume_step_80x24": round(statistics.median(step_ms), 1),
            "dialog_ms_per_cursor_step_80x24": round(statistics.median(dl_step_ms), 1),
            "peak_rss_kb": rss,
            "idle_ms_that_ends_a_frame": int(IDLE * 1000),
        }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
