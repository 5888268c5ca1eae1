package com.example.plain.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than the store ever needs (413), before anything reads them:
 * a purchase is a few hundred bytes of JSON, a Stripe event a few kilobytes.
 * Without a limit, one request could make the store read megabytes into memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

	static final int MAX_BODY_BYTES = 16 * 1024;

	// Events carry a whole Stripe object; leave room for large ones.
	static final int MAX_WEBHOOK_BODY_BYTES = 512 * 1024;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int limit = request.getRequestURI().equals("/stripe/webhook") ? MAX_WEBHOOK_BODY_BYTES : MAX_BODY_BYTES;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
			// A body sent in chunks announces no length: read up to the limit to find out.
			byte[] body = request.getInputStream().readNBytes(limit + 1);
			if (body.length > limit) {
				response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
				return;
			}
			request = new ReadBody(request, body);
		}
		chain.doFilter(request, response);
	}

	/** The request with its body already read into memory (at most the limit). */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already read");
				}

			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
