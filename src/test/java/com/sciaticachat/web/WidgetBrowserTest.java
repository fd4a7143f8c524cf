package com.sciaticachat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.config.Config;
import com.sciaticachat.support.Browser;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestHostPage;
import com.sciaticachat.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/** The widget in a real browser: as a visitor uses it, as an embedder pastes it, as hostile text and CSS try to break it. */
class WidgetBrowserTest {
    private static Browser browser;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.bundled();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    private SearchContext openWidget(String url) {
        return openIn(browser, url);
    }

    /** Loads a page in {@code b}, with no conversation kept, and opens the chat. */
    private static SearchContext openIn(Browser b, String url) {
        b.driver.get(url);
        SearchContext w = b.widget();
        b.in(w, ".launcher").click();
        b.waitFor(d -> b.in(w, ".panel").isDisplayed());
        return w;
    }

    /** Types a question, presses Enter, waits for a new bot reply; returns it. */
    private WebElement ask(SearchContext w, String question) {
        int before = browser.all(w, ".msg.bot[data-status]").size();
        WebElement input = browser.in(w, "input");
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        return browser.waitFor(d -> {
            List<WebElement> replies = browser.all(w, ".msg.bot[data-status]");
            return replies.size() > before ? replies.get(replies.size() - 1) : null;
        });
    }

    @Test
    void a_visitor_opens_the_demo_page_asks_and_reads_the_answer_with_its_source_and_the_disclaimer() {
        SearchContext w = openWidget(server.base + "/");
        WebElement disclaimer = browser.in(w, ".disclaimer");
        assertTrue(disclaimer.isDisplayed());
        browser.waitFor(d -> disclaimer.getText().contains("not a diagnosis or medical advice"));
        assertTrue(browser.in(w, ".msg.bot").getText().startsWith("Hi!"), "the greeting is shown");

        WebElement reply = ask(w, "what causes sciatica?");
        assertEquals("answered", reply.getAttribute("data-status"));
        assertEquals("Causes", reply.findElement(org.openqa.selenium.By.cssSelector(".card h3")).getText());
        assertTrue(reply.findElement(org.openqa.selenium.By.cssSelector(".card .whole")).getAttribute("textContent").contains("Herniated Disc:"));
        assertTrue(reply.findElement(org.openqa.selenium.By.cssSelector(".card .lead")).isDisplayed(), "the reply leads with what answers");
        assertTrue(reply.findElement(org.openqa.selenium.By.cssSelector(".card .source")).getText()
                .contains("Raleigh Massage · Massage For Sciatic Pain"));
        assertEquals("what causes sciatica?", browser.all(w, ".msg.user").get(0).getText());
        assertTrue(disclaimer.isDisplayed(), "the disclaimer stays visible with the answer");
        assertEquals("log", browser.in(w, ".log").getAttribute("role"));
        assertEquals("polite", browser.in(w, ".log").getAttribute("aria-live"));
    }

    @Test
    void a_reply_leads_with_what_answers_and_the_whole_section_opens_in_place() {
        SearchContext w = openWidget(server.base + "/");
        WebElement reply = ask(w, "how can stretching help my sciatica");
        WebElement lead = reply.findElement(org.openqa.selenium.By.cssSelector(".card .lead"));
        WebElement title = reply.findElement(org.openqa.selenium.By.cssSelector(".card h3"));
        assertEquals("Stretching", title.getText());
        assertTrue(lead.getRect().getY() < title.getRect().getY(), "the answering sentence comes before the title");
        assertTrue(lead.getText().contains("Stretching can help"), lead.getText());
        WebElement whole = reply.findElement(org.openqa.selenium.By.cssSelector(".card details.whole"));
        assertNull(whole.getAttribute("open"), "the rest waits until the visitor asks for it");
        int folded = reply.getText().length();
        whole.findElement(org.openqa.selenium.By.tagName("summary")).click();
        browser.waitFor(d -> whole.getAttribute("open") != null);
        assertTrue(reply.getText().length() > folded + 40, "the whole section is there, in place");
        whole.findElement(org.openqa.selenium.By.tagName("summary")).click();
        browser.waitFor(d -> whole.getAttribute("open") == null);
    }

