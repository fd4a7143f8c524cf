package com.sciaticachat.corpus;

/**
 * One piece of a section's own content, in reading order.
 *
 * @param kind  paragraph, list item, or (only in composed answers) a child section's heading
 * @param label the bold lead-in of an item or paragraph ("Herniated Disc" in "**Herniated Disc:** ..."), or null
 * @param text  plain text without Markdown markup; never HTML
 * @param line  1-based line in the source file where the block starts
 */
public record Block(Kind kind, String label, String text, int line) {

    public enum Kind { PARAGRAPH, ITEM, HEADING }

    /** The block as one line of plain text: "Label: text" when it has a label. */
    public String plainText() {
        return label == null ? text : label + ": " + text;
    }
}
