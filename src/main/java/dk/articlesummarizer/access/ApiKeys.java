package dk.articlesummarizer.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dk.articlesummarizer.common.Sha256;

/**
 * The accepted API keys, from {@code SUMMARIZER_API_KEYS} and {@code SUMMARIZER_API_KEYS_FILE} (re-read when its
 * modification time changes). A line of the file is a key, optionally followed by its own daily budget
 * ({@code tokens-per-day=200000 cost-per-day=5}, separated by spaces), which overrides {@code SUMMARIZER_BUDGET_*}.
 * Only SHA-256 digests are kept; a presented key is compared against every digest in constant time, and callers
 * are told apart in logs by a short hash, never by the key.
 */
@Singleton
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    /** How often the key file's modification time is looked at, at most. */
    private static final long FILE_CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final List<byte[]> configured;
    private final Optional<Path> file;
    private final DailyBudget defaultBudget;
    private volatile List<byte[]> fromFile = List.of();
    private volatile Map<String, DailyBudget> budgets = Map.of();
    private volatile FileTime fileVersion;
    private volatile long nextFileCheck;

    public ApiKeys(AccessConfig config) {
        this.defaultBudget = new DailyBudget(config.budget().tokensPerDay(), config.budget().costPerDay());
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

    /** The caller's daily budget: its key's own, or the default ({@code SUMMARIZER_BUDGET_*}). */
    public DailyBudget budgetOf(String callerId) {
        return budgets.getOrDefault(callerId, defaultBudget);
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
            Map<String, DailyBudget> ownBudgets = new HashMap<>();
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            for (int number = 1; number <= lines.size(); number++) {
                String line = lines.get(number - 1).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\s+");
                byte[] key = digest(fields[0]);
                keys.add(key);
                if (fields.length > 1) {
                    try {
                        ownBudgets.put(callerId(key),
                                defaultBudget.overriddenBy(Arrays.copyOfRange(fields, 1, fields.length)));
                    } catch (IllegalArgumentException e) {
                        // The message names the setting, never the key.
                        String problem = "SUMMARIZER_API_KEYS_FILE " + path + ", line " + number + ": "
                                + e.getMessage();
                        if (force) {
                            throw new IllegalArgumentException(problem, e);
                        }
                        fileVersion = version;
                        LOG.warnf("Cannot use the changed key file (%s); keeping the keys read before", problem);
                        return;
                    }
                }
            }
            fromFile = List.copyOf(keys);
            budgets = Map.copyOf(ownBudgets);
            fileVersion = version;
            LOG.infof("Loaded %d API key(s) from %s, %d with a budget of its own", keys.size(), path,
                    ownBudgets.size());
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
