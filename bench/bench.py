#!/usr/bin/env python3
"""Measures the generated stores against a bare Spring Boot app, in one run on this machine.

- generation: wall time of archetype:generate for each variant against maven-archetype-quickstart 1.5
- start-up: JVM launch to the first HTTP 200 on the item page, packed jar and with start-fast.sh (AOT + CDS)
- memory: resident set size after start and after load
- throughput and latency: the item page under wrk, same connections and duration for every app
- checkout overhead: POST /checkout (a Checkout Session) against a local Stripe stand-in (WireMock) that answers at once

Every comparison is measured in the same run, interleaved, median of RUNS. Writes BENCHMARKS.md at
the repository's root and prints a one-line summary last. Needs a JDK, Maven, python3 and wrk
(installed with apt-get when missing).
"""
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The versions the stores are built on (spring-boot.version and the rest): the archetype's pom.xml is
# the one place they are written; the baseline's pom names them as @spring-boot.version@ and so on.
VERSIONS = {element.tag.split("}")[1]: element.text for element in
            ElementTree.parse(ROOT / "pom.xml").getroot().find("{http://maven.apache.org/POM/4.0.0}properties")}
WORK = ROOT / "target" / "bench"
RUNS = 5
VARIANTS = ["single", "multi", "download"]
ARCHETYPE = ["-DarchetypeGroupId=dev.itemshop", "-DarchetypeArtifactId=itemshop-archetype",
             "-DarchetypeVersion=0.1.0-SNAPSHOT"]
QUICKSTART = ["-DarchetypeGroupId=org.apache.maven.archetypes",
              "-DarchetypeArtifactId=maven-archetype-quickstart", "-DarchetypeVersion=1.5"]
GENERATE = "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate"
WRK = ["-t2", "-c16", "-d10s", "--latency"]
# One connection at a time: the latency of a checkout is then its service time, not queueing.
WRK_ONE = ["-t1", "-c1", "-d10s", "--latency"]
WARM_PURCHASE = ["-t2", "-c8", "-d10s"]
# Placeholder keys: the item page shows its payment form; nothing here ever reaches Stripe.
STORE_ENV = {"STRIPE_PUBLISHABLE_KEY": "pk_test_bench_placeholder", "STRIPE_SECRET_KEY": "sk_test_bench_placeholder"}


def log(message):
    print(f"[bench] {message}", flush=True)


def run(command, cwd=None, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout[-3000:]}")
    return result.stdout


