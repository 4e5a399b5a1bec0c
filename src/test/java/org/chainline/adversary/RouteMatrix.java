package org.chainline.adversary;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standing adversary's map of the application: every route the router holds, each with the answer every role must
 * get and how the leak scan reads it ({@code adversary/routes.tsv}). A route the router holds and the file does not (a
 * controller written yesterday), or a row the router no longer holds, is a failure of its own.
 */
public final class RouteMatrix {

    /** The roles the matrix answers for, in the file's column order. */
    public static final List<String> ROLES = List.of("viewer", "analyst", "counsel", "admin", "holder");

    /** One route: its method and template, the answer per role, and how the leak scan reads it. */
    public record Route(HttpMethod method, String path, Map<String, String> answers, String scan) {

        public boolean isRead() {
            return method == HttpMethod.GET;
        }

        /** The path with its query template removed ({@code /api/ftm/export{?restricted}} → {@code /api/ftm/export}). */
        public String plainPath() {
            int query = path.indexOf("{?");
            return query < 0 ? path : path.substring(0, query);
        }

        public String key() {
            return method + " " + path;
        }
    }

    private RouteMatrix() {
    }

    /** The rows of the file. */
    public static List<Route> load() {
        try (InputStream in = RouteMatrix.class.getResourceAsStream("/adversary/routes.tsv")) {
            List<Route> routes = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                String[] answers = cells[2].split(" ");
                if (cells.length != 4 || answers.length != ROLES.size()) {
                    throw new IllegalStateException("adversary/routes.tsv: a row needs a method, a path, " + ROLES.size()
                            + " answers and a scan: " + line);
                }
                Map<String, String> byRole = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    if (!Set.of("ok", "403", "skip").contains(answers[i])) {
                        throw new IllegalStateException("adversary/routes.tsv: " + answers[i] + " is not ok, 403 or skip: " + line);
                    }
                    byRole.put(ROLES.get(i), answers[i]);
                }
                routes.add(new Route(HttpMethod.parse(cells[0]), cells[1], byRole, cells[3].strip()));
            }
            return routes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The routes the router holds but the file does not name, and the rows the router does not hold. */
    public static List<String> differences(Router router, List<Route> rows) {
        Set<String> routed = new LinkedHashSet<>();
        router.uriRoutes().filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .forEach(r -> routed.add(r.getHttpMethod() + " " + r.getUriMatchTemplate()));
        Set<String> listed = new LinkedHashSet<>();
        rows.forEach(r -> listed.add(r.key()));
        List<String> out = new ArrayList<>();
        routed.stream().filter(r -> !listed.contains(r)).forEach(r -> out.add("not in adversary/routes.tsv: " + r));
        listed.stream().filter(r -> !routed.contains(r)).forEach(r -> out.add("in adversary/routes.tsv but no route: " + r));
        return out;
    }
}
