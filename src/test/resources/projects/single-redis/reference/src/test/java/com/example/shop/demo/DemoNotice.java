package com.example.shop.demo;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * Says on every page of the demo that it is one and that nothing is charged, with links to the
 * demo's own pages: written into each HTML page as it leaves, so the store's templates hold no
 * line of the demo. Styled by src/test/resources/static/demo/demo.css, from the store itself as
 * its Content-Security-Policy asks.
 */
class DemoNotice extends HttpFilter {

	static final String STYLESHEET = "<link rel=\"stylesheet\" href=\"/demo/demo.css\">";

	private final String notice;

	DemoNotice(List<DemoPage> pages) {
		String links = pages.stream()
			.map(page -> "<a href=\"" + HtmlUtils.htmlEscape(page.path()) + "\">" + HtmlUtils.htmlEscape(page.name()) + "</a>")
			.collect(Collectors.joining(" "));
		this.notice = "<aside class=\"demo-notice\" aria-label=\"Demo\"><p><strong>Demo:</strong> Stripe is played on "
				+ "this machine, so nothing is charged. Pay with the test card 4242 4242 4242 4242.</p><p>" + links
				+ "</p></aside>";
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, page);
		String type = page.getContentType();
		if (type == null || !type.startsWith("text/html") || page.getContentSize() == 0) {
			page.copyBodyToResponse();
			return;
		}
		Charset charset = Charset.forName(page.getCharacterEncoding());
		String html = new String(page.getContentAsByteArray(), charset)
			.replaceFirst("</head>", STYLESHEET + "</head>")
			.replaceFirst("(<body[^>]*>)", "$1" + Matcher.quoteReplacement(notice));
		byte[] body = html.getBytes(charset);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