class App:
    """One Spring Boot app to start: the baseline or a generated store."""

    def __init__(self, name, directory, page, arguments=()):
        self.name, self.directory, self.page, self.arguments = name, directory, page, list(arguments)

    @property
    def jar(self):
        return next(j for j in sorted((self.directory / "target").glob("*.jar")) if not j.name.endswith("-plain.jar"))

    def command(self, port, cds):
        if cds:
            return ["./start-fast.sh", f"--server.port={port}", *self.arguments]
        return ["java", "-jar", str(self.jar), f"--server.port={port}", *self.arguments]

    def start(self, port, cds=False):
        """Starts the app and returns (process, milliseconds from launch to the first 200 on its page)."""
        env = dict(os.environ, **STORE_ENV)
        began = time.perf_counter()
        process = subprocess.Popen(self.command(port, cds), cwd=self.directory, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        url = f"http://127.0.0.1:{port}{self.page}"
        while time.perf_counter() - began < 90:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return process, (time.perf_counter() - began) * 1000
            except OSError:
                if process.poll() is not None:
                    sys.exit(f"{self.name} exited while starting ({' '.join(self.command(port, cds))})")
                time.sleep(0.01)
        stop(process)
        sys.exit(f"{self.name} served no page within 90 s")


def stop(process):
    try:
        os.killpg(process.pid, 15)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def rss_mb(process):
    """Resident memory of the JVM (the process itself, or the java that start-fast.sh exec'd)."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def wrk(arguments, load=WRK):
    output = run(["wrk", *load, *arguments])
    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        sys.exit(f"wrk saw {errors.group(1)} failed responses:\n{output}")
    return {"rps": requests, "p50": latency(50), "p99": latency(99)}


# ---- preparation ---------------------------------------------------------------------------

def prepare():
    if not shutil.which("wrk"):
        log("installing wrk")
        run(["apt-get", "update", "-q"])
        run(["apt-get", "install", "-y", "-q", "wrk"])
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    log("building the archetype")
    run(["mvn", "-B", "-q", "install", "-Darchetype.test.skip", "-Dinvoker.skip"], cwd=ROOT)
    apps = {}
    for variant in VARIANTS:
        log(f"generating and packaging the {variant} store")
        run(["mvn", "-B", "-q", GENERATE, *ARCHETYPE, "-DgroupId=com.example", f"-DartifactId={variant}-shop",
             f"-Dvariant={variant}"], cwd=WORK)
        store = WORK / f"{variant}-shop"
        run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=store)
        # The jar start-fast.sh starts (target/aot), built now so that the script finds it up to date.
        run(["mvn", "-B", "-q", "package", "-DskipTests", "-Paot"], cwd=store)
        apps[variant] = App(variant, store, "/items/item" if variant == "multi" else "/")
    log("packaging the baseline")
    baseline = WORK / "baseline"
    shutil.copytree(ROOT / "bench" / "baseline", baseline)
    pom = baseline / "pom.xml"
    pom.write_text(re.sub(r"@([\w.-]+)@", lambda name: VERSIONS[name.group(1)], pom.read_text()))
    run(["mvn", "-B", "-q", "package"], cwd=baseline)
    run(["mvn", "-B", "-q", "package", "-Paot"], cwd=baseline)
    # The baseline starts fast the same way the stores do: the stores' own script, unchanged (its pom
    # has the stores' aot profile).
    shutil.copy(apps["single"].directory / "start-fast.sh", baseline / "start-fast.sh")
    return {"baseline": App("baseline", baseline, "/"), **apps}


# ---- measurements --------------------------------------------------------------------------

def generation():
    """archetype:generate wall time, each variant and quickstart interleaved, offline after a warm-up."""
    cases = {"quickstart": QUICKSTART, **{v: [*ARCHETYPE, f"-Dvariant={v}"] for v in VARIANTS}}
    times = {name: [] for name in cases}
    for round_number in range(RUNS + 1):
        for name, archetype in cases.items():
            with tempfile.TemporaryDirectory() as directory:
                began = time.perf_counter()
                offline = ["-o"] if round_number > 0 else []  # the warm-up round may download
                run(["mvn", "-B", "-q", *offline, GENERATE, *archetype, "-DgroupId=com.example", "-DartifactId=gen"],
                    cwd=directory)
                if round_number > 0:  # round 0 only warms the caches
                    times[name].append((time.perf_counter() - began) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def startup(apps, cds):
    """Milliseconds to the first 200 and RSS after start, interleaved rounds, medians."""
    if cds:
        for app in apps.values():  # the first start-fast.sh run extracts and trains: not measured
            process, _ = app.start(18080, cds=True)
            stop(process)
    times = {name: [] for name in apps}
    memory = {name: [] for name in apps}
    for _ in range(RUNS):
        for name, app in apps.items():
            process, millis = app.start(18080, cds)
            times[name].append(millis)
            memory[name].append(rss_mb(process))
            stop(process)
    return ({name: statistics.median(v) for name, v in times.items()},
            {name: statistics.median(v) for name, v in memory.items()})


def throughput(apps):
    """The item page under wrk after a warm-up, and RSS after that load."""
    results = {}
    for name, app in apps.items():
        process, _ = app.start(18080)
        url = f"http://127.0.0.1:18080{app.page}"
        wrk(["-d5s", url])  # warm-up: JIT and caches
        results[name] = wrk([url])
        results[name]["rss"] = rss_mb(process)
        stop(process)
    return results


STANDIN_SESSION = {
    "id": "cs_test_bench", "object": "checkout.session", "mode": "payment", "ui_mode": "elements",
    "status": "open", "payment_status": "unpaid", "currency": "usd", "amount_subtotal": 900, "amount_total": 900,
    "client_secret": "cs_test_bench_secret_placeholder", "livemode": False, "created": 1234567890,
    "metadata": {"store_id": "bench", "item_id": "item", "quantity": "1", "subtotal": "900", "currency": "usd"},
}


def purchase(store):
    """POST /checkout (a Checkout Session) through the whole stack against a Stripe stand-in, and the stand-in alone."""
    standin = WORK / "stripe-standin"
    (standin / "mappings").mkdir(parents=True)
    answer = {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": STANDIN_SESSION}
    (standin / "mappings" / "checkout_sessions.json").write_text(json.dumps({"mappings": [
        {"request": {"method": "POST", "urlPathPattern": "/v1/checkout/sessions"}, "response": answer}]}))
    run(["mvn", "-B", "-q", "dependency:copy", "-Dartifact=org.wiremock:wiremock-standalone:3.13.2",
         f"-DoutputDirectory={standin}"], cwd=WORK)
    stand_in = subprocess.Popen(["java", "-jar", str(standin / "wiremock-standalone-3.13.2.jar"), "--port", "18099",
                                 "--root-dir", str(standin), "--no-request-journal", "--disable-banner"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    # One client buying thousands of times a second is what the card-testing limits refuse: lift them.
    pointed = App(store.name, store.directory, store.page, ["--stripe.api-base=http://127.0.0.1:18099",
                                                            "--store.id=bench",
                                                            "--rate-limits.checkout-per-client.attempts=1000000000",
                                                            "--rate-limits.checkout-all-clients.attempts=1000000000"])
    process, _ = pointed.start(18080)
    try:
        # A shopper's CSRF cookie and token, as checkout.js gets them.
        jar = CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        token = json.loads(opener.open("http://127.0.0.1:18080/csrf-token").read())["token"]
        cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
        body = json.dumps({"itemId": "item", "quantity": 1})
        script = WORK / "purchase.lua"
        script.write_text('wrk.method = "POST"\n'
                          f"wrk.body = {json.dumps(body)}\n"
                          'wrk.headers["Content-Type"] = "application/json"\n'
                          f'wrk.headers["X-XSRF-TOKEN"] = "{token}"\n'
                          f'wrk.headers["Cookie"] = "{cookie}"\n')
        stand_in_script = WORK / "standin.lua"
        stand_in_script.write_text('wrk.method = "POST"\nwrk.body = "mode=payment&ui_mode=elements"\n'
                                   'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
        url = "http://127.0.0.1:18080/checkout"
        # Warm-up with several connections: one at a time, 5 s is ~2,000 checkouts, and the JIT is
        # still compiling stripe-java's request and JSON code after that, which shows in the p99.
        wrk([*WARM_PURCHASE, "-s", str(script), url])
        through_store = wrk(["-s", str(script), url], WRK_ONE)
        stripe_alone = wrk(["-s", str(stand_in_script), "http://127.0.0.1:18099/v1/checkout/sessions"], WRK_ONE)
    finally:
        stop(process)
        stop(stand_in)
    # Each checkout makes one Stripe call (the session); nothing is charged or fulfilled there.
    return {"store": through_store, "stripe": stripe_alone,
            "overhead_p50": through_store["p50"] - stripe_alone["p50"],
            "overhead_p99": through_store["p99"] - stripe_alone["p99"]}


# ---- report --------------------------------------------------------------------------------

def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // (1024 * 1024)
    java = subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]
    maven = re.sub(r"\x1b\[[0-9;]*m", "", run(["mvn", "-v"]).splitlines()[0])
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB; {java}; {maven}"


def write_report(apps, gen, start, start_rss, cds_start, load, buy):
    stores = [n for n in apps if n != "baseline"]
    ratio = lambda a, b: f"{a / b:.2f}x"
    lines = ["# Benchmarks", "",
             f"Written by `python3 bench/bench.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
             f"Machine: {machine()}. Spring Boot {VERSIONS['spring-boot.version']} for the stores and the baseline (`bench/baseline`:",
             "webmvc + freemarker, one page). Medians of "
             f"{RUNS} interleaved runs; wrk `{' '.join(WRK)}` after a 5 s warm-up.", "",
             "## Generation (`archetype:generate`, offline, wall time)", "",
             "| archetype | median | vs quickstart 1.5 | target |", "|---|---|---|---|",
             f"| maven-archetype-quickstart 1.5 | {gen['quickstart']:.0f} ms | 1.00x | |"]
    lines += [f"| itemshop `{v}` | {gen[v]:.0f} ms | {ratio(gen[v], gen['quickstart'])} | <= 1.5x |" for v in stores]
    lines += ["", "## Start-up (launch to the first 200 on the item page) and memory", "",
              "| app | packed jar | vs baseline | start-fast.sh (AOT + CDS) | vs baseline the same way | RSS after start | RSS after load |",
              "|---|---|---|---|---|---|---|"]
    for name in apps:
        lines.append(f"| {name} | {start[name]:.0f} ms | {ratio(start[name], start['baseline'])} | "
                     f"{cds_start[name]:.0f} ms | {ratio(cds_start[name], cds_start['baseline'])} | "
                     f"{start_rss[name]:.0f} MB | {load[name]['rss']:.0f} MB |")
    lines += ["", "Targets: packed jar <= 1.10x the baseline; with start-fast.sh <= 1.15x the baseline started the same way.", "",
              "## Item page throughput and latency", "",
              "| app | requests/s | vs baseline | p50 | p99 |", "|---|---|---|---|---|"]
    for name in apps:
        lines.append(f"| {name} | {load[name]['rps']:.0f} | {ratio(load[name]['rps'], load['baseline']['rps'])} | "
                     f"{load[name]['p50']:.2f} ms | {load[name]['p99']:.2f} ms |")
    lines += ["", "Target: >= 0.90x the baseline.", "",
              "## Checkout overhead (`POST /checkout`: a Checkout Session, single store, Stripe stand-in answering at once)", "",
              f"One request at a time (wrk `{' '.join(WRK_ONE)}`), so latency is service time, not queueing;",
              f"after a warm-up of wrk `{' '.join(WARM_PURCHASE)}`.", "",
              "| measured | requests/s | p50 | p99 |", "|---|---|---|---|",
              f"| the whole checkout through the store | {buy['store']['rps']:.0f} | {buy['store']['p50']:.2f} ms | {buy['store']['p99']:.2f} ms |",
              f"| one call to the stand-in alone | {buy['stripe']['rps']:.0f} | {buy['stripe']['p50']:.2f} ms | {buy['stripe']['p99']:.2f} ms |",
              f"| the store's own cost (checkout - 1 stand-in call) | | {buy['overhead_p50']:.2f} ms | {buy['overhead_p99']:.2f} ms |",
              "", "Target: the store's own cost p99 <= 5 ms.", ""]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines))
    worst = lambda values: max(values)
    # The slowest store against the baseline, one line.
    return ("bench: generation " + "/".join(ratio(gen[v], gen["quickstart"]) for v in stores) + " of quickstart"
            f"; start-up {ratio(worst(start[v] for v in stores), start['baseline'])} of baseline"
            f" (start-fast {ratio(worst(cds_start[v] for v in stores), cds_start['baseline'])})"
            f"; item page {ratio(min(load[v]['rps'] for v in stores), load['baseline']['rps'])} of baseline throughput"
            f"; checkout overhead p99 {buy['overhead_p99']:.2f} ms")


def main():
    began = time.time()
    apps = prepare()
    log("timing archetype:generate")
    gen = generation()
    log("timing start-up from the packed jars")
    start, start_rss = startup(apps, cds=False)
    log("timing start-up with start-fast.sh (AOT + CDS)")
    cds_start, _ = startup(apps, cds=True)
    log("loading the item pages")
    load = throughput(apps)
    log("loading the checkout endpoint")
    buy = purchase(apps["single"])
    summary = write_report(apps, gen, start, start_rss, cds_start, load, buy)
    log(f"wrote BENCHMARKS.md in {time.time() - began:.0f} s")
    print(summary)


if __name__ == "__main__":
    main()
