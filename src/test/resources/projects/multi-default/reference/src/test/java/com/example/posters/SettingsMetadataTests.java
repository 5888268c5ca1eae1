package com.example.posters;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every store.*, stripe.*, checkout.* ... setting is described where your IDE shows it, beside
 * application.yml. Spring Boot's configuration processor writes the descriptions at compile time,
 * into META-INF/spring-configuration-metadata.json, from the javadoc of each settings record's
 * {@code @param} tags, word for word: so a description must be plain text, without javadoc's
 * inline tags. A setting you add to a settings record needs its {@code @param} line too.
 */
class SettingsMetadataTests {

	static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Test
	void everySettingOfTheStoreIsDescribedInPlainText() throws IOException {
		List<JsonNode> settings = storeSettings();

		assertThat(settings).extracting(setting -> setting.path("name").asString())
			.as("the store's settings in " + METADATA)
			.contains("store.name", "stripe.secret-key", "checkout.automatic-tax", "rate-limits.checkout-per-client.attempts");
		List<String> badlyDescribed = settings.stream()
			.filter(setting -> !plainSentences(setting.path("description").asString("")))
			.map(setting -> setting.path("name").asString() + " (an @param line of "
					+ setting.path("sourceType").asString() + "): \"" + setting.path("description").asString("") + "\"")
			.toList();
		assertThat(badlyDescribed).as("settings without a description in plain sentences").isEmpty();
	}

	/** What an IDE shows well: text, no javadoc tag, ending as a sentence ends (Spring Boot's own do). */
	static boolean plainSentences(String description) {
		return !description.isBlank() && !description.contains("{@") && description.endsWith(".");
	}

	/** The settings the store's own classes declare, from every metadata file on the class path. */
	static List<JsonNode> storeSettings() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		String storePackage = SettingsMetadataTests.class.getPackageName() + ".";
		List<JsonNode> settings = new ArrayList<>();
		for (URL file : Collections.list(SettingsMetadataTests.class.getClassLoader().getResources(METADATA))) {
			try (InputStream in = file.openStream()) {
				for (JsonNode setting : json.readTree(in).path("properties")) {
					if (setting.path("sourceType").asString("").startsWith(storePackage)) {
						settings.add(setting);
					}
				}
			}
		}
		return settings;
	}

}
