package org.caseflow.streams.runtime.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file to read (or standard input for {@code -}) that counts the bytes read, so progress can say how much of a
 * file is done. Standard input has no size: {@link #fraction()} is NaN, and closing leaves it open.
 */
final class CountedInput extends FilterInputStream {
    private final long size;
    private long read;

    private CountedInput(InputStream in, long size) {
        super(in);
        this.size = size;
    }

    static CountedInput open(String file) throws IOException {
        if ("-".equals(file)) {
            return new CountedInput(new FilterInputStream(System.in) {
                @Override
                public void close() {
                    // standard input stays open for whatever runs next
                }
            }, -1);
        }
        Path path = Path.of(file);
        return new CountedInput(Files.newInputStream(path), Files.size(path));
    }

    /** Share of the file read so far (0..1), NaN for standard input. */
    double fraction() {
        return size <= 0 ? (size == 0 ? 1 : Double.NaN) : Math.min(1.0, (double) read / size);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        read += skipped;
        return skipped;
    }
}
