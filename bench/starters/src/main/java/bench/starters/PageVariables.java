package bench.starters;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** What the store's layout.ftlh reads on every page: the store's name, language and words. */
@Component
class PageVariables implements FreeMarkerVariablesCustomizer {

	private final MessageSource messages;

	PageVariables(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void customizeFreeMarkerVariables(Map<String, Object> variables) {
		variables.put("storeName", "My Store");
		variables.put("lang", "en-US");
		variables.put("stripeLocale", "en");
		variables.put("stripeJsUrl", "https://js.stripe.com/dahlia/stripe.js");
		variables.put("msg", (TemplateMethodModelEx) this::message);
		// The links features add to the footer: the single store has none.
		variables.put("footerLinks", List.of());
		// layout.ftlh's files by their own names: content-hashed names are the store's own (web/AssetNames).
		variables.put("assetUrl", (TemplateMethodModelEx) arguments -> DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
	}

	private String message(List<?> arguments) throws TemplateModelException {
		String code = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
		Object[] args = new Object[arguments.size() - 1];
		for (int i = 0; i < args.length; i++) {
			args[i] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i + 1));
		}
		return messages.getMessage(code, args, Locale.US);
	}

}
