package dk.articlesummarizer.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dk.articlesummarizer.common.Sha256;

/**
 * The accepted API keys, from {@code SUMMARIZER_API_KEYS} and {@code SUMMARIZER_API_KEYS_FILE} (re-read when its
 * modification time changes). Only SHA-256 digests are kept; a presented key is compared against every digest in
 * constant time, and callers are told apart in logs by a short hash, never by the key.
 */
@Singleton
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    /** How often the key file's modification time is looked at, at most. */
    private static final long FILE_CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final List<byte[]> configured;
    private final Optional<Path> file;
    private volatile List<byte[]> fromFile = List.of();
    private volatile FileTime fileVersion;
    private volatile long nextFileCheck;

    public ApiKeys(AccessConfig config) {
        this.configured = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip).filter(key -> !key.isEmpty()).map(ApiKeys::digest).toList();
        this.file = config.apiKeysFile();
        file.ifPresent(path -> reload(path, true));
    }

    public boolean enabled() {
        return !configured.isEmpty() || file.isPresent();
    }

    /** @return the caller's short id when the key is accepted */
    public Optional<String> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        file.ifPresent(path -> reload(path, false));
        byte[] candidate = digest(presented);
        boolean accepted = false;
        for (List<byte[]> keys : List.of(configured, fromFile)) {
            for (byte[] key : keys) {
                // No early exit: the time taken does not depend on which key matched, or how much of one.
                accepted |= MessageDigest.isEqual(key, candidate);
            }
        }
        return accepted ? Optional.of(callerId(candidate)) : Optional.empty();
    }

    private static String callerId(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    private void reload(Path path, boolean force) {
        long now = System.nanoTime();
        if (!force && now < nextFileCheck) {
            return;
        }
        nextFileCheck = now + FILE_CHECK_INTERVAL_NANOS;
        try {
            FileTime version = Files.getLastModifiedTime(path);
            if (!force && version.equals(fileVersion)) {
                return;
            }
            List<byte[]> keys = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String key = line.strip();
                if (!key.isEmpty() && !key.startsWith("#")) {
                    keys.add(digest(key));
                }
            }
            fromFile = List.copyOf(keys);
            fileVersion = version;
            LOG.infof("Loaded %d API key(s) from %s", keys.size(), path);
        } catch (IOException e) {
            if (force) {
                throw new UncheckedIOException("Cannot read SUMMARIZER_API_KEYS_FILE " + path, e);
            }
            LOG.warnf("Cannot re-read SUMMARIZER_API_KEYS_FILE %s; keeping the keys read before", path);
        }
    }

    private static byte[] digest(String key) {
        return Sha256.of(key);
    }
}
