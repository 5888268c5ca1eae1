package com.example.plain.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells pages whether the visitor is on the store's own machine: the seller trying the store out,
 * who may read hints about its set-up that shoppers should never see. A request that came through
 * a proxy (it carries X-Forwarded-For or Forwarded) is never local, even from the proxy's address.
 */
@ControllerAdvice
class LocalVisitor {

	@ModelAttribute("visitorIsLocal")
	boolean visitorIsLocal(HttpServletRequest request) {
		if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
			return false;
		}
		try {
			// An address literal: no name is looked up.
			return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
