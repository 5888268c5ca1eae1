package bench.starters;

import com.stripe.StripeClient;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The same starters as the store, each at Spring Boot's defaults: Spring Security with its default
 * headers and CSRF protection, no logins and no HTTP session; Actuator's health endpoint;
 * Bean Validation; a StripeClient. Nothing of the store's own.
 */
@SpringBootApplication
public class StartersApplication {

	public static void main(String[] args) {
		SpringApplication.run(StartersApplication.class, args);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	StripeClient stripeClient() {
		return new StripeClient("sk_test_bench_placeholder");
	}

}