    @Test
    void a_whole_topic_leads_with_its_parts_and_each_opens_its_section() {
        SearchContext w = openWidget(server.base + "/");
        WebElement reply = ask(w, "what massage techniques do you use for sciatica");
        List<WebElement> parts = reply.findElements(org.openqa.selenium.By.cssSelector(".lead [part=part]"));
        assertEquals(5, parts.size(), reply.getText());
        assertTrue(parts.stream().allMatch(p -> p.getRect().getHeight() >= 44), "touch targets of 44 px");
        String second = parts.get(1).getText();
        parts.get(1).click();
        WebElement shown = browser.waitFor(d -> {
            List<WebElement> r = browser.all(w, ".msg.bot[data-status=answered]");
            return r.size() > 1 ? r.get(r.size() - 1) : null;
        });
        assertEquals(second, shown.findElement(org.openqa.selenium.By.cssSelector(".card h3")).getText());
    }

    @Test
    void a_follow_up_is_answered_from_what_was_just_shown_and_the_start_of_each_reply_is_in_view() {
        try (Browser desktop = Browser.start(1280, 800); Browser phone = Browser.phone(390, 844)) {
            for (Browser b : List.of(desktop, phone)) {
                SearchContext w = openIn(b, server.base + "/");
                for (String[] turn : new String[][] {{"what massage techniques help sciatica?", "Massage Techniques"},
                        {"the second one", "Swedish Massage"}, {"tell me more", "Swedish Massage"},
                        {"what are the symptoms of sciatica?", "Symptoms"}}) {
                    askIn(b, w, turn[0]);
                    List<WebElement> replies = b.all(w, ".msg.bot[data-status=answered]");
                    WebElement last = replies.get(replies.size() - 1);
                    assertEquals(turn[1], last.findElement(org.openqa.selenium.By.cssSelector(".card h3")).getText(), turn[0]);
                    Map<?, ?> box = (Map<?, ?>) b.js("var root = document.querySelector('sciatica-chat').shadowRoot;"
                            + "var log = root.querySelector('.log').getBoundingClientRect(); var r = arguments[0].getBoundingClientRect();"
                            + "return {top: r.top, logTop: log.top, logBottom: log.bottom};", last);
                    double top = ((Number) box.get("top")).doubleValue();
                    assertTrue(top >= ((Number) box.get("logTop")).doubleValue() - 1 && top < ((Number) box.get("logBottom")).doubleValue() - 40,
                            "the reply's start is in view after '" + turn[0] + "': " + box);
                }
                List<WebElement> replies = b.all(w, ".msg.bot[data-status=answered]");
                assertTrue(replies.get(2).findElement(org.openqa.selenium.By.cssSelector("details.whole")).getAttribute("open") != null,
                        "'tell me more' shows the whole section");
            }
        }
    }

    @Test
    void the_conversation_survives_a_reload_and_a_new_conversation_starts_afresh() {
        SearchContext w = openWidget(server.base + "/");
        ask(w, "what causes sciatica?");
        WebElement unknown = ask(w, "who painted the mona lisa");
        assertEquals("no_match", unknown.getAttribute("data-status"));
        assertFalse(unknown.findElements(org.openqa.selenium.By.cssSelector("[part=contact] a")).isEmpty(), "the clinic's number to tap");
        browser.driver.navigate().refresh();
        SearchContext again = browser.widgetKeepingConversation();
        // open where the visitor left it, without a click (and without taking the page's focus)
        browser.waitFor(d -> browser.all(again, ".msg.bot[data-status=answered]").size() == 1 ? true : null);
        assertEquals("true", browser.in(again, ".launcher").getAttribute("aria-expanded"));
        assertEquals("what causes sciatica?", browser.in(again, ".msg.user").getText());
        // a visitor trial: the tap-to-call line of an unanswered question was gone after a reload (drawn before the contact was known)
        browser.waitFor(d -> browser.all(again, ".msg.bot[data-status=no_match] [part=contact] a").size() == 1 ? true : null);
        // kept, so a follow-up after the reload still knows what was shown
        WebElement more = ask(again, "tell me more");
        assertEquals("Causes", more.findElement(org.openqa.selenium.By.cssSelector(".card h3")).getText());
        browser.in(again, ".restart").click();
        browser.waitFor(d -> browser.all(again, ".msg.user").isEmpty() ? true : null);
        browser.driver.navigate().refresh();
        SearchContext fresh = browser.widgetKeepingConversation();
        browser.in(fresh, ".launcher").click();
        browser.waitFor(d -> browser.in(fresh, ".msg.bot").isDisplayed());
        assertTrue(browser.all(fresh, ".msg.user").isEmpty(), "a new conversation is not brought back");
    }

