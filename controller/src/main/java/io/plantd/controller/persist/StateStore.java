package io.plantd.controller.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The plant state files in the state directory. Every save writes the bytes to a temporary
 * file, forces them to disk, atomically renames it over {@value #MAIN} and forces the directory;
 * then does the same for {@value #BACKUP}. A crash at any point leaves each file either whole
 * and old or whole and new (a torn temporary file is never read), and the backup covers a main
 * file damaged after the fact (bad sector, truncation by a full disk).
 */
public final class StateStore {
    public static final String MAIN = "plant-state.json";
    public static final String BACKUP = "plant-state.backup.json";
    static final String TMP_SUFFIX = ".tmp";

    private final Path dir;

    public StateStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path main() {
        return dir.resolve(MAIN);
    }

    public Path backup() {
        return dir.resolve(BACKUP);
    }

    public void save(byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(main(), bytes);
        writeAtomically(backup(), bytes);
    }

    /** The file's bytes, or null when it does not exist. */
    static byte[] readOrNull(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + TMP_SUFFIX);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("state directory " + dir + " does not support atomic rename", e);
        }
        forceDirectory();
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is harmless. */
    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic there
        }
    }
}
