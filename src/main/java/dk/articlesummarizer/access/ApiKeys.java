package dk.articlesummarizer.access;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dk.articlesummarizer.common.OncePerInterval;
import dk.articlesummarizer.common.Sha256;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The accepted API keys, from {@code SUMMARIZER_API_KEYS} and {@code SUMMARIZER_API_KEYS_FILE} ({@link KeyFile}).
 * Only SHA-256 digests are kept; a presented key is compared against every digest in constant time, and callers
 * are told apart in logs by a short hash, never by the key.
 * <p>
 * Made at start ({@code @Startup}), so that a key file that cannot be used stops the start with one line naming it,
 * instead of failing every request. The file is re-read when its modification time changes; a changed file that
 * cannot be used leaves the keys read before in place, with one WARN.
 */
@Singleton
@Startup
public class ApiKeys {

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    private final List<byte[]> configured;
    private final Optional<Path> file;
    private final DailyBudget defaultBudget;
    private volatile KeyFile fromFile = new KeyFile(List.of(), Map.of());
    private FileTime fileVersion;
    private boolean warnedUnreadable;
    /** The key file's modification time is looked at once a second at most, however many requests come. */
    private final OncePerInterval fileCheck = new OncePerInterval(Duration.ofSeconds(1));

    public ApiKeys(AccessConfig config) {
        this.defaultBudget = new DailyBudget(config.budget().tokensPerDay(), config.budget().costPerDay());
        this.configured = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip).filter(key -> !key.isEmpty()).map(Sha256::of).toList();
        this.file = config.apiKeysFile();
        file.ifPresent(path -> {
            fileVersion = KeyFile.version(path);
            use(path, KeyFile.read(path, defaultBudget));
        });
    }

    public boolean enabled() {
        return !configured.isEmpty() || file.isPresent();
    }

    /** @return the caller's short id when the key is accepted */
    public Optional<String> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        file.ifPresent(path -> fileCheck.event(heldBack -> rereadIfChanged(path)));
        byte[] candidate = Sha256.of(presented);
        boolean accepted = false;
        for (List<byte[]> keys : List.of(configured, fromFile.keys())) {
            for (byte[] key : keys) {
                // No early exit: the time taken does not depend on which key matched, or how much of one.
                accepted |= MessageDigest.isEqual(key, candidate);
            }
        }
        return accepted ? Optional.of(callerId(candidate)) : Optional.empty();
    }

    /** The caller's daily budget: its key's own, or the default ({@code SUMMARIZER_BUDGET_*}). */
    public DailyBudget budgetOf(String callerId) {
        return fromFile.budgets().getOrDefault(callerId, defaultBudget);
    }

    static String callerId(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    private synchronized void rereadIfChanged(Path path) {
        FileTime version;
        try {
            version = KeyFile.version(path);
        } catch (ConfigurationException unreadable) {
            // Once per spell: the file is looked at every second while requests come.
            if (!warnedUnreadable) {
                LOG.warnf("%s; keeping the keys read before", unreadable.getMessage());
                warnedUnreadable = true;
            }
            return;
        }
        warnedUnreadable = false;
        if (version.equals(fileVersion)) {
            return;
        }
        // Each version is read once, so a version that cannot be used is warned about once.
        fileVersion = version;
        try {
            use(path, KeyFile.read(path, defaultBudget));
        } catch (ConfigurationException refused) {
            LOG.warnf("%s; keeping the keys read before", refused.getMessage());
        }
    }

    private void use(Path path, KeyFile read) {
        fromFile = read;
        LOG.infof("Loaded %d API key(s) from %s, %d with a budget of its own", read.keys().size(), path,
                read.budgets().size());
    }
}