    @Test
    void under_a_strict_content_security_policy_the_widget_is_styled_and_answers() {
        String csp = "default-src 'none'; script-src " + server.base + "; connect-src " + server.base + "; style-src 'none'";
        String url = TestHostPage.shared().put("/strict.html", "<!doctype html><html lang=en><head><title>Strict clinic</title>"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\"></head><body><p>Clinic</p>"
                + "<script src=\"" + server.base + "/widget.js\" async></script></body></html>");
        browser.driver.get(url);
        SearchContext w = browser.widget();
        WebElement launcher = browser.in(w, ".launcher");
        browser.waitFor(d -> launcher.isDisplayed());
        assertEquals("rgba(15, 118, 110, 1)", launcher.getCssValue("background-color"), "styled, with no inline style allowed");
        assertEquals("fixed", browser.js("return getComputedStyle(document.querySelector('sciatica-chat')).position"));
        launcher.click();
        WebElement reply = ask(w, "how is sciatica diagnosed");
        assertEquals("answered", reply.getAttribute("data-status"));
    }

    @Test
    void the_page_s_own_settings_are_used_whole_and_the_visitor_s_words_keep_their_direction() {
        String title = "Questions about sciatica, back pain, leg pain and everything else our therapists can help you with";
        String url = TestHostPage.shared().put("/settings.html", "<!doctype html><html lang=en><head><title>Clinic</title></head><body>"
                + "<p>Clinic</p><script src=\"" + server.base + "/widget.js\" async data-contact=\"https://clinic.example/contact\""
                + " data-booking=\"/book\" data-title=\"" + title + "\"></script></body></html>");
        browser.driver.get(url);
        SearchContext w = browser.widget();
        WebElement launcher = browser.in(w, ".launcher");
        browser.waitFor(d -> launcher.isDisplayed());
        assertTrue(launcher.getSize().getWidth() <= 360, "a long title is cut short, not a bar across the page: " + launcher.getSize());
        launcher.click();
        browser.waitFor(d -> browser.in(w, ".panel").isDisplayed());
        WebElement none = ask(w, "who painted the Mona Lisa?");
        assertEquals("no_match", none.getAttribute("data-status"));
        assertFalse(none.getText().contains("555-0142"), "one contact in a reply, the page's: " + none.getText());
        assertEquals("https://clinic.example/contact", none.findElement(org.openqa.selenium.By.cssSelector("[part=contact] a")).getAttribute("href"));
        WebElement book = none.findElement(org.openqa.selenium.By.cssSelector("[part=booking]"));
        assertEquals(TestHostPage.shared().origin() + "/book", book.getAttribute("href"), "a path on the clinic's own site");
        assertEquals("auto", browser.in(w, "input").getAttribute("dir"));
        ask(w, "\u0647\u0644 \u064a\u0633\u0627\u0639\u062f \u0627\u0644\u062a\u062f\u0644\u064a\u0643\u061f");
        List<WebElement> mine = browser.all(w, ".msg.user");
        assertEquals("rtl", browser.js("return getComputedStyle(arguments[0]).direction", mine.get(mine.size() - 1)), "Arabic reads right to left");
    }

    @Test
    void a_page_that_transforms_or_swaps_its_body_keeps_the_chat_in_view() {
        // an embedder's trial: body{transform} pinned the launcher to the foot of a long page, and a site that swaps its
        // body (Turbo) took the chat away with the old one
        String url = TestHostPage.shared().put("/transformed.html", "<!doctype html><html lang=en><head><title>Clinic</title>"
                + "<style>body{transform:translateZ(0)}</style></head><body><div style=\"height:5000px\">Long page</div>"
                + "<script src=\"" + server.base + "/widget.js\" async></script></body></html>");
        browser.driver.get(url);
        SearchContext w = browser.widget();
        WebElement launcher = browser.in(w, ".launcher");
        browser.waitFor(d -> launcher.isDisplayed());
        long height = ((Number) browser.js("return window.innerHeight")).longValue();
        assertTrue(launcher.getRect().getY() + launcher.getRect().getHeight() <= height, "in the window: " + launcher.getRect().getY() + " of " + height);
        browser.js("var b = document.createElement('body'); b.textContent = 'Next page'; document.documentElement.replaceChild(b, document.body)");
        assertEquals(1L, ((Number) browser.js("return document.querySelectorAll('sciatica-chat').length")).longValue(), "still on the page");
        assertTrue(browser.in(browser.widget(), ".launcher").isDisplayed());
    }

