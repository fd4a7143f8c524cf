package com.sciaticachat.corpus;

import java.util.List;
import java.util.Map;

/**
 * Everything read from the corpus folder, validated.
 *
 * @param documents     one per Markdown file, in file-name order
 * @param settingsFiles the text of the settings files staff edit beside the documents (synonyms, red
 *                      flags, small talk), by file name; a file that is not there is absent
 * @param fingerprint   SHA-256 over every file's name and bytes: the index is stale when it differs
 * @param folder        the corpus folder's name as staff see it in messages (e.g. {@code corpus})
 */
public record Corpus(List<Document> documents, Map<String, String> settingsFiles, String fingerprint, String folder) {

    public Corpus {
        documents = List.copyOf(documents);
        settingsFiles = Map.copyOf(settingsFiles);
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

}
