package ${package};

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ${package}.catalog.Catalog;
import ${package}.checkout.Purchase;
import ${package}.checkout.PurchaseHooks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing lost under load: a few hundred purchases at once through the real HTTP stack (Tomcat,
 * Spring Security's CSRF check, the controllers, stripe-java), against a fake Stripe that answers
 * each confirmation token on its own. Every payment that succeeds must reach postPurchase exactly
 * once, every declined card must hear so, and no shopper may get a server error.
 */
@StoreTest
class PurchaseUnderLoadTests {

	static final int PURCHASES = 300;

	static final int SHOPPERS_AT_ONCE = 32;

	@Autowired
	WireMockServer stripe;

	@Autowired
	FakeStripe fakeStripe;

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	// The real hooks, watched: every call to postPurchase is recorded with its Purchase.
	@Autowired
	PurchaseHooks hooks;

	@BeforeEach
	void stripeAnswersEveryToken() {
		fakeStripe.answer(stripe);
	}

	/** The card the n-th shopper brings: one in ten is declined, one in ten asks for 3-D Secure. */
	static String tokenFor(int n) {
		String card = switch (n % 10) {
			case 0 -> "decline";
			case 1 -> "3ds";
			default -> "ok";
		};
		return "ctoken_" + card + n;
	}

	/** What the store answered one shopper: the purchase, and the completion after 3-D Secure if any. */
	record Outcome(String token, HttpResponse<String> purchase, HttpResponse<String> completion) {

		HttpResponse<String> last() {
			return completion != null ? completion : purchase;
		}

		Stream<Integer> statuses() {
			return Stream.of(purchase, completion).filter(r -> r != null).map(HttpResponse::statusCode);
		}

	}

	/**
	 * One shopper's browser, buying again and again as checkout.js does: it opens the page once,
	 * pays with each token, and finishes after 3-D Secure when asked.
	 */
	List<Outcome> shopperBuysWith(HttpClient http, List<String> tokens) {
		Shopper shopper = new Shopper(http, port);
		shopper.opensTheItemPage();
		List<Outcome> outcomes = new ArrayList<>();
		for (String token : tokens) {
			HttpResponse<String> purchase = shopper.post("/purchase", """
					{"confirmationTokenId": "%s", "itemId": "%s", "quantity": %d, "email": "shopper@example.com"}"""
				.formatted(token, catalog.firstItem().id(), catalog.maxQuantity()));
			HttpResponse<String> completion = null;
			if (purchase.statusCode() == 200 && Shopper.json(purchase).has("clientSecret")) {
				String clientSecret = Shopper.json(purchase).get("clientSecret").asString();
				completion = shopper.post("/purchase/complete", "{\"clientSecret\": \"%s\"}".formatted(clientSecret));
			}
			outcomes.add(new Outcome(token, purchase, completion));
		}
		return outcomes;
	}

	@Test
	void everyPaymentIsFulfilledExactlyOnceAndEveryDeclinedCardIsToldSo() throws Exception {
		HttpClient http = Shopper.client();
		ExecutorService crowd = Executors.newFixedThreadPool(SHOPPERS_AT_ONCE);
		long start = System.nanoTime();
		List<Future<List<Outcome>>> running = IntStream.range(0, SHOPPERS_AT_ONCE)
			.mapToObj(shopper -> IntStream.iterate(shopper, n -> n < PURCHASES, n -> n + SHOPPERS_AT_ONCE)
				.mapToObj(PurchaseUnderLoadTests::tokenFor)
				.toList())
			.map(tokens -> crowd.submit(() -> shopperBuysWith(http, tokens)))
			.toList();
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<List<Outcome>> shopper : running) {
			outcomes.addAll(shopper.get(60, TimeUnit.SECONDS));
		}
		Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
		crowd.shutdown();

		List<Outcome> succeeded = withCard(outcomes, "ok");
		List<Outcome> declined = withCard(outcomes, "decline");
		List<Outcome> threeDSecure = withCard(outcomes, "3ds");
		Map<String, Long> fulfilments = postPurchaseCallsByPaymentIntent();
		List<String> paid = Stream.concat(succeeded.stream(), threeDSecure.stream())
			.map(outcome -> FakeStripe.paymentIntentFor(outcome.token()))
			.toList();
		long lost = paid.stream().filter(id -> !fulfilments.containsKey(id)).count();
		System.out.printf("Purchases under load: %d over %d threads in %d ms: %d succeeded, %d declined, "
				+ "%d with 3-D Secure; %d fulfilled, %d lost%n", outcomes.size(), SHOPPERS_AT_ONCE, wallTime.toMillis(),
				succeeded.size(), declined.size(), threeDSecure.size(), fulfilments.size(), lost);

		assertThat(outcomes.stream().flatMap(Outcome::statuses)).as("no server error, ever").allMatch(s -> s < 500);
		assertThat(threeDSecure).as("asked for 3-D Secure, then completed")
			.allSatisfy(outcome -> assertThat(outcome.completion()).isNotNull());
		assertThat(Stream.concat(succeeded.stream(), threeDSecure.stream())).allSatisfy(outcome -> {
			assertThat(outcome.last().statusCode()).isEqualTo(200);
			assertThat(Shopper.json(outcome.last()).path("receiptUrl").asString())
				.startsWith("/receipt/" + FakeStripe.paymentIntentFor(outcome.token()) + "/");
		});
		assertThat(declined).allSatisfy(outcome -> {
			assertThat(outcome.last().statusCode()).isEqualTo(402);
			assertThat(Shopper.json(outcome.last()).at("/error/message").asString()).isEqualTo("Your card was declined.");
		});
		// Each paid PaymentIntent exactly once; nothing declined, nothing twice, nothing made up.
		assertThat(fulfilments).isEqualTo(paid.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)));
		assertThat(createsByConfirmationToken())
			.isEqualTo(outcomes.stream().collect(Collectors.toMap(Outcome::token, outcome -> 1L)));
	}

	static List<Outcome> withCard(List<Outcome> outcomes, String card) {
		return outcomes.stream().filter(outcome -> outcome.token().startsWith("ctoken_" + card)).toList();
	}

	Map<String, Long> postPurchaseCallsByPaymentIntent() {
		return Mockito.mockingDetails(hooks)
			.getInvocations()
			.stream()
			.filter(call -> call.getMethod().getName().equals("postPurchase"))
			.map(call -> call.<Purchase>getArgument(0).paymentIntentId())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

	/** How many PaymentIntents Stripe was asked to create for each confirmation token. */
	Map<String, Long> createsByConfirmationToken() {
		return stripe.getAllServeEvents()
			.stream()
			.map(event -> event.getRequest())
			.filter(request -> request.getMethod().equals(RequestMethod.POST) && request.getUrl().equals("/v1/payment_intents"))
			.map(request -> request.formParameter("confirmation_token").firstValue())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

}