    @Test
    void a_site_the_chat_is_not_set_up_for_is_told_so_and_the_service_names_it() throws Exception {
        try (TestServer closed = TestServer.start(TestFiles.bundledCorpus(), Config.defaults())) {
            String url = TestHostPage.shared().put("/not-allowed.html", "<!doctype html><title>Clinic</title><p>Hello</p>"
                    + "<script src=\"" + closed.base + "/widget.js\" async></script>");
            SearchContext w = openWidget(url);
            WebElement error = browser.waitFor(d -> browser.all(w, ".msg.bot[data-status=error]").stream().findFirst().orElse(null));
            assertEquals("origin_not_allowed", error.getAttribute("data-code"));
            assertTrue(error.getText().contains("not set up for the clinic\u2019s chat"), error.getText());
            assertTrue(browser.all(w, ".retry").isEmpty(), "no retry: trying again cannot help");
            assertFalse(browser.in(w, "input").isEnabled(), "nothing typed here could be answered");
            assertEquals(1, browser.all(w, ".msg.bot").size(), "no greeting inviting questions above it");
        }
    }

    @Test
    void the_keyboard_alone_opens_asks_and_closes_and_focus_returns_to_the_launcher() {
        browser.driver.get(server.base + "/");
        SearchContext w = browser.widget();
        WebElement launcher = browser.in(w, ".launcher");
        // its accessible name starts with the words it shows
        assertTrue(launcher.getAttribute("aria-label").startsWith(launcher.getText()), launcher.getAttribute("aria-label"));
        browser.js("arguments[0].focus()", launcher);
        launcher.sendKeys(Keys.ENTER);
        browser.waitFor(d -> browser.in(w, ".panel").isDisplayed());
        assertEquals("true", launcher.getAttribute("aria-expanded"));
        browser.waitFor(d -> "sc-input".equals(browser.js(
                "return document.querySelector('sciatica-chat').shadowRoot.activeElement.id")));
        WebElement reply = ask(w, "what is deep tissue massage");
        assertEquals("Deep Tissue Massage", reply.findElement(org.openqa.selenium.By.cssSelector(".card h3")).getText());
        browser.in(w, "input").sendKeys(Keys.ESCAPE);
        browser.waitFor(d -> !browser.in(w, ".panel").isDisplayed());
        assertEquals("false", launcher.getAttribute("aria-expanded"));
        assertEquals(Boolean.TRUE, browser.js(
                "return document.querySelector('sciatica-chat').shadowRoot.activeElement.classList.contains('launcher')"));
    }

    @Test
    void related_suggestions_open_their_section_and_no_match_offers_the_contact() {
        SearchContext w = openWidget(server.base + "/");
        WebElement chip = browser.waitFor(d -> browser.all(w, ".msg.bot .chip").stream().findFirst().orElse(null));
        String title = chip.getText();
        chip.click();
        WebElement shown = browser.waitFor(d -> browser.all(w, ".msg.bot[data-status=answered]").stream().findFirst().orElse(null));
        assertEquals(title, shown.findElement(org.openqa.selenium.By.cssSelector(".card h3")).getText());

        WebElement none = ask(w, "who painted the Mona Lisa?");
        assertEquals("no_match", none.getAttribute("data-status"));
        WebElement contact = none.findElement(org.openqa.selenium.By.cssSelector("[part=contact] a"));
        assertEquals("(919) 555-0142", contact.getText());
        assertTrue(contact.getAttribute("href").startsWith("tel:"));
    }

    @Test
    void text_from_the_corpus_and_the_visitor_is_shown_literally_and_never_runs() throws Exception {
        try (TestServer hostile = TestServer.start(TestFiles.fixture("xss"), Config.defaults())) {
            SearchContext w = openWidget(hostile.base + "/");
            String visitorHtml = "<img src=x onerror=\"window.xssRan=9\"> script injection attempt";
            WebElement reply = ask(w, visitorHtml);
            assertEquals(visitorHtml, browser.all(w, ".msg.user").get(0).getText());
            assertEquals("answered", reply.getAttribute("data-status"), reply.getText());
            String text = reply.getAttribute("textContent");
            assertTrue(text.contains("<img src=x onerror=\"window.xssRan=1;document.title='pwned'\">"), text);
            assertTrue(text.contains("<script>window.xssRan=2</script>"), text);
            assertEquals(0L, browser.js("return document.querySelector('sciatica-chat').shadowRoot"
                    + ".querySelectorAll('img, script:not([src]), svg:not([aria-hidden]), a[href^=javascript]').length"));
            assertNull(browser.js("return window.xssRan === undefined ? null : window.xssRan"));
            assertFalse(browser.driver.getTitle().contains("pwned"));
        }
    }

