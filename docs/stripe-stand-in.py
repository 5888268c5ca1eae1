#!/usr/bin/env python3
"""A test double of Stripe's API for docs/lighthouse.sh and the scale test (src/test/scale), so that
they can reach the pages that need a purchase: the receipt, with its download link in the download
variant. Stripe's API is not reached; the store is pointed here with --stripe.api-base. Every id
below is a placeholder.

Usage: stripe-stand-in.py PORT FIXTURES_DIR STORE_ID ITEM_ID SUBTOTAL CURRENCY
  FIXTURES_DIR holds the store's Stripe fixtures (src/test/resources/stripe of a generated store).
  GET  /v1/checkout/sessions/cs_test_paid...         a complete, paid session of the store's, one
                                                     ITEM_ID for SUBTOTAL (minor units), with its
                                                     payment and latest charge (as the store expands them)
  GET  /v1/checkout/sessions/cs_test_unavailable...  503, as when Stripe has a fault (not to be retried)
  POST /v1/checkout/sessions                         opens a session as the store's checkout asks
                                                     (its line item, metadata and return_url)
  POST /stand-in/pay/<id>                            the buyer pays it (not Stripe's API: the test's
                                                     hand); answers the session, as a webhook carries it
  POST /v1/checkout/sessions/<id>                    merges the form's metadata[...] (the receipt
                                                     marks a purchase fulfilled), answers the session
  anything else                                      404 resource_missing, as Stripe answers
"""
import json
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

port, fixtures, store_id, item_id, subtotal, currency = sys.argv[1:7]
fixtures, subtotal = Path(fixtures), int(subtotal)
sessions = {}
lock = threading.Lock()


def fixture(name):
    return json.loads((fixtures / name).read_text())


def paid_session(session_id, amount=subtotal, metadata=None):
    """Shaped as the store's StripeStub.paidSession shapes it for its tests."""
    suffix = session_id[len('cs_test_'):][:24]
    charge = fixture('charge.json') | {'id': 'ch_' + suffix, 'payment_intent': 'pi_' + suffix, 'amount': amount,
                                       'amount_refunded': 0, 'refunded': False, 'disputed': False, 'currency': currency}
    payment = fixture('payment_intent.json') | {'id': 'pi_' + suffix, 'status': 'succeeded', 'amount': amount,
                                                'amount_received': amount, 'currency': currency, 'client_secret': None,
                                                'last_payment_error': None, 'next_action': None, 'metadata': {},
                                                'latest_charge': charge}
    session = fixture('checkout_session.json') | {
        'id': session_id, 'status': 'complete', 'payment_status': 'paid', 'ui_mode': 'elements',
        'currency': currency, 'amount_subtotal': amount, 'amount_total': amount, 'client_secret': None,
        'return_url': 'http://localhost/receipt/{CHECKOUT_SESSION_ID}', 'url': None, 'success_url': None,
        'cancel_url': None, 'currency_conversion': None, 'shipping_cost': None,
        'total_details': {'amount_discount': 0, 'amount_shipping': 0, 'amount_tax': 0},
        'metadata': metadata or {'store_id': store_id, 'item_id': item_id, 'quantity': '1', 'subtotal': str(amount),
                                 'currency': currency},
        'payment_intent': payment}
    session['customer_details'] = session['customer_details'] | {'email': 'shopper@example.com'}
    return session


def opened_session(form):
    """A session as POST /v1/checkout/sessions opens it: unpaid, with the store's line item and metadata."""
    fields = dict(parse_qsl(form))
    amount = int(fields.get('line_items[0][price_data][unit_amount]', subtotal)) * int(
        fields.get('line_items[0][quantity]', 1))
    session_id = 'cs_test_' + secrets.token_hex(24)
    metadata = {key[len('metadata['):-1]: value for key, value in fields.items()
                if key.startswith('metadata[') and key.endswith(']')}
    return paid_session(session_id, amount, metadata) | {
        'status': 'open', 'payment_status': 'unpaid', 'payment_intent': None,
        'client_secret': session_id + '_secret_' + secrets.token_hex(12), 'return_url': fields.get('return_url')}


class StandIn(BaseHTTPRequestHandler):

    def do_GET(self):
        session_id = self.session_id()
        with lock:
            # A copy: the store's POSTs may change the session while this answer is written.
            known = json.loads(json.dumps(sessions[session_id])) if session_id in sessions else None
        if known is not None:
            self.answer(200, known)
        elif session_id and session_id.startswith('cs_test_paid'):
            with lock:
                self.answer(200, sessions.setdefault(session_id, paid_session(session_id)))
        elif session_id and session_id.startswith('cs_test_unavailable'):
            self.answer(503, error('api_error', None, 'A stand-in for a fault at Stripe'), {'Stripe-Should-Retry': 'false'})
        else:
            self.answer(404, error('invalid_request_error', 'resource_missing', 'No such checkout.session'))

    def do_POST(self):
        form = self.rfile.read(int(self.headers.get('Content-Length', 0))).decode()
        if self.path.split('?')[0] == '/v1/checkout/sessions':
            session = opened_session(form)
            with lock:
                sessions[session['id']] = session
            return self.answer(200, session)
        if self.path.startswith('/stand-in/pay/'):
            return self.pay(self.path[len('/stand-in/pay/'):])
        session_id = self.session_id()
        with lock:
            if session_id not in sessions:
                return self.answer(404, error('invalid_request_error', 'resource_missing', 'No such checkout.session'))
            for key, value in parse_qsl(form):
                if key.startswith('metadata[') and key.endswith(']'):
                    sessions[session_id]['metadata'][key[len('metadata['):-1]] = value
            self.answer(200, sessions[session_id])

    def pay(self, session_id):
        with lock:
            opened = sessions.get(session_id)
            if opened is None:
                return self.answer(404, error('invalid_request_error', 'resource_missing', 'No such checkout.session'))
            paid = paid_session(session_id, opened['amount_total'], opened['metadata']) | {
                'return_url': opened['return_url']}
            sessions[session_id] = paid
            self.answer(200, paid)

    def session_id(self):
        path = self.path.split('?')[0]
        prefix = '/v1/checkout/sessions/'
        return path[len(prefix):] if path.startswith(prefix) else None

    def answer(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass


def error(type, code, message):
    return {'error': {'type': type, 'code': code, 'message': message}}


ThreadingHTTPServer(('127.0.0.1', int(port)), StandIn).serve_forever()
