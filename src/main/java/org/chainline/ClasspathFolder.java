package org.chainline;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of a folder shipped on the classpath (graph-schema/model, templates/regimes), in the build or the jar. */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** The folder as a path, whether it lies in a directory or inside the running jar. */
    public static Path of(String location) {
        URL url = ClasspathFolder.class.getClassLoader().getResource(location);
        if (url == null) {
            throw new IllegalStateException(location + " is missing from the build");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                fs = FileSystems.newFileSystem(uri, Map.of());
            }
            return fs.getPath(location);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(location + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The files of a folder whose names end with {@code suffix}, in name order. */
    public static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }
}
