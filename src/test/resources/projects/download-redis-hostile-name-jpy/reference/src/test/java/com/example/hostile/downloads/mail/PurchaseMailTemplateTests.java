package com.example.hostile.downloads.mail;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.example.hostile.downloads.Messages;
import com.example.hostile.downloads.Purchase;
import com.example.hostile.downloads.StoreTest;
import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.catalog.Item;
import com.example.hostile.downloads.site.StoreAddress;
import com.stripe.model.checkout.Session;
import freemarker.template.Configuration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail's text as the store writes it, with the store's real templates and contributors, for
 * a catalog whose names are hostile: the HTML part escapes them, the text part keeps them exact.
 * A catalog of its own rather than a Spring context of its own: the context is the shared one.
 * (The names spell $ and # as \u0024 and \u0023, which Java reads as those characters.)
 */
@StoreTest
class PurchaseMailTemplateTests {

	static final String HOSTILE_ITEM = "Tom's \"Best\" <script>alert('x')</script> & \u0024{x} <\u0023if> Ünïcode";

	static final String HOSTILE_STORE = "Shop <b>bold</b> & \"Sons\"";

	@Autowired
	MailOutbox outbox;

	@Autowired
	MailProperties settings;

	@Autowired
	Configuration templates;

	@Autowired
	StoreAddress storeAddress;

	// None in a store without downloads.
	@Autowired
	ObjectProvider<PurchaseMailContributor> contributors;

	PurchaseMail.Written written() throws Exception {
		Item item = new Item("item", HOSTILE_ITEM, "", new BigDecimal("12.50"), "usd", null, null);
		Catalog catalog = new Catalog("test-store", HOSTILE_STORE, List.of(item), Locale.US, 3);
		PurchaseMail mail = new PurchaseMail(outbox, settings, catalog, templates,
				contributors.orderedStream().toList(), Messages.in(Locale.US), storeAddress);
		Purchase purchase = new Purchase("cs_test_hostile", "item", 2, 2500, "usd", "buyer@example.com");
		Session session = new Session();
		session.setId(purchase.id());
		session.setMetadata(Map.of());
		return mail.write(purchase, session);
	}

	@Test
	void theHtmlPartEscapesTheNames() throws Exception {
		String html = written().html();
		assertThat(html).contains("Tom&#39;s &quot;Best&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \u0024{x} &lt;\u0023if&gt; Ünïcode")
			.contains("Shop &lt;b&gt;bold&lt;/b&gt; &amp; &quot;Sons&quot;")
			.doesNotContain("<script>", "<b>bold");
	}

	@Test
	void theTextPartAndSubjectKeepTheNamesExact() throws Exception {
		PurchaseMail.Written written = written();
		assertThat(written.text()).contains(HOSTILE_ITEM + " x 2", HOSTILE_STORE, "\u002425.00",
				storeAddress.baseUrl() + "/receipt/cs_test_hostile");
		assertThat(written.subject()).isEqualTo("Your purchase from " + HOSTILE_STORE);
	}

}
