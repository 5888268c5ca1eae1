// A stand-in for Stripe.js, for the browser tests only. Their Chromium loads it from where the
// store loads Stripe.js, https://js.stripe.com/dahlia/stripe.js, and it calls
// https://api.stripe.com as Stripe.js does: the tests resolve both hosts to a local HTTPS server of
// theirs (StripeHosts.java), so the page's Content-Security-Policy applies as with Stripe. The API
// answers from the running test's FakeStripe (StripeJsApi.java). The demo (./mvnw spring-boot:test-run)
// loads it from the store itself, /test/fake-stripe.js, as no one can point a visitor's browser's
// js.stripe.com elsewhere: then it calls the store's /demo/stripe-api instead (demo/StripeJsApiController.java).
// It offers the part of the Checkout Elements SDK that checkout.js uses, typed in the JSDoc below
// as Stripe's published types (@stripe/stripe-js 9.17.0, checkout.d.ts: the archetype's build
// checks it), and refuses what Stripe.js refuses:
// - a key that is not a publishable one (pk_...), and initCheckout, which dahlia does not have;
// - confirm() before the page has read the amount of the session's total (total.total.amount);
// - confirm() while the session needs a billing address (automatic tax) it does not have yet.
// It fails where Stripe.js can fail, some on a test's word: loadActions() (fakeStripe.failLoadActions),
// a promotion code (invalidCode for a code Stripe does not know; code null for other refusals,
// fakeStripe.refusePromotionCodes), a declined payment (paymentFailed, with the bank's declineCode).
// The wallet (Express Checkout Element) works as Stripe's does: its button shows as soon as it is
// mounted, which can be before loadActions() resolves (fakeStripe.holdActions() holds the actions
// back, as a slow network would; releaseActions() lets them go), and its confirm event leaves the
// wallet's sheet open, "Processing", until the page leaves for the receipt or calls the event's
// paymentFailed(). A sheet still waiting after a declined payment logs an error, as the wallet
// would time out: the page must tell it.
// What the page did is recorded in window.fakeStripe, and the methods it paid with in
// sessionStorage ('fakeStripe.confirmed'), which outlives the redirect.
const fakeStripe = {
  /** @type {string | null} */ publishableKey: null,
  /** @type {StripeConstructorOptions} */ stripeOptions: {},
  /** @type {StripeCheckoutElementsSdkOptions | null} */ initOptions: null,
  /** @type {Record<string, string>} */ mounted: {},
  totalRead: false,
  /** @type {Promise<void> | null} */ actionsHeld: null,
  walletDeclines: false,
  /** @type {Array<{reason?: string, message?: string}>} */ walletFailures: [],
  /** @type {string | null} */ loadActionsError: null,
  /** @type {string | null} */ promotionCodeRefusal: null,
  holdActions() {
    this.actionsHeld = new Promise((resolve) => { this.releaseActions = resolve; });
  },
  releaseActions() {},
  /** loadActions() fails with this message, as when Stripe cannot be reached. */
  failLoadActions(/** @type {string} */ message) {
    this.loadActionsError = message;
  },
  /** Promotion codes are refused with this message (code null), as an expired one is. */
  refusePromotionCodes(/** @type {string} */ message) {
    this.promotionCodeRefusal = message;
  },
};
/** @type {any} */ (window).fakeStripe = fakeStripe;

// Where Stripe's API is for this script: api.stripe.com when loaded from js.stripe.com, as
// Stripe.js is; otherwise the demo's stand-in on the same site as the page.
const scriptUrl = new URL(/** @type {HTMLScriptElement} */ (document.currentScript).src);
const stripeApiBase = scriptUrl.hostname === 'js.stripe.com' ? 'https://api.stripe.com' : scriptUrl.origin + '/demo/stripe-api';

// How long a wallet's sheet waits for the page after a declined payment before it gives up.
const WALLET_TIMEOUT_MS = 2000;

// The payment method behind each wallet confirm event: Stripe.js knows it, the page does not.
/** @type {WeakMap<StripeExpressCheckoutElementConfirmEvent, string>} */
const walletMethods = new WeakMap();

