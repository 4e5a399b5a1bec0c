package org.chainline.protection;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Files at rest sealed with AES-256-GCM in segments of {@value #SEGMENT} bytes (the STREAM construction): a header
 * with the key id and a random nonce prefix, then each segment with its own tag, the nonce counting segments and the
 * last segment marked in its associated data, so that a file cannot be truncated, reordered or spliced unseen. A
 * segment at a time is held in memory, whatever the file's size.
 */
final class SealedStreams {

    static final int SEGMENT = 1 << 16;
    private static final int TAG = 16;
    private static final byte[] MAGIC = "CLSEALED1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedStreams() {
    }

    static OutputStream sealing(OutputStream out, SecretKeySpec key, String keyId) throws IOException {
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        out.write(MAGIC);
        out.write(keyId.getBytes(StandardCharsets.US_ASCII));
        out.write(prefix);
        return new Sealing(out, key, prefix);
    }

    /** Opens a sealed stream; {@code keyId} must be the key that sealed it. */
    static InputStream opening(InputStream in, SecretKeySpec key, String keyId) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a sealed file");
        }
        String sealedWith = new String(in.readNBytes(keyId.length()), StandardCharsets.US_ASCII);
        if (!sealedWith.equals(keyId)) {
            throw new IOException("sealed with another protection key (" + sealedWith + ")");
        }
        byte[] prefix = in.readNBytes(8);
        if (prefix.length != 8) {
            throw new EOFException("the sealed file is truncated");
        }
        return new Opening(in, key, prefix);
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] prefix, long counter, boolean last) throws IOException {
        if (counter > 0xFFFFFFFFL) {
            throw new IOException("the file is too large to seal");
        }
        byte[] iv = ByteBuffer.allocate(12).put(prefix).putInt((int) counter).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG * 8, iv));
            cipher.updateAAD(new byte[]{(byte) (last ? 1 : 0)});
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static final class Sealing extends OutputStream {
        private final OutputStream out;
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final byte[] segment = new byte[SEGMENT];
        private int filled;
        private long counter;
        private boolean closed;

        Sealing(OutputStream out, SecretKeySpec key, byte[] prefix) {
            this.out = out;
            this.key = key;
            this.prefix = prefix;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == SEGMENT) {
                    emit(false);
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, segment, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void emit(boolean last) throws IOException {
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, key, prefix, counter++, last).doFinal(segment, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("the segment could not be sealed", e);
            }
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            emit(true);
            out.close();
        }
    }

    private static final class Opening extends InputStream {
        private final InputStream in;
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final byte[] sealed = new byte[SEGMENT + TAG + 1];
        private int ahead;
        private byte[] plain = new byte[0];
        private int position;
        private long counter;
        private boolean done;

        Opening(InputStream in, SecretKeySpec key, byte[] prefix) {
            this.in = in;
            this.key = key;
            this.prefix = prefix;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == plain.length) {
                if (done) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        /** Decrypts the next segment; reading one byte past it tells whether it is the last. */
        private void next() throws IOException {
            int want = SEGMENT + TAG + 1;
            while (ahead < want) {
                int n = in.read(sealed, ahead, want - ahead);
                if (n < 0) {
                    break;
                }
                ahead += n;
            }
            boolean last = ahead < want;
            int length = last ? ahead : SEGMENT + TAG;
            if (length < TAG) {
                throw new EOFException("the sealed file is truncated");
            }
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, prefix, counter++, last).doFinal(sealed, 0, length);
            } catch (AEADBadTagException e) {
                throw new IOException("the sealed file has been altered or truncated");
            } catch (GeneralSecurityException e) {
                throw new IOException("the sealed file cannot be opened", e);
            }
            position = 0;
            if (last) {
                done = true;
                ahead = 0;
            } else {
                sealed[0] = sealed[SEGMENT + TAG];
                ahead = 1;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
