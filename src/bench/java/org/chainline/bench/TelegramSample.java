package org.chainline.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A generated Telegram Desktop export of one fictional public channel: text posts, about one in ten with a small
 * video, a quarter of those re-posts of an earlier video (the same bytes under another name), a few placeholders of
 * files not downloaded, replies and service messages. Deterministic for a seed.
 */
public final class TelegramSample {

    private static final String[] WORDS = {"crowd", "square", "police", "shots", "ministry", "street", "wounded", "convoy",
            "regiment", "protest", "fuel", "prices", "night", "detained", "hospital", "Akkala", "Ақкала", "көше", "алаң", "ату"};

    private TelegramSample() {
    }

    /** What was written: messages and media files. */
    public record Written(long messages, long mediaFiles, long mediaBytes) {
    }

    public static Written write(Path folder, int messages, long seed) throws IOException {
        Path media = Files.createDirectories(folder.resolve("video_files"));
        SplittableRandom random = new SplittableRandom(seed);
        long files = 0;
        long bytes = 0;
        int originals = 0;
        try (OutputStream out = Files.newOutputStream(folder.resolve("result.json"));
             JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("name", "Generated channel");
            g.writeStringField("type", "public_channel");
            g.writeNumberField("id", 1999000001L);
            g.writeArrayFieldStart("messages");
            long time = 1741219200L;
            for (int id = 1; id <= messages; id++) {
                time += 1 + random.nextInt(20);
                g.writeStartObject();
                g.writeNumberField("id", id);
                boolean service = random.nextInt(100) == 0;
                g.writeStringField("type", service ? "service" : "message");
                g.writeStringField("date", Instant.ofEpochSecond(time).toString().replace("Z", ""));
                g.writeStringField("date_unixtime", Long.toString(time));
                g.writeStringField("from", "Generated channel");
                g.writeStringField("from_id", "channel1999000001");
                int kind = random.nextInt(100);
                if (!service && kind < 10) {
                    String name = "video_files/clip_" + id + ".mp4";
                    int of = kind < 3 && originals > 0 ? 1 + random.nextInt(originals) : ++originals;
                    SplittableRandom bytesOf = new SplittableRandom(seed * 31 + of); // a re-post: the same bytes again
                    byte[] clip = new byte[4096 + bytesOf.nextInt(8192)];
                    bytesOf.nextBytes(clip);
                    Files.write(folder.resolve(name), clip);
                    files++;
                    bytes += clip.length;
                    g.writeStringField("file", name);
                    g.writeStringField("media_type", "video_file");
                    g.writeStringField("mime_type", "video/mp4");
                } else if (!service && kind < 12) {
                    g.writeStringField("photo", "(File not included. Change data exporting settings to download.)");
                }
                if (!service && kind >= 90 && id > 1) {
                    g.writeNumberField("reply_to_message_id", id - 1 - random.nextInt(Math.min(id - 1, 50)));
                }
                StringBuilder text = new StringBuilder();
                int words = 8 + random.nextInt(30);
                for (int w = 0; w < words; w++) {
                    text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                g.writeStringField("text", service ? "" : text.toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return new Written(messages, files, bytes);
    }
}
