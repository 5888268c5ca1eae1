package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** One page, rendered by FreeMarker: what a hand-written Boot app starts from. */
@SpringBootApplication
@Controller
public class BareApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareApplication.class, args);
	}

	@GetMapping("/")
	String page(Model model) {
		model.addAttribute("name", "My E-book");
		model.addAttribute("price", "$9.00");
		return "page";
	}

}
