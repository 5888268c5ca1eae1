#!/usr/bin/env python3
"""The scale test of issue 15: a generated store, several instances behind nginx, one stand-in Stripe.

Usage: scale-test.py STORE_DIR [--instances 3] [--purchases 600] [--concurrency 16]

STORE_DIR is a generated store, built (target/<name>.jar). The test starts, on 127.0.0.1 only:
docs/stripe-stand-in.py (Stripe's API), redis-server when the store has Redis (sharedState=redis),
the store's instances, and nginx with the store's own site (deploy/nginx/store.conf), the upstream
and the ports changed to these. Then, printing figures as it goes:

  purchases   each opens a checkout through nginx, is paid at the stand-in, and has its receipt
              opened on one instance while Stripe's webhook lands on another, at once: every paid
              session must reach postPurchase exactly once, none lost;
  attacker    one client's checkouts spread over the instances: refused at the one shared limit;
  redis       Redis stopped mid-run and started again: no purchase lost, no shopper error;
  kill        one instance killed mid-run: nginx routes around it, nothing lost. With Redis, a
              purchase the killed instance was fulfilling keeps its claim until the claim lapses
              (fulfilment/Fulfilment's FULFILMENT_TIME), and its receipt and webhook wait for it
              meanwhile: the test lets such claims lapse at once, as time would, delivers the event
              again, as Stripe would, and counts them apart (each must then be fulfilled once).

Every checkout also sends X-Forwarded-Host and X-Forwarded-Port of its own, which must not reach
the return_url Stripe is given (store.base-url, https://<the site's server_name>), and a request
for another host name must get no answer from nginx.

It stops everything it started, exits 1 on any failure, and prints one line of key=value figures last.
"""
import argparse
import glob
import hashlib
import hmac
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
WEBHOOK_SECRET = 'whsec_placeholder_for_the_scale_test'
POST_PURCHASE = re.compile(r'Purchase (cs_test_[A-Za-z0-9]+): ')
SITE_HOST = 'shop.example.com'  # the site's server_name, read from store.conf in main()


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def wait_for(port, path='/actuator/health/readiness', seconds=180):
    # Generous: an instance starts in seconds on a quiet machine, but a busy 2-core one took over 60.
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            status, _, _ = request(port, 'GET', path)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f'nothing answered on port {port} within {seconds} s')


def request(port, method, path, body=None, headers=None, source='127.0.0.1'):
    """One request, for the site's host name: nginx answers no other (the instances take any)."""
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=20, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers={'Host': SITE_HOST} | (headers or {}))
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


class Shopper:
    """One buyer's browser: its own address and the store's CSRF cookie. Each buyer connects from an
    address of its own on the loopback network (127.0.0.2...), which nginx passes on as the client's."""

    def __init__(self, port, address):
        self.port, self.address, self.cookie = port, address, None

    def send(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookie:
            headers['Cookie'] = self.cookie
        try:
            status, answer_headers, data = request(self.port, method, path, body, headers, self.address)
        except (OSError, http.client.HTTPException):
            return 'no answer', b''  # the instance died while answering
        for name, value in answer_headers:
            if name.lower() == 'set-cookie':
                self.cookie = value.split(';')[0]
        return status, data

    def open_checkout(self, item_id):
        status, data = self.send('GET', '/csrf-token', headers={'Accept': 'application/json'})
        if status != 200:
            return status, None
        token = json.loads(data)
        # Headers a client may send to choose the host of the links the store e-mails: in vain.
        status, data = self.send('POST', '/checkout', json.dumps({'itemId': item_id, 'quantity': 1}),
                                 {'Content-Type': 'application/json', 'Accept': 'application/json',
                                  token['headerName']: token['token'], 'X-Forwarded-Host': 'evil.test',
                                  'X-Forwarded-Port': '666'})
        if status != 200:
            return status, None
        return status, json.loads(data)['clientSecret'].split('_secret_')[0]


class Run:
    """Everything the test started, stopped however it ends."""

    def __init__(self, store):
        self.store = store
        self.work = Path(tempfile.mkdtemp(prefix='scale-test-'))
        self.processes = {}

    def start(self, name, command, **options):
        log = open(self.work / f'{name}.log', 'w')
        self.processes[name] = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                                start_new_session=True, **options)
        return self.processes[name]

    def stop(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            os.killpg(process.pid, sig)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:  # a graceful stop on a busy machine: stop it at once
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)

    def stop_all(self):
        for name in list(self.processes):
            self.stop(name)

    def log(self, name):
        return (self.work / f'{name}.log').read_text(errors='replace')


