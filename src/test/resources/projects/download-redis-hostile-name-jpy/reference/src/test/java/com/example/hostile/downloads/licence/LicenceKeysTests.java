package com.example.hostile.downloads.licence;

import java.time.Duration;
import java.util.List;

import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.stripe.StripeProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Keys derived from the purchase: the same wherever they are made with the secret, and unforgeable without it. */
class LicenceKeysTests {

	static LicenceKeys withSecret(String secret) {
		return new LicenceKeys(new LicenceKeysProperties(secret, null), keys("test"));
	}

	static StripeProperties keys(String mode) {
		return new StripeProperties("pk_" + mode + "_placeholder", "sk_" + mode + "_placeholder", null,
				"https://api.stripe.com", "https://js.stripe.com/dahlia/stripe.js", Duration.ofSeconds(5),
				Duration.ofSeconds(10), 2, Duration.ofSeconds(30));
	}

	final LicenceKeys keys = withSecret("a-long-random-secret-for-these-tests");

	final String id = StripeStub.newSessionId();

	@Test
	void aKeyCarriesItsPurchaseAndReadsBack() {
		String key = keys.keyFor(id);

		assertThat(key).startsWith(id + ".");
		assertThat(keys.sessionIdOf(key)).contains(id);
		assertThat(keys.sessionIdOf("  " + key + "\n")).as("spaces from copying").contains(id);
	}

	@Test
	void keysAreTheSameOnEveryInstanceWithTheSameSecret() {
		LicenceKeys anotherInstance = withSecret("a-long-random-secret-for-these-tests");

		assertThat(anotherInstance.keyFor(id)).isEqualTo(keys.keyFor(id));
		assertThat(anotherInstance.sessionIdOf(keys.keyFor(id))).contains(id);
	}

	@Test
	void anotherSecretMakesOtherKeysAndRefusesThese() {
		LicenceKeys anotherStore = withSecret("another-long-random-secret");

		assertThat(anotherStore.keyFor(id)).isNotEqualTo(keys.keyFor(id));
		assertThat(anotherStore.sessionIdOf(keys.keyFor(id))).isEmpty();
	}

	@Test
	void eachPurchaseHasAKeyOfItsOwn() {
		assertThat(keys.keyFor(StripeStub.newSessionId())).isNotEqualTo(keys.keyFor(id));
	}

	@Test
	void whatIsNotAKeyOfThisStoresReadsAsNothing() {
		String key = keys.keyFor(id);
		String mac = key.substring(key.indexOf('.') + 1);
		String anotherId = StripeStub.newSessionId();
		char last = key.charAt(key.length() - 1);
		List<String> notKeys = List.of(key.substring(0, key.length() - 1) + (last == 'A' ? 'B' : 'A'),
				anotherId + "." + mac, key.substring(0, key.length() - 1), id, id + ".", "." + mac, "garbage",
				"", "cs_test_<script>." + mac, key + "." + mac);

		for (String notAKey : notKeys) {
			assertThat(keys.sessionIdOf(notAKey)).as(notAKey).isEmpty();
		}
		assertThat(keys.sessionIdOf(null)).isEmpty();
	}

	@Test
	void withoutASecretKeysDieAtTheNextRestart() {
		String given = withSecret(null).keyFor(id);

		assertThat(withSecret(null).sessionIdOf(given)).as("after a restart").isEmpty();
		assertThat(withSecret(" ").sessionIdOf(given)).as("a blank secret is none").isEmpty();
	}

	@Test
	void withLiveKeysTheStoreDoesNotStartWithoutASecret() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new LicenceKeys(new LicenceKeysProperties(null, null), keys("live")))
			.satisfies(ex -> assertThat(ex.getName()).isEqualTo("licence-keys.secret"))
			.withMessageContaining("LICENCE_KEY_SECRET is not set, and the Stripe keys are live: licence keys would");
		assertThat(new LicenceKeysProperties("a-long-random-secret", null)).asString()
			.doesNotContain("a-long-random-secret");
	}

}