    @Test
    void on_another_site_with_hostile_css_the_widget_still_looks_right_and_leaks_no_styles() {
        String hostileCss = "* { all: unset; } div { display: none !important; } button { display: none; }"
                + " p { color: rgb(1, 2, 3); font-family: monospace; } body { margin: 0 }";
        String url = TestHostPage.shared().put("/hostile.html", "<!doctype html><html><head><title>Clinic</title>"
                + "<style>" + hostileCss + "</style></head><body><p id=probe>Our clinic</p>"
                + "<script>window.probeBefore = getComputedStyle(document.getElementById('probe')).fontFamily;</script>"
                + "<script src=\"" + server.base + "/widget.js\" async data-accent=\"#7c3aed\" data-title=\"Ask Raleigh Massage\""
                + " data-z-index=\"2147483647\"></script>"
                + "</body></html>");
        browser.driver.get(url);
        SearchContext w = browser.widget();
        WebElement launcher = browser.in(w, ".launcher");
        browser.waitFor(d -> launcher.isDisplayed());
        Rectangle r = launcher.getRect();
        long width = (Long) browser.js("return window.innerWidth"), height = (Long) browser.js("return window.innerHeight");
        assertTrue(r.getWidth() > 100 && r.getHeight() > 30, "launcher is a real button: " + r.getWidth() + "x" + r.getHeight());
        assertTrue(r.getX() + r.getWidth() > width - 60 && r.getY() + r.getHeight() > height - 60, "launcher sits in the bottom-right corner");
        assertEquals("rgba(124, 58, 237, 1)", launcher.getCssValue("background-color"), "data-accent applies");
        assertEquals("fixed", browser.js("return getComputedStyle(document.querySelector('sciatica-chat')).position"));
        assertEquals("2147483647", browser.js("return getComputedStyle(document.querySelector('sciatica-chat')).zIndex"),
                "data-z-index lifts it above a cookie banner");

        launcher.click();
        browser.waitFor(d -> browser.in(w, ".panel").isDisplayed());
        assertEquals("Ask Raleigh Massage", browser.in(w, ".head h2").getText());
        WebElement reply = ask(w, "how is sciatica diagnosed");
        assertEquals("answered", reply.getAttribute("data-status"), "the API answers the other origin (CORS)");
        assertTrue(reply.isDisplayed() && reply.getText().contains("Diagnosis"));
        assertTrue(browser.in(w, ".disclaimer").isDisplayed());

        assertEquals(browser.js("return window.probeBefore"),
                browser.js("return getComputedStyle(document.getElementById('probe')).fontFamily"), "no styles leak into the page");
        assertEquals("rgb(1, 2, 3)", browser.js("return getComputedStyle(document.getElementById('probe')).color"));
        assertEquals(1L, browser.js("return document.querySelectorAll('sciatica-chat').length"));
    }

    @Test
    void any_colour_css_knows_is_an_accent_and_a_css_variable_is_not() {
        // an embedder's trial: #8b5cf680 and oklch() were refused as "not a colour", and var(--brand) gave a black accent
        String[][] cases = {{"oklch(0.6 0.2 300)", "purple"}, {"#8b5cf680", "purple"}, {"var(--brand)", "rgba(15, 118, 110, 1)"}};
        for (String[] c : cases) {
            String url = TestHostPage.shared().put("/accent.html", "<!doctype html><html lang=en><head><title>Clinic</title></head><body>"
                    + "<script src=\"" + server.base + "/widget.js\" async data-accent=\"" + c[0] + "\"></script></body></html>");
            browser.driver.get(url);
            SearchContext w = browser.widget();
            WebElement launcher = browser.in(w, ".launcher");
            browser.waitFor(d -> launcher.isDisplayed());
            String background = launcher.getCssValue("background-color");
            if (c[1].equals("purple")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(background);
                assertTrue(m.find(), background);
                assertTrue(Integer.parseInt(m.group(3)) > Integer.parseInt(m.group(2)) + 60, c[0] + " paints a violet: " + background);
            } else {
                assertEquals(c[1], background, c[0]);
            }
        }
    }

    @Test
    void when_the_service_is_unreachable_the_visitor_gets_a_friendly_message_and_a_retry() {
        String url = TestHostPage.shared().put("/offline.html", "<!doctype html><title>Clinic</title><p>Hello</p>"
                + "<script src=\"" + server.base + "/widget.js\" data-api=\"http://localhost:9\" async></script>");
        SearchContext w = openWidget(url);
        WebElement error = ask(w, "what causes sciatica?");
        assertEquals("error", error.getAttribute("data-status"));
        assertTrue(error.getText().contains("can\u2019t reach the clinic\u2019s chat"), error.getText());
        int errors = browser.all(w, ".msg.bot[data-status=error]").size();
        browser.in(w, ".retry").click();
        browser.waitFor(d -> browser.all(w, ".msg.bot[data-status=error]").size() > errors);
        assertTrue(browser.all(w, ".msg.user").size() == 1, "a retry does not repeat the visitor's message");
    }