// The stand-in offers only what the store uses (FakeStripeJs), not the whole of Stripe.js.
/** @type {any} */ (window).Stripe = stripeJs;

/**
 * @param {string} publishableKey
 * @param {StripeConstructorOptions} [options]
 * @returns {FakeStripeJs}
 */
function stripeJs(publishableKey, options) {
  if (typeof publishableKey !== 'string' || !publishableKey.startsWith('pk_')) {
    throw new Error('IntegrationError: Invalid API Key provided: Stripe.js takes a publishable key (pk_...)');
  }
  fakeStripe.publishableKey = publishableKey;
  fakeStripe.stripeOptions = options || {};
  return { initCheckoutElementsSdk: checkoutElementsSdk };
}

/**
 * @param {StripeCheckoutElementsSdkOptions} options
 * @returns {FakeCheckoutElementsSdk}
 */
function checkoutElementsSdk(options) {
  fakeStripe.initOptions = options;
  const sessionId = String(options.clientSecret).split('_secret_')[0];
  /** @type {Array<(session: StripeCheckoutSession) => void>} */
  const onChange = [];
  /** @type {any} Stripe's JSON of the session, as api.stripe.com last answered it */
  let raw = null;
  const loading = stripeApi(sessionId, 'GET').then((answer) => { raw = answer.body; return answer; });

  /** The session, and the page told of the change when it changed. */
  function changed(/** @type {any} */ answer) {
    raw = answer;
    const session = sessionOf(raw);
    onChange.forEach((handler) => handler(session));
    return session;
  }

  /** @type {FakeCheckoutActions} */
  const actions = {
    getSession: () => sessionOf(raw),
    async updateEmail(email) {
      if (!email) {
        return { type: 'error', error: { code: 'incompleteEmail', message: 'Your email address is incomplete.' } };
      }
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        return { type: 'error', error: { code: 'invalidEmail', message: 'Your email address is invalid.' } };
      }
      const answer = await stripeApi(sessionId, 'POST', { email });
      return { type: 'success', session: changed(answer.body) };
    },
    async applyPromotionCode(code) {
      if (fakeStripe.promotionCodeRefusal) {
        return { type: 'error', error: { code: null, message: fakeStripe.promotionCodeRefusal } };
      }
      const answer = await stripeApi(sessionId, 'POST', { promotion_code: code });
      if (!answer.ok) {
        return answer.body.error.code === 'promotion_code_invalid'
          ? { type: 'error', error: { code: 'invalidCode', message: answer.body.error.message } }
          : { type: 'error', error: { code: null, message: answer.body.error.message } };
      }
      return { type: 'success', session: changed(answer.body) };
    },
    async confirm(args = {}) {
      if (!fakeStripe.totalRead) {
        throw new Error('IntegrationError: confirm() was called before the page showed the total');
      }
      const wallet = args.expressCheckoutConfirmEvent;
      if (!wallet && !raw.customer_details.email) {
        return { type: 'error', error: { code: null, message: 'Enter your email address.' } };
      }
      if (!wallet && needsBillingAddress(raw) && !billingCountry()) {
        return { type: 'error', error: { code: null, message: 'Enter your billing address.' } };
      }
      const method = wallet ? walletMethods.get(wallet) : paymentMethodChosen();
      if (wallet && !method) {
        throw new Error('IntegrationError: expressCheckoutConfirmEvent is not an event of this Express Checkout Element');
      }
      const confirmed = JSON.parse(sessionStorage.getItem('fakeStripe.confirmed') || '[]');
      sessionStorage.setItem('fakeStripe.confirmed', JSON.stringify(confirmed.concat(method)));
      if (method === 'card_3ds') {
        await threeDSecure();
      }
      const answer = await stripeApi(sessionId, 'POST', { payment_method: method }, '/confirm');
      if (!answer.ok) {
        const error = answer.body.error;
        if (wallet) {
          walletMustBeTold(wallet);
        }
        return error.type === 'card_error'
          ? { type: 'error', error: { code: 'paymentFailed', message: error.message, paymentFailed: { declineCode: error.decline_code || null } } }
          : { type: 'error', error: { code: null, message: error.message } };
      }
      // A redirecting method goes through the bank's page first, then on to the return_url.
      window.location.assign(method === 'ideal'
        ? '/test/fake-bank.html?return=' + encodeURIComponent(answer.body.redirect_url) : answer.body.redirect_url);
      return new Promise(() => {}); // the page is leaving
    },
  };

  return {
    on(event, handler) {
      if (event === 'change') {
        onChange.push(handler);
      }
    },
    async loadActions() {
      const answer = await loading;
      await fakeStripe.actionsHeld;
      if (fakeStripe.loadActionsError || !answer.ok) {
        return { type: 'error', error: { code: null, message: fakeStripe.loadActionsError || answer.body.error.message } };
      }
      return { type: 'success', actions };
    },
    createPaymentElement: () => element('payment', drawPaymentMethods),
    createExpressCheckoutElement: () => expressCheckoutElement(),
    createBillingAddressElement: () => element('billingAddress', drawAddress),
  };
}

