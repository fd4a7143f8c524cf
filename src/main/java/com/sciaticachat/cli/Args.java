package com.sciaticachat.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value}, {@code --name=value}, {@code --flag}, and positional arguments; unknown flags are errors. */
record Args(Map<String, String> flags, List<String> positional) {

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static Args parse(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (switches.contains(name)) {
                    if (value != null) throw new UsageException("--" + name + " takes no value");
                    flags.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new UsageException("--" + name + " needs a value");
                        value = args.get(++i);
                    }
                    flags.put(name, value);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else if (a.startsWith("-") && a.length() > 1 && !a.equals("-h")) {
                throw new UsageException("unknown option " + a);
            } else if (a.equals("-h")) {
                flags.put("help", "true");
            } else {
                positional.add(a);
            }
        }
        return new Args(flags, positional);
    }
}
