// A stand-in for Stripe.js, for the browser tests only: the real js.stripe.com is out of reach when
// tests run, and must never be called by them, so the tests' Chromium finds js.stripe.com and
// api.stripe.com on a server of the tests (StripeHosts), which serves this file where the store
// loads Stripe.js from, under the page's real Content-Security-Policy. It offers the part of the
// Checkout Elements SDK that checkout.js uses, with the names and result shapes of Stripe's
// published types (@stripe/stripe-js 9.17.0, checkout.d.ts), and enforces what Stripe.js enforces:
// a publishable key only, no initCheckout (dahlia has initCheckoutElementsSdk alone), confirm()
// throws unless the page read the session's total.
// The wallet (Express Checkout Element) works as Stripe's does: its button shows as soon as it is
// mounted, which can be before loadActions() resolves (a test holds the actions back with
// fakeStripe.holdActions(), as a slow network would, and lets them go with releaseActions()), and
// its confirm event (elements/express-checkout.d.ts, StripeExpressCheckoutElementConfirmEvent)
// leaves the wallet's sheet open, "Processing", until the page leaves for the receipt or calls the
// event's paymentFailed().
// What real Stripe.js sends to Stripe, this one sends to the tests' Stripe (FakeStripe) on
// https://api.stripe.com (StripeJsApi). What the page did is recorded in window.fakeStripe, and the
// methods it paid with in sessionStorage ('fakeStripe.confirmed'), which outlives the redirect.
window.fakeStripe = {
  publishableKey: null, stripeOptions: null, initOptions: null, mounted: {}, totalRead: false,
  actionsHeld: null, walletDeclines: false, walletFailures: [],
  holdActions() {
    this.actionsHeld = new Promise((resolve) => { this.releaseActions = resolve; });
  },
  releaseActions() {},
};

// The payment method behind each wallet confirm event: Stripe.js knows it, the page does not.
const walletMethods = new WeakMap();

window.Stripe = function (publishableKey, options) {
  if (typeof publishableKey !== 'string' || !publishableKey.startsWith('pk_')) {
    // Stripe.js takes the publishable key alone; a page holding another would leak it.
    throw new Error('IntegrationError: Invalid value for Stripe(): apiKey should be a publishable key (pk_...)');
  }
  window.fakeStripe.publishableKey = publishableKey;
  window.fakeStripe.stripeOptions = options || {};
  return { initCheckoutElementsSdk: checkoutElementsSdk };
};

function checkoutElementsSdk(options) {
  window.fakeStripe.initOptions = options;
  const sessionId = options.clientSecret.split('_secret_')[0];
  const onChange = [];
  let session = null;
  const loading = stripeApi(sessionId, '').then((raw) => { session = sessionOf(raw); });

  function changed(raw) {
    session = sessionOf(raw);
    onChange.forEach((handler) => handler(session));
    return session;
  }

  const actions = {
    getSession: () => session,
    async updateEmail(email) {
      if (!email) {
        return { type: 'error', error: { code: 'incompleteEmail', message: 'Your email address is incomplete.' } };
      }
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        return { type: 'error', error: { code: 'invalidEmail', message: 'Your email address is invalid.' } };
      }
      return { type: 'success', session: changed(await stripeApi(sessionId, '/email?email=' + encodeURIComponent(email))) };
    },
    async applyPromotionCode(code) {
      const answer = await stripeApi(sessionId, '/promotion-code?code=' + encodeURIComponent(code));
      if (answer.error) {
        return { type: 'error', error: { code: 'invalidCode', message: answer.error } };
      }
      return { type: 'success', session: changed(answer) };
    },
    async confirm(args = {}) {
      if (!window.fakeStripe.totalRead) {
        throw new Error('IntegrationError: confirm() was called before the page showed the total');
      }
      const wallet = args.expressCheckoutConfirmEvent;
      if (!wallet && !session.email) {
        return { type: 'error', error: { code: null, message: 'Enter your email address.' } };
      }
      const method = wallet ? walletMethods.get(wallet) : document.getElementById('fake-payment-method').value;
      if (wallet && !method) {
        throw new Error('IntegrationError: expressCheckoutConfirmEvent is not an event of this Express Checkout Element');
      }
      const confirmed = JSON.parse(sessionStorage.getItem('fakeStripe.confirmed') || '[]');
      sessionStorage.setItem('fakeStripe.confirmed', JSON.stringify(confirmed.concat(method)));
      if (method === 'card_3ds') {
        await threeDSecure();
      }
      const answer = await stripeApi(sessionId, '/confirm?method=' + method);
      if (answer.error) {
        return { type: 'error', error: { code: 'paymentFailed', message: answer.error, paymentFailed: { declineCode: 'generic_decline' } } };
      }
      // A redirecting method goes through the bank's page first, then on to the return_url.
      window.location.assign(method === 'ideal'
        ? '/test/fake-bank.html?return=' + encodeURIComponent(answer.redirect) : answer.redirect);
      return new Promise(() => {}); // the page is leaving
    },
  };

  return {
    on(event, handler) {
      if (event === 'change') {
        onChange.push(handler);
      }
    },
    loadActions: async () => {
      await loading;
      await window.fakeStripe.actionsHeld;
      return { type: 'success', actions };
    },
    createPaymentElement: () => element('payment', drawPaymentMethods),
    createExpressCheckoutElement: () => element('expressCheckout', drawWallet),
    createBillingAddressElement: () => element('billingAddress', drawAddress),
  };
}

