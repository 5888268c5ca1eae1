package com.example.hostile.downloads.site;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped languages are complete, and every text reads as written once values go in. */
class MessageBundlesTests {

	// A lone ' in a text with {0}: MessageFormat would swallow it (and what follows, up to the next one).
	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void germanHasEveryTextEnglishHasAndNoOther() {
		assertThat(keys("messages_de.properties")).isEqualTo(keys("messages.properties"));
	}

	@Test
	void germanIsTranslatedNotCopied() {
		Properties english = load("messages.properties");
		Properties german = load("messages_de.properties");
		Set<String> copied = new TreeSet<>();
		for (String key : keys("messages.properties")) {
			if (english.getProperty(key).equals(german.getProperty(key)) && english.getProperty(key).length() > 3) {
				copied.add(key);
			}
		}
		assertThat(copied).as("texts in messages_de.properties still in English").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages.properties", "messages_de.properties" })
	void textsWithValuesDoubleTheirApostrophes(String bundle) {
		Properties texts = load(bundle);
		for (String key : keys(bundle)) {
			String text = texts.getProperty(key);
			if (text.contains("{0")) {
				assertThat(LONE_APOSTROPHE.matcher(text).find()).as(bundle + ": " + key + " (write '' for ')").isFalse();
			}
		}
	}

	static Set<String> keys(String bundle) {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	static Properties load(String bundle) {
		Properties texts = new Properties();
		try (Reader in = new InputStreamReader(MessageBundlesTests.class.getResourceAsStream("/" + bundle),
				StandardCharsets.UTF_8)) {
			texts.load(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(bundle, ex);
		}
		return texts;
	}

}
