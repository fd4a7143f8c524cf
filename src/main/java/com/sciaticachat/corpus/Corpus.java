package com.sciaticachat.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything read from the corpus folder that may be served: each file as it is on disk when it is
 * valid, else its last good version, else left out.
 *
 * @param documents     one per Markdown file, in file-name order
 * @param settingsFiles the text of the settings files staff edit beside the documents (synonyms, red
 *                      flags, small talk), by file name; a file that is not there is absent
 * @param fingerprint   SHA-256 over every file's name and bytes as found on disk: the index is stale when it differs
 * @param folder        the corpus folder's name as staff see it in messages (e.g. {@code corpus})
 * @param sources       the text of every file used, by its path inside the folder: what a later read falls back
 *                      to for a file that has a mistake by then
 * @param aliases       names of sections that were renamed (a former heading's slug or id) → the section's id now
 */
public record Corpus(List<Document> documents, Map<String, String> settingsFiles, String fingerprint, String folder,
                     Map<String, String> sources, Map<String, String> aliases) {

    public Corpus {
        documents = List.copyOf(documents);
        settingsFiles = Map.copyOf(settingsFiles);
        sources = Map.copyOf(sources);
        aliases = Map.copyOf(aliases);
    }

    public Corpus(List<Document> documents, Map<String, String> settingsFiles, String fingerprint, String folder) {
        this(documents, settingsFiles, fingerprint, folder, settingsFiles, Map.of());
    }

    /** How staff see one of the corpus's files in messages: {@code corpus/synonyms.txt}. */
    public String shown(String fileName) {
        return folder + "/" + fileName;
    }

    /** A settings file's text, or "" when the corpus has none. */
    public String settingsFile(String name) {
        return settingsFiles.getOrDefault(name, "");
    }

    public List<Section> sections() {
        return documents.stream().flatMap(d -> d.sections().stream()).toList();
    }

    /** The same corpus with a settings file replaced by another version of it, or left out (null). */
    public Corpus withSettingsFile(String name, String text) {
        Map<String, String> settings = new HashMap<>(settingsFiles);
        Map<String, String> used = new HashMap<>(sources);
        if (text == null) {
            settings.remove(name);
            used.remove(name);
        } else {
            settings.put(name, text);
            used.put(name, text);
        }
        return new Corpus(documents, settings, fingerprint, folder, used, aliases);
    }

    public Corpus withFingerprint(String fingerprint) {
        return new Corpus(documents, settingsFiles, fingerprint, folder, sources, aliases);
    }

    public Corpus withAliases(Map<String, String> aliases) {
        return new Corpus(documents, settingsFiles, fingerprint, folder, sources, aliases);
    }
}
