package org.chainline.workspace.shell;

import org.chainline.registry.model.RecordType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where each thing lives in the workspace: one place, so that pages link alike. */
public final class Links {

    private Links() {
    }

    /** The type's name in a path: "unit-relation" for UnitRelation. */
    public static String slug(String typeName) {
        return typeName.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }

    public static String slug(RecordType type) {
        return slug(type.name());
    }

    /** A record's page; {@code type} is a type name (Person) or its slug (person). */
    public static String record(String type, String id) {
        return "/records/" + slug(type) + "/" + encode(id);
    }

    public static String chain(String unit, String date) {
        return "/units/" + encode(unit) + "/chain" + (date == null || date.isBlank() ? "" : "?date=" + encode(date));
    }

    public static String liability(String type, String id) {
        return "/records/" + slug(type) + "/" + encode(id) + "/liability";
    }

    public static String timeline(String type, String id) {
        return "/records/" + slug(type) + "/" + encode(id) + "/timeline";
    }

    public static String network(String type, String id) {
        return "/records/" + slug(type) + "/" + encode(id) + "/network";
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