/** The session as Stripe.js shows it to the page (StripeCheckoutSession), from Stripe's JSON. */
function sessionOf(raw) {
  const divisor = ['jpy', 'krw', 'vnd', 'clp', 'isk'].includes(raw.currency) ? 1
    : ['bhd', 'jod', 'kwd', 'omr', 'tnd'].includes(raw.currency) ? 1000 : 100;
  const money = (minor) => ({
    minorUnitsAmount: minor,
    // As Stripe.js does, in the language the page asked for with Stripe(key, { locale }).
    amount: new Intl.NumberFormat(window.fakeStripe.stripeOptions.locale || 'en-US',
      { style: 'currency', currency: raw.currency.toUpperCase() }).format(minor / divisor),
  });
  const grandTotal = money(raw.amount_total);
  const total = {
    subtotal: money(raw.amount_subtotal),
    discount: money(raw.total_details.amount_discount || 0),
    taxExclusive: money(raw.total_details.amount_tax || 0),
    taxInclusive: money(0),
    shippingRate: money(0),
    appliedBalance: money(0),
    surcharge: money(0),
    balanceAppliedToNextInvoice: false,
  };
  // Reading the total is what lets confirm() go ahead, as with Stripe.js.
  Object.defineProperty(total, 'total', {
    enumerable: true,
    get() {
      window.fakeStripe.totalRead = true;
      return grandTotal;
    },
  });
  return {
    id: raw.id,
    currency: raw.currency,
    email: raw.customer_details ? raw.customer_details.email : null,
    status: raw.status === 'complete' ? { type: 'complete', paymentStatus: raw.payment_status } : { type: raw.status },
    canConfirm: true,
    livemode: false,
    minorUnitsAmountDivisor: divisor,
    lineItems: [],
    total,
  };
}

function element(type, draw) {
  const listeners = {};
  return {
    mount(selector) {
      draw(document.querySelector(selector), listeners);
      window.fakeStripe.mounted[type] = selector;
    },
    on(event, listener) {
      listeners[event] = listener;
      return this;
    },
    destroy() {},
  };
}

// What the Payment Element would show, reduced to a choice of Stripe's test payment methods.
function drawPaymentMethods(container) {
  const label = document.createElement('label');
  label.htmlFor = 'fake-payment-method';
  label.textContent = 'Payment method (test stand-in for Stripe)';
  const choice = document.createElement('select');
  choice.id = 'fake-payment-method';
  [['card', 'Card 4242 4242 4242 4242'], ['card_3ds', 'Card 4000 0027 6000 3184 (3-D Secure)'],
    ['card_declined', 'Card 4000 0000 0000 0002 (declined)'], ['ideal', 'iDEAL (your bank\'s page)'],
    ['sepa_debit', 'SEPA Direct Debit (clears in days)']].forEach(([value, text]) => {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = text;
    choice.appendChild(option);
  });
  container.append(label, choice);
}

// The wallet's button. A click opens the wallet's sheet and, the buyer having authorized at once,
// fires the confirm event. The wallet's card pays, or is declined once a test sets
// fakeStripe.walletDeclines.
function drawWallet(container, listeners) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'fake-wallet';
  button.textContent = 'Pay with a wallet (test stand-in)';
  button.addEventListener('click', () => listeners.confirm(
    walletConfirmEvent(window.fakeStripe.walletDeclines ? 'wallet_declined' : 'wallet')));
  container.appendChild(button);
}

function walletConfirmEvent(method) {
  const sheet = document.getElementById('fake-wallet-sheet') || document.createElement('div');
  sheet.id = 'fake-wallet-sheet';
  sheet.textContent = 'Wallet: Processing\u2026';
  document.body.appendChild(sheet);
  const event = {
    elementType: 'expressCheckout',
    expressPaymentType: 'google_pay',
    paymentFailed(payload) {
      window.fakeStripe.walletFailures.push(payload || {});
      sheet.textContent = 'Wallet: Payment not completed' + (payload && payload.message ? ': ' + payload.message : '');
    },
  };
  walletMethods.set(event, method);
  return event;
}

function drawAddress(container) {
  const label = document.createElement('label');
  label.htmlFor = 'fake-country';
  label.textContent = 'Country (test stand-in)';
  const country = document.createElement('input');
  country.id = 'fake-country';
  country.value = 'NL';
  container.append(label, country);
}

// 3-D Secure: the bank's challenge over the page, which the test passes by clicking.
function threeDSecure() {
  return new Promise((resolve) => {
    const challenge = document.createElement('div');
    challenge.id = 'fake-3ds';
    const pass = document.createElement('button');
    pass.type = 'button';
    pass.id = 'fake-3ds-complete';
    pass.textContent = 'Complete authentication';
    pass.addEventListener('click', () => {
      challenge.remove();
      resolve();
    });
    challenge.appendChild(pass);
    document.body.appendChild(challenge);
  });
}

async function stripeApi(sessionId, path) {
  const response = await fetch('https://api.stripe.com/test/stripe/sessions/' + sessionId + path, {
    headers: { Authorization: 'Bearer ' + window.fakeStripe.publishableKey },
  });
  return response.json();
}
