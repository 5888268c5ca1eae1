package com.example.hostile.downloads.mail;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The buyer's e-mail, bound from {@code store.mail.*}; the mail server itself is Spring Boot's
 * {@code spring.mail.*}, and without {@code spring.mail.host} nothing is sent.
 *
 * @param from The sender buyers see, as shop@example.com or My Store <shop@example.com>. Left out, the
 * sender is the mail server's account (spring.mail.username); with neither, the store refuses to
 * start while spring.mail.host is set.
 * @param retryDelays How long to wait before each new try after a failed send: a send is tried once
 * plus once per delay, then given up with an ERROR in the log.
 */
@ConfigurationProperties("store.mail")
@Validated
public record MailProperties(String from,
		@DefaultValue({ "1m", "5m", "30m", "2h" }) @NotNull @Size(max = 20) List<@NotNull Duration> retryDelays) {

	public MailProperties {
		from = from == null || from.isBlank() ? null : from;
		if (from != null) {
			try {
				new InternetAddress(from, true);
			}
			catch (AddressException ex) {
				throw new IllegalArgumentException("store.mail.from: '" + from
						+ "' is not an e-mail address (write it as shop@example.com or My Store <shop@example.com>)");
			}
		}
		retryDelays = retryDelays == null ? List.of() : List.copyOf(retryDelays);
		if (retryDelays.stream().anyMatch(Duration::isNegative)) {
			throw new IllegalArgumentException("store.mail.retry-delays: a delay cannot be negative");
		}
	}

}
