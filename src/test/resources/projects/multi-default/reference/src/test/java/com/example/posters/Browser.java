package com.example.posters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium for the browser tests, from the system's packages (on Debian:
 * {@code apt-get install chromium chromium-driver}). Point {@code -Dbrowser.chromium} and
 * {@code -Dbrowser.chromedriver} elsewhere if yours live somewhere else. Set
 * {@code -Dscreenshots.dir} to keep a picture of each page a test looks at.
 *
 * <p>Use it as a JUnit extension in a {@link StoreTest} class (the store on a random port):
 * {@code @RegisterExtension final Browser browser = new Browser();}. Each test gets a fresh tab
 * pointed at the store, with no cookies, storage or downloads left from another test, is skipped
 * (with the reason) where Chromium is missing, and fails if the page logged an error it did not
 * expect (a script error, a Content-Security-Policy violation): read the expected ones with
 * {@link #consoleErrors()} in the test. One Chromium serves every test of the run, as starting
 * one takes longer than most browser tests.
 *
 * <p>The pages load Stripe.js from https://js.stripe.com and it calls https://api.stripe.com, as
 * in a real store, under the pages' own Content-Security-Policy: this Chromium finds Stripe's hosts
 * on a server of the tests ({@link StripeHosts}), which plays Stripe with the running test's
 * {@link FakeStripe}.
 */
public final class Browser implements BeforeEachCallback, AfterEachCallback {

	static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	private ChromeDriver driver;

	private Path downloads;

	private String baseUrl;

	@Override
	public void beforeEach(ExtensionContext context) {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser test skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
						+ " (apt-get install chromium chromium-driver, or set -Dbrowser.chromium and -Dbrowser.chromedriver)");
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		this.baseUrl = "http://localhost:" + port;
		Chromium chromium = context.getRoot()
			.getStore(ExtensionContext.Namespace.create(Browser.class))
			.computeIfAbsent(Chromium.class, key -> new Chromium(), Chromium.class);
		this.driver = chromium.driver;
		chromium.stripeHosts.answerFrom(SpringExtension.getApplicationContext(context).getBean(FakeStripe.class));
		try {
			this.downloads = Files.createTempDirectory("chromium-downloads");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		driver.executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", downloads.toString()));
		resize(Integer.getInteger("browser.width", 1200));
		// What an earlier test's pages logged is not this test's.
		driver.manage().logs().get(LogType.BROWSER);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (driver == null) {
			return;
		}
		try {
			assertThat(consoleErrors()).as("errors in the browser's console").isEmpty();
		}
		finally {
			// A new tab, so no page or sessionStorage outlives the test, and no cookie or storage.
			String tab = driver.getWindowHandle();
			driver.switchTo().newWindow(WindowType.TAB);
			String fresh = driver.getWindowHandle();
			driver.switchTo().window(tab).close();
			driver.switchTo().window(fresh);
			driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", baseUrl, "storageTypes", "all"));
			deleteQuietly(downloads);
		}
	}

	/** The one Chromium of a test run: started by the first browser test, quit after the last. */
	private static final class Chromium implements AutoCloseable {

		final ChromeDriver driver;

		final Path profile;

		final StripeHosts stripeHosts = new StripeHosts();

		Chromium() {
			try {
				this.profile = Files.createTempDirectory("chromium-profile");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
				// Flags for a closed network: no background calls to Google's services.
				.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--user-data-dir=" + profile)
				.addArguments(stripeHosts.chromiumArguments())
				.setExperimentalOption("prefs", Map.of("download.prompt_for_download", false));
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.build();
			this.driver = new ChromeDriver(service, options);
			// A page that hangs fails the test quickly instead of stalling the build.
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
		}

		@Override
		public void close() {
			driver.quit();
			stripeHosts.close();
			deleteQuietly(profile);
		}

	}

	public void open(String path) {
		driver.get(baseUrl + path);
	}

	public WebElement find(String cssSelector) {
		return driver.findElement(By.cssSelector(cssSelector));
	}

	public List<WebElement> findAll(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	/**
	 * Presses the item page's Buy button as a buyer who pays does: first ticking every box the page
	 * asks them to tick (checkout/CheckoutConsent), if it has any.
	 */
	public void pressBuy() {
		for (WebElement box : findAll("input[data-must-tick]")) {
			if (!box.isSelected()) {
				box.click();
			}
		}
		find("#buy").click();
	}

	public Object script(String javascript) {
		return ((JavascriptExecutor) driver).executeScript(javascript);
	}

	/**
	 * Runs a statement on the stand-in for Stripe.js, such as {@code "holdActions()"}, once the page
	 * has it: on a loaded CI machine window.fakeStripe was once still missing right after the page
	 * had loaded, and the test failed with a JavaScript error instead of waiting.
	 */
	public void onFakeStripe(String statement) {
		waitFor(driver -> Boolean.TRUE.equals(script("return window.fakeStripe !== undefined")));
		script("window.fakeStripe." + statement);
	}

	public String path() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	/**
	 * Waits up to 10 seconds for the condition, and gives its value. It looks every 50 ms, not every
	 * half second as Selenium does by default: most conditions hold within a few milliseconds, and
	 * each wait would otherwise cost the run half a second.
	 */
	public <T> T waitFor(ExpectedCondition<T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(condition);
	}

	/** Makes the window this many pixels wide (a phone's: 375) and as tall as such a screen. */
	public void resize(int width) {
		driver.manage().window().setSize(new Dimension(width, width < 600 ? 812 : 900));
	}

	public Path downloads() {
		return downloads;
	}

	/** The errors the page wrote to its console: script errors and Content-Security-Policy violations. */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
					|| entry.getMessage().contains("Content Security Policy"))
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Fails if axe-core finds an accessibility problem on the page as it is now (see {@link Axe}):
	 * call it in each state a shopper can see, as a test reaches it.
	 */
	public void assertAccessible() {
		assertThat(Axe.violations(driver)).as("axe-core on " + path()).isEmpty();
	}

	/** Keeps a picture of the page as {@code <screenshots.dir>/<name>.png}, when that is set. */
	public void screenshot(String name) {
		String dir = System.getProperty("screenshots.dir");
		if (dir == null) {
			return;
		}
		try {
			Files.createDirectories(Path.of(dir));
			Files.write(Path.of(dir, name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// A temporary folder left behind is harmless.
		}
	}

}
