package com.example.hostile.downloads.lostlink;

import com.example.hostile.downloads.web.FooterLink;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The footer offers "Lost your download link?" only when the store can send e-mail. Only the one
 * bean is started here: a whole store's context costs every build seconds.
 */
class LostLinkFooterTests {

	final ApplicationContextRunner footer = new ApplicationContextRunner().withUserConfiguration(LostLinkFooter.class);

	@Test
	void withAMailServerEveryPageLinksToTheForm() {
		footer.withPropertyValues("spring.mail.host=smtp.example.com")
			.run(context -> assertThat(context.getBean(FooterLink.class)).extracting(FooterLink::path)
				.isEqualTo("/lost-link"));
	}

	@Test
	void withoutOneThereIsNoLinkToAFormThatCannotSendAnything() {
		footer.run(context -> assertThat(context).doesNotHaveBean(FooterLink.class));
	}

}
