package com.example.hostile.downloads.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.Refund;
import com.example.hostile.downloads.Refund.Kind;
import com.example.hostile.downloads.fulfilment.PurchaseFulfilled;
import com.example.hostile.downloads.webhook.RefundPosted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders' tables (Flyway's db/migration), {@link Orders}' SQL and the README's queries for the
 * seller, on both databases the store runs on: H2 in PostgreSQL's dialect (the default) and a real
 * PostgreSQL ({@link PostgreSqlServer}, skipped where it is not installed). Each test gets a new,
 * empty database; only the database classes start, not the store.
 */
class OrdersDatabaseTests {

	// The README's queries ("Orders"), word for word: the last test checks that they are.
	static final String TODAYS_SALES = """
			select currency, count(*) as orders, sum(quantity) as items, sum(amount) as amount
			from orders
			where paid_at >= current_date
			group by currency""";

	static final String REFUNDS = """
			select r.recorded_at, r.kind, r.order_id, o.email, r.amount_refunded, r.currency, r.refunded_in_full
			from refunds r left join orders o on o.id = r.order_id
			order by r.recorded_at desc""";

	static final String ORDERS_OF_AN_EMAIL = """
			select o.paid_at, o.id, o.item_id, o.quantity, o.amount, o.currency, r.kind, r.amount_refunded
			from orders o left join refunds r on r.order_id = o.id
			where lower(o.email) = lower('buyer@example.com')
			order by o.paid_at, r.recorded_at""";

	static PostgreSqlServer postgres;

	@AfterAll
	static void stopPostgres() throws Exception {
		if (postgres != null) {
			postgres.stop();
		}
	}

	/** Orders on a new database: "H2" or "PostgreSQL". */
	static ApplicationContextRunner ordersOn(String database) throws Exception {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withBean(Orders.class);
		if ("H2".equals(database)) {
			return runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL");
		}
		if (postgres == null) {
			PostgreSqlServer server = new PostgreSqlServer();
			server.start();
			postgres = server;
		}
		return runner.withPropertyValues("spring.datasource.url=" + postgres.newDatabase(),
				"spring.datasource.username=" + postgres.username());
	}

	static Purchase purchase(String id, String email, long amount) {
		return new Purchase(id, "item", 2, amount, "usd", email);
	}

	static void fulfilled(Orders orders, Purchase purchase) {
		orders.purchaseFulfilled(new PurchaseFulfilled(purchase, null, null));
	}

	static Refund refund(String purchaseId, Kind kind, long amountRefunded, String eventId) {
		return new Refund(purchaseId, "item", 2, kind, amountRefunded, "usd", amountRefunded == 1800, eventId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void aPurchaseReportedTwiceIsOneOrder(String database) throws Exception {
		ordersOn(database).run(context -> {
			Orders orders = context.getBean(Orders.class);
			fulfilled(orders, purchase("cs_test_1", "buyer@example.com", 1800));
			fulfilled(orders, purchase("cs_test_1", "buyer@example.com", 1800));

			List<Map<String, Object>> rows = context.getBean(JdbcClient.class)
				.sql("select id, item_id, quantity, amount, currency, email, paid_at from orders").query().listOfRows();
			assertThat(rows).singleElement().satisfies(order -> assertThat(order).containsEntry("id", "cs_test_1")
				.containsEntry("item_id", "item")
				.containsEntry("quantity", 2)
				.containsEntry("amount", 1800L)
				.containsEntry("currency", "usd")
				.containsEntry("email", "buyer@example.com")
				.containsKey("paid_at"));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void eachRefundOrDisputeEventIsOneRowHoweverOftenItIsReported(String database) throws Exception {
		ordersOn(database).run(context -> {
			Orders orders = context.getBean(Orders.class);
			orders.refundPosted(new RefundPosted(refund("cs_test_1", Kind.REFUNDED, 500, "evt_1")));
			orders.refundPosted(new RefundPosted(refund("cs_test_1", Kind.REFUNDED, 500, "evt_1")));
			orders.refundPosted(new RefundPosted(refund("cs_test_1", Kind.DISPUTED, 500, "evt_2")));

			assertThat(context.getBean(JdbcClient.class)
				.sql("select event_id, kind from refunds order by event_id")
				.query((row, number) -> row.getString(1) + " " + row.getString(2))
				.list()).containsExactly("evt_1 REFUNDED", "evt_2 DISPUTED");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "H2", "PostgreSQL" })
	void theReadmesQueriesAnswerWhatTheSellerAsks(String database) throws Exception {
		ordersOn(database).run(context -> {
			Orders orders = context.getBean(Orders.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			fulfilled(orders, purchase("cs_test_1", "Buyer@Example.com", 1800));
			fulfilled(orders, purchase("cs_test_2", "other@example.com", 900));
			fulfilled(orders, purchase("cs_test_3", "buyer@example.com", 1800));
			jdbc.sql("update orders set paid_at = paid_at - interval '2' day where id = 'cs_test_3'").update();
			orders.refundPosted(new RefundPosted(refund("cs_test_1", Kind.REFUNDED, 1800, "evt_1")));

			assertThat(jdbc.sql(TODAYS_SALES).query().listOfRows())
				.extracting(sales -> sales.get("currency") + " " + number(sales, "orders") + " " + number(sales, "items") + " "
						+ number(sales, "amount"))
				.containsExactly("usd 2 4 2700");
			assertThat(jdbc.sql(REFUNDS).query().listOfRows()).singleElement()
				.satisfies(refund -> assertThat(refund).containsEntry("order_id", "cs_test_1")
					.containsEntry("email", "Buyer@Example.com")
					.containsEntry("kind", "REFUNDED")
					.containsEntry("refunded_in_full", true));
			assertThat(jdbc.sql(ORDERS_OF_AN_EMAIL).query().listOfRows()).extracting(row -> row.get("id") + " " + row.get("kind"))
				.containsExactly("cs_test_3 null", "cs_test_1 REFUNDED");
		});
	}

	@Test
	void theReadmeGivesTheseQueriesWordForWord() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		for (String query : List.of(TODAYS_SALES, REFUNDS, ORDERS_OF_AN_EMAIL)) {
			assertThat(readme).contains(query + ";");
		}
	}

	/** A count or sum, whichever type of number the database gives it (a sum of bigints is numeric in PostgreSQL). */
	static long number(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

}
