package com.example.downloads.lostlink;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the "Lost your link?" form sends: the address the buyer gave at checkout. */
record LostLinkForm(
		@NotBlank(message = "Type the e-mail address you gave when you paid.")
		@Email(message = "This does not look like an e-mail address.")
		@Size(max = 254, message = "This does not look like an e-mail address.") String email) {
}
