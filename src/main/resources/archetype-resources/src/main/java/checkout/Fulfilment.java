package ${package}.checkout;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentUpdateParams;

import org.springframework.stereotype.Component;

/**
 * Hands a succeeded payment to {@link PurchaseHooks#postPurchase} once, whoever notices it first:
 * the purchase request, the completion after 3-D Secure, or Stripe's webhook.
 * Stripe keeps the record: a PaymentIntent is marked with {@code fulfilled=true} in its metadata.
 */
@Component
public class Fulfilment {

	static final String FULFILLED = "fulfilled";

	private final StripeClient stripe;

	private final PurchaseHooks hooks;

	Fulfilment(StripeClient stripe, PurchaseHooks hooks) {
		this.stripe = stripe;
		this.hooks = hooks;
	}

	/** Returns true if this call fulfilled the payment, false if it was not due. */
	public boolean fulfil(PaymentIntent intent) throws StripeException {
		if (!"succeeded".equals(intent.getStatus()) || "true".equals(intent.getMetadata().get(FULFILLED))) {
			return false;
		}
		hooks.postPurchase(Purchase.from(intent));
		stripe.v1()
			.paymentIntents()
			.update(intent.getId(), PaymentIntentUpdateParams.builder().putMetadata(FULFILLED, "true").build());
		return true;
	}

}
