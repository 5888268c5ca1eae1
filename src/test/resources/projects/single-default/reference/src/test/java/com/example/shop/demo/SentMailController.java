package com.example.shop.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.shop.mail.MailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The e-mails the store sent in the demo, newest first, as their readers would see the plain-text
 * part, with the links in them to follow.
 */
@Controller
@TestComponent
class SentMailController {

	static final String PATH = "/demo/mail";

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private final MailServer mailServer;

	SentMailController(MailServer mailServer) {
		this.mailServer = mailServer;
	}

	@GetMapping(PATH)
	String showMail(Model model) throws MessagingException, IOException {
		List<Mail> mails = new ArrayList<>();
		for (MimeMessage message : mailServer.messages()) {
			mails.add(0, new Mail(InternetAddress.toString(message.getRecipients(MimeMessage.RecipientType.TO)),
					message.getSubject(), pieces(MailServer.part(message, "text/plain"))));
		}
		model.addAttribute("mails", mails);
		return "demo/mail";
	}

	/** The text cut into plain text and links, so that the page can make the links clickable. */
	static List<Piece> pieces(String text) {
		String whole = text == null ? "" : text;
		List<Piece> pieces = new ArrayList<>();
		Matcher link = LINK.matcher(whole);
		int end = 0;
		while (link.find()) {
			pieces.add(new Piece(whole.substring(end, link.start()), false));
			pieces.add(new Piece(link.group(), true));
			end = link.end();
		}
		pieces.add(new Piece(whole.substring(end), false));
		return pieces;
	}

	/** One e-mail as the page shows it (public, as are its pieces: FreeMarker reads only public classes). */
	public record Mail(String to, String subject, List<Piece> text) {
	}

	/** Text, or a link. */
	public record Piece(String text, boolean link) {
	}

}
