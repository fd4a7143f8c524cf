package com.sciaticachat.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every flag and environment variable in the README's configuration table is one the service reads: set
 * alone, each changes the configuration {@code serve} starts with. A row added to the table for a setting
 * the code does not read, or a setting renamed in one place only, fails here.
 */
class ReadmeConfigurationTest {
    /** A valid value for each setting, different from its default. */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("port", "8081"), Map.entry("PORT", "8081"),
            Map.entry("corpus", "elsewhere/corpus"), Map.entry("CORPUS_DIR", "elsewhere/corpus"),
            Map.entry("index", "elsewhere/index"), Map.entry("INDEX_DIR", "elsewhere/index"),
            Map.entry("web", "elsewhere/web"), Map.entry("WEB_DIR", "elsewhere/web"),
            Map.entry("min-confidence", "0.7"), Map.entry("MIN_CONFIDENCE", "0.7"),
            Map.entry("ALLOWED_ORIGINS", "https://www.example.com"),
            Map.entry("CLINIC_NAME", "Another Clinic"), Map.entry("CLINIC_CONTACT", "tel:+15550100"),
            Map.entry("DISCLAIMER", "Not medical advice."),
            Map.entry("ADMIN_TOKEN", "a-long-enough-staff-token"),
            Map.entry("DATABASE_URL", "postgresql://db.example.com/chat"),
            Map.entry("PUBLIC_URL", "https://chat.example.com"),
            Map.entry("TRUSTED_PROXIES", "10.0.0.1, 10.244.0.0/16"),
            Map.entry("ASK_LIMIT_PER_MINUTE", "12"), Map.entry("ASK_LIMIT_BURST", "4"),
            Map.entry("INBOX_LIMIT_PER_MINUTE", "7"),
            Map.entry("CONNECTIONS_PER_CLIENT", "9"), Map.entry("HTTP_THREADS", "40"), Map.entry("SHUTDOWN_GRACE_SECONDS", "5"));

    @Test
    void every_setting_in_the_readme_table_changes_the_configuration() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Configuration");
        assertTrue(start >= 0, "the README has a Configuration section");
        String table = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> flags = new ArrayList<>(), variables = new ArrayList<>();
        for (String row : table.split("\n")) {
            if (!row.startsWith("| ") || row.startsWith("| flag") || row.startsWith("| ---")) continue;
            String[] cells = row.split("\\|");
            Matcher flag = Pattern.compile("`--([a-z-]+)").matcher(cells[1]);
            while (flag.find()) flags.add(flag.group(1));
            Matcher variable = Pattern.compile("`([A-Z_]+)`").matcher(cells[2]);
            while (variable.find()) variables.add(variable.group(1));
        }
        assertFalse(flags.isEmpty() || variables.isEmpty(), "the table lists flags and variables");
        Config defaults = Config.from(Map.of(), Map.of());
        for (String f : flags) {
            assertTrue(SAMPLES.containsKey(f), "a sample value for --" + f);
            assertNotEquals(defaults, Config.from(Map.of(f, SAMPLES.get(f)), Map.of()), "--" + f + " changes nothing");
        }
        for (String v : variables) {
            assertTrue(SAMPLES.containsKey(v), "a sample value for " + v);
            assertNotEquals(defaults, Config.from(Map.of(), Map.of(v, SAMPLES.get(v))), v + " changes nothing");
        }
        assertEquals(SAMPLES.size(), flags.size() + variables.size(), "every sample is a row of the table: " + flags + variables);
    }
}
