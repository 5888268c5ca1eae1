// The checkout: the store's server opens a Checkout Session (POST /checkout) and Stripe's
// Checkout Elements SDK shows its payment form on this page. The buyer pays Stripe directly;
// card details never reach the store. Stripe then sends the buyer to the receipt page.
// Its words come from the form's data- attributes (item.ftlh), in the store's language.
const form = document.getElementById('checkout');

// The SDK's actions (updateEmail, applyPromotionCode, confirm...), once the checkout is open.
/** @type {StripeCheckoutActions | null} */
let actions = null;

// The CSRF token every POST carries, with the name of its header. Pages do not carry it (making
// one on every view would cost the store for visitors who never pay): it is asked for once, as
// the page opens, so that opening the checkout does not wait for it.
let csrfRequest = null;

if (form) {
  csrfToken().catch(() => {}); // a failure here is retried when the shopper opens the checkout
  document.getElementById('buy').addEventListener('click', openCheckout);
  document.getElementById('apply-promotion-code').addEventListener('click', applyPromotionCode);
  form.addEventListener('submit', handleSubmit);
}

async function openCheckout() {
  // Boxes the store asks the buyer to tick before paying (checkout/CheckoutConsent): no checkout
  // until each is ticked. The server checks them again, and records their words at Stripe.
  const boxes = /** @type {HTMLInputElement[]} */ (Array.from(form.querySelectorAll('input[data-must-tick]')));
  const unticked = boxes.find((box) => !box.checked);
  if (unticked) {
    showMessage(unticked.dataset.notTicked);
    unticked.focus();
    return;
  }
  setLoading(true);
  const quantity = /** @type {HTMLInputElement | null} */ (document.getElementById('quantity'));
  const order = {
    itemId: form.dataset.itemId,
    quantity: quantity ? Number(quantity.value) : 1,
    ticked: boxes.map((box) => box.name),
  };
  const answer = await post('/checkout', order);
  if (answer.error) {
    return fail(answer.error);
  }
  // Stripe's form speaks the store's language (store.locale).
  const stripe = Stripe(form.dataset.publishableKey, { locale: /** @type {StripeConstructorOptions['locale']} */ (form.dataset.locale) });
  const checkout = stripe.initCheckoutElementsSdk({
    clientSecret: answer.clientSecret,
    elementsOptions: { appearance: { theme: 'stripe' } },
  });
  // Stripe recomputes the totals (a promotion code, tax for the address given): show its figures.
  checkout.on('change', showTotals);
  // The SDK's actions (confirm, updateEmail...). The page shows the session's total before
  // anything is confirmed: Stripe.js refuses to confirm otherwise.
  const ready = checkout.loadActions().then((loaded) => {
    if (loaded.type === 'success') {
      actions = loaded.actions;
      showTotals(actions.getSession());
    }
    else {
      // Stripe could not load the session (the network, Stripe itself): say so, in Stripe's words.
      fail(loaded.error.message);
    }
    return loaded;
  });

  // Apple Pay, Google Pay, Link: each wallet the buyer's browser offers, and the seller enabled.
  // Its buttons show as soon as Stripe has them, so a buyer can pay with one before the actions
  // have loaded: the payment waits for them.
  const wallets = checkout.createExpressCheckoutElement();
  wallets.on('confirm', (event) => payWithWallet(event, ready));
  document.getElementById('express-checkout').hidden = false;
  wallets.mount('#express-checkout');
  if (answer.billingAddress) {
    // Stripe Tax needs to know where the buyer is.
    checkout.createBillingAddressElement().mount('#billing-address');
  }
  // Cards, and every other method the seller enabled in the Dashboard, redirecting ones included.
  checkout.createPaymentElement().mount('#payment-element');

  const loaded = await ready;
  if (loaded.type === 'error') {
    return fail(loaded.error.message);
  }
  document.getElementById('promotion-code-row').hidden = !answer.promotionCodes;
  document.getElementById('buy').hidden = true;
  if (quantity) {
    // The session is priced for this quantity; reloading the page starts again with another.
    quantity.disabled = true;
  }
  for (const box of boxes) {
    // The session records the box as ticked: unticking it now would change nothing.
    box.disabled = true;
  }
  document.getElementById('payment').hidden = false;
  setLoading(false);
}

