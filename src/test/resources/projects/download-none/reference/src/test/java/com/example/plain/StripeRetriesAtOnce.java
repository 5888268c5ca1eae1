package com.example.plain;

import com.stripe.StripeClient;
import com.stripe.net.HttpClient;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * stripe-java, in the tests, tries a failed call again at once instead of after its pause of half
 * a second, then of up to a second. The tries, their number and their Idempotency-Key stay
 * stripe-java's; only the wait between them goes, which would cost over a second per failing call
 * and proves nothing about the store. The pause has one switch, stripe-java's package-private field
 * {@code HttpClient.networkRetriesSleep}, set here by reflection: should a new stripe-java rename
 * it, the store fails to start in the tests, with an error naming the field.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StripeRetriesAtOnce {

	@Bean
	static BeanPostProcessor stripeRetriesWithoutPause() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof StripeClient) {
					Object responseGetter = ReflectionTestUtils.getField(bean, "responseGetter");
					HttpClient http = (HttpClient) ReflectionTestUtils.getField(responseGetter, "httpClient");
					ReflectionTestUtils.setField(http, "networkRetriesSleep", false);
				}
				return bean;
			}

		};
	}

}
