package com.example.hostile.downloads.lostlink;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Lost your link?": a buyer who closed every tab types the address they paid with, and the store
 * e-mails fresh links for the purchases Stripe has for it ({@link LostLinks}). The page answers the
 * same, at once, whether or not the address bought anything, so it tells nobody who the buyers
 * are. Requests are counted per connection and per address (ratelimit/RateLimiter).
 */
@Controller
class LostLinkController {

	private final LostLinks lostLinks;

	LostLinkController(LostLinks lostLinks) {
		this.lostLinks = lostLinks;
	}

	@ModelAttribute("mailEnabled")
	boolean mailEnabled() {
		return lostLinks.enabled();
	}

	/** The form posts it back: Spring Security refuses a POST without it. */
	@ModelAttribute("csrf")
	CsrfToken csrf(CsrfToken token) {
		return token;
	}

	@GetMapping("/lost-link")
	String showForm(@RequestParam(defaultValue = "false") boolean sent, Model model) {
		model.addAttribute("form", new LostLinkForm(""));
		model.addAttribute("sent", sent);
		return "lost-link";
	}

	@PostMapping("/lost-link")
	String sendLinks(@Valid @ModelAttribute("form") LostLinkForm form, BindingResult result, Model model,
			HttpServletResponse response) {
		if (!lostLinks.enabled()) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return "lost-link";
		}
		if (result.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", result.getFieldErrors().get(0).getDefaultMessage());
			return "lost-link";
		}
		lostLinks.sendTo(form.email().strip());
		// Back to the page, so that a reload does not send the form again.
		return "redirect:/lost-link?sent=true";
	}

	/** Over a rate limit (ratelimit/RateLimiter): the form again, with why and when to come back. */
	@ExceptionHandler
	ModelAndView refused(ErrorResponseException ex, HttpServletRequest request, HttpServletResponse response) {
		ModelAndView page = new ModelAndView("lost-link", ex.getStatusCode());
		page.addObject("form", new LostLinkForm(""));
		page.addObject("mailEnabled", lostLinks.enabled());
		page.addObject("csrf", request.getAttribute(CsrfToken.class.getName()));
		page.addObject("error", ex.getBody().getDetail());
		String retryAfter = ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return page;
	}

}
