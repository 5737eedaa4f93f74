package vn.hocso.platform;

import java.util.concurrent.ThreadLocalRandom;
import org.openqa.selenium.By;

/** New learners for tests that must not share the demo learner's enrolments with other tests. */
final class Learners {

  private Learners() {}

  /** A phone number no other test uses (also her user name). */
  static String newPhone(String prefix) {
    return prefix + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
  }

  /** Registers a woman in Phường Ba Đình through the page (as RegistrationPageIT does). */
  static void register(
      PlatformProcess platform, Browser browser, String name, String phone, String password) {
    browser.open(platform.uri("/register.xhtml"));
    browser.waitFor(By.id("register:fullName")).sendKeys(name);
    var driver = browser.driver();
    type(browser, "register:birthYear", "1985");
    type(browser, "register:phone", phone);
    driver.findElement(By.id("register:commune_input")).sendKeys("ba dinh");
    browser
        .waitFor(
            By.xpath(
                "//li[contains(@class,'ui-autocomplete-item')][contains(., 'Phường Ba Đình')]"))
        .click();
    type(browser, "register:username", phone);
    type(browser, "register:password", password);
    type(browser, "register:passwordAgain", password);
    for (var consent : new String[] {"consentLearning", "consentReporting"}) {
      driver.findElement(By.cssSelector("[id='register:" + consent + "'] .ui-chkbox-box")).click();
    }
    driver.findElement(By.id("register:submit")).click();
    browser.waitForText(By.id("login"), "Đăng ký thành công");
  }

  private static void type(Browser browser, String id, String text) {
    var input = browser.waitFor(By.id(id));
    input.clear();
    input.sendKeys(text);
  }
}