async function handleSubmit(event) {
  event.preventDefault();
  if (!actions) {
    return;
  }
  setLoading(true);
  const email = await actions.updateEmail(inputValue('email'));
  if (email.type === 'error') {
    return fail(email.error.message);
  }
  await confirm({});
}

// Stripe takes the payment, asks for 3-D Secure or sends the buyer to their bank if needed, and
// then to the receipt page. It comes back here only when the payment did not go through.
async function confirm(options) {
  setLoading(true);
  const result = await actions.confirm(options);
  if (result.type === 'error') {
    fail(result.error.message);
  }
  return result;
}

// A wallet's payment. The wallet's own sheet stays open until the page says how it went: the
// receipt page when it went through, event.paymentFailed() when it did not (without it the sheet
// keeps waiting, then shows an error of its own).
async function payWithWallet(event, ready) {
  const loaded = await ready;
  if (loaded.type === 'error') {
    event.paymentFailed({ reason: 'fail' });
    return;
  }
  const result = await confirm({ expressCheckoutConfirmEvent: event });
  if (result.type === 'error') {
    event.paymentFailed({ reason: 'fail', message: result.error.message });
  }
}

async function applyPromotionCode() {
  const code = inputValue('promotion-code').trim();
  if (!actions || !code) {
    return;
  }
  const result = await actions.applyPromotionCode(code);
  if (result.type === 'error') {
    showMessage(result.error.message);
    return;
  }
  hideMessage();
  showTotals(result.session);
}

/** The store's CSRF token, { headerName, token }: asked for once, and again if that failed. */
function csrfToken() {
  if (!csrfRequest) {
    csrfRequest = fetch('/csrf-token', { headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) {
          throw new Error('No CSRF token: ' + response.status);
        }
        return response.json();
      })
      .catch((error) => {
        csrfRequest = null;
        throw error;
      });
  }
  return csrfRequest;
}

/**
 * POSTs JSON to the store. Answers with its JSON, or { error } with the message for the shopper:
 * the store's Problem Details carry it in "detail". Opening a checkout charges nothing, so every
 * failure can say so.
 */
async function post(url, body) {
  const notCharged = form.dataset.notCharged;
  try {
    const token = await csrfToken();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [token.headerName]: token.token },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      return { error: answer.detail || notCharged };
    }
    return answer;
  } catch (e) {
    return { error: notCharged };
  }
}

// ---- UI helpers ----

function showTotals(session) {
  const total = session.total;
  document.getElementById('subtotal').textContent = total.subtotal.amount;
  showIfSome('discount', total.discount, '\u2212');
  showIfSome('tax', total.taxExclusive, '');
  document.getElementById('total').textContent = total.total.amount;
  // "Pay {0}" in the store's language (item.payAmount in messages.properties).
  document.getElementById('submit').textContent = form.dataset.payLabel.replace('{0}', total.total.amount);
}

function showIfSome(name, amount, sign) {
  document.querySelectorAll('.' + name).forEach((node) => { /** @type {HTMLElement} */ (node).hidden = amount.minorUnitsAmount === 0; });
  document.getElementById(name).textContent = sign + amount.amount;
}

function fail(message) {
  showMessage(message);
  setLoading(false);
}

function showMessage(message) {
  const box = document.getElementById('payment-message');
  box.textContent = message;
  box.hidden = false;
}

function hideMessage() {
  document.getElementById('payment-message').hidden = true;
}

function setLoading(loading) {
  // A disabled button is what stops a double submit.
  /** @type {HTMLButtonElement} */ (document.getElementById('buy')).disabled = loading;
  /** @type {HTMLButtonElement} */ (document.getElementById('submit')).disabled = loading;
  if (loading) {
    hideMessage();
  }
}

/** The text in the form field with this id. */
function inputValue(id) {
  return /** @type {HTMLInputElement} */ (document.getElementById(id)).value;
}
