package org.chainline.workspace.shell;

import org.chainline.refusal.InvalidInput;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A submitted HTML form ({@code application/x-www-form-urlencoded}): each field's values, in order. */
public final class Form {

    public static final int MAX_FIELDS = 500;

    private final Map<String, List<String>> fields;

    private Form(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static Form parse(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            String[] pairs = body.split("&");
            if (pairs.length > MAX_FIELDS) {
                throw new InvalidInput("form", "has more than " + MAX_FIELDS + " fields");
            }
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    // bytes that are not UTF-8 (sent raw or percent-encoded) decode to U+FFFD: refused, never stored so
                    if (name.indexOf('\uFFFD') >= 0 || value.indexOf('\uFFFD') >= 0) {
                        throw new InvalidInput(name.indexOf('\uFFFD') >= 0 ? "form" : name,
                                "holds bytes that are not UTF-8 text: send the form again from the workspace");
                    }
                    fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("form", "is not a well-formed form submission");
                }
            }
        }
        return new Form(fields);
    }

    /** The field's first value, or {@code otherwise}. */
    public String get(String name, String otherwise) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? otherwise : values.getFirst();
    }

    public String get(String name) {
        return get(name, null);
    }

    public List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    public Set<String> names() {
        return fields.keySet();
    }
}
