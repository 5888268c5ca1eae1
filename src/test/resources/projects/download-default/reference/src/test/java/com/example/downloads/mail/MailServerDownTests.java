package com.example.downloads.mail;

import java.net.http.HttpResponse;

import com.example.downloads.Shopper;
import com.example.downloads.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that is down never takes the store out of its load balancer: the store sells
 * without it, and the e-mails wait for it (MailOutbox). The load balancer asks the readiness group,
 * which holds only whether the store takes requests; /actuator/health holds everything, the mail
 * server too, for monitoring.
 */
@StoreTest
class MailServerDownTests {

	/** Where the README ("Run several instances") tells sellers to point their load balancer. */
	static final String LOAD_BALANCER_CHECK = "/actuator/health/readiness";

	@Autowired
	MailServer mailServer;

	@Autowired
	HealthContributorRegistry health;

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path) {
		return new Shopper(port).get(path, "Accept", "application/json");
	}

	@Test
	void theLoadBalancersCheckStaysUpWhileTheMailServerIsDown() {
		mailServer.stop();

		HttpResponse<String> loadBalancersCheck = get(LOAD_BALANCER_CHECK);
		HttpResponse<String> everything = get("/actuator/health");

		assertThat(loadBalancersCheck.statusCode()).as(LOAD_BALANCER_CHECK).isEqualTo(200);
		assertThat(Shopper.json(loadBalancersCheck).path("status").asString()).isEqualTo("UP");
		// Monitoring still learns of it: the mail server's own health is DOWN, and so is the whole.
		assertThat(((HealthIndicator) health.getContributor("mail")).health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(everything.statusCode()).as("/actuator/health with the mail server down").isEqualTo(503);
		assertThat(Shopper.json(everything).path("status").asString()).isEqualTo("DOWN");

		mailServer.start();
		assertThat(get("/actuator/health").statusCode()).as("/actuator/health with the mail server back").isEqualTo(200);
	}

}