/** Stripe Tax needs the buyer's address: a session with automatic tax, or that asks for it, waits for one. */
function needsBillingAddress(/** @type {any} */ raw) {
  return Boolean(raw.automatic_tax && raw.automatic_tax.enabled) || raw.billing_address_collection === 'required';
}

/**
 * The session as Stripe.js shows it to the page, from Stripe's JSON of it.
 * @param {any} raw
 * @returns {StripeCheckoutSession}
 */
function sessionOf(raw) {
  const divisor = ['jpy', 'krw', 'vnd', 'clp', 'isk'].includes(raw.currency) ? 1
    : ['bhd', 'jod', 'kwd', 'omr', 'tnd'].includes(raw.currency) ? 1000 : 100;
  /** @returns {StripeCheckoutAmount} */
  const money = (/** @type {number} */ minor) => ({
    minorUnitsAmount: minor,
    // As Stripe.js does, in the language the page asked for with Stripe(key, { locale }).
    amount: new Intl.NumberFormat(fakeStripe.stripeOptions.locale || 'en-US',
      { style: 'currency', currency: raw.currency.toUpperCase() }).format(minor / divisor),
  });
  const grandTotal = money(raw.amount_total);
  // Reading the amount of the total is what lets confirm() go ahead, as with Stripe.js.
  const total = {
    minorUnitsAmount: grandTotal.minorUnitsAmount,
    get amount() {
      fakeStripe.totalRead = true;
      return grandTotal.amount;
    },
  };
  const country = billingCountry();
  const addressMissing = needsBillingAddress(raw) && !country;
  return {
    id: raw.id,
    currency: raw.currency,
    email: raw.customer_details ? raw.customer_details.email : null,
    phoneNumber: null,
    businessName: null,
    billingAddress: country ? { address: { country } } : null,
    shippingAddress: null,
    status: raw.status === 'complete' ? { type: 'complete', paymentStatus: raw.payment_status } : { type: raw.status },
    canConfirm: !addressMissing,
    tax: addressMissing ? { status: 'requires_billing_address' } : { status: 'ready' },
    livemode: false,
    minorUnitsAmountDivisor: divisor,
    lineItems: [],
    optionalItems: null,
    currencyOptions: null,
    discountAmounts: null,
    taxAmounts: null,
    taxIdInfo: null,
    lastPaymentError: null,
    recurring: null,
    savedPaymentMethods: null,
    shipping: null,
    shippingOptions: [],
    surcharge: null,
    total: {
      subtotal: money(raw.amount_subtotal),
      discount: money(raw.total_details.amount_discount || 0),
      taxExclusive: money(raw.total_details.amount_tax || 0),
      taxInclusive: money(0),
      shippingRate: money(0),
      appliedBalance: money(0),
      surcharge: money(0),
      balanceAppliedToNextInvoice: false,
      total,
    },
  };
}

/**
 * @param {string} type
 * @param {(container: Element) => void} draw
 * @returns {FakeElement}
 */
function element(type, draw) {
  return {
    mount(selector) {
      const container = typeof selector === 'string' ? document.querySelector(selector) : selector;
      if (!container) {
        throw new Error('IntegrationError: no element ' + selector + ' to mount the ' + type + ' Element in');
      }
      draw(container);
      fakeStripe.mounted[type] = String(selector);
    },
    destroy() {},
  };
}

