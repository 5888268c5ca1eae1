package com.example.hostile.downloads.demo;

/**
 * A page of the demo's own, linked from the notice on every page ({@link DemoNotice}): declare one
 * as a bean.
 *
 * @param path where it is, on this store
 * @param name what the link says
 */
record DemoPage(String path, String name) {
}
