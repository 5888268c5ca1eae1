// What the store's page has before checkout.js runs: Stripe.js (https://js.stripe.com/dahlia/stripe.js)
// defines the global Stripe, typed by @stripe/stripe-js 9.17.0, the release that loads that file.
import type { StripeConstructor } from '@stripe/stripe-js';

declare global {
  const Stripe: StripeConstructor;
}
