package dk.articlesummarizer.access;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.articlesummarizer.cache.SharedStore;
import dk.articlesummarizer.llm.Deadline;
import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.Usage;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What each caller (an API key, or everyone when keys are off) spent on LLM calls today (UTC), against its daily
 * budget. Work that would call the LLM is refused once the budget is spent; cache hits never are. What an answer
 * cost is counted when it is made, so calls in flight when the budget runs out still finish (a caller can overshoot
 * by what it has in flight). Calls whose answers failed are not charged.
 * <p>
 * With a shared tier (Redis) the day's counts live there, so that all replicas enforce one budget; while Redis
 * cannot be asked, each replica counts for itself, like the rate limit. Costs are counted in millionths of the
 * currency, so that Redis adds integers.
 */
@ApplicationScoped
public class Budgets {

    private static final Duration KEPT = Duration.ofDays(2);
    private static final double MICROS = 1_000_000d;
    private static final String ANONYMOUS = "anonymous";

    private final ApiKeys keys;
    private final SharedStore store;
    private final MeterRegistry metrics;
    private final String currency;
    private final Cache<String, AtomicLong> local = Caffeine.newBuilder().expireAfterWrite(KEPT)
            .maximumSize(100_000).build();

    public Budgets(ApiKeys keys, SharedStore store, MeterRegistry metrics, LlmConfig llm) {
        this.keys = keys;
        this.store = store;
        this.metrics = metrics;
        this.currency = llm.priceCurrency();
    }

    /** Today's spending of a caller, and its budget. */
    public record Spending(String caller, LocalDate day, long tokens, double cost, DailyBudget budget,
            Duration untilReset) {
    }

    /** The payer of one caller's LLM work: asked when each call takes its turn, charged with each answer. */
    public Deadline.Payer payer(String caller) {
        return new Deadline.Payer() {
            @Override
            public void refuseIfSpent() {
                Budgets.this.refuseIfSpent(caller);
            }

            @Override
            public void spend(Usage usage) {
                Budgets.this.spend(caller, usage);
            }
        };
    }

    /** Refuses (429 budget-exhausted, Retry-After until midnight UTC) when the caller's budget is spent; blocking. */
    public void refuseIfSpent(String caller) {
        DailyBudget budget = keys.budgetOf(caller);
        if (!budget.limited()) {
            return;
        }
        Spending today = spending(caller);
        if (budget.spentBy(today.tokens(), today.cost())) {
            metrics.counter("summarizer.budget.refusals").increment();
            throw new ProblemException(ProblemType.BUDGET_EXHAUSTED, "Today's LLM budget of this "
                    + (keys.enabled() ? "API key" : "service") + " is spent (" + describe(today) + "). Cached"
                    + " answers are still served; new work is accepted again after midnight UTC.",
                    today.untilReset(), null);
        }
    }

    /** Counts what an answer made for the caller cost; blocking. */
    public void spend(String caller, Usage usage) {
        String name = caller.isEmpty() ? ANONYMOUS : caller;
        metrics.counter("summarizer.caller.tokens", "caller", name).increment(usage.tokens());
        metrics.counter("summarizer.caller.cost", "caller", name, "currency", currency).increment(usage.cost());
        LocalDate day = today();
        add(counter(caller, "tokens", day), usage.tokens());
        add(counter(caller, "cost", day), Math.round(usage.cost() * MICROS));
    }

    /** Today's spending of a caller; blocking. */
    public Spending spending(String caller) {
        LocalDate day = today();
        return new Spending(caller, day, add(counter(caller, "tokens", day), 0),
                add(counter(caller, "cost", day), 0) / MICROS, keys.budgetOf(caller), untilMidnight());
    }

    public String currency() {
        return currency;
    }

    private String describe(Spending today) {
        DailyBudget budget = today.budget();
        StringBuilder spent = new StringBuilder();
        if (budget.tokens() > 0) {
            spent.append(today.tokens()).append(" of ").append(budget.tokens()).append(" tokens");
        }
        if (budget.cost() > 0) {
            spent.append(spent.isEmpty() ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.4f of %.4f %s",
                    today.cost(), budget.cost(), currency));
        }
        return spent.toString();
    }

    private static String counter(String caller, String unit, LocalDate day) {
        return "budget " + unit + " of '" + caller + "' on " + day;
    }

    /** Adds to a day's count and returns the new total (an answer's tokens or micro-cost fit in an int). */
    private long add(String counter, long amount) {
        int step = (int) Math.min(Integer.MAX_VALUE, amount);
        return store.count(counter, step, KEPT)
                .orElseGet(() -> local.get(counter, name -> new AtomicLong()).addAndGet(step));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Duration untilMidnight() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC));
    }
}
