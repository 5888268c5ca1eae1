package com.example.hostile.downloads.catalog;

/**
 * What a feature adds to the checkout form on an item's page (a box to tick, a note) without this
 * package knowing the feature: templates/item.ftlh includes the template each bean of this type
 * names, before the Buy button.
 */
public interface ItemPageAddition {

	/** The template item.ftlh includes, under templates/, such as {@code "myfeature/item.ftlh"}. */
	String template();

}
