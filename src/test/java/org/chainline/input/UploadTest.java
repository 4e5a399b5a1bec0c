package org.chainline.input;

import org.chainline.refusal.TooLarge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one upload type: spooled and hashed in one pass; a sealed spool is never in clear on disk and reads back exactly. */
class UploadTest {

    /** A fictional name, as a Telegram export would carry a sender's. */
    private static final String NAME = "Әйгерім Жасырынқызы";

    private static byte[] exportLike() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            out.writeBytes(("{\"from\": \"" + NAME + "\", \"id\": " + i + "}\n").getBytes(StandardCharsets.UTF_8));
            byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            out.writeBytes(noise);
        }
        return out.toByteArray();
    }

    private static boolean holds(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSealedSpoolHoldsNoNameInClearAndReadsBackExactlyAtAnyPosition(@TempDir Path dir) throws Exception {
        byte[] bytes = exportLike();
        byte[] name = NAME.getBytes(StandardCharsets.UTF_8);
        try (Upload clear = Upload.spool(dir.resolve("clear"), new ByteArrayInputStream(bytes), 1 << 30, "x",
                () -> new TooLarge("file", "too large"), null)) {
            assertTrue(holds(Files.readAllBytes(dir.resolve("clear")), name), "an unsealed spool keeps the bytes as they came");
        }
        try (Upload sealed = Upload.spoolSealed(dir.resolve("sealed"), new ByteArrayInputStream(bytes), 1 << 30, "x",
                () -> new TooLarge("file", "too large"), null);
             SeekableByteChannel channel = sealed.channel()) {
            byte[] onDisk = Files.readAllBytes(dir.resolve("sealed"));
            assertEquals(bytes.length, onDisk.length);
            assertFalse(holds(onDisk, name), "the name is in clear in the spool");
            assertEquals(org.chainline.Sha256.hex(bytes), sealed.sha256(), "hashed in clear as it arrived");
            Random random = new Random(11);
            for (int i = 0; i < 200; i++) {
                int at = random.nextInt(bytes.length);
                int length = Math.min(1 + random.nextInt(70_000), bytes.length - at);
                ByteBuffer read = ByteBuffer.allocate(length);
                channel.position(at);
                while (read.hasRemaining() && channel.read(read) > 0) {
                    // a read returns at most 64 KiB
                }
                assertArrayEquals(Arrays.copyOfRange(bytes, at, at + length), read.array(), "at " + at);
            }
            assertThrows(IllegalStateException.class, sealed::file, "a sealed upload is never handed out as a file in clear");
        }
        assertFalse(Files.exists(dir.resolve("sealed")), "deleted when closed");
    }
}
