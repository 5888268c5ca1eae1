package com.example.plain.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers for the error pages of requests refused before Spring Security wrote its
 * headers: a body too large (RequestBodyLimit runs first), TRACE (Tomcat refuses it), a method
 * nobody knows (Spring Security's firewall refuses it). Their page is rendered on an error
 * dispatch, where Spring Security's header writer does not run. An error page whose request did
 * pass through Spring Security keeps the headers it already has.
 */
@Component
public class ErrorPageHeaders extends OncePerRequestFilter {

	/** Spring Security's headers as SecurityConfiguration sets them, on a response that lacks them. */
	public static void addMissing(HttpServletResponse response) {
		setIfMissing(response, "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
		setIfMissing(response, "X-Content-Type-Options", "nosniff");
		setIfMissing(response, "X-Frame-Options", "DENY");
		setIfMissing(response, "Referrer-Policy", ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy());
	}

	private static void setIfMissing(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		addMissing(response);
		chain.doFilter(request, response);
	}

}