def setting(yml, pattern, default):
    found = re.search(pattern, yml, re.M)
    return found.group(1) if found else default


def signed_event(session):
    event = json.loads((ROOT / 'src/main/resources/archetype-resources/src/test/resources/stripe/event.json')
                       .read_text())
    event.update({'id': 'evt_' + session['id'][len('cs_test_'):][:24], 'type': 'checkout.session.completed'})
    event['data']['object'] = session
    body = json.dumps(event)
    timestamp = int(time.time())
    mac = hmac.new(WEBHOOK_SECRET.encode(), f'{timestamp}.{body}'.encode(), hashlib.sha256).hexdigest()
    return body, {'Content-Type': 'application/json', 'Stripe-Signature': f't={timestamp},v1={mac}'}


def deliver(port, session, attempts=5):
    """Stripe's webhook: delivered again, later, until the store answers 2xx."""
    body, headers = signed_event(session)
    for attempt in range(attempts):
        try:
            status, _, _ = request(port, 'POST', '/stripe/webhook', body, headers)
            if 200 <= status < 300:
                return status
        except OSError:
            status = 'no answer'
        time.sleep(0.2 * (attempt + 1))
    return status


def redis_call(port, *words):
    """One Redis command (RESP), its raw answer."""
    command = f'*{len(words)}\r\n'.encode() + b''.join(
        f'${len(w.encode())}\r\n{w}\r\n'.encode() for w in words)
    with socket.create_connection(('127.0.0.1', port), timeout=5) as connection:
        connection.sendall(command)
        return connection.recv(4096)


