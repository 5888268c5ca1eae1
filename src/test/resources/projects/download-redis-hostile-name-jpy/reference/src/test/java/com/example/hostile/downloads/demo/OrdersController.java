package com.example.hostile.downloads.demo;

import java.time.OffsetDateTime;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The orders and refunds tables as the orders feature wrote them in the demo, newest first: what a
 * seller's own queries (the README's "Orders") would find.
 */
@Controller
@TestComponent
class OrdersController {

	static final String PATH = "/demo/orders";

	private final JdbcClient jdbc;

	OrdersController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping(PATH)
	String showOrders(Model model) {
		model.addAttribute("orders", jdbc.sql("select * from orders order by paid_at desc").query(OrderRow.class).list());
		model.addAttribute("refunds",
				jdbc.sql("select * from refunds order by recorded_at desc").query(RefundRow.class).list());
		return "demo/orders";
	}

	/** A row of the orders table (public, as FreeMarker reads only public classes). */
	public record OrderRow(String id, String itemId, int quantity, long amount, String currency, String email,
			OffsetDateTime paidAt) {
	}

	/** A row of the refunds table. */
	public record RefundRow(String eventId, String orderId, String kind, long amountRefunded, String currency,
			boolean refundedInFull, OffsetDateTime recordedAt) {
	}

}
