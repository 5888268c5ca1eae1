package com.example.hostile.downloads.sharedstate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.hostile.downloads.Concurrently;
import com.example.hostile.downloads.FakeStripe;
import com.example.hostile.downloads.Shopper;
import com.example.hostile.downloads.StoreApplication;
import com.example.hostile.downloads.StripeApiServer;
import com.example.hostile.downloads.StripeKey;
import com.example.hostile.downloads.StripeStub;
import com.example.hostile.downloads.catalog.Catalog;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code download-limit.max-downloads: 2} across two instances of the store sharing one real Redis and
 * one stand-in Stripe, as behind a load balancer: downloads spread over both, started together
 * or one after the other, with Range or not, get the whole file twice per purchase.
 */
class DownloadLimitAcrossInstancesTests {

	static final Pattern DOWNLOAD_LINK = Pattern.compile("href=\"(/download/[^\"]+)\"");

	static RedisServer redis;

	static WireMockServer stripe;

	static final FakeStripe fakeStripe = new FakeStripe();

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	static final HttpClient http = Shopper.client();

	byte[] file;

	// The purchase of each test, and its download link.
	String id;

	String link;

	@BeforeAll
	static void startRedisStripeAndTwoInstances() throws Exception {
		redis = new RedisServer();
		redis.start();
		stripe = StripeApiServer.start(fakeStripe, new StripeKey(), 16);
		one = instance();
		two = instance();
	}

	@AfterAll
	static void stopAll() throws Exception {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { one, two }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (stripe != null) {
			stripe.stop();
		}
		if (redis != null) {
			redis.stop();
		}
	}

	static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(StoreApplication.class).run("--server.port=0",
				"--stripe.publishable-key=" + StripeStub.PUBLISHABLE_KEY, "--stripe.secret-key=" + StripeStub.SECRET_KEY,
				"--stripe.webhook-secret=" + StripeStub.WEBHOOK_SECRET, "--stripe.api-base=" + stripe.baseUrl(),
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redis.port(),
				"--download-limit.max-downloads=2", "--download.link-secret=the-same-secret-on-every-instance");
	}

	@BeforeEach
	void answerAsStripe() throws Exception {
		stripe.resetAll();
		fakeStripe.answer(stripe);
		file = Files.readAllBytes(Path.of("downloads/my-download.txt"));
	}

	@Test
	void tenDownloadsStartedTogetherOnBothInstancesServeTheWholeFileTwice() throws Exception {
		aPaidPurchase();
		List<Callable<HttpResponse<byte[]>>> downloads = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			downloads.add(() -> download(one, link, null));
			downloads.add(() -> download(two, link, null));
		}

		List<HttpResponse<byte[]>> answers = Concurrently.run(downloads);

		assertThat(wholeFiles(answers)).as("whole files served to 10 simultaneous downloads on two instances")
			.isEqualTo(2);
		assertThat(answers).filteredOn(answer -> answer.statusCode() == 403).hasSize(8);
	}

	@Test
	void rangesAsLongAsTheFileOnBothInstancesServeTheWholeFileTwice() throws Exception {
		aPaidPurchase();

		List<HttpResponse<byte[]>> answers = List.of(download(one, link, "bytes=-999999999"),
				download(two, link, "bytes=00-"), download(one, link, "bytes=-999999999"),
				download(two, link, "bytes=00-"));

		assertThat(wholeFiles(answers)).as("whole files served to Range requests on two instances").isEqualTo(2);
		// The bytes sent for the purchase, counted in Redis.
		assertThat(redis.cli("GET", "download-bytes:" + id)).containsExactly(Integer.toString(2 * file.length));
	}

	@Test
	void aDownloadResumedOnTheOtherInstanceCountsOnce() throws Exception {
		aPaidPurchase();

		byte[] start = download(one, link, "bytes=0-99").body();
		byte[] rest = download(two, link, "bytes=100-").body();
		byte[] resumed = Arrays.copyOf(start, start.length + rest.length);
		System.arraycopy(rest, 0, resumed, start.length, rest.length);

		assertThat(resumed).isEqualTo(file);
		assertThat(download(two, link, null).body()).isEqualTo(file);
		assertThat(download(one, link, null).statusCode()).isEqualTo(403);
	}

	/** A purchase paid at Stripe, and the download link its receipt page gives. */
	void aPaidPurchase() {
		Shopper shopper = new Shopper(port(one));
		shopper.opensTheItemPage();
		id = shopper.opensTheCheckout(one.getBean(Catalog.class).firstItem().id(), 1);
		fakeStripe.pay(id);
		String receipt = shopper.get("/receipt/" + id).body();
		Matcher found = DOWNLOAD_LINK.matcher(receipt);
		assertThat(found.find()).as("a download link on the receipt").isTrue();
		link = found.group(1);
	}

	static HttpResponse<byte[]> download(ConfigurableApplicationContext instance, String link, String range)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + link));
		if (range != null) {
			request.header("Range", range);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	long wholeFiles(List<HttpResponse<byte[]>> answers) {
		return answers.stream().filter(answer -> Arrays.equals(answer.body(), file)).count();
	}

	static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

}