    @Test
    void on_a_narrow_phone_the_open_panel_fills_the_screen() {
        try (Browser phone = Browser.phone(390, 740)) {
            phone.driver.get(server.base + "/");
            SearchContext w = phone.widget();
            phone.in(w, ".launcher").click();
            WebElement panel = phone.in(w, ".panel");
            phone.waitFor(d -> panel.isDisplayed());
            Rectangle r = panel.getRect();
            Map<?, ?> viewport = (Map<?, ?>) phone.js("return {w: window.innerWidth, h: window.innerHeight}");
            assertEquals(0, r.getX());
            assertEquals(0, r.getY());
            assertEquals(((Number) viewport.get("w")).intValue(), r.getWidth());
            assertEquals(((Number) viewport.get("h")).intValue(), r.getHeight());
            assertTrue(phone.in(w, ".disclaimer").isDisplayed());
        }
    }

    @Test
    void an_emergency_is_shown_first_as_an_alert_with_a_call_link_and_the_disclaimer_stays() {
        SearchContext w = openWidget(server.base + "/");
        // a question the guide also answers, so the warning is followed by the guide's section
        ask(w, "I wet myself and can't feel my bum, does stretching help sciatica?");
        WebElement alert = browser.in(w, ".msg.urgent[role=alert]");
        assertEquals("emergency", alert.getAttribute("data-level"));
        assertTrue(alert.getText().contains("This could be an emergency"), alert.getText());
        assertTrue(alert.getText().contains("911"));
        WebElement call = alert.findElement(org.openqa.selenium.By.cssSelector("a.call"));
        assertEquals("tel:911", call.getAttribute("href"));
        assertTrue(call.isDisplayed());
        Number alertIndex = (Number) browser.js("var log = document.querySelector('sciatica-chat').shadowRoot.querySelector('.log');"
                + "return Array.prototype.indexOf.call(log.children, log.querySelector('.urgent'));");
        Number answerIndex = (Number) browser.js("var log = document.querySelector('sciatica-chat').shadowRoot.querySelector('.log');"
                + "return Array.prototype.indexOf.call(log.children, log.querySelector('.msg.bot[data-status=urgent]'));");
        assertTrue(alertIndex.intValue() < answerIndex.intValue(), "the warning comes before the answer");
        assertTrue(browser.in(w, ".disclaimer").isDisplayed());
        assertEquals("rgba(185, 28, 28, 1)", alert.getCssValue("border-top-color"), "the alert has its own unmistakable style");
    }

    @Test
    void after_an_emergency_the_next_reply_opens_with_the_signs_told_before_not_with_no_answer() {
        SearchContext w = openWidget(server.base + "/");
        ask(w, "I wet myself and can't feel my bum, does stretching help sciatica?");
        WebElement later = ask(w, "ok but can i still come in for a massage tomorrow");
        assertEquals(Boolean.TRUE, browser.js("var f = arguments[0].firstChild; return !!f && f.nodeType === 1 && f.classList.contains('caution')",
                later), later.getText());
        assertTrue(later.getText().startsWith("Earlier in this chat"), later.getText());
    }

    @Test
    void thoughts_of_suicide_lead_with_the_crisis_line_and_keep_911() {
        SearchContext w = openWidget(server.base + "/");
        WebElement input = browser.in(w, "input");
        input.sendKeys("i want to kill myself, this pain never stops");
        input.sendKeys(Keys.ENTER);
        WebElement alert = browser.waitFor(d -> browser.all(w, ".msg.urgent[role=alert]").stream().findFirst().orElse(null));
        assertEquals("self_harm", alert.getAttribute("data-kind"));
        List<WebElement> calls = alert.findElements(org.openqa.selenium.By.cssSelector("a.call"));
        assertEquals(List.of("tel:988", "tel:911"), calls.stream().map(c -> c.getAttribute("href")).toList());
        assertTrue(calls.get(0).getText().contains("988"), calls.get(0).getText());
        assertTrue(calls.get(0).isDisplayed() && calls.get(1).isDisplayed());
        assertTrue(alert.getText().contains("alone"), alert.getText());
    }

