// The checkout: stripe.js keeps the card in Stripe's iframes and gives this script a
// confirmation token; the server sees only that token, prices the order and charges it.
const form = document.getElementById('payment-form');

// The confirmation token of an attempt that got no clear answer (the store or Stripe timed out,
// a connection dropped): it may have charged the card. Paying again sends the same token, so the
// server sends Stripe the same idempotency key and the shopper sees that payment instead of paying
// twice. Editing the card, email or quantity makes a new attempt.
let unansweredToken = null;

// The CSRF token every POST carries, with the name of its header. Pages do not carry it (making
// one on every view would cost the store for visitors who never pay): it is asked for once, as
// the form opens, so that paying does not wait for it.
let csrfRequest = null;

if (form) {
  startCheckout(form);
}

function startCheckout(form) {
  csrfToken().catch(() => {}); // a failure here is retried when the shopper pays
  const stripe = Stripe(form.dataset.publishableKey);
  // Deferred intent: the PaymentIntent is created by the server only when the shopper pays.
  const elements = stripe.elements({
    mode: 'payment',
    amount: Number(form.dataset.amount),
    currency: form.dataset.currency,
    paymentMethodTypes: ['card'],
  });
  const paymentElement = elements.create('payment');
  paymentElement.mount('#payment-element');
  paymentElement.on('change', () => { unansweredToken = null; });
  document.getElementById('email').addEventListener('input', () => { unansweredToken = null; });
  form.addEventListener('submit', (event) => handleSubmit(event, stripe, elements));

  // Keeps the button and the amount stripe.js shows (in wallets, say) in step with the quantity.
  // Display only: the server computes the amount it charges from its own catalog.
  const quantity = document.getElementById('quantity');
  if (quantity) {
    quantity.addEventListener('input', () => {
      unansweredToken = null;
      const count = Number(quantity.value);
      if (Number.isInteger(count) && count >= 1) {
        elements.update({ amount: Number(form.dataset.amount) * count });
        const total = new Intl.NumberFormat(form.dataset.locale, { style: 'currency', currency: form.dataset.currency });
        document.getElementById('submit').textContent = 'Pay ' + total.format(Number(form.dataset.price) * count);
      }
    });
  }
}

async function handleSubmit(event, stripe, elements) {
  event.preventDefault();
  setLoading(true);

  let tokenId = unansweredToken;
  if (!tokenId) {
    const { error: submitError } = await elements.submit();
    if (submitError) {
      return fail(submitError.message);
    }
    const { error, confirmationToken } = await stripe.createConfirmationToken({ elements });
    if (error) {
      return fail(error.message);
    }
    tokenId = confirmationToken.id;
  }

  const quantity = document.getElementById('quantity');
  let result = await post('/purchase', {
    confirmationTokenId: tokenId,
    itemId: form.dataset.itemId,
    quantity: quantity ? Number(quantity.value) : 1,
    email: document.getElementById('email').value,
  });
  // A 5xx or no answer at all leaves the outcome open: keep the token for the next try.
  unansweredToken = result.outcomeUnknown ? tokenId : null;

  if (result.clientSecret) {
    // 3-D Secure: the bank asks the shopper to confirm, then the server checks the outcome.
    const { error: actionError } = await stripe.handleNextAction({ clientSecret: result.clientSecret });
    if (actionError) {
      return fail(actionError.message);
    }
    result = await post('/purchase/complete', { clientSecret: result.clientSecret });
  }

  if (result.error) {
    return fail(result.error.message);
  }
  window.location.assign(result.receiptUrl);
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

/** POSTs JSON to the store; answers with its JSON, or an error if there was no usable answer. */
async function post(url, body) {
  const unknown = {
    outcomeUnknown: true,
    error: { message: 'The store did not answer. Please try again: if this payment went through, '
      + 'you will see its receipt and will not be charged twice.' },
  };
  let token;
  try {
    token = await csrfToken();
  } catch (e) {
    // Nothing was sent, so nothing was charged.
    return { error: { message: 'The payment could not start, so you have not been charged. Please try again.' } };
  }
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [token.headerName]: token.token,
      },
      body: JSON.stringify(body),
    });
  } catch (e) {
    return unknown;
  }
  let answer;
  try {
    answer = await response.json();
  } catch (e) {
    // Not the store's JSON: a proxy's error page, say.
    return response.status >= 500 ? unknown : { error: { message: 'The request was refused. Reload the page and try again.' } };
  }
  answer.outcomeUnknown = response.status >= 500;
  return answer;
}

// ---- UI helpers ----

function fail(message) {
  showMessage(message);
  setLoading(false);
}

function showMessage(message) {
  const box = document.getElementById('payment-message');
  box.textContent = message;
  box.hidden = false;
}

function setLoading(loading) {
  // A disabled button is what stops a double submit.
  document.getElementById('submit').disabled = loading;
  if (loading) {
    document.getElementById('payment-message').hidden = true;
  }
}
