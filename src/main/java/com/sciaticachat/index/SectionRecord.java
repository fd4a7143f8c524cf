package com.sciaticachat.index;

import com.sciaticachat.corpus.Block;
import com.sciaticachat.corpus.Document;
import java.util.List;

/**
 * A section as the chat shows it, stored in the index so that a generation of the index answers on its
 * own, without the corpus files (which may have changed, or be broken, since).
 *
 * @param order     position in reading order across the corpus (for listings)
 * @param blocks    everything a visitor reads, children included
 * @param source    the corpus file, e.g. {@code corpus/massage-for-sciatic-pain.md}
 * @param line      the heading's line in that file (for staff)
 * @param questions the alternate questions (shown to staff only)
 */
public record SectionRecord(
        String id,
        String title,
        List<String> path,
        int level,
        String parentId,
        int order,
        List<Block> blocks,
        String documentTitle,
        String publisher,
        String url,
        String source,
        int line,
        List<String> questions) {

    public SectionRecord {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
        questions = List.copyOf(questions);
    }

    /** The whole answer as plain text, one block per line. */
    public String text() {
        return Document.plainText(blocks);
    }
}
