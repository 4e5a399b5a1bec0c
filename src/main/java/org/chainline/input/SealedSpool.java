package org.chainline.input;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cipher of a spool file that must never be in clear on disk (an upload naming people at risk): AES-256-CTR under
 * a key drawn for this one file and held only in memory. A crash loses the key, so what it leaves behind is noise,
 * deleted at the next start. CTR lets the file be read back at any offset, as a zip is.
 */
final class SealedSpool {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BLOCK = 16;

    private final SecretKeySpec key;
    private final byte[] iv;

    SealedSpool() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        this.key = new SecretKeySpec(k, "AES");
        this.iv = new byte[BLOCK];
        RANDOM.nextBytes(iv);
    }

    /** A cipher positioned at byte {@code offset} of the stream (its first {@code offset % 16} bytes still to skip). */
    private Cipher at(long offset, int mode) {
        byte[] counter = iv.clone();
        long add = offset / BLOCK;
        for (int i = BLOCK - 1; i >= 0 && add != 0; i--) {
            long sum = (counter[i] & 0xFF) + (add & 0xFF);
            counter[i] = (byte) sum;
            add = (add >>> 8) + (sum >>> 8);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(counter));
            int skip = (int) (offset % BLOCK);
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is part of every JDK", e);
        }
    }

    /** Writes what it is given encrypted, from the start of the file. */
    OutputStream sealing(OutputStream out) {
        Cipher cipher = at(0, Cipher.ENCRYPT_MODE);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(cipher.update(b, off, len));
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** The file read back in clear, at any position; read only. */
    SeekableByteChannel opening(Path file) throws IOException {
        FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        return new SeekableByteChannel() {
            private long position;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (position >= in.size()) {
                    return -1;
                }
                int wanted = (int) Math.min(dst.remaining(), Math.min(1 << 16, in.size() - position));
                ByteBuffer sealed = ByteBuffer.allocate(wanted);
                int n = in.read(sealed, position);
                if (n <= 0) {
                    return n;
                }
                byte[] clear = at(position, Cipher.DECRYPT_MODE).update(sealed.array(), 0, n);
                dst.put(clear, 0, n);
                position += n;
                return n;
            }

            @Override
            public int write(ByteBuffer src) {
                throw new NonWritableChannelException();
            }

            @Override
            public long position() {
                return position;
            }

            @Override
            public SeekableByteChannel position(long newPosition) {
                position = newPosition;
                return this;
            }

            @Override
            public long size() throws IOException {
                return in.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) {
                throw new NonWritableChannelException();
            }

            @Override
            public boolean isOpen() {
                return in.isOpen();
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
