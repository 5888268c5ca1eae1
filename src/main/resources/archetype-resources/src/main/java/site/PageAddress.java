package ${package}.site;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page its own absolute address ({@code pageUrl}, without the query), which
 * layout.ftlh writes as the canonical address and the link preview's {@code og:url}, and the
 * store's ({@code storeUrl}), for the preview's image.
 */
@ControllerAdvice
class PageAddress {

	private final StoreAddress address;

	PageAddress(StoreAddress address) {
		this.address = address;
	}

	@ModelAttribute("storeUrl")
	String storeUrl() {
		return address.baseUrl();
	}

	@ModelAttribute("pageUrl")
	String pageUrl(HttpServletRequest request) {
		return address.pageOf(request);
	}

}
