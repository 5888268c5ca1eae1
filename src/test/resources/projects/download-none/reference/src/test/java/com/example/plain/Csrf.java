package com.example.plain;

import jakarta.servlet.http.Cookie;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A CSRF token for a MockMvc request, got the way checkout.js gets one: from /csrf-token, sent
 * back in the header it names with the XSRF-TOKEN cookie it set.
 *
 * <p>Not spring-security-test's {@code csrf()}: that swaps the store's cookie-based token store
 * for one kept in an HTTP session, in the filter the whole Spring context shares, so the tests
 * over real HTTP that share the context with a MockMvc test would then see sessions and have
 * their tokens refused.
 */
public final class Csrf {

	private static final JsonMapper json = JsonMapper.builder().build();

	private Csrf() {
	}

	public static RequestPostProcessor tokenFrom(MockMvc mvc) {
		MockHttpServletResponse answer;
		try {
			answer = mvc.perform(get("/csrf-token").accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
			JsonNode token = json.readTree(answer.getContentAsString());
			Cookie cookie = answer.getCookie("XSRF-TOKEN");
			return request -> {
				request.setCookies(cookie);
				request.addHeader(token.get("headerName").asString(), token.get("token").asString());
				return request;
			};
		}
		catch (Exception ex) {
			throw new IllegalStateException("No CSRF token from /csrf-token", ex);
		}
	}

}
