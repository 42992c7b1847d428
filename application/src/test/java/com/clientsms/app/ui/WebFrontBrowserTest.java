package com.clientsms.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Staff using the web front in a real browser (Debian's headless Chromium) against the running application: signing
 * in, composing with the live counter, sending to a client and finding it in the history, broadcasting to a group and
 * watching the outcome page reach its final counts, auditing. Every page is checked for accessibility on a desktop
 * and a phone-sized screen, and photographed both ways into target/screenshots.
 */
@ExtendWith(Browser.Extension.class)
class WebFrontBrowserTest extends WebFrontApplication {

    private final Browser browser;

    WebFrontBrowserTest(Browser browser) {
        this.browser = browser;
    }

    @Test
    void signInPageIsAccessibleAndSaysWhenThePasswordIsWrong() {
        browser.driver().manage().deleteAllCookies();
        browser.open(baseUrl() + "/compose");
        browser.waiting().until(ExpectedConditions.urlContains("/login"));
        browser.assertAccessibleOnDesktopAndPhone("sign-in page");
        browser.screenshots("login");

        browser.find("#username").sendKeys("practitioner1");
        browser.find("#password").sendKeys("not-the-password");
        browser.find("#password").sendKeys(Keys.ENTER);

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.find("#login-error").getText()).contains("username or password is not right");
        browser.screenshots("login-error");
    }

    @Test
    void practitionerSeesTheCounterAndSendDisabledOverTheLimitOrWhenBlank() {
        browser.signIn(baseUrl(), "practitioner1");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/compose");
        assertThat(browser.all("input[name=audience][type=radio]"))
                .as("practitioners text one client at a time")
                .isEmpty();
        chooseClient(OWN_CLIENT_NAME);
        WebElement send = browser.find("#send");
        assertThat(send.isEnabled()).as("blank").isFalse();

        type("Hi, please call the practice on 02 9000 0000.");
        assertThat(send.isEnabled()).isTrue();
        assertThat(counter()).isEqualTo("45 of 640 characters · GSM-7 · 1 SMS");

        type("   ");
        assertThat(send.isEnabled()).as("only spaces").isFalse();

        type("Thanks “Sam” 😀");
        assertThat(counter()).isEqualTo("14 of 640 characters · UCS-2 · 1 SMS");
        assertThat(browser.find("#ucs2-note").getText()).contains("“ ” 😀");
        assertThat(send.isEnabled()).isTrue();
        browser.assertAccessibleOnDesktopAndPhone("compose page");
        browser.screenshots("compose-practitioner-ucs2");

        type("a".repeat(640));
        assertThat(counter()).isEqualTo("640 of 640 characters · GSM-7 · 5 SMS");
        assertThat(send.isEnabled()).isTrue();
        browser.find("#body").sendKeys("a");
        assertThat(counter()).isEqualTo("641 of 640 characters · GSM-7 · 5 SMS");
        assertThat(browser.find("#counter-problem").getText())
                .isEqualTo("The message has 641 characters; the maximum is 640.");
        assertThat(send.isEnabled()).as("past 640").isFalse();
        browser.screenshots("compose-over-the-limit");
    }

    @Test
    void practitionerSendsToAClientAndSeesItInTheHistoryWithItsTimeline() {
        browser.signIn(baseUrl(), "practitioner1");
        chooseClient(OWN_CLIENT_NAME);
        String text = "Your Thursday session moved to 4pm. Call 02 9000 0000 if that does not suit.";
        type(text);

        browser.find("#send").click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sent")));
        assertThat(browser.find("#sent").getText()).contains("Message to " + OWN_CLIENT_NAME + " accepted");
        browser.screenshots("compose-sent");
        browser.find("#result-link").click();
        String messageId = browser.driver().getCurrentUrl().replaceAll(".*#message-", "");
        // The history is a read model: the message shows once it is projected, a moment after the 202 (later when the
        // projection is still busy with an earlier test's broadcast). Until then the page says so and looks again.
        browser.waiting().until(driver -> !driver.findElements(By.id("message-" + messageId))
                .isEmpty());
        WebElement message = browser.find("#message-" + messageId);
        assertThat(message.findElement(By.cssSelector(".body")).getText()).isEqualTo(text);
        browser.waiting().until(driver -> {
            driver.navigate().refresh();
            return List.of("delivered", "undelivered", "failed")
                    .contains(browser.find("#message-" + messageId).getAttribute("data-status"));
        });
        WebElement delivered = browser.find("#message-" + messageId);
        delivered.findElement(By.cssSelector("details.timeline summary")).click();
        assertThat(delivered.findElements(By.cssSelector("details.timeline li")))
                .extracting(WebElement::getText)
                .anySatisfy(step -> assertThat(step).contains("Requested"))
                .anySatisfy(step -> assertThat(step).contains("Accepted by carrier"));
        assertThat(delivered.findElement(By.cssSelector(".badge")).getText())
                .isIn("Delivered", "Undelivered", "Failed");
        browser.assertAccessibleOnDesktopAndPhone("client history");
        browser.screenshots("client-history");
    }

    @Test
    void aHistoryOpenedAtAMessageNotYetRecordedSaysSoInsteadOfLeavingItOut() {
        browser.signIn(baseUrl(), "practitioner1");

        browser.open(baseUrl() + "/clients/" + OWN_CLIENT + "#message-" + UUID.randomUUID());

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("recording")));
        assertThat(browser.find("#recording").getText()).contains("being recorded");
        browser.screenshots("client-history-recording");
        browser.open(baseUrl() + "/clients/" + OWN_CLIENT);
        assertThat(browser.find("#recording").isDisplayed())
                .as("without a message to wait for, the notice stays hidden")
                .isFalse();
    }

    @Test
    void adminPreviewsAGroupBroadcastThenWatchesTheOutcomeReachItsFinalCountsAndResendsTheFailures() {
        browser.signIn(baseUrl(), "admin");
        browser.find("input[name=audience][value=group]").click();
        new Select(browser.find("#group")).selectByValue(ANXIETY_GROUP);
        browser.waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("audience-summary"), "7 clients will be texted; 1 skipped (1 inactive)."));
        assertThat(browser.find("#audience-targeted").getText()).isEqualTo("7");
        assertThat(browser.find("#audience-skipped").getText()).isEqualTo("1");
        type("The Tuesday group meets in room 2 this week.");
        browser.assertAccessibleOnDesktopAndPhone("compose page, group");
        browser.screenshots("compose-admin-group");

        browser.find("#send").click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sent")));
        assertThat(browser.find("#sent").getText()).contains("7 texted, 1 skipped");
        browser.find("#result-link").click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-state")));
        browser.driver().executeScript("window.stillTheSamePage = true;");
        assertThat(browser.find("#outcome-state").getText())
                .as("the carrier reports each message after a second or two")
                .startsWith("Sending:");
        browser.screenshots("broadcast-outcome-draining");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("outcome-state"), "data-drained", "true"));
        assertThat(browser.driver().executeScript("return window.stillTheSamePage === true;"))
                .as("the counts updated in place, without reloading the page")
                .isEqualTo(true);
        assertThat(browser.find("#outcome-state").getText())
                .startsWith("Finished:")
                .endsWith("of 7 texted.");
        long delivered = count("delivered");
        long undelivered = count("undelivered");
        long failed = count("failed");
        assertThat(delivered + undelivered + failed).isEqualTo(7);
        assertThat(count("requested") + count("accepted") + count("sent")).isZero();
        assertThat(browser.all("#failure-rows tr")).hasSize((int) (undelivered + failed));
        assertThat(browser.all("#skipped-list li"))
                .extracting(WebElement::getText)
                .containsExactly("Isla Lee: inactive");
        assertThat(undelivered + failed)
                .as("the simulated carrier fails 70% of messages here, so 7 all delivered is a 1-in-4,000 draw")
                .isPositive();
        browser.assertAccessibleOnDesktopAndPhone("broadcast outcome");
        browser.screenshots("broadcast-outcome");

        browser.find("#resend").click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.find("#notice").getText())
                .isEqualTo("Resent to the failures: " + (undelivered + failed) + " texted, 0 skipped.");
        browser.waiting().until(ExpectedConditions.attributeToBe(By.id("outcome-state"), "data-drained", "true"));
        assertThat(browser.find("#outcome-state").getText()).endsWith("of " + (undelivered + failed) + " texted.");
        assertThat(browser.driver()
                        .findElement(By.linkText("the earlier broadcast"))
                        .isDisplayed())
                .isTrue();
        browser.open(baseUrl() + "/broadcasts");
        browser.assertAccessibleOnDesktopAndPhone("broadcast list");
        browser.screenshots("broadcasts");
    }

    @Test
    void complianceOfficerFiltersPagesVerifiesAndExportsTheAuditLog() throws Exception {
        api("practitioner2").postJson("/api/clients/harbour-client-04/messages", Map.of("body", "Audit trail check."));
        api("admin").postJson("/api/broadcasts", Map.of("body", "Closed on Friday."));
        browser.signIn(baseUrl(), "compliance");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/audit");
        assertThat(browser.all("nav a")).extracting(WebElement::getText).doesNotContain("Compose");

        new Select(browser.find("#sender")).selectByValue("practitioner2");
        browser.find("#filters button[type=submit]").click();

        browser.waiting().until(ExpectedConditions.urlContains("sender=practitioner2"));
        List<WebElement> rows = browser.all("#audit-entries tbody tr");
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText())
                .contains("practitioner2"));
        assertThat(browser.find("#audit-entries").getText())
                .contains("Audit trail check.")
                .containsPattern("\\+61\\d{9}");

        browser.find("#verify").click();

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("verification")));
        assertThat(browser.find("#verification").getText()).startsWith("Intact:");
        assertThat(browser.driver().getCurrentUrl()).contains("sender=practitioner2");
        browser.assertAccessibleOnDesktopAndPhone("audit page");
        browser.screenshots("audit");

        String csvLink = browser.find("#export-csv").getAttribute("href");
        assertThat(csvLink).contains("format=csv").contains("sender=practitioner2");
        HttpResponse<String> csv = fetchWithTheBrowsersSession(csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("messageId,requestedAt,senderUsername")
                .contains("Audit trail check.");
        assertThat(csv.body().lines().skip(1))
                .allSatisfy(line -> assertThat(line).contains("practitioner2"));

        browser.open(baseUrl() + "/audit");
        assertThat(browser.find("#audit-total").getText())
                .as("the broadcast above alone is 41 messages")
                .matches("\\d{2,} messages");
        String firstPage = browser.find("#audit-entries tbody").getText();
        browser.find("#older").click();
        assertThat(browser.find(".paging span").getText()).startsWith("Page 2 of ");
        assertThat(browser.find("#audit-entries tbody").getText()).isNotEqualTo(firstPage);
        assertThat(browser.all("#newer")).hasSize(1);
    }

    @Test
    void aPractitionerOpeningTheAuditPageIsToldWhyNot() {
        browser.signIn(baseUrl(), "practitioner1");
        assertThat(browser.all("nav a")).extracting(WebElement::getText).containsExactly("Compose", "Clients");

        browser.open(baseUrl() + "/audit");

        assertThat(browser.find("h1").getText()).isEqualTo("Forbidden");
        assertThat(browser.find("#refusal").getText())
                .isEqualTo("Only compliance officers, administrators and superusers can read the audit log.");
        browser.assertAccessibleOnDesktopAndPhone("refusal page");
        browser.screenshots("refused");
        browser.open(baseUrl() + "/clients");
        browser.assertAccessibleOnDesktopAndPhone("client list");
        browser.screenshots("clients");
    }

    @Test
    void anAdministratorComposesAndSendsWithTheKeyboardAlone() {
        browser.signIn(baseUrl(), "admin");
        long before = messagesRequested();
        browser.find("#client-search").click();
        browser.find("#client-search").sendKeys("Charlotte Brown");
        browser.waiting().until(driver -> browser.all("#client-options li").size() == 1);

        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement radio = browser.driver().switchTo().activeElement();
        assertThat(radio.getAttribute("name")).isEqualTo("clientId");
        radio.sendKeys(Keys.SPACE);
        radio.sendKeys(Keys.TAB);
        WebElement body = browser.driver().switchTo().activeElement();
        assertThat(body.getAttribute("id")).isEqualTo("body");
        body.sendKeys("Sent without a mouse.");
        body.sendKeys(Keys.TAB);
        WebElement send = browser.driver().switchTo().activeElement();
        assertThat(send.getAttribute("id")).isEqualTo("send");
        send.sendKeys(Keys.ENTER);

        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("sent")));
        assertThat(browser.find("#sent").getText()).contains("Message to Charlotte Brown accepted");
        assertThat(messagesRequested()).isEqualTo(before + 1);
    }

    private void chooseClient(String name) {
        WebElement search = browser.find("#client-search");
        search.clear();
        search.sendKeys(name);
        browser.waiting()
                .until(driver -> browser.all("#client-options li").size() == 1
                        && browser.find("#client-options li").getText().contains(name));
        browser.find("#client-options input[type=radio]").click();
    }

    /** Replaces the message with this text, as typing it would (the script reacts to each input event). */
    private void type(String text) {
        WebElement body = browser.find("#body");
        body.clear();
        browser.driver()
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                        body,
                        text);
    }

    private String counter() {
        return browser.find("#counter").getText().replaceAll("\\s+", " ").trim();
    }

    private long count(String status) {
        return Long.parseLong(
                browser.find("#counts tr[data-status=" + status + "] .count").getText());
    }

    private HttpResponse<String> fetchWithTheBrowsersSession(String url) throws Exception {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
