package com.example.posters.demo;

import java.util.HashMap;
import java.util.Map;

import com.example.posters.StripeJsApi;
import com.example.posters.StripeJsApi.Answer;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What fake-stripe.js asks of Stripe, answered on the store's own address in the demo, as
 * {@link StripeJsApi} answers it on api.stripe.com in the browser tests.
 */
@RestController
@TestComponent
class StripeJsApiController {

	static final String PATH = "/demo/stripe-api";

	private final StripeJsApi api;

	StripeJsApiController(StripeJsApi api) {
		this.api = api;
	}

	@RequestMapping(PATH + "/**")
	ResponseEntity<String> answer(HttpServletRequest request) {
		Map<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
		Answer answer = api.answer(request.getMethod(), request.getRequestURI().substring(PATH.length()),
				request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.AUTHORIZATION), form);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
		answer.headers().forEach(response::header);
		return answer.body() == null ? response.build()
				: response.contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

}
