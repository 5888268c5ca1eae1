package com.example.shop;

import java.math.BigDecimal;

import com.example.shop.catalog.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Your hooks on their own, without the store around them. When you change {@link PurchaseHooks}
 * (a discount, a sold-out check, granting access), prove it here first: these run in
 * milliseconds.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PurchaseHooksTests {

	final PurchaseHooks hooks = new PurchaseHooks();

	final Item book = new Item("book", "A Book", "", new BigDecimal("12.50"), "usd", null, null);

	@Test
	void prePurchaseSellsTheOrderAsPricedByTheCatalog() {
		Order order = Order.of(book, 3);

		assertThat(hooks.prePurchase(order)).isEqualTo(order);
		assertThat(order.unitAmount()).isEqualTo(1250);
		assertThat(order.subtotal()).isEqualTo(3750);
	}

	@Test
	void postPurchaseLogsWhatWasSoldAndDoesNotThrow(CapturedOutput output) {
		Purchase purchase = new Purchase("cs_test_hooks1", "book", 2, 2500, "usd", "shopper@example.com");

		assertThatNoException().isThrownBy(() -> hooks.postPurchase(purchase));

		assertThat(output).contains("Purchase cs_test_hooks1: 2 x book, 2500 usd");
		// What was sold, not who bought it.
		assertThat(output).doesNotContain("shopper@example.com");
	}

	@Test
	void postRefundLogsWhatWasTakenBackAndDoesNotThrow(CapturedOutput output) {
		Refund partial = new Refund("cs_test_hooks2", "book", 1, Refund.Kind.REFUNDED, 500, "usd", false, "evt_hooks2");
		Refund lost = new Refund("cs_test_hooks3", "book", 1, Refund.Kind.DISPUTE_LOST, 1250, "usd", true, "evt_hooks3");

		assertThatNoException().isThrownBy(() -> hooks.postRefund(partial));
		assertThatNoException().isThrownBy(() -> hooks.postRefund(lost));

		assertThat(output).contains("Purchase cs_test_hooks2: REFUNDED (500 usd refunded so far)")
			.contains("Purchase cs_test_hooks3: DISPUTE_LOST (1250 usd refunded so far, in full)");
	}

	@Test
	void anOrderAtAnotherPriceKeepsItsItemAndQuantity() {
		Order discounted = Order.of(book, 3).withUnitAmount(1125);

		assertThat(discounted.item()).isEqualTo(book);
		assertThat(discounted.quantity()).isEqualTo(3);
		assertThat(discounted.currency()).isEqualTo("usd");
		assertThat(discounted.subtotal()).isEqualTo(3375);
	}

	@Test
	void anOrderCannotBeGivenAway() {
		assertThatIllegalArgumentException().isThrownBy(() -> Order.of(book, 1).withUnitAmount(0))
			.withMessageContaining("promotion code");
	}

}
