package ${package}.download;

import java.time.Duration;
import java.util.Map;

import ${package}.Purchase;
import ${package}.mail.PurchaseMailContributor;
import com.stripe.model.checkout.Session;

import org.springframework.stereotype.Component;

/** Puts a fresh download link in the buyer's e-mail, valid for download.link-lifetime from when it is sent. */
@Component
class DownloadMailLink implements PurchaseMailContributor {

	private final DownloadLinks links;

	private final DownloadSettings settings;

	DownloadMailLink(DownloadLinks links, DownloadSettings settings) {
		this.links = links;
		this.settings = settings;
	}

	@Override
	public void contribute(Purchase purchase, Session session, String storeUrl, Map<String, Object> model) {
		model.put("downloadUrl", storeUrl + links.pathFor(purchase.id(), purchase.itemId()));
		model.put("downloadLifetime", inWords(settings.linkLifetime()));
	}

	/** 24h as "24 hours", 90m as "90 minutes": how long a link works, for the e-mail. */
	static String inWords(Duration lifetime) {
		if (lifetime.toDays() >= 2 && lifetime.equals(Duration.ofDays(lifetime.toDays()))) {
			return plural(lifetime.toDays(), "day");
		}
		if (lifetime.equals(Duration.ofHours(lifetime.toHours()))) {
			return plural(lifetime.toHours(), "hour");
		}
		return plural(Math.max(1, lifetime.toMinutes()), "minute");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

}
