package dk.articlesummarizer.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;

/** A key file line's own budget: read at start, or refused naming the line but never the key. */
class ApiKeysBudgetLineTest {

    private static AccessConfig keysIn(Path file) {
        return new AccessConfig() {
            @Override
            public Optional<List<String>> apiKeys() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> apiKeysFile() {
                return Optional.of(file);
            }

            @Override
            public RateLimit rateLimit() {
                throw new UnsupportedOperationException("keys have no rate limit");
            }

            @Override
            public Budget budget() {
                return new Budget() {
                    @Override
                    public long tokensPerDay() {
                        return 1000;
                    }

                    @Override
                    public double costPerDay() {
                        return 0;
                    }
                };
            }
        };
    }

    @Test
    void aKeysOwnBudgetOverridesTheDefaultForThatKeyOnly() {
        ApiKeys keys = new ApiKeys(keysIn(BudgetTest.keyFile("team-a-1f2e cost-per-day=2.5\nteam-b-9c8d\n")));

        String teamA = keys.authenticate("team-a-1f2e").orElseThrow();
        String teamB = keys.authenticate("team-b-9c8d").orElseThrow();

        assertEquals(new DailyBudget(1000, 2.5), keys.budgetOf(teamA));
        assertEquals(new DailyBudget(1000, 0), keys.budgetOf(teamB));
    }

    @Test
    void aBadSettingStopsTheStartNamingTheLineAndNotTheKey() {
        Path file = BudgetTest.keyFile("# keys\nsecret-key-77aa tokens-per-day=lots\n");

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> new ApiKeys(keysIn(file)));

        assertTrue(refused.getMessage().startsWith("SUMMARIZER_API_KEYS_FILE " + file + ":2: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("tokens-per-day must be a whole number of 0 or more, not 'lots'"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-key-77aa"), refused.getMessage());
    }
}
