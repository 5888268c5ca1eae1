package com.example.hostile.downloads;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The calls the store makes to Stripe's API, each with the parameters Stripe accepts for it at the
 * API version stripe-java pins (2026-07-29.dahlia) and the permission a restricted key needs for it.
 *
 * <p>The parameters are copied from stripe-node 22.4.0's types, generated from the same OpenAPI
 * release as stripe-java 33.3.0 (src/test/contract: {@code npm ci}, then
 * node_modules/stripe/esm/resources/Checkout/Sessions.d.ts, interfaces {@code SessionCreateParams},
 * {@code SessionRetrieveParams}, {@code SessionUpdateParams}, {@code SessionListParams} with
 * shared.d.ts' {@code PaginationParams}; Charges.d.ts, {@code ChargeRetrieveParams}). Written as
 * Stripe's form encoding names them: {@code []} stands for a list index, {@code [*]} for any one
 * key (metadata), {@code [**]} for anything below a parameter whose inner fields the store never
 * sends (those are checked by name only). The permissions are the store README's table
 * ("Restricted keys").
 */
enum StripeOperation {

	CREATE_SESSION("POST", "/v1/checkout/sessions", "checkout.session", "rak_checkout_session_write",
			"adaptive_pricing[enabled]", "after_expiration[**]", "allow_promotion_codes",
			"automatic_tax[enabled]", "automatic_tax[liability][**]", "billing_address_collection",
			"branding_settings[**]", "cancel_url", "client_reference_id", "consent_collection[**]", "currency",
			"custom_fields[**]", "custom_text[**]", "customer", "customer_account", "customer_creation",
			"customer_email", "customer_update[**]", "discounts[**]", "excluded_payment_method_types[]",
			"expand[]", "expires_at", "integration_identifier", "invoice_creation[**]",
			"line_items[][adjustable_quantity][**]", "line_items[][metadata][*]", "line_items[][price]",
			"line_items[][price_data][currency]", "line_items[][price_data][product]",
			"line_items[][price_data][product_data][description]",
			"line_items[][price_data][product_data][images][]",
			"line_items[][price_data][product_data][metadata][*]",
			"line_items[][price_data][product_data][name]", "line_items[][price_data][product_data][tax_code]",
			"line_items[][price_data][product_data][unit_label]", "line_items[][price_data][recurring][**]",
			"line_items[][price_data][tax_behavior]", "line_items[][price_data][unit_amount]",
			"line_items[][price_data][unit_amount_decimal]", "line_items[][quantity]", "line_items[][tax_rates][]",
			"locale", "managed_payments[**]", "metadata[*]", "mode", "name_collection[**]", "optional_items[**]",
			"origin_context", "payment_intent_data[application_fee_amount]", "payment_intent_data[capture_method]",
			"payment_intent_data[description]", "payment_intent_data[metadata][*]",
			"payment_intent_data[on_behalf_of]", "payment_intent_data[receipt_email]",
			"payment_intent_data[setup_future_usage]", "payment_intent_data[shipping][**]",
			"payment_intent_data[statement_descriptor]", "payment_intent_data[statement_descriptor_suffix]",
			"payment_intent_data[transfer_data][**]", "payment_intent_data[transfer_group]",
			"payment_method_collection", "payment_method_configuration", "payment_method_data[**]",
			"payment_method_options[**]", "payment_method_types[]", "permissions[**]",
			"phone_number_collection[**]", "redirect_on_completion", "return_url",
			"saved_payment_method_options[**]", "setup_intent_data[**]", "shipping_address_collection[**]",
			"shipping_options[**]", "submit_type", "subscription_data[**]", "success_url",
			"tax_id_collection[**]", "ui_mode", "wallet_options[**]"),

	RETRIEVE_SESSION("GET", "/v1/checkout/sessions/{id}", "checkout.session", "rak_checkout_session_read",
			"expand[]"),

	UPDATE_SESSION("POST", "/v1/checkout/sessions/{id}", "checkout.session", "rak_checkout_session_write",
			"collected_information[**]", "expand[]", "line_items[**]", "metadata", "metadata[*]",
			"shipping_options", "shipping_options[**]"),

	LIST_SESSIONS("GET", "/v1/checkout/sessions", "list", "rak_checkout_session_read", "created", "created[gt]",
			"created[gte]", "created[lt]", "created[lte]", "customer", "customer_account", "customer_details[email]",
			"ending_before", "expand[]", "limit", "payment_intent", "payment_link", "starting_after", "status",
			"subscription"),

	RETRIEVE_CHARGE("GET", "/v1/charges/{id}", "charge", "rak_charge_read", "expand[]");

	private final String method;

	private final Pattern path;

	/** What Stripe answers with: the object's {@code object} value ("list" for a list of them). */
	private final String answers;

	private final String permission;

	private final List<Pattern> parameters;

	StripeOperation(String method, String path, String answers, String permission, String... parameters) {
		this.method = method;
		this.path = Pattern.compile(path.replace("{id}", "[^/]+"));
		this.answers = answers;
		this.permission = permission;
		this.parameters = java.util.Arrays.stream(parameters).map(StripeOperation::pattern).toList();
	}

	/** The operation a request is, or empty when the store is not known to call it. */
	static Optional<StripeOperation> of(String method, String path) {
		for (StripeOperation operation : values()) {
			if (operation.method.equals(method) && operation.path.matcher(path).matches()) {
				return Optional.of(operation);
			}
		}
		return Optional.empty();
	}

	/** Whether Stripe takes a parameter of this form-encoded name ({@code line_items[0][quantity]}). */
	boolean accepts(String name) {
		return parameters.stream().anyMatch(parameter -> parameter.matcher(name).matches());
	}

	String answers() {
		return answers;
	}

	String permission() {
		return permission;
	}

	String method() {
		return method;
	}

	private static Pattern pattern(String parameter) {
		String regex = Pattern.quote(parameter)
			.replace("[**]", "\\E(\\[.*\\])?\\Q")
			.replace("[*]", "\\E\\[[^\\[\\]]+\\]\\Q")
			.replace("[]", "\\E\\[[0-9]*\\]\\Q");
		return Pattern.compile(regex);
	}

}
