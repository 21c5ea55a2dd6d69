package dk.articlesummarizer.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The access limits, checked at start: a negative one would pass for "no limit", and a negative
 * {@code SUMMARIZER_RATE_LIMIT_MAX_CLIENTS} would fail every request. (Constraint annotations on {@link AccessConfig}
 * would say the same, but make the tests' hand-written configurations interception targets that ArC refuses.)
 */
@ApplicationScoped
class AccessLimits {

    void check(@Observes StartupEvent start, AccessConfig config) {
        atLeast(0, config.budget().tokensPerDay(), "SUMMARIZER_BUDGET_TOKENS_PER_DAY");
        atLeast(0, config.budget().costPerDay(), "SUMMARIZER_BUDGET_COST_PER_DAY");
        atLeast(0, config.rateLimit().perMinute(), "SUMMARIZER_RATE_LIMIT_PER_MINUTE");
        atLeast(1, config.rateLimit().maxClients(), "SUMMARIZER_RATE_LIMIT_MAX_CLIENTS");
    }

    private static void atLeast(long least, double value, String setting) {
        if (!(value >= least) || Double.isInfinite(value)) {
            throw new ConfigurationException(setting + " must be " + least + " or more, not "
                    + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)));
        }
    }
}