    @Test
    void a_reply_that_announces_what_follows_offers_it_and_a_click_shows_it() {
        SearchContext w = openWidget(server.base + "/");
        WebElement reply = ask(w, "can massage help my sciatica?");
        assertTrue(reply.getText().contains("Read on:"), reply.getText());
        WebElement chip = reply.findElements(org.openqa.selenium.By.cssSelector(".lead button.chip")).stream()
                .filter(b -> b.getText().equals("Massage Techniques")).findFirst().orElseThrow();
        int before = browser.all(w, ".msg.bot[data-status]").size();
        chip.click();
        WebElement shown = browser.waitFor(d -> {
            List<WebElement> replies = browser.all(w, ".msg.bot[data-status]");
            return replies.size() > before ? replies.get(replies.size() - 1) : null;
        });
        assertTrue(shown.getText().contains("Massage Techniques"), shown.getText());
    }

    /** Over the 500 characters the chat answers. */
    private static final String LONG_STORY = "I have had sciatica for a long time and I have tried many things. ".repeat(9);

    @Test
    void a_message_too_long_to_read_whole_is_kept_in_the_box_with_a_plain_note_not_cut_short() {
        SearchContext w = openWidget(server.base + "/");
        String story = LONG_STORY + "Which stretches help most?";
        WebElement note = ask(w, story);
        assertEquals("question_too_long", note.getAttribute("data-code"), note.getText());
        assertTrue(note.getText().contains(String.valueOf(story.length())), note.getText());
        assertTrue(note.getText().contains("911"), note.getText());
        assertEquals(story, browser.in(w, "input").getAttribute("value"), "the whole message stays in the box, its end included");
    }

    @Test
    void an_emergency_told_at_length_gets_the_alert_not_a_request_to_shorten_it() {
        SearchContext w = openWidget(server.base + "/");
        WebElement input = browser.in(w, "input");
        input.sendKeys(LONG_STORY + "Now I cannot control my bladder.");
        input.sendKeys(Keys.ENTER);
        // the alarm, or its check question with the 911 link
        WebElement alert = browser.waitFor(d -> browser.all(w, ".msg.urgent[role=alert], .msg[data-status=check]").stream().findFirst().orElse(null));
        assertTrue(alert.getText().contains("911") || "emergency".equals(alert.getAttribute("data-level")), alert.getText());
        assertTrue(browser.all(w, ".msg.error[data-code=question_too_long]").isEmpty(), "read, not refused");
        assertEquals("", input.getAttribute("value"));
    }

    @Test
    void an_emergency_the_guide_has_nothing_on_shows_the_alert_alone_without_an_empty_reply() {
        SearchContext w = openWidget(server.base + "/");
        int bots = browser.all(w, ".msg.bot").size();
        WebElement input = browser.in(w, "input");
        input.sendKeys("I can't pee and I'm numb down there, what time do you open?");
        input.sendKeys(Keys.ENTER);
        WebElement alert = browser.waitFor(d -> browser.all(w, ".msg.urgent[role=alert]").stream().findFirst().orElse(null));
        assertEquals("emergency", alert.getAttribute("data-level"));
        assertTrue(alert.getText().contains("911"), alert.getText());
        // the reply carried no section: no empty bubble after the alert (the visitor's own message is not a bot bubble)
        assertEquals(bots, browser.all(w, ".msg.bot").size());
        assertTrue(browser.in(w, ".disclaimer").isDisplayed());
    }

    @Test
    void after_a_long_conversation_an_emergency_alert_and_its_call_link_are_in_view_on_a_desktop_and_a_phone() {
        try (Browser desktop = Browser.start(1280, 800); Browser phone = Browser.phone(390, 844)) {
            for (Browser b : List.of(desktop, phone)) {
                SearchContext w = openIn(b, server.base + "/");
                for (String q : List.of("what massage techniques help sciatica?", "what are the symptoms of sciatica?")) askIn(b, w, q);
                // a long guide card follows the alarm: the view must stay on the alarm, not on the card's end
                askIn(b, w, "i wet myself today and can't feel my bum, what massage techniques help?");
                WebElement alert = b.waitFor(d -> b.all(w, ".msg.urgent[role=alert]").stream().findFirst().orElse(null));
                Map<?, ?> box = (Map<?, ?>) b.js("var root = document.querySelector('sciatica-chat').shadowRoot;"
                        + "var log = root.querySelector('.log').getBoundingClientRect();"
                        + "var a = root.querySelector('.msg.urgent').getBoundingClientRect();"
                        + "var call = root.querySelector('.msg.urgent a.call').getBoundingClientRect();"
                        + "return {logTop: log.top, logBottom: log.bottom, top: a.top, bottom: a.bottom, callTop: call.top,"
                        + " callBottom: call.bottom, vh: window.innerHeight,"
                        + " folded: !root.querySelector('.msg.bot[data-status=urgent] details.guide').open};");
                double logTop = ((Number) box.get("logTop")).doubleValue(), logBottom = ((Number) box.get("logBottom")).doubleValue();
                assertTrue(((Number) box.get("top")).doubleValue() >= logTop - 1, "the alert's top is in view: " + box);
                assertTrue(((Number) box.get("callBottom")).doubleValue() <= Math.min(logBottom, ((Number) box.get("vh")).doubleValue()) + 1,
                        "Call 911 is in view without scrolling: " + box);
                assertTrue(((Number) box.get("bottom")).doubleValue() <= logBottom + 1, "the whole alert is in view: " + box);
                assertEquals(Boolean.TRUE, box.get("folded"), "the guide's card comes after the alert, folded");
                assertTrue(alert.isDisplayed());
            }
        }
    }

