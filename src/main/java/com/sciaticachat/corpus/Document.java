package com.sciaticachat.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Markdown file of the corpus.
 *
 * @param id        the file name without {@code .md}, as a slug; prefixes its sections' ids
 * @param title     the document title ({@code title:} in the front matter, else the {@code #} heading)
 * @param publisher who published it ({@code source:} in the front matter)
 * @param url       where the original lives ({@code url:}), or null
 * @param file      the file's path as staff see it, e.g. {@code corpus/massage-for-sciatic-pain.md}
 * @param sections  in reading order
 */
public record Document(String id, String title, String publisher, String url, String file, List<Section> sections) {

    public Document {
        sections = List.copyOf(sections);
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public List<Section> children(Section parent) {
        return sections.stream().filter(s -> parent.id().equals(s.parentId())).toList();
    }

    /** What a visitor reads for this section: its own blocks, then each child's heading and blocks. */
    public List<Block> answerBlocks(Section section) {
        List<Block> out = new ArrayList<>(section.blocks());
        for (Section child : children(section)) {
            out.add(new Block(Block.Kind.HEADING, null, child.title(), child.line()));
            out.addAll(child.blocks());
        }
        return out;
    }

    /** The answer as plain text: one block per line, items marked with a bullet. */
    public String answerText(Section section) {
        return plainText(answerBlocks(section));
    }

    public static String plainText(List<Block> blocks) {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (!sb.isEmpty()) sb.append('\n');
            if (b.kind() == Block.Kind.ITEM) sb.append("• ");
            sb.append(b.plainText());
        }
        return sb.toString();
    }
}
