package com.example.hostile.downloads.lostlink;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the "Lost your link?" form sends: the address the buyer gave at checkout. */
record LostLinkForm(
		@NotBlank(message = "{lostLink.email.missing}")
		@Email(message = "{lostLink.email.invalid}")
		@Size(max = 254, message = "{lostLink.email.invalid}") String email) {
}
