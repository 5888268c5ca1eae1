package com.example.shop.checkout;

import com.example.shop.StripeStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The item page, rendered from an item whose name tries every trick. */
@SpringBootTest(properties = {
		"store.items[0].id=poster",
		"store.items[0].name=<script>alert(\"x\")</script> Tom & Jerry's \\\\${user.home} \u00e9t\u00e9 \u65e5\u672c",
		"store.items[0].description=Printed <b>on</b> paper",
		"store.items[0].price=12.5",
		"store.items[0].currency=usd",
		"stripe.publishable-key=" + StripeStub.PUBLISHABLE_KEY,
		"stripe.secret-key=" + StripeStub.SECRET_KEY })
@AutoConfigureMockMvc
class ItemControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void showsTheItemWithItsPriceAndThePaymentForm() throws Exception {
		mvc.perform(get("/").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"price\">$12.50</p>")))
			.andExpect(content().string(containsString("id=\"payment-element\"")))
			.andExpect(content().string(containsString("data-publishable-key=\"" + StripeStub.PUBLISHABLE_KEY + "\"")))
			.andExpect(content().string(containsString("data-amount=\"1250\"")))
			.andExpect(content().string(containsString("src=\"https://js.stripe.com/v3/\"")));
	}

	@Test
	void escapesTheItemNameAndDescription() throws Exception {
		mvc.perform(get("/"))
			.andExpect(content().string(containsString(
					"<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry&#39;s ${user.home} \u00e9t\u00e9 \u65e5\u672c</h1>")))
			.andExpect(content().string(containsString("Printed &lt;b&gt;on&lt;/b&gt; paper")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void neverPutsTheSecretKeyInThePage() throws Exception {
		mvc.perform(get("/")).andExpect(content().string(not(containsString(StripeStub.SECRET_KEY))));
	}

	@Test
	void sendsAContentSecurityPolicyThatAllowsStripeJsAndLittleElse() throws Exception {
		mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self' https://js.stripe.com")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-src https://js.stripe.com")))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

}
