// Stripe.js as the store's scripts meet it, in the names of @stripe/stripe-js 9.17.0's published
// types (the release for js.stripe.com/dahlia/stripe.js, which the store loads). The scripts are
// plain JavaScript that the browser runs as it is; their JSDoc comments name these types, and
// tsconfig.json checks both scripts against them:
// - checkout.js (the store's) against Stripe.js itself, the `Stripe` the page gets from js.stripe.com;
// - fake-stripe.js (the browser tests' stand-in) against the part of Stripe.js that checkout.js
//   uses, member for member, with Stripe's own parameter and result types.
// A member renamed or removed in either, or a result Stripe.js would not give, fails the check.
import type * as StripeJs from '@stripe/stripe-js';

declare global {
  /** What js.stripe.com/dahlia/stripe.js defines on the page. */
  const Stripe: StripeJs.StripeConstructor;

  type StripeConstructorOptions = StripeJs.StripeConstructorOptions;
  type StripeCheckoutElementsSdkOptions = StripeJs.StripeCheckoutElementsSdkOptions;
  type StripeCheckoutActions = StripeJs.StripeCheckoutLoadActionsSuccess;
  type StripeCheckoutLoadActionsResult = StripeJs.StripeCheckoutLoadActionsResult;
  type StripeCheckoutSession = StripeJs.StripeCheckoutSession;
  type StripeCheckoutAmount = StripeJs.StripeCheckoutAmount;
  type StripeCheckoutConfirmResult = StripeJs.StripeCheckoutConfirmResult;
  type StripeExpressCheckoutElementConfirmEvent = StripeJs.StripeExpressCheckoutElementConfirmEvent;

  /** What the stand-in records of the page, for the tests to read (fake-stripe.js). */
  interface Window {
    fakeStripe: any;
  }

  // ---- The stand-in (fake-stripe.js): what checkout.js uses, typed as Stripe's ----

  /** The actions checkout.js calls. */
  type FakeCheckoutActions = Pick<
    StripeJs.StripeCheckoutLoadActionsSuccess,
    'getSession' | 'updateEmail' | 'applyPromotionCode' | 'confirm'
  >;

  /** loadActions()'s result: Stripe's, with the actions above. */
  type FakeLoadActionsResult =
    | { type: 'success'; actions: FakeCheckoutActions }
    | Extract<StripeJs.StripeCheckoutLoadActionsResult, { type: 'error' }>;

  /** An Element as checkout.js handles it (Payment, Billing Address). */
  type FakeElement = Pick<StripeJs.StripeElementBase, 'mount' | 'destroy'>;

  /** The Express Checkout Element: mounted, and its confirm event handled. */
  type FakeExpressCheckoutElement = FakeElement & {
    on(
      eventType: 'confirm',
      handler: (event: StripeJs.StripeExpressCheckoutElementConfirmEvent) => any
    ): FakeExpressCheckoutElement;
  };

  /** The Checkout Elements SDK, stripe.initCheckoutElementsSdk()'s answer. */
  type FakeCheckoutElementsSdk = Pick<StripeJs.StripeCheckoutElementsSdk, 'on'> & {
    loadActions(): Promise<FakeLoadActionsResult>;
    createPaymentElement(options?: StripeJs.StripeCheckoutPaymentElementOptions): FakeElement;
    createBillingAddressElement(options?: StripeJs.StripeCheckoutAddressElementOptions): FakeElement;
    createExpressCheckoutElement(
      options?: StripeJs.StripeCheckoutExpressCheckoutElementOptions
    ): FakeExpressCheckoutElement;
  };

  /** Stripe(publishableKey, options)'s answer. */
  type FakeStripeJs = Pick<StripeJs.Stripe, never> & {
    initCheckoutElementsSdk(options: StripeJs.StripeCheckoutElementsSdkOptions): FakeCheckoutElementsSdk;
  };
}

// Each member the stand-in declares above is one Stripe.js has: checked here, by name.
type MembersOf<T, K extends keyof T> = K;
type FakeStripeJsMembers = MembersOf<StripeJs.Stripe, keyof FakeStripeJs>;
type FakeSdkMembers = MembersOf<StripeJs.StripeCheckoutElementsSdk, keyof FakeCheckoutElementsSdk>;
type FakeExpressCheckoutMembers = MembersOf<
  StripeJs.StripeCheckoutExpressCheckoutElement,
  keyof FakeExpressCheckoutElement
>;
