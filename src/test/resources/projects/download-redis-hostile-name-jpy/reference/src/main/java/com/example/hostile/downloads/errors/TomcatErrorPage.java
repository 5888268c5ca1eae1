package com.example.hostile.downloads.errors;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;

import com.example.hostile.downloads.catalog.Catalog;
import com.example.hostile.downloads.site.StoreLanguage;
import com.example.hostile.downloads.web.ErrorPageHeaders;
import org.apache.catalina.Pipeline;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The page for requests Tomcat refuses before the store sees them: an address it cannot decode
 * ({@code /%zz}) or that holds characters an address may not ({@code /a|b}), an address or headers
 * over its size limit. No filter or servlet runs for those, so neither Spring Security's headers
 * nor templates/error.ftlh: Tomcat's error report valve would send its own grey page. This one
 * sends a short page of the store's, with the same headers as every other page.
 */
@Component
class TomcatErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	// Plain HTML, like layout.ftlh: the request never reached FreeMarker, and the CSP allows no
	// inline styles or scripts. Nothing from the request goes in it.
	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="%1$s">
			<head>
			  <meta charset="utf-8">
			  <meta name="viewport" content="width=device-width, initial-scale=1">
			  <title>%2$s</title>
			  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
			  <link rel="stylesheet" href="/css/store.css">
			</head>
			<body>
			  <header class="site-header"><a href="/">%3$s</a></header>
			  <main>
			    <article class="error">
			      <h1>%2$s</h1>
			      <p>%4$s <a href="/">%5$s</a>.</p>
			    </article>
			  </main>
			</body>
			</html>
			""";

	private final Catalog catalog;

	private final StoreErrorAttributes errors;

	private final MessageSourceAccessor messages;

	TomcatErrorPage(Catalog catalog, StoreErrorAttributes errors, MessageSourceAccessor messages) {
		this.catalog = catalog;
		this.errors = errors;
		this.messages = messages;
	}

	/** The page for this status, every word escaped: the store's name and messages.properties'. */
	String pageFor(int status) {
		return PAGE.formatted(StoreLanguage.languageServed(catalog.locale()).toLanguageTag(),
				HtmlUtils.htmlEscape(messages.getMessage("error.title")), HtmlUtils.htmlEscape(catalog.name()),
				HtmlUtils.htmlEscape(errors.messageFor(status)), HtmlUtils.htmlEscape(messages.getMessage("error.backToStore")));
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			StandardHost host = (StandardHost) context.getParent();
			Pipeline pipeline = host.getPipeline();
			// Replaces the valve Spring Boot adds for server.error.include-stacktrace=never (its
			// customizer runs before this one). Naming this valve the host's error report valve
			// keeps Tomcat from adding its own when the host starts.
			Arrays.stream(pipeline.getValves()).filter(ErrorReportValve.class::isInstance).forEach(pipeline::removeValve);
			pipeline.addValve(new StorePage());
			host.setErrorReportValveClass(StorePage.class.getName());
		});
	}

	private final class StorePage extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			// As Tomcat's own: only for an error nothing has answered yet (Spring Boot's error
			// page answers all the others).
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			ErrorPageHeaders.addMissing(response);
			response.setContentType("text/html;charset=UTF-8");
			try {
				PrintWriter writer = response.getReporter();
				if (writer != null) {
					writer.write(pageFor(status));
				}
			}
			catch (IOException ex) {
				// The client has gone: there is no one to tell.
			}
		}

	}

}
