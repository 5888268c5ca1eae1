package com.example.hostile.downloads.lostlink;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the limit per e-mail address counts: the address the form posts, however it is typed. */
class LostLinkGuardsTests {

	@Test
	void anAddressCountsOnceWhateverItsCaseAndSpaces() {
		assertThat(LostLinkGuards.email(posted(" Buyer@Example.COM "))).isEqualTo("buyer@example.com");
	}

	@Test
	void theFormPageAndAnEmptyFormCountNothing() {
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/lost-link");
		page.setParameter("email", "buyer@example.com");

		assertThat(LostLinkGuards.email(page)).isNull();
		assertThat(LostLinkGuards.email(posted(" "))).isNull();
		assertThat(LostLinkGuards.email(new MockHttpServletRequest("POST", "/lost-link"))).isNull();
	}

	private static MockHttpServletRequest posted(String email) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/lost-link");
		request.setParameter("email", email);
		return request;
	}

}
