package com.sciaticachat.corpus;

import java.util.List;

/**
 * One answerable part of a document: the text under a heading.
 *
 * <p>A document's lead (text between its {@code #} title and the first {@code ##}) is a section whose
 * title is the document title. A {@code ##} section's answer includes its {@code ###} children
 * (see {@link Document#answerBlocks(Section)}), so a question about a whole topic gets the whole topic.
 *
 * @param id        stable id, {@code documentId/heading-slug} unless the heading pins one with {@code {#id}}
 * @param title     the heading text
 * @param path      document title, then the headings down to this one
 * @param level     1 for a document's lead, 2 for {@code ##}, 3 for {@code ###}
 * @param parentId  id of the enclosing {@code ##} section, or null
 * @param blocks    the section's own content (children excluded)
 * @param questions alternate phrasings staff wrote for this section; matched, never shown
 * @param line      line of the heading (or of the lead's first block)
 */
public record Section(
        String id,
        String title,
        List<String> path,
        int level,
        String parentId,
        List<Block> blocks,
        List<String> questions,
        int line) {

    public Section {
        path = List.copyOf(path);
        blocks = List.copyOf(blocks);
        questions = List.copyOf(questions);
    }

    /** The list items of this section: the finest unit a question can be about. */
    public List<Block> items() {
        return blocks.stream().filter(b -> b.kind() == Block.Kind.ITEM).toList();
    }
}
