package com.sciaticachat.search;

import com.sciaticachat.index.SectionRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generation's sections as visitors read them, in reading order, and how they nest. */
public final class SectionCatalog {
    private final Map<String, SectionRecord> sections;

    SectionCatalog(List<SectionRecord> records) {
        Map<String, SectionRecord> ordered = new LinkedHashMap<>();
        records.stream().sorted((a, b) -> Integer.compare(a.order(), b.order())).forEach(r -> ordered.put(r.id(), r));
        this.sections = Collections.unmodifiableMap(ordered);
    }

    /** Sections in reading order. */
    public Map<String, SectionRecord> sections() {
        return sections;
    }

    /** The section, or null when this generation has none by that id. */
    public SectionRecord section(String id) {
        return sections.get(id);
    }

    /** The sections directly under this one, in reading order. */
    public List<SectionRecord> children(String id) {
        return sections.values().stream().filter(r -> id.equals(r.parentId())).toList();
    }

    /** The section after this one in reading order, in the same document; null at a document's end. */
    public SectionRecord next(String id) {
        boolean found = false;
        String document = id.substring(0, Math.max(0, id.indexOf('/')));
        for (SectionRecord r : sections.values()) {
            if (found) return r.id().startsWith(document + "/") ? r : null;
            found = r.id().equals(id);
        }
        return null;
    }

    public int size() {
        return sections.size();
    }

    /** True when {@code ancestor} is {@code id} or encloses it. */
    public boolean isSameOrAncestor(String ancestor, String id) {
        for (SectionRecord r = sections.get(id); r != null; r = r.parentId() == null ? null : sections.get(r.parentId())) {
            if (r.id().equals(ancestor)) return true;
        }
        return false;
    }

    /** Same section, or one encloses the other: their texts overlap, so they never compete or both show. */
    public boolean overlap(String a, String b) {
        return isSameOrAncestor(a, b) || isSameOrAncestor(b, a);
    }
}
