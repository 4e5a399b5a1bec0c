package org.chainline.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a file is, from its first bytes rather than from what its uploader said: the type the workspace shows and
 * previews by. A file that claims to be a picture but holds a script is found to be text, and is shown as text.
 */
final class FileTypes {

    /** How many leading bytes are enough to tell. */
    static final int HEAD = 4096;

    private FileTypes() {
    }

    /** The type found in {@code head} (the file's first bytes), or {@code application/octet-stream}. */
    static String sniff(byte[] head) {
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(head, 'R', 'I', 'F', 'F') && at(head, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (starts(head, 'R', 'I', 'F', 'F') && at(head, 8, 'W', 'A', 'V', 'E')) {
            return "audio/wav";
        }
        if (starts(head, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (at(head, 4, 'f', 't', 'y', 'p')) {
            return at(head, 8, 'q', 't', ' ', ' ') ? "video/quicktime" : at(head, 8, 'M', '4', 'A', ' ') ? "audio/mp4" : "video/mp4";
        }
        if (starts(head, 0x1A, 0x45, 0xDF, 0xA3)) {
            return "video/webm";
        }
        if (starts(head, 'O', 'g', 'g', 'S')) {
            return "audio/ogg";
        }
        if (starts(head, 'I', 'D', '3') || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return "audio/mpeg";
        }
        if (starts(head, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        return text(head) ? "text/plain" : "application/octet-stream";
    }

    /** Whether the type is one a browser may be shown in place: pictures, sound, video and plain text. */
    static String preview(String found) {
        if (found.startsWith("image/")) {
            return "image";
        }
        if (found.startsWith("video/")) {
            return "video";
        }
        if (found.startsWith("audio/")) {
            return "audio";
        }
        if (found.equals("text/plain")) {
            return "text";
        }
        return found.equals("application/pdf") ? "pdf" : null;
    }

    private static boolean text(byte[] head) {
        if (head.length == 0) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        // a multi-byte character cut at the end of the head is still text
        byte[] whole = head.length < HEAD ? head : Arrays.copyOf(head, lastBoundary(head));
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(whole));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int lastBoundary(byte[] head) {
        int end = head.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            if ((head[end - back] & 0xC0) != 0x80) {
                return (head[end - back] & 0x80) == 0 ? end : end - back;
            }
        }
        return end;
    }

    private static boolean starts(byte[] head, int... bytes) {
        return at(head, 0, bytes);
    }

    private static boolean at(byte[] head, int offset, int... bytes) {
        if (head.length < offset + bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[offset + i] & 0xFF) != (bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
