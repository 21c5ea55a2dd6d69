package dk.articlesummarizer.common;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The one line a file named by a setting gets when it cannot be used: the setting, the file and (for a bad line)
 * the line. Never with the exception as cause: a cause would make Quarkus print a stack trace instead.
 */
public final class SettingFiles {

    private SettingFiles() {
    }

    public static ConfigurationException badLine(String setting, Path file, int line, String what) {
        return new ConfigurationException(setting + " " + file + ":" + line + ": " + what);
    }

    public static ConfigurationException unreadable(String setting, Path file, IOException e) {
        String why = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof CharacterCodingException ? "not UTF-8 text"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        return new ConfigurationException(setting + " " + file + ": cannot be read (" + why + ")");
    }
}
