package org.chainline.workspace.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace's templates mirror its rooms, and every template a controller renders takes exactly one typed
 * parameter, its page record: a field renamed in the record then breaks the build where the template reads it.
 */
class TemplatesTest {

    static final Path TEMPLATES = Path.of("src/main/jte");
    static final Path WORKSPACE = Path.of("src/main/java/org/chainline/workspace");

    /** The view names the workspace's code renders ("home/home", "dossiers/job"...). */
    static Set<String> rendered() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"([a-z]+/[a-zA-Z-]+)\"");
        try (Stream<Path> files = Files.walk(WORKSPACE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (Files.exists(TEMPLATES.resolve(m.group(1) + ".jte"))) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    @Test
    void everyRenderedTemplateTakesOnePageRecord() throws IOException {
        Set<String> rendered = rendered();
        assertTrue(rendered.size() >= 18, "the screens' templates were found: " + rendered);
        List<String> wrong = new ArrayList<>();
        for (String name : rendered) {
            List<String> params = Files.readAllLines(TEMPLATES.resolve(name + ".jte")).stream().filter(l -> l.startsWith("@param ")).toList();
            if (params.size() != 1 || !params.getFirst().endsWith(" page")) {
                wrong.add(name + " " + params);
            }
        }
        assertEquals(List.of(), wrong, "a rendered template takes one parameter, its page record");
    }

    @Test
    void templatesLiveInTheRoomOfTheirScreen() throws IOException {
        Set<String> rooms = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(WORKSPACE)) {
            dirs.filter(Files::isDirectory).forEach(d -> rooms.add(d.getFileName().toString()));
        }
        List<String> astray = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Path relative = TEMPLATES.relativize(f);
                if (relative.getNameCount() != 2 || !rooms.contains(relative.getName(0).toString())) {
                    astray.add(relative.toString());
                }
            }
        }
        assertEquals(List.of(), astray, "every template sits in the folder of its room (" + rooms + ")");
    }
}
