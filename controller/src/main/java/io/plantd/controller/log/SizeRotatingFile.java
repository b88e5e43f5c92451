package io.plantd.controller.log;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only text file rotated by size: before a line would push it over {@code maxBytes},
 * {@code file} becomes {@code file.1}, {@code file.1} becomes {@code file.2} and so on; at most
 * {@code maxFiles} files exist in all (the active one included), the oldest is deleted. A line is
 * never split across files. Not thread-safe: one writer thread.
 */
final class SizeRotatingFile implements Closeable {
    private final Path file;
    private final long maxBytes;
    private final int maxFiles;
    private OutputStream out;
    private long size;

    SizeRotatingFile(Path file, long maxBytes, int maxFiles) {
        if (maxBytes < 1 || maxFiles < 1) {
            throw new IllegalArgumentException("maxBytes and maxFiles must be at least 1");
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    /** Appends {@code line} and a newline. */
    void append(String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        open();
        if (size > 0 && size + bytes.length > maxBytes) {
            rotate();
            open();
        }
        out.write(bytes);
        size += bytes.length;
    }

    void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    private void open() throws IOException {
        if (out != null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        size = Files.size(file);
        if (size > 0 && !endsWithNewline()) {
            // a process killed mid-write left half a line: end it, so it stays one unreadable line
            out.write('\n');
            size++;
        }
    }

    private boolean endsWithNewline() throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    private void rotate() throws IOException {
        close();
        if (maxFiles == 1) {
            Files.deleteIfExists(file);
            return;
        }
        Files.deleteIfExists(rotated(maxFiles - 1));
        for (int i = maxFiles - 2; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    }

    Path rotated(int index) {
        return file.resolveSibling(file.getFileName() + "." + index);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            try {
                out.close();
            } finally {
                out = null;
            }
        }
    }
}
