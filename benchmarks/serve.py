"""Server benchmark (not a test): latency of a short message, and a bounded load test.

    python benchmarks/serve.py [--requests 5000] [--clients 8]

Starts ``plainspeak serve --port 0`` as its own process, then:
1. the 60-word message ../shared/corpus/outreach_60.txt, 200 times after warming:
   median and p95 (target: median at most 20 ms);
2. ``--clients`` threads sending ``--requests`` requests in all, of mixed sizes up to
   50 KB (cut from ../shared/corpus/bench_1m.txt), to /api/check and /v2/check: errors,
   p95, and the server's resident memory after the first 1,000 requests and at the end
   (target: no errors, memory flat).

Skips cleanly when ../shared is absent. Record results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SHORT = SHARED / "outreach_60.txt"
BIG = SHARED / "bench_1m.txt"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def post(port: int, path: str, body: bytes, kind: str) -> tuple[int, float]:
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", path, body=body, headers={"Content-Type": kind, "Host": f"127.0.0.1:{port}"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    if not SHORT.exists() or not BIG.exists():
        print(f"skipped: {SHARED} is absent")
        return
    proc = subprocess.Popen([sys.executable, "-m", "plainspeak", "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        port = int(line.split("127.0.0.1:")[1].split("/")[0])
        short = json.dumps({"text": SHORT.read_text(encoding="utf-8")}).encode()
        for _ in range(20):
            post(port, "/api/check", short, "application/json")
        times = [post(port, "/api/check", short, "application/json")[1] * 1000 for _ in range(200)]
        print(f"60-word message, warm: median {statistics.median(times):.1f} ms, "
              f"p95 {statistics.quantiles(times, n=20)[-1]:.1f} ms (target: median <= 20 ms)")

        words = BIG.read_text(encoding="utf-8").split(" ")
        rng = random.Random(1)
        bodies = []
        for i in range(args.requests):
            size = rng.choice([30, 60, 300, 1500, 8000])
            at = rng.randrange(0, len(words) - size)
            text = " ".join(words[at:at + size])[:50_000]
            if i % 2:
                bodies.append(("/v2/check", urlencode({"text": text, "language": "en-US"}).encode(),
                               "application/x-www-form-urlencoded"))
            else:
                bodies.append(("/api/check", json.dumps({"text": text}).encode(), "application/json"))
        latencies: list[float] = []
        errors = 0
        done = 0
        memory_at_1000: list[float] = []
        lock = threading.Lock()
        queue = iter(bodies)

        def client() -> None:
            nonlocal errors, done
            while True:
                with lock:
                    item = next(queue, None)
                if item is None:
                    return
                status, seconds = post(port, *item)
                with lock:
                    latencies.append(seconds * 1000)
                    errors += status != 200
                    done += 1
                    if done == 1000:
                        memory_at_1000.append(rss_mb(proc.pid))

        start = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        print(f"load: {args.requests} requests from {args.clients} clients in {elapsed:.0f} s, {errors} errors, "
              f"p95 {statistics.quantiles(latencies, n=20)[-1]:.0f} ms; server memory "
              f"{memory_at_1000[0] if memory_at_1000 else float('nan'):.0f} MB after 1,000 requests, "
              f"{rss_mb(proc.pid):.0f} MB at the end")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