    @Test
    void when_the_chat_is_unsure_it_asks_once_and_yes_brings_the_emergency_reply() throws Exception {
        try (Browser desktop = Browser.start(1280, 800)) {
            SearchContext w = openIn(desktop, server.base + "/");
            int before = desktop.all(w, ".msg.check").size();
            WebElement input = desktop.in(w, "input");
            input.sendKeys(unsureMessage());
            input.sendKeys(Keys.ENTER);
            WebElement check = desktop.waitFor(d -> {
                List<WebElement> c = desktop.all(w, ".msg.check");
                return c.size() > before ? c.get(c.size() - 1) : null;
            });
            assertEquals("emergency", check.getAttribute("data-level"));
            assertEquals("tel:911", check.findElement(org.openqa.selenium.By.cssSelector("a.call")).getAttribute("href"));
            assertTrue(check.findElements(org.openqa.selenium.By.cssSelector("li")).size() >= 3, "it names the emergency signs");
            Map<?, ?> box = (Map<?, ?>) desktop.js("var root = document.querySelector('sciatica-chat').shadowRoot;"
                    + "var log = root.querySelector('.log').getBoundingClientRect(), checks = root.querySelectorAll('.msg.check');"
                    + "var c = checks[checks.length - 1], yes = c.querySelector('button[data-answer=yes]').getBoundingClientRect();"
                    + "var call = c.querySelector('a.call').getBoundingClientRect();"
                    + "return {logTop: log.top, logBottom: log.bottom, top: c.getBoundingClientRect().top, yes: yes.bottom, call: call.bottom, parts: Array.from(root.querySelector('.panel').children).map(function(e){return e.className+':'+Math.round(e.getBoundingClientRect().height)}).join(',')};");
            double logBottom = ((Number) box.get("logBottom")).doubleValue();
            assertTrue(((Number) box.get("top")).doubleValue() >= ((Number) box.get("logTop")).doubleValue() - 1, "the check's start is in view: " + box);
            assertTrue(((Number) box.get("yes")).doubleValue() <= logBottom + 1 && ((Number) box.get("call")).doubleValue() <= logBottom + 1,
                    "its yes and Call 911 are in view without scrolling on a desktop: " + box);
            check.findElement(org.openqa.selenium.By.cssSelector("button[data-answer=yes]")).click();
            WebElement alert = desktop.waitFor(d -> desktop.all(w, ".msg.urgent[role=alert]").stream().reduce((a, b) -> b).orElse(null));
            assertEquals("emergency", alert.getAttribute("data-level"));
        }
    }

    /** The first bundled phrasing the chat answers with its check question about the emergency signs. */
    private static String unsureMessage() throws Exception {
        for (com.sciaticachat.safety.Phrasings.Phrasing p : com.sciaticachat.safety.Phrasings.bundled().items()) {
            com.sciaticachat.chat.Reply r = server.app.chat().ask(p.message());
            if (r.check() != null && r.check().level().equals("emergency")) return p.message();
        }
        throw new AssertionError("the chat never asked its check question on the bundled phrasings");
    }

    private static void askIn(Browser b, SearchContext w, String question) {
        int before = b.all(w, ".msg[data-status]").size();
        WebElement input = b.in(w, "input");
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        b.waitFor(d -> b.all(w, ".msg[data-status]").size() > before && b.in(w, ".send").isEnabled() ? true : null);
    }

    @Test
    void loading_the_script_twice_makes_one_widget() {
        String url = TestHostPage.shared().put("/twice.html", "<!doctype html><title>Clinic</title>"
                + "<script src=\"" + server.base + "/widget.js\"></script><script src=\"" + server.base + "/widget.js\"></script>");
        browser.driver.get(url);
        browser.widget();
        assertEquals(1L, browser.js("return document.querySelectorAll('sciatica-chat').length"));
    }
}
