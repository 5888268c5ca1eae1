package com.example.plain.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/** Who a request is counted as by {@link RateLimiter}: its client. */
public final class RateLimitKey {

	private RateLimitKey() {
	}

	/**
	 * The address that counts. It is the connection's own address, unless the store is told a proxy
	 * is in front (server.forward-headers-strategy in application.yml): then Tomcat takes it from the
	 * proxy's X-Forwarded-For. IPv6 clients are counted by their /64 network, which one customer of
	 * an internet provider usually gets whole.
	 */
	public static String client(HttpServletRequest request) {
		String address = request.getRemoteAddr();
		if (address == null || !address.contains(":")) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				return address;
			}
			for (int i = 8; i < 16; i++) {
				bytes[i] = 0;
			}
			return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
