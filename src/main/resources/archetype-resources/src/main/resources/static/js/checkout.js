// The checkout: stripe.js keeps the card in Stripe's iframes and gives this script a
// confirmation token; the server sees only that token, prices the order and charges it.
const form = document.getElementById('payment-form');
if (form) {
  startCheckout(form);
}

function startCheckout(form) {
  const stripe = Stripe(form.dataset.publishableKey);
  // Deferred intent: the PaymentIntent is created by the server only when the shopper pays.
  const elements = stripe.elements({
    mode: 'payment',
    amount: Number(form.dataset.amount),
    currency: form.dataset.currency,
    paymentMethodTypes: ['card'],
  });
  elements.create('payment').mount('#payment-element');
  form.addEventListener('submit', (event) => handleSubmit(event, stripe, elements));

  // Keeps the button and the amount stripe.js shows (in wallets, say) in step with the quantity.
  // Display only: the server computes the amount it charges from its own catalog.
  const quantity = document.getElementById('quantity');
  if (quantity) {
    quantity.addEventListener('input', () => {
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

  const { error: submitError } = await elements.submit();
  if (submitError) {
    return fail(submitError.message);
  }

  const { error, confirmationToken } = await stripe.createConfirmationToken({ elements });
  if (error) {
    return fail(error.message);
  }

  const quantity = document.getElementById('quantity');
  let result = await post('/purchase', {
    confirmationTokenId: confirmationToken.id,
    itemId: form.dataset.itemId,
    quantity: quantity ? Number(quantity.value) : 1,
    email: document.getElementById('email').value,
  });

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

async function post(url, body) {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [form.dataset.csrfHeader]: form.dataset.csrfToken,
      },
      body: JSON.stringify(body),
    });
    return await response.json();
  } catch (e) {
    return { error: { message: 'The store could not be reached and you were not charged. Please try again.' } };
  }
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
