// A stand-in for stripe.js, for the browser tests only: js.stripe.com is out of reach when tests
// run, and must never be called by them. It offers the few calls checkout.js makes, draws a fake
// card field, and records what the page asked for in window.fakeStripe for the tests to read.
window.fakeStripe = { mounted: false, elementsOptions: null, tokensCreated: 0, changeListeners: [] };

window.Stripe = function (publishableKey) {
  window.fakeStripe.publishableKey = publishableKey;
  return {
    elements(options) {
      window.fakeStripe.elementsOptions = Object.assign({}, options);
      return {
        create() {
          return {
            mount(selector) {
              const field = document.createElement('div');
              field.className = 'fake-card-field';
              field.textContent = '4242 4242 4242 4242    12 / 34    123';
              // Looks like Stripe's card field in screenshots (set through the DOM: the CSP allows that).
              Object.assign(field.style, { border: '1px solid #e3e6ee', borderRadius: '6px', padding: '0.6rem 0.75rem',
                color: '#5b6475', fontFamily: 'monospace' });
              document.querySelector(selector).appendChild(field);
              window.fakeStripe.mounted = true;
            },
            on(event, listener) {
              // A test calls window.fakeStripe.changeCard() to play the shopper editing the card.
              if (event === 'change') {
                window.fakeStripe.changeListeners.push(listener);
              }
            },
          };
        },
        update(changes) {
          Object.assign(window.fakeStripe.elementsOptions, changes);
        },
        submit: async () => ({}),
      };
    },
    // A new token each time, as Stripe does, so tests can tell a new attempt from a retried one.
    createConfirmationToken: async () => {
      window.fakeStripe.tokensCreated += 1;
      return { confirmationToken: { id: 'ctoken_1BrowserTest' + window.fakeStripe.tokensCreated } };
    },
    handleNextAction: async ({ clientSecret }) => {
      // Kept in sessionStorage: the page moves on to the receipt right after.
      sessionStorage.setItem('fakeStripe.nextActionFor', clientSecret);
      return {};
    },
  };
};

window.fakeStripe.changeCard = function () {
  window.fakeStripe.changeListeners.forEach((listener) => listener({ complete: true }));
};
