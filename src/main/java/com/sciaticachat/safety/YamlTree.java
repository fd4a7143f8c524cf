package com.sciaticachat.safety;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document as plain values that remember their line, so a mistake in a staff file can be reported
 * as {@code file:line}. Uses SnakeYAML's composer only: no Java objects are ever constructed from the file.
 */
final class YamlTree {

    /** A value: a String, a {@code List<YamlTree.Value>} or a {@code Map<String, YamlTree.Value>}; line is 1-based. */
    record Value(Object value, int line) {
        boolean isMap() {
            return value instanceof Map;
        }

        boolean isList() {
            return value instanceof List;
        }

        boolean isText() {
            return value instanceof String;
        }

        @SuppressWarnings("unchecked")
        Map<String, Value> map() {
            return (Map<String, Value>) value;
        }

        @SuppressWarnings("unchecked")
        List<Value> list() {
            return (List<Value>) value;
        }

        String text() {
            return (String) value;
        }
    }

    /** A file that is not YAML at all: the parser's message and line. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    private YamlTree() {}

    /** The document, or null with its syntax error added to {@code errors} as {@code file:line}. */
    static Value parse(String file, String text, List<com.sciaticachat.corpus.CorpusError> errors) {
        try {
            return parse(text);
        } catch (SyntaxError e) {
            errors.add(new com.sciaticachat.corpus.CorpusError(file, e.line, e.getMessage()));
            return null;
        }
    }

    static Value parse(String text) throws SyntaxError {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(1_000_000);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) return new Value(new LinkedHashMap<String, Value>(), 1);
            return convert(root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            // what the parser was reading when it went wrong, and the line where that began
            String context = e.getContextMark() != null && e.getContext() != null ? e.getContext() : "";
            int began = context.isEmpty() ? line : e.getContextMark().getLine() + 1;
            String problem = (e.getProblem() != null ? e.getProblem() : e.getMessage()).trim();
            int open = unclosedQuote(text, line);
            if (open > 0) {
                // a text whose closing quote is missing runs on over the lines below; the parser gives up lines later,
                // often on a comment, so the mistake is named where the quote opens
                throw new SyntaxError("the text on this line opens with a quotation mark and does not close it: add the closing "
                        + "quotation mark at the end of the text", open);
            }
            if (began < line && context.contains("simple key")) {
                // a key scanned since an earlier line went wrong where that key starts, not where the scanner gave up
                // (often a comment lines below)
                line = began;
            } else if (began < line && (context.contains("flow sequence") || context.contains("flow mapping"))) {
                // a list or group left open ("[bladder, pee" with no "]") goes wrong where it opens, not where the
                // parser met the next name lines below
                boolean list = context.contains("sequence");
                throw new SyntaxError("this is not valid YAML here: the " + (list ? "list" : "group") + " that opens with '" + (list ? "[" : "{")
                        + "' on this line is not closed with '" + (list ? "]" : "}") + "' before line " + line + " (the parser says: "
                        + problem + ")", began);
            }
            throw new SyntaxError(plain(problem), line);
        } catch (RuntimeException e) {
            throw new SyntaxError("this file could not be read as YAML (" + e.getMessage() + ")", 1);
        }
    }

    private static final java.util.regex.Pattern QUOTED_VALUE = java.util.regex.Pattern.compile("^\\s*(?:-\\s+)?(?:[^\"'#:]+:\\s+)?([\"'])");

    /** The first line up to {@code last} whose value opens a quotation it does not close on that line, or -1. */
    static int unclosedQuote(String text, int last) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < Math.min(last, lines.length); i++) {
            java.util.regex.Matcher m = QUOTED_VALUE.matcher(lines[i]);
            if (!m.find()) continue;
            char quote = m.group(1).charAt(0);
            String rest = lines[i].substring(m.end());
            // in double quotes \" is a quote inside the text; in single quotes '' is
            String inside = quote == '"' ? rest.replace("\\\\", "").replace("\\\"", "") : rest.replace("''", "");
            if (inside.indexOf(quote) < 0) return i + 1;
        }
        return -1;
    }

    /** What a YAML parser's complaint means to someone editing the file by hand, and what to do about it. */
    static String plain(String problem) {
        String what;
        if (problem.contains("could not find expected ':'")) {
            what = "this line is not lined up with the lines around it, or a name on it lacks its colon: indent it like the lines above it";
        } else if (problem.contains("mapping values are not allowed")) {
            what = "a colon (:) inside a text: put the whole text in double quotes, or move it to its own indented line";
        } else if (problem.contains("'\\t'") || problem.contains("tab")) {
            what = "a tab character: indent with spaces only";
        } else if (problem.contains("found duplicate key")) {
            what = "a name given twice in the same place: keep one of them";
        } else if (problem.contains("expected <block end>") || problem.contains("expected <document start>")) {
            what = "this line is indented more or less than the lines around it: line it up with them";
        } else {
            what = "the layout of the file is broken here";
        }
        return "this is not valid YAML here: " + what + " (the parser says: " + problem + ")";
    }

    private static Value convert(Node node) {
        int line = node.getStartMark().getLine() + 1;
        if (node instanceof ScalarNode s) return new Value(s.getValue(), line);
        if (node instanceof SequenceNode seq) {
            List<Value> out = new ArrayList<>();
            for (Node n : seq.getValue()) out.add(convert(n));
            return new Value(out, line);
        }
        Map<String, Value> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
            out.put(key, convert(t.getValueNode()));
        }
        return new Value(out, line);
    }
}
