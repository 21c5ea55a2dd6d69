package dk.articlesummarizer.web;

import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dk.articlesummarizer.access.AccessFilter;
import dk.articlesummarizer.access.Budgets;
import dk.articlesummarizer.access.DailyBudget;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the calling API key spent on LLM work today, and what its budget leaves. */
@Path("/usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private final Budgets budgets;

    public UsageResource(Budgets budgets) {
        this.budgets = budgets;
    }

    /**
     * Today's spending.
     *
     * @param day the UTC day counted
     * @param resetsInSeconds until the day ends and the budget is whole again
     */
    @RegisterForReflection
    public record UsageReport(LocalDate day, long resetsInSeconds, String currency, Tokens tokens, Cost cost) {
    }

    /**
     * Prompt and completion tokens together.
     *
     * @param limit absent when tokens have no limit
     * @param remaining absent when tokens have no limit
     */
    @RegisterForReflection
    @Schema(name = "UsageTokens")
    public record Tokens(long spent, Long limit, Long remaining) {

        static Tokens of(long spent, long limit) {
            return limit > 0 ? new Tokens(spent, limit, Math.max(0, limit - spent)) : new Tokens(spent, null, null);
        }
    }

    /**
     * Cost in {@code currency}.
     *
     * @param limit absent when cost has no limit
     * @param remaining absent when cost has no limit
     */
    @RegisterForReflection
    @Schema(name = "UsageCost")
    public record Cost(double spent, Double limit, Double remaining) {

        static Cost of(double spent, double limit) {
            return limit > 0 ? new Cost(spent, limit, Math.max(0, limit - spent)) : new Cost(spent, null, null);
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "Spent, limit and remaining per measure")
    public UsageReport usage(@Context ContainerRequestContext context) {
        Budgets.Spending today = budgets.spending(AccessFilter.caller(context));
        DailyBudget budget = today.budget();
        return new UsageReport(today.day(), today.untilReset().toSeconds(), budgets.currency(),
                Tokens.of(today.tokens(), budget.tokens()), Cost.of(today.cost(), budget.cost()));
    }
}
