#!/usr/bin/env python3
"""Measures the generated stores against what a developer would build instead, in one run on this machine.

The yardstick is bench/starters: the store's own starters (webmvc, freemarker, security, validation,
actuator) and stripe-java at Spring Boot's defaults but for the store's FreeMarker settings (the view
cache on, as in the store), serving the store's layout and item templates with the same data. bench/bare (webmvc + freemarker, one page) is a row for information.

- generation: wall time of archetype:generate for each variant against maven-archetype-quickstart 1.5
- start-up: JVM launch to the first HTTP 200 on the item page: the packed jar (java -jar), and
  start-fast.sh on Java 17 (Spring AOT + CDS) and on Java 25 (Spring AOT + the JVM's AOT cache)
- the item page under wrk, and what virtual threads change (Java 25)
- memory: the store README's small-host setting in a 256 MB cgroup against the JVM's defaults
- checkout: POST /checkout (a Checkout Session) against a Stripe stand-in (WireMock) that answers at
  once, at 1 and at 16 connections; the store's own cost is that less the stand-in's
- the user's waits: a store's own ./mvnw verify, and the archetype's whole mvn verify
- before and after issue 25: the download and single stores of the archetype at BEFORE against this
  tree's: lines of main and test Java, main files, the Spring test contexts ./mvnw verify starts, its time

Every comparison is measured in the same run, interleaved, median of RUNS. Writes BENCHMARKS.md at the
repository's root and prints one line of key=value pairs last. Needs JDK 17 (java on the PATH), a JDK 25
(BENCH_JDK25, else /usr/lib/jvm/temurin-25-jdk-amd64), Maven, python3, git with this repository's history
(the commit BEFORE) and wrk (installed with apt-get when missing). `--quick` skips the archetype's own
mvn verify (several minutes).
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
from datetime import datetime
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The versions the stores are built on (spring-boot.version and the rest): the archetype's pom.xml is
# the one place they are written; the baselines' poms name them as @spring-boot.version@ and so on.
VERSIONS = {element.tag.split("}")[1]: element.text for element in
            ElementTree.parse(ROOT / "pom.xml").getroot().find("{http://maven.apache.org/POM/4.0.0}properties")}
WORK = ROOT / "target" / "bench"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# A store's ./mvnw verify takes minutes: fewer rounds of it than of the rest.
VERIFY_ROUNDS = max(3, RUNS // 2 + 1) if RUNS > 1 else 1
VARIANTS = ["single", "multi", "download"]
JDK17 = Path(os.path.realpath(shutil.which("java"))).parent.parent
JDK25 = Path(os.environ.get("BENCH_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64"))
ARCHETYPE = ["-DarchetypeGroupId=dev.itemshop", "-DarchetypeArtifactId=itemshop-archetype",
             "-DarchetypeVersion=0.1.0-SNAPSHOT"]
QUICKSTART = ["-DarchetypeGroupId=org.apache.maven.archetypes",
              "-DarchetypeArtifactId=maven-archetype-quickstart", "-DarchetypeVersion=1.5"]
GENERATE = "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate"
# Maven's log with a time on every line: where the time of a build goes.
TIMESTAMPS = ["-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"]
WRK_WARM = ["-t2", "-c16", "-d4s"]
WRK = ["-t2", "-c16", "-d6s", "--latency"]
# One connection: the latency of a checkout is then its service time, not queueing.
WRK_ONE = ["-t1", "-c1", "-d5s", "--latency"]
WRK_SIXTEEN = ["-t2", "-c16", "-d5s", "--latency"]
# Placeholder keys: the item page shows its payment form; nothing here ever reaches Stripe.
STORE_ENV = {"STRIPE_PUBLISHABLE_KEY": "pk_test_bench_placeholder", "STRIPE_SECRET_KEY": "sk_test_bench_placeholder"}
SMALL_HOST_MB = 256
# The starters baseline is configured as the store is: the view cache on (its application.properties).
# This row is it at Spring Boot's default instead, for information.
STARTERS_DEFAULT = "starters - view cache"
NO_VIEW_CACHE = "single - view cache"
CGROUP = Path("/sys/fs/cgroup/memory/itemshop-bench")
# The archetype before issue 25 (the features, the shared test property sets): its download and
# single stores, each with its default features, measured side by side with this tree's.
BEFORE = "b7d4058"
BEFORE_AFTER = ["download", "single"]
# The stores' verify in the before/after part also logs to a file, where the tests' output capture
# does not reach, with Spring's test context cache statistics: how many contexts the tests started.
CONTEXTS_LOG = "target/bench-contexts.log"


def log(message):
    print(f"[bench] {time.strftime('%H:%M:%S')} {message}", flush=True)


def run(command, cwd=None, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stdout[-3000:]}")
    return result.stdout


def timed(command, cwd=None, env=None):
    began = time.perf_counter()
    output = run(command, cwd, env)
    return time.perf_counter() - began, output


def median(values):
    return statistics.median(values)


class App:
    """One Spring Boot app to start: a baseline or a generated store."""

    def __init__(self, name, directory, page, arguments=()):
        self.name, self.directory, self.page, self.arguments = name, directory, page, list(arguments)

    @property
    def jar(self):
        return next(j for j in sorted((self.directory / "target").glob("*.jar")) if not j.name.endswith("-plain.jar"))

    def command(self, port, mode, extra):
        if mode == "jar":
            return [str(extra.get("java", JDK17) / "bin" / "java"), *extra.get("jvm", []), "-jar", str(self.jar),
                    f"--server.port={port}", *self.arguments, *extra.get("args", [])]
        return ["./start-fast.sh", f"--server.port={port}", *self.arguments, *extra.get("args", [])]

    def start(self, port=18080, mode="jar", **extra):
        """Starts the app; returns (process, milliseconds from launch to the first 200 on its page).

        mode: jar (java -jar, on Java 17 unless java=another JDK), fast17 or fast25 (start-fast.sh on that Java).
        extra: jvm=[...] options, args=[...] for Spring, env={...}, cgroup=a memory cgroup to start in.
        """
        env = dict(os.environ, **STORE_ENV, **extra.get("env", {}))
        if mode != "jar":
            env["JAVA_HOME"] = str(JDK25 if mode == "fast25" else JDK17)
        command = self.command(port, mode, extra)
        if extra.get("cgroup"):  # the shell joins the cgroup, then becomes the JVM
            command = ["sh", "-c", f'echo $$ > {extra["cgroup"]}/cgroup.procs && exec "$@"', "sh", *command]
        began = time.perf_counter()
        process = subprocess.Popen(command, cwd=self.directory, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        url = f"http://127.0.0.1:{port}{self.page}"
        while time.perf_counter() - began < 120:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return process, (time.perf_counter() - began) * 1000
            except OSError:
                if process.poll() is not None:
                    sys.exit(f"{self.name} exited while starting ({' '.join(command)})")
                time.sleep(0.005)
        stop(process)
        sys.exit(f"{self.name} served no page within 120 s")


def stop(process):
    try:
        os.killpg(process.pid, 15)
    except ProcessLookupError:
        pass
    process.wait(timeout=60)


def rss_mb(process):
    """Resident memory of the JVM (the process itself, or the java that start-fast.sh or sh exec'd)."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def wrk(arguments, load=WRK, allow_errors=False):
    output = run(["wrk", *load, *arguments])

    def latency(percent):  # only with --latency
        found = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        return float(found.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[found.group(2)] if found else None
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(failed.group(1)) if failed else 0) + (sum(map(int, socket.groups())) if socket else 0)
    if errors and not allow_errors:
        sys.exit(f"wrk saw {errors} errors:\n{output}")
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50": latency(50), "p99": latency(99), "errors": errors}


def maven_steps(output):
    """Seconds per plugin execution, per archetype integration-test case and per invoker run, from a
    timestamped Maven log: each lasts until the next one starts."""
    marks = []
    for line in output.splitlines():
        stamp = re.match(r"(\d\d:\d\d:\d\d\.\d\d\d) \[\w+\] (.*)", line)
        if not stamp:
            continue
        text, name = stamp.group(2), None
        if step := re.match(r"--- (?:maven-)?([\w.-]+?)(?:-maven)?(?:-plugin)?:[\w.-]+:([\w-]+) ", text):
            name = f"{step.group(1)}:{step.group(2)}"
        elif step := re.match(r"Processing Archetype IT project: (\S+)", text):
            name = f"case {step.group(1)}"
        elif step := re.match(r"Building: (\S+)", text):
            name = f"invoker {step.group(1)}"
        elif text.startswith(("BUILD SUCCESS", "BUILD FAILURE")):
            name = "end"
        if name:
            marks.append((datetime.strptime(stamp.group(1), "%H:%M:%S.%f"), name))
    steps = {}
    for (began, name), (ended, _) in zip(marks, marks[1:]):
        steps[name] = steps.get(name, 0) + (ended - began).total_seconds()
    return steps


# ---- preparation ---------------------------------------------------------------------------

def prepare(reuse=False):
    if reuse:  # --reuse: what an earlier run built (while working on bench.py)
        apps = {v: App(v, WORK / f"{v}-shop", "/items/item" if v == "multi" else "/") for v in VARIANTS}
        return {"bare": App("bare", WORK / "bare", "/"), "starters": App("starters", WORK / "starters", "/"), **apps}
    if not shutil.which("wrk"):
        log("installing wrk")
        run(["apt-get", "update", "-q"])
        run(["apt-get", "install", "-y", "-q", "wrk"])
    if not (JDK25 / "bin" / "java").exists():
        sys.exit(f"no JDK 25 at {JDK25}: set BENCH_JDK25")
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
    single = apps["single"].directory / "src" / "main" / "resources"
    baselines = {}
    for name in ["bare", "starters"]:
        log(f"packaging the {name} baseline")
        baseline = WORK / name
        shutil.copytree(ROOT / "bench" / name, baseline)
        pom = baseline / "pom.xml"
        pom.write_text(re.sub(r"@([\w.-]+)@", lambda n: VERSIONS[n.group(1)], pom.read_text()))
        if name == "starters":  # the store's page exactly: its layout, item template, files and words
            resources = baseline / "src" / "main" / "resources"
            (resources / "templates").mkdir(parents=True)
            for template in ["layout.ftlh", "item.ftlh"]:
                shutil.copy(single / "templates" / template, resources / "templates")
            shutil.copytree(single / "static", resources / "static")
            for messages in single.glob("messages*.properties"):
                shutil.copy(messages, resources)
        run(["mvn", "-B", "-q", "package"], cwd=baseline)
        run(["mvn", "-B", "-q", "package", "-Paot"], cwd=baseline)
        # Started fast the same way as the stores: their own script, unchanged (the baselines' poms
        # have the stores' aot profile).
        shutil.copy(apps["single"].directory / "start-fast.sh", baseline / "start-fast.sh")
        shutil.copytree(apps["single"].directory / ".mvn", baseline / ".mvn")
        for wrapper in ["mvnw"]:
            shutil.copy(apps["single"].directory / wrapper, baseline / wrapper)
        baselines[name] = App(name, baseline, "/")
    same_page(baselines["starters"], apps["single"])
    return {**baselines, **apps}


def same_page(starters, single):
    """The yardstick serves the store's page: the same HTML, but for the asset names' content hashes."""
    pages = []
    for app in (starters, single):
        process, _ = app.start(18080)
        try:
            pages.append(urllib.request.urlopen("http://127.0.0.1:18080/").read().decode())
        finally:
            stop(process)
    unhashed = re.sub(r"-[0-9a-f]{32}\.", ".", pages[1])
    normalized = [re.sub(r'"price":"[\d.]+"', "", page) for page in (pages[0], unhashed)]
    if normalized[0] != normalized[1]:
        (WORK / "starters.html").write_text(pages[0])
        (WORK / "single.html").write_text(unhashed)
        sys.exit(f"bench/starters does not serve the store's item page: diff {WORK}/starters.html {WORK}/single.html")
    log(f"the starters baseline serves the store's item page ({len(pages[0])} bytes)")


# ---- measurements --------------------------------------------------------------------------

def generation():
    """archetype:generate wall time, each variant and quickstart interleaved, offline after a warm-up."""
    cases = {"quickstart": QUICKSTART, **{v: [*ARCHETYPE, f"-Dvariant={v}"] for v in VARIANTS}}
    times = {name: [] for name in cases}
    steps = {}
    for round_number in range(RUNS + 1):
        for name, archetype in cases.items():
            with tempfile.TemporaryDirectory() as directory:
                offline = ["-o"] if round_number > 0 else []  # the warm-up round may download
                seconds, output = timed(["mvn", "-B", *offline, *TIMESTAMPS, GENERATE, *archetype,
                                         "-DgroupId=com.example", "-DartifactId=gen"], cwd=directory)
                if round_number > 0:  # round 0 only warms the caches
                    times[name].append(seconds * 1000)
                    steps[name] = generation_steps(output, seconds)
    return {name: median(values) for name, values in times.items()}, steps


def generation_steps(output, seconds):
    """Where one archetype:generate goes: Maven and the plugin, writing the files, the post-generate script."""
    stamps = {}
    for line in output.splitlines():
        stamp = re.match(r"(\d\d:\d\d:\d\d\.\d\d\d) \[\w+\] (.*)", line)
        if stamp:
            at = datetime.strptime(stamp.group(1), "%H:%M:%S.%f")
            stamps.setdefault("first", at)
            text = stamp.group(2)
            for key, pattern in [("plugin", "--- maven-archetype-plugin"), ("writing", "Using following parameters"),
                                 ("script", "Executing META-INF/archetype-post-generate.groovy"),
                                 ("created", "Project created from Archetype"), ("end", "BUILD SUCCESS")]:
                if text.startswith(pattern):
                    stamps.setdefault(key, at)
    span = lambda a, b: (stamps[b] - stamps[a]).total_seconds() * 1000 if a in stamps and b in stamps else 0
    return {"jvm_and_maven": seconds * 1000 - span("first", "end"), "plugin": span("first", "writing"),
            "files": span("writing", "script" if "script" in stamps else "created"),
            "script": span("script", "created"), "rest": span("created", "end")}


def startup(apps, mode):
    """Milliseconds to the first 200 and RSS after start, interleaved rounds, medians."""
    if mode != "jar":
        for app in apps.values():  # the first start-fast.sh run unpacks and trains: not measured
            process, _ = app.start(mode=mode)
            stop(process)
    times = {name: [] for name in apps}
    memory = {name: [] for name in apps}
    for _ in range(RUNS):
        for name, app in apps.items():
            process, millis = app.start(mode=mode)
            times[name].append(millis)
            memory[name].append(rss_mb(process))
            stop(process)
    return {name: median(v) for name, v in times.items()}, {name: median(v) for name, v in memory.items()}


def loaded(configurations, load=WRK):
    """Each configuration (name: (app, start options)) started once and warmed; then RUNS rounds of wrk
    on the item page, one configuration after the other. Medians, and RSS after start and after the load."""
    processes, results = {}, {}
    try:
        for port, (name, (app, options)) in enumerate(configurations.items(), start=18081):
            process, _ = app.start(port, **options)
            processes[name] = (process, port, app)
            results[name] = {"rss_start": rss_mb(process), "rounds": []}
            wrk([f"http://127.0.0.1:{port}{app.page}"], WRK_WARM, allow_errors=True)
        for _ in range(RUNS):
            for name, (process, port, app) in processes.items():
                results[name]["rounds"].append(wrk([f"http://127.0.0.1:{port}{app.page}"], load, allow_errors=True))
        for name, (process, port, app) in processes.items():
            results[name]["rss"] = rss_mb(process)
    finally:
        for process, _, _ in processes.values():
            stop(process)
    for result in results.values():
        rounds = result.pop("rounds")
        result.update({key: median(r[key] for r in rounds) for key in ("rps", "p50", "p99")})
        result["errors"] = sum(r["errors"] for r in rounds)
    return results


def small_host_setting(store):
    """The store README's small-host setting: its JAVA_TOOL_OPTIONS and SERVER_* lines."""
    readme = (store.directory / "README.md").read_text()
    block = re.search(r"```sh\n((?:export [A-Z_]+=.*\n)+)```", readme[readme.index("small host"):])
    if not block:
        sys.exit("the store README has no small-host setting (export lines in a sh block after 'small host')")
    return dict(re.findall(r'export ([A-Z_]+)="?([^"\n]*)"?', block.group(1)))


def memory(store):
    """The small-host setting in a cgroup of 256 MB against the JVM's defaults with no limit, interleaved."""
    setting = small_host_setting(store)
    limited = {}
    try:
        CGROUP.mkdir(exist_ok=True)
        (CGROUP / "memory.limit_in_bytes").write_text(str(SMALL_HOST_MB * 1024 * 1024))
        limited = {"cgroup": str(CGROUP)}
        where = f"in a cgroup limited to {SMALL_HOST_MB} MB (memory.limit_in_bytes)"
    except OSError as error:
        where = f"with no cgroup limit ({CGROUP}: {error.strerror})"
    results = loaded({"defaults": (store, {}), "small host": (store, {"env": setting, **limited})})
    results["small host"]["oom_kills"] = oom_kills() if limited else None
    results["small host"]["peak_mb"] = int((CGROUP / "memory.max_usage_in_bytes").read_text()) / 2**20 if limited else None
    if limited:
        CGROUP.rmdir()
    return results, setting, where


def oom_kills():
    control = (CGROUP / "memory.oom_control").read_text()
    found = re.search(r"oom_kill (\d+)", control)
    return int(found.group(1)) if found else 0


def checkout(store):
    """POST /checkout (a Checkout Session) through the whole store against a stand-in, and the stand-in alone."""
    standin = WORK / "stripe-standin"
    (standin / "mappings").mkdir(parents=True)
    # Stripe's own session object (the store's test fixture), as an open elements session.
    session = json.loads((store.directory / "src/test/resources/stripe/checkout_session.json").read_text())
    session.update({"id": "cs_test_bench", "client_secret": "cs_test_bench_secret_placeholder", "ui_mode": "elements",
                    "status": "open", "payment_status": "unpaid", "amount_subtotal": 900, "amount_total": 900,
                    "metadata": {"store_id": "bench", "item_id": "item", "quantity": "1", "subtotal": "900",
                                 "currency": "usd"}})
    answer = {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": session}
    (standin / "mappings" / "checkout_sessions.json").write_text(json.dumps({"mappings": [
        {"request": {"method": "POST", "urlPathPattern": "/v1/checkout/sessions"}, "response": answer}]}))
    run(["mvn", "-B", "-q", "dependency:copy", "-Dartifact=org.wiremock:wiremock-standalone:3.13.2",
         f"-DoutputDirectory={standin}"], cwd=WORK)
    stand_in = subprocess.Popen([str(JDK17 / "bin/java"), "-jar", str(standin / "wiremock-standalone-3.13.2.jar"),
                                 "--port", "18099", "--root-dir", str(standin), "--no-request-journal",
                                 "--disable-banner"],
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
        script = WORK / "checkout.lua"
        script.write_text('wrk.method = "POST"\n'
                          f"wrk.body = {json.dumps(json.dumps({'itemId': 'item', 'quantity': 1}))}\n"
                          'wrk.headers["Content-Type"] = "application/json"\n'
                          f'wrk.headers["X-XSRF-TOKEN"] = "{token}"\n'
                          f'wrk.headers["Cookie"] = "{cookie}"\n')
        alone = WORK / "standin.lua"
        alone.write_text('wrk.method = "POST"\nwrk.body = "mode=payment&ui_mode=elements"\n'
                         'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
        url, stand_in_url = "http://127.0.0.1:18080/checkout", "http://127.0.0.1:18099/v1/checkout/sessions"
        # Warm-up: the JIT is still compiling stripe-java's request and JSON code after thousands of
        # checkouts, which shows in the p99.
        wrk(["-d10s", "-s", str(script), url], WRK_WARM)
        wrk(["-s", str(alone), stand_in_url], WRK_WARM)
        rounds = {key: [] for key in ("store 1", "store 16", "stand-in 1", "stand-in 16")}
        for _ in range(RUNS):
            rounds["store 1"].append(wrk(["-s", str(script), url], WRK_ONE))
            rounds["store 16"].append(wrk(["-s", str(script), url], WRK_SIXTEEN))
            rounds["stand-in 1"].append(wrk(["-s", str(alone), stand_in_url], WRK_ONE))
            rounds["stand-in 16"].append(wrk(["-s", str(alone), stand_in_url], WRK_SIXTEEN))
    finally:
        stop(process)
        stop(stand_in)
    results = {key: {m: median(r[m] for r in values) for m in ("rps", "p50", "p99")} for key, values in rounds.items()}
    for connections in ("1", "16"):
        store_, alone_ = results[f"store {connections}"], results[f"stand-in {connections}"]
        results[f"own {connections}"] = {"p50": store_["p50"] - alone_["p50"], "p99": store_["p99"] - alone_["p99"]}
    return results


def store_verify(apps):
    """A generated store's own ./mvnw verify (after clean), each variant interleaved; where the time goes."""
    times = {v: [] for v in VARIANTS}
    steps, classes = {}, {}
    for _ in range(VERIFY_ROUNDS):
        for variant in VARIANTS:
            store = apps[variant].directory
            seconds, output = timed(["./mvnw", "-B", "-o", *TIMESTAMPS, "clean", "verify"], cwd=store)
            times[variant].append(seconds)
            steps[variant] = maven_steps(output)
            classes[variant] = test_classes(store)
    return {v: median(t) for v, t in times.items()}, steps, classes


def test_classes(store):
    classes = []
    for report in (store / "target" / "surefire-reports").glob("TEST-*.xml"):
        suite = ElementTree.parse(report).getroot()
        classes.append((float(suite.get("time")), int(suite.get("tests")), suite.get("name").rsplit(".", 1)[-1]))
    return sorted(classes, reverse=True)


def before_stores():
    """The download and single stores of the archetype at BEFORE, with its default features: its
    sources from git archive, generated by its own build's archetype:integration-test (the way its
    test cases are) with no mvn install, so that ~/.m2 keeps this tree's archetype."""
    source, cases = WORK / "before-archetype", WORK / "before-cases"
    for directory in (source, cases):
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
    run(["git", "archive", "-o", str(WORK / "before.tar"), BEFORE], cwd=ROOT)
    run(["tar", "-xf", str(WORK / "before.tar"), "-C", str(source)])
    (WORK / "before.tar").unlink()
    for variant in BEFORE_AFTER:  # what archetype:generate in prepare() is given, and its defaults
        (cases / variant).mkdir()
        (cases / variant / "archetype.properties").write_text(
            f"groupId=com.example\nartifactId={variant}-shop\nversion=1.0-SNAPSHOT\npackage=com.example\n"
            f"variant={variant}\n")
        (cases / variant / "goal.txt").write_text("")  # generate only: no build of the store
    run(["mvn", "-B", "-q", "verify", "-Dmaven.test.skip", "-Dinvoker.skip",
         f"-Darchetype.test.projectsDirectory={cases}"], cwd=source)
    stores = {}
    for variant in BEFORE_AFTER:
        store = WORK / f"{variant}-shop-before"
        shutil.rmtree(store, ignore_errors=True)
        shutil.move(cases / variant / "project" / f"{variant}-shop", store)
        stores[variant] = store
    shutil.rmtree(cases)
    return stores


def java_lines(directory):
    """Lines (wc -l) and files of the .java files under a directory."""
    files = sorted(directory.rglob("*.java"))
    return sum(len(f.read_bytes().splitlines()) for f in files), len(files)


def contexts_started(store):
    """Spring test contexts the last verify started (the context cache's missCount, from its statistics
    at the end of CONTEXTS_LOG), the cache's size then (the distinct context configurations), and the
    Spring Boot starts logged ("Started X in N seconds", test contexts and apps a test starts itself)."""
    log_text = (store / CONTEXTS_LOG).read_text(errors="replace")
    statistics = re.findall(r"cache statistics: \[\S+ size = (\d+),.*missCount = (\d+)", log_text)
    size, misses = map(int, statistics[-1]) if statistics else (None, None)
    starts = len(re.findall(r"\bStarted \S+ in [\d.]+ seconds", log_text))
    return {"contexts": misses, "configurations": size, "boot_starts": starts}


def before_after(apps):
    """Issue 25's figures, before (BEFORE) and after (this tree), download and single store: main Java
    lines and files, test Java lines, Spring test contexts started by ./mvnw verify, and its wall time
    (clean verify, offline after one online build of each, the four stores interleaved)."""
    before = before_stores()
    stores = {f"{v} {when}": store for v in BEFORE_AFTER
              for when, store in (("before", before[v]), ("after", apps[v].directory))}
    for store in before.values():  # their dependencies may be missing from ~/.m2: fetched once, untimed
        run(["./mvnw", "-B", "-q", "verify", "-DskipTests"], cwd=store)
    env = dict(os.environ, LOGGING_FILE_NAME=CONTEXTS_LOG,
               LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_TEST_CONTEXT_CACHE="DEBUG")
    times = {name: [] for name in stores}
    figures = {}
    for _ in range(VERIFY_ROUNDS):
        for name, store in stores.items():
            seconds, _ = timed(["./mvnw", "-B", "-o", "clean", "verify"], cwd=store, env=env)
            times[name].append(seconds)
            figures.setdefault(name, []).append(contexts_started(store))
    results = {}
    for name, store in stores.items():
        main_lines, main_files = java_lines(store / "src" / "main" / "java")
        test_lines, _ = java_lines(store / "src" / "test" / "java")
        classes = test_classes(store)
        results[name] = {"main_lines": main_lines, "main_files": main_files, "test_lines": test_lines,
                         **figures[name][-1], "contexts_each_run": [f["contexts"] for f in figures[name]],
                         "tests": sum(c[1] for c in classes), "verify_s": median(times[name])}
    return results


def archetype_verify():
    """The archetype's whole mvn verify, once, in a copy of the repository; where the time goes."""
    copy = WORK / "archetype"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns("target", ".git", "stores"))
    began = time.perf_counter()
    result = subprocess.run(["mvn", "-B", *TIMESTAMPS, "verify"], cwd=copy, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - began
    if result.returncode != 0:  # still timed, and said in the report, rather than losing the whole run
        (WORK / "archetype-verify.log").write_text(result.stdout)
        log(f"the archetype's mvn verify failed: see {WORK / 'archetype-verify.log'}")
    shutil.rmtree(copy)
    return seconds, maven_steps(result.stdout), result.returncode == 0


# ---- report --------------------------------------------------------------------------------

def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory_gib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // (1024 * 1024)
    java = lambda home: subprocess.run([str(home / "bin/java"), "-version"], stderr=subprocess.PIPE,
                                       text=True).stderr.splitlines()[0]
    maven = re.sub(r"\x1b\[[0-9;]*m", "", run(["mvn", "-v"]).splitlines()[0])
    return f"{os.cpu_count()} cores ({cpu}), {memory_gib} GiB; {java(JDK17)} and {java(JDK25)}; {maven}"


def top(steps, count):
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in
                     sorted(steps.items(), key=lambda item: -item[1])[:count])


def write_report(r):
    apps, stores = r["apps"], VARIANTS
    ratio = lambda a, b: f"{a / b:.2f}x"
    gen, gen_steps = r["generation"]
    lines = ["# Benchmarks", "",
             f"Written by `python3 bench/bench.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
             f"Machine: {machine()}. Spring Boot {VERSIONS['spring-boot.version']}.",
             "",
             "The yardstick is `bench/starters`: the store's own starters (webmvc, freemarker, security with a",
             "stateless session, validation, actuator with health) and stripe-java, each at Spring Boot's",
             "defaults but for the store's FreeMarker settings (the view cache on, as in the store), serving",
             "the store's own `layout.ftlh` and `item.ftlh` with the same data (checked:",
             "the same HTML but for the content hashes of the asset names). It is what a developer would",
             "build by hand instead. `bench/bare` (webmvc + freemarker, one small page) is there for",
             f"information. Medians of {RUNS} interleaved runs; the item page under wrk `{' '.join(WRK)}`.", "",
             "## Generation (`archetype:generate`, offline, wall time)", "",
             "| archetype | median | vs quickstart 1.5 | JVM + Maven | plugin | writing files | post-generate script |",
             "|---|---|---|---|---|---|---|"]
    for name in ["quickstart", *stores]:
        s = gen_steps[name]
        label = "maven-archetype-quickstart 1.5" if name == "quickstart" else f"itemshop `{name}`"
        lines.append(f"| {label} | {gen[name]:.0f} ms | {ratio(gen[name], gen['quickstart'])} | "
                     f"{s['jvm_and_maven']:.0f} ms | {s['plugin']:.0f} ms | {s['files']:.0f} ms | {s['script']:.0f} ms |")
    lines += ["", "Target: <= 1.5x quickstart. The columns are one run's timestamped log.", "",
              "## Start-up (launch to the first 200 on the item page) and memory after start", "",
              "| app | packed jar (Java 17) | vs starters | start-fast.sh, Java 17 (AOT + CDS) | vs starters | "
              "start-fast.sh, Java 25 (AOT + AOT cache) | vs starters | RSS after start (jar) |",
              "|---|---|---|---|---|---|---|---|"]
    jar, jar_rss = r["jar"]
    fast17, fast25 = r["fast17"][0], r["fast25"][0]
    for name in apps:
        lines.append(f"| {name} | {jar[name]:.0f} ms | {ratio(jar[name], jar['starters'])} | {fast17[name]:.0f} ms | "
                     f"{ratio(fast17[name], fast17['starters'])} | {fast25[name]:.0f} ms | "
                     f"{ratio(fast25[name], fast25['starters'])} | {jar_rss[name]:.0f} MB |")
    lines += ["", "Targets: start-fast.sh on Java 25 <= 1000 ms and <= 1.10x the starters baseline started the same",
              "way; the packed jar <= 1.10x the starters baseline's packed jar.", "",
              "## Item page throughput and latency (Java 17, packed jar)", "",
              "| app | requests/s | vs starters | p50 | p99 | RSS after the load |", "|---|---|---|---|---|---|"]
    page = r["page"]
    labels = {STARTERS_DEFAULT: "starters with `spring.freemarker.cache=false` (Boot's default)",
              NO_VIEW_CACHE: "single with `spring.freemarker.cache=false` (Boot's default)"}
    for name in [*apps, STARTERS_DEFAULT, NO_VIEW_CACHE]:
        label = labels.get(name, name)
        lines.append(f"| {label} | {page[name]['rps']:.0f} | {ratio(page[name]['rps'], page['starters']['rps'])} | "
                     f"{page[name]['p50']:.2f} ms | {page[name]['p99']:.2f} ms | {page[name]['rss']:.0f} MB |")
    lines += ["", "Target: >= 0.90x the starters baseline, configured as the store is: each page's view kept once",
              "found (`spring.freemarker.cache=true`, which Spring Boot leaves off for FreeMarker), and Spring",
              "Security's default filter chain with a stateless session, its default headers and CSRF protection.",
              "What the stores do beyond it is theirs to pay for: content-hashed asset names, the canonical and",
              "link-preview addresses, the JSON-LD, the Content-Security-Policy and Referrer-Policy headers, the",
              "CSRF token's cookie repository (no cookie on this page: it carries no token), the request-body",
              "limit. The row at Boot's default shows what the view cache alone is worth.", "",
              "### Virtual threads (`spring.threads.virtual.enabled=true`, Java 25, packed jar)", "",
              "| app | threads | requests/s | p50 | p99 | RSS after the load |", "|---|---|---|---|---|---|"]
    for name, result in r["virtual"].items():
        app, threads = name.split(" ", 1)
        lines.append(f"| {app} | {threads} | {result['rps']:.0f} | {result['p50']:.2f} ms | {result['p99']:.2f} ms | "
                     f"{result['rss']:.0f} MB |")
    mem, setting, where = r["memory"]
    shown = " ".join(f'{k}="{v}"' if " " in v else f"{k}={v}" for k, v in setting.items())
    small = mem["small host"]
    lines += ["", f"## Memory: the store README's small-host setting, single store, {where}", "",
              f"Setting: `{shown}`. Against the JVM's defaults with no limit, interleaved.", "",
              "| setting | RSS after start | RSS after the load | requests/s | vs defaults | p99 | errors |",
              "|---|---|---|---|---|---|---|"]
    for name, result in mem.items():
        lines.append(f"| {name} | {result['rss_start']:.0f} MB | {result['rss']:.0f} MB | {result['rps']:.0f} | "
                     f"{ratio(result['rps'], mem['defaults']['rps'])} | {result['p99']:.2f} ms | {result['errors']} |")
    if small.get("peak_mb") is not None:
        lines += ["", f"The cgroup's peak use (memory.max_usage_in_bytes, page cache included): {small['peak_mb']:.0f} MB;"
                      f" OOM kills: {small['oom_kills']}."]
    lines += ["", "Target: RSS <= 200 MB after the load, 0 errors, >= 0.8x the defaults' throughput.", "",
              "## Checkout (`POST /checkout`: one Checkout Session, single store, WireMock stand-in answering at once)", "",
              f"wrk `{' '.join(WRK_ONE)}` and `{' '.join(WRK_SIXTEEN)}`, after a warm-up.", "",
              "| measured | connections | requests/s | p50 | p99 |", "|---|---|---|---|---|"]
    buy = r["checkout"]
    for connections in ("1", "16"):
        for key, label in (("store", "the whole checkout through the store"), ("stand-in", "the stand-in alone")):
            result = buy[f"{key} {connections}"]
            lines.append(f"| {label} | {connections} | {result['rps']:.0f} | {result['p50']:.2f} ms | {result['p99']:.2f} ms |")
        own = buy[f"own {connections}"]
        lines.append(f"| the store's own cost (checkout less the stand-in) | {connections} | | {own['p50']:.2f} ms | "
                     f"{own['p99']:.2f} ms |")
    lines += ["", "At 16 connections the store and the stand-in share this machine's 2 cores, so that row is queueing",
              "as much as work.", "",
              "## What users wait for", "",
              "| wait | median | target | where the time goes (one run's timestamped log) |", "|---|---|---|---|"]
    verify, verify_steps, verify_classes = r["store_verify"]
    for variant in stores:
        slowest = ", ".join(f"{name} {seconds:.1f} s" for seconds, _, name in verify_classes[variant][:3])
        lines.append(f"| `./mvnw verify` in a `{variant}` store ({sum(c[1] for c in verify_classes[variant])} tests) | "
                     f"{verify[variant]:.1f} s | <= 25 s | {top(verify_steps[variant], 4)}; slowest test classes: {slowest} |")
    if r["archetype_verify"]:
        seconds, steps, passed = r["archetype_verify"]
        outcome = "" if passed else " (it failed: see target/bench/archetype-verify.log)"
        lines.append(f"| the archetype's `mvn verify` (one run{outcome}) | {seconds:.0f} s | <= 300 s | {top(steps, 9)} |")
    else:
        lines.append("| the archetype's `mvn verify` | not run (`--quick`) | <= 300 s | |")
    lines.append(f"| `archetype:generate` | {max(gen[v] for v in stores):.0f} ms | <= 1.5x quickstart | see Generation |")
    lines += before_after_table(r["before_after"])
    summary = summary_line(r)
    lines += ["", "## Summary", "", "```", summary, "```", ""]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines))
    return summary


def before_after_table(figures):
    """Issue 25's table: each store before and after, side by side."""
    lines = ["", f"## Before and after issue 25 (the archetype at `{BEFORE}` and this tree)", "",
             "Each store with its default features. `./mvnw -B -o clean verify` is interleaved with the other",
             f"stores', median of {VERIFY_ROUNDS}, each logging to a file too, with Spring's test context cache",
             "statistics: its Spring test contexts are that cache's misses, which are the distinct context",
             "configurations unless one was evicted or dirtied. Lines as `wc -l` counts them, of src/main/java",
             "and src/test/java.", "",
             "| store | main Java lines | main Java files | test Java lines | tests | Spring test contexts | "
             "`./mvnw verify` |", "|---|---|---|---|---|---|---|"]
    for variant in BEFORE_AFTER:
        for when in ("before", "after"):
            f = figures[f"{variant} {when}"]
            lines.append(f"| {variant}, {when} | {f['main_lines']} | {f['main_files']} | {f['test_lines']} | "
                         f"{f['tests']} | {f['contexts']} | {f['verify_s']:.1f} s |")
    return lines


def summary_line(r):
    stores = VARIANTS
    jar, fast25 = r["jar"][0], r["fast25"][0]
    worst = max(fast25[v] for v in stores)
    values = {
        "startup_fast_ms": f"{worst:.0f}",
        "startup_fast_ratio": f"{worst / fast25['starters']:.2f}",
        "startup_jar_ratio": f"{max(jar[v] for v in stores) / jar['starters']:.2f}",
        "page_ratio": f"{min(r['page'][v]['rps'] for v in stores) / r['page']['starters']['rps']:.2f}",
        "checkout_p99_ms": f"{r['checkout']['own 16']['p99']:.2f}",
        "rss_small_mb": f"{r['memory'][0]['small host']['rss']:.0f}",
        "store_verify_s": f"{max(r['store_verify'][0].values()):.1f}",
        "archetype_verify_s": f"{r['archetype_verify'][0]:.0f}" if r["archetype_verify"] else "n/a",
        "generate_ratio": f"{max(r['generation'][0][v] for v in stores) / r['generation'][0]['quickstart']:.2f}",
    }
    return " ".join(f"{key}={value}" for key, value in values.items())


def measurements(apps):
    """Each part of the run, in order: a name and how to measure it."""
    virtual = ["--spring.threads.virtual.enabled=true"]
    return [
        ("generation", "timing archetype:generate", lambda: generation()),
        ("jar", "timing start-up from the packed jars", lambda: startup(apps, "jar")),
        ("fast17", "timing start-up with start-fast.sh on Java 17 (AOT + CDS)", lambda: startup(apps, "fast17")),
        ("fast25", "timing start-up with start-fast.sh on Java 25 (AOT + AOT cache)", lambda: startup(apps, "fast25")),
        ("page", "loading the item pages", lambda: loaded({
            **{name: (app, {}) for name, app in apps.items()},
            # The yardstick without the view cache (Spring Boot's default): what that setting is worth.
            STARTERS_DEFAULT: (apps["starters"], {"args": ["--spring.freemarker.cache=false"]}),
            # The store before it kept its views: the change measured, interleaved with the rest.
            NO_VIEW_CACHE: (apps["single"], {"args": ["--spring.freemarker.cache=false"]})})),
        ("virtual", "loading the item pages with and without virtual threads (Java 25)",
         lambda: loaded({f"{name} {threads}": (apps[name], {"java": JDK25, "args": virtual if threads == "virtual" else []})
                         for name in ("starters", "single") for threads in ("platform", "virtual")})),
        ("memory", "measuring the small-host setting", lambda: memory(apps["single"])),
        ("checkout", "loading the checkout endpoint", lambda: checkout(apps["single"])),
        ("store_verify", "timing the stores' own ./mvnw verify", lambda: store_verify(apps)),
        ("before_after", f"measuring the download and single stores before ({BEFORE}) and after issue 25",
         lambda: before_after(apps)),
        ("archetype_verify", "timing the archetype's own mvn verify", lambda: archetype_verify()),
    ]


def main():
    """python3 bench/bench.py [--quick] [--reuse] [--only part,part]: --only prints those parts' figures
    and writes no report."""
    began = time.time()
    arguments = sys.argv[1:]
    only = arguments[arguments.index("--only") + 1].split(",") if "--only" in arguments else None
    apps = prepare(reuse="--reuse" in arguments)
    r = {"apps": apps, "archetype_verify": None}
    for name, message, measure in measurements(apps):
        if (only and name not in only) or (name == "archetype_verify" and "--quick" in arguments):
            continue
        log(message)
        r[name] = measure()
        if only:
            print(name, json.dumps(r[name], indent=1, default=str))
    if only:
        return
    summary = write_report(r)
    log(f"wrote BENCHMARKS.md in {time.time() - began:.0f} s")
    print(summary)


if __name__ == "__main__":
    main()
