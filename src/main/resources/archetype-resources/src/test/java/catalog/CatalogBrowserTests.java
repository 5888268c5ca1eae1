package ${package}.catalog;

import ${package}.Browser;
import ${package}.FakeStripe;
import ${package}.PurchaseHooks;
import ${package}.StoreTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/** Shopping the catalog in a real browser: pick an item, choose a quantity, pay what Stripe totals. */
@StoreTest
class CatalogBrowserTests {

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@Autowired
	PurchaseHooks hooks;

	@Autowired
	Catalog catalog;

	@RegisterExtension
	final Browser browser = new Browser();

	@BeforeEach
	void stripeAnswers() {
		fakeStripe.answer(stripe);
	}

	@Test
	void chooseAnItemAndAQuantityThenPayTheTotalStripeShows() {
		Item item = catalog.items().get(catalog.items().size() - 1);
		int quantity = Math.min(3, catalog.maxQuantity());
		String total = Item.formatMinorUnits(item.amountInMinorUnits(quantity), item.currency(), catalog.locale());

		browser.open("/");
		assertThat(browser.findAll(".catalog li")).hasSize(catalog.items().size());
		browser.screenshot("catalog");
		browser.assertAccessible();
		browser.find("a[href='/items/" + item.id() + "']").click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("buy")));
		browser.find("#quantity").clear();
		browser.find("#quantity").sendKeys(Integer.toString(quantity));
		browser.pressBuy();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));

		// The page shows the total of the session Stripe made for that quantity.
		assertThat(browser.find("#total").getText()).isEqualTo(total);
		assertThat(browser.find("#submit").getText()).isEqualTo("Pay " + total);
		assertThat(browser.find("#quantity").isEnabled()).isFalse();
		browser.screenshot("item-with-quantity");
		browser.assertAccessible();
		new Select(browser.find("#fake-payment-method")).selectByValue("card");
		browser.find("#email").sendKeys("shopper@example.com");
		browser.find("#submit").click();

		browser.waitFor(ExpectedConditions.urlMatches("/receipt/cs_test_[A-Za-z0-9]+$"));
		assertThat(browser.find("dl").getText()).contains(item.name() + " \u00d7 " + quantity, total);
		browser.assertAccessible();
		stripe.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
			.withFormParam("line_items[0][quantity]", equalTo(Integer.toString(quantity)))
			.withFormParam("line_items[0][price_data][unit_amount]", equalTo(Long.toString(item.amountInMinorUnits(1))))
			.withFormParam("metadata[item_id]", equalTo(item.id()))
			.withFormParam("metadata[quantity]", equalTo(Integer.toString(quantity))));
		verify(hooks, timeout(5000)).postPurchase(argThat(purchase -> purchase.itemId().equals(item.id())
				&& purchase.quantity() == quantity && purchase.amountTotal() == item.amountInMinorUnits(quantity)));
	}

}
