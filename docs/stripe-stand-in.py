#!/usr/bin/env python3
"""A test double of Stripe's API for docs/lighthouse.sh, so that it can measure the pages that need
a purchase: the receipt, with its download link in the download variant. Stripe's API is not
reached; the store is pointed here with --stripe.api-base. Every id below is a placeholder.

Usage: stripe-stand-in.py PORT FIXTURES_DIR STORE_ID ITEM_ID SUBTOTAL CURRENCY
  FIXTURES_DIR holds the store's Stripe fixtures (src/test/resources/stripe of a generated store).
  GET  /v1/checkout/sessions/cs_test_paid...         a complete, paid session of the store's, one
                                                     ITEM_ID for SUBTOTAL (minor units), with its
                                                     payment and latest charge (as the store expands them)
  GET  /v1/checkout/sessions/cs_test_unavailable...  503, as when Stripe has a fault (not to be retried)
  POST /v1/checkout/sessions/<paid id>               merges the form's metadata[...] (the receipt
                                                     marks a purchase fulfilled), answers the session
  anything else                                      404 resource_missing, as Stripe answers
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

port, fixtures, store_id, item_id, subtotal, currency = sys.argv[1:7]
fixtures, subtotal = Path(fixtures), int(subtotal)
sessions = {}


def fixture(name):
    return json.loads((fixtures / name).read_text())


def paid_session(session_id):
    """Shaped as the store's StripeStub.paidSession shapes it for its tests."""
    suffix = session_id[len('cs_test_'):][:24]
    charge = fixture('charge.json') | {'id': 'ch_' + suffix, 'payment_intent': 'pi_' + suffix, 'amount': subtotal,
                                       'amount_refunded': 0, 'refunded': False, 'disputed': False, 'currency': currency}
    payment = fixture('payment_intent.json') | {'id': 'pi_' + suffix, 'status': 'succeeded', 'amount': subtotal,
                                                'amount_received': subtotal, 'currency': currency, 'client_secret': None,
                                                'last_payment_error': None, 'next_action': None, 'metadata': {},
                                                'latest_charge': charge}
    session = fixture('checkout_session.json') | {
        'id': session_id, 'status': 'complete', 'payment_status': 'paid', 'ui_mode': 'elements',
        'currency': currency, 'amount_subtotal': subtotal, 'amount_total': subtotal, 'client_secret': None,
        'return_url': 'http://localhost/receipt/{CHECKOUT_SESSION_ID}', 'url': None, 'success_url': None,
        'cancel_url': None, 'currency_conversion': None, 'shipping_cost': None,
        'total_details': {'amount_discount': 0, 'amount_shipping': 0, 'amount_tax': 0},
        'metadata': {'store_id': store_id, 'item_id': item_id, 'quantity': '1', 'subtotal': str(subtotal),
                     'currency': currency},
        'payment_intent': payment}
    session['customer_details'] = session['customer_details'] | {'email': 'shopper@example.com'}
    return session


class StandIn(BaseHTTPRequestHandler):

    def do_GET(self):
        session_id = self.session_id()
        if session_id and session_id.startswith('cs_test_paid'):
            self.answer(200, sessions.setdefault(session_id, paid_session(session_id)))
        elif session_id and session_id.startswith('cs_test_unavailable'):
            self.answer(503, error('api_error', None, 'A stand-in for a fault at Stripe'), {'Stripe-Should-Retry': 'false'})
        else:
            self.answer(404, error('invalid_request_error', 'resource_missing', 'No such checkout.session'))

    def do_POST(self):
        session_id = self.session_id()
        form = self.rfile.read(int(self.headers.get('Content-Length', 0))).decode()
        if session_id not in sessions:
            return self.answer(404, error('invalid_request_error', 'resource_missing', 'No such checkout.session'))
        for key, value in parse_qsl(form):
            if key.startswith('metadata[') and key.endswith(']'):
                sessions[session_id]['metadata'][key[len('metadata['):-1]] = value
        self.answer(200, sessions[session_id])

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
