package com.sciaticachat.corpus;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one corpus file: a small front matter, a {@code #} title, {@code ##}/{@code ###} sections with
 * paragraphs and list items, and {@code <!-- questions ... -->} blocks of alternate phrasings.
 *
 * <p>Only the Markdown staff need is understood; anything else is kept as plain text. Raw HTML is
 * never interpreted: it stays text, and the widget shows it as text.
 */
public final class MarkdownParser {

    /** Front matter keys staff may use. */
    static final List<String> FRONT_MATTER_KEYS = List.of("title", "source", "url");

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})(?:\\s+(.*?))?\\s*$");
    /** A heading typed without its space ("##Parking"); one "#" and a word is left as text (a hashtag). */
    private static final Pattern GLUED_HEADING = Pattern.compile("^(#{2,6})(\\p{L}.*?)\\s*$");
    private static final Pattern EXPLICIT_ID = Pattern.compile("^(.*?)\\s*\\{#([A-Za-z0-9][A-Za-z0-9_-]*)\\}$");
    /** Markdown's bullets and numbers, and the bullets word processors paste (•, ◦, ▪, ●, ○, ·, ‣, ⁃, –). */
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s{0,3}(?:[-*+\u2022\u25E6\u25AA\u25AB\u25CF\u25CB\u00B7\u2023\u2043\u2013\uF0B7]|\\d{1,3}[.)])\\s+(.*)$");
    /** Spaces that look like spaces but are not (no-break, narrow, figure, ideographic...): read as spaces. */
    private static final Pattern ODD_SPACE = Pattern.compile("[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2028\u2029]");
    /** Characters nobody sees (zero-width spaces and joiners, word joiner, soft hyphen, direction marks, BOM): removed. */
    private static final Pattern INVISIBLE = Pattern.compile("[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]");
    /** A section longer than this, in characters, is hard to read on a phone: staff are told to split it. */
    public static final int LONG_SECTION = 1500;
    private static final Pattern LABEL = Pattern.compile("^(?:\\*\\*|__)(.+?)(?::(?:\\*\\*|__)|(?:\\*\\*|__):)\\s*(.*)$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");
    private static final Pattern QUESTIONS_OPEN = Pattern.compile("^<!--\\s*questions\\s*:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);

    private final String defaultPublisher;

    public MarkdownParser(String defaultPublisher) {
        this.defaultPublisher = defaultPublisher;
    }

    /**
     * The outcome for one file: a document when there were no errors, what staff should look at anyway
     * (warnings), and the file's text as read.
     */
    public record Result(Document document, List<CorpusError> errors, List<CorpusError> warnings, String text) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result parse(String file, String documentId, byte[] bytes) {
        List<CorpusError> errors = new ArrayList<>();
        String text = decodeUtf8(file, bytes, errors);
        if (text == null) return new Result(null, errors, List.of(), null);
        if (plain(text).isBlank()) {
            // a file emptied by mistake (or saved before its text was pasted) says so, not that its title is missing
            errors.add(new CorpusError(file, 1, "this file is empty; write the document in it, or delete the file"));
            return new Result(null, errors, List.of(), text);
        }
        return new Parse(file, documentId, text, errors).run();
    }

    /**
     * Text pasted from a word processor, made plain: odd spaces become spaces (a heading typed with a
     * no-break space is still a heading) and invisible characters go. Line numbers do not change.
     */
    static String plain(String text) {
        return INVISIBLE.matcher(ODD_SPACE.matcher(text).replaceAll(" ")).replaceAll("");
    }

    /** Strict UTF-8: a file saved in another encoding is reported with the line of its first bad byte. */
    static String decodeUtf8(String file, byte[] bytes, List<CorpusError> errors) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            errors.add(new CorpusError(file, line,
                    "this file is not valid UTF-8 text (a byte that is not UTF-8 is on this line); "
                            + "save it again as UTF-8 in your editor"));
            return null;
        }
        decoder.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static final Pattern TABLE_ROW = Pattern.compile("\\|.*\\|.*");
    private static final Pattern LINK = Pattern.compile("(?<!!)\\[([^\\]]+)\\]\\(([^)\\s]+)[^)]*\\)");

    /** Plain text from a line of inline Markdown: emphasis, code and link markup removed, HTML kept as text. */
    static String inline(String s) {
        String t = s;
        t = t.replaceAll("!\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        t = t.replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1");
        t = t.replaceAll("(\\*\\*|__)(.+?)\\1", "$2");
        t = t.replaceAll("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])", "$1");
        t = t.replaceAll("(?<![\\w_])_(?!\\s)(.+?)(?<!\\s)_(?![\\w_])", "$1");
        t = t.replaceAll("`([^`]*)`", "$1");
        t = t.replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>])", "$1");
        return t.replaceAll("\\s+", " ").trim();
    }

    private final class Parse {
        private final String file;
        private final String documentId;
        private final String[] lines;
        private final List<CorpusError> errors;

        private final Map<String, String> front = new LinkedHashMap<>();
        private String hashTitle;
        private int hashTitleLine;

        private final List<Draft> drafts = new ArrayList<>();
        /** An unclosed comment hid the rest of the file: empty headings after it are not the staff's mistake. */
        private boolean truncated;
        private Draft current;
        private Draft currentH2;

        /** A paragraph or list item being collected over several lines. */
        private StringBuilder pending;
        private Block.Kind pendingKind;
        private int pendingLine;

        private final String text;
        private final List<CorpusError> warnings = new ArrayList<>();

        Parse(String file, String documentId, String text, List<CorpusError> errors) {
            this.file = file;
            this.documentId = documentId;
            this.text = text;
            this.lines = plain(text).split("\r\n|\r|\n", -1);
            this.errors = errors;
        }

        private boolean tableWarned;

        /** Markdown the chat shows differently from a Markdown viewer: said once per table and per link, not silently. */
        private void unsupported(String line, int lineNo) {
            if (TABLE_ROW.matcher(line).matches()) {
                if (!tableWarned) {
                    warnings.add(CorpusError.warning(file, lineNo, "tables are shown to visitors as plain lines with '|' in them; "
                            + "write each row as a list item ('- ') instead"));
                }
                tableWarned = true;
                return;
            }
            tableWarned = false;
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                warnings.add(CorpusError.warning(file, lineNo, "visitors see the link '" + link.group(1) + "' as plain text, without its "
                        + "address; write the address (" + link.group(2) + ") out in the sentence if they need it"));
            }
        }

        private void error(int line, String message) {
            errors.add(new CorpusError(file, line, message));
        }

        Result run() {
            int i = frontMatter();
            current = new Draft(1, null, null, 0);
            drafts.add(current);
            boolean inFence = false;
            for (; i < lines.length; i++) {
                String line = lines[i];
                int lineNo = i + 1;
                if (FENCE.matcher(line).matches()) {
                    flush();
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    addLine(Block.Kind.PARAGRAPH, line, lineNo);
                    continue;
                }
                String trimmed = line.trim();
                if (trimmed.startsWith("<!--")) {
                    flush();
                    i = comment(i);
                    continue;
                }
                if (trimmed.isEmpty()) {
                    flush();
                    continue;
                }
                Matcher glued = GLUED_HEADING.matcher(trimmed);
                if (glued.matches() && !line.startsWith("    ")) {
                    // "##Parking": meant as a heading (Markdown needs the space); read as one, and said so
                    warnings.add(CorpusError.warning(file, lineNo, "'" + trimmed + "' is read as the heading '" + glued.group(2)
                            + "'; put a space after the '" + glued.group(1) + "' so that other Markdown tools read it as one too"));
                    trimmed = glued.group(1) + " " + glued.group(2);
                }
                Matcher h = HEADING.matcher(trimmed);
                if (h.matches() && !line.startsWith("    ")) {
                    flush();
                    heading(h.group(1).length(), h.group(2) == null ? "" : h.group(2).replaceAll("\\s+#+$", ""), lineNo);
                    continue;
                }
                if (THEMATIC_BREAK.matcher(line).matches()) {
                    flush();
                    continue;
                }
                Matcher item = LIST_ITEM.matcher(line);
                if (item.matches()) {
                    flush();
                    unsupported(item.group(1), lineNo);
                    addLine(Block.Kind.ITEM, item.group(1), lineNo);
                    continue;
                }
                unsupported(trimmed, lineNo);
                String content = trimmed.startsWith(">") ? trimmed.replaceFirst("^>+\\s?", "") : trimmed;
                addLine(pending == null ? Block.Kind.PARAGRAPH : pendingKind, content, lineNo);
            }
            flush();
            return finish();
        }

        /** Reads the {@code ---} block at the top, if any; returns the index of the first body line. */
        private int frontMatter() {
            if (lines.length == 0 || !lines[0].trim().equals("---")) return 0;
            boolean closed = false;
            for (int i = 1; i < lines.length && !closed; i++) closed = lines[i].trim().equals("---") || lines[i].trim().equals("...");
            if (!closed) {
                // report the cause only: the lines after it are read as the body, not as broken keys
                error(1, "the front matter starts with '---' on line 1 but is never closed; add a line with just '---' after it");
                return 1;
            }
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].trim();
                int lineNo = i + 1;
                if (line.equals("---") || line.equals("...")) return i + 1;
                if (line.isEmpty() || line.startsWith("#")) continue;
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    error(lineNo, "front matter lines look like 'key: value', but this one has no ':' "
                            + "(allowed keys: " + String.join(", ", FRONT_MATTER_KEYS) + ")");
                    continue;
                }
                String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String raw = line.substring(colon + 1).trim();
                String value = unquote(raw);
                char quote = raw.isEmpty() ? 0 : raw.charAt(0);
                if ((quote == '"' || quote == '\'') && (raw.length() < 2 || raw.charAt(raw.length() - 1) != quote)) {
                    error(lineNo, "the value of '" + key + "' opens a quote (" + quote + ") that is not closed; add " + quote
                            + " at the end of the line, or remove the one at the start");
                } else if (!FRONT_MATTER_KEYS.contains(key)) {
                    error(lineNo, "unknown front matter key '" + key + "' (allowed keys: " + String.join(", ", FRONT_MATTER_KEYS) + ")");
                } else if (front.containsKey(key)) {
                    error(lineNo, "front matter key '" + key + "' is given twice");
                } else if (value.isEmpty()) {
                    error(lineNo, "front matter key '" + key + "' has no value");
                } else {
                    front.put(key, value);
                    // "source: [Raleigh Massage" reaches visitors as typed: a bracket opened and not closed (or the reverse) is a slip
                    if (!key.equals("url") && value.chars().filter(ch -> ch == '[' || ch == '(').count()
                            != value.chars().filter(ch -> ch == ']' || ch == ')').count()) {
                        warnings.add(CorpusError.warning(file, lineNo, "the value of '" + key + "' has a bracket that is not closed"
                                + " (or closed and never opened): visitors see '" + value + "' as written"));
                    }
                }
            }
            return lines.length;
        }

        private String unquote(String v) {
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                return v.substring(1, v.length() - 1).trim();
            }
            return v;
        }

        /** An HTML comment; a {@code <!-- questions} comment adds alternate questions to the current section. */
        private int comment(int start) {
            String first = lines[start].trim();
            Matcher q = QUESTIONS_OPEN.matcher(first);
            boolean questions = q.matches();
            List<String> found = new ArrayList<>();
            String rest = questions ? q.group(1) : first.substring(4);
            int i = start;
            while (true) {
                int end = rest.indexOf("-->");
                String part = end >= 0 ? rest.substring(0, end) : rest;
                if (questions) {
                    String question = part.trim().replaceFirst("^(?:[-*+]|\\d{1,3}[.)])\\s+", "").trim();
                    if (!question.isEmpty()) found.add(question);
                }
                if (end >= 0) break;
                if (++i >= lines.length) {
                    error(start + 1, "this comment ('<!--') is never closed with '-->', so everything after it is hidden");
                    truncated = true;
                    return lines.length;
                }
                rest = lines[i];
            }
            if (questions) {
                if (current.level == 1 && current.title == null && hashTitle == null) {
                    error(start + 1, "alternate questions must come after the heading of the section they belong to");
                } else {
                    current.questions.addAll(found);
                }
            }
            return i;
        }

        private void heading(int level, String rawText, int lineNo) {
            String text = rawText;
            String explicitId = null;
            Matcher id = EXPLICIT_ID.matcher(text);
            if (id.matches()) {
                text = id.group(1);
                explicitId = id.group(2).toLowerCase(Locale.ROOT);
            }
            text = inline(text);
            if (text.isEmpty()) {
                error(lineNo, "this heading has no text; write the heading after the '" + "#".repeat(level) + " '");
                return;
            }
            if (level == 1) {
                if (hashTitle != null) {
                    error(lineNo, "a document has one '# ' title, but there is already one on line " + hashTitleLine
                            + "; use '## ' for a section");
                } else if (drafts.size() > 1) {
                    error(lineNo, "the '# ' title must come before the first '## ' section");
                } else {
                    hashTitle = text;
                    hashTitleLine = lineNo;
                    current.line = lineNo;
                }
                return;
            }
            if (level > 3) {
                error(lineNo, "only '## ' and '### ' headings make sections; change '" + "#".repeat(level) + " ' to '### '");
                return;
            }
            if (level == 3 && currentH2 == null) {
                error(lineNo, "a '### ' heading must be inside a '## ' section; add a '## ' heading above it or make this one '## '");
                return;
            }
            Draft d = new Draft(level, text, explicitId, lineNo);
            d.parent = level == 3 ? currentH2 : null;
            if (level == 2) currentH2 = d;
            drafts.add(d);
            current = d;
        }

        private void addLine(Block.Kind kind, String text, int lineNo) {
            if (pending == null) {
                pending = new StringBuilder(text);
                pendingKind = kind;
                pendingLine = lineNo;
            } else {
                pending.append(' ').append(text.trim());
            }
        }

        private void flush() {
            if (pending == null) return;
            String raw = pending.toString().trim();
            pending = null;
            if (raw.isEmpty()) return;
            String label = null;
            String body = raw;
            Matcher m = LABEL.matcher(raw);
            if (m.matches()) {
                label = inline(m.group(1));
                body = m.group(2);
            }
            String text = inline(body);
            if (text.isEmpty() && label == null) return;
            current.blocks.add(new Block(pendingKind, label, text, pendingLine));
        }

        private Result finish() {
            String title = front.getOrDefault("title", hashTitle);
            if (title == null) {
                error(1, "this document has no title; add 'title: ...' to the front matter or a '# Title' line at the top");
            }
            String publisher = front.getOrDefault("source", defaultPublisher);
            List<Section> sections = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Draft d : drafts) {
                boolean lead = d.level == 1;
                if (lead && d.blocks.isEmpty()) {
                    if (!d.questions.isEmpty()) error(d.line, "these alternate questions belong to no section; put them under a heading with text");
                    continue;
                }
                boolean hasChildren = drafts.stream().anyMatch(c -> c.parent == d);
                if (!lead && d.blocks.isEmpty() && !hasChildren) {
                    if (truncated) continue;
                    error(d.line, "the heading '" + d.title + "' has no text under it; add the text, or delete the heading");
                    continue;
                }
                String slug = d.explicitId != null ? d.explicitId : lead ? "intro" : Slugs.slug(d.title);
                String id = documentId + "/" + slug;
                Integer other = seen.putIfAbsent(id, d.line);
                if (other != null) {
                    error(d.line, "two sections have the id '" + id + "' (lines " + other + " and " + d.line
                            + "); rename one heading, or give it its own id like '## " + d.title + " {#another-id}'");
                    continue;
                }
                d.id = id;
                List<String> path = new ArrayList<>();
                path.add(title == null ? documentId : title);
                if (d.parent != null) path.add(d.parent.title);
                if (!lead) path.add(d.title);
                sections.add(new Section(id, lead ? (title == null ? documentId : title) : d.title, path, d.level,
                        d.parent == null ? null : d.parent.id, d.blocks, d.questions, Math.max(1, d.line)));
            }
            if (sections.isEmpty() && errors.isEmpty()) {
                error(1, "this document has no text to answer from; add sections with '## ' headings");
            }
            if (!errors.isEmpty()) return new Result(null, List.copyOf(errors), List.of(), text);
            Document document = new Document(documentId, title, publisher, front.get("url"), file, sections);
            for (Section s : sections) {
                int length = Document.plainText(s.blocks()).length();
                if (length > LONG_SECTION) {
                    warnings.add(CorpusError.warning(file, s.line(), "the section '" + s.title() + "' is " + length
                            + " characters long, too long to read on a phone; split it into shorter sections with '### ' "
                            + "or '## ' headings"));
                }
            }
            return new Result(document, List.of(), List.copyOf(warnings), text);
        }
    }

    /** A section while its file is being read. */
    private static final class Draft {
        final int level;
        final String title;
        final String explicitId;
        int line;
        Draft parent;
        String id;
        final List<Block> blocks = new ArrayList<>();
        final List<String> questions = new ArrayList<>();

        Draft(int level, String title, String explicitId, int line) {
            this.level = level;
            this.title = title;
            this.explicitId = explicitId;
            this.line = line;
        }
    }
}
