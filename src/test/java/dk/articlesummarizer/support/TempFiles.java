package dk.articlesummarizer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a test hands the service (key files, glossaries), deleted when the JVM exits. */
public final class TempFiles {

    private TempFiles() {
    }

    public static Path withContent(String prefix, String suffix, String content) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            Files.writeString(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