/** @returns {FakeExpressCheckoutElement} */
function expressCheckoutElement() {
  /** @type {((event: StripeExpressCheckoutElementConfirmEvent) => any) | null} */
  let onConfirm = null;
  const wallet = element('expressCheckout', (container) => drawWallet(container, (event) => {
    if (onConfirm) {
      onConfirm(event);
    }
  }));
  return {
    ...wallet,
    on(eventType, handler) {
      if (eventType === 'confirm') {
        onConfirm = handler;
      }
      return this;
    },
  };
}

// What the Payment Element would show, reduced to a choice of Stripe's test payment methods.
function drawPaymentMethods(/** @type {Element} */ container) {
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

function paymentMethodChosen() {
  return /** @type {HTMLSelectElement} */ (document.getElementById('fake-payment-method')).value;
}

// The wallet's button. A click opens the wallet's sheet and, the buyer having authorized at once,
// fires the confirm event. The wallet's card pays, or is declined once a test sets
// fakeStripe.walletDeclines.
/**
 * @param {Element} container
 * @param {(event: StripeExpressCheckoutElementConfirmEvent) => void} confirm
 */
function drawWallet(container, confirm) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'fake-wallet';
  button.textContent = 'Pay with a wallet (test stand-in)';
  button.addEventListener('click', () => confirm(walletConfirmEvent(fakeStripe.walletDeclines ? 'wallet_declined' : 'wallet')));
  container.appendChild(button);
}

/**
 * @param {string} method
 * @returns {StripeExpressCheckoutElementConfirmEvent}
 */
function walletConfirmEvent(method) {
  const sheet = document.getElementById('fake-wallet-sheet') || document.createElement('div');
  sheet.id = 'fake-wallet-sheet';
  sheet.textContent = 'Wallet: Processing\u2026';
  document.body.appendChild(sheet);
  /** @type {StripeExpressCheckoutElementConfirmEvent} */
  const event = {
    expressPaymentType: 'google_pay',
    paymentFailed(payload) {
      fakeStripe.walletFailures.push(payload || {});
      sheet.textContent = 'Wallet: Payment not completed' + (payload && payload.message ? ': ' + payload.message : '');
    },
  };
  walletMethods.set(event, method);
  return event;
}

// After a declined payment the wallet's sheet waits for the page's paymentFailed(); one that never
// comes leaves the buyer before a sheet that times out.
function walletMustBeTold(/** @type {StripeExpressCheckoutElementConfirmEvent} */ event) {
  const failuresBefore = fakeStripe.walletFailures.length;
  setTimeout(() => {
    if (fakeStripe.walletFailures.length === failuresBefore) {
      console.error('Stripe.js: the Express Checkout Element\'s confirm event was never answered: call event.paymentFailed() when the payment fails');
    }
  }, WALLET_TIMEOUT_MS);
}

function drawAddress(/** @type {Element} */ container) {
  const label = document.createElement('label');
  label.htmlFor = 'fake-country';
  label.textContent = 'Country (test stand-in)';
  const country = document.createElement('input');
  country.id = 'fake-country';
  country.value = 'NL';
  container.append(label, country);
}

/** The country the buyer gave in the Billing Address Element, if it is mounted and filled in. */
function billingCountry() {
  const country = /** @type {HTMLInputElement | null} */ (document.getElementById('fake-country'));
  return country ? country.value.trim() : '';
}

// 3-D Secure: the bank's challenge over the page, which the test passes by clicking.
/** @returns {Promise<void>} */
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

/**
 * Stripe.js's call to Stripe about this session, with the publishable key, as a form.
 * @param {string} sessionId
 * @param {'GET' | 'POST'} method
 * @param {Record<string, string>} [form]
 * @param {string} [path]
 * @returns {Promise<{ok: boolean, body: any}>}
 */
async function stripeApi(sessionId, method, form, path = '') {
  const response = await fetch(stripeApiBase + '/v1/payment_pages/' + sessionId + path, {
    method,
    headers: { Authorization: 'Bearer ' + fakeStripe.publishableKey, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form ? new URLSearchParams(form) : undefined,
  });
  return { ok: response.ok, body: await response.json() };
}
