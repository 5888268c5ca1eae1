package com.example.hostile.downloads.site;

/**
 * Pages that belong to one buyer each, which robots.txt tells search engines to stay out of: a
 * feature declares one as a bean for its own.
 *
 * @param path the start of their paths, such as {@code "/receipt/"}
 */
public record KeptFromSearchEngines(String path) {
}
