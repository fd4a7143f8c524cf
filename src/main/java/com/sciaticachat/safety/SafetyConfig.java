package com.sciaticachat.safety;

import com.sciaticachat.analysis.EnglishWords;
import java.util.function.UnaryOperator;

/**
 * One corpus generation's safety settings, built once from its files: the red-flag rules and messages
 * ({@code safety.yml}), the phrase matcher built on them, and the small talk ({@code small-talk.yml}). The
 * files were checked before the generation was written; a generation without one has none of it.
 */
public record SafetyConfig(SafetyRules rules, RedFlagMatcher redFlags, SmallTalk smallTalk) {

    /** @param settingsFile a settings file's text by its name, "" when the generation has none */
    public static SafetyConfig from(UnaryOperator<String> settingsFile) {
        String safety = settingsFile.apply(SafetyRules.FILE_NAME);
        SafetyRules rules = safety == null || safety.isEmpty() ? SafetyRules.none() : SafetyRules.parse(SafetyRules.FILE_NAME, safety).rules();
        String talk = settingsFile.apply(SmallTalk.FILE_NAME);
        SmallTalk smallTalk = talk == null || talk.isEmpty() ? SmallTalk.none() : SmallTalk.parse(SmallTalk.FILE_NAME, talk).smallTalk();
        return new SafetyConfig(rules, new RedFlagMatcher(rules, EnglishWords.get()), smallTalk);
    }
}