def nginx_site(store, upstream_ports, port):
    """The store's own nginx site (deploy/nginx/store.conf), its upstream these instances, as it
    is but for TLS: the shoppers here speak plain HTTP to one loopback listener."""
    site = store / 'deploy/nginx/store.conf'
    text = site.read_text()
    first = re.search(r'^([ \t]*)server\s+127\.0\.0\.1:8080(.*);', text, re.M)
    if first is None:
        raise SystemExit(f'{site}: no "server 127.0.0.1:8080" line in its upstream to point at the instances')
    servers = '\n'.join(f'{first.group(1)}server 127.0.0.1:{p}{first.group(2)};' for p in upstream_ports)
    text = text[:first.start()] + servers + text[first.end():]
    text = re.sub(r'^\s*server\s*\{[^{}]*return 301[^{}]*\}', '', text, flags=re.M)  # the HTTP->HTTPS one
    text = re.sub(r'^\s*listen\s+(\[::\]|80\b)[^;]*;', '', text, flags=re.M)
    # The server refusing other host names stays the default one.
    text = re.sub(r'^(\s*)listen\s+443[^;]*?( default_server)?;', rf'\g<1>listen 127.0.0.1:{port}\g<2>;', text, flags=re.M)
    return re.sub(r'^\s*ssl_\w+[^;]*;', '', text, flags=re.M)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('store', type=Path)
    parser.add_argument('--instances', type=int, default=3)
    parser.add_argument('--purchases', type=int, default=600)
    parser.add_argument('--concurrency', type=int, default=16)
    args = parser.parse_args()
    store = args.store.resolve()
    jars = [j for j in glob.glob(str(store / 'target/*.jar')) if not j.endswith('-plain.jar')]
    if not jars:
        raise SystemExit(f'{store}/target holds no jar: build the store first (./mvnw package)')
    yml = (store / 'src/main/resources/application.yml').read_text()
    store_id = setting(yml, r"^  id: '?([^'\n]+)'?$", 'store')
    item_id = setting(yml, r'^    - id: (\S+)', 'item')
    limit = int(setting(yml, r'^  checkout-per-client:\n    attempts: (\d+)', '10'))
    redis = 'spring-boot-starter-data-redis' in (store / 'pom.xml').read_text()
    global SITE_HOST
    SITE_HOST = setting((store / 'deploy/nginx/store.conf').read_text(), r'^\s*server_name\s+([^_\s;]+);', SITE_HOST)
    base_url = f'https://{SITE_HOST}'
    run = Run(store)
    failures = []
    figures = {}
    started = time.time()
    try:
        stripe_port = free_port()
        run.start('stripe', [sys.executable, str(ROOT / 'docs/stripe-stand-in.py'), str(stripe_port),
                             str(store / 'src/test/resources/stripe'), store_id, item_id, '0', 'usd'])
        redis_port = free_port()
        redis_command = ['redis-server', '--port', str(redis_port), '--bind', '127.0.0.1', '--save', '',
                         '--appendonly', 'no']
        if redis:
            run.start('redis', redis_command)
        ports = [free_port() for _ in range(args.instances)]
        env = dict(os.environ, STRIPE_PUBLISHABLE_KEY='pk_test_placeholder', STRIPE_SECRET_KEY='sk_test_placeholder',
                   STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET)
        for n, port in enumerate(ports):
            run.start(f'store-{n}', ['java', '-Xmx128m', '-XX:+UseSerialGC', '-jar', jars[0],
                                     f'--server.port={port}', f'--stripe.api-base=http://127.0.0.1:{stripe_port}',
                                     '--server.forward-headers-strategy=native', f'--store.base-url={base_url}',
                                     # The shoppers are many addresses, but all at once: the store-wide
                                     # ceiling would turn them away (it has its own tests).
                                     '--rate-limits.checkout-all-clients.attempts=1000000',
                                     f'--spring.data.redis.port={redis_port}'], env=env)
        nginx_port = free_port()
        (run.work / 'nginx-temp').mkdir()
        (run.work / 'store.conf').write_text(nginx_site(store, ports, nginx_port))
        (run.work / 'nginx.conf').write_text(
            f'worker_processes 1;\npid {run.work}/nginx.pid;\nerror_log {run.work}/nginx-error.log;\n'
            f'events {{}}\nhttp {{\n  access_log off;\n  client_body_temp_path {run.work}/nginx-temp;\n'
            f'  proxy_temp_path {run.work}/nginx-temp;\n  include {run.work}/store.conf;\n}}\n')
        nginx = shutil.which('nginx') or '/usr/sbin/nginx'  # root's PATH has /usr/sbin; others' may not
        run.start('nginx', [nginx, '-p', str(run.work), '-c', str(run.work / 'nginx.conf'), '-g', 'daemon off;'])
        for port in ports:
            wait_for(port)
        wait_for(nginx_port)
        print(f'started: stand-in Stripe, {"redis, " if redis else ""}{len(ports)} instances, nginx '
              f'in {time.time() - started:.1f} s', flush=True)

        def buy(i, via_nginx_only=False):
            shopper = Shopper(nginx_port, f'127.0.{i // 250 % 250 + 1}.{i % 250 + 2}')
            retried = 0
            status, session_id = shopper.open_checkout(item_id)
            if status in (502, 'no answer'):  # the instance died with the request: checkout.js says
                retried += 1                    # so (nothing was charged), and the shopper tries again
                status, session_id = shopper.open_checkout(item_id)
            if session_id is None:
                return {'checkout': status, 'retried': retried}
            _, _, paid = request(stripe_port, 'POST', f'/stand-in/pay/{session_id}')
            session = json.loads(paid)
            receipt_port = nginx_port if via_nginx_only else ports[i % len(ports)]
            webhook_port = nginx_port if via_nginx_only else ports[(i + 1) % len(ports)]
            outcome = {'checkout': status, 'id': session_id, 'retried': retried,
                       'return_url': session.get('return_url')}
            paid_sessions[session_id] = session
            webhook = threading.Thread(target=lambda: outcome.update(webhook=deliver(webhook_port, session)))
            webhook.start()
            receipt, _ = Shopper(receipt_port, shopper.address).send('GET', f'/receipt/{session_id}')
            if receipt in (502, 'no answer'):  # the same: a reload shows the receipt
                outcome['retried'] += 1
                receipt, _ = Shopper(receipt_port, shopper.address).send('GET', f'/receipt/{session_id}')
            webhook.join()
            outcome['receipt'] = receipt
            return outcome

        paid_sessions = {}

        def lapse_claims_of_the_killed_instance(outcomes):
            """Purchases whose claim the killed instance left in Redis: the claim lapses (at once here,
            rather than after FULFILMENT_TIME), Stripe delivers the event again, and the shopper
            reloads the receipt. Answers the ids the killed instance had already run postPurchase
            for before it died (its log says so): Stripe's retry runs it again, the one case in which
            a Redis store fulfils twice (postPurchase is documented as called at least once)."""
            settle()
            killed_log = run.log(f'store-{len(ports) - 1}')
            stranded = [o for o in outcomes if 'id' in o
                        and redis_call(redis_port, 'GET', f'fulfilment:{o["id"]}') == b'$10\r\nfulfilling\r\n']
            ran_before_dying = {o['id'] for o in stranded if o['id'] in POST_PURCHASE.findall(killed_log)}
            for outcome in stranded:
                redis_call(redis_port, 'DEL', f'fulfilment:{outcome["id"]}')
                outcome['webhook'] = deliver(nginx_port, paid_sessions[outcome['id']])
                outcome['receipt'] = Shopper(nginx_port, '127.0.0.1').send('GET', f'/receipt/{outcome["id"]}')[0]
            figures['instance_killed_claims_lapsed'] = len(stranded)
            figures['instance_killed_postpurchase_before_dying'] = len(ran_before_dying)
            print(f'instance_killed: {len(stranded)} purchases the killed instance was fulfilling waited for its '
                  f'claim to lapse (their receipt and webhook meanwhile), then Stripe\'s retry fulfilled them; '
                  f'for {len(ran_before_dying)} of them it had run postPurchase before it died, so it ran again',
                  flush=True)
            return ran_before_dying

        def fulfilled():
            counts = {}
            for n in range(len(ports)):
                for session_id in POST_PURCHASE.findall(run.log(f'store-{n}')):
                    counts[session_id] = counts.get(session_id, 0) + 1
            return counts

        def settle():
            time.sleep(1.5)  # a fulfilment in flight when the last answer came writes its log line

        def check(name, outcomes, exactly_once, twice_expected=frozenset()):
            settle()
            counts = fulfilled()
            ids = [o['id'] for o in outcomes if 'id' in o]
            errors = [o for o in outcomes if o.get('checkout') != 200 or o.get('receipt') != 200
                      or o.get('webhook') not in (200, 204)
                      or o.get('return_url') != f'{base_url}/receipt/{{CHECKOUT_SESSION_ID}}']
            lost = [i for i in ids if counts.get(i, 0) == 0]
            twice = [i for i in ids if counts.get(i, 0) > (2 if i in twice_expected else 1)]
            retried = sum(o.get('retried', 0) for o in outcomes)
            figures.update({f'{name}_purchases': len(ids), f'{name}_shopper_errors': len(errors),
                            f'{name}_retried': retried, f'{name}_lost': len(lost), f'{name}_fulfilled_twice': len(twice)})
            again = [i for i in ids if i in twice_expected and counts.get(i, 0) == 2]
            print(f'{name}: {len(ids)} paid, postPurchase once for {len(ids) - len(lost) - len(twice) - len(again)}, '
                  f'{f"twice as said above for {len(again)}, " if again else ""}'
                  f'twice or more for {len(twice)}, never for {len(lost)}; shopper errors {len(errors)} '
                  f'(after {retried} retries of a page the dying instance dropped)', flush=True)
            if lost or errors:
                failures.append(f'{name}: {len(lost)} lost, {len(errors)} errors (first: {errors[:1]})')
            if exactly_once and twice:
                failures.append(f'{name}: {len(twice)} paid sessions reached postPurchase more than once')

        # 0. Another host name: nginx closes the connection without an answer (444).
        foreign = Shopper(nginx_port, '127.0.0.1').send('GET', '/', headers={'Host': 'evil.test'})[0]
        figures['other_host_answered'] = int(foreign != 'no answer')
        print(f'other host name: {"no answer" if foreign == "no answer" else foreign}', flush=True)
        if foreign != 'no answer':
            failures.append(f'nginx answered a request for another host name: {foreign}')

        # 1. Many purchases, receipt and webhook on different instances at the same moment.
        t = time.time()
        with ThreadPoolExecutor(args.concurrency) as pool:
            outcomes = list(pool.map(buy, range(args.purchases)))
        figures['purchases_per_s'] = round(args.purchases / (time.time() - t), 1)
        check('purchases', outcomes, exactly_once=redis)

        # 2. One client's checkouts spread over every instance by nginx's round-robin.
        def attack(address):
            attacker = Shopper(nginx_port, address)
            return sum(1 for _ in range(limit * len(ports) + 3) if attacker.open_checkout(item_id)[0] == 200)

        accepted = attack('127.255.0.66')
        figures.update({'attacker_accepted': accepted, 'limit_per_client': limit})
        print(f'attacker: {accepted} checkouts let through of {limit * len(ports) + 3} tried, the limit being '
              f'{limit} per client', flush=True)
        if redis and accepted != limit:
            failures.append(f'attacker: {accepted} let through, not the shared limit of {limit}')

        # 3. Redis stopped mid-run, then started again.
        if redis:
            batch = max(30, args.purchases // 10)
            with ThreadPoolExecutor(args.concurrency) as pool:
                first = [pool.submit(buy, 10_000 + i) for i in range(batch)]
                time.sleep(0.5)
                run.stop('redis')
                during = [pool.submit(buy, 20_000 + i) for i in range(batch)]
                outcomes = [f.result() for f in first + during]
                run.start('redis', redis_command)
                time.sleep(1)
                after = [pool.submit(buy, 30_000 + i) for i in range(batch)]
                outcomes += [f.result() for f in after]
            check('redis_restart', outcomes, exactly_once=False)
            accepted = attack('127.255.0.77')
            figures['attacker_accepted_after_redis_restart'] = accepted
            if accepted != limit:
                failures.append(f'after Redis came back: {accepted} let through, not the shared limit of {limit}')

        # 4. One instance killed while shoppers buy through nginx (receipts and webhooks too).
        batch = max(30, args.purchases // 10)
        with ThreadPoolExecutor(args.concurrency) as pool:
            first = [pool.submit(buy, 40_000 + i, True) for i in range(batch)]
            time.sleep(0.5)
            run.stop(f'store-{len(ports) - 1}', signal.SIGKILL)
            rest = [pool.submit(buy, 50_000 + i, True) for i in range(batch)]
            outcomes = [f.result() for f in first + rest]
        ran_before_dying = lapse_claims_of_the_killed_instance(outcomes) if redis else frozenset()
        check('instance_killed', outcomes, exactly_once=redis, twice_expected=ran_before_dying)
    finally:
        run.stop_all()
        figures['elapsed_s'] = round(time.time() - started, 1)
        if failures:
            print(f'logs kept in {run.work}', flush=True)
        else:
            shutil.rmtree(run.work, ignore_errors=True)
    for failure in failures:
        print('FAILED ' + failure)
    print(' '.join(f'{key}={value}' for key, value in figures.items()))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
