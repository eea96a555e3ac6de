package org.roundtable.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * TEST ONLY: a real headless Chromium driven through ChromeDriver (both from the distribution's
 * packages: {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}, or where {@code
 * roundtable.test.chromium} and {@code roundtable.test.chromedriver} say). Nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** A fresh browser with an empty profile. */
  public static Browser start() throws IOException {
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("roundtable.test.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1024",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(
                    System.getProperty("roundtable.test.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new Browser(driver);
  }

  /** The driver itself, for what these helpers do not cover. */
  public ChromeDriver driver() {
    return driver;
  }

  public Browser open(String url) {
    driver.get(url);
    return this;
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  /** The visible text of the page. */
  public String text() {
    return settled(() -> driver.findElement(By.tagName("body")).getText());
  }

  public String textOf(String cssSelector) {
    return settled(() -> element(cssSelector).getText());
  }

  public boolean has(String cssSelector) {
    return settled(() -> !driver.findElements(By.cssSelector(cssSelector)).isEmpty());
  }

  /**
   * Reads the page again if it was being replaced while read (a redirect after a form post lands
   * between finding an element and reading it).
   */
  private static <T> T settled(java.util.function.Supplier<T> read) {
    for (int attempt = 1; ; attempt++) {
      try {
        return read.get();
      } catch (org.openqa.selenium.TimeoutException e) {
        throw e;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (attempt == 5) {
          throw e;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public Browser type(String cssSelector, String value) {
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement field = element(cssSelector);
        field.clear();
        field.sendKeys(value);
        return this;
      } catch (org.openqa.selenium.WebDriverException e) {
        // The page was still replacing itself (a script, a redirect): find the field again.
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Chooses the option of a {@code <select>} whose text is {@code visibleText}. */
  public Browser choose(String cssSelector, String visibleText) {
    new org.openqa.selenium.support.ui.Select(element(cssSelector))
        .selectByVisibleText(visibleText);
    return this;
  }

  /** Puts a file in a file input, as a person choosing it would. */
  public Browser attach(String cssSelector, java.nio.file.Path file) {
    element(cssSelector).sendKeys(file.toAbsolutePath().toString());
    return this;
  }

  public Browser click(String cssSelector) {
    element(cssSelector).click();
    return this;
  }

  /** The element, waiting up to 30 s for the page to show it (a click may still be loading). */
  private WebElement element(String cssSelector) {
    try {
      return new WebDriverWait(driver, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector(cssSelector)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "Waited for " + cssSelector + " but the browser shows " + url() + ":\n" + text(), e);
    }
  }

  public boolean hasLink(String partialText) {
    return settled(() -> !driver.findElements(By.partialLinkText(partialText)).isEmpty());
  }

  public Browser clickLink(String partialText) {
    settled(
        () -> {
          driver.findElement(By.partialLinkText(partialText)).click();
          return true;
        });
    return this;
  }

  /** Waits up to 30 s until the page's address starts with {@code prefix}. */
  public Browser waitForUrl(String prefix) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> d.getCurrentUrl().startsWith(prefix));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "Waited for " + prefix + " but the browser shows " + url() + ":\n" + text(), e);
    }
    return this;
  }

  /** Waits up to 30 s until {@code condition} holds for the page shown. */
  public Browser waitUntil(String what, java.util.function.Predicate<Browser> condition) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.NoSuchElementException.class)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> condition.test(this));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("Waited for " + what + " but the browser shows " + url(), e);
    }
    return this;
  }

  /** Waits up to 30 s until the page shows {@code text}. */
  public Browser waitForText(String text) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .ignoring(org.openqa.selenium.NoSuchElementException.class)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("Waited for '" + text + "' but the browser shows " + url(), e);
    }
    return this;
  }

  /**
   * Signs in to a council as a person would: its sign-in page, Keycloak's login form, back on the
   * council's signed-in page.
   */
  public Browser signIn(String tenant, String username, String password) {
    String app = TestServers.publicUrl();
    open(app + "/" + tenant + "/login")
        .waitForUrl(System.getProperty("roundtable.test.keycloak.url") + "/realms/" + tenant + "/");
    return signInOnKeycloak(username, password).waitForUrl(app + "/" + tenant + "/");
  }

  /** Signs in on Keycloak's login page, which the browser must be showing. */
  public Browser signInOnKeycloak(String username, String password) {
    type("#username", username);
    type("#password", password);
    return click("[type=submit]");
  }

  /**
   * What a link gives this browser's signed-in person (a PDF, a CSV), fetched with its cookies, as
   * the bytes that came: for checking a download with the library that reads it.
   *
   * @param href the link's address, absolute
   * @throws AssertionError unless it answers 200
   */
  public byte[] download(String href) {
    String cookies =
        driver.manage().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue())
            .collect(java.util.stream.Collectors.joining("; "));
    try {
      java.net.http.HttpResponse<byte[]> response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                      .header("Cookie", cookies)
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + href + " answered " + response.statusCode());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The address a link on the page points to, by its CSS selector. */
  public String hrefOf(String cssSelector) {
    return driver.findElement(org.openqa.selenium.By.cssSelector(cssSelector)).getAttribute("href");
  }

  public Optional<Cookie> cookie(String name) {
    return Optional.ofNullable(driver.manage().getCookieNamed(name));
  }

  /** Puts a cookie in the browser for the site it is showing. */
  public Browser addCookie(Cookie cookie) {
    driver.manage().addCookie(cookie);
    return this;
  }

  /**
   * Runs the real axe-core engine in the page (the npm package, injected as a script) against WCAG
   * 2.0, 2.1 and 2.2 levels A and AA.
   *
   * @return the violations, one line each (rule, impact, the elements), empty when there are none
   */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityViolations() {
    driver.executeScript(axeSource());
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help"
                + " + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  private static String axeSource() {
    try (var in = Browser.class.getClassLoader().getResourceAsStream("axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js is not on the test class path");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Saves a screenshot of the page as {@code target/screenshots/<name>.png}. */
  public Browser screenshot(String name) {
    try {
      Path folder = Path.of("target", "screenshots");
      Files.createDirectories(folder);
      Files.write(
          folder.resolve(name + ".png"),
          driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return this;
  }

  /** Switches the page's scripts off (or on again), as a browser with JavaScript disabled. */
  public Browser scripts(boolean enabled) {
    driver.executeCdpCommand(
        "Emulation.setScriptExecutionDisabled", java.util.Map.of("value", !enabled));
    return this;
  }

  /** Presses keys on whatever has the focus: the keyboard alone, no mouse events. */
  public Browser press(CharSequence... keys) {
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    return this;
  }

  /**
   * Presses Tab until the focus is on the element {@code cssSelector} finds (at most 60 times),
   * then checks the focus can be seen: GOV.UK Frontend's yellow focus colour, an outline or a box
   * shadow.
   */
  public Browser tabTo(String cssSelector) {
    WebElement target = element(cssSelector);
    for (int i = 0; i < 60; i++) {
      if (target.equals(driver.switchTo().activeElement())) {
        if (!focusIsVisible()) {
          throw new AssertionError("The focus on " + cssSelector + " cannot be seen");
        }
        return this;
      }
      press(org.openqa.selenium.Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + cssSelector + " on " + url());
  }

  /** Whether the focused element shows its focus (checked in the page's computed styles). */
  public boolean focusIsVisible() {
    Object visible =
        driver.executeScript(
            "const e = document.activeElement; if (!e || e === document.body) return false;"
                + "const s = getComputedStyle(e);"
                + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
                + " || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)';");
    return Boolean.TRUE.equals(visible);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
