package com.example.plain.web;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands checkout.js the CSRF token it sends with each purchase, and sets the XSRF-TOKEN cookie
 * that token is checked against. Pages carry no token: making one costs random numbers and a
 * cookie on every view, so only a shopper whose browser runs the checkout asks for it.
 */
@RestController
class CsrfTokenController {

	@GetMapping(path = "/csrf-token", produces = "application/json")
	CsrfTokenAnswer csrfToken(CsrfToken token) {
		return new CsrfTokenAnswer(token.getHeaderName(), token.getToken());
	}

	/** The header to send and its value. */
	record CsrfTokenAnswer(String headerName, String token) {
	}

}
