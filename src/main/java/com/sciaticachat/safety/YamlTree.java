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
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new SyntaxError("this is not valid YAML here (" + problem.trim() + ")", line);
        } catch (RuntimeException e) {
            throw new SyntaxError("this file could not be read as YAML (" + e.getMessage() + ")", 1);
        }
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
