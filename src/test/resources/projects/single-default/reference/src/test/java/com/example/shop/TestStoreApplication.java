package com.example.shop;

import com.example.shop.demo.Demo;
import com.example.shop.demo.DemoKeys;

import org.springframework.boot.SpringApplication;

/**
 * The store as a demo, to try before you have Stripe keys: {@code ./mvnw spring-boot:test-run}
 * (Spring Boot runs this class, as it is the one with a main method in src/test). Stripe's API and
 * Stripe.js, and a mail server, are played on this machine by the tests' stand-ins ({@link Demo}),
 * every page says that it is a demo, and nothing is charged. It lives in src/test, so none of it
 * is in the packaged jar. With your own Stripe keys, run the store itself: {@code ./mvnw spring-boot:run}.
 */
public class TestStoreApplication {

	public static void main(String[] args) {
		// The demo never runs on real keys: set ones are a sign that the store itself was meant.
		DemoKeys.keySetByYou(System.getenv(), System.getProperties(), args).ifPresent(setting -> {
			System.err.println("The demo will not start: " + setting + " is set, and the demo plays Stripe "
					+ "itself. Run the store with your keys: ./mvnw spring-boot:run (or unset it to try the demo).");
			System.exit(1);
		});
		SpringApplication.from(StoreApplication::main).with(Demo.class).run(args);
	}

}
