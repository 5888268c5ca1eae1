package com.example.hostile.downloads.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a seller copies when going live (README, "Going live"): .env.example names every secret
 * the store reads from the environment, and the systemd unit's set-up installs the file sold
 * where the store looks for it.
 */
class GoingLiveFilesTests {

	// A secret or key that application.yml reads from the environment (a placeholder with an empty
	// default), on a line that is not commented out.
	static final Pattern SECRET = Pattern.compile("(?m)^[^#\\n]*[$][{]([A-Z_]*(?:SECRET|KEY)[A-Z_]*):");

	@Test
	void envExampleListsEverySecretTheStoreReads() throws IOException {
		String settings = Files.readString(Path.of("src/main/resources/application.yml"));
		String envExample = Files.readString(Path.of(".env.example"));

		Matcher secret = SECRET.matcher(settings);
		int found = 0;
		while (secret.find()) {
			found++;
			assertThat(envExample).as(".env.example").containsPattern("(?m)^" + secret.group(1) + "=");
		}
		assertThat(found).as("secrets read in application.yml").isGreaterThanOrEqualTo(4);
	}

	@Test
	void theSystemdSetUpInstallsTheFileWhereTheStoreStarts() throws IOException {
		String unit = Files.readString(Path.of("deploy/systemd/store.service"));

		assertThat(unit).contains("WorkingDirectory=/opt/store")
			.contains("install -d /opt/store/downloads")
			.contains("downloads/* /opt/store/downloads/");
		assertThat(Files.isRegularFile(Path.of("downloads/my-download.txt"))).isTrue();
	}

}
