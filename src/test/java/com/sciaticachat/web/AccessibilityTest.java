package com.sciaticachat.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.config.Config;
import com.sciaticachat.support.Browser;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestHostPage;
import com.sciaticachat.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The widget and the staff console audited by axe-core (vendored from the npm registry in
 * {@code src/test/resources/axe}) in a real browser, and the things an audit cannot see: contrast on a
 * custom accent, the focus ring, the phone's modal panel, the dark theme.
 */
class AccessibilityTest {
    private static final String TOKEN = "a-staff-token-for-the-accessibility-audit";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN)
                .withAllowedOrigins(List.of(TestHostPage.shared().origin())).withContact("(919) 555-0142"));
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/axe/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    /** axe-core's serious and critical violations on the page as it is now (shadow roots included). */
    private static List<String> seriousViolations(Browser b) throws IOException {
        b.js(axe);
        b.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String found = (String) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done(JSON.stringify([{id: 'axe-error',"
                        + " impact: 'critical', help: String(e)}])); });");
        List<String> out = new ArrayList<>();
        for (JsonNode v : JSON.readTree(found)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                out.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at " + v.path("nodes").toString());
            }
        }
        return out;
    }

    private static SearchContext openAndAsk(Browser b, String url, String question) {
        b.driver.get(url);
        SearchContext w = b.widget();
        b.in(w, ".launcher").click();
        b.waitFor(d -> b.in(w, ".panel").isDisplayed());
        WebElement input = b.in(w, "input");
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        b.waitFor(d -> !b.all(w, ".msg.bot[data-status]").isEmpty() && b.in(w, ".send").isEnabled() ? true : null);
        return w;
    }

    @Test
    void the_demo_page_with_the_chat_open_has_no_serious_violations_on_a_desktop_and_a_phone() throws Exception {
        try (Browser desktop = Browser.start(1280, 800); Browser phone = Browser.phone(390, 844)) {
            for (Browser b : List.of(desktop, phone)) {
                openAndAsk(b, server.base + "/", "what massage techniques help sciatica?");
                List<String> violations = seriousViolations(b);
                assertTrue(violations.isEmpty(), String.join("\n", violations));
            }
        }
    }

    @Test
    void the_staff_console_has_no_serious_violations() throws Exception {
        try (Browser b = Browser.start()) {
            b.driver.get(server.base + "/admin");
            b.waitFor(d -> d.findElement(By.id("token")).isDisplayed());
            assertTrue(seriousViolations(b).isEmpty(), "sign-in: " + String.join("\n", seriousViolations(b)));
            b.driver.findElement(By.id("token")).sendKeys(TOKEN);
            b.js("var n = document.getElementById('staff-name'); n.value = n.value || 'Sam';"); // the name staff give at sign-in
            b.driver.findElement(By.cssSelector("#login-form button")).click();
            b.waitFor(d -> d.findElement(By.id("console")).isDisplayed());
            b.driver.findElement(By.id("question")).sendKeys("what is piriformis syndrome");
            b.driver.findElement(By.cssSelector("#try-form button")).click();
            b.waitFor(d -> d.findElements(By.cssSelector("#candidates tbody tr")).stream().findFirst().orElse(null));
            // a staff trial read "proxy:", raw scores and "-2%": places, shares from 0 to 100% and plain words
            List<org.openqa.selenium.WebElement> rows = b.driver.findElements(By.cssSelector("#candidates tbody tr"));
            for (int i = 0; i < rows.size(); i++) {
                List<org.openqa.selenium.WebElement> cells = rows.get(i).findElements(By.tagName("td"));
                assertEquals(String.valueOf(i + 1), cells.get(0).getText());
                for (int k : new int[] {2, 3}) assertTrue(cells.get(k).getText().matches("(?:100|[1-9]?\\d)%"), cells.get(k).getText());
                assertFalse(cells.get(5).getText().matches("(?s)(?:proxy|example|section|heading|item|sentence|question):.*"), cells.get(5).getText());
            }
            List<String> violations = seriousViolations(b);
            assertTrue(violations.isEmpty(), String.join("\n", violations));
        }
    }

    @Test
    void a_light_custom_accent_dark_theme_page_keeps_every_text_readable() throws Exception {
        String url = TestHostPage.shared().put("/dark.html", "<!doctype html><html lang=en><head><title>Dark clinic</title></head>"
                + "<body style=\"background:#111;color:#eee\"><p>Clinic</p><script src=\"" + server.base + "/widget.js\" async"
                + " data-accent=\"#8b5cf6\" data-theme=\"dark\" data-title=\"Ask Raleigh Massage\"></script></body></html>");
        try (Browser b = Browser.start(1280, 800)) {
            SearchContext w = openAndAsk(b, url, "what is deep tissue massage");
            assertEquals("rgba(17, 24, 39, 1)", b.in(w, ".panel").getCssValue("background-color"), "the dark theme applies");
            List<String> violations = seriousViolations(b);
            assertTrue(violations.isEmpty(), String.join("\n", violations));
            b.in(w, ".close").click(); // on a wide screen the open panel stands where the launcher was
            assertEquals("Ask Raleigh Massage", b.waitFor(d -> b.in(w, ".launcher").isDisplayed() ? b.in(w, ".launcher") : null).getText(),
                    "the launcher shows data-title");
        }
    }

    @Test
    void the_focus_ring_stands_out_from_what_surrounds_it() {
        try (Browser b = Browser.start(1280, 800)) {
            SearchContext w = openAndAsk(b, server.base + "/", "what causes sciatica");
            WebElement input = b.in(w, "input");
            input.sendKeys(Keys.TAB);
            Map<?, ?> ring = (Map<?, ?>) b.js("var root = document.querySelector('sciatica-chat').shadowRoot;"
                    + "var s = getComputedStyle(root.activeElement); return {outline: s.outlineColor, width: s.outlineWidth, style: s.outlineStyle,"
                    + " shadow: s.boxShadow};");
            assertEquals("solid", ring.get("style"), ring.toString());
            assertEquals("3px", ring.get("width"), ring.toString());
            // the ring's colour against the panel's white, and the halo's white against the accent it may sit on
            assertTrue(contrast(rgb((String) ring.get("outline")), new int[] {255, 255, 255}) >= 3, ring.toString());
            assertTrue(((String) ring.get("shadow")).contains("rgb(255, 255, 255)"), ring.toString());
        }
    }

    @Test
    void on_a_phone_the_open_panel_is_modal_focus_stays_inside_and_the_page_does_not_scroll() {
        String url = TestHostPage.shared().put("/long.html", "<!doctype html><html lang=en><head><title>Long clinic page</title><meta name=viewport content=\"width=device-width, initial-scale=1\"></head><body>"
                + "<p style=\"height:3000px\">A long page</p><a href=\"#x\" id=\"page-link\">A link on the page</a>"
                + "<script src=\"" + server.base + "/widget.js\" async></script></body></html>");
        try (Browser phone = Browser.phone(390, 844)) {
            SearchContext w = openAndAsk(phone, url, "what causes sciatica");
            assertEquals("true", phone.in(w, ".panel").getAttribute("aria-modal"));
            assertEquals("hidden", phone.js("return getComputedStyle(document.documentElement).overflow"));
            assertEquals("16px", phone.in(w, "input").getCssValue("font-size"), "phones do not zoom into a 16 px input");
            for (int i = 0; i < 40; i++) {
                phone.driver.switchTo().activeElement().sendKeys(Keys.TAB);
                assertEquals(Boolean.TRUE, phone.js("return document.activeElement === document.querySelector('sciatica-chat')"),
                        "focus left the panel after " + (i + 1) + " tabs");
            }
            phone.in(w, ".close").click();
            phone.waitFor(d -> !phone.in(w, ".panel").isDisplayed());
            assertTrue(!"hidden".equals(phone.js("return getComputedStyle(document.documentElement).overflow")), "the page scrolls again");
        }
    }

    @Test
    void spanish_pages_get_the_interface_in_spanish_and_booking_dials_the_clinic() {
        String url = TestHostPage.shared().put("/es.html", "<!doctype html><html lang=es><head><title>Clínica</title></head><body>"
                + "<p>Hola</p><script src=\"" + server.base + "/widget.js\" async data-booking=\"tel:+19195550142\"></script></body></html>");
        try (Browser b = Browser.start(1280, 800)) {
            SearchContext w = openAndAsk(b, url, "what causes sciatica");
            assertEquals("Enviar", b.in(w, ".send").getText());
            WebElement book = b.in(w, ".msg.bot[data-status=answered] [part=booking]");
            assertEquals("Reservar una sesión", book.getText());
            assertEquals("tel:+19195550142", book.getAttribute("href"));
        }
    }

    @Test
    void a_question_in_spanish_on_an_english_page_gets_its_reply_labelled_in_spanish_and_the_next_english_one_in_english() {
        // a visitor trial: a Spanish visitor's reply was Spanish but its labels and buttons English ("Source:", "Yes"/"No")
        String url = TestHostPage.shared().put("/en-mixed.html", "<!doctype html><html lang=en><head><title>Clinic</title></head><body>"
                + "<p>Hello</p><script src=\"" + server.base + "/widget.js\" async></script></body></html>");
        try (Browser b = Browser.start(1280, 800)) {
            SearchContext w = openAndAsk(b, url, "¿qué tipos de masaje ayudan con la ciática?");
            List<WebElement> sources = b.all(w, ".msg.bot[data-status=answered] .source");
            assertFalse(sources.isEmpty(), "answered with a card");
            assertTrue(sources.get(0).getText().startsWith("Fuente"), sources.get(0).getText());
            WebElement input = b.in(w, "input");
            input.sendKeys("what causes sciatica", Keys.ENTER);
            b.waitFor(d -> b.all(w, ".msg.bot[data-status=answered] .source").size() >= 2 && b.in(w, ".send").isEnabled() ? true : null);
            List<WebElement> after = b.all(w, ".msg.bot[data-status=answered] .source");
            assertTrue(after.get(after.size() - 1).getText().startsWith("Source"), after.get(after.size() - 1).getText());
            assertEquals("Send", b.in(w, ".send").getText(), "the page's own language for the rest");
        }
    }

    @Test
    void a_spanish_visitor_describing_an_emergency_is_told_in_spanish_to_call_911() {
        String url = TestHostPage.shared().put("/es-urgent.html", "<!doctype html><html lang=es><head><title>Clínica</title></head><body>"
                + "<p>Hola</p><script src=\"" + server.base + "/widget.js\" async></script></body></html>");
        try (Browser b = Browser.start(390, 844)) {
            b.driver.get(url);
            SearchContext w = b.widget();
            b.in(w, ".launcher").click();
            b.waitFor(d -> b.in(w, ".panel").isDisplayed());
            b.in(w, "input").sendKeys("desde ayer no puedo orinar y me duele la espalda", Keys.ENTER);
            b.waitFor(d -> !b.all(w, ".urgent").isEmpty() ? true : null);
            WebElement alert = b.in(w, ".urgent");
            assertTrue(alert.getText().contains("Esto podría ser una emergencia"), alert.getText());
            assertTrue(alert.getText().contains("Llame al 911 o vaya a la sala de emergencias"), alert.getText());
            assertTrue(alert.getText().contains("no poder orinar"), alert.getText());
            assertTrue(b.in(w, ".disclaimer").getText().contains("consejo médico"), "the disclaimer is in Spanish: " + b.in(w, ".disclaimer").getText());
        }
    }

    private static int[] rgb(String css) {
        String[] p = css.replaceAll("[^0-9,.]", "").split(",");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    private static double contrast(int[] a, int[] b) {
        double x = luminance(a), y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    private static double luminance(int[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = c[i] / 255.0;
            l[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }
}
