package ${package}.licence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ${package}.StripeStub;
import ${package}.download.DownloadSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Keys derived from the purchase: the same wherever they are made with the secret, and unforgeable without it. */
class LicenceKeysTests {

	/** The settings as the store binds them from download.*, the rest at their defaults. */
	static LicenceKeys withSecret(String secret) {
		Map<String, String> properties = new HashMap<>(Map.of("download.file", "downloads/my-download.txt"));
		if (secret != null) {
			properties.put("download.licence-keys", "true");
			properties.put("download.licence-secret", secret);
		}
		return new LicenceKeys(new Binder(new MapConfigurationPropertySource(properties))
			.bind("download", DownloadSettings.class)
			.get());
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
	void withLicenceKeysOffThereAreNoKeys() {
		assertThatIllegalStateException().isThrownBy(() -> withSecret(null).keyFor(id));
	}

}
