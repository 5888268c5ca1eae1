package com.example.plain.web;

/**
 * A link that a feature adds to every page's footer (templates/layout.ftlh): declare one as a bean.
 *
 * @param path where it goes, on this store
 * @param messageCode its words, in messages.properties
 */
public record FooterLink(String path, String messageCode) {
}
