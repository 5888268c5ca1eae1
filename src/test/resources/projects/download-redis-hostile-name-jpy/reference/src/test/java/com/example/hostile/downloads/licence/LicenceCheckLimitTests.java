package com.example.hostile.downloads.licence;

import com.example.hostile.downloads.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each client address checks at most licence-keys.checks-per-client keys, without a CSRF token, and
 * its budget is its own: another address, and the checkout, are not held back by it.
 */
@StoreTest
@TestPropertySource(properties = { "licence-keys.checks-per-client.attempts=4" })
class LicenceCheckLimitTests {

	@Autowired
	MockMvc mvc;

	@Test
	void overItsBudgetAnAddressWaits() throws Exception {
		for (int i = 0; i < 4; i++) {
			check("203.0.113.20").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("unknown"));
		}

		check("203.0.113.20").andExpect(status().isTooManyRequests())
			.andExpect(header().exists(HttpHeaders.RETRY_AFTER))
			.andExpect(result -> assertThat(((ErrorResponseException) result.getResolvedException()).getBody().getDetail())
				.contains("Too many licence checks"));
		check("203.0.113.21").andExpect(status().isOk());
	}

	private ResultActions check(String address) throws Exception {
		return mvc.perform(post("/licences/verify").contentType(MediaType.APPLICATION_JSON)
			.content("{\"key\": \"not-a-key\"}")
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			}));
	}

}
