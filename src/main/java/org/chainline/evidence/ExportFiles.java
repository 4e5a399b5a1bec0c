package org.chainline.evidence;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a Telegram Desktop export, in a folder or a zip: {@code result.json} and the media it names by relative
 * path. Paths from the export are only ever looked up, never joined blindly: one that leaves the export is refused.
 */
abstract sealed class ExportFiles implements Closeable {

    /** The export at {@code path}: a folder holding result.json (directly or in one subfolder) or a zip. */
    static ExportFiles open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new Folder(path);
        }
        if (Files.isRegularFile(path)) {
            return zip(ZipFile.builder().setPath(path));
        }
        throw new BadExport("does not exist: " + path);
    }

    /** The export as a zip read through {@code channel} (an upload, which may be sealed on disk). */
    static ExportFiles zip(SeekableByteChannel channel) throws IOException {
        return zip(ZipFile.builder().setSeekableByteChannel(channel));
    }

    private static ExportFiles zip(ZipFile.Builder builder) throws IOException {
        ZipFile zip;
        try {
            zip = builder.get();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadExport("is neither a folder nor a zip file: " + e.getMessage());
        }
        return new Zip(zip);
    }

    /** The export cannot be read as one. */
    static final class BadExport extends IOException {
        BadExport(String message) {
            super(message);
        }
    }

    abstract InputStream resultJson() throws IOException;

    /** The media file at a path relative to result.json, if the export holds it. */
    abstract Optional<InputStream> media(String relative) throws IOException;

    static boolean safe(String relative) {
        return !relative.isBlank() && !relative.startsWith("/") && !relative.contains("\\") && !relative.contains("\0")
                && Stream.of(relative.split("/")).noneMatch(part -> part.equals("..") || part.isEmpty());
    }

    private static final class Folder extends ExportFiles {
        private final Path root;

        Folder(Path given) throws IOException {
            if (Files.isRegularFile(given.resolve("result.json"))) {
                root = given;
            } else {
                try (Stream<Path> children = Files.list(given)) {
                    root = children.filter(c -> Files.isRegularFile(c.resolve("result.json"))).findFirst()
                            .orElseThrow(() -> new BadExport("holds no result.json (export with the JSON format in Telegram Desktop)"));
                }
            }
        }

        @Override
        InputStream resultJson() throws IOException {
            return Files.newInputStream(root.resolve("result.json"));
        }

        @Override
        Optional<InputStream> media(String relative) throws IOException {
            if (!safe(relative)) {
                return Optional.empty();
            }
            Path p = root.resolve(relative).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                return Optional.empty();
            }
            return Optional.of(Files.newInputStream(p));
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends ExportFiles {
        private final ZipFile zip;
        private final String prefix;

        Zip(ZipFile zip) throws IOException {
            this.zip = zip;
            ZipArchiveEntry result = null;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && (name.equals("result.json") || name.endsWith("/result.json"))
                        && (result == null || name.length() < result.getName().length())) {
                    result = entry;
                }
            }
            if (result == null) {
                zip.close();
                throw new BadExport("is a zip without result.json (export with the JSON format in Telegram Desktop)");
            }
            prefix = result.getName().substring(0, result.getName().length() - "result.json".length());
        }

        @Override
        InputStream resultJson() throws IOException {
            return zip.getInputStream(zip.getEntry(prefix + "result.json"));
        }

        @Override
        Optional<InputStream> media(String relative) throws IOException {
            if (!safe(relative)) {
                return Optional.empty();
            }
            ZipArchiveEntry entry = zip.getEntry(prefix + relative);
            return entry == null || entry.isDirectory() ? Optional.empty() : Optional.of(zip.getInputStream(entry));
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

}
